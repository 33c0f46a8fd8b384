#!/usr/bin/env bash
# Presenter benchmark, in one run at 1280x720 under Xvfb, both programs with SDL's software renderer
# (SDL_RENDER_DRIVER=software) and paced at 60 Hz:
#  1. CPU per frame, like for like: bare_loop.c (a bare SDL2 loop whose window, renderer, textures
#     and sprites are set up and drawn as stimgen's SDLDisplay does: see its header) for 1200 frames
#     against `stimgen run` on adaptation-20s.yaml, 1200 frames of the same picture (full-window
#     adapter, fixation letter, countdown) with stimgen's timing, log, input and records handed to the
#     writer, three pairs in turn. Each prints the renderer it ended up with (SDL_GetRendererInfo
#     name and flags, video driver). CPU is the loop thread's CLOCK_THREAD_CPUTIME_ID; stimgen's
#     without the time it waits for flip slots (the bare loop waits in clock_nanosleep, which costs
#     no CPU);
#  2. the 3-minute adaptation protocol (then 10 nulling trials) with the simulated participant:
#     dropped frames (> 1.5 periods), worst interval, how long after its slot each flip came,
#     response commit latency p50/p99;
#  3. commits vs flips: the interval of the first flip after every committed key press, fixation
#     score and response, against all intervals;
#  4. cpu_clocks.c: how getrusage and the CPU-time clock book the spin at the end of a flip wait.
# Xvfb has no vertical blank, so vsync cannot pace or be measured there: stimgen runs with
# `--pace-refresh 60`, which paces frames in real time at 60 Hz (each flip waits for its slot on a
# 60 Hz grid) and is recorded in the session's notes; the bare loop paces itself on the same grid.
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

cc -O2 -o "$OUT/bare_loop" bench/presenter/bare_loop.c $(pkg-config --cflags --libs sdl2 SDL2_ttf)
echo "machine load before: $(uptime)"
Xvfb :97 -screen 0 1280x720x24 >/dev/null 2>&1 &
XVFB_PID=$!
sleep 1
export DISPLAY=:97

# The sprites' sizes are stimgen's at 1280x720 px on the standard geometry (36.0 px/deg at 57 cm):
# the letter's 0.6 deg = round(0.6 x 36.0 / 0.72) = 30 pt; the countdown 720 / 40 = 18 pt.
# Three pairs, one after the other (bare, stimgen, bare, stimgen, …), so that a change in the
# machine's load shows as a difference between pairs rather than between the two loops.
echo "== 1. CPU per frame: bare SDL loop, then stimgen, 1200 frames each paced at 60 Hz; three pairs"
for pair in 1 2 3; do
    "$OUT/bare_loop" 1280 720 1200 60 30 18
    "$BIN" run bench/presenter/adaptation-20s.yaml --stimuli Stimuli --participant bench --db "$OUT/cpu-$pair.sqlite" \
        --window 1280x720 --pace-refresh 60 --simulate | grep -E "^(timing|frame loop CPU)"
done

echo "== 2. stimgen run, 3-minute adaptation then nulling, 1280x720 window on Xvfb, paced at 60 Hz"
DB="$OUT/xvfb.sqlite"
"$BIN" run "$PROTOCOL" --stimuli Stimuli --participant bench --db "$DB" --window 1280x720 --pace-refresh 60 --simulate
echo "machine load after: $(uptime)"
echo "adaptation phase: frames, dropped, worst interval (ms):"
sqlite3 "$DB" "SELECT COUNT(*), SUM(dropped), ROUND(MAX(interval_s) * 1000, 2) FROM frames WHERE phase_index = 0;"
echo "flip time after its slot on the 60 Hz grid (ms; the present's own duration included): p10, median, p99"
sqlite3 "$DB" "
  WITH late AS (SELECT (flip_time_s - planned_time_s) * 1000 AS ms FROM frames ORDER BY ms), n AS (SELECT COUNT(*) AS c FROM late)
  SELECT ROUND((SELECT ms FROM late LIMIT 1 OFFSET (SELECT c / 10 FROM n)), 3), ROUND((SELECT ms FROM late LIMIT 1 OFFSET (SELECT c / 2 FROM n)), 3),
         ROUND((SELECT ms FROM late LIMIT 1 OFFSET (SELECT c * 99 / 100 FROM n)), 3);"

echo "== 3. first flip after each commit: count, dropped, mean and worst interval (ms); then all frames"
sqlite3 "$DB" "
  WITH commits(t) AS (SELECT monotonic_s FROM key_events UNION ALL SELECT response_time_s FROM responses),
  after AS (SELECT (SELECT f.id FROM frames f WHERE f.flip_time_s > c.t ORDER BY f.flip_time_s LIMIT 1) AS id FROM commits c)
  SELECT COUNT(*), SUM(f.dropped), ROUND(AVG(f.interval_s) * 1000, 3), ROUND(MAX(f.interval_s) * 1000, 2)
  FROM after a JOIN frames f ON f.id = a.id;
  SELECT COUNT(*), SUM(dropped), ROUND(AVG(interval_s) * 1000, 3), ROUND(MAX(interval_s) * 1000, 2) FROM frames;"

echo "== 4. why CPU time is read from CLOCK_THREAD_CPUTIME_ID (see cpu_clocks.c)"
cc -O2 -o "$OUT/cpu_clocks" bench/presenter/cpu_clocks.c
"$OUT/cpu_clocks" 300 1
