"""`python run_bot.py sandbox` as a person testing it uses it: everything over HTTP, the clock too.

Maria's individual policy is in its waiting period (data/README.md). Moving the sandbox's clock
past its opening day makes her activation reminder arrive and her card turn active, at once.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from babel.dates import format_date

from bench.clock_env import clock_env
from tgsandbox import DEFAULT_FORUM_CHAT_ID as FORUM

ROOT = Path(__file__).resolve().parents[2]
AIGERIM, MARIA = 10002, 10004
# the demo policy was signed 7 days before the demo's day; an individual waits 15 days
OPENS_IN_DAYS = 8
WAIT = 20.0  # seconds: the bot answers, and a due reminder is found (every 2 s) and sent
Message = dict[str, Any]


class SandboxPage:
    """What the chat page does, through the same control API."""

    def __init__(self, http: aiohttp.ClientSession, url: str) -> None:
        self.http = http
        self.url = url
        self.api = f"{url}/sandbox/api"

    async def call(self, verb: str, path: str, body: Any = None) -> Any:
        async with self.http.request(verb, self.api + path, json=body) as resp:
            data = await resp.json()
        assert data["ok"], f"{verb} {path}: {resp.status} {data['error']}"
        return data["result"]

    async def chat(self, chat_id: int, query: str = "") -> dict[str, Any]:
        return await self.call("GET", f"/chats/{chat_id}/messages{query}")  # type: ignore[no-any-return]

    async def bot_messages(self, chat_id: int, query: str = "") -> list[Message]:
        messages = (await self.chat(chat_id, query))["messages"]
        return [m for m in messages if m["from"]["is_bot"]]

    async def wait_until(self, probe: Callable[[], Any], within: float = WAIT) -> Any:
        """Call the async `probe` after every change in the sandbox until it returns something."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        version = -1
        while not (found := await probe()):
            left = deadline - loop.time()
            assert left > 0, "the sandbox did not show it in time"
            events = await self.call("GET", f"/events?since={version}&timeout={min(left, 5):.1f}")
            version = events["version"]
        return found

    async def reply_after(self, chat_id: int, action: Any, contains: str) -> Message:
        """Do `action`; then the bot's new or edited message in the chat that has `contains`."""

        def seen(m: Message) -> tuple[Any, ...]:
            return m["message_id"], m.get("text"), str(m.get("reply_markup"))

        before = {seen(m) for m in await self.bot_messages(chat_id)}
        await action

        async def probe() -> Message | None:
            for message in reversed(await self.bot_messages(chat_id)):
                if seen(message) not in before and contains in message.get("text", ""):
                    return message
            return None

        return await self.wait_until(probe)  # type: ignore[no-any-return]

    async def say(self, chat_id: int, text: str, expect: str) -> Message:
        return await self.reply_after(
            chat_id, self.call("POST", f"/chats/{chat_id}/text", {"text": text}), expect
        )

    async def press(self, chat_id: int, label: str, expect: str) -> Message:
        async def carrying() -> Message | None:
            for message in reversed(await self.bot_messages(chat_id)):
                rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
                if any(button["text"] == label for row in rows for button in row):
                    return message
            return None

        # a screen sent after a reply keyboard gets its inline buttons by an edit a moment
        # after its text: wait for the button, as a person would (tests/e2e/conftest.py)
        try:
            message = await self.wait_until(carrying)
        except AssertionError:
            raise AssertionError(f"no button {label!r} in chat {chat_id}") from None
        body = {"message_id": message["message_id"], "text": label}
        return await self.reply_after(
            chat_id, self.call("POST", f"/chats/{chat_id}/press", body), expect
        )

    async def share_contact(self, chat_id: int, expect: str) -> Message:
        """The reply keyboard's "share my phone number" button (the member's own contact)."""
        keyboard = (await self.chat(chat_id))["reply_keyboard"]
        assert any(b.get("request_contact") for row in keyboard["keyboard"] for b in row)
        return await self.reply_after(
            chat_id, self.call("POST", f"/chats/{chat_id}/contact", {"own": True}), expect
        )


