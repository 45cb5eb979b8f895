#!/usr/bin/python3
"""The pandas + openpyxl peer of `raumbudget plan`, for bench/pipeline.sh.

It does the same work as the benchmark's plan: read the rows (rbgen's
German CSV or workbook), sum the indicators and the prior-year spending
per unit, plan four quarters with the indicator share alpha rising
0.6, 0.7, 0.8, 0.9 (weights 1/4 each), round each quarter's budget to
cents by largest remainder, and write an xlsx report with one row per
unit and one column per quarter. Floats, not exact fractions: the peer
is what a planner would write in an afternoon.

Needs Debian's python3-pandas and python3-openpyxl.
usage: peer.py DATA OUT.xlsx [ANNUAL_BUDGET_EUR]
"""
import sys

import numpy as np
import pandas as pd

UNIT = "Bezirksstelle"
INDICATORS = ["Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²"]
SPENDING = "Mittelabfluss Vorjahr"
ALPHAS = [0.6, 0.7, 0.8, 0.9]
QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]


def read(path):
    if path.endswith(".xlsx"):
        return pd.read_excel(path, engine="openpyxl")
    return pd.read_csv(path, sep=";", decimal=",", thousands=".", encoding="utf-8")


def largest_remainder(exact, total):
    """Whole cents adding up to total: floors, then the missing cents to
    the largest remainders, ties to the first unit."""
    floors = np.floor(exact).astype(np.int64)
    missing = int(total - floors.sum())
    if missing > 0:
        order = np.argsort(-(exact - floors), kind="stable")
        floors[order[:missing]] += 1
    return floors


def main():
    data, out = sys.argv[1], sys.argv[2]
    budget = float(sys.argv[3]) if len(sys.argv) > 3 else 48_000_000.0
    table = read(data)
    sums = table.groupby(UNIT, sort=False)[INDICATORS + [SPENDING]].sum()
    composite = sum((sums[k] / sums[k].sum()) * 0.25 for k in INDICATORS)
    history = sums[SPENDING] / sums[SPENDING].sum()
    quarter_cents = round(budget * 100 / 4)
    report = pd.DataFrame(index=sums.index)
    for label, alpha in zip(QUARTERS, ALPHAS):
        target = alpha * composite + (1 - alpha) * history
        cents = largest_remainder(target.to_numpy() * quarter_cents, quarter_cents)
        report[label] = cents / 100
    report.loc["Summe"] = report.sum()
    report.to_excel(out, sheet_name="Zuteilung", engine="openpyxl")


if __name__ == "__main__":
    main()
