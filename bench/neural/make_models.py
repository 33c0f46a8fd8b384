#!/usr/bin/env python3
"""Builds AlexNet-, ResNet-18-, ResNet-50- and GoogLeNet-shaped ONNX graphs (opset 17) with random
weights using onnx.helper only (no torch), for bench/neural/run.sh. Not committed: regenerated each run.
Usage: make_models.py OUTDIR"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(7)


class Builder:
    def __init__(self):
        self.nodes, self.inits, self.count = [], [], 0

    def name(self, kind):
        self.count += 1
        return f"{kind}_{self.count}"

    def weight(self, shape, fan_in):
        n = self.name("w")
        self.inits.append(numpy_helper.from_array((rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32), n))
        return n

    def vector(self, c, low=-0.1, high=0.1):
        n = self.name("v")
        self.inits.append(numpy_helper.from_array(rng.uniform(low, high, c).astype(np.float32), n))
        return n

    def op(self, op, inputs, **attrs):
        out = self.name(op.lower())
        self.nodes.append(helper.make_node(op, inputs, [out], name=out, **attrs))
        return out

    def conv(self, x, cin, cout, k, s=1, p=0, bias=True, bn=False, relu=True):
        w = self.weight([cout, cin, k, k], cin * k * k)
        inputs = [x, w] + ([self.vector(cout)] if bias else [])
        y = self.op("Conv", inputs, kernel_shape=[k, k], strides=[s, s], pads=[p] * 4)
        if bn:
            y = self.op("BatchNormalization", [y, self.vector(cout, 0.5, 1.5), self.vector(cout), self.vector(cout),
                                               self.vector(cout, 0.5, 1.5)])
        return self.op("Relu", [y]) if relu else y

    def maxpool(self, x, k, s, p=0, ceil=0):
        return self.op("MaxPool", [x], kernel_shape=[k, k], strides=[s, s], pads=[p] * 4, ceil_mode=ceil)

    def fc(self, x, cin, cout, relu=True):
        y = self.op("Gemm", [x, self.weight([cout, cin], cin), self.vector(cout)], transB=1)
        return self.op("Relu", [y]) if relu else y

    def model(self, y, name):
        graph = helper.make_graph(self.nodes, name, [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 3, 224, 224])],
                                  [helper.make_tensor_value_info(y, TensorProto.FLOAT, None)], initializer=self.inits)
        m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        m.ir_version = 8
        return m


def alexnet():
    b = Builder()
    x = b.conv("input", 3, 64, 11, 4, 2)
    x = b.maxpool(x, 3, 2)
    x = b.conv(x, 64, 192, 5, 1, 2)
    x = b.maxpool(x, 3, 2)
    x = b.conv(x, 192, 384, 3, 1, 1)
    x = b.conv(x, 384, 256, 3, 1, 1)
    x = b.conv(x, 256, 256, 3, 1, 1)
    x = b.maxpool(x, 3, 2)
    x = b.op("Flatten", [x])
    x = b.fc(x, 9216, 4096)
    x = b.fc(x, 4096, 4096)
    return b.model(b.fc(x, 4096, 1000, relu=False), "alexnet")


def resnet(blocks, bottleneck):
    b = Builder()
    x = b.conv("input", 3, 64, 7, 2, 3, bias=False, bn=True)
    x = b.maxpool(x, 3, 2, 1)
    cin = 64
    for stage, n in enumerate(blocks):
        width = 64 * 2 ** stage
        cout = width * 4 if bottleneck else width
        for i in range(n):
            s = 2 if i == 0 and stage > 0 else 1
            if bottleneck:
                y = b.conv(x, cin, width, 1, 1, 0, bias=False, bn=True)
                y = b.conv(y, width, width, 3, s, 1, bias=False, bn=True)
                y = b.conv(y, width, cout, 1, 1, 0, bias=False, bn=True, relu=False)
            else:
                y = b.conv(x, cin, width, 3, s, 1, bias=False, bn=True)
                y = b.conv(y, width, cout, 3, 1, 1, bias=False, bn=True, relu=False)
            short = b.conv(x, cin, cout, 1, s, 0, bias=False, bn=True, relu=False) if (s != 1 or cin != cout) else x
            x = b.op("Relu", [b.op("Add", [y, short])])
            cin = cout
    x = b.op("Flatten", [b.op("GlobalAveragePool", [x])])
    return b.model(b.fc(x, cin, 1000, relu=False), "resnet")


def googlenet():
    """BVLC GoogLeNet's shape (as DeepDream used it): LRN, ceil-mode pools, 5×5 branches."""
    b = Builder()
    lrn = dict(size=5, alpha=0.0001, beta=0.75, bias=1.0)
    x = b.conv("input", 3, 64, 7, 2, 3)
    x = b.op("LRN", [b.maxpool(x, 3, 2, 0, 1)], **lrn)
    x = b.conv(x, 64, 64, 1)
    x = b.conv(x, 64, 192, 3, 1, 1)
    x = b.maxpool(b.op("LRN", [x], **lrn), 3, 2, 0, 1)
    cin = 192

    def inception(x, cin, c1, c3r, c3, c5r, c5, cp):
        a = b.conv(x, cin, c1, 1)
        m = b.conv(b.conv(x, cin, c3r, 1), c3r, c3, 3, 1, 1)
        f = b.conv(b.conv(x, cin, c5r, 1), c5r, c5, 5, 1, 2)
        p = b.conv(b.maxpool(x, 3, 1, 1), cin, cp, 1)
        return b.op("Concat", [a, m, f, p], axis=1), c1 + c3 + c5 + cp

    for i, cfg in enumerate([(64, 96, 128, 16, 32, 32), (128, 128, 192, 32, 96, 64), None,
                             (192, 96, 208, 16, 48, 64), (160, 112, 224, 24, 64, 64), (128, 128, 256, 24, 64, 64),
                             (112, 144, 288, 32, 64, 64), (256, 160, 320, 32, 128, 128), None,
                             (256, 160, 320, 32, 128, 128), (384, 192, 384, 48, 128, 128)]):
        if cfg is None:
            x = b.maxpool(x, 3, 2, 0, 1)
        else:
            x, cin = inception(x, cin, *cfg)
    x = b.op("AveragePool", [x], kernel_shape=[7, 7], strides=[1, 1])
    x = b.op("Flatten", [b.op("Dropout", [x])])
    return b.model(b.op("Softmax", [b.fc(x, cin, 1000, relu=False)], axis=1), "googlenet")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, make in [("alexnet", alexnet), ("resnet18", lambda: resnet([2, 2, 2, 2], False)),
                       ("resnet50", lambda: resnet([3, 4, 6, 3], True)), ("googlenet", googlenet)]:
        onnx.save(make(), os.path.join(out, name + ".onnx"))
        print("wrote", name, file=sys.stderr)


if __name__ == "__main__":
    main()
