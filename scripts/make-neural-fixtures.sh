#!/usr/bin/env bash
# Makes scripts/.venv (onnx, onnxruntime, numpy from PyPI) and regenerates the NeuralKit
# fixtures with onnxruntime as the reference. The product and its tests never need Python.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/scripts/.venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q onnx onnxruntime numpy
"$venv/bin/python" "$root/scripts/make-neural-fixtures.py"
