"""The staff forum supergroup: topics, threads, staff replies."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest

from tests.tgsandbox.conftest import MEMBER, STAFF, Control
from tgsandbox import DEFAULT_FORUM_CHAT_ID, EmulatorState


async def test_create_topic_then_send_into_it(bot: Bot, control: Control) -> None:
    topic = await bot.create_forum_topic(DEFAULT_FORUM_CHAT_ID, "Olena Kovalenko · R-000042")
    assert topic.message_thread_id > 1
    sent = await bot.send_message(
        DEFAULT_FORUM_CHAT_ID, "New request", message_thread_id=topic.message_thread_id
    )
    assert sent.message_thread_id == topic.message_thread_id
    assert sent.is_topic_message
    general = await bot.send_message(DEFAULT_FORUM_CHAT_ID, "Daily stats")
    assert general.message_thread_id is None

    in_topic = await control.history(DEFAULT_FORUM_CHAT_ID, thread_id=topic.message_thread_id)
    assert [m.get("text") for m in in_topic] == [None, "New request"]  # service message first
    assert in_topic[0]["forum_topic_created"]["name"] == "Olena Kovalenko · R-000042"
    assert [
        m["text"] for m in await control.history(DEFAULT_FORUM_CHAT_ID, thread_id="general")
    ] == ["Daily stats"]

    state = await control.call("GET", "/state")
    [forum] = [c for c in state["chats"] if c["id"] == DEFAULT_FORUM_CHAT_ID]
    assert forum["topics"] == [topic.model_dump(exclude_none=True) | {"is_closed": False}]


async def test_unknown_thread_is_refused(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="message thread not found"):
        await bot.send_message(DEFAULT_FORUM_CHAT_ID, "lost", message_thread_id=4242)
    with pytest.raises(TelegramBadRequest, match="the chat is not a forum"):
        await bot.create_forum_topic(MEMBER, "nope")


async def test_edit_and_delete_topic(bot: Bot, control: Control) -> None:
    topic = await bot.create_forum_topic(DEFAULT_FORUM_CHAT_ID, "Old name")
    assert await bot.edit_forum_topic(
        DEFAULT_FORUM_CHAT_ID, topic.message_thread_id, name="New name"
    )
    with pytest.raises(TelegramBadRequest, match="TOPIC_NOT_MODIFIED"):
        await bot.edit_forum_topic(DEFAULT_FORUM_CHAT_ID, topic.message_thread_id, name="New name")
    assert await bot.delete_forum_topic(DEFAULT_FORUM_CHAT_ID, topic.message_thread_id)
    assert await control.history(DEFAULT_FORUM_CHAT_ID) == []
    with pytest.raises(TelegramBadRequest, match="message thread not found"):
        await bot.send_message(
            DEFAULT_FORUM_CHAT_ID, "late", message_thread_id=topic.message_thread_id
        )


async def test_staff_reply_in_topic_reaches_the_bot(
    bot: Bot, control: Control, state: EmulatorState
) -> None:
    topic = await bot.create_forum_topic(DEFAULT_FORUM_CHAT_ID, "Ticket")
    await control.text(
        DEFAULT_FORUM_CHAT_ID,
        "Please send the invoice",
        user_id=STAFF,
        thread_id=topic.message_thread_id,
    )
    [update] = await bot.get_updates(timeout=1)
    message = update.message
    assert message is not None and message.from_user is not None
    assert message.from_user.id == STAFF
    assert message.message_thread_id == topic.message_thread_id
    assert message.reply_to_message is not None
    assert message.reply_to_message.forum_topic_created is not None
    copied = await bot.copy_message(MEMBER, DEFAULT_FORUM_CHAT_ID, message.message_id)
    assert state.chats[MEMBER].messages[copied.message_id]["text"] == "Please send the invoice"


async def test_members_cannot_write_in_the_staff_chat(control: Control) -> None:
    status, body = await control.raw(
        "POST", f"/chats/{DEFAULT_FORUM_CHAT_ID}/text", {"text": "hi", "user_id": MEMBER}
    )
    assert status == 400
    assert "not a member" in body["error"]


async def test_chat_member_lookup(bot: Bot) -> None:
    member = await bot.get_chat_member(DEFAULT_FORUM_CHAT_ID, STAFF)
    assert member.status == "administrator"
    outsider = await bot.get_chat_member(DEFAULT_FORUM_CHAT_ID, MEMBER)
    assert outsider.status == "left"
    chat = await bot.get_chat(DEFAULT_FORUM_CHAT_ID)
    assert chat.is_forum
    admins = await bot.get_chat_administrators(DEFAULT_FORUM_CHAT_ID)
    assert {a.user.id for a in admins} == {123456, 20001, 20002}
