#include "packed_gemm.h"

#include <stdatomic.h>
#include <stdlib.h>

#include "index_arithmetic.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#define ROWS NK_PANEL_ROWS
#define COLUMNS NK_PANEL_COLUMNS
#define DEPTH NK_DEPTH_BLOCK
/// Rows of A swept under one packed block of B: 144 rows × 256 depth (144 KiB) stay in the L2 cache.
#define ROW_BLOCK 144
/// Most columns of a tile the narrow micro-kernel computes (kernel_avx2_narrow).
#define NARROW 2
/// Rows of B packed together into each panel (see pack_b).
#define PACK_ROWS 4
/// Columns of B packed at once: 256 depth × 2048 columns (2 MiB) stay in the L3 cache.
#define COLUMN_BLOCK 2048
/// Most bytes of B packed at once in COLUMN_BLOCK columns; a product whose block would be larger
/// packs STRIP_COLUMNS at a time instead (column_block).
#define PACKED_B_BUDGET (512 << 10)
/// Columns of B packed at once in a product with many columns: one pair of panels, which stays in
/// the L1 cache while every row of A multiplies it (see column_block).
#define STRIP_COLUMNS (2 * COLUMNS)
#define A_PREFETCH NK_WEIGHT_PREFETCH


size_t nk_packed_count(size_t m, size_t k) { return round_up(m, ROWS) * k; }

void nk_pack(const float *a, size_t lda, int transposed, size_t m, size_t k, float *packed) {
    size_t padded = round_up(m, ROWS);
    for (size_t depth = 0; depth < k; depth += DEPTH) {
        size_t kc = min_size(DEPTH, k - depth);
        float *block = packed + depth * padded;
        for (size_t row = 0; row < padded; row++) {
            float *panel = block + (row / ROWS) * kc * ROWS + row % ROWS;
            for (size_t d = 0; d < kc; d++) {
                panel[d * ROWS] = row >= m ? 0 : (transposed ? a[(depth + d) * lda + row] : a[row * lda + depth + d]);
            }
        }
    }
}

/// Starts fetching row `row` of B's strip after next, where B is packed a strip of nc ≤
/// STRIP_COLUMNS columns at a time (column_block): the rows of a strip lie far apart.
static inline void prefetch_strip_after_next(const float *row, size_t nc) {
    if (nc > STRIP_COLUMNS) return;
    __builtin_prefetch(row + 2 * STRIP_COLUMNS);
    __builtin_prefetch(row + 2 * STRIP_COLUMNS + COLUMNS);
}

/// Packs rows [depth, depth + kc) and columns [column, column + nc) of B (not transposed) into
/// panels of COLUMNS columns, each kc × COLUMNS values row by row, the last panel padded with zero
/// columns. B is read along its rows, PACK_ROWS rows at a time: a few rows per panel keep both the
/// reads and each panel's writes in short sequential runs (one row at a time wrote 64 bytes to
/// every panel in turn; wide products with few filters, such as a first layer's, packed 10–25 %
/// slower, bench/neural/packed_gemm.c).
static void pack_b_rows(const float *b, size_t ldb, size_t depth, size_t kc, size_t column, size_t nc, float *packed) {
    size_t whole = nc / COLUMNS * COLUMNS;
    for (size_t top = 0; top < kc; top += PACK_ROWS) {
        size_t bottom = min_size(kc, top + PACK_ROWS);
        for (size_t first = 0; first < nc; first += COLUMNS) {
            float *panel = packed + first * kc;
            const float *source = b + depth * ldb + column + first;
            for (size_t d = top; d < bottom; d++) {
                if (first == 0) prefetch_strip_after_next(source + d * ldb, nc);
                if (first < whole) {
                    for (size_t j = 0; j < COLUMNS; j++) panel[d * COLUMNS + j] = source[d * ldb + j];
                } else {
                    for (size_t j = 0; j < COLUMNS; j++) panel[d * COLUMNS + j] = first + j < nc ? source[d * ldb + j] : 0;
                }
            }
        }
    }
}

