#!/usr/bin/env bash
# Session-store benchmark: what recording costs the frame loop, and how fast records become durable.
#
#   bash bench/store/run.sh [STIMGEN_BINARY]
#
# 1. One presenter: a 60 Hz frame loop for 60 s (3600 frames) with a trial and a response every
#    30 frames, through the real SessionWriter into a fresh database on disk (WAL, synchronous=FULL).
# 2. Two presenters at once on one database (two processes), same load each.
# Each prints the time spent inside `record` per frame and the commit latencies (p50/p99/max).
# 3. The tidy CSV export of the resulting database, and — when python3 can make a virtualenv with
#    pandas (bench/.venv) — the time pandas.read_csv takes to load every table in one call.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/stimgen}
OUT=out/bench-store
rm -rf "$OUT" && mkdir -p "$OUT"
DURATION_FRAMES=${DURATION_FRAMES:-3600}

echo "== one presenter: $DURATION_FRAMES frames at 60 Hz, a response every 30 frames"
"$BIN" _store-writer --db "$OUT/one.sqlite" --frames "$DURATION_FRAMES" --interval-s 0.0166667 --frames-per-response 30 \
  | grep -v -E '^(committed|session) '

echo "== two presenters on one database"
for i in 1 2; do
  "$BIN" _store-writer --db "$OUT/two.sqlite" --frames "$DURATION_FRAMES" --interval-s 0.0166667 --frames-per-response 30 \
    | grep -v -E '^(committed|session) ' | sed "s/^/presenter $i: /" &
done
wait
sqlite3 "$OUT/two.sqlite" "SELECT 'responses ' || COUNT(*) FROM responses; SELECT 'frames ' || COUNT(*) FROM frames; PRAGMA integrity_check;" 2>/dev/null || true

echo "== tidy export"
start=$(date +%s.%N)
"$BIN" export-data --db "$OUT/two.sqlite" --format csv --out "$OUT/csv" > /dev/null
end=$(date +%s.%N)
echo "export-data csv: $(echo "$end - $start" | bc) s"

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv && bench/.venv/bin/pip install -q pandas || echo "(no pandas: skipping the read check)"
fi
if [ -x bench/.venv/bin/python ]; then
  bench/.venv/bin/python bench/store/read_with_pandas.py "$OUT/csv"
fi
