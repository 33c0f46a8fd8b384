#ifndef STIMGEN_PACKED_COLUMNS_H
#define STIMGEN_PACKED_COLUMNS_H

// A convolution's column matrix (im2col), row by row, or straight into the packed layout the
// matrix kernel reads (nk_packed_b_count, packed_gemm.h), so that the product does not copy it again.

#include <stddef.h>

/// One image's 2-D convolution geometry: input planes, kernel, strides, dilations, padding (px).
typedef struct {
    size_t channels, height, width;
    size_t kernel_h, kernel_w, stride_h, stride_w, dilation_h, dilation_w;
    long pad_top, pad_left;
    size_t out_width;
} nk_unfold_geometry;

/// Writes row d of the column matrix of `image` ([channels, height, width]) for output rows
/// [row_begin, row_end) into `row` ((row_end − row_begin) · out_width floats): row d is channel
/// d / (kernel_h · kernel_w) at kernel position (kernel row, kernel column) d % (kernel_h ·
/// kernel_w); each output pixel gets the input pixel that tap reads, zero outside the image.
void nk_unfold_row(const float *image, const nk_unfold_geometry *geometry, size_t d, size_t row_begin, size_t row_end, float *row);

/// Writes the column matrix of `image` ([channels, height, width]) for output rows
/// [row_begin, row_end), packed as nk_packed_b_count says: K = channels · kernel_h · kernel_w rows
/// (channel, kernel row, kernel column), N = (row_end − row_begin) · out_width columns (output
/// pixels row by row), taps outside the image zero, the last panel's spare columns zero.
void nk_unfold_packed(const float *image, const nk_unfold_geometry *geometry, size_t row_begin, size_t row_end, float *packed);

#endif