/// Packs B's rows as pack_b_rows does, with AVX-512: each panel's part of a row is one 16-float
/// load and store (the last panel's masked, its padding zeroed by the load). A product of 64
/// filters on a 3136-column B at 256 depth, one thread: 110–118 → 120–126 GFLOP/s; ResNet-50's
/// 1 × 1 layers of 64 and 128 filters at 56 px 4–10 % faster in the graph (bench/RESULTS.md).
#if defined(__x86_64__)
__attribute__((target("avx512f")))
static void pack_b_rows_avx512(const float *b, size_t ldb, size_t depth, size_t kc, size_t column, size_t nc, float *packed) {
    const float *source = b + depth * ldb + column;
    size_t panels = round_up(nc, COLUMNS) / COLUMNS;
    __mmask16 last = nc % COLUMNS ? (__mmask16)((1u << nc % COLUMNS) - 1) : 0xFFFF;
    for (size_t d = 0; d < kc; d++, source += ldb) {
        prefetch_strip_after_next(source, nc);
        for (size_t p = 0; p + 1 < panels; p++) {
            _mm512_storeu_ps(packed + p * COLUMNS * kc + d * COLUMNS, _mm512_loadu_ps(source + p * COLUMNS));
        }
        _mm512_storeu_ps(packed + (panels - 1) * COLUMNS * kc + d * COLUMNS, _mm512_maskz_loadu_ps(last, source + (panels - 1) * COLUMNS));
    }
}
#endif

/// Packs rows [depth, depth + kc) and columns [column, column + nc) of B (element (d, j) at
/// b[d · ldb + j], or at b[j · ldb + d] when transposed) into COLUMNS-column panels as
/// pack_b_rows says; `pack_rows` is the chosen kernels' way of packing B when not transposed.
typedef void (*row_packer)(const float *, size_t, size_t, size_t, size_t, size_t, float *);
static void pack_b(const float *b, size_t ldb, int transposed, size_t depth, size_t kc, size_t column, size_t nc,
                   float *packed, row_packer pack_rows) {
    if (!transposed) {
        pack_rows(b, ldb, depth, kc, column, nc, packed);
        return;
    }
    for (size_t j = 0; j < round_up(nc, COLUMNS); j++) {
        float *panel = packed + j / COLUMNS * COLUMNS * kc + j % COLUMNS;
        const float *source = b + (column + j) * ldb + depth;
        for (size_t d = 0; d < kc; d++) panel[d * COLUMNS] = j < nc ? source[d] : 0;
    }
}

/// Where and how one ROWS × COLUMNS tile of C is written.
typedef struct {
    float *c;
    size_t ldc;
    size_t rows, columns;   // valid rows and columns of the tile (the rest is padding)
    int accumulate;         // add to C's values (an earlier depth block's sums) instead of replacing them
    const float *bias;      // ROWS values to add (after the last depth block), or NULL
    const float *addend;    // values to add, laid out as C (after the last depth block), or NULL
    int clamp_at_zero;      // max(·, 0) (after the last depth block)
} tile_target;

/// Writes a computed tile (ROWS × COLUMNS, row by row) to C as `target` says.
static void store_tile(const float *tile, const tile_target *target) {
    for (size_t r = 0; r < target->rows; r++) {
        float offset = target->bias ? target->bias[r] : 0;
        for (size_t j = 0; j < target->columns; j++) {
            size_t at = r * target->ldc + j;
            float *place = target->c + at;
            float value = tile[r * COLUMNS + j] + (target->accumulate ? *place : 0) + offset + (target->addend ? target->addend[at] : 0);
            *place = target->clamp_at_zero && value < 0 ? 0 : value;
        }
    }
}

/// The micro-kernel for any CPU: a ROWS × COLUMNS tile of A-panel · B-panel over depth kc.
static void kernel_baseline(size_t kc, const float *a, const float *b, const tile_target *target) {
    float tile[ROWS * COLUMNS] = {0};
    for (size_t d = 0; d < kc; d++, a += ROWS, b += COLUMNS) {
        for (size_t r = 0; r < ROWS; r++) {
            for (size_t j = 0; j < COLUMNS; j++) tile[r * COLUMNS + j] += a[r] * b[j];
        }
    }
    store_tile(tile, target);
}

#if defined(__x86_64__)
#include "avx512_tile.h"

