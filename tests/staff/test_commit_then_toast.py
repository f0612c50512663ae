"""Staff buttons: "✅ Saved" is answered only after the status change is committed; a line that
says a visit was booked is offered for booking only after it is."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Notification, Request, RequestKind
from tests.conftest import failing_commits
from tests.staff.conftest import FORUM, IRYNA, OLENA


@pytest.fixture
def plan() -> list[bool]:
    return []


@pytest.fixture
def session_factory(engine, plan) -> async_sessionmaker[AsyncSession]:
    # the staff world's dispatcher uses these sessions; `plan` makes chosen commits fail
    return failing_commits(engine, plan)


def _card(world, number):
    return next(m for m in world.bot_messages(FORUM) if number in m.get("text", ""))


async def _status(world, request_id: int) -> str:
    async with world.sessions() as session:
        request = await session.get(Request, request_id)
        assert request is not None
        return request.status


async def test_take_is_toasted_after_its_commit(world, db_url):
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    stored_when_toasted: list[str] = []
    if db_url.startswith("sqlite"):
        path = db_url.split("///", 1)[1]

        def observe(record: dict) -> None:
            # runs when the emulator receives the answer, before the bot hears back
            if record["method"] == "answerCallbackQuery":
                with sqlite3.connect(path) as conn:
                    row = conn.execute("SELECT status FROM requests WHERE id = ?", (request.id,))
                    stored_when_toasted.append(row.fetchone()[0])

        world.state.call_observers.append(observe)
    answer = await world.press(_card(world, request.number), "🙋 Take")
    assert answer["text"] == "✅ Saved"
    if db_url.startswith("sqlite"):
        assert stored_when_toasted == ["in_progress"]


async def test_a_failed_commit_is_not_toasted_as_done(world, plan):
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    plan.append(True)
    answer = await world.press(_card(world, request.number), "🙋 Take")
    assert answer["text"].startswith("⚠️ Not saved")
    assert await _status(world, request.id) == "new"


async def test_a_line_whose_commit_fails_is_said_unsent_and_offers_nothing(world, plan):
    """A staff line that says a visit was booked is stored (with its copy for the member) before
    the bot offers to book it; when that commit fails, staff are told the line did not go, and
    neither the copy nor an offer is sent."""
    member = await world.member_with_card()
    request = await world.submit(
        member, kind=RequestKind.APPOINTMENT, details={"specialty": "dentist", "clinic": "Dobrobut"}
    )
    await world.deliver()
    thread = _card(world, request.number)["message_thread_id"]
    told = len(world.bot_messages(OLENA))
    plan.append(True)
    world.state.send_text(FORUM, "Записали вас на 26.11 в 17:30, кабинет 12", user_id=IRYNA,
                          thread_id=thread)  # fmt: skip
    await world.settled()
    await world.deliver()
    said = world.bot_messages(FORUM, thread)[-1]["text"]
    assert said == (
        "⚠️ Your message was not sent to the member (database error). Please send it again."
    )
    assert len(world.bot_messages(OLENA)) == told
    async with world.sessions() as session:
        copies = [n for n in await session.scalars(select(Notification)) if n.kind == "staff_copy"]
    assert copies == []
