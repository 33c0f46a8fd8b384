#include "max_pool.h"

#include <math.h>
#include <stdlib.h>

#include "kernel_clones.h"

/// The larger of two values; a NaN in `candidate` never replaces `kept`.
static inline float larger(float kept, float candidate) { return candidate > kept ? candidate : kept; }

/// row[i] = larger(row[i], line[i · stride]) for i < count; strides 1 and 2 as constants, so that
/// the loads vectorise.
static inline void max_into_row(float *restrict row, const float *restrict line, long count, long stride) {
    switch (stride) {
    case 1:
        for (long i = 0; i < count; i++) row[i] = larger(row[i], line[i]);
        break;
    case 2:
        for (long i = 0; i < count; i++) row[i] = larger(row[i], line[2 * i]);
        break;
    default:
        for (long i = 0; i < count; i++) row[i] = larger(row[i], line[i * stride]);
    }
}

static long min_long(long a, long b) { return a < b ? a : b; }

/// Input rows up to this width (px) are reduced in a buffer on the stack; wider ones in one from the heap.
#define STACK_ROW 4096

KERNEL void nk_max_pool_plane(const float *plane, long height, long width, float *out, long out_height, long out_width,
                              long kernel_h, long kernel_w, long stride_h, long stride_w, long dilation_h, long dilation_w,
                              long pad_top, long pad_left) {
    // Each output row in two passes: the maximum down the window's input rows, element by element
    // along whole rows (contiguous, so it vectorises), into `column_max`; then across, for each
    // kernel column, strided. One pass per kernel position (kernel_h · kernel_w of them, over
    // rows as short as AlexNet's 27 outputs) took 2.4 times as long (bench/RESULTS.md).
    float stack[STACK_ROW];
    float *column_max = width <= STACK_ROW ? stack : malloc((size_t)width * sizeof(float));
    if (!column_max) abort();
    for (long oh = 0; oh < out_height; oh++) {
        float *row = out + oh * out_width;
        for (long iw = 0; iw < width; iw++) column_max[iw] = -INFINITY;
        long top = oh * stride_h - pad_top;
        for (long i = 0; i < kernel_h; i++) {
            long ih = top + i * dilation_h;
            if (ih >= 0 && ih < height) max_into_row(column_max, plane + ih * width, width, 1);
        }
        for (long ow = 0; ow < out_width; ow++) row[ow] = -INFINITY;
        for (long j = 0; j < kernel_w; j++) {
            // The output columns whose input column for this kernel column lies inside the row.
            long offset = j * dilation_w - pad_left;
            long first = offset >= 0 ? 0 : (-offset + stride_w - 1) / stride_w;
            long last = min_long(out_width, (width - offset + stride_w - 1) / stride_w);
            if (first < last) max_into_row(row + first, column_max + first * stride_w + offset, last - first, stride_w);
        }
    }
    if (column_max != stack) free(column_max);
}
