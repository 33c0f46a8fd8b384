#ifndef STIMGEN_ROW_KERNELS_H
#define STIMGEN_ROW_KERNELS_H

// Average pooling's and im2col's innermost loops: one kernel position's pass over a whole output
// row. In C, with the rows declared not to overlap, so that they vectorise (Swift cannot rule out
// that two pointers alias).

#include <stddef.h>

/// row[i] += line[i · stride] for i < count.
void nk_add_into_row(float *row, const float *line, size_t count, size_t stride);

/// row[i] = line[i · stride] for i < count.
void nk_copy_strided_row(float *row, const float *line, size_t count, size_t stride);

#endif
