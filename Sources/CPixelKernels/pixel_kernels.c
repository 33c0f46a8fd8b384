#include "pixel_kernels.h"

#include <math.h>

// Each kernel gets an AVX2 + FMA clone and a baseline one where the platform can choose between them at
// load time (ELF indirect functions); elsewhere the baseline only.
#if defined(__x86_64__) && defined(__linux__)
#define KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define KERNEL
#endif

static inline float clamp01(float v) { return v < 0 ? 0 : (v > 1 ? 1 : v); }

/// floor(v) for |v| < 2²² without a libm call, so that loops over it vectorise on every instruction
/// set: adding and removing 1.5 × 2²³ (where a float's spacing is exactly 1) rounds v to an integer,
/// which is stepped down when the rounding went up.
static inline float floor_small(float v) {
    float r = (v + 0x1.8p23f) - 0x1.8p23f;
    return r > v ? r - 1 : r;
}

/// ∫₀ᵛ of the square wave that is 1 on [k, k + duty) for every integer k.
static inline float square_wave_integral(float v, float duty) {
    float k = floor_small(v), rest = v - k;
    return k * duty + (rest < duty ? rest : duty);
}

KERNEL void stimgen_mix_two_colours(const float *restrict weights, size_t count, const float a[3],
                                    const float b[3], float *restrict rgb) {
    const float b0 = b[0], b1 = b[1], b2 = b[2];
    const float d0 = a[0] - b0, d1 = a[1] - b1, d2 = a[2] - b2;
    for (size_t i = 0; i < count; i++) {
        float w = clamp01(weights[i]);
        rgb[3 * i] = b0 + w * d0;
        rgb[3 * i + 1] = b1 + w * d1;
        rgb[3 * i + 2] = b2 + w * d2;
    }
}

KERNEL void stimgen_sine_weights(const float *restrict columnSin, const float *restrict columnCos, size_t count,
                                 float rowSin, float rowCos, float halfContrast, float *restrict weights) {
    for (size_t i = 0; i < count; i++)
        weights[i] = 0.5f + halfContrast * (columnSin[i] * rowCos + columnCos[i] * rowSin);
}

KERNEL void stimgen_square_wave_weights(const float *restrict columnPhase, size_t count, float rowPhase,
                                        float halfWidth, float duty, float contrast, float *restrict weights) {
    const float inverseWidth = 1 / (2 * halfWidth);
    if (2 * halfWidth <= duty && 2 * halfWidth <= 1 - duty) {
        // The box never spans both edges of a bar, so the filtered wave is a trapezoid: 1 on the bar's
        // middle, 0 between bars, linear across each edge. With c the phase's signed distance from the
        // bar's centre (cycles, −0.5...0.5), coverage = clamp((duty/2 − |c|) / (2 halfWidth) + 0.5, 0, 1).
        const float shift = rowPhase - duty / 2 + 0.5f, top = duty / 2 * inverseWidth + 0.5f;
        for (size_t i = 0; i < count; i++) {
            float v = columnPhase[i] + shift;
            float c = v - floor_small(v) - 0.5f;
            float coverage = clamp01(top - fabsf(c) * inverseWidth);
            weights[i] = 0.5f + contrast * (coverage - 0.5f);
        }
    } else {
        // Fine gratings: the box may cover several edges; integrate the wave over it.
        for (size_t i = 0; i < count; i++) {
            float v = columnPhase[i] + rowPhase;
            float coverage = (square_wave_integral(v + halfWidth, duty) - square_wave_integral(v - halfWidth, duty))
                             * inverseWidth;
            weights[i] = 0.5f + contrast * (coverage - 0.5f);
        }
    }
}

KERNEL void stimgen_disc_weights(const float *restrict x, size_t count, float dy, float radius,
                                 float *restrict weights) {
    const float dy2 = dy * dy;
    for (size_t i = 0; i < count; i++) weights[i] = clamp01(0.5f - (sqrtf(x[i] * x[i] + dy2) - radius));
}
