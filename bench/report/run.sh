#!/usr/bin/env bash
# Benchmark: `stimgen report` over 100 simulated sessions (25 participants × 4 complete classic
# McCollough sessions, every frame recorded), against pandas reading the same data as CSV.
#
#   bench/report/run.sh            (uses .build/release/stimgen, building it when missing)
#   STIMGEN=path/to/stimgen bench/report/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${STIMGEN:-$root/.build/release/stimgen}"
if [ ! -x "$bin" ]; then (cd "$root" && swift build -c release --product stimgen); fi
venv="$root/bench/.venv"
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv" && "$venv/bin/pip" install --quiet pandas; fi

# BENCH_DB=FILE reuses (or keeps) the simulated database between runs.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="${BENCH_DB:-$work/bench.sqlite}"
seconds() { python3 -c 'import time; print(f"{time.time():.3f}")'; }

echo "machine: $(nproc) cores, $(uname -m); stimgen $("$bin" --version)"
if [ ! -f "$db" ]; then
  t0=$(seconds)
  "$bin" _simulate-sessions --db "$db" --participants 25 --sessions-each 4 --seed 1 2>/dev/null
  t1=$(seconds)
  echo "recording 100 simulated sessions: $(python3 -c "print(f'{$t1-$t0:.1f}')") s"
fi
echo "database: $(du -m "$db" | cut -f1) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$db" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for table in ["sessions", "trials", "responses", "frames", "fixation_events"]:
    print(f"  {table}: {con.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]} rows")
PY

# Wall time depends on what else the machine runs; CPU time (user + system) is reported beside it.
for run in 1 2 3; do
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" report --db "$db" --all --out "$work/report.html" >/dev/null
  read -r wall user sys rss < "$work/time"
  echo "stimgen report, 100 sessions, run $run: wall $wall s, CPU $(python3 -c "print(f'{$user+$sys:.2f}')") s, peak memory $((rss / 1024)) MB, $(du -k "$work/report.html" | cut -f1) KB"
done

csv="$work/csv"
if "$bin" --help 2>/dev/null | grep -q "export-data"; then
  "$bin" export-data --db "$db" --format csv --out "$csv" >/dev/null
  echo "CSV: stimgen export-data"
else
  "$venv/bin/python" "$root/bench/report/export_tables.py" "$db" "$csv"
  echo "CSV: stimgen export-data not available in this build; tables exported with Python's sqlite3"
fi
/usr/bin/time -f "%e %U %S" -o "$work/time" "$venv/bin/python" "$root/bench/report/read_with_pandas.py" "$csv"
read -r wall user sys < "$work/time"
echo "pandas process: wall $wall s, CPU $(python3 -c "print(f'{$user+$sys:.2f}')") s"
