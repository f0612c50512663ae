"""The control API the web page and tests use, and the page itself."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from tests.tgsandbox.conftest import MEMBER, Control
from tgsandbox import EmulatorState, SimUser


async def test_state_lists_people_and_chats(control: Control) -> None:
    state = await control.call("GET", "/state")
    languages = {u["language_code"] for u in state["users"] if not u["is_staff"]}
    assert {"uk", "ru", "kk", "en"} <= languages
    assert state["bot"]["is_bot"] is True
    forum = next(c for c in state["chats"] if c["is_forum"])
    assert forum["id"] == state["forum_chat_id"] < 0
    assert forum["member_ids"] == [20001, 20002]
    assert len(await control.call("GET", "/users")) == len(state["users"])
    assert len(await control.call("GET", "/chats")) == len(state["chats"])


async def test_press_waits_for_the_callback_answer(bot: Bot, control: Control) -> None:
    markup = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text="Take", callback_data="take")],
            [InlineKeyboardButton(text="Site", url="https://example.org")],
        ]
    )
    sent = await bot.send_message(MEMBER, "Choose", reply_markup=markup)

    async def answer() -> None:
        [update] = await bot.get_updates(timeout=2)
        assert update.callback_query is not None
        await bot.answer_callback_query(update.callback_query.id, text="Taken", show_alert=True)

    answering = asyncio.create_task(answer())
    result = await control.call(
        "POST",
        f"/chats/{MEMBER}/press",
        {"message_id": sent.message_id, "text": "Take", "wait_answer": 2},
    )
    await answering
    assert result["answer"] == {"text": "Taken", "show_alert": True, "url": None}
    chat = await control.call("GET", f"/chats/{MEMBER}/messages")
    assert chat["notices"][-1]["text"] == "Taken"

    url = await control.call(
        "POST", f"/chats/{MEMBER}/press", {"message_id": sent.message_id, "text": "Site"}
    )
    assert url == {"url": "https://example.org"}
    status, body = await control.raw(
        "POST", f"/chats/{MEMBER}/press", {"message_id": sent.message_id, "data": "nope"}
    )
    assert status == 400 and "no such inline button" in body["error"]


async def test_second_answer_to_a_callback_is_refused(bot: Bot, control: Control) -> None:
    from aiogram.exceptions import TelegramBadRequest

    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Go", callback_data="go")]]
    )
    sent = await bot.send_message(MEMBER, "x", reply_markup=markup)
    pressed = await control.call(
        "POST", f"/chats/{MEMBER}/press", {"message_id": sent.message_id, "data": "go"}
    )
    assert await bot.answer_callback_query(pressed["callback_query_id"])
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(pressed["callback_query_id"])


async def test_events_long_poll_wakes_on_change(control: Control) -> None:
    version = (await control.call("GET", "/state"))["version"]
    waiting = asyncio.create_task(control.call("GET", "/events", since=version, timeout=5))
    await asyncio.sleep(0.05)
    assert not waiting.done()
    await control.text(MEMBER, "ping")
    result = await asyncio.wait_for(waiting, 2)
    assert result["version"] > version
    quick = await control.call("GET", "/events", since=10**9, timeout=0.1)
    assert quick["version"] < 10**9


async def test_calls_log_records_bot_api_calls(bot: Bot, control: Control) -> None:
    await bot.send_message(MEMBER, "logged")
    [call] = await control.call("GET", "/calls", method="sendMessage")
    assert call["ok"] is True
    assert call["params"]["text"] == "logged"


async def test_file_route_serves_bytes_for_the_page(control: Control, base_url: str) -> None:
    [message] = await control.call("POST", f"/chats/{MEMBER}/photo", {})
    file_id = message["photo"][-1]["file_id"]
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{base_url}/sandbox/api/files/{file_id}") as resp:
            assert resp.status == 200
            assert resp.content_type == "image/png"
        async with http.get(f"{base_url}/sandbox/api/files/unknown") as resp:
            assert resp.status == 404


async def test_web_page_is_served(base_url: str) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{base_url}/") as resp:
            assert resp.status == 200
            page = await resp.text()
        assert "/static/app.js" in page and "/static/style.css" in page
        for asset in ("app.js", "api.js", "dialogs.js", "render.js", "style.css"):
            async with http.get(f"{base_url}/static/{asset}") as resp:
                assert resp.status == 200


async def test_custom_people() -> None:
    people = [
        SimUser(1, "Ann", language_code="en", phone_number="+10000000001"),
        SimUser(2, "Op", is_staff=True),
    ]
    state = EmulatorState(people, forum_chat_id=-100777, forum_title="Ops")
    assert set(state.chats) == {1, 2, -100777}
    assert state.forum.member_ids == [2]
    message = state.send_contact(1)
    assert message["contact"] == {"phone_number": "+10000000001", "first_name": "Ann", "user_id": 1}


async def test_user_who_never_started_cannot_be_written_first() -> None:
    from aiogram.exceptions import TelegramForbiddenError

    from tests.tgsandbox.conftest import QuickCloseSession
    from tgsandbox import SANDBOX_TOKEN, bound_url, start_emulator

    state = EmulatorState([SimUser(5, "New", started=False)])
    runner, _ = await start_emulator("127.0.0.1", 0, state)
    from aiogram.client.telegram import TelegramAPIServer

    session = QuickCloseSession(api=TelegramAPIServer.from_base(bound_url(runner)))
    bot = Bot(SANDBOX_TOKEN, session=session)
    try:
        with pytest.raises(TelegramForbiddenError, match="can't initiate conversation"):
            await bot.send_message(5, "hello?")
        state.send_text(5, "/start")
        await bot.send_message(5, "hello!")
    finally:
        await session.close()
        await runner.cleanup()


async def test_a_person_s_formatting_reaches_the_bot_as_entities(
    bot: Bot, control: Control
) -> None:
    """Bold, a link: what a person formats in their app arrives as entities, merged with the
    command's, in UTF-16 units; formatting Telegram would not deliver is refused."""
    text = "/template add 👋 Hi, see our site"
    await control.text(
        MEMBER,
        text,
        entities=[
            {"type": "text_link", "offset": 25, "length": 3, "url": "https://example.org"},
            {"type": "bold", "offset": 17, "length": 3},  # "Hi," after a two-unit emoji
        ],
    )
    [update] = await bot.get_updates(timeout=1)
    message = update.message
    assert message is not None and message.entities is not None
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        ("bot_command", 0, 9),
        ("bold", 17, 3),
        ("text_link", 25, 3),
    ]
    assert message.html_text == (
        '/template add 👋 <b>Hi,</b> see <a href="https://example.org">our</a> site'
    )

    for bad in (
        {"type": "mention", "offset": 0, "length": 2},
        {"type": "bold", "offset": 30, "length": 9},
        {"type": "text_link", "offset": 0, "length": 2},
    ):
        status, _ = await control.raw(
            "POST", f"/chats/{MEMBER}/text", {"text": text, "entities": [bad]}
        )
        assert status == 400, bad
