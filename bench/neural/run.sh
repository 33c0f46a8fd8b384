#!/usr/bin/env bash
# NeuralKit benchmark: OpenBLAS's sgemm peak (with the CPU's detected core and with the kernel
# stimgen chooses), NeuralKit's packed-weight product against sgemm on the graphs' product shapes,
# then stimgen vs onnxruntime on four CNN-shaped graphs with random weights.
# Needs a release build (make release) and Python 3 (makes bench/.venv with onnx, onnxruntime, numpy).
# Options after the script name are passed to bench.py (e.g. --models resnet18 --batches 1).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/bench/.venv"
work=${NEURAL_BENCH_WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q onnx onnxruntime numpy
stimgen="$root/.build/release/stimgen"
[ -x "$stimgen" ] || { echo "build first: make release" >&2; exit 1; }

echo "## machine load before: $(uptime)"
cc -O2 -o "$work/sgemm_peak" "$root/bench/neural/sgemm_peak.c" -lopenblas
echo "## sgemm 2048³ (best of 3)"
for threads in 1 2; do
  echo "as OpenBLAS detects the CPU:        $("$work/sgemm_peak" 2048 $threads 3)"
  for core in Prescott SkylakeX Cooperlake Zen Haswell; do
    echo "OPENBLAS_CORETYPE=$core:$(printf '%*s' $((18 - ${#core})) '')$(OPENBLAS_CORETYPE=$core "$work/sgemm_peak" 2048 $threads 3)"
  done
done

echo "## sgemm on ResNet-18's convolution shapes (M filters × N pixels × K), 1 thread, best of 5"
for core in Cooperlake SkylakeX Haswell; do
  for shape in 64x12544x147 64x3136x576 128x784x1152 256x196x2304 512x49x4608; do
    echo "OPENBLAS_CORETYPE=$core: $(OPENBLAS_CORETYPE=$core "$work/sgemm_peak" $shape 1 5)"
  done
done

echo "## NeuralKit's packed-weight product vs OpenBLAS sgemm on the graphs' product shapes, 1 thread"
# Compiled by clang where there is one, as `swift build` compiles the product's C kernels (gcc
# made the narrow micro-kernel 15 % slower).
kernel_cc=$(command -v clang || command -v cc)
"$kernel_cc" -O2 -I "$root/Sources/CNeuralKernels/include" -o "$work/packed_gemm" "$root/bench/neural/packed_gemm.c" \
  "$root/Sources/CNeuralKernels/packed_gemm.c" -lopenblas -lm
# OpenBLAS with the kernel stimgen chooses for this CPU (Core/OpenBLAS.swift): Haswell on AMD,
# Cooperlake or SkylakeX with AVX-512 on Intel, Haswell otherwise.
flags=$(grep -m1 '^flags' /proc/cpuinfo)
if grep -q AuthenticAMD /proc/cpuinfo; then core=Haswell
elif [[ $flags == *avx512_bf16* ]]; then core=Cooperlake
elif [[ $flags == *avx512f* ]]; then core=SkylakeX
else core=Haswell; fi
echo "OpenBLAS kernel for the comparison: ${OPENBLAS_CORETYPE:-$core}"
OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-$core} "$work/packed_gemm" 30

"$venv/bin/python" "$root/bench/neural/make_models.py" "$work/models"
"$venv/bin/python" "$root/bench/neural/bench.py" "$stimgen" "$work/models" "$work" "$@"
echo "## machine load after: $(uptime)"
