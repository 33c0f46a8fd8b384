#!/usr/bin/env bash
# Dreaming benchmark: on a GoogLeNet-shaped graph with random weights (bench/neural/make_models.py)
# and on the built-in V1 model's graph, the cost of the backward pass relative to the forward pass to
# the same layer (target ≤ 2.5×), and the seconds per 512×512 dream frame (4 octaves × 10 steps,
# DeepDream's defaults). The machine's load (uptime) is printed before and after.
# Needs a release build (make release) and Python 3 (makes bench/.venv with onnx and numpy).
# Usage: bench/dream/run.sh [LAYER ...]   (GoogLeNet layers; default: inception_4c, DeepDream's default,
# and the last inception output; V1: complex@1.5cpd and normalized@0.75cpd, the band with the largest kernels)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/bench/.venv"
work=${DREAM_BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q onnx numpy
stimgen="$root/.build/release/stimgen"
[ -x "$stimgen" ] || { echo "build first: make release" >&2; exit 1; }

uptime
[ -f "$work/models/googlenet.onnx" ] || "$venv/bin/python" "$root/bench/neural/make_models.py" "$work/models"
model="$work/models/googlenet.onnx"
if [ $# -gt 0 ]; then layers=("$@"); else
  mapfile -t concats < <("$stimgen" layers "$model" | awk '$2 == "Concat" { print $1 }')
  layers=("${concats[4]}" "${concats[${#concats[@]}-1]}")
fi
for layer in "${layers[@]}"; do
  echo "## googlenet $layer, 512×512"
  "$stimgen" bench-dream "$model" --layer "$layer" --size 512 --repeats 3
done
for layer in complex@1.5cpd normalized@0.75cpd; do
  echo "## v1 $layer, 512×512"
  "$stimgen" bench-dream v1 --layer "$layer" --size 512 --repeats 3
done
uptime
