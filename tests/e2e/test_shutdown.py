"""Stopping the real bot process while a member sends an album: nothing is lost or doubled."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox.run import sandbox_users
from tests.e2e.conftest import Sandbox, bot_env, import_demo_registry, start_bot, stop_bot, until
from tgsandbox import DEFAULT_FORUM_CHAT_ID as FORUM
from tgsandbox import EmulatorState, OutgoingFile, bound_url, start_emulator
from tgsandbox.faults import fault_from_json

AIGERIM = 10002  # as in test_member_journeys: a call-back request in Russian
SHUTDOWN_TIMEOUT = 20


@dataclass
class Running:
    box: Sandbox
    env: dict[str, str]
    cwd: Path
    process: asyncio.subprocess.Process

    @property
    def state(self) -> EmulatorState:
        return self.box.state

    async def restart(self) -> None:
        self.process = await start_bot(self.state, self.env, self.cwd)

    def slow_next_call(self, chat_id: int, seconds: int) -> None:
        """Telegram answers the bot's next call to the chat with 429 (what POST /faults does):
        the bot waits `seconds` inside that update before its retry."""
        fault = {"kind": "429", "chat_id": chat_id, "retry_after": seconds}
        self.state.faults.append(fault_from_json(self.state.next_id(), fault))

    def refused_calls(self, chat_id: int) -> int:
        return sum(
            1
            for c in self.state.calls
            if not c["ok"] and str(c["params"].get("chat_id")) == str(chat_id)
        )

    def unacknowledged(self, update_ids: set[int]) -> set[int]:
        return {u["update_id"] for u in self.state.pending} & update_ids

    def send_album(self, chat_id: int) -> set[int]:
        files = [OutgoingFile(f"receipt-{n}.jpg", None, "image/jpeg") for n in range(3)]
        sent = self.state.send_files(chat_id, "photo", files)
        ids = {m["message_id"] for m in sent}
        return {
            u["update_id"]
            for u in self.state.update_log
            if u.get("message", {}).get("message_id") in ids
            and u["message"]["chat"]["id"] == chat_id
        }


@pytest.fixture
async def running(tmp_path: Path) -> AsyncIterator[Running]:
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=sandbox_users()))
    db_path = tmp_path / "e2e.sqlite3"
    env = bot_env(bound_url(runner), db_path, tmp_path, shutdown_timeout=str(SHUTDOWN_TIMEOUT))
    try:
        await import_demo_registry(env, tmp_path)
        process = await start_bot(state, env, tmp_path)
    except BaseException:
        await runner.cleanup()
        raise
    run = Running(Sandbox(state, db_path, bound_url(runner)), env, tmp_path, process)
    try:
        yield run
    finally:
        await stop_bot(run.process)
        await runner.cleanup()


async def open_reply_step(box: Sandbox) -> None:
    await box.callback_request_in_russian(AIGERIM, "+77010000101", "SPH-2026-0001")
    await box.press(AIGERIM, "📋 Мои заявки", "страница 1")
    await box.press(AIGERIM, "R-000001 · 📞 Обратный звонок · 🆕 новая", "История")
    await box.press(AIGERIM, "✉️ Добавить сообщение или документы", "Отправить")


async def send_and_count_photos(run: Running) -> None:
    await run.box.press(AIGERIM, "✅ Отправить", "добавлено")
    await run.box.stored(
        "select count(*), count(distinct file_unique_id) from request_documents "
        "where kind = 'photo'",
        [(3, 3)],
    )


async def test_an_album_sent_while_the_bot_stops_is_kept_whole(running: Running) -> None:
    await open_reply_step(running.box)
    # the first photo's screen waits 2 s for Telegram: SIGTERM comes while the album is in hand
    running.slow_next_call(AIGERIM, 2)
    album = running.send_album(AIGERIM)
    await until(lambda: running.refused_calls(AIGERIM) == 1)
    loop = asyncio.get_running_loop()
    began = loop.time()
    running.process.send_signal(signal.SIGTERM)
    code = await asyncio.wait_for(running.process.wait(), SHUTDOWN_TIMEOUT + 10)
    assert code == 0
    assert loop.time() - began < SHUTDOWN_TIMEOUT
    # all three were handled before the exit, and acknowledged
    assert running.unacknowledged(album) == set()
    assert "📎 Документы: 3" in running.box.bot_messages(AIGERIM)[-1]["text"]

    await running.restart()
    await send_and_count_photos(running)


async def test_an_album_fetched_when_the_bot_is_killed_is_handled_after_the_restart(
    running: Running,
) -> None:
    await open_reply_step(running.box)
    running.slow_next_call(AIGERIM, 10)
    album = running.send_album(AIGERIM)
    await until(lambda: running.refused_calls(AIGERIM) == 1)
    running.process.kill()  # SIGKILL while the first photo's update is handled
    assert await running.process.wait() == -signal.SIGKILL
    assert running.unacknowledged(album) == album

    await running.restart()
    await running.box.reply_after(AIGERIM, lambda: None, "📎 Документы: 3")
    await until(lambda: not running.unacknowledged(album))
    await send_and_count_photos(running)


async def test_a_page_refresh_in_flight_when_the_bot_stops_ends_before_the_exit(
    running: Running,
) -> None:
    """After a status notification the member's open request page is refreshed, in a task of
    aiogram-dialog's own. A SIGTERM while that refresh waits for Telegram (a 429 on its edit)
    lets it end before the bot's session is closed: the page shows the new status, the process
    exits 0, and its log has no error and no session left open."""
    box = running.box
    await box.callback_request_in_russian(AIGERIM, "+77010000101", "SPH-2026-0001")
    await box.press(AIGERIM, "📋 Мои заявки", "страница 1")
    page = await box.press(AIGERIM, "R-000001 · 📞 Обратный звонок · 🆕 новая", "История")

    def card() -> dict[str, Any] | None:
        return next(
            (
                m
                for m in box.bot_messages(FORUM)
                if "R-000001" in m.get("text", "") and m.get("reply_markup")
            ),
            None,
        )

    posted = await box.state.wait_for(card, within=15)
    refresh = {"kind": "429", "chat_id": AIGERIM, "method": "editMessageText", "retry_after": 3}
    running.state.faults.append(fault_from_json(running.state.next_id(), refresh))
    box.state.press_button(FORUM, posted["message_id"], user_id=20001, text="🙋 Take")
    await until(lambda: running.refused_calls(AIGERIM) == 1)  # the refresh waits out its 3 s
    assert any("в работе" in m.get("text", "") for m in box.bot_messages(AIGERIM))  # told

    running.process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(running.process.wait(), SHUTDOWN_TIMEOUT + 10) == 0
    [shown] = [m for m in box.bot_messages(AIGERIM) if m["message_id"] == page["message_id"]]
    assert "История" in shown["text"] and "в работе" in shown["text"]  # refreshed before the exit
    log = (running.cwd / "bot.log").read_text(encoding="utf-8")
    assert "stopped" in log
    for sign in ("ERROR", "Traceback", "Unclosed", "refreshes still running"):
        assert sign not in log, sign
