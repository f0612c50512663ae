"""Where the bot process's idle memory goes: ``python -m bench.startup_memory``.

Run in a fresh interpreter (this one), it imports what the polling role imports, a library at a
time in the order the bot reaches them, then the bot's own modules, then does what
`bot.app.running` does at start-up, printing the process's RSS (``/proc/self/status``) after each
step. A library's figure is what it adds beyond those above it (a shared dependency counts for
the first one that imports it). Then the libraries the bot imports only on first use, and what
each of them would add (the four languages' Babel data among them). `aiogram` alone is about
what the bare echo bot holds when idle (`bench/memory_bench.py`). Linux only.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import importlib
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

# the libraries of the start-up, in the order `import bot.app` reaches them (roughly)
LIBRARIES = (
    "aiogram",
    "pydantic_settings",
    "aiogram_dialog",
    "sqlalchemy",
    "sqlalchemy.orm",
    "sqlalchemy.ext.asyncio",
    "sqlmodel",
    "aiosqlite",
    "phonenumbers",
    "babel.dates",
    "babel.numbers",
    "fluent.runtime",
    "apscheduler.schedulers.asyncio",
    "prometheus_client",
    "storage.models",
    "bot.config",
    "bot.factory",
    "bot.app",
)
# imported by a feature when it is first used, never at start-up (tests/test_start_up_imports.py)
ON_FIRST_USE = (
    "PIL.Image",
    "PIL.ImageDraw",
    "segno",
    "schwifty",
    "redis.asyncio",
    "openpyxl",
    "phonenumbers.timezone",
    "aiohttp.web",
)
MB = 1024 * 1024


def rss_mb() -> float:
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


class Table:
    def __init__(self) -> None:
        self.last = rss_mb()
        self.lines = [f"{'step':40} {'RSS MB':>7} {'+MB':>6} {'modules':>8}"]
        self.row("python")

    def row(self, step: str) -> None:
        now = rss_mb()
        self.lines.append(f"{step:40} {now:7.1f} {now - self.last:+6.1f} {len(sys.modules):8d}")
        self.last = now

    def step(self, name: str, action: Callable[[], object]) -> None:
        action()
        self.row(name)


class _Unsent:
    """Takes what `register_commands` would send to Telegram."""

    async def set_my_commands(self, *_: object, **__: object) -> None:
        pass

    set_my_description = set_my_short_description = set_my_commands


async def _start_up(table: Table, folder: Path) -> None:
    from bot.app import (
        Deliverer,
        Pacer,
        ReminderRules,
        TranslatorHub,
        create_bot,
        create_dispatcher,
        create_engine,
        create_scheduler,
        create_session_factory,
        migrate_apart,
        register_commands,
        system_clock,
    )
    from bot.config import load_settings

    settings = load_settings(
        bot_token="123456:BENCH-token",  # noqa: S106 (never used: nothing is sent)
        bot_api_url="http://127.0.0.1:9",
        database_url=f"sqlite+aiosqlite:///{folder}/startup.sqlite3",
        admin_chat_id=-1001,
        _env_file=None,
    )
    await migrate_apart(settings.database_url)
    table.row("migrations (in their child process)")
    engine = create_engine(settings.database_url)
    factory = create_session_factory(engine)
    translators = TranslatorHub(default=settings.default_locale)
    # the command menus and descriptions, formatted in every language as `introduce` does
    await register_commands(
        _Unsent(), translators, [settings.admin_chat_id], insurer_name=settings.insurer_name
    )
    table.row("translations (4 languages, menus formatted)")
    bot = create_bot(settings)
    dp, bg_factory = create_dispatcher(settings, factory, translators=translators)
    table.row("bot and dispatcher")
    deliverer = Deliverer(
        create_bot(settings, retry_after=False),
        factory,
        settings,
        translators,
        system_clock,
        worker_id="bench",
        bg_factory=bg_factory,
        pacer=Pacer(group_per_minute=settings.pace_group_per_minute),
    )
    rules = ReminderRules(
        tz=settings.tz, hour=settings.reminder_hour, sla=timedelta(hours=1),
        nudge_after=timedelta(hours=1),
    )  # fmt: skip
    create_scheduler(deliverer, factory, rules, system_clock, settings, None)
    table.row("deliverer and scheduler")
    await bot.session.close()
    await engine.dispose()
    del dp


def _by_rules_in_every_language() -> None:
    from bot.i18n import TranslatorHub

    translators = TranslatorHub()
    for locale in translators.locales:
        translators.get(locale)("ticket-sent", ticket_id=12345)


async def _migrate_here(folder: Path) -> None:
    from storage.db import migrate

    await migrate(f"sqlite+aiosqlite:///{folder}/startup.sqlite3")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.parse_args(argv)
    table = Table()
    for name in LIBRARIES:
        table.step(f"import {name}", functools.partial(importlib.import_module, name))
    with tempfile.TemporaryDirectory(prefix="startup-memory-") as folder:
        asyncio.run(_start_up(table, Path(folder)))
        idle = table.last
        table.lines.append("-- on first use only (not at start-up):")
        for name in ON_FIRST_USE:
            table.step(f"import {name}", functools.partial(importlib.import_module, name))
        # a language's Babel data: read when a message first formats a number, a date or a
        # plural in it (bot/i18n.py: Translator)
        table.step("Babel data of uk, ru, kk, en", _by_rules_in_every_language)
        # what the polling role held when it migrated in its own process (Alembic, every
        # dialect's DDL module, the scripts)
        table.step("migrations in this process", lambda: asyncio.run(_migrate_here(Path(folder))))
    table.lines.append(f"-- all of them: {table.last - idle:+.1f} MB")
    for line in table.lines:
        print(line)  # noqa: T201


if __name__ == "__main__":
    main()
