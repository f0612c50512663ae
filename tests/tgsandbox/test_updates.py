"""getUpdates long polling, offsets, webhooks, and updates that aiogram can parse."""

from __future__ import annotations

import asyncio
import base64
import time

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramConflictError
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Update

from tests.tgsandbox.conftest import MEMBER, OTHER_MEMBER, STAFF, Control, parse_all
from tgsandbox import EmulatorState
from tgsandbox.files import placeholder_png


async def test_long_poll_returns_a_message_sent_meanwhile(bot: Bot, control: Control) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    assert not poll.done()
    await control.text(MEMBER, "/start")
    updates = await asyncio.wait_for(poll, 2)
    assert len(updates) == 1
    message = updates[0].message
    assert message is not None
    assert message.text == "/start"
    assert message.from_user is not None
    assert message.from_user.language_code == "uk"
    assert [(e.type, e.offset, e.length) for e in message.entities or []] == [("bot_command", 0, 6)]

    again = await bot.get_updates(timeout=0)
    assert [u.update_id for u in again] == [updates[0].update_id]  # not confirmed yet
    confirmed = await bot.get_updates(offset=updates[0].update_id + 1, timeout=0)
    assert confirmed == []
    pending = await control.call("GET", "/updates", pending="1")
    assert pending == []


async def test_long_poll_gives_up_after_timeout(bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == []
    assert 0.9 <= time.monotonic() - started < 2


async def test_allowed_updates_filters(bot: Bot, control: Control) -> None:
    await control.text(MEMBER, "hello")
    assert await bot.get_updates(allowed_updates=["callback_query"], timeout=0) == []
    await control.text(MEMBER, "again")
    assert await bot.get_updates(allowed_updates=[], timeout=0) != []


async def test_webhook_blocks_get_updates(bot: Bot) -> None:
    assert await bot.set_webhook("https://example.org/hook")
    info = await bot.get_webhook_info()
    assert info.url == "https://example.org/hook"
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates()
    assert await bot.delete_webhook()
    assert await bot.get_updates(timeout=0) == []


async def test_second_poller_terminates_the_first(bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    second = asyncio.create_task(bot.get_updates(timeout=1))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await asyncio.wait_for(first, 2)
    second.cancel()


async def test_every_update_kind_parses_as_aiogram_update(
    bot: Bot, control: Control, state: EmulatorState
) -> None:
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Take", callback_data="take:1")]]
    )
    sent = await bot.send_message(MEMBER, "Pick", reply_markup=markup)
    topic = await bot.create_forum_topic(state.forum.id, "R-000001")
    png = base64.b64encode(placeholder_png(1)).decode()

    await control.text(MEMBER, "Hello")
    await control.call("POST", f"/chats/{MEMBER}/contact", {})
    await control.call(
        "POST", f"/chats/{MEMBER}/contact", {"own": False, "contact_user_id": OTHER_MEMBER}
    )
    await control.call(
        "POST",
        f"/chats/{MEMBER}/contact",
        {"own": False, "phone_number": "+380501234567", "first_name": "Mom"},
    )
    await control.call(
        "POST", f"/chats/{MEMBER}/contact", {"own": True, "forwarded_from": OTHER_MEMBER}
    )
    await control.call(
        "POST", f"/chats/{MEMBER}/photo", {"files": [{"data_base64": png}], "caption": "рецепт"}
    )
    await control.call("POST", f"/chats/{MEMBER}/document", {"files": [{"name": "invoice.pdf"}]})
    await control.call("POST", f"/chats/{MEMBER}/album", {"kind": "photo", "files": [{}, {}, {}]})
    await control.call(
        "POST",
        f"/chats/{MEMBER}/album",
        {"kind": "document", "files": [{"name": "a.pdf"}, {"name": "b.pdf"}]},
    )
    await control.call(
        "POST", f"/chats/{MEMBER}/press", {"message_id": sent.message_id, "data": "take:1"}
    )
    await control.text(
        state.forum.id,
        "/find@sandbox_insurance_bot +380",
        user_id=STAFF,
        thread_id=topic.message_thread_id,
    )
    await control.call("POST", f"/chats/{MEMBER}/block", {"blocked": True})

    raw = await control.call("GET", "/updates")
    updates = parse_all(raw)
    assert len(updates) == 15
    messages = [u.message for u in updates if u.message]

    text, own, someone, stranger, forwarded, photo, document = messages[:7]
    assert text.text == "Hello"
    assert own.contact and own.from_user and own.contact.user_id == own.from_user.id
    assert own.contact.phone_number == "380671234501"  # as Olena's client sends it, no "+"
    assert someone.contact and someone.contact.user_id == OTHER_MEMBER
    assert stranger.contact and stranger.contact.user_id is None
    assert forwarded.forward_origin is not None
    assert photo.photo and len(photo.photo) >= 1 and photo.caption == "рецепт"
    assert document.document and document.document.file_name == "invoice.pdf"
    assert document.document.mime_type == "application/pdf"
    assert document.document.file_size

    album_photos, album_docs = messages[7:10], messages[10:12]
    assert len({m.media_group_id for m in album_photos}) == 1 and album_photos[0].media_group_id
    assert all(m.document for m in album_docs)
    assert (
        album_docs[0].media_group_id
        == album_docs[1].media_group_id
        != album_photos[0].media_group_id
    )

    [callback] = [u.callback_query for u in updates if u.callback_query]
    assert callback.data == "take:1"
    assert callback.message is not None
    assert callback.message.reply_markup is not None  # type: ignore[union-attr]
    assert callback.message.message_id == sent.message_id

    staff_message = messages[-1]
    assert staff_message.message_thread_id == topic.message_thread_id
    assert staff_message.is_topic_message
    assert staff_message.chat.is_forum
    assert staff_message.entities and staff_message.entities[0].length == len(
        "/find@sandbox_insurance_bot"
    )

    [blocked] = [u.my_chat_member for u in updates if u.my_chat_member]
    assert blocked.new_chat_member.status == "kicked"

    polled = await bot.get_updates(timeout=0)
    assert [u.update_id for u in polled] == [u["update_id"] for u in raw]
    assert all(isinstance(u, Update) for u in polled)


async def test_photo_has_several_sizes(control: Control) -> None:
    from tgsandbox.files import placeholder_png as png

    big = base64.b64encode(png(2, 1000, 600)).decode()
    [message] = await control.call(
        "POST", f"/chats/{MEMBER}/photo", {"files": [{"data_base64": big}]}
    )
    sizes = [(size["width"], size["height"]) for size in message["photo"]]
    assert sizes == [(90, 54), (320, 192), (800, 480), (1000, 600)]
    assert len({size["file_id"] for size in message["photo"]}) == 4
