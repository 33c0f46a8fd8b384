#ifndef STIMGEN_MATRIX_VECTOR_H
#define STIMGEN_MATRIX_VECTOR_H

// A fully connected layer on one image: a matrix (filters × inputs, stored row by row) times a
// vector. Memory-bound: each weight is read once for one multiply-add, so what counts is reading
// the rows at the memory's full rate.

#include <stddef.h>

/// Rows of w the kernel reads side by side: eight streams keep enough loads in flight to read
/// memory at its full rate (4 rows: 10-13 % faster than OpenBLAS's sgemv on AlexNet's fc6; 8 rows:
/// 12-20 %). Callers splitting the rows over threads split them in blocks of this many.
#define NK_MATRIX_VECTOR_ROWS 8

/// Whether nk_matrix_vector runs its AVX-512 kernel on this CPU, within nk_limit_kernels (elsewhere
/// it runs a plain loop, and OpenBLAS's sgemv is the one to use).
int nk_matrix_vector_fast(void);

/// y[i] += Σ_d w[i · ldw + d] · x[d] for rows [row_begin, row_end) of w (K = depth values per row).
void nk_matrix_vector(const float *w, size_t ldw, size_t depth, size_t row_begin, size_t row_end, const float *x, float *y);

#endif
