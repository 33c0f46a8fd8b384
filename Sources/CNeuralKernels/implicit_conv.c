#include "implicit_conv.h"

#include <stdlib.h>
#include <string.h>

#include "index_arithmetic.h"
#include "packed_gemm.h"

#define ROWS NK_PANEL_ROWS
#define DEPTH NK_DEPTH_BLOCK
#define TILE NK_IMPLICIT_TILE
/// Rows of A swept under one tile of grid positions: 144 rows × 256 depth (144 KiB) stay in the L2 cache.
#define ROW_BLOCK 144
static long max_long(long a, long b) { return a > b ? a : b; }
static long min_long(long a, long b) { return a < b ? a : b; }

int nk_implicit_available(void) { return nk_kernels_in_use() >= NK_KERNELS_AVX512; }

long nk_implicit_phase_rows(const nk_implicit_geometry *g) {
    return g->out_h + (g->kernel_h - 1) * g->dilation_h / g->stride_h;
}

long nk_implicit_phase_columns(const nk_implicit_geometry *g) {
    return g->out_w + (g->kernel_w - 1) * g->dilation_w / g->stride_w;
}

size_t nk_implicit_positions(const nk_implicit_geometry *g) {
    return round_up((size_t)(g->out_h * nk_implicit_phase_columns(g)), TILE);
}

/// Floats of the phase planes proper, without the zeros after them.
static size_t planes_count(const nk_implicit_geometry *g) {
    return (size_t)(g->channels * g->stride_h * g->stride_w * nk_implicit_phase_rows(g) * nk_implicit_phase_columns(g));
}

size_t nk_implicit_input_count(const nk_implicit_geometry *g) {
    // The last tap's reads of the last tile end at most a row and a tile past the planes.
    return planes_count(g) + (size_t)nk_implicit_phase_columns(g) + TILE;
}

/// Whether some kernel position reads phase `phase` of a dimension with this kernel size,
/// dilation and stride (a 1 × 1 kernel with stride 2 reads one phase of two).
static int phase_read(long phase, long kernel, long dilation, long stride) {
    for (long a = 0; a < kernel; a++) {
        if (a * dilation % stride == phase) return 1;
    }
    return 0;
}

void nk_implicit_input(const nk_implicit_geometry *g, const float *image, long first_channel, long end_channel, float *phases) {
    long rows = nk_implicit_phase_rows(g), columns = nk_implicit_phase_columns(g);
    for (long c = first_channel; c < end_channel; c++) {
        for (long ph = 0; ph < g->stride_h; ph++) {
            if (!phase_read(ph, g->kernel_h, g->dilation_h, g->stride_h)) continue;
            for (long pw = 0; pw < g->stride_w; pw++) {
                if (!phase_read(pw, g->kernel_w, g->dilation_w, g->stride_w)) continue;
                float *plane = phases + ((c * g->stride_h + ph) * g->stride_w + pw) * rows * columns;
                // Columns j whose input column stride_w · j + pw − pad_left lies in the image.
                long first = min_long(columns, max_long(0, ceil_div(g->pad_left - pw, g->stride_w)));
                long end = min_long(columns, max_long(first, ceil_div(g->width + g->pad_left - pw, g->stride_w)));
                for (long i = 0; i < rows; i++) {
                    float *out = plane + i * columns;
                    long row = g->stride_h * i + ph - g->pad_top;
                    if (row < 0 || row >= g->height) {
                        memset(out, 0, sizeof(float) * (size_t)columns);
                        continue;
                    }
                    const float *in = image + (c * g->height + row) * g->width + pw - g->pad_left;
                    memset(out, 0, sizeof(float) * (size_t)first);
                    if (g->stride_w == 1) {
                        memcpy(out + first, in + first, sizeof(float) * (size_t)(end - first));
                    } else {
                        for (long j = first; j < end; j++) out[j] = in[g->stride_w * j];
                    }
                    memset(out + end, 0, sizeof(float) * (size_t)(columns - end));
                }
            }
        }
    }
    if (end_channel == g->channels) {
        memset(phases + planes_count(g), 0, sizeof(float) * (nk_implicit_input_count(g) - planes_count(g)));
    }
}

