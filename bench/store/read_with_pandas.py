"""Loads every table of a stimgen tidy export with one pandas.read_csv call each, checks the
columns against datapackage.json, and prints the time each load took."""
import json
import sys
import time
from pathlib import Path

import pandas as pd

folder = Path(sys.argv[1])
package = json.loads((folder / "datapackage.json").read_text())
for resource in package["resources"]:
    start = time.perf_counter()
    table = pd.read_csv(folder / resource["path"])
    seconds = time.perf_counter() - start
    names = [field["name"] for field in resource["schema"]["fields"]]
    assert list(table.columns) == names, (resource["name"], list(table.columns), names)
    assert len(table) == resource["row_count"], (resource["name"], len(table), resource["row_count"])
    numeric = [f["name"] for f in resource["schema"]["fields"] if f["type"] in ("integer", "number")]
    wrong = [n for n in numeric if len(table) and table[n].notna().any() and not pd.api.types.is_numeric_dtype(table[n])]
    assert not wrong, (resource["name"], wrong)
    print(f"pandas.read_csv {resource['path']}: {len(table)} rows, {len(names)} columns, {seconds * 1000:.1f} ms")
