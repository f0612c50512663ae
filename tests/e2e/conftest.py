"""The real bot process (`python run_bot.py`) against the emulator, over HTTP."""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bench.clock_env import clock_env
from bot.config import Settings
from bot.sandbox.demo import demo_registry_for
from bot.sandbox.run import sandbox_users
from bot.services.phones import shown_phone
from tgsandbox import (
    DEFAULT_FORUM_CHAT_ID,
    SANDBOX_TOKEN,
    EmulatorState,
    bound_url,
    start_emulator,
)

ROOT = Path(__file__).resolve().parents[2]


class Sandbox:
    """What a member does in the emulator, and what the bot answered."""

    def __init__(self, state: EmulatorState, db_path: Path, url: str = "") -> None:
        self.state = state
        self.db_path = db_path
        self.url = url  # the emulator's bound http://host:port (its chat page is at /)
        self.within = 15.0  # seconds a reply may take (a test of several processes gives more)

    def bot_messages(self, chat_id: int) -> list[dict[str, Any]]:
        return [m for m in self.state.history(chat_id) if m.get("from", {}).get("is_bot")]

    async def reply_after(self, chat_id: int, action: Any, contains: str) -> dict[str, Any]:
        """Do `action`, then wait for a bot message (new or edited) that contains `contains`."""

        def seen(message: dict[str, Any]) -> tuple[Any, ...]:
            return (message["message_id"], message.get("text"), str(message.get("reply_markup")))

        before = {seen(m) for m in self.bot_messages(chat_id)}
        action()

        def probe() -> dict[str, Any] | None:
            for message in reversed(self.bot_messages(chat_id)):
                text = message.get("text") or message.get("caption") or ""
                if seen(message) not in before and contains in text:
                    return message
            return None

        try:
            return await self.state.wait_for(probe, within=self.within)
        except TimeoutError:
            last = self.last_screens(chat_id)
            raise AssertionError(f"no bot message with {contains!r}; last: {last}") from None

    def button_message(self, chat_id: int, label: str) -> int | None:
        for message in reversed(self.bot_messages(chat_id)):
            rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
            if any(b.get("text") == label for row in rows for b in row):
                return int(message["message_id"])
        return None

    async def button(self, chat_id: int, label: str) -> int:
        """The message carrying the button, once it is on screen (a screen sent after a reply
        keyboard gets its inline buttons by an edit a moment after its text)."""
        try:
            return await self.state.wait_for(
                lambda: self.button_message(chat_id, label), within=self.within
            )
        except TimeoutError:
            raise AssertionError(
                f"no button {label!r} in chat {chat_id}; last: {self.last_screens(chat_id)}"
            ) from None

    def last_screens(self, chat_id: int, count: int = 3) -> list[tuple[str, list[str]]]:
        """The bot's last messages in the chat, each as its text and buttons (for a failure)."""
        screens = []
        for message in self.bot_messages(chat_id)[-count:]:
            rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
            text = message.get("text") or message.get("caption") or ""
            screens.append((text[:120], [b.get("text", "") for row in rows for b in row]))
        return screens

    async def press(self, chat_id: int, label: str, expect: str) -> dict[str, Any]:
        message_id = await self.button(chat_id, label)
        return await self.reply_after(
            chat_id, lambda: self.state.press_button(chat_id, message_id, text=label), expect
        )

    async def say(self, chat_id: int, text: str, expect: str) -> dict[str, Any]:
        return await self.reply_after(chat_id, lambda: self.state.send_text(chat_id, text), expect)

    async def callback_request_in_russian(self, chat_id: int, phone: str, policy: str) -> None:
        """A Russian-speaking member confirms the phone and orders a call-back (R-000001)."""
        await self.say(chat_id, "/start", "Добро пожаловать")
        await self.press(chat_id, "📱 Подтвердить телефон", "Поделиться")
        await self.reply_after(chat_id, lambda: self.state.send_contact(chat_id), policy)
        await self.press(chat_id, "🏠 Главное меню", "Активная карта")
        await self.press(chat_id, "📝 Новая заявка", policy)
        await self.press(chat_id, "📞 Обратный звонок", "номер")
        await self.press(chat_id, f"📱 Использовать {shown_phone(phone)}", "удобно")
        await self.press(chat_id, "🕘 Любое время", "обсудить")
        await self.say(chat_id, "Limits for dentistry", "Всё верно?")
        await self.press(chat_id, "✅ Отправить", "R-000001")

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db_path) as conn:
            return conn.execute(sql).fetchall()

    async def stored(self, sql: str, expected: list[tuple[Any, ...]]) -> None:
        """The bot answers before its transaction commits: wait (bounded) for the rows."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 10
        # another process writes the file, so there is nothing to wait on but time
        while (rows := self.query(sql)) != expected:
            if loop.time() > deadline:
                break
            await asyncio.sleep(0.05)
        assert rows == expected


async def _run(*args: str, env: dict[str, str]) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "run_bot.py"),
        *args,
        env=env,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, out.decode()


def bot_env(api_url: str, db_path: Path, home: Path, **settings: str) -> dict[str, str]:
    """The environment the bot process runs with: the emulator, a SQLite file, the forum."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "BOT_TOKEN": SANDBOX_TOKEN,
        "BOT_API_URL": api_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{db_path}",
        "ADMIN_CHAT_ID": str(DEFAULT_FORUM_CHAT_ID),
        "STAFF_IDS": "20001,20002",
        **clock_env(),  # the bot sees the machine's clock as this test does
        **{name.upper(): value for name, value in settings.items()},
    }


