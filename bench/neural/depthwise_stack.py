"""Depthwise convolution, stimgen vs onnxruntime, on a MobileNetV2-shaped stack.

Ten stages of a 1x1 expansion, a 3x3 depthwise convolution (bias, pads 1, strides as MobileNetV2's)
and a Relu, from 32 channels at 112x112 px down to 960 channels at 7x7, random weights (seeded).
Both engines run one image at 1 thread; the figure is the least CPU time of 10 runs.
Usage: bench/.venv/bin/python bench/neural/depthwise_stack.py [STIMGEN_BINARY]
(bench/neural/run.sh makes bench/.venv with onnx, onnxruntime and numpy.)
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

STAGES = [(32, 1), (96, 2), (144, 1), (144, 2), (192, 1), (192, 2), (384, 1), (576, 1), (576, 2), (960, 1)]


def build(path):
    rng = np.random.default_rng(0)
    nodes, weights, x, channels = [], [], "x", 32
    for i, (expanded, stride) in enumerate(STAGES):
        weights.append(numpy_helper.from_array((rng.standard_normal((expanded, channels, 1, 1)) * 0.1).astype(np.float32), f"expand{i}"))
        nodes.append(helper.make_node("Conv", [x, f"expand{i}"], [f"e{i}"]))
        weights.append(numpy_helper.from_array((rng.standard_normal((expanded, 1, 3, 3)) * 0.3).astype(np.float32), f"dw{i}"))
        weights.append(numpy_helper.from_array((rng.standard_normal(expanded) * 0.1).astype(np.float32), f"dw{i}_bias"))
        nodes.append(helper.make_node("Conv", [f"e{i}", f"dw{i}", f"dw{i}_bias"], [f"d{i}"], group=expanded,
                                      pads=[1, 1, 1, 1], strides=[stride, stride]))
        nodes.append(helper.make_node("Relu", [f"d{i}"], [f"r{i}"]))
        x, channels = f"r{i}", expanded
    graph = helper.make_graph(nodes, "depthwise_stack", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 32, 112, 112])],
                              [helper.make_tensor_value_info(x, TensorProto.FLOAT, None)], weights)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, path)


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    stimgen = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build", "release", "stimgen")
    with tempfile.TemporaryDirectory() as work:
        model, inp, out = (os.path.join(work, f) for f in ("stack.onnx", "x.npy", "y.npy"))
        build(model)
        x = np.random.default_rng(1).standard_normal((1, 32, 112, 112)).astype(np.float32)
        np.save(inp, x)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        session = ort.InferenceSession(model, options)
        expected = session.run(None, {"x": x})[0]
        best = float("inf")
        for _ in range(10):
            start = time.process_time()
            session.run(None, {"x": x})
            best = min(best, time.process_time() - start)
        line = subprocess.run([stimgen, "infer", model, inp, "--out", out, "--threads", "1", "--repeats", "10"],
                              check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        fields = dict(f.split("=", 1) for f in line.split())
        stimgen_ms = 1000 / float(fields["images_per_cpu_s"])
        got = np.load(out)
        print(json.dumps({"stimgen_ms_per_image": round(stimgen_ms, 2), "onnxruntime_ms_per_image": round(best * 1000, 2),
                          "stimgen_over_onnxruntime_time": round(stimgen_ms / (best * 1000), 2),
                          "max_abs_diff_rel_to_max": float(np.abs(got - expected).max() / np.abs(expected).max())}))


if __name__ == "__main__":
    main()
