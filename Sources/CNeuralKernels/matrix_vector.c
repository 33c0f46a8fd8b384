#include "matrix_vector.h"

#include "packed_gemm.h"

#define ROWS_TOGETHER NK_MATRIX_VECTOR_ROWS
/// Floats ahead of the current column at which each row is prefetched (1 KiB).
#define PREFETCH 256

int nk_matrix_vector_fast(void) { return nk_kernels_in_use() >= NK_KERNELS_AVX512; }

/// y[i] += w row i · x, one row at a time.
static void rows_plain(const float *w, size_t ldw, size_t depth, size_t row_begin, size_t row_end, const float *x, float *y) {
    for (size_t i = row_begin; i < row_end; i++) {
        float sum = 0;
        for (size_t d = 0; d < depth; d++) sum += w[i * ldw + d] * x[d];
        y[i] += sum;
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

/// ROWS_TOGETHER rows from `first` on: each row's products summed in two 16-float accumulators
/// over 32 columns at a time, the rest of the depth after the vectors one by one.
__attribute__((target("avx512f")))
static void rows_avx512(const float *w, size_t ldw, size_t depth, size_t first, const float *x, float *y) {
    __m512 sums[ROWS_TOGETHER][2];
    for (int r = 0; r < ROWS_TOGETHER; r++) sums[r][0] = sums[r][1] = _mm512_setzero_ps();
    size_t d = 0;
    for (; d + 32 <= depth; d += 32) {
        __m512 left = _mm512_loadu_ps(x + d), right = _mm512_loadu_ps(x + d + 16);
        for (int r = 0; r < ROWS_TOGETHER; r++) {
            const float *row = w + (first + r) * ldw + d;
            _mm_prefetch((const char *)(row + PREFETCH), _MM_HINT_T0);
            _mm_prefetch((const char *)(row + PREFETCH + 16), _MM_HINT_T0);
            sums[r][0] = _mm512_fmadd_ps(_mm512_loadu_ps(row), left, sums[r][0]);
            sums[r][1] = _mm512_fmadd_ps(_mm512_loadu_ps(row + 16), right, sums[r][1]);
        }
    }
    for (int r = 0; r < ROWS_TOGETHER; r++) {
        float sum = _mm512_reduce_add_ps(_mm512_add_ps(sums[r][0], sums[r][1]));
        for (size_t e = d; e < depth; e++) sum += w[(first + r) * ldw + e] * x[e];
        y[first + r] += sum;
    }
}
#endif

void nk_matrix_vector(const float *w, size_t ldw, size_t depth, size_t row_begin, size_t row_end, const float *x, float *y) {
    size_t i = row_begin;
#if defined(__x86_64__)
    if (nk_matrix_vector_fast()) {
        for (; i + ROWS_TOGETHER <= row_end; i += ROWS_TOGETHER) rows_avx512(w, ldw, depth, i, x, y);
    }
#endif
    rows_plain(w, ldw, depth, i, row_end, x, y);
}
