/* Why the presenter reads CPU time from CLOCK_THREAD_CPUTIME_ID and not getrusage(RUSAGE_THREAD):
   a loop shaped like stimgen's paced frame loop (sleep, spin to the slot, then work) books the
   wait's CPU and the work's CPU by both clocks. getrusage updates a running thread's time only at
   scheduler events (ticks, switches), so the spin at the end of each wait is mostly booked after
   the wait, as if it were work; the CPU-time clock includes the running slice.
   Prints per frame (ms): total, wait and work CPU by each clock; the work is a 0.5 ms spin, the
   wait a 15 ms sleep and a SPIN_MS spin.
   Usage: cpu_clocks [FRAMES [SPIN_MS]] */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double rusage_thread(void) {
    struct rusage u;
    getrusage(RUSAGE_THREAD, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

/* Seconds on `clock`. */
static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void spin(double duration) {   /* s */
    double start = seconds(CLOCK_MONOTONIC);
    while (seconds(CLOCK_MONOTONIC) - start < duration) {}
}

int main(int argc, char **argv) {
    int frames = argc > 1 ? atoi(argv[1]) : 300;
    double spin_s = (argc > 2 ? atof(argv[2]) : 1) / 1000;
    double wait_rusage = 0, wait_clock = 0;   /* s */
    double rusage0 = rusage_thread(), clock0 = seconds(CLOCK_THREAD_CPUTIME_ID);
    for (int f = 0; f < frames; f++) {
        double r = rusage_thread(), c = seconds(CLOCK_THREAD_CPUTIME_ID);
        struct timespec sleep = { 0, 15000000 };
        nanosleep(&sleep, NULL);
        spin(spin_s);
        wait_rusage += rusage_thread() - r;
        wait_clock += seconds(CLOCK_THREAD_CPUTIME_ID) - c;
        spin(0.0005);
    }
    double total_rusage = rusage_thread() - rusage0, total_clock = seconds(CLOCK_THREAD_CPUTIME_ID) - clock0;
    printf("cpu clocks, %d frames of a %.1f ms wait spin and 0.5 ms of work, per frame (ms):\n", frames, spin_s * 1000);
    printf("  getrusage(RUSAGE_THREAD):  total %.3f, wait %.3f, work %.3f\n", total_rusage / frames * 1000,
           wait_rusage / frames * 1000, (total_rusage - wait_rusage) / frames * 1000);
    printf("  CLOCK_THREAD_CPUTIME_ID:   total %.3f, wait %.3f, work %.3f\n", total_clock / frames * 1000,
           wait_clock / frames * 1000, (total_clock - wait_clock) / frames * 1000);
    return 0;
}
