#include "packed_columns.h"

#include <stdlib.h>
#include <string.h>

#include "index_arithmetic.h"
#include "packed_gemm.h"
#include "row_kernels.h"

#define COLUMNS NK_PANEL_COLUMNS
#define DEPTH NK_DEPTH_BLOCK

/// Rows of the column matrix unfolded together into a scratch buffer before they are spread over
/// the panels: each panel then receives ROWS_TOGETHER · COLUMNS values in one sequential run.
#define ROWS_TOGETHER 4

void nk_unfold_row(const float *image, const nk_unfold_geometry *g, size_t d, size_t row_begin, size_t row_end, float *row) {
    size_t taps_per_channel = g->kernel_h * g->kernel_w;
    size_t ki = d / g->kernel_w % g->kernel_h, kj = d % g->kernel_w;
    const float *plane = image + d / taps_per_channel * g->height * g->width;
    long column_offset = (long)(kj * g->dilation_w) - g->pad_left;
    // Output columns [first, last) read inside the input row.
    long out_width = (long)g->out_width;
    long first = column_offset >= 0 ? 0 : ceil_div(-column_offset, (long)g->stride_w);
    long last = ceil_div((long)g->width - column_offset, (long)g->stride_w);
    first = first < out_width ? first : out_width;
    last = last < out_width ? last : out_width;
    last = last > first ? last : first;
    for (size_t oh = row_begin; oh < row_end; oh++, row += g->out_width) {
        long ih = (long)(oh * g->stride_h + ki * g->dilation_h) - g->pad_top;
        if (ih < 0 || ih >= (long)g->height || first >= last) {
            memset(row, 0, g->out_width * sizeof(float));
            continue;
        }
        // The edges' zeros only where there is padding: most rows have none, and a call per row
        // shows in a stride-2 layer's time.
        if (first > 0) memset(row, 0, (size_t)first * sizeof(float));
        nk_copy_strided_row(row + first, plane + ih * (long)g->width + column_offset + first * (long)g->stride_w,
                            (size_t)(last - first), g->stride_w);
        if (last < out_width) memset(row + last, 0, (size_t)(out_width - last) * sizeof(float));
    }
}

void nk_unfold_packed(const float *image, const nk_unfold_geometry *g, size_t row_begin, size_t row_end, float *packed) {
    size_t k = g->channels * g->kernel_h * g->kernel_w;
    size_t n = (row_end - row_begin) * g->out_width, padded = (n + COLUMNS - 1) / COLUMNS * COLUMNS;
    float *rows = calloc(ROWS_TOGETHER * padded, sizeof(float));  // spare columns stay zero
    if (!rows) abort();
    for (size_t d = 0; d < k;) {
        // Up to ROWS_TOGETHER rows, within one depth block (kc rows from `depth`).
        size_t depth = d / DEPTH * DEPTH, kc = min_size(DEPTH, k - depth);
        size_t count = min_size(ROWS_TOGETHER, depth + kc - d);
        for (size_t r = 0; r < count; r++) nk_unfold_row(image, g, d + r, row_begin, row_end, rows + r * padded);
        float *panel = packed + depth * padded + (d - depth) * COLUMNS;
        for (size_t column = 0; column < padded; column += COLUMNS, panel += kc * COLUMNS) {
            for (size_t r = 0; r < count; r++) memcpy(panel + r * COLUMNS, rows + r * padded + column, COLUMNS * sizeof(float));
        }
        d += count;
    }
    free(rows);
}
