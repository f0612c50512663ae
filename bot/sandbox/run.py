"""`python run_bot.py sandbox`: the emulator, the bot on a fresh demo database, and the chat page.

Nothing leaves 127.0.0.1 and no token is needed. The bot's clock is the emulator's world time,
which the page and `POST /sandbox/api/clock` move forward: the demo registry is moved to that
clock's today, and reminders are looked for every few seconds so a jump shows within seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from bot.app import run_polling
from bot.cli import run_clinics_import, run_import
from bot.config import load_settings
from bot.sandbox.demo import DEMO_CLINICS, demo_registry_for
from tgsandbox import (
    DEFAULT_FORUM_CHAT_ID,
    SANDBOX_TOKEN,
    EmulatorState,
    SimUser,
    bound_url,
    start_emulator,
)

log = logging.getLogger("bot.sandbox")
STAFF_IDS = (20001, 20002)
# after the clock is moved, the due reminders show within this (production: every minute)
REMINDER_INTERVAL_SECONDS = 2.0


def sandbox_users() -> list[SimUser]:
    """Members whose phones match the demo registry cases (see data/README.md), and staff."""
    return [
        # family of three on one phone; the client sends the number without "+"
        SimUser(10001, "Olena", "Kovalenko", "olena_k", "uk", "380501112233"),
        # corporate card, active
        SimUser(10002, "Aigerim", "Sadykova", "aigerim_s", "ru", "+77010000101"),
        # no card on this phone: activation by KZ-100301 + 06.06.1982, or a ticket
        SimUser(10003, "Bauyrzhan", "Sultanov", None, "kk", "+77010009999"),
        # individual policy still in its waiting period
        SimUser(10004, "Maria", "Savchuk", None, "en", "+380970000606"),
        # a language the bot does not speak: English by default
        SimUser(10005, "Hans", "Müller", None, "de", "+4915112345605"),
        SimUser(20001, "Iryna", "Support", "iryna_support", "uk", is_staff=True),
        SimUser(20002, "Askar", "Operator", "askar_op", "ru", is_staff=True),
    ]


def _fresh_database(data_dir: Path) -> str:
    data_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        (data_dir / f"sandbox.sqlite3{suffix}").unlink(missing_ok=True)
    return f"sqlite+aiosqlite:///{data_dir / 'sandbox.sqlite3'}"


async def run_sandbox(
    host: str = "127.0.0.1", port: int = 8081, data_dir: Path = Path("data")
) -> int:
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    state = EmulatorState(users=sandbox_users())
    try:
        runner, state = await start_emulator(host, port, state)
    except OSError:
        log.warning("port %d is busy; using a free one", port)
        runner, state = await start_emulator(host, 0, state)
    url = bound_url(runner)
    settings = load_settings(
        bot_token=SANDBOX_TOKEN,
        bot_api_url=url,
        database_url=_fresh_database(data_dir),
        admin_chat_id=DEFAULT_FORUM_CHAT_ID,
        staff_ids=list(STAFF_IDS),
        redis_url=None,
        reminder_interval_seconds=REMINDER_INTERVAL_SECONDS,
    )
    state.world.zone = settings.tz  # the page shows the world's time in the insurer's zone
    clock = state.world.now
    try:
        today = clock().astimezone(settings.tz).date()
        await run_import(settings, demo_registry_for(today, data_dir), clock)
        await run_clinics_import(settings, DEMO_CLINICS, clock)
        print(f"\nSandbox is running: open {url}/ in your browser (Ctrl+C stops it).\n", flush=True)  # noqa: T201
        await run_polling(settings, clock)
    finally:
        await runner.cleanup()
    return 0


def main(host: str, port: int) -> int:
    with contextlib.suppress(KeyboardInterrupt):
        return asyncio.run(run_sandbox(host, port))
    return 0
