"""The emulator serves any client: each scenario runs through aiogram and python-telegram-bot.

The scenarios are written once against `tests/tgsandbox/clients.py`'s adapters, and check what
the emulator recorded through its control API, so a developer on either framework can test a
bot against it the same way.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.tgsandbox.clients import CLIENTS, Client, Failure
from tests.tgsandbox.conftest import MEMBER, OTHER_MEMBER, STAFF, Control
from tgsandbox import DEFAULT_FORUM_CHAT_ID as FORUM
from tgsandbox.files import placeholder_png


@pytest.fixture(params=CLIENTS, ids=lambda c: c.name)
async def client(request: pytest.FixtureRequest, base_url: str) -> AsyncIterator[Client]:
    async with request.param.connect(base_url) as connected:
        yield connected


async def test_send_then_edit_a_message(client: Client, control: Control) -> None:
    sent = await client.send_text(MEMBER, "Your request R-1 is received")
    assert sent.text == "Your request R-1 is received"
    edited = await client.edit_text(MEMBER, sent.message_id, "Your request R-1 is in progress")
    assert (edited.message_id, edited.text) == (sent.message_id, "Your request R-1 is in progress")

    [shown] = await control.history(MEMBER)
    assert shown["text"] == "Your request R-1 is in progress"
    assert "edit_date" in shown
    unchanged = await client.failure(client.edit_text(MEMBER, sent.message_id, edited.text or ""))
    assert unchanged.kind == "bad_request"
    assert "message is not modified" in unchanged.description.lower()


async def test_a_media_group_is_one_album(client: Client, control: Control) -> None:
    photos = [placeholder_png(1), placeholder_png(2)]
    album = await client.send_album(MEMBER, photos)
    assert len(album) == 2
    assert album[0].media_group_id is not None
    assert {m.media_group_id for m in album} == {album[0].media_group_id}

    shown = await control.history(MEMBER)
    assert [m["message_id"] for m in shown] == [m.message_id for m in album]
    assert all(m["photo"] and m["media_group_id"] == album[0].media_group_id for m in shown)


async def test_a_user_message_and_a_button_press_arrive_and_are_answered(
    client: Client, control: Control
) -> None:
    await control.text(MEMBER, "hello bot")
    [message] = await client.updates()
    assert message.text == "hello bot"

    menu = await client.send_text(MEMBER, "Is this right?", buttons=[("Yes", "yes"), ("No", "no")])
    pressed = await control.call(
        "POST", f"/chats/{MEMBER}/press", {"message_id": menu.message_id, "data": "yes"}
    )
    [press] = await client.updates(offset=message.update_id + 1)
    assert (press.callback_query_id, press.callback_data) == (pressed["callback_query_id"], "yes")

    assert await client.answer_callback(pressed["callback_query_id"], "Saved") is True
    result = await control.call("GET", f"/chats/{MEMBER}/messages")
    assert [(n["message_id"], n["text"]) for n in result["notices"]] == [(menu.message_id, "Saved")]
    again = await client.failure(client.answer_callback(pressed["callback_query_id"], "Twice"))
    assert again.kind == "bad_request"
    assert await client.updates(offset=press.update_id + 1) == []


async def test_a_forum_topic_is_created_and_written_into(client: Client, control: Control) -> None:
    thread = await client.create_topic(FORUM, "Olena Kovalenko · R-000042")
    assert thread > 1
    sent = await client.send_text(FORUM, "New request", thread_id=thread)
    assert sent.thread_id == thread

    in_topic = await control.history(FORUM, thread_id=thread)
    assert in_topic[0]["forum_topic_created"]["name"] == "Olena Kovalenko · R-000042"
    assert [m.get("text") for m in in_topic] == [None, "New request"]
    assert await control.history(FORUM, thread_id="general") == []

    await control.text(FORUM, "Answered by phone", user_id=STAFF, thread_id=thread)
    [staff_reply] = await client.updates()
    assert staff_reply.text == "Answered by phone"


async def test_a_topic_shows_an_allowed_icon_and_is_closed_then_reopened(
    client: Client, control: Control
) -> None:
    thread = await client.create_topic(FORUM, "Olena Kovalenko · #42")
    icons = await client.topic_icons()
    assert icons["❓"]  # custom emoji, each with its id
    assert await client.set_topic_icon(FORUM, thread, icons["❓"]) is True
    assert await client.close_topic(FORUM, thread) is True
    closed_again = await client.failure(client.close_topic(FORUM, thread))
    assert (closed_again.kind, "topic_not_modified" in closed_again.description.lower()) == (
        "bad_request",
        True,
    )

    state = await control.call("GET", "/state")
    [topic] = [t for c in state["chats"] if c["id"] == FORUM for t in c["topics"]]
    assert (topic["icon_custom_emoji_id"], topic["is_closed"]) == (icons["❓"], True)
    shown = await control.history(FORUM, thread_id=thread)
    assert [next(k for k in m if k.startswith("forum_topic")) for m in shown] == [
        "forum_topic_created",
        "forum_topic_edited",
        "forum_topic_closed",
    ]
    assert await client.close_topic(FORUM, thread, close=False) is True
    state = await control.call("GET", "/state")
    [topic] = [t for c in state["chats"] if c["id"] == FORUM for t in c["topics"]]
    assert topic["is_closed"] is False


async def test_a_file_is_stored_and_downloaded(client: Client) -> None:
    data = "Invoice № 17\n".encode() * 300
    sent = await client.send_document(MEMBER, data, "invoice.txt")
    assert sent.file_id
    assert await client.download(sent.file_id) == data
    unknown = await client.failure(client.download("no-such-file"))
    assert unknown.kind == "bad_request"


async def test_a_429_carries_its_delay_and_the_next_call_goes_through(
    client: Client, control: Control
) -> None:
    await control.fault(kind="retry_after", retry_after=7, method="sendMessage")
    flood = await client.failure(client.send_text(MEMBER, "flood"))
    assert (flood.kind, flood.retry_after) == ("retry_after", 7)
    assert await client.failure(client.send_text(MEMBER, "after waiting")) == Failure("none")
    assert [m["text"] for m in await control.history(MEMBER)] == ["after waiting"]


async def test_a_403_hits_only_the_chat_that_blocked(client: Client, control: Control) -> None:
    await control.fault(kind="blocked", chat_id=MEMBER)
    await client.send_text(OTHER_MEMBER, "other chats still work")
    blocked = await client.failure(client.send_text(MEMBER, "reminder"))
    assert blocked.kind == "forbidden"
    assert "bot was blocked by the user" in blocked.description
    assert await control.history(MEMBER) == []

    await control.call("POST", f"/chats/{MEMBER}/block", {"blocked": True})
    still = await client.failure(client.send_text(MEMBER, "reminder"))
    assert still.kind == "forbidden"


async def test_a_person_edits_their_message_and_the_bot_gets_edited_message(
    client: Client, control: Control
) -> None:
    sent = await control.text(MEMBER, "My policy is SIP-2026-0001")
    [first] = await client.updates()
    assert first.text == "My policy is SIP-2026-0001"
    edited = await control.call(
        "POST", f"/chats/{MEMBER}/edit", {"message_id": sent["message_id"], "text": "SIP-2026-0002"}
    )
    assert edited["message_id"] == sent["message_id"] and "edit_date" in edited
    [update] = await client.updates(offset=first.update_id + 1)
    assert (update.text, update.edited_text) == (None, "SIP-2026-0002")
    [shown] = await control.history(MEMBER)
    assert shown["text"] == "SIP-2026-0002"
    status, answer = await control.raw(
        "POST", f"/chats/{MEMBER}/edit", {"message_id": 999999, "text": "x"}
    )
    assert status == 400 and not answer["ok"]
