"""`insurance-bot import-registry PATH` and `import-clinics PATH` (bot/main.py): the registry and
the clinic directory imported from a shell."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import Clock, system_clock
from bot.config import Settings
from bot.heap import settle_heap
from bot.observability.metrics import count_import
from bot.services.clinics import import_clinics, read_clinics, report_lines
from bot.services.registry import RegistryFormatError
from bot.services.registry.child import CheckedFile
from bot.services.registry.importer import ImportOutcome, ImportReport, import_file, open_registry
from bot.services.registry.reader import Line
from storage.db import create_engine, create_session_factory, migrate


def format_report(report: ImportReport) -> list[str]:
    """Counts, then one `line N: reason; reason` per rejected row."""
    lines = [
        f"added: {report.added}",
        f"updated: {report.updated}",
        f"unchanged: {report.unchanged}",
        f"rejected: {len(report.rejected)}",
    ]
    for rejected in report.rejected:
        who = f" ({rejected.insured_id})" if rejected.insured_id else ""
        lines.append(f"line {rejected.line}{who}: {'; '.join(rejected.reasons)}")
    return lines


class Saved:
    """How many of the file's rows are stored so far (counted after each batch's commit)."""

    rows: int = 0


async def import_rows(
    engine: AsyncEngine,
    rows: Iterable[Line] | CheckedFile,
    now: datetime,
    saved: Saved | None = None,
) -> ImportOutcome:
    """The import, card linking for the touched phones, and a `cards_linked` message queued for
    each member who gained cards (the running bot delivers it), committed batch by batch: the
    running bot's members never wait for the whole file (SQLite has one writer at a time)."""
    saved = saved or Saved()
    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("Importing: {task.completed} rows"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("import", total=None)

        def progress(done: int) -> None:
            saved.rows = done
            bar.update(task, completed=done)

        async with create_session_factory(engine)() as session:
            outcome = await import_file(
                session, rows, now, progress=progress, checkpoint=session.commit
            )
            await session.commit()
            return outcome


async def run_import(settings: Settings, path: Path, clock: Clock = system_clock) -> int:
    """Import a registry file and print the report.

    Exit code 0 when the import ran (rejected rows included), 2 when the file cannot be read
    or passes a limit (REGISTRY_MAX_*), 1 when the database failed. Either error names how many
    of the file's rows were stored before it (batches are committed one by one; importing the
    fixed file again finds them unchanged).
    """
    now = clock()
    try:
        # size, encoding or unpacked size, and the header: checked before the database is touched
        # (a large file is then read and checked by a child process while this one writes)
        rows = open_registry(path, settings.registry_limits(), now.date())
    except RegistryFormatError as exc:
        print(f"Cannot import {path}: {exc}", file=sys.stderr)
        return 2

    engine = None
    saved = Saved()
    try:
        await migrate(settings.database_url)
        engine = create_engine(settings.database_url)
        settle_heap()  # what this process has loaded lives until it ends: not walked per batch
        outcome = await import_rows(engine, rows, now, saved)
    except RegistryFormatError as exc:  # a broken line further on
        print(f"Cannot import {path}: {exc}{_kept(saved)}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(f"Import failed: {exc}".splitlines()[0] + _kept(saved), file=sys.stderr)
        return 1
    finally:
        if isinstance(rows, CheckedFile):
            rows.close()  # stopped already unless the import stopped half-way
        if engine is not None:
            await engine.dispose()

    count_import(outcome.report)
    print(f"Imported {path.name}: {outcome.rows} row(s)")
    for line in format_report(outcome.report):
        print(line)
    if outcome.members_told:
        print(f"members who gained cards: {outcome.members_told} (the bot tells them)")
    return 0


def _kept(saved: Saved) -> str:
    if not saved.rows:
        return " (nothing was saved)"
    return f" (the file's first {saved.rows} row(s) were saved; importing it again skips them)"


async def run_clinics_import(settings: Settings, path: Path, clock: Clock = system_clock) -> int:
    """Import the clinic directory (`bot/services/clinics.py`) and print the report.

    The whole file is read and checked before the database is touched (a directory is small),
    then stored in one transaction. Exit code 0 when the import ran (rejected rows included),
    2 when the file cannot be read or passes a limit, 1 when the database failed (nothing saved).
    """
    now = clock()
    try:
        rows = await asyncio.to_thread(lambda: list(read_clinics(path, settings.registry_limits())))
    except RegistryFormatError as exc:
        print(f"Cannot import {path}: {exc}", file=sys.stderr)
        return 2
    await migrate(settings.database_url)
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            report = await import_clinics(session, rows, now)
    except SQLAlchemyError as exc:
        print(f"Import failed: {exc}".splitlines()[0] + " (nothing was saved)", file=sys.stderr)
        return 1
    finally:
        await engine.dispose()
    print(f"Imported {path.name}: {report.total} row(s)")
    for line in [*format_report(report), *report_lines(report)]:
        print(line)
    return 0
