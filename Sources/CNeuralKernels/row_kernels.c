#include "row_kernels.h"

#include "kernel_clones.h"

KERNEL void nk_add_into_row(float *restrict row, const float *restrict line, size_t count, size_t stride) {
    // Strides 1 and 2 as constants, so that the loads vectorise.
    switch (stride) {
    case 1:
        for (size_t i = 0; i < count; i++) row[i] += line[i];
        break;
    case 2:
        for (size_t i = 0; i < count; i++) row[i] += line[2 * i];
        break;
    default:
        for (size_t i = 0; i < count; i++) row[i] += line[i * stride];
    }
}

KERNEL void nk_copy_strided_row(float *restrict row, const float *restrict line, size_t count, size_t stride) {
    // Strides 2 and 4 (the first layers of ResNet, GoogLeNet and AlexNet) as constants, so that
    // the loads vectorise as interleaved groups.
    switch (stride) {
    case 1:
        for (size_t i = 0; i < count; i++) row[i] = line[i];
        break;
    case 2:
        for (size_t i = 0; i < count; i++) row[i] = line[2 * i];
        break;
    case 4:
        for (size_t i = 0; i < count; i++) row[i] = line[4 * i];
        break;
    default:
        for (size_t i = 0; i < count; i++) row[i] = line[i * stride];
    }
}
