"""The demo registry, moved to today's date so its stories stay true whenever it is run.

`data/demo_registry.csv` was written as of :data:`DEMO_AS_OF`: one policy opens for activation
in two days, another in eight, one has expired, the rest are active. Shifting every contract
and coverage date by the days since then keeps those stories on any later day. Birth dates stay
as they are (a person's date of birth is what they type to activate), and a cell that is not a
date (the file's deliberately bad rows) is left alone, so the same rows are rejected on the same
line numbers.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

# bot/sandbox/data links to the top-level data/ (so the wheel carries it: pyproject.toml)
DEMO_REGISTRY = Path(__file__).resolve().parent / "data" / "demo_registry.csv"
DEMO_AS_OF = date(2026, 11, 22)
# the clinic directory the sandbox imports (`import-clinics`): clinics in the demo cards' cities
DEMO_CLINICS = DEMO_REGISTRY.with_name("demo_clinics.csv")
POLICY_DATES = ("contract_signed", "coverage_start", "coverage_end")


def _shifted(cell: str, by: timedelta) -> str:
    try:
        return (date.fromisoformat(cell) + by).isoformat()
    except ValueError:
        return cell


def demo_registry_for(today: date, into: Path, source: Path = DEMO_REGISTRY) -> Path:
    """Write the demo registry with its policy dates moved to `today`; return the new file."""
    by = today - DEMO_AS_OF
    with source.open(newline="", encoding="utf-8") as src:
        header, *rows = list(csv.reader(src))
    dated = [i for i, name in enumerate(header) if name.strip() in POLICY_DATES]
    for row in rows:
        for i in dated:
            if i < len(row):
                row[i] = _shifted(row[i], by)
    into.mkdir(parents=True, exist_ok=True)
    target = into / "sandbox_registry.csv"
    with target.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return target
