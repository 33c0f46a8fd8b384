#ifndef STIMGEN_WINOGRAD_TILES_H
#define STIMGEN_WINOGRAD_TILES_H

// The tile transforms of Winograd's F(4×4, 3×3) (Lavin & Gray 2016), eight tiles at a time, one
// per SIMD lane: the input transform Bᵀ · d · B of 6×6 input tiles, and the output transform
// Aᵀ · m · A back into 4×4 output tiles. The matrices are in NeuralKit's Winograd.swift; the
// sums below are their rows written out.

#include <stddef.h>

/// Where a tile lies: its image and the output pixel (row, column) at its top-left corner.
typedef struct {
    long image, row, column;
} nk_tile_place;

/// Transforms the tiles `places[0 ..< count]` of input channel `channel` of x ([images, channels,
/// height, width]), each a 6×6 window whose top-left input pixel is (row − pad_top, column −
/// pad_left); pixels outside the image read as zero. Position ξ (0 ..< 36, row-major) of tile t
/// goes to v[ξ · position_stride + t].
void nk_winograd_input_tiles(const float *x, long channels, long channel, long height, long width,
                             long pad_top, long pad_left, const nk_tile_place *places, size_t count,
                             float *v, size_t position_stride);

/// Transforms filter `filter`'s products of the tiles `places[0 ..< count]` (position ξ of tile t
/// at products[ξ · position_stride + t]) into 4×4 output tiles of y ([images, filters, out_height,
/// out_width]), adding `bias` and `addend` (nullable, laid out as y) and, with `clamp_at_zero`,
/// taking max(·, 0); a tile's rows and columns beyond the output's edge are not written.
void nk_winograd_output_tiles(const float *products, size_t position_stride, const nk_tile_place *places,
                              size_t count, long filters, long filter, long out_height, long out_width,
                              float bias, const float *addend, int clamp_at_zero, float *y);

#endif
