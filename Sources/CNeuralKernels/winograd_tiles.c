#include "winograd_tiles.h"

#include <string.h>

#include "kernel_clones.h"

/// Eight tiles' values at one position, one tile per lane.
typedef float lanes __attribute__((vector_size(32), aligned(32)));

#define LANES 8
#define POSITIONS 36

/// Bᵀ · d on one line of six values `s` apart, written `s` apart to r.
static inline void input_line(const lanes *d, lanes *r, int s) {
    lanes d0 = d[0], d1 = d[s], d2 = d[2 * s], d3 = d[3 * s], d4 = d[4 * s], d5 = d[5 * s];
    r[0] = 4 * d0 - 5 * d2 + d4;
    r[s] = -4 * d1 - 4 * d2 + d3 + d4;
    r[2 * s] = 4 * d1 - 4 * d2 - d3 + d4;
    r[3 * s] = -2 * d1 - d2 + 2 * d3 + d4;
    r[4 * s] = 2 * d1 - d2 - 2 * d3 + d4;
    r[5 * s] = 4 * d1 - 5 * d3 + d5;
}

/// Aᵀ · m on one line of six values `s` apart, four written `o` apart to y.
static inline void output_line(const lanes *m, int s, lanes *y, int o) {
    lanes m0 = m[0], m1 = m[s], m2 = m[2 * s], m3 = m[3 * s], m4 = m[4 * s], m5 = m[5 * s];
    lanes sum12 = m1 + m2, difference12 = m1 - m2, sum34 = m3 + m4, difference34 = m3 - m4;
    y[0] = m0 + sum12 + sum34;
    y[o] = difference12 + 2 * difference34;
    y[2 * o] = sum12 + 4 * sum34;
    y[3 * o] = difference12 + 8 * difference34 + m5;
}

KERNEL void nk_winograd_input_tiles(const float *x, long channels, long channel, long height, long width,
                                    long pad_top, long pad_left, const nk_tile_place *places, size_t count,
                                    float *v, size_t position_stride) {
    lanes tile[POSITIONS], scratch[POSITIONS];
    for (size_t first = 0; first < count; first += LANES) {
        size_t group = count - first < LANES ? count - first : LANES;
        memset(tile, 0, sizeof tile);
        for (size_t t = 0; t < group; t++) {
            const nk_tile_place *place = places + first + t;
            const float *plane = x + (place->image * channels + channel) * height * width;
            long top = place->row - pad_top, left = place->column - pad_left;
            if (top >= 0 && left >= 0 && top + 6 <= height && left + 6 <= width) {
                for (int i = 0; i < 6; i++) {
                    const float *row = plane + (top + i) * width + left;
                    for (int j = 0; j < 6; j++) tile[i * 6 + j][t] = row[j];
                }
            } else {
                for (int i = 0; i < 6; i++) {
                    long ih = top + i;
                    if (ih < 0 || ih >= height) continue;
                    for (int j = 0; j < 6; j++) {
                        long iw = left + j;
                        if (iw >= 0 && iw < width) tile[i * 6 + j][t] = plane[ih * width + iw];
                    }
                }
            }
        }
        for (int column = 0; column < 6; column++) input_line(tile + column, scratch + column, 6);
        for (int row = 0; row < 6; row++) input_line(scratch + 6 * row, tile + 6 * row, 1);
        float *out = v + first;
        for (int position = 0; position < POSITIONS; position++, out += position_stride) {
            if (group == LANES) {
                memcpy(out, &tile[position], sizeof(lanes));
            } else {
                for (size_t t = 0; t < group; t++) out[t] = tile[position][t];
            }
        }
    }
}

/// Writes `group` transformed 4×4 tiles (lane t of `output` is tile t, at places[t]) into y, with
/// the bias, the addend (laid out as y) where `adds`, and the clamp. `adds` is a constant at each
/// call, so that the output without an addend is written by the same code as before addends existed.
__attribute__((always_inline))
static inline void write_tiles(const lanes output[16], const nk_tile_place *places, size_t group, long filters, long filter,
                               long out_height, long out_width, float bias, const float *addend, int clamp_at_zero, float *y,
                               const int adds) {
    for (size_t t = 0; t < group; t++) {
        const nk_tile_place *place = places + t;
        size_t plane_start = (place->image * filters + filter) * out_height * out_width;
        long rows = out_height - place->row < 4 ? out_height - place->row : 4;
        long columns = out_width - place->column < 4 ? out_width - place->column : 4;
        for (long i = 0; i < rows; i++) {
            size_t start = plane_start + (place->row + i) * out_width + place->column;
            for (long j = 0; j < columns; j++) {
                float value = output[i * 4 + j][t] + bias;
                if (adds) value += addend[start + j];
                y[start + j] = clamp_at_zero && value < 0 ? 0 : value;
            }
        }
    }
}

KERNEL void nk_winograd_output_tiles(const float *products, size_t position_stride, const nk_tile_place *places,
                                     size_t count, long filters, long filter, long out_height, long out_width,
                                     float bias, const float *addend, int clamp_at_zero, float *y) {
    lanes tile[POSITIONS], scratch[POSITIONS], output[16];
    for (size_t first = 0; first < count; first += LANES) {
        size_t group = count - first < LANES ? count - first : LANES;
        const float *m = products + first;
        for (int position = 0; position < POSITIONS; position++, m += position_stride) {
            if (group == LANES) {
                memcpy(&tile[position], m, sizeof(lanes));
            } else {
                for (size_t t = 0; t < LANES; t++) tile[position][t] = t < group ? m[t] : 0;
            }
        }
        for (int column = 0; column < 6; column++) output_line(tile + column, 6, scratch + column, 6);
        for (int row = 0; row < 4; row++) output_line(scratch + 6 * row, 1, output + 4 * row, 1);
        if (addend) {
            write_tiles(output, places + first, group, filters, filter, out_height, out_width, bias, addend, clamp_at_zero, y, 1);
        } else {
            write_tiles(output, places + first, group, filters, filter, out_height, out_width, bias, NULL, clamp_at_zero, y, 0);
        }
    }
}