/// Writes the rows of a tile held in registers to C (not transposed), with `adds` telling whether
/// target->addend is set: a constant at each call, so that the tile without an addend (the Winograd
/// products, most layers) is stored by the same code as before addends existed.
__attribute__((target("avx2,fma"), always_inline))
static inline void store_rows(__m256 rows[ROWS][2], const tile_target *target, const int adds) {
    // Lanes of each half of a row that lie inside C.
    static const int lanes[24] = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
    size_t columns = target->columns;
    const __m256i mask[2] = {_mm256_loadu_si256((const __m256i *)(lanes + 16 - (columns < 8 ? columns : 8))),
                             _mm256_loadu_si256((const __m256i *)(lanes + 16 - (columns > 8 ? columns - 8 : 0)))};
    const __m256 zero = _mm256_setzero_ps();
    for (size_t r = 0; r < target->rows; r++) {
        float *out = target->c + r * target->ldc;
        const float *addend = adds ? target->addend + r * target->ldc : NULL;
        __m256 offset = _mm256_set1_ps(target->bias ? target->bias[r] : 0);
        for (size_t half = 0; half < 2; half++) {
            __m256 value = _mm256_add_ps(rows[r][half], offset);
            if (columns == COLUMNS) {
                if (target->accumulate) value = _mm256_add_ps(value, _mm256_loadu_ps(out + 8 * half));
                if (adds) value = _mm256_add_ps(value, _mm256_loadu_ps(addend + 8 * half));
                if (target->clamp_at_zero) value = _mm256_max_ps(value, zero);
                _mm256_storeu_ps(out + 8 * half, value);
            } else {
                if (target->accumulate) value = _mm256_add_ps(value, _mm256_maskload_ps(out + 8 * half, mask[half]));
                if (adds) value = _mm256_add_ps(value, _mm256_maskload_ps(addend + 8 * half, mask[half]));
                if (target->clamp_at_zero) value = _mm256_max_ps(value, zero);
                _mm256_maskstore_ps(out + 8 * half, mask[half], value);
            }
        }
    }
}

/// Writes a tile held in registers (each row as two 8-float halves) to C as `target` says, straight
/// from the registers, masked on C's right edge. Inlined, so that the accumulators go from
/// registers to C without a round trip through the stack.
__attribute__((target("avx2,fma"), always_inline))
static inline void store_registers(__m256 rows[ROWS][2], const tile_target *target) {
    if (target->addend) {
        store_rows(rows, target, 1);
    } else {
        store_rows(rows, target, 0);
    }
}

/// Starts fetching the rows of C a tile will write, and of the addend it adds (they lie far
/// apart), while its sums run.
__attribute__((target("avx2,fma"), always_inline))
static inline void prefetch_tile(const tile_target *target) {
    for (size_t r = 0; r < target->rows; r++) {
        _mm_prefetch((const char *)(target->c + r * target->ldc), _MM_HINT_T0);
        _mm_prefetch((const char *)(target->c + r * target->ldc + target->columns - 1), _MM_HINT_T0);
        if (target->addend) {
            _mm_prefetch((const char *)(target->addend + r * target->ldc), _MM_HINT_T0);
            _mm_prefetch((const char *)(target->addend + r * target->ldc + target->columns - 1), _MM_HINT_T0);
        }
    }
}

/// The micro-kernel with AVX2 + FMA: twelve 8-float accumulators hold the tile; each depth step
/// loads a row of the B panel (two vectors), broadcasts the A panel's six values and does twelve
/// fused multiply-adds.
__attribute__((target("avx2,fma")))
static void kernel_avx2(size_t kc, const float *a, const float *b, const tile_target *target) {
    prefetch_tile(target);
    __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    __m256 c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    for (size_t d = 0; d < kc; d++, a += ROWS, b += COLUMNS) {
        __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8), s;
        s = _mm256_broadcast_ss(a + 0); c00 = _mm256_fmadd_ps(s, b0, c00); c01 = _mm256_fmadd_ps(s, b1, c01);
        s = _mm256_broadcast_ss(a + 1); c10 = _mm256_fmadd_ps(s, b0, c10); c11 = _mm256_fmadd_ps(s, b1, c11);
        s = _mm256_broadcast_ss(a + 2); c20 = _mm256_fmadd_ps(s, b0, c20); c21 = _mm256_fmadd_ps(s, b1, c21);
        s = _mm256_broadcast_ss(a + 3); c30 = _mm256_fmadd_ps(s, b0, c30); c31 = _mm256_fmadd_ps(s, b1, c31);
        s = _mm256_broadcast_ss(a + 4); c40 = _mm256_fmadd_ps(s, b0, c40); c41 = _mm256_fmadd_ps(s, b1, c41);
        s = _mm256_broadcast_ss(a + 5); c50 = _mm256_fmadd_ps(s, b0, c50); c51 = _mm256_fmadd_ps(s, b1, c51);
    }
    __m256 rows[ROWS][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51}};
    store_registers(rows, target);
}

