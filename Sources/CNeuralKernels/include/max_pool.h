#ifndef STIMGEN_MAX_POOL_H
#define STIMGEN_MAX_POOL_H

// Max pooling of a whole plane in one call: one call per output row and kernel position cost more
// than the comparisons on a network's small maps (AlexNet's 27 × 27 outputs).

/// out (out_height × out_width) = the maximum of each window of `plane` (height × width): window
/// (oh, ow) covers input rows oh · stride_h − pad_top + i · dilation_h (i < kernel_h) and columns
/// ow · stride_w − pad_left + j · dilation_w (j < kernel_w). Positions outside the plane (padding)
/// never win; a window entirely outside is −∞; a NaN never replaces a value.
void nk_max_pool_plane(const float *plane, long height, long width, float *out, long out_height, long out_width,
                       long kernel_h, long kernel_w, long stride_h, long stride_w, long dilation_h, long dilation_w,
                       long pad_top, long pad_left);

#endif
