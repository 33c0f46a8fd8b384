#!/usr/bin/env bash
# Real torchvision exports end to end: exports AlexNet, VGG-11, ResNet-18/50, GoogLeNet,
# SqueezeNet 1.1 and MobileNetV2 (random weights, nothing downloaded) with torch.onnx.export and
# compares `stimgen infer` and `stimgen activations` with onnxruntime on rendered stimuli.
# Makes bench/.venv-torch (torch, torchvision, onnx, onnxruntime, onnxscript, numpy); the CPU
# build of torch comes from download.pytorch.org, or from PyPI where that host is unreachable.
# Needs a release build (make release). Options are passed to torchvision_check.py
# (e.g. --models resnet18,googlenet --opsets 17,11 --layers 20).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/bench/.venv-torch"
work=${TORCHVISION_CHECK_WORK:-$(mktemp -d)}
stimgen="$root/.build/release/stimgen"
[ -x "$stimgen" ] || { echo "build first: make release" >&2; exit 1; }
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! "$venv/bin/python" -c "import torch, torchvision" 2>/dev/null; then
  "$venv/bin/pip" install -q torch torchvision --index-url https://download.pytorch.org/whl/cpu ||
    "$venv/bin/pip" install -q torch torchvision
fi
"$venv/bin/pip" install -q onnx onnxruntime onnxscript numpy
"$venv/bin/python" "$root/bench/neural/torchvision_check.py" "$stimgen" "$work" "$@"
