#!/usr/bin/env bash
# `stimgen predict` cost: the classic McCollough protocol (10 min of 10 s alternation at 60 Hz) with its
# adaptation phase scaled to 2.5, 10 and 40 min, and the model input at 14, 28 and 56 px/deg (8° field:
# 112, 224, 448 px); then the three adaptation models and a VOneNet-sampled bank at 10 min. Wall time
# of the whole command (protocol check and safety analysis included) and user CPU time, best of REPEATS
# runs (default 3). Needs a release build (make release); STIMGEN overrides the binary.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
stimgen=${STIMGEN:-"$root/.build/release/stimgen"}
[ -x "$stimgen" ] || { echo "build first: make release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Protocols"
cp -r "$root/Stimuli" "$work/Stimuli"
for minutes in 2.5 10 40; do
  sed "s/total_duration: 10 min/total_duration: $minutes min/" "$root/Protocols/mccollough-classic.yaml" > "$work/Protocols/classic-$minutes.yaml"
done
best() { # best wall and user seconds of REPEATS runs of "$@"
  local wall=999 user=999
  for _ in $(seq "${REPEATS:-3}"); do
    /usr/bin/time -f "%e %U" -o "$work/t" "$@" > /dev/null || { echo "failed: $*" >&2; exit 1; }
    read -r w u < "$work/t"
    wall=$(echo "$w $wall" | awk '{print ($1 < $2) ? $1 : $2}')
    user=$(echo "$u $user" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "$wall s wall, $user s user"
}
echo "## adaptation length (28 px/deg, 224 px)"
for minutes in 2.5 10 40; do
  echo "$minutes min: $(best "$stimgen" predict "$work/Protocols/classic-$minutes.yaml")"
done
echo "## model input size (10 min)"
for ppd in 14 28 56; do
  echo "$ppd px/deg ($(awk "BEGIN{print 8*$ppd}") px): $(best "$stimgen" predict "$work/Protocols/classic-10.yaml" --pixels-per-degree "$ppd")"
done
echo "## protocol check alone (stimgen validate, 10 min)"
echo "validate: $(best "$stimgen" validate "$work/Protocols/classic-10.yaml")"
echo "## adaptation model and bank (10 min, 28 px/deg)"
for adaptation in decorrelation fatigue suppression; do
  echo "$adaptation: $(best "$stimgen" predict "$work/Protocols/classic-10.yaml" --adaptation "$adaptation")"
done
echo "vonenet-sampled bank (seed 1): $(best "$stimgen" predict "$work/Protocols/classic-10.yaml" --vonenet-seed 1)"
