#ifndef STIMGEN_INDEX_ARITHMETIC_H
#define STIMGEN_INDEX_ARITHMETIC_H

// The small integer arithmetic the kernels' loops bound themselves with. Private to this target's
// C files.

#include <stddef.h>

/// `value` rounded up to a multiple of `step` (> 0).
static inline size_t round_up(size_t value, size_t step) { return (value + step - 1) / step * step; }

static inline size_t min_size(size_t a, size_t b) { return a < b ? a : b; }

/// ⌈a / b⌉ for b > 0 and any sign of a (C's division truncates towards zero, which is the ceiling
/// only for a ≤ 0).
static inline long ceil_div(long a, long b) { return a > 0 ? (a + b - 1) / b : -((-a) / b); }

#endif
