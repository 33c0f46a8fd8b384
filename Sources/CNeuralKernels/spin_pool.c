#include "spin_pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#if defined(__x86_64__)
#include <immintrin.h>
#define RELAX() _mm_pause()
#elif defined(__aarch64__)
#define RELAX() __asm__ volatile("yield")
#else
#define RELAX() ((void)0)
#endif

/// Most worker threads the pool starts (parts beyond 1 + this many are refused).
#define MAX_WORKERS 255

/// The split being run: written by the caller before `generation` is raised, read by the workers.
static nk_part_task current_task;
static void *current_context;
static int current_parts;
/// Raised once per split; a worker runs a split when it sees a generation it has not run.
static atomic_ulong generation;
/// Workers that have not yet finished with the current split. Every started worker answers every
/// split, running its part or not, so none can fall a split behind.
static atomic_int pending;
static int started_workers;
/// Held by the caller for the whole of a split: one split at a time.
static pthread_mutex_t run_lock = PTHREAD_MUTEX_INITIALIZER;
/// Guards the sleepers' wait on `wake`.
static pthread_mutex_t sleep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static long spin_nanoseconds = -1;

static long now_nanoseconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

/// Waits until `generation` differs from `seen`: spinning for the spin time, then asleep.
static unsigned long await_generation(unsigned long seen) {
    long deadline = now_nanoseconds() + spin_nanoseconds;
    for (unsigned iteration = 1;; iteration++) {
        unsigned long now = atomic_load_explicit(&generation, memory_order_acquire);
        if (now != seen) return now;
        RELAX();
        if (iteration % 64 == 0 && now_nanoseconds() > deadline) break;
    }
    pthread_mutex_lock(&sleep_lock);
    unsigned long now;
    while ((now = atomic_load_explicit(&generation, memory_order_acquire)) == seen) {
        pthread_cond_wait(&wake, &sleep_lock);
    }
    pthread_mutex_unlock(&sleep_lock);
    return now;
}

/// A worker's part, and the last generation before its first split.
struct worker_start {
    int part;
    unsigned long seen;
};

static void *worker_main(void *argument) {
    struct worker_start start = *(struct worker_start *)argument;
    free(argument);
    int part = start.part;
    unsigned long seen = start.seen;
    for (;;) {
        seen = await_generation(seen);
        if (part < current_parts) current_task(current_context, part);
        atomic_fetch_sub_explicit(&pending, 1, memory_order_release);
    }
    return NULL;
}

/// Starts workers until parts − 1 are running; false if one cannot be started.
static int start_workers(int parts) {
    if (spin_nanoseconds < 0) {
        const char *setting = getenv("NK_SPIN_US");
        spin_nanoseconds = (setting ? atol(setting) : NK_SPIN_MICROSECONDS) * 1000L;
    }
    while (started_workers < parts - 1) {
        struct worker_start *start = malloc(sizeof *start);
        if (!start) return 0;
        // Read before this split raises it: the thread may first look after the raise.
        *start = (struct worker_start){started_workers + 1, atomic_load(&generation)};
        pthread_t thread;
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        int failed = pthread_create(&thread, &attributes, worker_main, start);
        pthread_attr_destroy(&attributes);
        if (failed) {
            free(start);
            return 0;
        }
        started_workers++;
    }
    return 1;
}

int nk_pool_run(int parts, nk_part_task task, void *context) {
    if (parts < 2 || parts > MAX_WORKERS + 1) return -1;
    if (pthread_mutex_trylock(&run_lock) != 0) return -1;
    if (!start_workers(parts)) {
        pthread_mutex_unlock(&run_lock);
        return -1;
    }
    current_task = task;
    current_context = context;
    current_parts = parts;
    atomic_store_explicit(&pending, started_workers, memory_order_relaxed);
    // Raised under the sleepers' lock, so a worker between its last look and its wait cannot miss it.
    pthread_mutex_lock(&sleep_lock);
    atomic_fetch_add_explicit(&generation, 1, memory_order_release);
    pthread_cond_broadcast(&wake);
    pthread_mutex_unlock(&sleep_lock);

    task(context, 0);
    while (atomic_load_explicit(&pending, memory_order_acquire) != 0) RELAX();
    pthread_mutex_unlock(&run_lock);
    return 0;
}
