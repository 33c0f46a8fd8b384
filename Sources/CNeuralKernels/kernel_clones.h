#ifndef STIMGEN_KERNEL_CLONES_H
#define STIMGEN_KERNEL_CLONES_H

// KERNEL marks a function compiled twice, for AVX2 (x86-64-v3) and for the baseline, the clone
// chosen when the program loads (ELF indirect functions), where the platform allows; elsewhere
// only the baseline is compiled. Private to this target's C files.
#if defined(__x86_64__) && defined(__linux__)
#define KERNEL __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define KERNEL
#endif

#endif
