#!/usr/bin/env bash
# Times `stimgen validate` (parse, stimulus checks, timeline compilation and the full-resolution
# photosensitive-safety analysis: 960-px renders, 0.5° cells) on every shipped protocol, release build.
# Usage: bash bench/protocols/run.sh   (from the repository root; builds the release binary if needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product stimgen >/dev/null
BIN=.build/release/stimgen
REPEATS=${REPEATS:-3}
printf "%-28s %10s %10s\n" protocol "best (s)" "median (s)"
for file in Protocols/*.yaml; do
  times=()
  for _ in $(seq "$REPEATS"); do
    start=$(date +%s.%N)
    "$BIN" validate "$file" >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  sorted=$(printf "%s\n" "${times[@]}" | sort -g)
  best=$(echo "$sorted" | head -1)
  median=$(echo "$sorted" | sed -n "$(( (REPEATS + 1) / 2 ))p")
  printf "%-28s %10.3f %10.3f\n" "$(basename "$file" .yaml)" "$best" "$median"
done
