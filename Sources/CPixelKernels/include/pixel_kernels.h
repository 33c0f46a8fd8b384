#ifndef STIMGEN_PIXEL_KERNELS_H
#define STIMGEN_PIXEL_KERNELS_H

#include <stddef.h>

// The stimulus engine's innermost row loops. They are written in C so that each can be compiled twice,
// for the baseline instruction set and for x86-64-v3 (AVX2, FMA), with the one the CPU supports chosen
// at run time (Swift cannot compile a function for an instruction set chosen at run time). The weight
// loops are plain scalar code that the compiler vectorises; the colour mix has an explicit AVX2 form.
// Weights are colour A's share of a pixel, 0...1.

/// floor(v) for |v| < 2²² without a libm call, so that loops over it vectorise on every instruction
/// set: adding and removing 1.5 × 2²³ (where a float's spacing is exactly 1) rounds v to an integer,
/// which is stepped down when the rounding went up.
static inline float stimgen_floor_small(float v) {
    float r = (v + 0x1.8p23f) - 0x1.8p23f;
    return r > v ? r - 1 : r;
}

/// ∫₀ᵛ of the square wave that is 1 on [k, k + duty) for every integer k (|v| < 2²²): whole cycles
/// give duty each, plus the part of the last.
static inline float stimgen_square_wave_integral(float v, float duty) {
    float k = stimgen_floor_small(v), rest = v - k;
    return k * duty + (rest < duty ? rest : duty);
}

/// Linear RGB of `count` pixels mixed from two colours by weight: rgb = b + clamp(w, 0, 1) × (a − b),
/// three floats per pixel (interleaved). `a`, `b`: linear RGB, three floats each.
void stimgen_mix_two_colours(const float *weights, size_t count, const float a[3], const float b[3],
                             float *rgb);

/// A sine grating's weights along a row: w = 0.5 + halfContrast × sin(2π (column + row)), evaluated as
/// sin(column) cos(row) + cos(column) sin(row) from per-column sines and cosines and the row's.
void stimgen_sine_weights(const float *columnSin, const float *columnCos, size_t count, float rowSin,
                          float rowCos, float halfContrast, float *weights);

/// A square wave's weights along a row, box-filtered over one pixel: colour A is on where the phase
/// mod 1 lies in [0, duty). The phase (cycles) of a pixel is columnPhase[i] + rowPhase, with
/// 0 ≤ columnPhase[i] < 2²¹ and |rowPhase| < 2²¹; halfWidth (cycles, > 0) is half the pixel's extent
/// along the wave; w = 0.5 + contrast × (coverage − 0.5).
void stimgen_square_wave_weights(const float *columnPhase, size_t count, float rowPhase, float halfWidth,
                                 float duty, float contrast, float *weights);

/// Weights of a disc edge along a row: the coverage of a 1-px box whose centre lies (x[i], dy) px from
/// the disc's centre, by the signed distance to the rim: w = clamp(0.5 − (√(x² + dy²) − radius), 0, 1).
void stimgen_disc_weights(const float *x, size_t count, float dy, float radius, float *weights);

#endif