void nk_implicit_offsets(const nk_implicit_geometry *g, long *offsets) {
    long rows = nk_implicit_phase_rows(g), columns = nk_implicit_phase_columns(g);
    for (long c = 0, d = 0; c < g->channels; c++) {
        for (long a = 0; a < g->kernel_h; a++) {
            for (long b = 0; b < g->kernel_w; b++, d++) {
                long down = a * g->dilation_h, across = b * g->dilation_w;
                long plane = (c * g->stride_h + down % g->stride_h) * g->stride_w + across % g->stride_w;
                offsets[d] = plane * rows * columns + down / g->stride_h * columns + across / g->stride_w;
            }
        }
    }
}

/// Which of a tile's grid positions are output pixels (bit l: position q + l), and where the
/// first of them goes in an output plane.
typedef struct {
    unsigned mask;
    size_t place;
} tile_pixels;

/// The tiles' pixels for grid positions [q_begin, q_end), tile by tile.
static void find_tile_pixels(const nk_implicit_geometry *g, size_t q_begin, size_t q_end, tile_pixels *tiles) {
    size_t columns = (size_t)nk_implicit_phase_columns(g), out_w = (size_t)g->out_w, end = (size_t)g->out_h * columns;
    for (size_t q = q_begin; q < q_end; q += TILE) {
        tile_pixels *tile = tiles + (q - q_begin) / TILE;
        tile->mask = 0;
        tile->place = q / columns * out_w + min_size(q % columns, out_w);
        for (size_t lane = 0; lane < TILE; lane++) {
            size_t position = q + lane;
            if (position < end && position % columns < out_w) tile->mask |= 1u << lane;
        }
    }
}

/// Where and how one tile of C (ROWS filters × TILE grid positions) is written.
typedef struct {
    float *c;
    size_t ldc, rows;
    int accumulate;         // add to C's values (an earlier depth block's sums)
    const float *bias;      // ROWS values (after the last depth block), or NULL
    const float *addend;    // laid out as C, at the tile's row 0 (after the last depth block), or NULL
    int clamp_at_zero;
    tile_pixels pixels;
} implicit_target;

#if defined(__x86_64__)
#include "avx512_tile.h"

/// Writes row r of a tile (two 16-float halves) to its output pixels, each half's lanes
/// compressed to the pixels they are (`lanes`: which; `counts`, `places`: how many, and where).
__attribute__((target("avx512f"), always_inline))
static inline void store_pixel_row(__m512 left, __m512 right, size_t r, const __mmask16 lanes[2], const size_t counts[2],
                                   const size_t places[2], const implicit_target *target) {
    __m512 offset = _mm512_set1_ps(target->bias ? target->bias[r] : 0);
    __m512 halves[2] = {left, right};
    for (size_t half = 0; half < 2; half++) {
        if (!counts[half]) continue;
        __mmask16 written = (__mmask16)((1u << counts[half]) - 1);
        float *out = target->c + r * target->ldc + places[half];
        __m512 value = _mm512_add_ps(_mm512_maskz_compress_ps(lanes[half], halves[half]), offset);
        if (target->accumulate) value = _mm512_add_ps(value, _mm512_maskz_loadu_ps(written, out));
        if (target->addend) value = _mm512_add_ps(value, _mm512_maskz_loadu_ps(written, target->addend + r * target->ldc + places[half]));
        if (target->clamp_at_zero) value = _mm512_max_ps(value, _mm512_setzero_ps());
        _mm512_mask_storeu_ps(out, written, value);
    }
}

