// NeuralKit's packed-weight product (Sources/CNeuralKernels/packed_gemm.c) against OpenBLAS's sgemm
// on the products of the bench's CNN shapes, one thread: C (M×N) = W (M×K) · B (K×N), W a layer's
// weight (filters × inputs), B its columns (pixels, Winograd tiles, or images for a fully connected
// layer). OpenBLAS packs W on every call; the packed product packs it once, before timing, as stimgen
// does when a model loads. Prints GFLOP/s (2·M·N·K per second, best of the runs) for both and their
// ratio, and the largest difference between the two products.
// Usage: packed_gemm [runs]   (OPENBLAS_NUM_THREADS=1 is set by the caller)
#include "packed_gemm.h"

#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void fill(float *values, size_t count, unsigned *state) {
    for (size_t i = 0; i < count; i++) values[i] = (float)(rand_r(state) / (RAND_MAX + 1.0)) - 0.5f;
}

int main(int argc, char **argv) {
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    // (M, N, K) and where the product comes from.
    struct { int m, n, k; const char *what; } shapes[] = {
        {64, 12544, 147, "ResNet conv1 (7x7 s2), b1"},
        {64, 3136, 64, "ResNet-50 1x1 at 56 px, b1"},
        {256, 3136, 64, "ResNet-50 1x1 64->256 at 56 px, b1"},
        {64, 196, 64, "Winograd product, 64 ch at 56 px, b1"},
        {128, 784, 1152, "ResNet-18 3x3 at 28 px (im2col), b1"},
        {128, 49, 128, "Winograd product, 128 ch at 28 px, b1"},
        {512, 784, 128, "ResNet-50 1x1 128->512 at 28 px, b1"},
        {256, 16, 256, "Winograd product, 256 ch at 14 px, b1"},
        {1024, 196, 256, "ResNet-50 1x1 256->1024 at 14 px, b1"},
        {512, 49, 4608, "ResNet 3x3 at 7 px (im2col), b1"},
        {2048, 49, 512, "ResNet-50 1x1 512->2048 at 7 px, b1"},
        {64, 3025, 363, "AlexNet conv1 (11x11 s4), b1"},
        {192, 729, 1600, "AlexNet conv2 (5x5), b1"},
        {4096, 8, 9216, "AlexNet fc6, b8"},
        {1000, 8, 4096, "AlexNet fc8, b8"},
    };
    unsigned state = 1;
    printf("| M | N | K | product | OpenBLAS GFLOP/s | packed GFLOP/s | packed / OpenBLAS | N / M | max |diff| |\n");
    printf("|---|---|---|---|---|---|---|---|---|\n");
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        int m = shapes[s].m, n = shapes[s].n, k = shapes[s].k;
        float *w = malloc(sizeof(float) * m * k), *b = malloc(sizeof(float) * k * n);
        float *c1 = malloc(sizeof(float) * m * n), *c2 = malloc(sizeof(float) * m * n);
        float *packed = malloc(sizeof(float) * nk_packed_count(m, k));
        fill(w, (size_t)m * k, &state);
        fill(b, (size_t)k * n, &state);
        nk_pack(w, k, 0, m, k, packed);
        double best_blas = INFINITY, best_packed = INFINITY;
        for (int r = 0; r < runs; r++) {
            double t = seconds();
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1, w, k, b, n, 0, c1, n);
            t = seconds() - t;
            if (t < best_blas) best_blas = t;
            t = seconds();
            nk_gemm_packed(packed, m, k, 0, m, b, n, 0, n, c2, n, NULL, NULL, 0);
            t = seconds() - t;
            if (t < best_packed) best_packed = t;
        }
        double worst = 0;
        for (size_t i = 0; i < (size_t)m * n; i++) worst = fmax(worst, fabs((double)c1[i] - c2[i]));
        double gflop = 2.0 * m * n * k / 1e9;
        printf("| %d | %d | %d | %s | %.1f | %.1f | %.2f | %.2f | %.1e |\n", m, n, k, shapes[s].what, gflop / best_blas,
               gflop / best_packed, best_blas / best_packed, (double)n / m, worst);
        free(w); free(b); free(c1); free(c2); free(packed);
    }
    return 0;
}
