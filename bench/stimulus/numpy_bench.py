"""The same 1920x1080 stimuli made the way PsychoPy / Pyllusion users make them (numpy, float64,
meshgrid), PNG encoding of stimgen's own display image with Pillow, and the ratios to stimgen's timings.

Usage: numpy_bench.py STIMGEN_JSON DUMP_DIR
"""
import io
import json
import math
import pathlib
import sys
import time

import numpy as np
from PIL import Image

W, H = 1920, 1080
PPD = 2 * 57 * math.tan(math.radians(0.5)) * 1920 / 53  # stimgen's standard geometry, tangent mapping
REPEATS = 5


def best(fn, repeats=REPEATS):
    """Smallest CPU time of this thread over the repeats (ms), as stimgen's bench measures."""
    t_best = float("inf")
    for _ in range(repeats):
        t = time.thread_time()
        fn()
        t_best = min(t_best, time.thread_time() - t)
    return t_best * 1000


def coords():
    x = (np.arange(W) + 0.5 - W / 2) / PPD
    y = (H / 2 - (np.arange(H) + 0.5)) / PPD
    return np.meshgrid(x, y)


def two_colour(w, a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    return b + w[..., None] * (a - b)


def grating_phase(cpd=2.0, ori=30.0):
    X, Y = coords()
    t = math.radians(ori)
    return cpd * (-math.sin(t) * X + math.cos(t) * Y)


def sine():
    u = grating_phase()
    return two_colour(0.5 + 0.5 * np.sin(2 * np.pi * u), (1, 1, 1), (0, 0, 0))


def square():
    u = grating_phase()
    return two_colour((np.mod(u, 1.0) < 0.5).astype(float), (1, 1, 1), (0, 0, 0))


def circle_grid(spacing=1.5, diameter=0.9):
    X, Y = coords()
    dx = X - spacing * np.round(X / spacing)
    dy = Y - spacing * np.round(Y / spacing)
    w = np.clip(diameter / 2 * PPD - np.hypot(dx, dy) * PPD + 0.5, 0, 1)
    return two_colour(w, (1, 0, 0), (0, 0, 0))


def main():
    stimgen = {t["name"]: t for t in json.loads(pathlib.Path(sys.argv[1]).read_text())}
    dump = pathlib.Path(sys.argv[2])
    memset = stimgen["memset_linear_float"]["bestMs"]
    print(f"1920x1080, one core, CPU time of the benchmarking thread. memset of the {stimgen['memset_linear_float']['bytes'] / 1e6:.1f} MB float RGB buffer: {memset:.2f} ms")
    print(f"{'stimulus':16s} {'stimgen ms':>10s} {'new buf ms':>10s} {'numpy ms':>9s} {'numpy/stimgen':>13s} {'stimgen/memset':>14s}")
    rows = []
    for name, fn in [("sine_grating", sine), ("square_grating", square), ("circle_grid", circle_grid)]:
        s = stimgen[f"render_{name}_linear_float"]["bestMs"]
        fresh = stimgen[f"render_{name}_linear_float_new_buffer"]["bestMs"]
        n = best(fn)
        rows.append((name, s, fresh, n))
        print(f"{name:16s} {s:10.2f} {fresh:10.2f} {n:9.1f} {n / s:12.1f}x {s / memset:13.1f}x")
    enc = stimgen["gamma_encode_to_rgba8"]["bestMs"]
    print(f"gamma encode (linear float -> 8-bit RGBA through the profile): {enc:.2f} ms")

    raw = (dump / "sine_grating.rgba").read_bytes()
    im = Image.frombytes("RGBA", (W, H), raw)
    print(f"\nPNG of stimgen's sine grating display image (RGBA 1920x1080):")
    print(f"{'encoder':34s} {'ms':>8s} {'bytes':>10s}")
    for level in (6, 3, 1):
        out = io.BytesIO()

        def save():
            out.seek(0)
            out.truncate()
            im.save(out, "PNG", compress_level=level)

        ms = best(save, 3)
        print(f"{'Pillow compress_level=' + str(level):34s} {ms:8.1f} {len(out.getvalue()):10d}")
    for mode in ("standard", "fast"):
        t = stimgen[f"png_encode_sine_grating_{mode}"]
        print(f"{'stimgen libpng simplified ' + mode:34s} {t['bestMs']:8.1f} {t['bytes']:10d}")


if __name__ == "__main__":
    main()
