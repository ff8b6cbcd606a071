#!/usr/bin/python3
"""Ready "production" samples for the Drift tab, one per example with an evaluation set.

Each is drawn from the package's own test.csv and shifted on purpose, so that a
drift check can be tried in one click and finds something: rows resampled with
replacement with one class over-represented (a changed mix), some features
moved (a changed measurement), the label column dropped (production data has
none). Only the standard library is used (random.Random with a fixed seed, whose
stream CPython keeps stable), so the files are the same on any machine and
regenerating them never touches the trained models.

    /usr/bin/python3 scripts/generate_examples.py --production-samples

writes public/examples/<id>/production_sample.csv for every example in
index.json and refreshes the index's file lists and sizes. A full run of
generate_examples.py writes them too.
"""

from __future__ import annotations

import csv
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "public", "examples")
PRODUCTION_SAMPLE = "production_sample.csv"


def _iris_shift(row: dict, rng: random.Random) -> None:
    # A new supplier measures petals about 15 % longer and wider.
    for name in ("petal length (cm)", "petal width (cm)"):
        row[name] = max(0.1, round(float(row[name]) * 1.15 + rng.gauss(0.0, 0.05), 1))


def _wine_shift(row: dict, rng: random.Random) -> None:
    # A warmer harvest: more alcohol, deeper colour.
    row["alcohol"] = round(float(row["alcohol"]) + 0.8 + rng.gauss(0.0, 0.1), 2)
    row["color_intensity"] = round(float(row["color_intensity"]) * 1.3 + rng.gauss(0.0, 0.1), 2)


def _digits_shift(row: dict, rng: random.Random) -> None:
    # A fainter scanner: every pixel at about 70 % of its intensity (still whole numbers 0..16).
    for name in row:
        row[name] = float(min(16, max(0, round(float(row[name]) * 0.7 + rng.gauss(0.0, 0.3)))))


# Per family: (seed, over-represented class, its weight, the shift). Families that
# share a dataset share a seed, so their samples are byte-identical like their test.csv.
SHIFTS = {
    "iris": (7, "2", 3.0, _iris_shift),
    "wine": (8, "0", 2.0, _wine_shift),
    "digits": (9, "1", 3.0, _digits_shift),
    "digits-mlp": (9, "1", 3.0, _digits_shift),
}


def write_production_sample(outdir: str, family: str) -> None:
    seed, heavy_class, weight, shift = SHIFTS[family]
    with open(os.path.join(outdir, "test.csv"), encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [r for r in reader if r]
    target = header.index("target")
    features = [h for i, h in enumerate(header) if i != target]
    weights = [weight if r[target] == heavy_class else 1.0 for r in rows]
    rng = random.Random(seed)
    picks = rng.choices(range(len(rows)), weights=weights, k=len(rows))
    with open(os.path.join(outdir, PRODUCTION_SAMPLE), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(features)
        for i in picks:
            row = {h: float(rows[i][k]) for k, h in enumerate(header) if k != target}
            shift(row, rng)
            w.writerow([repr(float(row[h])) for h in features])


def refresh_index() -> int:
    """index.json's file lists and sizes, from what is on disk; every other field kept as it is."""
    path = os.path.join(OUT, "index.json")
    with open(path, encoding="utf-8") as f:
        index = json.load(f)
    for entry in index["examples"]:
        outdir = os.path.join(OUT, entry["id"])
        files = sorted(os.listdir(outdir))
        entry["files"] = files
        entry["bytes"] = sum(os.path.getsize(os.path.join(outdir, name)) for name in files)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(index, indent=2, ensure_ascii=False) + "\n")
    return len(index["examples"])


def main() -> None:
    with open(os.path.join(OUT, "index.json"), encoding="utf-8") as f:
        examples = json.load(f)["examples"]
    for entry in examples:
        if os.path.exists(os.path.join(OUT, entry["id"], "test.csv")):
            write_production_sample(os.path.join(OUT, entry["id"]), entry["family"])
    count = refresh_index()
    print(f"wrote production samples for {count} examples in {os.path.relpath(OUT, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
