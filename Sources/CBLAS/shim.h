// OpenBLAS's CBLAS declarations (Debian's libopenblas-dev installs them as <cblas.h>), used for
// their enum types only. The library itself is not linked: NeuralKit loads it with dlopen after
// choosing the CPU kernel (see Sources/NeuralKit/Core/OpenBLAS.swift).
#include <cblas.h>
