#!/usr/bin/env python3
"""stimgen vs onnxruntime on AlexNet-, ResNet-18-, ResNet-50- and GoogLeNet-shaped graphs with
random weights: images/s, peak memory (max RSS of the process) and the maximum output difference,
at 1 and 2 threads and batch 1 and 8; plus conv+gemm GFLOP/s. Run through bench/neural/run.sh.

Both engines are timed the same way, over the same timed runs after one warm-up: the fastest run's
wall-clock time, and the run with the least CPU time of the whole process (all threads). On a
machine shared with other work the CPU-time figure leaves out the time other processes held the
core, so at 1 thread it is the comparison to read; at 2 threads CPU time sums both threads and
only the wall-clock figure measures throughput. Each cell runs in rounds (3 by default), stimgen
then onnxruntime in each, and takes each engine's best over the rounds: a slow spell of the machine
(they last seconds to minutes here) then falls on both engines' runs, not on one engine's whole block.
Usage: bench.py STIMGEN MODELDIR WORKDIR [--models a,b] [--threads 1,2] [--batches 1,8] [--repeats N] [--rounds R]"""
import argparse
import json
import os
import re
import subprocess
import sys

import numpy as np
import onnx
from onnx import shape_inference

ORT_SCRIPT = r"""
import sys, time, json, numpy as np, onnxruntime as ort
model, x_path, y_path, threads, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
o = ort.SessionOptions(); o.intra_op_num_threads = threads; o.inter_op_num_threads = 1
o.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
s = ort.InferenceSession(model, o, providers=["CPUExecutionProvider"])
x = np.load(x_path); name = s.get_inputs()[0].name
y = s.run(None, {name: x})[0]
wall, cpu = [], []
for _ in range(repeats):
    t, c = time.perf_counter(), time.process_time()
    y = s.run(None, {name: x})[0]
    wall.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
np.save(y_path, y)
print(json.dumps({"best_images_per_s": x.shape[0] / min(wall), "images_per_cpu_s": x.shape[0] / min(cpu)}))
"""


def max_rss_kib(stderr):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return int(m.group(1)) if m else None


def conv_gemm_flops(path):
    """Multiply-adds ×2 of every Conv and Gemm for one image (224 px)."""
    m = onnx.load(path)
    m.graph.input[0].type.tensor_type.shape.dim[0].dim_value = 1
    m = shape_inference.infer_shapes(m)
    shapes = {v.name: [d.dim_value for d in v.type.tensor_type.shape.dim] for v in list(m.graph.value_info) + list(m.graph.output)}
    inits = {i.name: list(i.dims) for i in m.graph.initializer}
    total = 0
    for n in m.graph.node:
        if n.op_type == "Conv":
            w, y = inits[n.input[1]], shapes[n.output[0]]
            total += 2 * y[1] * y[2] * y[3] * w[1] * w[2] * w[3]
        elif n.op_type == "Gemm":
            w = inits[n.input[1]]
            total += 2 * w[0] * w[1]
    return total


def run_stimgen(stimgen, model, x_path, y_path, threads, repeats, env):
    """One round of stimgen's timed runs: its best images/s (wall clock and CPU), its peak RSS and
    the BLAS core it chose."""
    r = subprocess.run(["/usr/bin/time", "-v", stimgen, "infer", model, x_path, "--out", y_path,
                        "--repeats", str(repeats), "--threads", str(threads)], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"stimgen failed on {model}: {r.stdout}{r.stderr}")
    return dict(wall=float(re.search(r"best_images_per_s=([\d.]+)", r.stdout).group(1)),
                cpu=float(re.search(r"images_per_cpu_s=([\d.]+)", r.stdout).group(1)),
                rss=max_rss_kib(r.stderr), core=re.search(r"blas_core=(\S+)", r.stdout).group(1))


def run_ort(ort_script, model, x_path, y_path, threads, repeats, env):
    """One round of onnxruntime's timed runs, measured as stimgen's are."""
    r = subprocess.run(["/usr/bin/time", "-v", sys.executable, ort_script, model, x_path, y_path, str(threads), str(repeats)],
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"onnxruntime failed on {model}: {r.stderr}")
    o = json.loads(r.stdout.strip().splitlines()[-1])
    return dict(wall=o["best_images_per_s"], cpu=o["images_per_cpu_s"], rss=max_rss_kib(r.stderr))


