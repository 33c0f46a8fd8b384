#ifndef STIMGEN_AVX512_TILE_H
#define STIMGEN_AVX512_TILE_H

// The AVX-512 micro-kernels' tile: NK_PANEL_ROWS rows of A times 32 columns of B, held in twelve
// 16-float accumulators (two per row). Private to this target's C files.

#if defined(__x86_64__)
#include <immintrin.h>

#include "packed_gemm.h"

/// One depth step of the tile: row r's two accumulators gain a[r] times the step's 32 B values
/// (`left`, `right`). Inlined into each kernel, whose loop the accumulators then stay in registers for.
__attribute__((target("avx512f"), always_inline))
static inline void avx512_tile_step(const float *a, __m512 left, __m512 right, __m512 sums[NK_PANEL_ROWS][2]) {
    for (int r = 0; r < NK_PANEL_ROWS; r++) {
        __m512 value = _mm512_set1_ps(a[r]);
        sums[r][0] = _mm512_fmadd_ps(value, left, sums[r][0]);
        sums[r][1] = _mm512_fmadd_ps(value, right, sums[r][1]);
    }
}

/// Zeroes the tile's accumulators.
__attribute__((target("avx512f"), always_inline))
static inline void avx512_tile_zero(__m512 sums[NK_PANEL_ROWS][2]) {
    for (int r = 0; r < NK_PANEL_ROWS; r++) sums[r][0] = sums[r][1] = _mm512_setzero_ps();
}
#endif

#endif
