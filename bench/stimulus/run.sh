#!/usr/bin/env bash
# Stimulus engine benchmark: stimgen (one core) vs numpy and memset; PNG encoding vs Pillow.
# Needs a release build (make release); makes bench/.venv with numpy, Pillow, scipy on first use.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$here/setup_venv.sh" >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
STIMGEN_THREADS=1 "$root/.build/release/stimgen" bench-stimulus --repeats 10 --dump "$out" > "$out/stimgen.json"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$root/bench/.venv/bin/python" "$here/numpy_bench.py" "$out/stimgen.json" "$out"
