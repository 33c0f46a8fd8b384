// OpenBLAS's own sgemm speed on this machine: C = A·B for float matrices, GFLOP/s.
// Build: cc -O2 -o sgemm_peak sgemm_peak.c -lopenblas.
// Usage: sgemm_peak SIZE THREADS REPEATS, SIZE being N (N×N times N×N) or MxNxK (M×K times K×N,
// the shape of a convolution's product: M filters, N output pixels, K = channels·kH·kW).
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

extern char *openblas_get_corename(void);
extern void openblas_set_num_threads(int);

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    int m = 2048, n = 2048, k = 2048, threads = argc > 2 ? atoi(argv[2]) : 1, repeats = argc > 3 ? atoi(argv[3]) : 5;
    if (argc > 1 && sscanf(argv[1], "%dx%dx%d", &m, &n, &k) != 3) m = n = k = atoi(argv[1]);
    openblas_set_num_threads(threads);
    float *a = malloc(sizeof(float) * m * k), *b = malloc(sizeof(float) * k * n), *c = malloc(sizeof(float) * m * n);
    for (long i = 0; i < (long)m * k; i++) a[i] = (float)(i % 7) / 7;
    for (long i = 0; i < (long)k * n; i++) b[i] = (float)(i % 5) / 5;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1, a, k, b, n, 0, c, n);
    // Fastest wall-clock time, and least CPU time of the process (all threads): on a shared
    // machine the second leaves out the time other processes held the cores.
    double best = 1e30, bestCPU = 1e30;
    for (int r = 0; r < repeats; r++) {
        double t0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1, a, k, b, n, 0, c, n);
        double t = seconds(CLOCK_MONOTONIC) - t0, cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
        if (t < best) best = t;
        if (cpu < bestCPU) bestCPU = cpu;
    }
    double flop = 2.0 * m * n * k;
    printf("core=%s threads=%d size=%dx%dx%d best_s=%.4f gflops=%.1f gflops_per_cpu_s=%.1f\n", openblas_get_corename(), threads, m, n, k, best,
           flop / best / 1e9, flop / bestCPU / 1e9);
    return 0;
}
