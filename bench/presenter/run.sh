#!/usr/bin/env bash
# Presenter benchmark at 1280x720 with SDL's software renderer (the renderer the offscreen driver uses):
#  1. CPU per frame: a bare SDL2 loop (bare_loop.c: clear, copy one full-window texture, present) vs
#     stimgen's frame loop (`run --headless --fast`: the same blit plus fixation letter, countdown,
#     frame log and database writer), both offscreen, as fast as they go;
#  2. real time under Xvfb: the bare loop's frame interval, then `stimgen run --window 1280x720` on
#     the adaptation protocol with the simulated participant: refresh measured at start, dropped
#     frames, worst interval, response commit latency, and dropped frames near response commits.
# Usage: bench/presenter/run.sh [STIMGEN_BINARY] [ADAPTATION_PROTOCOL]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/stimgen}
PROTOCOL=${2:-bench/presenter/adaptation-3min.yaml}
OUT=$(mktemp -d)
XVFB_PID=
trap '[ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null; rm -rf "$OUT"' EXIT
export SDL_RENDER_DRIVER=software

cc -O2 -o "$OUT/bare_loop" bench/presenter/bare_loop.c $(pkg-config --cflags --libs sdl2)
echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

echo "== 1. CPU per frame, offscreen, 1280x720"
SDL_VIDEODRIVER=offscreen "$OUT/bare_loop" 1280 720 1200
SDL_VIDEODRIVER=offscreen "$BIN" run "$PROTOCOL" --stimuli Stimuli --participant bench --db "$OUT/fast.sqlite" \
  --headless --simulate --fast | grep -E 'frames|CPU'

echo "== 2. real time under Xvfb, 1280x720"
Xvfb :97 -screen 0 1280x720x24 >/dev/null 2>&1 &
XVFB_PID=$!
sleep 1
export DISPLAY=:97
DISPLAY=:97 "$OUT/bare_loop" 1280 720 600
if "$BIN" run "$PROTOCOL" --stimuli Stimuli --participant bench --db "$OUT/xvfb.sqlite" --window 1280x720 --simulate; then
  echo "dropped frames within 0.5 s after a response (a commit in flight):"
  sqlite3 "$OUT/xvfb.sqlite" "SELECT COUNT(DISTINCT f.frame_index) FROM responses r JOIN frames f ON f.session_id = r.session_id
    WHERE f.dropped = 1 AND f.flip_time_s BETWEEN r.response_time_s AND r.response_time_s + 0.5;"
  echo "all dropped frames, and frames flipped within 0.5 s after a response:"
  sqlite3 "$OUT/xvfb.sqlite" "SELECT SUM(dropped) FROM frames;"
  sqlite3 "$OUT/xvfb.sqlite" "SELECT COUNT(DISTINCT f.frame_index) FROM responses r JOIN frames f ON f.session_id = r.session_id
    WHERE f.flip_time_s BETWEEN r.response_time_s AND r.response_time_s + 0.5;"
fi
