"""The deliverer through Telegram's failures: 429, 403, 5xx and network errors, a crash after
claiming, and two deliverers on one database. Real HTTP to the emulator, a hand-moved clock."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.delivery import _Turns
from bot.factory import create_bot
from bot.services import outbox
from storage.models import Notification, NotificationStatus
from tests.delivery.conftest import MEMBERS, OLENA, DeliveryWorld

S = NotificationStatus


async def test_429_waits_retry_after_without_using_an_attempt(world: DeliveryWorld) -> None:
    member = await world.member(OLENA)
    note = await world.notify(member, "your request moved")
    world.fault(kind="retry_after", retry_after=7, chat_id=OLENA, method="sendMessage")
    deliverer = world.deliverer()
    start = world.clock()

    assert await deliverer.run_once() == 1
    row = await world.row(note.id)
    assert row.status == S.PENDING
    assert row.next_attempt_at == start + timedelta(seconds=7)
    assert row.attempts == 0
    assert "retry after 7" in (row.last_error or "")
    assert world.received(OLENA) == []

    world.clock.advance(seconds=6.9)
    assert await deliverer.run_once() == 0
    assert len(world.send_calls(OLENA)) == 1  # only the refused one

    world.clock.advance(seconds=0.1)
    assert await deliverer.run_once() == 1
    assert world.received(OLENA) == ["your request moved"]
    row = await world.row(note.id)
    assert (row.status, row.attempts) == (S.SENT, 1)
    assert [c["ok"] for c in world.send_calls(OLENA)] == [False, True]


async def test_429_on_the_last_attempt_does_not_fail_the_notification(
    world: DeliveryWorld,
) -> None:
    member = await world.member(OLENA)
    note = await world.notify(member, "after a bad day")
    world.fault(kind="server_error", count=outbox.MAX_ATTEMPTS - 1, method="sendMessage")
    deliverer = world.deliverer()
    for _ in range(outbox.MAX_ATTEMPTS - 1):
        assert await deliverer.run_once() == 1
        world.clock.advance(minutes=10)
    assert (await world.row(note.id)).attempts == outbox.MAX_ATTEMPTS - 1

    world.fault(kind="retry_after", retry_after=3, method="sendMessage")
    assert await deliverer.run_once() == 1
    row = await world.row(note.id)
    assert (row.status, row.attempts) == (S.PENDING, outbox.MAX_ATTEMPTS - 1)

    world.clock.advance(seconds=3)
    assert await deliverer.run_once() == 1
    assert world.received(OLENA) == ["after a bad day"]


async def test_blocked_member_is_held_until_they_write_again(
    world: DeliveryWorld, start_polling: Callable[[], None]
) -> None:
    start_polling()
    member = await world.member(OLENA)
    world.state.set_blocked(OLENA, True)
    await world.state.wait_delivered()  # the bot has seen the "kicked" update
    first = await world.notify(member, "status while blocked")
    deliverer = world.deliverer()

    assert await deliverer.run_once() == 1
    assert (await world.fresh(member)).unreachable_since == world.clock()
    row = await world.row(first.id)
    assert (row.status, row.attempts) == (S.HELD, 0)
    assert [c["error_code"] for c in world.send_calls(OLENA)] == [403]

    # later notifications wait without another call to Telegram
    second = await world.notify(member, "second while blocked")
    assert await deliverer.run_once() == 1
    assert (await world.row(second.id)).status == S.HELD
    world.clock.advance(hours=1)
    assert await deliverer.run_once() == 0
    assert len(world.send_calls(OLENA)) == 1

    # the member opens the chat again and writes: the bot sees the update and releases them
    world.state.send_text(OLENA, "/start")
    await world.state.wait_delivered()
    assert (await world.fresh(member)).unreachable_since is None
    assert (await world.row(first.id)).status == S.PENDING

    assert await deliverer.run_once() == 2
    assert world.received(OLENA) == ["status while blocked", "second while blocked"]
    assert {(await world.row(n.id)).status for n in (first, second)} == {S.SENT}


async def test_block_seen_by_the_deliverer_first_stays_held(
    world: DeliveryWorld, start_polling: Callable[[], None]
) -> None:
    member = await world.member(OLENA)
    note = await world.notify(member, "sent as they blocked")
    world.state.set_blocked(OLENA, True)
    # the deliverer meets the 403 before the bot polls again (it was restarting): the
    # "kicked" update that comes next is the member leaving, not writing again
    assert await world.deliverer().run_once() == 1
    assert (await world.row(note.id)).status == S.HELD
    start_polling()
    await world.state.wait_delivered()

    assert (await world.fresh(member)).unreachable_since is not None
    assert (await world.row(note.id)).status == S.HELD


@pytest.mark.parametrize("kind", ["server_error", "bad_gateway"])
async def test_server_errors_back_off_and_end_failed(world: DeliveryWorld, kind: str) -> None:
    member = await world.member(OLENA)
    note = await world.notify(member, "never arrives")
    world.fault(kind=kind, count=outbox.MAX_ATTEMPTS, chat_id=OLENA, method="sendMessage")
    deliverer = world.deliverer()

    waits = []
    for attempt in range(1, outbox.MAX_ATTEMPTS):
        assert await deliverer.run_once() == 1
        row = await world.row(note.id)
        assert (row.status, row.attempts) == (S.PENDING, attempt)
        wait = row.next_attempt_at - world.clock()
        waits.append(wait.total_seconds())
        world.clock.advance(seconds=wait.total_seconds() - 1)
        assert await deliverer.run_once() == 0  # not before the backoff has passed
        world.clock.advance(seconds=1)
    assert waits == [5, 10, 20, 40, 80, 160, 320]

    assert await deliverer.run_once() == 1
    row = await world.row(note.id)
    assert (row.status, row.attempts) == (S.FAILED, outbox.MAX_ATTEMPTS)
    world.clock.advance(hours=1)
    assert await deliverer.run_once() == 0
    async with world.sessions() as session:
        [failed] = await outbox.failed(session)
    assert failed.id == note.id
    expected = "Bad Gateway" if kind == "bad_gateway" else "Internal Server Error"
    assert expected in (failed.last_error or "")
    assert len(world.send_calls(OLENA)) == outbox.MAX_ATTEMPTS
    assert world.received(OLENA) == []


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


async def test_network_error_is_retried_after_backoff(world: DeliveryWorld) -> None:
    member = await world.member(OLENA)
    note = await world.notify(member, "through a flaky network")
    cut_off = create_bot(world.settings.model_copy(update={"bot_api_url": _closed_port_url()}))
    try:
        assert await world.deliverer(bot=cut_off).run_once() == 1
    finally:
        await cut_off.session.close()
    row = await world.row(note.id)
    assert (row.status, row.attempts) == (S.PENDING, 1)
    assert row.next_attempt_at == world.clock() + timedelta(seconds=5)
    assert row.last_error

    deliverer = world.deliverer()
    world.clock.advance(seconds=4)
    assert await deliverer.run_once() == 0
    world.clock.advance(seconds=1)
    assert await deliverer.run_once() == 1
    assert world.received(OLENA) == ["through a flaky network"]
    assert (await world.row(note.id)).last_error is None


class CrashError(Exception):
    """The process dies between claiming and sending."""


async def test_crash_after_claiming_is_sent_once_after_the_lease(
    world: DeliveryWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    member = await world.member(OLENA)
    note = await world.notify(member, "survives a crash")
    crashed = world.deliverer("crashed")

    async def die(notification_id: int, *_: object, **__: object) -> bool:
        raise CrashError

    monkeypatch.setattr(crashed, "_deliver", die)
    with pytest.raises(CrashError):
        await crashed.run_once()
    row = await world.row(note.id)
    assert row.status == S.SENDING
    assert (row.claimed_by or "").startswith("crashed:")

    restarted = world.deliverer("restarted")
    assert await restarted.run_once() == 0
    world.clock.advance(seconds=outbox.LEASE.total_seconds())
    assert await restarted.run_once() == 0  # the lease runs to its very end
    assert world.send_calls(OLENA) == []

    world.clock.advance(seconds=1)
    assert await restarted.run_once() == 1
    world.clock.advance(seconds=outbox.LEASE.total_seconds() * 2)
    assert await restarted.run_once() == 0
    assert world.received(OLENA) == ["survives a crash"]
    assert len(world.send_calls(OLENA)) == 1
    row = await world.row(note.id)
    assert (row.status, row.attempts) == (S.SENT, 2)
    assert (row.claimed_by or "").startswith("restarted:")


async def test_two_deliverers_send_each_notification_once(world: DeliveryWorld) -> None:
    members = [await world.member(telegram_id) for telegram_id in MEMBERS]
    notes = [await world.notify(members[i % len(members)], f"n{i:02d}") for i in range(50)]

    a, b = world.deliverer("a"), world.deliverer("b")
    taken = [0, 0]
    # both processes' schedulers tick at the same moments, each taking small batches
    while any(rounds := await asyncio.gather(a.run_once(limit=5), b.run_once(limit=5))):
        taken = [t + r for t, r in zip(taken, rounds, strict=True)]

    # how the work splits is the database's business (on PostgreSQL, SKIP LOCKED may let one
    # claimer take every round); what matters is that every notification goes out once
    assert sum(taken) == 50
    received = [label for chat in MEMBERS for label in world.received(chat)]
    assert sorted(received) == [f"n{i:02d}" for i in range(50)]
    calls = [c for c in world.state.calls if c["method"] == "sendMessage"]
    assert len(calls) == 50
    assert all(c["ok"] for c in calls)
    async with world.sessions() as session:
        rows = (await session.execute(select(Notification))).scalars().all()
    assert {r.id for r in rows} == {n.id for n in notes}
    assert {(r.status, r.attempts) for r in rows} == {(S.SENT, 1)}
    assert {(r.claimed_by or "").split(":")[0] for r in rows} <= {"a", "b"}


async def test_two_deliverers_claiming_at_once_split_the_rows(world: DeliveryWorld) -> None:
    members = [await world.member(telegram_id) for telegram_id in MEMBERS]
    for i in range(50):
        await world.notify(members[i % len(members)], f"m{i:02d}")

    taken = await asyncio.gather(
        world.deliverer("a").run_once(limit=30), world.deliverer("b").run_once(limit=30)
    )

    # each holds at most 30; on PostgreSQL the two claims may interleave row by row (SKIP
    # LOCKED), so 29 and 21 is as right as 30 and 20: every row is taken once, by one of them
    assert sum(taken) == 50
    assert all(20 <= n <= 30 for n in taken)
    received = [label for chat in MEMBERS for label in world.received(chat)]
    assert sorted(received) == [f"m{i:02d}" for i in range(50)]
    calls = [c for c in world.state.calls if c["method"] == "sendMessage"]
    assert len(calls) == 50


async def test_a_row_taken_over_after_the_lease_is_not_sent_by_its_old_owner(world):
    member = await world.member()
    note = await world.notify(member, "sent by one process only")
    slow = world.deliverer("slow")
    async with world.sessions.begin() as session:
        assert await outbox.claim(session, "slow", world.clock()) == [note.id]
    # "slow" is still busy with earlier rows of its batch when its lease runs out
    world.clock.advance(seconds=outbox.LEASE.total_seconds() + 1)
    fast = world.deliverer("fast")
    assert await fast.run_once() == 1
    # it finally gets to the row in its batch: no longer its own
    assert await slow._deliver(note.id, _Turns(slow.pacer)) is False

    assert world.received(OLENA) == ["sent by one process only"]
    row = await world.row(note.id)
    assert row.status == "sent"
    assert (row.claimed_by or "").startswith("fast:")