async def _page_url(process: asyncio.subprocess.Process) -> str:
    assert process.stdout is not None
    while line := (await process.stdout.readline()).decode():
        if found := re.search(r"open (http://\S+)/ in your browser", line):
            return found.group(1)
    raise AssertionError("the sandbox stopped before serving its page")


@pytest.fixture
async def page(tmp_path: Path) -> AsyncIterator[SandboxPage]:
    """`python run_bot.py sandbox --port 0`, started like the README says, in a scratch folder."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path), **clock_env()}
    log = (tmp_path / "sandbox.log").open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "run_bot.py"),
        "sandbox",
        "--port",
        "0",
        env=env,
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=log,
    )
    try:
        url = await asyncio.wait_for(_page_url(process), timeout=90)
        async with aiohttp.ClientSession() as http:
            page = SandboxPage(http, url)
            # the bot is up once it has given members its command menu
            await page.wait_until(lambda: _has_commands(page), within=60)
            yield page
    finally:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), timeout=15)
        except TimeoutError:
            process.kill()
            await process.wait()
        log.close()


async def _has_commands(page: SandboxPage) -> bool:
    return bool((await page.chat(MARIA))["commands"])


def _label(message: Message, policy: str) -> str:
    """The label of the button for the card of `policy` in a list of cards."""
    return next(  # type: ignore[no-any-return]
        b["text"]
        for row in message["reply_markup"]["inline_keyboard"]
        for b in row
        if policy in b["text"]
    )


def _day(day: date) -> str:
    """A date as the bot writes it to an English speaker (Babel's long form)."""
    return format_date(day, format="long", locale="en")


async def test_moving_the_clock_opens_marias_card_and_brings_her_reminder(page: SandboxPage):
    clock = await page.call("GET", "/clock")
    assert clock["offset_seconds"] == 0 and clock["timezone"] == "Asia/Almaty"
    today = datetime.fromisoformat(clock["local"]).date()
    opens_on = today + timedelta(days=OPENS_IN_DAYS)

    await page.say(MARIA, "/start", "Welcome")
    await page.press(MARIA, "📱 Confirm phone", "Share my phone number")
    linked = await page.share_contact(MARIA, "I found one insurance card")
    status = f"⏳ waiting for coverage to start — from {_day(opens_on)}"
    assert f"Савчук Марія Юріївна — SIP-2026-0002 ({status})" in linked["text"]
    card_list = await page.press(MARIA, "💳 My cards", "Your insurance cards")
    card_label = _label(card_list, "SIP-2026-0002")
    assert card_label == "✅ Савчук Марія Юріївна · SIP-2026-0002 · ⏳"  # waiting: marked
    card = await page.press(MARIA, card_label, "Policy SIP-2026-0002")
    assert f"Coverage: {_day(opens_on)} –" in card["text"]
    assert "Status: ⏳ waiting for coverage to start" in card["text"]

    # the activation reminder is stored by activating with the insured ID during the wait
    menu = await page.say(MARIA, "/menu", "Active card")
    assert f"Status: {status}" in menu["text"]
    await page.press(MARIA, "➕ Add a card by insured ID", "insured ID")
    await page.say(MARIA, "UA-200201", "date of birth")
    waiting = await page.say(MARIA, "04.04.1991", "your card is linked")
    assert f"after the waiting period, on {_day(opens_on)}. I will remind you on that day." in (
        waiting["text"].replace("<b>", "").replace("</b>", "")
    )

    # 15 days on, in the morning (reminders go out from 09:00 in the insurer's zone)
    later = f"{today + timedelta(days=15)}T10:00"
    reminder = await page.reply_after(
        MARIA, page.call("POST", "/clock", {"to": later}), "The waiting period is over"
    )
    assert "SIP-2026-0002" in reminder["text"]
    clock = await page.call("GET", "/clock")
    assert clock["local"].startswith(later[:-1])  # 10:0x: only real seconds passed since
    assert clock["offset_seconds"] >= 14 * 86400
    # the sandbox's own time stamps its messages too
    assert reminder["date"] >= datetime.fromisoformat(clock["now"]).timestamp() - WAIT

    menu = await page.say(MARIA, "/menu", "Active card")
    assert "Status: 🟢 active" in menu["text"]
    card_list = await page.press(MARIA, "💳 My cards", "Your insurance cards")
    card_label = _label(card_list, "SIP-2026-0002")
    assert card_label == "✅ Савчук Марія Юріївна · SIP-2026-0002"  # no longer marked
    card = await page.press(MARIA, card_label, "Policy SIP-2026-0002")
    assert "Status: 🟢 active" in card["text"]
    # her coverage started that day too: the one message said so, not a second one
    told = [m["text"] for m in await page.bot_messages(MARIA) if "🎉" in m.get("text", "")]
    assert len(told) == 1, told


async def test_the_day_coverage_starts_maria_is_told_without_asking(page: SandboxPage):
    """Linked by her phone while her card waits for its coverage: on the morning it starts,
    the bot tells her so by itself."""
    clock = await page.call("GET", "/clock")
    today = datetime.fromisoformat(clock["local"]).date()
    starts = today + timedelta(days=OPENS_IN_DAYS)
    await page.say(MARIA, "/start", "Welcome")
    await page.press(MARIA, "📱 Confirm phone", "Share my phone number")
    await page.share_contact(MARIA, "I found one insurance card")
    menu = await page.say(MARIA, "/menu", "Active card")
    await page.press(MARIA, "📝 New request", "I will tell you when it starts")
    assert "waiting for coverage to start" in menu["text"]

    later = f"{starts}T09:30"
    told = await page.reply_after(
        MARIA, page.call("POST", "/clock", {"to": later}), "Coverage has started"
    )
    assert told["text"] == (
        "🎉 Coverage has started on your insurance card:\n"
        f"• SIP-2026-0002 · Савчук Марія Юріївна — from {_day(starts)}\n"
        "Requests can be sent now: open /menu."
    )
    menu = await page.say(MARIA, "/menu", "Active card")
    assert "Status: 🟢 active" in menu["text"]


async def test_moving_the_clock_past_the_sla_escalates_an_untouched_request(page: SandboxPage):
    # the SLA counts the call centre's hours (mon-fri 09:00-21:00 by default): the request is
    # sent at 10:00 on the coming Monday, whatever the day the test runs
    clock = await page.call("GET", "/clock")
    today = datetime.fromisoformat(clock["local"]).date()
    monday = today + timedelta(days=7 - today.weekday())
    await page.call("POST", "/clock", {"to": f"{monday}T10:00"})
    await page.say(AIGERIM, "/start", "Добро пожаловать")
    await page.press(AIGERIM, "📱 Подтвердить телефон", "Поделиться")
    await page.share_contact(AIGERIM, "SPH-2026-0001")
    await page.press(AIGERIM, "🏠 Главное меню", "Активная карта")
    await page.press(AIGERIM, "📝 Новая заявка", "SPH-2026-0001")
    await page.press(AIGERIM, "📞 Обратный звонок", "номер")
    await page.press(AIGERIM, "📱 Использовать +7 701 000 0101", "удобно")
    await page.press(AIGERIM, "🕘 Любое время", "обсудить")
    await page.say(AIGERIM, "Limits for dentistry", "Всё верно?")
    await page.press(AIGERIM, "✅ Отправить", "R-000001")

    async def escalation() -> Message | None:
        general = await page.bot_messages(FORUM, "?thread_id=general")
        return next((m for m in general if "R-000001" in m.get("text", "")), None)

    assert await escalation() is None
    # nobody on staff takes it: 4 working hours on (SLA_HOURS), the staff forum's General topic
    # is told
    await page.call("POST", "/clock", {"advance_seconds": 4 * 3600 + 60})
    told = await page.wait_until(escalation)
    assert "⏰" in told["text"]
