"""Times pandas reading every CSV file in a folder (the peer of `stimgen report`): the import of
pandas, then one `read_csv` per table."""
import os
import sys
import time

start = time.perf_counter()
import pandas as pd  # noqa: E402

imported = time.perf_counter()
folder = sys.argv[1]
rows = 0
for name in sorted(os.listdir(folder)):
    if name.endswith(".csv"):
        rows += len(pd.read_csv(os.path.join(folder, name)))
done = time.perf_counter()
size = sum(os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder)) / 1e6
print(f"pandas {pd.__version__}: import {imported - start:.2f} s, read_csv of {rows} rows ({size:.0f} MB) {done - imported:.2f} s")