def best_of(rounds):
    """The best wall-clock and CPU throughput over an engine's rounds, and its largest peak RSS."""
    return max(r["wall"] for r in rounds), max(r["cpu"] for r in rounds), max(r["rss"] for r in rounds)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("stimgen")
    p.add_argument("models")
    p.add_argument("work")
    p.add_argument("--models", dest="names", default="alexnet,resnet18,resnet50,googlenet")
    p.add_argument("--threads", default="1,2")
    p.add_argument("--batches", default="1,8")
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    os.makedirs(a.work, exist_ok=True)
    ort_script = os.path.join(a.work, "ort_run.py")
    with open(ort_script, "w") as f:
        f.write(ORT_SCRIPT)
    rng = np.random.default_rng(1)
    rows = []
    for name in a.names.split(","):
        model = os.path.join(a.models, name + ".onnx")
        flops = conv_gemm_flops(model)
        for batch in [int(b) for b in a.batches.split(",")]:
            x_path = os.path.join(a.work, f"x{batch}.npy")
            if not os.path.exists(x_path):
                np.save(x_path, rng.standard_normal((batch, 3, 224, 224)).astype(np.float32))
            for threads in [int(t) for t in a.threads.split(",")]:
                ys, yo = os.path.join(a.work, "y_stimgen.npy"), os.path.join(a.work, "y_ort.npy")
                env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
                stimgen_rounds, ort_rounds = [], []
                for _ in range(a.rounds):
                    stimgen_rounds.append(run_stimgen(a.stimgen, model, x_path, ys, threads, a.repeats, env))
                    ort_rounds.append(run_ort(ort_script, model, x_path, yo, threads, a.repeats, env))
                s_wall, s_cpu, s_rss = best_of(stimgen_rounds)
                o_wall, o_cpu, o_rss = best_of(ort_rounds)
                core = stimgen_rounds[0]["core"]
                y1, y2 = np.load(ys), np.load(yo)
                diff = float(np.max(np.abs(y1 - y2)))
                rel = diff / float(np.max(np.abs(y2)))
                # The throughput compared: per CPU second at 1 thread, per wall-clock second at 2.
                s_ips, o_ips = (s_cpu, o_cpu) if threads == 1 else (s_wall, o_wall)
                row = dict(model=name, batch=batch, threads=threads, measure="cpu" if threads == 1 else "wall",
                           stimgen_ips=s_ips, ort_ips=o_ips, stimgen_wall_ips=s_wall, ort_wall_ips=o_wall,
                           stimgen_cpu_ips=s_cpu, ort_cpu_ips=o_cpu,
                           stimgen_rss_mib=s_rss / 1024, ort_rss_mib=o_rss / 1024, max_abs_diff=diff, max_diff_rel_to_max=rel,
                           stimgen_gflops=flops * s_ips / 1e9, ort_gflops=flops * o_ips / 1e9, blas_core=core, gflop_per_image=flops / 1e9)
                rows.append(row)
                print(json.dumps(row), flush=True)
    with open(os.path.join(a.work, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)
    print("\n| model | batch | threads | measure | stimgen img/s | onnxruntime img/s | ratio | wall-clock ratio | stimgen peak RSS MiB | ORT peak RSS MiB | max |Δ| (rel. to max |y|) | conv+gemm GFLOP/s stimgen / ORT |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['model']} | {r['batch']} | {r['threads']} | {'CPU s' if r['measure'] == 'cpu' else 'wall s'} | {r['stimgen_ips']:.2f} | {r['ort_ips']:.2f} | "
              f"{r['stimgen_ips'] / r['ort_ips']:.2f} | {r['stimgen_wall_ips'] / r['ort_wall_ips']:.2f} | "
              f"{r['stimgen_rss_mib']:.0f} | {r['ort_rss_mib']:.0f} | {r['max_abs_diff']:.2e} ({r['max_diff_rel_to_max']:.1e}) | "
              f"{r['stimgen_gflops']:.1f} / {r['ort_gflops']:.1f} |")


if __name__ == "__main__":
    main()
