#!/usr/bin/env bash
# Renders a stimgen HTML report in headless Chromium and saves a PNG screenshot of it, so that
# a reviewer can check that the report opens in a real browser. Installs Chromium (Debian
# package `chromium`) with apt-get when it is missing.
#
#   scripts/report-screenshot.sh report.html screenshot.png [width_px] [height_px]
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH_PX] [HEIGHT_PX]" >&2
  exit 2
fi
report="$1"; out="$2"; width="${3:-1200}"; height="${4:-4000}"
[ -f "$report" ] || { echo "no such report: $report" >&2; exit 1; }

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "installing chromium (apt-get)…" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  browser="$(command -v chromium)"
fi

abs_report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
abs_out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
profile="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$profile" "$log"' EXIT
# --no-sandbox: the sandbox cannot start as root in containers.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size="$width,$height" --screenshot="$abs_out" "file://$abs_report" >"$log" 2>&1 || {
  cat "$log" >&2; echo "chromium failed to render $report" >&2; exit 1; }
[ -s "$abs_out" ] || { cat "$log" >&2; echo "no screenshot written" >&2; exit 1; }
echo "screenshot: $out (${width}×${height} px)"
