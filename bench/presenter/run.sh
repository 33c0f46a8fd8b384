#!/usr/bin/env bash
# Presenter benchmark, in one run under Xvfb at 1280x720 with SDL's software renderer:
#  1. a bare SDL2 loop (bare_loop.c) presenting one full-window texture: the physical limit of the path;
#  2. `stimgen run` on a 3-minute adaptation protocol (adaptation-3min.yaml) with the simulated
#     participant: frame-loop CPU per frame, dropped frames, worst interval, response commit latency;
#  3. commits never delaying a flip: the frames flipped while each response was being committed.
# Usage: bench/presenter/run.sh [STIMGEN_BINARY] [ADAPTATION_PROTOCOL]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/stimgen}
PROTOCOL=${2:-bench/presenter/adaptation-3min.yaml}
OUT=$(mktemp -d)
trap 'kill $XVFB_PID 2>/dev/null || true; rm -rf "$OUT"' EXIT

cc -O2 -o "$OUT/bare_loop" bench/presenter/bare_loop.c $(pkg-config --cflags --libs sdl2)
Xvfb :97 -screen 0 1280x720x24 >/dev/null 2>&1 &
XVFB_PID=$!
sleep 1
export DISPLAY=:97 SDL_RENDER_DRIVER=software
unset SDL_VIDEODRIVER

echo "== bare SDL loop, 1280x720, 1200 frames"
"$OUT/bare_loop" 1280 720 1200

echo "== stimgen run $PROTOCOL, 1280x720 window, simulated participant"
"$BIN" run "$PROTOCOL" --participant bench --db "$OUT/bench.sqlite" --window 1280x720 --simulate --verbose \
  | grep -v '^committed response'

echo "== responses whose commit overlapped a flip interval > 1.5 periods"
sqlite3 "$OUT/bench.sqlite" "
  SELECT COUNT(*) FROM responses r JOIN frames f ON f.session_id = r.session_id
  WHERE f.dropped = 1 AND f.flip_time_s BETWEEN r.response_time_s AND r.response_time_s + 0.5;" 2>/dev/null \
  || echo "(sqlite3 not installed: skipped)"