/// The AVX2 micro-kernel for a tile with at most 8 columns inside C (a product's last panel, such
/// as the 49th column of a 7 × 7 map): the left half only, half the multiply-adds.
__attribute__((target("avx2,fma")))
static void kernel_avx2_left_half(size_t kc, const float *a, const float *b, const tile_target *target) {
    prefetch_tile(target);
    __m256 c0 = _mm256_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0;
    for (size_t d = 0; d < kc; d++, a += ROWS, b += COLUMNS) {
        __m256 b0 = _mm256_loadu_ps(b);
        c0 = _mm256_fmadd_ps(_mm256_broadcast_ss(a + 0), b0, c0);
        c1 = _mm256_fmadd_ps(_mm256_broadcast_ss(a + 1), b0, c1);
        c2 = _mm256_fmadd_ps(_mm256_broadcast_ss(a + 2), b0, c2);
        c3 = _mm256_fmadd_ps(_mm256_broadcast_ss(a + 3), b0, c3);
        c4 = _mm256_fmadd_ps(_mm256_broadcast_ss(a + 4), b0, c4);
        c5 = _mm256_fmadd_ps(_mm256_broadcast_ss(a + 5), b0, c5);
    }
    const __m256 zero = _mm256_setzero_ps();
    __m256 rows[ROWS][2] = {{c0, zero}, {c1, zero}, {c2, zero}, {c3, zero}, {c4, zero}, {c5, zero}};
    store_registers(rows, target);
}

/// Registers each column's sums are split over (every SPLIT-th depth step in each), so that
/// consecutive multiply-adds on a column do not wait for each other.
#define SPLIT 4

/// The tile (row by row, `columns` ≤ NARROW columns) of an A panel times a B panel over depth kc:
/// each depth step's six A values as one vector (lanes: rows), multiplied by each column's value.
__attribute__((target("avx2,fma"), always_inline))
static inline void narrow_sums(size_t kc, const float *a, const float *b, size_t columns, float tile[ROWS * COLUMNS]) {
    const __m256i six = _mm256_setr_epi32(-1, -1, -1, -1, -1, -1, 0, 0);
    __m256 sums[NARROW][SPLIT];
    for (size_t j = 0; j < NARROW; j++) {
        for (size_t s = 0; s < SPLIT; s++) sums[j][s] = _mm256_setzero_ps();
    }
    size_t d = 0;
    for (; d + SPLIT <= kc; d += SPLIT) {
        _mm_prefetch((const char *)(a + d * ROWS + A_PREFETCH), _MM_HINT_T0);
        _mm_prefetch((const char *)(a + d * ROWS + A_PREFETCH + 16), _MM_HINT_T0);
        for (size_t s = 0; s < SPLIT; s++) {
            __m256 panel = _mm256_maskload_ps(a + (d + s) * ROWS, six);
            for (size_t j = 0; j < columns; j++) {
                sums[j][s] = _mm256_fmadd_ps(panel, _mm256_broadcast_ss(b + (d + s) * COLUMNS + j), sums[j][s]);
            }
        }
    }
    for (; d < kc; d++) {
        __m256 panel = _mm256_maskload_ps(a + d * ROWS, six);
        for (size_t j = 0; j < columns; j++) sums[j][0] = _mm256_fmadd_ps(panel, _mm256_broadcast_ss(b + d * COLUMNS + j), sums[j][0]);
    }
    for (size_t j = 0; j < columns; j++) {
        float lanes[8];
        _mm256_storeu_ps(lanes, _mm256_add_ps(_mm256_add_ps(sums[j][0], sums[j][1]), _mm256_add_ps(sums[j][2], sums[j][3])));
        for (size_t r = 0; r < ROWS; r++) tile[r * COLUMNS + j] = lanes[r];
    }
}

