#include "max_pool.h"

#include <math.h>

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

KERNEL void nk_max_pool_plane(const float *plane, long height, long width, float *out, long out_height, long out_width,
                              long kernel_h, long kernel_w, long stride_h, long stride_w, long dilation_h, long dilation_w,
                              long pad_top, long pad_left) {
    for (long oh = 0; oh < out_height; oh++) {
        float *row = out + oh * out_width;
        for (long ow = 0; ow < out_width; ow++) row[ow] = -INFINITY;
        long top = oh * stride_h - pad_top;
        for (long i = 0; i < kernel_h; i++) {
            long ih = top + i * dilation_h;
            if (ih < 0 || ih >= height) continue;
            const float *line = plane + ih * width;
            for (long j = 0; j < kernel_w; j++) {
                // The output columns whose input column for this kernel column lies inside the row.
                long offset = j * dilation_w - pad_left;
                long first = offset >= 0 ? 0 : (-offset + stride_w - 1) / stride_w;
                long last = min_long(out_width, (width - offset + stride_w - 1) / stride_w);
                if (first < last) max_into_row(row + first, line + first * stride_w + offset, last - first, stride_w);
            }
        }
    }
}
