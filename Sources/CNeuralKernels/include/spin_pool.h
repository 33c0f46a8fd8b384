#ifndef STIMGEN_SPIN_POOL_H
#define STIMGEN_SPIN_POOL_H

// NeuralKit's worker threads. A network at batch 1 splits hundreds of short passes (tens to
// hundreds of microseconds each) over its threads; waking a sleeping thread for each one costs
// about as much as the pass itself. These workers stay awake, spinning, for a while after each
// part they run, so the next split starts at once; after that they sleep until the next one.

/// One part of a split: `part` runs from 0 to parts − 1.
typedef void (*nk_part_task)(void *context, int part);

/// Runs task(context, part) for every part in [0, parts): part 0 on the calling thread, the others
/// on the pool's threads (started on first use), and returns once all are done. Returns 0, or −1
/// without running anything when the pool is running another caller's split (the caller then runs
/// the parts itself) or a thread cannot be started.
int nk_pool_run(int parts, nk_part_task task, void *context);

/// Microseconds a worker spins, awake, after its part before it sleeps (`NK_SPIN_US` overrides).
#define NK_SPIN_MICROSECONDS 200

#endif