/// The AVX2 micro-kernel for a tile with at most NARROW columns inside C (a product's last panel,
/// such as the 49th column of a 7 × 7 map): one multiply-add per column and depth step, where the
/// half-width kernel spends six whatever its columns.
__attribute__((target("avx2,fma")))
static void kernel_avx2_narrow(size_t kc, const float *a, const float *b, const tile_target *target) {
    float tile[ROWS * COLUMNS];
    // One call per column count, so that each loop over the columns is unrolled.
    if (target->columns == 1) {
        narrow_sums(kc, a, b, 1, tile);
    } else {
        narrow_sums(kc, a, b, NARROW, tile);
    }
    store_tile(tile, target);
}

/// Writes row r of a tile (two 16-float halves) to C as `target` says, through `mask` on C's right edge.
__attribute__((target("avx512f"), always_inline))
static inline void store_row_avx512(__m512 left, __m512 right, size_t r, const __mmask16 mask[2], const tile_target *target,
                                    const int adds) {
    float *out = target->c + r * target->ldc;
    const float *addend = adds ? target->addend + r * target->ldc : NULL;
    __m512 offset = _mm512_set1_ps(target->bias ? target->bias[r] : 0);
    __m512 halves[2] = {left, right};
    for (size_t half = 0; half < 2; half++) {
        if (!mask[half]) continue;
        __m512 value = _mm512_add_ps(halves[half], offset);
        if (target->accumulate) value = _mm512_add_ps(value, _mm512_maskz_loadu_ps(mask[half], out + COLUMNS * half));
        if (adds) value = _mm512_add_ps(value, _mm512_maskz_loadu_ps(mask[half], addend + COLUMNS * half));
        if (target->clamp_at_zero) value = _mm512_max_ps(value, _mm512_setzero_ps());
        _mm512_mask_storeu_ps(out + COLUMNS * half, mask[half], value);
    }
}

/// Writes a tile of ROWS × 2·COLUMNS held in registers (each row as two 16-float halves) to C as
/// `target` says, masked on C's right edge; `adds` as for store_rows. Row by row with constant
/// indices, so that the tile stays in registers.
__attribute__((target("avx512f"), always_inline))
static inline void store_rows_avx512(__m512 rows[ROWS][2], const tile_target *target, const int adds) {
    size_t columns = target->columns;
    const __mmask16 mask[2] = {columns >= COLUMNS ? 0xFFFF : (__mmask16)((1u << columns) - 1),
                               columns >= 2 * COLUMNS ? 0xFFFF : columns <= COLUMNS ? 0 : (__mmask16)((1u << (columns - COLUMNS)) - 1)};
    store_row_avx512(rows[0][0], rows[0][1], 0, mask, target, adds);
    if (target->rows > 1) store_row_avx512(rows[1][0], rows[1][1], 1, mask, target, adds);
    if (target->rows > 2) store_row_avx512(rows[2][0], rows[2][1], 2, mask, target, adds);
    if (target->rows > 3) store_row_avx512(rows[3][0], rows[3][1], 3, mask, target, adds);
    if (target->rows > 4) store_row_avx512(rows[4][0], rows[4][1], 4, mask, target, adds);
    if (target->rows > 5) store_row_avx512(rows[5][0], rows[5][1], 5, mask, target, adds);
}

/// store_rows_avx512 with `adds` a constant at each call (see store_registers).
__attribute__((target("avx512f"), always_inline))
static inline void store_registers_avx512(__m512 rows[ROWS][2], const tile_target *target) {
    if (target->addend) {
        store_rows_avx512(rows, target, 1);
    } else {
        store_rows_avx512(rows, target, 0);
    }
}

