#!/usr/bin/env bash
# Presenter benchmark, in one run at 1280x720 under Xvfb with SDL's software renderer:
#  1. CPU per frame: a bare SDL2 loop (bare_loop.c: poll events, clear, copy one full-window texture,
#     present; as fast as it goes) vs stimgen's frame loop during the session below (the same blit
#     plus fixation letter and countdown sprites, frame timing and log, input, records handed to the
#     writer), counted on the frame loop's thread without the time it waits for flip slots;
#  2. the 3-minute adaptation protocol (then 10 nulling trials) with the simulated participant:
#     dropped frames (> 1.5 periods), worst interval, response commit latency p50/p99;
#  3. commits vs flips: the interval of the first flip after every committed key press, fixation
#     score and response, against all intervals.
# Xvfb has no vertical blank, so vsync cannot pace or be measured there: the run passes
# `--pace-refresh 60`, which paces frames in real time at 60 Hz (each flip waits for its slot on a
# 60 Hz grid) and is recorded in the session's notes.
# Usage: bench/presenter/run.sh [STIMGEN_BINARY] [ADAPTATION_PROTOCOL]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/stimgen}
PROTOCOL=${2:-bench/presenter/adaptation-3min.yaml}
[ -x "$BIN" ] || swift build -c release --product stimgen
OUT=$(mktemp -d)
XVFB_PID=
trap '[ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null; rm -rf "$OUT"' EXIT
export SDL_RENDER_DRIVER=software

cc -O2 -o "$OUT/bare_loop" bench/presenter/bare_loop.c $(pkg-config --cflags --libs sdl2)
echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
Xvfb :97 -screen 0 1280x720x24 >/dev/null 2>&1 &
XVFB_PID=$!
sleep 1
export DISPLAY=:97

echo "== 1. bare SDL loop, 1280x720, Xvfb"
"$OUT/bare_loop" 1280 720 1200
echo "== 1b. bare SDL loop paced at 60 Hz like stimgen, with two small sprites on top (letter, countdown)"
"$OUT/bare_loop" 1280 720 1200 60

echo "== 2. stimgen run, 1280x720 window on Xvfb, paced at 60 Hz"
DB="$OUT/xvfb.sqlite"
"$BIN" run "$PROTOCOL" --stimuli Stimuli --participant bench --db "$DB" --window 1280x720 --pace-refresh 60 --simulate
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "adaptation phase: frames, dropped, worst interval (ms):"
sqlite3 "$DB" "SELECT COUNT(*), SUM(dropped), ROUND(MAX(interval_s) * 1000, 2) FROM frames WHERE phase_index = 0;"

echo "== 3. first flip after each commit: count, dropped, mean and worst interval (ms); then all frames"
sqlite3 "$DB" "
  WITH commits(t) AS (SELECT monotonic_s FROM key_events UNION ALL SELECT response_time_s FROM responses),
  after AS (SELECT (SELECT f.id FROM frames f WHERE f.flip_time_s > c.t ORDER BY f.flip_time_s LIMIT 1) AS id FROM commits c)
  SELECT COUNT(*), SUM(f.dropped), ROUND(AVG(f.interval_s) * 1000, 3), ROUND(MAX(f.interval_s) * 1000, 2)
  FROM after a JOIN frames f ON f.id = a.id;
  SELECT COUNT(*), SUM(dropped), ROUND(AVG(interval_s) * 1000, 3), ROUND(MAX(interval_s) * 1000, 2) FROM frames;"
