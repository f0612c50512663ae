"""Registry import speed and memory: ``python -m bench.import_bench [--rows N ..] [--xlsx-rows N]``.

For each size a registry CSV is generated (families of one to four people on a policy, a family
sharing a phone, some cards without one, 1 % bad rows) and imported into a fresh SQLite
database the way `run_bot.py import-registry` does it (read, check, upsert, relink, a commit a
batch; from 512 KB on the file is read and checked by a child process while the import's process
writes), each run in a process of its own so its peak RSS is its own (the peak RSS reported is
the larger of the import's process and its reading child). Baselines, measured in the same run:

* raw `sqlite3` `executemany` of the same (valid, already typed) rows into the same tables of
  an identical database, with the lookup of the policies' ids and the commit;
* a bare openpyxl read-only pass over the XLSX version of the file (every cell touched).

Prints, and `run()` returns, rows of (name, value, baseline, ratio): first import against the
raw insert (wall seconds, and CPU seconds of the import's process and its child: on a loaded
machine two processes get no second core, and the CPU figure is the one the load leaves alone;
then each process's own, the reading child's and the writing process's: with a core each, the
longer of the two is what the wall time cannot go under),
re-import of the unchanged file against the first import, peak RSS against 200 MB
(and the largest size's RSS against the smallest's: flat in the row count), XLSX import against
the bare read (wall, CPU of both processes, and CPU of the reading child alone: the import's
critical path when the child and the writer each have a core; the child's figure counts its
interpreter's start and imports, the bare read's only the read).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.services.registry import COLUMNS

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
RSS_LIMIT_MB = 200.0
Row = tuple[str, float, float, float]


# --- the file ----------------------------------------------------------------------------------


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return f"+38050{rng.randrange(10**7):07d}"
    return f"+7701{rng.randrange(10**7):07d}"


def registry_rows(count: int, seed: int = 7) -> list[list[str]]:
    """`count` rows: policies of 1-4 cards, a family's children on the holder's phone."""
    rng = random.Random(seed)
    rows: list[list[str]] = []
    policy = 0
    while len(rows) < count:
        policy += 1
        start = date(2026, 1, 1) + timedelta(days=rng.randrange(300))
        end = start + timedelta(days=364)
        signed = start - timedelta(days=rng.randrange(1, 30))
        holder = "corporate" if policy % 3 == 0 else "individual"
        program = rng.choice(("Standard", "Family Plus", "Corporate Basic", "Premium"))
        family_phone = _phone(rng)
        for member in range(rng.randint(1, 4)):
            if len(rows) == count:
                break
            relation = ("self", "spouse", "child", "child")[member]
            phone = family_phone if relation != "spouse" else _phone(rng)
            if rng.random() < 0.05:
                phone = ""
            birth = date(1950, 1, 1) + timedelta(days=rng.randrange(60 * 365))
            row = [
                f"POL-{policy:07d}",
                program,
                holder,
                signed.isoformat(),
                start.isoformat(),
                end.isoformat(),
                f"ID-{len(rows) + 1:08d}",
                f"Person {len(rows) + 1} Example",
                birth.isoformat(),
                phone,
                relation,
            ]
            if rng.random() < 0.01:  # a bad row: a date nobody can read
                row[8] = "31.02.1980"
            rows.append(row)
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


# --- the measured steps, each in a child process ------------------------------------------------


def _rss_mb() -> float:
    """This process's peak RSS. VmHWM belongs to the process's own memory map; ru_maxrss is kept
    across exec, so a child of a large parent (``python -m bench``) would report the parent's."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


async def _migrated(db: Path) -> str:
    from storage.db import migrate

    url = f"sqlite+aiosqlite:///{db}"
    await migrate(url)
    return url