/// The micro-kernel with AVX-512 for two B panels side by side (ROWS × 2·COLUMNS of C; the second
/// panel follows the first in the packed block, kc · COLUMNS values on): twelve 16-float
/// accumulators; each depth step loads one row of each panel, broadcasts the A panel's six values
/// and does twelve fused multiply-adds.
__attribute__((target("avx512f")))
static void kernel_avx512_pair(size_t kc, const float *a, const float *b, const tile_target *target) {
    prefetch_tile(target);
    const float *b_right = b + kc * COLUMNS;
    __m512 sums[ROWS][2];
    avx512_tile_zero(sums);
    for (size_t d = 0; d < kc; d++, a += ROWS, b += COLUMNS, b_right += COLUMNS) {
        if (d % 2 == 0) _mm_prefetch((const char *)(a + A_PREFETCH), _MM_HINT_T0);
        avx512_tile_step(a, _mm512_loadu_ps(b), _mm512_loadu_ps(b_right), sums);
    }
    store_registers_avx512(sums, target);
}

/// The AVX-512 micro-kernel for one B panel (ROWS × COLUMNS of C): even and odd depth steps sum
/// into separate accumulators, so that twelve multiply-adds are in flight, as in the pair kernel.
__attribute__((target("avx512f")))
static void kernel_avx512(size_t kc, const float *a, const float *b, const tile_target *target) {
    prefetch_tile(target);
    __m512 e0 = _mm512_setzero_ps(), e1 = e0, e2 = e0, e3 = e0, e4 = e0, e5 = e0;
    __m512 o0 = e0, o1 = e0, o2 = e0, o3 = e0, o4 = e0, o5 = e0;
    size_t d = 0;
    for (; d + 2 <= kc; d += 2, a += 2 * ROWS, b += 2 * COLUMNS) {
        _mm_prefetch((const char *)(a + A_PREFETCH), _MM_HINT_T0);
        __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + COLUMNS);
        e0 = _mm512_fmadd_ps(_mm512_set1_ps(a[0]), b0, e0); o0 = _mm512_fmadd_ps(_mm512_set1_ps(a[ROWS + 0]), b1, o0);
        e1 = _mm512_fmadd_ps(_mm512_set1_ps(a[1]), b0, e1); o1 = _mm512_fmadd_ps(_mm512_set1_ps(a[ROWS + 1]), b1, o1);
        e2 = _mm512_fmadd_ps(_mm512_set1_ps(a[2]), b0, e2); o2 = _mm512_fmadd_ps(_mm512_set1_ps(a[ROWS + 2]), b1, o2);
        e3 = _mm512_fmadd_ps(_mm512_set1_ps(a[3]), b0, e3); o3 = _mm512_fmadd_ps(_mm512_set1_ps(a[ROWS + 3]), b1, o3);
        e4 = _mm512_fmadd_ps(_mm512_set1_ps(a[4]), b0, e4); o4 = _mm512_fmadd_ps(_mm512_set1_ps(a[ROWS + 4]), b1, o4);
        e5 = _mm512_fmadd_ps(_mm512_set1_ps(a[5]), b0, e5); o5 = _mm512_fmadd_ps(_mm512_set1_ps(a[ROWS + 5]), b1, o5);
    }
    if (d < kc) {
        __m512 b0 = _mm512_loadu_ps(b);
        e0 = _mm512_fmadd_ps(_mm512_set1_ps(a[0]), b0, e0);
        e1 = _mm512_fmadd_ps(_mm512_set1_ps(a[1]), b0, e1);
        e2 = _mm512_fmadd_ps(_mm512_set1_ps(a[2]), b0, e2);
        e3 = _mm512_fmadd_ps(_mm512_set1_ps(a[3]), b0, e3);
        e4 = _mm512_fmadd_ps(_mm512_set1_ps(a[4]), b0, e4);
        e5 = _mm512_fmadd_ps(_mm512_set1_ps(a[5]), b0, e5);
    }
    const __m512 zero = _mm512_setzero_ps();
    __m512 rows[ROWS][2] = {{_mm512_add_ps(e0, o0), zero}, {_mm512_add_ps(e1, o1), zero}, {_mm512_add_ps(e2, o2), zero},
                            {_mm512_add_ps(e3, o3), zero}, {_mm512_add_ps(e4, o4), zero}, {_mm512_add_ps(e5, o5), zero}};
    store_registers_avx512(rows, target);
}
#endif

typedef void (*micro_kernel)(size_t, const float *, const float *, const tile_target *);

