#!/usr/bin/env python3
"""Builds the NeuralKit test fixtures: small ONNX graphs covering every supported op and
attribute combination, their inputs, and onnxruntime's outputs for them.

Run through scripts/make-neural-fixtures.sh, which makes the virtualenv (onnx, onnxruntime,
numpy from PyPI). Writes into Tests/NeuralKitTests/Fixtures/onnx/:
  <case>.onnx, <case>.x.npy (the input), <case>.y.npy (onnxruntime's output), cases.json,
and a few error-case models and .npy files the Swift tests read.
"""
import json
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "NeuralKitTests", "Fixtures", "onnx")
rng = np.random.default_rng(20261123)
cases = []


def randn(*shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def init(name, array, raw=True):
    """An initialiser; raw=False stores it in the typed fields instead of raw_data."""
    array = np.asarray(array)
    if raw:
        return numpy_helper.from_array(array, name)
    dtype = {np.dtype(np.float32): TensorProto.FLOAT, np.dtype(np.int64): TensorProto.INT64}[array.dtype]
    return helper.make_tensor(name, dtype, array.shape, array.flatten().tolist())


def model(nodes, x_shape, inits=(), opset=17, y_name="y", y_type=TensorProto.FLOAT):
    graph = helper.make_graph(
        nodes, "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, x_shape)],
        [helper.make_tensor_value_info(y_name, y_type, None)],
        initializer=list(inits))
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 9 if opset >= 19 else 8 if opset >= 15 else 7
    return m


def run(m, x):
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = ort.InferenceSession(m.SerializeToString(), options, providers=["CPUExecutionProvider"])
    return session.run(None, {"x": x})[0]


def case(name, nodes, x, inits=(), opset=17, note="", y_type=TensorProto.FLOAT):
    """One fixture; an integer output (y_type INT64) is stored as float32, as stimgen holds it."""
    m = model(nodes, list(x.shape), inits, opset, y_type=y_type)
    y = run(m, x).astype(np.float32)
    onnx.save(m, os.path.join(OUT, name + ".onnx"))
    np.save(os.path.join(OUT, name + ".x.npy"), x)
    np.save(os.path.join(OUT, name + ".y.npy"), y)
    cases.append({"name": name, "opset": opset, "ops": sorted({n.op_type for n in nodes}), "note": note,
                  "x_shape": list(x.shape), "y_shape": list(y.shape)})


def node(op, inputs, outputs=("y",), **attrs):
    return helper.make_node(op, list(inputs), list(outputs), name=op.lower() + "_" + outputs[0], **attrs)


def conv_cases():
    x = randn(2, 4, 9, 10)
    w3 = randn(6, 4, 3, 3, scale=0.3)
    b6 = randn(6)
    case("conv_pad1_bias", [node("Conv", ["x", "w", "b"], pads=[1, 1, 1, 1])], x, [init("w", w3), init("b", b6)])
    case("conv_stride2_asymmetric_pads_nobias", [node("Conv", ["x", "w"], strides=[2, 2], pads=[0, 1, 1, 2], kernel_shape=[3, 3])],
         x, [init("w", w3)])
    case("conv_dilation2", [node("Conv", ["x", "w", "b"], dilations=[2, 2], pads=[2, 1, 2, 1])], x,
         [init("w", w3), init("b", b6, raw=False)], note="bias in typed float_data")
    case("conv_group2", [node("Conv", ["x", "w", "b"], group=2, pads=[1, 1, 1, 1])], x,
         [init("w", randn(6, 2, 3, 3, scale=0.3)), init("b", b6)])
    case("conv_depthwise_stride2", [node("Conv", ["x", "w", "b"], group=4, strides=[2, 2], pads=[1, 1, 1, 1])], x,
         [init("w", randn(4, 1, 3, 3)), init("b", randn(4))])
    case("conv_depthwise_multiplier2", [node("Conv", ["x", "w"], group=4, pads=[1, 1, 1, 1])], x, [init("w", randn(8, 1, 3, 3))])
    case("conv_pointwise", [node("Conv", ["x", "w", "b"])], x, [init("w", randn(5, 4, 1, 1)), init("b", randn(5))])
    case("conv_pointwise_stride2", [node("Conv", ["x", "w"], strides=[2, 2])], x, [init("w", randn(5, 4, 1, 1))])
    case("conv_rect_kernel_strides", [node("Conv", ["x", "w"], strides=[1, 2], pads=[1, 2, 1, 2])], x,
         [init("w", randn(3, 4, 3, 5, scale=0.3))])
    for mode in ["SAME_UPPER", "SAME_LOWER", "VALID"]:
        case("conv_autopad_" + mode.lower(), [node("Conv", ["x", "w"], auto_pad=mode, strides=[2, 2])], x,
             [init("w", randn(3, 4, 4, 4, scale=0.3))])
    case("conv_dilated_depthwise", [node("Conv", ["x", "w"], group=4, dilations=[2, 2], pads=[2, 2, 2, 2])], x,
         [init("w", randn(4, 1, 3, 3))])


def activation_cases():
    x = randn(2, 3, 4, 5, scale=2)
    case("relu", [node("Relu", ["x"])], x)
    case("leakyrelu_alpha0.2", [node("LeakyRelu", ["x"], alpha=0.2)], x)
    case("leakyrelu_default", [node("LeakyRelu", ["x"])], x)
    case("sigmoid", [node("Sigmoid", ["x"])], x)
    case("clip_inputs_opset13", [node("Clip", ["x", "lo", "hi"])], x, [init("lo", np.float32(-0.5)), init("hi", np.float32(1.2))], opset=13)
    case("clip_max_only_opset13", [node("Clip", ["x", "", "hi"])], x, [init("hi", np.float32(0.3))], opset=13)
    case("clip_relu6_opset11", [node("Clip", ["x", "lo", "hi"])], x * 4, [init("lo", np.float32(0)), init("hi", np.float32(6))], opset=11)
    case("clip_attributes_opset9", [node("Clip", ["x"], min=-1.0, max=0.5)], x, opset=9)


def pool_cases():
    x = randn(2, 3, 8, 9)
    case("maxpool_k3s2", [node("MaxPool", ["x"], kernel_shape=[3, 3], strides=[2, 2])], x)
    case("maxpool_k3s2_ceil", [node("MaxPool", ["x"], kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1)], x)
    case("maxpool_k3s2_pads_ceil", [node("MaxPool", ["x"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], ceil_mode=1)], x)
    case("maxpool_k2_dilation2", [node("MaxPool", ["x"], kernel_shape=[2, 2], dilations=[2, 2], pads=[0, 1, 1, 0])], x)
    case("maxpool_same_upper", [node("MaxPool", ["x"], kernel_shape=[3, 2], strides=[2, 2], auto_pad="SAME_UPPER")], x)
    case("maxpool_negative_padded", [node("MaxPool", ["x"], kernel_shape=[3, 3], pads=[1, 1, 1, 1])], -np.abs(x) - 1,
         note="padding must never win a max over negative inputs")
    case("maxpool_indices_pads_ceil", [node("MaxPool", ["x"], ["pooled", "y"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1],
                                            ceil_mode=1)], x, y_type=TensorProto.INT64,
         note="second output Indices: flattened NCHW positions, storage_order 0")
    case("maxpool_indices_storage_order1", [node("MaxPool", ["x"], ["pooled", "y"], kernel_shape=[2, 3], strides=[2, 2],
                                                 storage_order=1)], x, y_type=TensorProto.INT64,
         note="Indices with storage_order 1 (column-major within each plane)")
    case("avgpool_k3s1_pads_exclude", [node("AveragePool", ["x"], kernel_shape=[3, 3], pads=[1, 1, 1, 1])], x)
    case("avgpool_k3s1_pads_include", [node("AveragePool", ["x"], kernel_shape=[3, 3], pads=[1, 1, 1, 1], count_include_pad=1)], x)
    case("avgpool_k3s2_ceil_exclude", [node("AveragePool", ["x"], kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1)], x)
    case("avgpool_k3s2_pads_ceil_include", [node("AveragePool", ["x"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1],
                                                ceil_mode=1, count_include_pad=1)], x)
    case("avgpool_k2s2", [node("AveragePool", ["x"], kernel_shape=[2, 2], strides=[2, 2])], x)
    case("avgpool_same_lower", [node("AveragePool", ["x"], kernel_shape=[3, 3], strides=[2, 2], auto_pad="SAME_LOWER")], x)
    case("globalaveragepool", [node("GlobalAveragePool", ["x"])], x)


def normalisation_cases():
    x = randn(2, 7, 5, 4, scale=3)
    case("lrn_size5", [node("LRN", ["x"], size=5, alpha=0.01, beta=0.75, bias=1.0)], x)
    case("lrn_size7_bias2", [node("LRN", ["x"], size=7, alpha=0.05, beta=0.5, bias=2.0)], x)
    case("lrn_size3_defaults", [node("LRN", ["x"], size=3)], x)
    c = 7
    bn = [init("s", randn(c)), init("bb", randn(c)), init("m", randn(c)), init("v", np.abs(randn(c)) + 0.5)]
    case("batchnorm", [node("BatchNormalization", ["x", "s", "bb", "m", "v"], epsilon=1e-3)], x, bn)
    case("batchnorm_opset9", [node("BatchNormalization", ["x", "s", "bb", "m", "v"])], x, bn, opset=9)
    w = init("w", randn(c, 7, 3, 3, scale=0.2))
    case("conv_batchnorm_folded", [node("Conv", ["x", "w"], ["c"], pads=[1, 1, 1, 1]),
                                   node("BatchNormalization", ["c", "s", "bb", "m", "v"])], x, [w] + bn)
    case("conv_bias_batchnorm_relu", [node("Conv", ["x", "w", "cb"], ["c"], pads=[1, 1, 1, 1]),
                                      node("BatchNormalization", ["c", "s", "bb", "m", "v"], ["n"]), node("Relu", ["n"])],
         x, [w, init("cb", randn(c))] + bn)


def tensor_cases():
    x = randn(2, 3, 4, 5)
    case("concat_axis1", [node("Concat", ["x", "c"], axis=1)], x, [init("c", randn(2, 2, 4, 5))])
    case("concat_axis_neg1_three", [node("Concat", ["x", "c", "x"], axis=-1)], x, [init("c", randn(2, 3, 4, 1))])
    case("add_same_shape", [node("Add", ["x", "c"])], x, [init("c", randn(2, 3, 4, 5))])
    case("add_broadcast_channel", [node("Add", ["x", "c"])], x, [init("c", randn(1, 3, 1, 1))])
    case("add_broadcast_left", [node("Add", ["c", "x"])], x, [init("c", randn(4, 1))])
    case("mul_scalar", [node("Mul", ["x", "c"])], x, [init("c", np.float32(0.458))])
    case("mul_broadcast_row", [node("Mul", ["x", "c"])], x, [init("c", randn(5))])
    case("sum_three_broadcast", [node("Sum", ["x", "c", "d"])], x, [init("c", randn(3, 1, 5)), init("d", np.float32(2))])
    case("sum_single", [node("Sum", ["x"])], x)
    case("flatten_axis1", [node("Flatten", ["x"])], x)
    case("flatten_axis2", [node("Flatten", ["x"], axis=2)], x)
    case("flatten_axis0", [node("Flatten", ["x"], axis=0)], x)
    case("reshape_zero_minus1", [node("Reshape", ["x", "s"])], x, [init("s", np.array([0, -1, 5], dtype=np.int64))])
    case("reshape_typed_int64", [node("Reshape", ["x", "s"])], x, [init("s", np.array([6, 20], dtype=np.int64), raw=False)],
         note="shape in typed int64_data")
    case("identity", [node("Identity", ["x"])], x)
    case("dropout_opset12", [node("Dropout", ["x", "r"])], x, [init("r", np.float32(0.5))], opset=12)
    case("dropout_opset9_ratio", [node("Dropout", ["x"], ratio=0.3)], x, opset=9)
    case("softmax_axis1_opset13", [node("Softmax", ["x"], axis=1)], x, opset=13)
    case("softmax_default_opset13", [node("Softmax", ["x"])], x, opset=13)
    case("softmax_coerce2d_opset11", [node("Softmax", ["x"], axis=1)], x, opset=11)
    case("softmax_default_opset9", [node("Softmax", ["x"])], x, opset=9)
    case("constant_mul", [helper.make_node("Constant", [], ["k"], value=numpy_helper.from_array(randn(1, 3, 1, 1), "k")),
                          node("Mul", ["x", "k"])], x)
    case("constant_value_float", [helper.make_node("Constant", [], ["k"], value_float=1.5), node("Add", ["x", "k"])], x)
    case("gather_scalar_unsqueeze_opset13", [node("Gather", ["x", "i"], ["g"], axis=1), node("Unsqueeze", ["g", "a"])], x,
         [init("i", np.array(2, dtype=np.int64)), init("a", np.array([1], dtype=np.int64))], opset=13)
    case("gather_vector_negative_opset11", [node("Gather", ["x", "i"], axis=-1), ], x,
         [init("i", np.array([[4, 0], [-1, 2]], dtype=np.int64))], opset=11)
    case("unsqueeze_attr_opset11", [node("Unsqueeze", ["x"], axes=[0, 5])], x, opset=11)
    # torchvision GoogLeNet's transform_input: per channel x_c * s_c + t_c, re-joined.
    nodes, parts, inits = [], [], []
    for c, (s, t) in enumerate([(0.458, -0.030), (0.448, -0.088), (0.450, -0.188)]):
        nodes += [node("Gather", ["x", f"i{c}"], [f"g{c}"], axis=1), node("Unsqueeze", [f"g{c}", "ax"], [f"u{c}"]),
                  node("Mul", [f"u{c}", f"s{c}"], [f"m{c}"]), node("Add", [f"m{c}", f"t{c}"], [f"p{c}"])]
        inits += [init(f"i{c}", np.array(c, dtype=np.int64)), init(f"s{c}", np.float32(s)), init(f"t{c}", np.float32(t))]
        parts.append(f"p{c}")
    case("googlenet_transform_input", nodes + [node("Concat", parts, axis=1)], x, inits + [init("ax", np.array([1], dtype=np.int64))])


def matrix_cases():
    x = randn(4, 6)
    case("gemm_transB_bias_vector", [node("Gemm", ["x", "w", "b"], transB=1)], x, [init("w", randn(5, 6)), init("b", randn(5))])
    case("gemm_transA_alpha_beta_matrix", [node("Gemm", ["x", "w", "c"], transA=1, alpha=0.5, beta=2.0)], x,
         [init("w", randn(4, 3)), init("c", randn(6, 3))])
    case("gemm_no_bias", [node("Gemm", ["x", "w"])], x, [init("w", randn(6, 2))])
    case("gemm_transA_transB", [node("Gemm", ["x", "w", "c"], transA=1, transB=1)], x, [init("w", randn(3, 4)), init("c", randn(1, 3))])
    case("gemm_one_row", [node("Gemm", ["x", "w", "c"], alpha=0.5)], randn(1, 6), [init("w", randn(6, 3)), init("c", randn(3))],
         note="one row: matrix-vector path")
    case("gemm_one_row_transA_transB", [node("Gemm", ["x", "w", "c"], transA=1, transB=1, beta=0.5)], randn(6, 1),
         [init("w", randn(3, 6)), init("c", randn(1, 3))], note="one row: matrix-vector path")
    case("matmul_2d", [node("MatMul", ["x", "w"])], x, [init("w", randn(6, 7))])
    case("matmul_batched_shared_b", [node("MatMul", ["x", "w"])], randn(2, 3, 4, 5), [init("w", randn(5, 6))])
    case("matmul_batched_both", [node("MatMul", ["x", "w"])], randn(2, 3, 4), [init("w", randn(2, 4, 5))])


def network_cases():
    """Small networks in the shapes of the real ones: a conv/bn/relu/pool/fc/softmax stack,
    a residual block, and an inception block with LRN."""
    x = randn(1, 3, 32, 32)
    inits = [init("w1", randn(8, 3, 5, 5, scale=0.2)), init("b1", randn(8)),
             init("s", randn(8)), init("bb", randn(8)), init("m", randn(8)), init("v", np.abs(randn(8)) + 0.5),
             init("w2", randn(16, 8, 3, 3, scale=0.2)), init("fc", randn(10, 16, scale=0.3)), init("fb", randn(10))]
    case("net_small_cnn", [
        node("Conv", ["x", "w1", "b1"], ["c1"], strides=[2, 2], pads=[2, 2, 2, 2]),
        node("BatchNormalization", ["c1", "s", "bb", "m", "v"], ["n1"]),
        node("Relu", ["n1"], ["r1"]),
        node("MaxPool", ["r1"], ["p1"], kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1),
        node("Conv", ["p1", "w2"], ["c2"], pads=[1, 1, 1, 1]),
        node("Relu", ["c2"], ["r2"]),
        node("GlobalAveragePool", ["r2"], ["g"]),
        node("Flatten", ["g"], ["f"]),
        node("Gemm", ["f", "fc", "fb"], ["logits"], transB=1),
        node("Softmax", ["logits"], ["y"], axis=1)], x, inits)
    r = randn(1, 8, 12, 12)
    case("net_residual_block", [
        node("Conv", ["x", "ra"], ["a"], pads=[1, 1, 1, 1]), node("Relu", ["a"], ["ar"]),
        node("Conv", ["ar", "rb"], ["b"], pads=[1, 1, 1, 1]), node("Add", ["b", "x"], ["s"]), node("Relu", ["s"])],
        r, [init("ra", randn(8, 8, 3, 3, scale=0.2)), init("rb", randn(8, 8, 3, 3, scale=0.2))])
    case("net_inception_block", [
        node("LRN", ["x"], ["l"], size=5, alpha=0.0001, beta=0.75, bias=1.0),
        node("Conv", ["l", "i1"], ["b1"]), node("Relu", ["b1"], ["o1"]),
        node("Conv", ["l", "i3r"], ["b3r"]), node("Relu", ["b3r"], ["o3r"]),
        node("Conv", ["o3r", "i3"], ["b3"], pads=[1, 1, 1, 1]), node("Relu", ["b3"], ["o3"]),
        node("MaxPool", ["l"], ["mp"], kernel_shape=[3, 3], strides=[1, 1], pads=[1, 1, 1, 1]),
        node("Conv", ["mp", "ip"], ["bp"]), node("Relu", ["bp"], ["op"]),
        node("Concat", ["o1", "o3", "op"], ["y"], axis=1)],
        r * 10, [init("i1", randn(4, 8, 1, 1, scale=0.3)), init("i3r", randn(3, 8, 1, 1, scale=0.3)),
                 init("i3", randn(5, 3, 3, 3, scale=0.3)), init("ip", randn(2, 8, 1, 1, scale=0.3))], opset=9)


def error_and_format_fixtures():
    errors = os.path.join(OUT, "errors")
    os.makedirs(errors, exist_ok=True)
    x_shape = [1, 2, 4, 4]
    onnx.save(model([node("Erf", ["x"])], x_shape), os.path.join(errors, "unsupported_op.onnx"))
    onnx.save(model([node("Conv", ["x", "w"], auto_pad="SIDEWAYS")], x_shape, [init("w", randn(2, 2, 3, 3))]),
              os.path.join(errors, "bad_attribute.onnx"))
    onnx.save(model([node("Conv", ["x", "w"])], x_shape, [init("w", randn(2, 3, 3, 3))]),
              os.path.join(errors, "channel_mismatch.onnx"))
    onnx.save(model([node("Relu", ["x"])], x_shape, opset=21), os.path.join(errors, "opset21.onnx"))
    # External data: the weight lives in a side file.
    ext = model([node("Conv", ["x", "w"], pads=[1, 1, 1, 1])], x_shape, [init("w", randn(3, 2, 3, 3))])
    onnx.save(ext, os.path.join(OUT, "external_data.onnx"), save_as_external_data=True, all_tensors_to_one_file=True,
              location="external_data.weights", size_threshold=0)
    xe = randn(*x_shape)
    np.save(os.path.join(OUT, "external_data.x.npy"), xe)
    np.save(os.path.join(OUT, "external_data.y.npy"), run(onnx.load(os.path.join(OUT, "external_data.onnx")), xe))
    # .npy files written by numpy: a known array i/4 (i = 0…5) of shape (2, 3), and a scalar.
    np.save(os.path.join(OUT, "arange_over4.npy"), (np.arange(6, dtype=np.float32) / 4).reshape(2, 3))
    np.save(os.path.join(OUT, "scalar.npy"), np.float32(-2.5))


def exporter_cases():
    """Forms torch.onnx.export writes: a weight shared by two layers under a second name given by
    an Identity node (torch does so for parameters of equal values, such as SqueezeNet's zero
    biases), Clip with Constant-node bounds (MobileNetV2's ReLU6 at opset 11 and later), and a
    graph that drops the batch axis (x.view(-1))."""
    x = randn(1, 3, 6, 6)
    case("identity_shared_weight", [node("Identity", ["b"], ["b_copy"]),
                                    node("Conv", ["x", "w1", "b"], ["c"], pads=[1, 1, 1, 1]), node("Relu", ["c"], ["r"]),
                                    node("Conv", ["r", "w2", "b_copy"], pads=[1, 1, 1, 1])], x,
         [init("w1", randn(3, 3, 3, 3, scale=0.3)), init("w2", randn(3, 3, 3, 3, scale=0.3)), init("b", randn(3))])
    bounds = [helper.make_node("Constant", [], [name], value=numpy_helper.from_array(np.float32(v), name))
              for name, v in [("lo", 0), ("hi", 6)]]
    case("clip_constant_node_bounds_opset11", bounds + [node("Clip", ["x", "lo", "hi"])], x * 4, opset=11)
    case("reshape_to_vector", [node("Reshape", ["x", "s"])], x, [init("s", np.array([-1], dtype=np.int64))])
    # torch's newer exporter (dynamo=True, opset 18 and later): the global average pool as
    # ReduceMean with its axes as an input, then Reshape with allowzero.
    y = randn(2, 3, 4, 5)
    axes = init("axes", np.array([-1, -2], dtype=np.int64))
    case("reducemean_axes_input_reshape_opset18", [node("ReduceMean", ["x", "axes"], ["m"], keepdims=1, noop_with_empty_axes=0),
                                                  node("Reshape", ["m", "s"], allowzero=1)], y,
         [axes, init("s", np.array([2, 3], dtype=np.int64))], opset=18)
    case("reducemean_all_axes_opset18", [node("ReduceMean", ["x"], keepdims=0)], y, opset=18)
    case("reducemean_noop_empty_axes_opset18", [node("ReduceMean", ["x"], noop_with_empty_axes=1)], y, opset=18)
    case("reducemean_axes_attribute_opset13", [node("ReduceMean", ["x"], axes=[2, 3], keepdims=0)], y, opset=13)
    case("reducemean_channels_keepdims_opset11", [node("ReduceMean", ["x"], axes=[1])], y, opset=11)
    case("net_dynamo_tail_opset20", [node("ReduceMean", ["x", "axes"], ["m"], keepdims=1, noop_with_empty_axes=0),
                                    node("Reshape", ["m", "s"], ["f"], allowzero=1),
                                    node("Gemm", ["f", "w", "b"], transA=0, transB=1, alpha=1.0, beta=1.0)], y,
         [axes, init("s", np.array([2, 3], dtype=np.int64)), init("w", randn(4, 3)), init("b", randn(4))], opset=20)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith((".onnx", ".npy", ".json", ".weights")):
            os.remove(os.path.join(OUT, f))
    conv_cases()
    activation_cases()
    pool_cases()
    normalisation_cases()
    tensor_cases()
    matrix_cases()
    network_cases()
    error_and_format_fixtures()
    exporter_cases()
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump({"generator": "scripts/make-neural-fixtures.py", "onnx": onnx.__version__,
                   "onnxruntime": ort.__version__, "numpy": np.__version__, "cases": cases}, f, indent=1)
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print(f"{len(cases)} cases, {total / 1024:.0f} KiB in {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
