#ifndef STIMGEN_NEURAL_KERNELS_H
#define STIMGEN_NEURAL_KERNELS_H

// NeuralKit's own matrix kernels, for the products OpenBLAS's interface serves badly; each kernel's
// declarations live in a header of its own, included here.

#include <stddef.h>

#include "implicit_conv.h"
#include "matrix_vector.h"
#include "max_pool.h"
#include "packed_columns.h"
#include "packed_gemm.h"
#include "row_kernels.h"
#include "spin_pool.h"
#include "winograd_tiles.h"

/// The version of these kernels' interface (raised when a signature changes).
#define STIMGEN_NEURAL_KERNELS_VERSION 1

#endif