# the demo registry imported once per test process and date, in a database each test copies
_IMPORTED = tempfile.TemporaryDirectory(prefix="e2e-demo-")


async def import_demo_registry(env: dict[str, str], tmp_path: Path) -> None:
    """`run_bot.py import-registry` of the demo registry into env's database.

    The import itself runs once per test process (a subprocess that migrates and imports takes
    seconds); every later call copies that database, so each test still starts from its own."""
    # the bot runs on the real clock: the demo's policies are moved to today (the insurer's)
    today = datetime.now(ZoneInfo(Settings.model_fields["insurer_timezone"].default)).date()
    template = Path(_IMPORTED.name) / f"demo-{today.isoformat()}.sqlite3"
    if not template.exists():
        work = Path(tempfile.mkdtemp(dir=_IMPORTED.name))
        partial = work / "demo.sqlite3"
        template_env = env | {"DATABASE_URL": f"sqlite+aiosqlite:///{partial}"}
        await _run("import-registry", str(demo_registry_for(today, work)), env=template_env)
        assert not partial.with_name(partial.name + "-wal").exists()  # closed and checkpointed
        partial.replace(template)
    target = Path(env["DATABASE_URL"].removeprefix("sqlite+aiosqlite:///"))
    shutil.copyfile(template, target)


async def start_bot(
    state: EmulatorState, env: dict[str, str], cwd: Path
) -> asyncio.subprocess.Process:
    """`python run_bot.py`, once it has registered its commands (so it is polling).

    Its log goes to `cwd/bot.log` (a pipe nobody reads would stall a chatty bot).
    """
    state.commands.clear()
    with (cwd / "bot.log").open("ab") as log:
        bot = await asyncio.create_subprocess_exec(
            sys.executable,
            str(ROOT / "run_bot.py"),
            env=env,
            cwd=cwd,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=log,
        )
    try:
        await state.wait_for(lambda: len(state.commands) >= 5, within=60)
    except BaseException:
        bot.kill()
        await bot.wait()
        raise
    return bot


async def stop_bot(bot: asyncio.subprocess.Process) -> None:
    if bot.returncode is not None:
        return
    bot.terminate()
    try:
        await asyncio.wait_for(bot.wait(), timeout=15)
    except TimeoutError:
        bot.kill()
        await bot.wait()


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[Sandbox]:
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=sandbox_users()))
    db_path = tmp_path / "e2e.sqlite3"
    env = bot_env(bound_url(runner), db_path, tmp_path)
    await import_demo_registry(env, tmp_path)
    box = Sandbox(state, db_path, bound_url(runner))
    try:
        bot = await start_bot(state, env, tmp_path)
    except BaseException:
        await runner.cleanup()
        raise
    try:
        yield box
    finally:
        await stop_bot(bot)
        await runner.cleanup()


async def until(probe: Callable[[], object], within: float = 15) -> None:
    """Wait until `probe()` is true, failing after `within` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not probe():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)