/// The micro-kernels this CPU runs fastest: for two whole panels side by side (NULL where there is
/// none), for a whole tile, for one with at most 8 columns, and for one with at most NARROW; and
/// the way it packs B's rows.
typedef struct {
    micro_kernel pair, whole, left_half, narrow;
    row_packer pack_rows;
} micro_kernels;

nk_kernel_set nk_widest_kernels(void) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx512f")) return NK_KERNELS_AVX512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return NK_KERNELS_AVX2;
#endif
    return NK_KERNELS_BASELINE;
}

/// The widest kernel set the products may use (nk_limit_kernels).
static _Atomic int kernel_limit = NK_KERNELS_AVX512;

void nk_limit_kernels(nk_kernel_set widest) { atomic_store(&kernel_limit, (int)widest); }

nk_kernel_set nk_kernels_in_use(void) {
    int widest = nk_widest_kernels(), limit = atomic_load(&kernel_limit);
    return (nk_kernel_set)(widest < limit ? widest : limit);
}

static micro_kernels chosen_kernels(void) {
    switch (nk_kernels_in_use()) {
#if defined(__x86_64__)
    case NK_KERNELS_AVX512:
        return (micro_kernels){kernel_avx512_pair, kernel_avx512, kernel_avx512, kernel_avx2_narrow, pack_b_rows_avx512};
    case NK_KERNELS_AVX2: return (micro_kernels){NULL, kernel_avx2, kernel_avx2_left_half, kernel_avx2_narrow, pack_b_rows};
#endif
    default: return (micro_kernels){NULL, kernel_baseline, kernel_baseline, kernel_baseline, pack_b_rows};
    }
}

/// The rows of a product: rows [row_begin, row_end) of the packed A (`padded` rows per depth block),
/// and the micro-kernels that multiply them.
typedef struct {
    const float *packed;
    size_t padded, row_begin, row_end;
    micro_kernels kernels;
} product_rows;

/// Where a product's C goes and what is applied as it is written (`tile_target`).
typedef struct {
    float *c;
    size_t ldc;
    const float *row_bias, *addend;
    int clamp_at_zero;
} product_output;

/// C[rows, column .. column + nc) (+)= A[rows, depth .. depth + kc) · (one packed block of B: its
/// panels of COLUMNS columns, each kc × COLUMNS values row by row). The bias, addend and clamp are
/// applied with the `last` depth block; earlier blocks are accumulated. Rows are swept ROW_BLOCK at
/// a time under each B panel, so that the B panel stays in the L1 cache and the A rows in L2.
static void multiply_block(const product_rows *rows, size_t depth, size_t kc, int last, const float *b_block,
                           size_t column, size_t nc, const product_output *out) {
    const float *a_block = rows->packed + depth * rows->padded;
    for (size_t top = rows->row_begin; top < rows->row_end; top += ROW_BLOCK) {
        size_t bottom = min_size(rows->row_end, top + ROW_BLOCK);
        for (size_t first = 0, step; first < nc; first += step) {
            const float *b_panel = b_block + first * kc;
            size_t width = nc - first;
            micro_kernel kernel = width <= NARROW ? rows->kernels.narrow : width <= COLUMNS / 2 ? rows->kernels.left_half : rows->kernels.whole;
            step = COLUMNS;
            if (rows->kernels.pair && width > COLUMNS) {
                kernel = rows->kernels.pair;
                step = 2 * COLUMNS;
            }
            for (size_t row = top; row < bottom; row += ROWS) {
                size_t i = row - rows->row_begin, j = column + first;
                size_t at = i * out->ldc + j;
                tile_target target = {out->c + at, out->ldc, min_size(ROWS, rows->row_end - row), min_size(step, width),
                                      depth > 0, last && out->row_bias ? out->row_bias + row : NULL,
                                      last && out->addend ? out->addend + at : NULL, last && out->clamp_at_zero};
                kernel(kc, a_block + (row / ROWS) * kc * ROWS, b_panel, &target);
            }
        }
    }
}

