#!/usr/bin/env python3
"""Real torchvision models, exported with torch.onnx.export, run by stimgen and by onnxruntime on
the same inputs: shipped stimuli rendered and preprocessed by stimgen itself.

Each model (random weights, seeded; batch-norm statistics randomised too, so that folding them
really changes the weights) is exported three ways:
  torchscript  the classic exporter (dynamo=False) at each opset asked for; it folds batch
               normalisation into the convolutions itself;
  batchnorm    the classic exporter with the BatchNormalization nodes kept (training=PRESERVE,
               do_constant_folding=False), so that stimgen's own folding is checked (models with
               batch normalisation only);
  dynamo       torch.onnx.export's default exporter at its default opset.
For each export:
  - the model's output for every stimulus, from `stimgen infer` and from onnxruntime: the largest
    |difference| relative to the range of onnxruntime's output, and top-1 and top-5 agreement;
  - a sample of intermediate layers, named as `stimgen layers` lists them, from
    `stimgen activations` and from onnxruntime (the same tensors made graph outputs): the worst
    layer's largest |difference| relative to that layer's range;
  - as a check of the export itself, onnxruntime against PyTorch.
For each model's first export, the time of one image at 1 thread for both engines: the least CPU
time of the process over the timed runs after a warm-up (the figure to read on a shared machine;
bench/RESULTS.md).
Run through bench/neural/torchvision_check.sh, which makes the virtualenv.
Usage: torchvision_check.py STIMGEN WORKDIR [--models a,b] [--exports torchscript,batchnorm,dynamo]
                            [--opsets 17,11] [--stimuli a,b] [--layers N] [--repeats N]"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnx import TensorProto, helper

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODELS = ["alexnet", "vgg11", "resnet18", "resnet50", "googlenet", "squeezenet1_1", "mobilenet_v2"]
torchvision = None  # set by import_torchvision()
STIMULI = ["gabor_45", "checkerboard", "illusion_hermann_grid", "plaid_0_90"]


def import_torchvision():
    """torchvision, also where its compiled ops cannot load: PyPI's torchvision wheel links the CUDA
    build of torch, so beside the CPU build its ops library fails to load, and torchvision then
    fails on import when it registers shape functions for two of those ops (nms, qnms). The
    classification models never call them; declaring their schemas lets the import go through."""
    global torchvision
    try:
        import torchvision
    except RuntimeError as error:
        if "torchvision::" not in str(error):
            raise
        for module in [m for m in sys.modules if m.startswith("torchvision")]:
            del sys.modules[module]
        library = torch.library.Library("torchvision", "DEF")
        for op in ["nms", "qnms"]:
            library.define(f"{op}(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
        import torchvision
        torchvision.declared_ops = library  # kept alive: the schemas last as long as the library object


def build(name):
    """The torchvision model with seeded random weights, in eval mode. GoogLeNet is built as its
    pretrained weights configure it (transform_input on, auxiliary classifiers off)."""
    torch.manual_seed(20261124)
    extra = {"aux_logits": False, "transform_input": True, "init_weights": True} if name == "googlenet" else {}
    model = getattr(torchvision.models, name)(weights=None, **extra)
    generator = torch.Generator().manual_seed(7)
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            c = module.num_features
            module.running_mean.copy_(torch.randn(c, generator=generator) * 0.2)
            module.running_var.copy_(torch.rand(c, generator=generator) * 1.5 + 0.5)
            module.weight.data.copy_(torch.rand(c, generator=generator) + 0.5)
            module.bias.data.copy_(torch.randn(c, generator=generator) * 0.1)
    return model.eval()


def export(model, path, exporter, opset):
    """Writes the model as ONNX with a free batch axis; False where the export does not apply."""
    x = torch.zeros(2, 3, 224, 224)
    names = dict(input_names=["input"], output_names=["logits"])
    if exporter == "dynamo":
        torch.onnx.export(model, (x,), path, dynamo=True, dynamic_shapes=({0: torch.export.Dim("batch")},), **names)
        return True
    options = dict(dynamo=False, opset_version=opset, dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, **names)
    if exporter == "batchnorm":
        if not any(isinstance(m, torch.nn.BatchNorm2d) for m in model.modules()):
            return False
        options.update(training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    torch.onnx.export(model, (x,), path, **options)
    return True


def exported_opset(path):
    return next(o.version for o in onnx.load(path, load_external_data=False).opset_import if o.domain in ("", "ai.onnx"))


def stimgen(binary, *arguments):
    r = subprocess.run([binary, *arguments], capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise RuntimeError(f"stimgen {' '.join(arguments)} failed:\n{r.stdout}{r.stderr}")
    return r.stdout


def rendered_stimuli(binary, work, names):
    """The stimuli as stimgen renders and preprocesses them for a 224 px input (torchvision's
    ImageNet normalisation), read back through a one-node model that copies its input."""
    path = os.path.join(work, "copy.onnx")
    graph = helper.make_graph([helper.make_node("Identity", ["input"], ["copy"])], "copy",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, 224, 224])],
                              [helper.make_tensor_value_info("copy", TensorProto.FLOAT, [1, 3, 224, 224])])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), path)
    out = os.path.join(work, "stimuli")
    stimgen(binary, "activations", "--model", path, "--layer", "copy", *names, "--out", out, "--force")
    return np.load(os.path.join(out, "copy.npy"))


def relative_difference(got, expected):
    """max |got − expected| relative to the range of `expected`."""
    spread = float(expected.max() - expected.min())
    return float(np.max(np.abs(got - expected))) / (spread if spread > 0 else 1.0)


def ort_session(path, threads=1, optimised=True):
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    if not optimised:
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def ort_seconds_per_image(session, x, repeats):
    """Least CPU time of this process for one image over `repeats` runs after a warm-up (s)."""
    session.run(None, {"input": x})
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        session.run(None, {"input": x})
        best = min(best, time.process_time() - start)
    return best


def sampled_layers(binary, path, count):
    """`count` layers spread evenly over the graph as `stimgen layers` lists it (the output excluded)."""
    names = [line.split()[0] for line in stimgen(binary, "layers", path).splitlines() if line.strip()]
    names = [n for n in names if n != "logits"]
    picks = np.linspace(0, len(names) - 1, min(count, len(names))).round().astype(int)
    return [names[i] for i in sorted(set(picks))]


def layer_check(binary, path, work, layers, stimuli, x):
    """Worst layer (name, relative difference) between `stimgen activations` and onnxruntime."""
    out = os.path.join(work, "layers")
    stimgen(binary, "activations", "--model", path, *[a for n in layers for a in ("--layer", n)], *stimuli,
            "--out", out, "--force")
    with open(os.path.join(out, "manifest.json")) as f:
        files = {layer["name"]: layer["file"] for layer in json.load(f)["layers"]}
    model = onnx.load(path)
    model.graph.output.extend(helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in layers)
    tapped = os.path.join(work, "tapped.onnx")
    onnx.save(model, tapped)
    session = ort_session(tapped, optimised=False)
    names = [o.name for o in session.get_outputs()]
    reference = dict(zip(names, session.run(None, {"input": x})))
    worst = max(((n, relative_difference(np.load(os.path.join(out, files[n])), reference[n])) for n in layers), key=lambda p: p[1])
    return worst


def agreement(a, b, k):
    """Inputs whose k best classes (in order) are the same in both outputs."""
    return int(np.sum(np.all(np.argsort(-a, 1)[:, :k] == np.argsort(-b, 1)[:, :k], axis=1)))


def check(binary, name, exporter, opset, timed, x, stimuli, work, a):
    directory = os.path.join(work, f"{name}_{exporter}" + ("" if exporter == "dynamo" else f"_opset{opset}"))
    os.makedirs(directory, exist_ok=True)
    model = build(name)
    path = os.path.join(directory, name + ".onnx")
    if not export(model, path, exporter, opset):
        return None
    with torch.no_grad():
        y_torch = model(torch.from_numpy(x)).numpy()

    x_path, y_path = os.path.join(directory, "x.npy"), os.path.join(directory, "y_stimgen.npy")
    np.save(x_path, x)
    stimgen(binary, "infer", path, x_path, "--out", y_path, "--repeats", "1", "--threads", "1")
    y_stimgen = np.load(y_path)
    session = ort_session(path)
    y_ort = session.run(None, {"input": x})[0]

    stimgen_ms = ort_ms = None
    if timed:
        one_path = os.path.join(directory, "x1.npy")
        np.save(one_path, x[:1])
        timing = stimgen(binary, "infer", path, one_path, "--repeats", str(a.repeats), "--threads", "1")
        stimgen_ms = 1000 / float(re.search(r"images_per_cpu_s=([\d.]+)", timing).group(1))
        ort_ms = 1000 * ort_seconds_per_image(session, x[:1], a.repeats)

    layer, layer_difference = layer_check(binary, path, directory, sampled_layers(binary, path, a.layers), stimuli, x)
    row = dict(model=name, export=exporter, opset=exported_opset(path), parameters=sum(p.numel() for p in model.parameters()),
               output_difference=relative_difference(y_stimgen, y_ort), inputs=len(x),
               top1_agreement=agreement(y_stimgen, y_ort, 1), top5_agreement=agreement(y_stimgen, y_ort, 5),
               top1_classes=sorted(set(y_ort.argmax(1).tolist())),
               worst_layer=layer, worst_layer_difference=layer_difference, layers_checked=a.layers,
               ort_vs_torch=relative_difference(y_ort, y_torch), stimgen_ms=stimgen_ms, ort_ms=ort_ms)
    print(json.dumps(row), flush=True)
    return row


def table(rows, layers):
    print(f"\n| model | export | opset | parameters | output max |Δ| / range | top-1, top-5 agreement | worst of {layers} layers: "
          "max |Δ| / range | onnxruntime vs PyTorch | ms per image, stimgen / onnxruntime |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        timing = f"{r['stimgen_ms']:.0f} / {r['ort_ms']:.0f}" if r["stimgen_ms"] is not None else ""
        print(f"| {r['model']} | {r['export']} | {r['opset']} | {r['parameters'] / 1e6:.1f} M | {r['output_difference']:.1e} | "
              f"{r['top1_agreement']}/{r['inputs']}, {r['top5_agreement']}/{r['inputs']} | "
              f"{r['worst_layer_difference']:.1e} (`{r['worst_layer']}`) | {r['ort_vs_torch']:.1e} | {timing} |")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("stimgen")
    p.add_argument("work")
    p.add_argument("--models", default=",".join(MODELS))
    p.add_argument("--exports", default="torchscript,batchnorm,dynamo")
    p.add_argument("--opsets", default="17", help="opsets of the classic exporter's models")
    p.add_argument("--stimuli", default=",".join(STIMULI))
    p.add_argument("--layers", type=int, default=12, help="intermediate layers compared per model")
    p.add_argument("--repeats", type=int, default=5, help="timed runs of one image after a warm-up")
    a = p.parse_args()
    import_torchvision()
    torch.set_num_threads(1)
    os.makedirs(a.work, exist_ok=True)
    binary = os.path.abspath(a.stimgen)
    stimuli = a.stimuli.split(",")
    x = rendered_stimuli(binary, a.work, stimuli)
    print(f"## torch {torch.__version__}, torchvision {torchvision.__version__}, onnx {onnx.__version__}, "
          f"onnxruntime {ort.__version__}; inputs: {', '.join(stimuli)} {list(x.shape)}", flush=True)
    rows, failures = [], []
    for name in a.models.split(","):
        runs = [(e, o) for e in a.exports.split(",") for o in ([None] if e == "dynamo" else [int(o) for o in a.opsets.split(",")])]
        for index, (exporter, opset) in enumerate(runs):
            try:
                row = check(binary, name, exporter, opset, index == 0, x, stimuli, a.work, a)
                rows += [row] if row else []
            except Exception as error:  # one model's failure (export, import, run) must not hide the others'
                failures.append(f"{name} ({exporter}, opset {opset}): {error}")
                print(f"FAILED {failures[-1]}", flush=True)
    with open(os.path.join(a.work, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)
    table(rows, a.layers)
    for failure in failures:
        print(f"\nFAILED {failure}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
