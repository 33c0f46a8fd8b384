"""Writes the session database's tables as CSV files (one per table), for the pandas peer when
`stimgen export-data` is not available."""
import csv
import os
import sqlite3
import sys

db, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
con = sqlite3.connect(db)
for table in ["sessions", "phases", "trials", "responses", "fixation_events", "frames"]:
    cursor = con.execute(f"SELECT * FROM {table}")
    with open(os.path.join(out, f"{table}.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([d[0] for d in cursor.description])
        writer.writerows(cursor)