async def _child_import(db: Path, path: Path, again: bool) -> dict[str, float]:
    from bot.cli import import_rows
    from bot.heap import settle_heap
    from bot.services.registry.child import CheckedFile
    from bot.services.registry.importer import open_registry
    from storage.db import create_engine

    url = await _migrated(db)
    engine = create_engine(url)
    settle_heap()  # as `run_bot.py import-registry` does before the rows (bot/cli.py:run_import)
    result: dict[str, float] = {}
    try:
        for name in ("first", "again") if again else ("first",):
            started, cpu = time.perf_counter(), time.process_time()
            rows = open_registry(path, today=NOW.date())  # as `run_bot.py import-registry` does
            outcome = await import_rows(engine, rows, NOW)
            result[name] = time.perf_counter() - started
            # CPU seconds of this process (all its threads) and of the reading child, if any:
            # what the import costs whatever the machine's load (wall time swings with it)
            result[f"{name}_cpu"] = time.process_time() - cpu
            if isinstance(rows, CheckedFile):
                result[f"{name}_cpu"] += rows.child_cpu_s
                result[f"{name}_child_cpu"] = rows.child_cpu_s
                result["reader_rss_mb"] = max(result.get("reader_rss_mb", 0), rows.child_peak_mb)
            result[f"{name}_added"] = outcome.report.added
            result[f"{name}_unchanged"] = outcome.report.unchanged
            result[f"{name}_rejected"] = len(outcome.report.rejected)
    finally:
        await engine.dispose()
    result["rss_mb"] = _rss_mb()
    return result


def _child_raw(db: Path, path: Path) -> dict[str, float]:
    """The same valid rows, typed as the import stores them, inserted with raw executemany."""
    from bot.services.registry.reader import read_rows
    from bot.services.registry.rows import RegistryRow, validate_row

    asyncio.run(_migrated(db))
    valid = [
        r
        for _, raw in read_rows(path)
        if isinstance(r := validate_row(raw, NOW.date()), RegistryRow)
    ]
    stamp = NOW.replace(tzinfo=None).isoformat(sep=" ")
    policies = {
        row.policy_number: (
            row.policy_number,
            row.program,
            row.holder_type.value,
            row.contract_signed.isoformat(),
            row.coverage_start.isoformat(),
            row.coverage_end.isoformat(),
            stamp,
        )
        for row in valid
    }
    connection = sqlite3.connect(db)
    started, cpu = time.perf_counter(), time.process_time()
    connection.executemany(
        "INSERT INTO policies (number, program, holder_type, contract_signed, coverage_start,"
        " coverage_end, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        list(policies.values()),
    )
    ids = dict(connection.execute("SELECT number, id FROM policies"))
    connection.executemany(
        "INSERT INTO insured_persons (insured_id, policy_id, full_name, birth_date, phone,"
        " relation, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                row.insured_id,
                ids[row.policy_number],
                row.full_name,
                row.birth_date.isoformat(),
                row.phone,
                row.relation.value,
                stamp,
            )
            for row in valid
        ],
    )
    connection.commit()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    connection.close()
    return {"raw": elapsed, "raw_cpu": cpu, "rss_mb": _rss_mb()}


def _child_openpyxl(path: Path) -> dict[str, float]:
    from openpyxl import load_workbook

    started, cpu = time.perf_counter(), time.process_time()
    workbook = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        cells += sum(1 for value in row if value is not None)
    workbook.close()
    return {
        "read": time.perf_counter() - started,
        "read_cpu": time.process_time() - cpu,
        "cells": cells,
    }


def _child(argv: list[str]) -> None:
    kind, *paths = argv
    if kind == "import":
        result = asyncio.run(_child_import(Path(paths[0]), Path(paths[1]), again=True))
    elif kind == "import-once":
        result = asyncio.run(_child_import(Path(paths[0]), Path(paths[1]), again=False))
    elif kind == "raw":
        result = _child_raw(Path(paths[0]), Path(paths[1]))
    else:
        result = _child_openpyxl(Path(paths[0]))
    print(json.dumps(result))  # noqa: T201


def _spawn(*args: str) -> dict[str, float]:
    done = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "bench.import_bench", "--child", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the run -----------------------------------------------------------------------------------


def _ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline else float("inf")


