#ifndef STIMGEN_PACKED_GEMM_H
#define STIMGEN_PACKED_GEMM_H

// A matrix product whose left operand (a layer's weights: filters × inputs) is packed once, when the
// model loads, into the order the micro-kernel reads it. OpenBLAS's interface packs both operands on
// every call; for a network's many small products, repacking the same weights each time is a large
// share of the work.
//
// Packed layout of an M×K matrix A: K is cut into depth blocks of NK_DEPTH_BLOCK (the last may be
// shorter); within block b (depth kc), rows are cut into panels of NK_PANEL_ROWS, the last one
// padded with zero rows; panel i holds its kc × NK_PANEL_ROWS values column by column, so element
// (row 6i + r, depth d) of the block is at [i · kc · 6 + d · 6 + r]. Block b starts at
// b · NK_DEPTH_BLOCK · (M rounded up to a whole panel).

#include <stddef.h>

/// Rows of A (and of C) one micro-kernel call computes.
#define NK_PANEL_ROWS 6
/// Columns of B (and of C) one micro-kernel call computes.
#define NK_PANEL_COLUMNS 16
/// Depth (K) of one block: a 16-column panel of B, 16 KiB, stays in the 32 KiB L1 cache.
#define NK_DEPTH_BLOCK 256

/// Floats of a packed A panel ahead of the current depth step that the micro-kernels (and the
/// implicit convolution's) prefetch: 4 KiB, most of the next tile's panel. Where a product has few
/// columns (a fully connected layer on a batch of 1-8), A streams from memory and each of its
/// values serves a handful of multiply-adds: without the prefetch, fc6 of AlexNet at batch 8 ran
/// at 29 GFLOP/s, with it 47 (bench/neural/packed_gemm.c, AVX-512, one thread).
#define NK_WEIGHT_PREFETCH 1024

/// The instruction sets the product's micro-kernels come in, narrowest first.
typedef enum { NK_KERNELS_BASELINE = 0, NK_KERNELS_AVX2 = 1, NK_KERNELS_AVX512 = 2 } nk_kernel_set;

/// The widest kernel set this CPU runs: the one the products use unless nk_limit_kernels says less.
nk_kernel_set nk_widest_kernels(void);

/// Limits the products, the implicit convolution and the matrix-vector product to kernel sets no
/// wider than `widest` (every set this CPU runs gives the same results within float rounding; the
/// tests run each of them).
void nk_limit_kernels(nk_kernel_set widest);

/// The kernel set in use: the widest this CPU runs, within the limit.
nk_kernel_set nk_kernels_in_use(void);

/// Floats the packed copy of an M×K matrix takes.
size_t nk_packed_count(size_t m, size_t k);

/// Packs A (M×K; element (i, d) at a[i · lda + d], or at a[d · lda + i] when `transposed`) into
/// `packed` (nk_packed_count(m, k) floats).
void nk_pack(const float *a, size_t lda, int transposed, size_t m, size_t k, float *packed);

/// C = A · B for rows [row_begin, row_end) of the packed M×K matrix A (row_begin a multiple of
/// NK_PANEL_ROWS), B K×N: element (d, j) at b[d · ldb + j], or at b[j · ldb + d] when
/// `b_transposed`. Row i of the range is written to C's row i − row_begin: element (i, j) at
/// c[i · ldc + j]. `row_bias` (nullable, indexed by A's row) is added to each row, `addend`
/// (nullable, laid out as C) element by element, and with `clamp_at_zero` the result is
/// max(·, 0): all after the last depth block, in the pass that writes C.
void nk_gemm_packed(const float *packed, size_t m, size_t k, size_t row_begin, size_t row_end,
                    const float *b, size_t ldb, int b_transposed, size_t n,
                    float *c, size_t ldc, const float *row_bias, const float *addend, int clamp_at_zero);

/// Floats a packed copy of a K×N right operand B takes (`nk_gemm_prepacked`): K cut into depth
/// blocks as A is; within block b (depth kc), columns are cut into panels of NK_PANEL_COLUMNS, the
/// last one padded; panel p holds its kc × NK_PANEL_COLUMNS values row by row, so element
/// (depth d, column 16p + j) of the block is at [p · kc · 16 + d · 16 + j]. Block b starts at
/// b · NK_DEPTH_BLOCK · (N rounded up to a whole panel).
size_t nk_packed_b_count(size_t k, size_t n);

/// As nk_gemm_packed, with B already packed (K×N, laid out as
/// nk_packed_b_count says, K > 0), for C's columns [column_begin, column_end) (column_begin a
/// multiple of NK_PANEL_COLUMNS): element (i, j) of the row range is written at c[i · ldc + j], and
/// `addend` is laid out as C.
void nk_gemm_prepacked(const float *packed, size_t m, size_t k, size_t row_begin, size_t row_end,
                       const float *packed_b, size_t n, size_t column_begin, size_t column_end,
                       float *c, size_t ldc, const float *row_bias, const float *addend, int clamp_at_zero);

#endif
