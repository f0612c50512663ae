"""Updates Telegram sends again (handled, then the process was killed before acknowledging).

The polling loop acknowledges an update only after handling it (bot/polling.py), so a SIGKILL
in between means the same update is handled twice. What it does must not happen twice.
"""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.types import PhotoSize, Update
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy import select

from storage.models import ActorKind, FsmRecord
from storage.repositories import requests as requests_repo
from tests.dialogs.requests_helpers import (
    _ids,
    _message,
    member_with_active_card,
    restore_state,
    stored_documents,
    stored_requests,
    stored_state,
)


@pytest.fixture
def fed(member, monkeypatch) -> list[Update]:
    """Every update the member's client feeds to the dispatcher, to feed it again."""
    updates: list[Update] = []
    feed = member.dp.feed_update

    async def recording(bot: Any, update: Update, **kwargs: Any) -> Any:
        updates.append(update)
        return await feed(bot, update, **kwargs)

    monkeypatch.setattr(member.dp, "feed_update", recording)
    return updates


async def _reply_step_of_a_new_request(member, session_factory) -> None:
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🕘 Any time")
    await member.send("Please call me")
    await member.click("✅ Send")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.click("✉️ Add a message or documents")


def _album(member) -> list[Update]:
    def photo(name: str) -> list[PhotoSize]:
        return [PhotoSize(file_id=name, file_unique_id=f"u-{name}", width=1280, height=960)]

    return [
        Update(
            update_id=next(_ids),
            message=_message(member, photo=photo(f"scan-{n}"), media_group_id="album-1"),
        )
        for n in range(3)
    ]


async def test_an_album_delivered_again_is_attached_once(member, session_factory) -> None:
    await _reply_step_of_a_new_request(member, session_factory)
    album = _album(member)
    for _ in range(2):  # handled, then sent again after a restart
        for update in album:
            await member.dp.feed_update(member.client.bot, update)
    assert "Documents: 3" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert sorted(d.file_id for d in await stored_documents(session_factory, request.id)) == [
        "scan-0",
        "scan-1",
        "scan-2",
    ]


async def test_send_delivered_again_adds_the_message_once(member, session_factory, fed) -> None:
    await _reply_step_of_a_new_request(member, session_factory)
    for update in _album(member):
        await member.dp.feed_update(member.client.bot, update)
    await member.click("✅ Send")
    assert "Your message was added" in member.text()
    send = fed[-1]
    assert send.callback_query is not None

    await member.dp.feed_update(member.client.bot, send)  # the same press, sent again

    [request] = await stored_requests(session_factory)
    assert len(await stored_documents(session_factory, request.id)) == 3
    async with session_factory() as session:
        events = await requests_repo.events(session, request.id)
    assert [e.actor_kind for e in events] == [ActorKind.MEMBER, ActorKind.MEMBER]  # sent, added


async def test_a_press_on_a_step_shown_before_a_crash_works_after_the_redelivery(
    member, session_factory, fed
) -> None:
    """The process died after "Call-back" had shown its first step and before that step was
    stored; Telegram sends the press again and another process handles it. The member, who
    already saw the step, presses its button: the screen the redelivery made is the same one
    (its intent ids come from the update), so the press goes on with the form instead of being
    refused as a button of a step left (tests/e2e/test_multiprocess.py met this under load)."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    stored = await stored_state(session_factory)
    await member.click("📞 Call-back")  # shown ...
    shown = member.last()
    press = fed[-1]
    await restore_state(session_factory, stored)  # ... and never stored

    await member.dp.feed_update(member.client.bot, press)  # Telegram sends the press again
    assert "Which number should we call?" in member.text()

    await member.client.click(shown, InlineButtonTextLocator(r"📱 Use \+380 50 111 2233"))
    assert "convenient" in member.text()
    assert "already left" not in member.text()


async def test_a_command_handled_twice_leaves_one_working_menu(
    member, session_factory, fed
) -> None:
    """/menu handled, stored, then sent again (the answer to Telegram was lost): the second
    handling resets the stack and opens the menu under the same id as the first; the menu works
    and the stack holds it once."""
    await member_with_active_card(member, session_factory)  # ends on /menu
    again = fed[-1]
    assert again.message is not None and again.message.text == "/menu"
    first = member.last()
    await member.dp.feed_update(member.client.bot, again)
    assert "📝 New request" in member.buttons()
    await member.client.click(first, InlineButtonTextLocator("📝 New request"))
    assert "📞 Call-back" in member.buttons()
    async with session_factory() as session:
        records = list(await session.scalars(select(FsmRecord)))
    [stack] = [r.data for r in records if "intents" in r.data]
    assert len(stack["intents"]) == len(set(stack["intents"])) == 2  # the menu, the kinds
