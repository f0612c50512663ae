"""Issue 14's "a press confirmed but lost": staff see "✅ Saved", the bot dies, the card must not
still say "new" and the member must still hear. The press's change and both messages about it
are committed before the toast; a process that is gone is found at the next start, so its
claimed rows go out at once (no lease to wait out)."""

from __future__ import annotations

import socket
import subprocess
import sys

from sqlalchemy import select

from bot.delivery import Deliverer
from bot.i18n import TranslatorHub
from bot.services import outbox
from bot.services.pacing import unlimited
from storage.db import create_engine, create_session_factory
from storage.models import Notification, Request
from storage.repositories import workers as workers_repo
from tests.staff.conftest import FORUM, OLENA


def _card(world, number):
    return next(m for m in world.bot_messages(FORUM) if number in m.get("text", ""))


def _dead_pid() -> int:
    """The pid of a process of this host that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


async def test_a_confirmed_press_reaches_the_card_and_the_member_after_the_bot_dies(world, db_url):
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    assert "Status: 🆕 new" in _card(world, request.number)["text"]

    answer = await world.press(_card(world, request.number), "🙋 Take")
    assert answer["text"] == "✅ Saved"
    # the bot dies right after the toast: its deliverer had claimed the press's two messages
    host, pid = socket.gethostname(), _dead_pid()
    dead_worker = f"{host}:{pid}"
    async with world.sessions.begin() as session:
        await workers_repo.beat(session, dead_worker, host, pid, world.clock(), starting=True)
    async with world.sessions.begin() as session:
        assert len(await outbox.claim(session, dead_worker, world.clock())) == 2
    assert "Status: 🆕 new" in _card(world, request.number)["text"]

    # a new process, with its own engine, starts a second later
    engine = create_engine(db_url)
    try:
        sessions = create_session_factory(engine)
        async with sessions() as session:
            stored = await session.get(Request, request.id)
            rows = (
                (await session.execute(select(Notification).order_by(Notification.id)))
                .scalars()
                .all()
            )
        assert stored is not None
        assert stored.status == "in_progress"  # committed before staff saw "✅ Saved"
        assert [(r.kind, r.status) for r in rows[-2:]] == [
            ("request_status", "sending"),
            ("card_refresh", "sending"),
        ]
        world.clock.advance(seconds=1)
        restarted = Deliverer(
            world.bot,
            sessions,
            world.settings,
            TranslatorHub(default="en"),
            world.clock,
            "restarted",
            pacer=unlimited(),
        )
        assert await restarted.run_once() == 2
    finally:
        await engine.dispose()

    card = _card(world, request.number)
    assert "Status: 🔧 in progress" in card["text"]
    assert "Assignee: Iryna Support" in card["text"]
    told = world.bot_messages(OLENA)[-1]
    assert f"Request {request.number}" in told["text"]
    assert "in progress" in told["text"]
