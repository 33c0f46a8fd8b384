#ifndef STIMGEN_IMPLICIT_CONV_H
#define STIMGEN_IMPLICIT_CONV_H

// A convolution multiplied straight from its input, without a column matrix (an implicit product).
//
// The input's planes are padded and split by stride phase once per image: phase plane
// (channel c, row phase ph, column phase pw) holds, at row i and column j, the input pixel at row
// stride_h · i + ph − pad_top and column stride_w · j + pw − pad_left (zero outside the image).
// Output pixel (oh, ow) is grid position q = oh · phase_w + ow; a tap (c, kernel row a, kernel
// column b) reads, for every output pixel, the phase value at q plus a fixed offset (row phase
// (a · dilation_h) % stride_h, column phase (b · dilation_w) % stride_w, (a · dilation_h) /
// stride_h rows and (b · dilation_w) / stride_w columns on). So each tap's values for 32
// consecutive grid positions are 32 consecutive floats: the micro-kernel reads them as it would a
// packed panel of B. Grid positions with ow ≥ out_w are computed and dropped as the tile is stored.
//
// The weight is packed as for nk_gemm_packed (packed_gemm.h), depth index d = (c · kernel_h + a)
// · kernel_w + b: the ONNX weight [M, C, kH, kW] as it is stored.

#include <stddef.h>

/// One image's convolution geometry, for one group of channels (pixels).
typedef struct {
    long channels, height, width;
    long kernel_h, kernel_w, stride_h, stride_w, dilation_h, dilation_w, pad_top, pad_left;
    long out_h, out_w;
} nk_implicit_geometry;

/// Grid positions one micro-kernel call computes (two 16-float vectors).
#define NK_IMPLICIT_TILE 32

/// Whether this CPU runs the implicit product (AVX-512, within nk_limit_kernels).
int nk_implicit_available(void);

/// Rows of each phase plane: out_h + (kernel_h − 1) · dilation_h / stride_h.
long nk_implicit_phase_rows(const nk_implicit_geometry *g);

/// Columns of each phase plane (the grid's row pitch): out_w + (kernel_w − 1) · dilation_w / stride_w.
long nk_implicit_phase_columns(const nk_implicit_geometry *g);

/// Grid positions the product computes: out_h rows of phase_w, rounded up to whole tiles.
size_t nk_implicit_positions(const nk_implicit_geometry *g);

/// Floats of the phase planes of one image, with the zeros the last tiles read past their end.
size_t nk_implicit_input_count(const nk_implicit_geometry *g);

/// Writes the phase planes of channels [first_channel, end_channel) of `image` ([channels, height,
/// width]) into `phases` (nk_implicit_input_count floats for all channels), and the zeros after
/// the last plane with the last channel; planes no tap reads are left as they were. Calls for
/// disjoint channel ranges write disjoint floats.
void nk_implicit_input(const nk_implicit_geometry *g, const float *image, long first_channel, long end_channel, float *phases);

/// Writes each tap's offset in the phase planes (channels · kernel_h · kernel_w values, in the
/// weight's depth order).
void nk_implicit_offsets(const nk_implicit_geometry *g, long *offsets);

/// C = A · B for rows [row_begin, row_end) of the packed M×K weight and the output pixels of grid
/// positions [q_begin, q_end) (multiples of NK_IMPLICIT_TILE, q_end at most
/// nk_implicit_positions), B read from `phases` through `offsets`. Row i of the range goes to
/// c + (i − row_begin) · ldc, output pixel (oh, ow) at [oh · out_w + ow]. `row_bias` (indexed by A's
/// row), `addend` (laid out as C) and the clamp at zero are applied as the output is written.
void nk_implicit_product(const float *packed, size_t m, size_t k, size_t row_begin, size_t row_end,
                         const float *phases, const long *offsets, const nk_implicit_geometry *g,
                         size_t q_begin, size_t q_end, float *c, size_t ldc,
                         const float *row_bias, const float *addend, int clamp_at_zero);

#endif