/// Columns of B to pack at once for a product of `n` columns in depth blocks of `kc`: COLUMN_BLOCK,
/// unless that block would exceed PACKED_B_BUDGET; then STRIP_COLUMNS. A block that large is
/// written out to the L3 cache and read back from it by every row block of A, and a 1 × 1
/// convolution of a 56 × 56 map, the product of a 3136-column B, spent its time waiting on the
/// cache; in strips, each strip is multiplied by every row of A while it is in the L1 cache, and
/// the next strips' rows are prefetched while it is packed (pack_b). ResNet-50's 1 × 1 layers of
/// 56 × 56 maps at batch 1 took 7.8 ms in strips against 8.2 through OpenBLAS on one thread, 4.1
/// against 4.5 on two (bench/RESULTS.md). A 14 × 14 map's 196 columns at 256 depth (196 KiB) stay
/// whole: in strips, the large A of those layers was read again for each strip.
static size_t column_block(size_t kc, size_t n) {
    return kc * round_up(min_size(COLUMN_BLOCK, n), COLUMNS) * sizeof(float) <= PACKED_B_BUDGET ? COLUMN_BLOCK : STRIP_COLUMNS;
}

void nk_gemm_packed(const float *packed, size_t m, size_t k, size_t row_begin, size_t row_end,
                    const float *b, size_t ldb, int b_transposed, size_t n,
                    float *c, size_t ldc, const float *row_bias, const float *addend, int clamp_at_zero) {
    if (row_begin >= row_end || n == 0) return;
    micro_kernels kernels = chosen_kernels();
    size_t padded = round_up(m, ROWS);
    if (k == 0) {  // an empty sum: C is zeroed, then the bias, the addend and the clamp
        float zeros[ROWS * COLUMNS] = {0};
        for (size_t row = row_begin; row < row_end; row += ROWS) {
            for (size_t column = 0; column < n; column += COLUMNS) {
                size_t i = row - row_begin;
                size_t at = i * ldc + column;
                tile_target target = {c + at, ldc, min_size(ROWS, row_end - row), min_size(COLUMNS, n - column),
                                      0, row_bias ? row_bias + row : NULL, addend ? addend + at : NULL, clamp_at_zero};
                store_tile(zeros, &target);
            }
        }
        return;
    }
    // One packed block of B at a time: depth × columns, at most DEPTH × COLUMN_BLOCK floats.
    size_t block = column_block(min_size(DEPTH, k), n);
    float *packed_b = malloc(min_size(DEPTH, k) * round_up(min_size(block, n), COLUMNS) * sizeof(float));
    if (!packed_b) abort();
    product_rows rows = {packed, padded, row_begin, row_end, kernels};
    product_output out = {c, ldc, row_bias, addend, clamp_at_zero};
    for (size_t column = 0; column < n; column += block) {
        size_t nc = min_size(block, n - column);
        for (size_t depth = 0; depth < k; depth += DEPTH) {
            size_t kc = min_size(DEPTH, k - depth);
            pack_b(b, ldb, b_transposed, depth, kc, column, nc, packed_b, kernels.pack_rows);
            multiply_block(&rows, depth, kc, depth + kc == k, packed_b, column, nc, &out);
        }
    }
    free(packed_b);
}

size_t nk_packed_b_count(size_t k, size_t n) { return k * round_up(n, COLUMNS); }

void nk_gemm_prepacked(const float *packed, size_t m, size_t k, size_t row_begin, size_t row_end,
                       const float *packed_b, size_t n, size_t column_begin, size_t column_end,
                       float *c, size_t ldc, const float *row_bias, const float *addend, int clamp_at_zero) {
    if (row_begin >= row_end || column_begin >= column_end || k == 0) return;
    size_t padded_columns = round_up(n, COLUMNS);
    product_rows rows = {packed, round_up(m, ROWS), row_begin, row_end, chosen_kernels()};
    product_output out = {c, ldc, row_bias, addend, clamp_at_zero};
    for (size_t column = column_begin; column < column_end; column += COLUMN_BLOCK) {
        size_t nc = min_size(COLUMN_BLOCK, column_end - column);
        for (size_t depth = 0; depth < k; depth += DEPTH) {
            size_t kc = min_size(DEPTH, k - depth);
            multiply_block(&rows, depth, kc, depth + kc == k, packed_b + depth * padded_columns + column * kc, column, nc, &out);
        }
    }
}