def run(sizes: tuple[int, ...] = (10_000, 100_000), xlsx_rows: int = 100_000) -> list[Row]:
    """Measure every size and the XLSX pass; rows of (name, value, baseline, ratio)."""
    table: list[Row] = []
    rss: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="import-bench-") as folder:
        root = Path(folder)
        for size in sizes:
            path = write_csv(root / f"registry-{size}.csv", registry_rows(size))
            raws, raw_cpus = [], []
            for attempt in range(2):  # A/B/A: the baseline before and after the import
                measured = _spawn("raw", str(root / f"raw-{size}-{attempt}.db"), str(path))
                raws.append(measured["raw"])
                raw_cpus.append(measured["raw_cpu"])
                if attempt == 0:
                    project = _spawn("import", str(root / f"import-{size}.db"), str(path))
            raw, raw_cpu = sum(raws) / len(raws), sum(raw_cpus) / len(raw_cpus)
            rss[size] = max(project["rss_mb"], project.get("reader_rss_mb", 0))
            table += [
                (
                    f"import {size} rows, s (vs raw executemany)",
                    project["first"],
                    raw,
                    _ratio(project["first"], raw),
                ),
                (
                    f"import {size} rows, CPU s (vs raw executemany)",
                    project["first_cpu"],
                    raw_cpu,
                    _ratio(project["first_cpu"], raw_cpu),
                ),
            ]
            if "first_child_cpu" in project:  # each process's share: the longer is the wall's floor
                child_cpu = project["first_child_cpu"]
                writer_cpu = project["first_cpu"] - child_cpu
                table += [
                    (
                        f"import {size} rows, reading child's CPU s (vs raw)",
                        child_cpu,
                        raw_cpu,
                        _ratio(child_cpu, raw_cpu),
                    ),
                    (
                        f"import {size} rows, writing process's CPU s (vs raw)",
                        writer_cpu,
                        raw_cpu,
                        _ratio(writer_cpu, raw_cpu),
                    ),
                ]
            table += [
                (
                    f"re-import {size} unchanged, s (vs first)",
                    project["again"],
                    project["first"],
                    _ratio(project["again"], project["first"]),
                ),
                (
                    f"peak RSS {size} rows, MB (vs limit)",
                    rss[size],
                    RSS_LIMIT_MB,
                    _ratio(rss[size], RSS_LIMIT_MB),
                ),
            ]
        if len(sizes) > 1:
            small, large = min(sizes), max(sizes)
            table.append(
                (
                    f"peak RSS {large} vs {small} rows, MB",
                    rss[large],
                    rss[small],
                    _ratio(rss[large], rss[small]),
                )
            )
        if xlsx_rows:
            xlsx = write_xlsx(root / f"registry-{xlsx_rows}.xlsx", registry_rows(xlsx_rows))
            bare = [_spawn("openpyxl", str(xlsx))]
            imported = _spawn("import-once", str(root / "xlsx.db"), str(xlsx))
            bare.append(_spawn("openpyxl", str(xlsx)))
            baseline = sum(run["read"] for run in bare) / len(bare)
            baseline_cpu = sum(run["read_cpu"] for run in bare) / len(bare)
            table += [
                (
                    f"XLSX import {xlsx_rows} rows, s (vs bare openpyxl read)",
                    imported["first"],
                    baseline,
                    _ratio(imported["first"], baseline),
                ),
                (
                    f"XLSX import {xlsx_rows} rows, CPU s (vs bare openpyxl read)",
                    imported["first_cpu"],
                    baseline_cpu,
                    _ratio(imported["first_cpu"], baseline_cpu),
                ),
            ]
            if "first_child_cpu" in imported:  # the critical path, when each has a core
                table.append(
                    (
                        f"XLSX import {xlsx_rows} rows, reading child's CPU s"
                        " (vs bare openpyxl read)",
                        imported["first_child_cpu"],
                        baseline_cpu,
                        _ratio(imported["first_child_cpu"], baseline_cpu),
                    )
                )
    return table


def print_table(rows: list[Row]) -> None:
    width = max(len(name) for name, *_ in rows)
    print(f"{'measure':<{width}}  {'value':>9}  {'baseline':>9}  {'ratio':>7}")  # noqa: T201
    for name, value, baseline, ratio in rows:
        print(f"{name:<{width}}  {value:>9.2f}  {baseline:>9.2f}  {ratio:>6.2f}x")  # noqa: T201


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(prog="python -m bench.import_bench")
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--xlsx-rows", type=int, default=100_000, help="0: no XLSX measure")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child)
        return []
    rows = run(tuple(args.rows), args.xlsx_rows)
    print_table(rows)
    return rows


if __name__ == "__main__":
    main()
