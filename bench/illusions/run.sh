#!/usr/bin/env bash
# Time to render and export each shipped illusion at full-screen size: stimgen export (render, gamma-encode,
# PNG write and read-back, manifest) per illusion, best of 3 runs, in seconds.
# Usage: bench/illusions/run.sh [debug|release] [WxH]   (default: release 1920x1080)
set -euo pipefail
cd "$(dirname "$0")/../.."
config=${1:-release}
size=${2:-1920x1080}
swift build -c "$config" --product stimgen >/dev/null
bin=.build/$config/stimgen
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "illusion,config,size_px,best_of_3_s"
for f in Stimuli/illusion_*.yaml; do
  name=$(basename "$f" .yaml)
  best=
  for _ in 1 2 3; do
    t0=$(date +%s.%N)
    "$bin" export "$name" --out "$out" --size "$size" --force >/dev/null
    t=$(echo "$(date +%s.%N) - $t0" | bc -l)
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  printf '%s,%s,%s,%.3f\n' "${name#illusion_}" "$config" "$size" "$best"
done
