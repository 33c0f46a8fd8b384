#!/usr/bin/env bash
# Regenerates Tests/AnalysisTests/Fixtures/reference_statistics.json with numpy/scipy.
# Makes its own virtualenv in scripts/.venv (numpy and scipy from PyPI). The product and its
# tests never need Python: the JSON is committed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/scripts/.venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy scipy
fi
"$venv/bin/python" "$root/scripts/analysis/make_fixtures.py" \
  "$root/Tests/AnalysisTests/Fixtures/reference_statistics.json"
