"""`insurance-bot import-registry PATH` (bot/main.py): the registry imported from a shell."""

from __future__ import annotations

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
from bot.observability.metrics import count_import
from bot.services.registry import (
    ImportOutcome,
    ImportReport,
    RegistryFormatError,
    import_file,
    read_rows,
)
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


async def import_rows(engine: AsyncEngine, rows: Iterable[Line], now: datetime) -> ImportOutcome:
    """One transaction: the import, card linking for the touched phones, and a `cards_linked`
    message queued for each member who gained cards (the running bot delivers it)."""
    console = Console(stderr=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("Importing: {task.completed} rows"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("import", total=None)
        async with create_session_factory(engine)() as session, session.begin():
            return await import_file(
                session,
                rows,
                now,
                progress=lambda done: bar.update(task, completed=done),
            )


async def run_import(settings: Settings, path: Path, clock: Clock = system_clock) -> int:
    """Import a registry file and print the report.

    Exit code 0 when the import ran (rejected rows included), 2 when the file cannot be read,
    1 when the database failed (then nothing was saved).
    """
    now = clock()
    try:
        rows = read_rows(path)  # the header is checked before the database is touched
    except RegistryFormatError as exc:
        print(f"Cannot import {path}: {exc}", file=sys.stderr)
        return 2

    await migrate(settings.database_url)
    engine = create_engine(settings.database_url)
    try:
        outcome = await import_rows(engine, rows, now)
    except RegistryFormatError as exc:  # a broken line further on: nothing was saved
        print(f"Cannot import {path}: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        print(f"Import failed, nothing was saved: {exc}".splitlines()[0], file=sys.stderr)
        return 1
    finally:
        await engine.dispose()

    count_import(outcome.report)
    print(f"Imported {path.name}: {outcome.rows} row(s)")
    for line in format_report(outcome.report):
        print(line)
    if outcome.members_told:
        print(f"members who gained cards: {outcome.members_told} (the bot tells them)")
    return 0
