#include "neural_kernels.h"
