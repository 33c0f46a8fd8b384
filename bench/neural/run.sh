#!/usr/bin/env bash
# NeuralKit benchmark: OpenBLAS's sgemm peak (with the CPU's detected core and with the kernel
# stimgen chooses), then stimgen vs onnxruntime on four CNN-shaped graphs with random weights.
# Needs a release build (make release) and Python 3 (makes bench/.venv with onnx, onnxruntime, numpy).
# Options after the script name are passed to bench.py (e.g. --models resnet18 --batches 1).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/bench/.venv"
work=${NEURAL_BENCH_WORK:-$(mktemp -d)}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q onnx onnxruntime numpy
stimgen="$root/.build/release/stimgen"
[ -x "$stimgen" ] || { echo "build first: make release" >&2; exit 1; }

cc -O2 -o "$work/sgemm_peak" "$root/bench/neural/sgemm_peak.c" -lopenblas
echo "## sgemm 2048³ (best of 3)"
for threads in 1 2; do
  echo "as OpenBLAS detects the CPU:        $("$work/sgemm_peak" 2048 $threads 3)"
  for core in Prescott SkylakeX Cooperlake Haswell; do
    echo "OPENBLAS_CORETYPE=$core:$(printf '%*s' $((18 - ${#core})) '')$(OPENBLAS_CORETYPE=$core "$work/sgemm_peak" 2048 $threads 3)"
  done
done

"$venv/bin/python" "$root/bench/neural/make_models.py" "$work/models"
"$venv/bin/python" "$root/bench/neural/bench.py" "$stimgen" "$work/models" "$work" "$@"
