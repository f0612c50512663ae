"""Operator commands run from a shell: `python run_bot.py import-registry PATH`."""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import ConfigError, Settings, load_settings
from bot.services.registry import ImportReport, RegistryFormatError, import_registry, read_rows
from storage.db import create_engine, create_session_factory, migrate

PROGRESS_FROM_ROWS = 500
USAGE = "usage: run_bot.py import-registry PATH (a .csv or .xlsx registry file)"

Rows = list[tuple[int, dict[str, str]]]


def _relinker() -> Callable[..., Any] | None:
    """`bot.services.cards.relink_phones`, looked up at call time; None while it is missing."""
    try:
        module = importlib.import_module("bot.services.cards")
    except ModuleNotFoundError as exc:
        if exc.name != "bot.services.cards":
            raise
        return None
    return getattr(module, "relink_phones", None)


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


async def _import(
    engine: AsyncEngine, rows: Rows, now: datetime, relink: Callable[..., Any] | None
) -> tuple[ImportReport, Sequence[Any]]:
    """One transaction: the import, then card linking for the touched phones, then commit."""
    console = Console(stderr=True)
    gained: Sequence[Any] = ()
    with Progress(
        TextColumn("Importing"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal or len(rows) <= PROGRESS_FROM_ROWS,
    ) as bar:
        task = bar.add_task("import", total=len(rows))
        async with create_session_factory(engine)() as session, session.begin():
            report = await import_registry(
                session, rows, now, lambda done: bar.update(task, completed=done)
            )
            if relink is not None and report.touched_phones:
                gained = await relink(session, report.touched_phones, now)
    return report, gained


async def run_import(settings: Settings, path: Path, now: datetime | None = None) -> int:
    """Import a registry file and print the report.

    Exit code 0 when the import ran (rejected rows included), 2 when the file cannot be read,
    1 when the database failed (then nothing was saved).
    """
    now = now or datetime.now(UTC)
    try:
        rows = list(read_rows(path))
    except RegistryFormatError as exc:
        print(f"Cannot import {path}: {exc}", file=sys.stderr)
        return 2

    relink = _relinker()
    await migrate(settings.database_url)
    engine = create_engine(settings.database_url)
    try:
        report, gained = await _import(engine, rows, now, relink)
    except SQLAlchemyError as exc:
        print(f"Import failed, nothing was saved: {exc}".splitlines()[0], file=sys.stderr)
        return 1
    finally:
        await engine.dispose()

    print(f"Imported {path.name}: {len(rows)} row(s)")
    for line in format_report(report):
        print(line)
    if relink is None:
        # TODO(registry): wire card linking once bot.services.cards.relink_phones exists.
        print("note: card linking was not re-run (bot.services.cards.relink_phones missing)")
    elif gained:
        # Telling these members needs the bot; this command only says how many there are.
        print(f"members who gained cards: {len(gained)}")
    return 0


def main_import(argv: Sequence[str]) -> int:
    """Arguments after `import-registry` → exit code (for run_bot.py)."""
    if len(argv) != 1:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    return asyncio.run(run_import(settings, Path(argv[0])))
