#include "pixel_kernels.h"

#include <math.h>

// Each weight kernel gets an AVX2 + FMA clone and a baseline one where the platform can choose between
// them at load time (ELF indirect functions); elsewhere the baseline only.
#if defined(__x86_64__) && defined(__linux__)
#define KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define KERNEL
#endif

static inline float clamp01(float v) { return v < 0 ? 0 : (v > 1 ? 1 : v); }

/// The mix, one pixel at a time (the compiler vectorises it for the baseline instruction set).
static void mix_two_colours_baseline(const float *restrict weights, size_t count, const float a[3],
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

#if defined(__x86_64__)
#include <immintrin.h>

/// The mix eight pixels at a time with AVX2: their 24 interleaved floats are three 8-float vectors,
/// (r0 g0 b0 r1 g1 b1 r2 g2)(b2 r3 g3 b3 r4 g4 b4 r5)(g5 b5 r6 g6 b6 r7 g7 b7). Each is b + w × (a − b)
/// with the colours laid out in that order and the weights permuted to match (w0 w0 w0 w1 w1 w1 w2 w2)…,
/// so every store is a whole vector. Stores set this loop's pace; the vectorised scalar loop needs
/// twice the shuffles to interleave three planes.
__attribute__((target("avx2,fma")))
static void mix_two_colours_avx2(const float *restrict weights, size_t count, const float a[3], const float b[3],
                                 float *restrict rgb) {
    const float d[3] = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    const __m256 base0 = _mm256_setr_ps(b[0], b[1], b[2], b[0], b[1], b[2], b[0], b[1]);
    const __m256 base1 = _mm256_setr_ps(b[2], b[0], b[1], b[2], b[0], b[1], b[2], b[0]);
    const __m256 base2 = _mm256_setr_ps(b[1], b[2], b[0], b[1], b[2], b[0], b[1], b[2]);
    const __m256 step0 = _mm256_setr_ps(d[0], d[1], d[2], d[0], d[1], d[2], d[0], d[1]);
    const __m256 step1 = _mm256_setr_ps(d[2], d[0], d[1], d[2], d[0], d[1], d[2], d[0]);
    const __m256 step2 = _mm256_setr_ps(d[1], d[2], d[0], d[1], d[2], d[0], d[1], d[2]);
    const __m256i pick0 = _mm256_setr_epi32(0, 0, 0, 1, 1, 1, 2, 2);
    const __m256i pick1 = _mm256_setr_epi32(2, 3, 3, 3, 4, 4, 4, 5);
    const __m256i pick2 = _mm256_setr_epi32(5, 5, 6, 6, 6, 7, 7, 7);
    const __m256 zero = _mm256_setzero_ps(), one = _mm256_set1_ps(1);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 w = _mm256_min_ps(_mm256_max_ps(_mm256_loadu_ps(weights + i), zero), one);
        float *out = rgb + 3 * i;
        _mm256_storeu_ps(out, _mm256_fmadd_ps(_mm256_permutevar8x32_ps(w, pick0), step0, base0));
        _mm256_storeu_ps(out + 8, _mm256_fmadd_ps(_mm256_permutevar8x32_ps(w, pick1), step1, base1));
        _mm256_storeu_ps(out + 16, _mm256_fmadd_ps(_mm256_permutevar8x32_ps(w, pick2), step2, base2));
    }
    mix_two_colours_baseline(weights + i, count - i, a, b, rgb + 3 * i);
}
#endif

void stimgen_mix_two_colours(const float *restrict weights, size_t count, const float a[3], const float b[3],
                             float *restrict rgb) {
#if defined(__x86_64__)
    // The CPU's features are read once when the program loads; each check is a load and a test.
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        mix_two_colours_avx2(weights, count, a, b, rgb);
        return;
    }
#endif
    mix_two_colours_baseline(weights, count, a, b, rgb);
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
        // The shift is wrapped into [0, 1), so with columnPhase ≥ 0 every v is ≥ 0 and truncation
        // to an integer is its floor (two instructions where stimgen_floor_small takes four).
        float shift = rowPhase - duty / 2 + 0.5f;
        shift -= stimgen_floor_small(shift);
        const float top = duty / 2 * inverseWidth + 0.5f, base = 0.5f - 0.5f * contrast;
        for (size_t i = 0; i < count; i++) {
            float v = columnPhase[i] + shift;
            float c = v - (float)(int)v - 0.5f;
            float coverage = clamp01(top - fabsf(c) * inverseWidth);
            weights[i] = base + contrast * coverage;
        }
    } else {
        // Fine gratings: the box may cover several edges; integrate the wave over it.
        for (size_t i = 0; i < count; i++) {
            float v = columnPhase[i] + rowPhase;
            float coverage = (stimgen_square_wave_integral(v + halfWidth, duty) - stimgen_square_wave_integral(v - halfWidth, duty))
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