/// Writes the tile's output pixels row by row, with constant indices, so that the tile stays in registers.
__attribute__((target("avx512f"), always_inline))
static inline void store_pixels(__m512 sums[ROWS][2], const implicit_target *target) {
    const __mmask16 lanes[2] = {(__mmask16)(target->pixels.mask & 0xFFFF), (__mmask16)(target->pixels.mask >> 16)};
    const size_t counts[2] = {(size_t)__builtin_popcount(lanes[0]), (size_t)__builtin_popcount(lanes[1])};
    const size_t places[2] = {target->pixels.place, target->pixels.place + counts[0]};
    store_pixel_row(sums[0][0], sums[0][1], 0, lanes, counts, places, target);
    if (target->rows > 1) store_pixel_row(sums[1][0], sums[1][1], 1, lanes, counts, places, target);
    if (target->rows > 2) store_pixel_row(sums[2][0], sums[2][1], 2, lanes, counts, places, target);
    if (target->rows > 3) store_pixel_row(sums[3][0], sums[3][1], 3, lanes, counts, places, target);
    if (target->rows > 4) store_pixel_row(sums[4][0], sums[4][1], 4, lanes, counts, places, target);
    if (target->rows > 5) store_pixel_row(sums[5][0], sums[5][1], 5, lanes, counts, places, target);
}

/// One tile over depth kc: each depth step's 32 values are read at b + offsets[d] (see the header),
/// times the A panel's six values, into twelve 16-float accumulators.
__attribute__((target("avx512f")))
static void implicit_kernel(size_t kc, const float *a, const float *b, const long *offsets, const implicit_target *target) {
    __m512 sums[ROWS][2];
    avx512_tile_zero(sums);
    for (size_t d = 0; d < kc; d++, a += ROWS) {
        if (d % 2 == 0) _mm_prefetch((const char *)(a + NK_WEIGHT_PREFETCH), _MM_HINT_T0);
        const float *tap = b + offsets[d];
        avx512_tile_step(a, _mm512_loadu_ps(tap), _mm512_loadu_ps(tap + 16), sums);
    }
    store_pixels(sums, target);
}
#endif

void nk_implicit_product(const float *packed, size_t m, size_t k, size_t row_begin, size_t row_end,
                         const float *phases, const long *offsets, const nk_implicit_geometry *g,
                         size_t q_begin, size_t q_end, float *c, size_t ldc,
                         const float *row_bias, const float *addend, int clamp_at_zero) {
#if defined(__x86_64__)
    if (row_begin >= row_end || q_begin >= q_end || k == 0 || !nk_implicit_available()) return;
    size_t padded = round_up(m, ROWS);
    tile_pixels *tiles = malloc(sizeof(tile_pixels) * ((q_end - q_begin) / TILE + 1));
    if (!tiles) abort();
    find_tile_pixels(g, q_begin, q_end, tiles);
    for (size_t depth = 0; depth < k; depth += DEPTH) {
        size_t kc = min_size(DEPTH, k - depth);
        int last = depth + kc == k;
        const float *a_block = packed + depth * padded;
        for (size_t top = row_begin; top < row_end; top += ROW_BLOCK) {
            size_t bottom = min_size(row_end, top + ROW_BLOCK);
            for (size_t q = q_begin; q < q_end; q += TILE) {
                tile_pixels pixels = tiles[(q - q_begin) / TILE];
                if (!pixels.mask) continue;
                for (size_t row = top; row < bottom; row += ROWS) {
                    size_t i = row - row_begin;
                    implicit_target target = {c + i * ldc, ldc, min_size(ROWS, row_end - row), depth > 0,
                                              last && row_bias ? row_bias + row : NULL,
                                              last && addend ? addend + i * ldc : NULL, last && clamp_at_zero, pixels};
                    implicit_kernel(kc, a_block + (row / ROWS) * kc * ROWS, phases + q, offsets + depth, &target);
                }
            }
        }
    }
    free(tiles);
#else
    (void)packed; (void)m; (void)k; (void)row_begin; (void)row_end; (void)phases; (void)offsets; (void)g;
    (void)q_begin; (void)q_end; (void)c; (void)ldc; (void)row_bias; (void)addend; (void)clamp_at_zero;
#endif
}
