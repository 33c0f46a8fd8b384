#!/usr/bin/env bash
# Makes bench/.venv with the reference tools (numpy, Pillow, scipy). Used only by the benchmark and by
# the script that regenerates test fixtures; stimgen and its tests never need Python.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check numpy Pillow scipy
.venv/bin/python -c "import numpy, PIL, scipy; print('numpy', numpy.__version__, 'Pillow', PIL.__version__, 'scipy', scipy.__version__)"
