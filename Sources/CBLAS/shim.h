// OpenBLAS's CBLAS interface (Debian's libopenblas-dev installs it as <cblas.h>).
#include <cblas.h>
