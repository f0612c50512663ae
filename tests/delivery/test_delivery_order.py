"""One busy chat does not hold up a batch, and each chat still gets its messages in order.

Pacing runs on a hand-moved monotonic clock: `sleep` moves it instead of waiting.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from bot.delivery import SENDS_IN_FLIGHT, Deliverer
from bot.services.pacing import Pacer
from storage.models import Notification, NotificationStatus
from tests.delivery.conftest import AIGERIM, DMITRY, HANS, JOHN, OLENA, DeliveryWorld


class HandClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def paced(world: DeliveryWorld) -> tuple[Deliverer, HandClock]:
    """A deliverer with the real Pacer on a hand-moved clock."""
    time = HandClock()
    return world.deliverer(pacer=Pacer(), monotonic=time.monotonic, sleep=time.sleep), time


def sent_to(world: DeliveryWorld) -> list[int]:
    """The chats of the bot's accepted sendMessage calls, in the order they were made."""
    return [
        int(c["params"]["chat_id"])
        for c in world.state.calls
        if c["method"] == "sendMessage" and c["ok"]
    ]


async def test_others_go_while_a_chat_waits_its_second_and_its_own_stay_in_order(
    world: DeliveryWorld,
) -> None:
    olena, dmitry, aigerim = [await world.member(t) for t in (OLENA, DMITRY, AIGERIM)]
    for member, label in [
        (olena, "o1"),
        (olena, "o2"),
        (olena, "o3"),
        (dmitry, "d1"),
        (aigerim, "a1"),
        (dmitry, "d2"),
    ]:
        await world.notify(member, label)
    deliverer, time = paced(world)

    assert await deliverer.run_once() == 6

    # Dmitry's and Aigerim's first messages do not wait behind Olena's second (the three are
    # on their way together: which of them Telegram gets first is not decided)
    assert sorted(sent_to(world)[:3]) == sorted([OLENA, DMITRY, AIGERIM])
    assert world.received(OLENA) == ["o1", "o2", "o3"]
    assert world.received(DMITRY) == ["d1", "d2"]
    assert world.received(AIGERIM) == ["a1"]
    # two gaps of a second in all (o2 and d2 after the first, o3 after the second): the
    # least these six can take, where one chat at a time would wait three
    assert time.slept == [1.05, 1.05]


async def test_a_batch_of_one_chat_waits_its_gaps_and_keeps_order(world: DeliveryWorld) -> None:
    john = await world.member(JOHN)
    for label in ("j1", "j2", "j3", "j4"):
        await world.notify(john, label)
    deliverer, time = paced(world)

    assert await deliverer.run_once() == 4

    assert world.received(JOHN) == ["j1", "j2", "j3", "j4"]
    assert time.slept == [1.05, 1.05, 1.05]


async def test_while_every_claimed_row_waits_more_due_rows_are_claimed(
    world: DeliveryWorld,
) -> None:
    olena, dmitry = await world.member(OLENA), await world.member(DMITRY)
    for member, label in [(olena, "o1"), (olena, "o2"), (dmitry, "d1"), (olena, "o3")]:
        await world.notify(member, label)
    deliverer, time = paced(world)

    # two at a time: o1 goes, o2 waits, so d1 is claimed and goes before o2's second is up
    assert await deliverer.run_once(limit=2) == 4

    assert sent_to(world) == [OLENA, DMITRY, OLENA, OLENA]
    assert world.received(OLENA) == ["o1", "o2", "o3"]
    assert time.slept == [1.05, 1.05]


async def test_one_run_takes_at_most_its_share(world: DeliveryWorld) -> None:
    john = await world.member(JOHN)
    for label in ("j1", "j2", "j3", "j4"):
        await world.notify(john, label)
    deliverer, _ = paced(world)

    assert await deliverer.run_once(limit=2, most=3) == 3
    assert world.received(JOHN) == ["j1", "j2", "j3"]
    assert await deliverer.run_once(limit=2, most=3) == 1
    assert world.received(JOHN) == ["j1", "j2", "j3", "j4"]


async def test_members_rows_go_a_few_at_once_each_to_a_chat_of_its_own(
    world: DeliveryWorld,
) -> None:
    """Telegram answers slowly (50 ms a send here): the deliverer does not wait for each answer
    before the next send, but has up to SENDS_IN_FLIGHT on their way, never two to one chat."""
    members = [await world.member(t) for t in (OLENA, DMITRY, AIGERIM, JOHN, HANS)]
    for member in members:
        await world.notify(member, f"first to {member.telegram_id}")
    await world.notify(members[0], "second to Olena")
    flying: list[int | None] = []
    peak: list[int] = []

    async def slow_telegram(make_request: Any, bot: Any, method: Any) -> Any:
        chat = getattr(method, "chat_id", None)
        assert chat not in flying, "two sends on their way to one chat"
        flying.append(chat)
        peak.append(len(flying))
        try:
            await asyncio.sleep(0.05)
            return await make_request(bot, method)
        finally:
            flying.remove(chat)

    world.bot.session.middleware(slow_telegram)
    deliverer = world.deliverer()

    assert await deliverer.run_once() == 6

    assert max(peak) == SENDS_IN_FLIGHT > 1
    for member in members[1:]:
        assert world.received(member.telegram_id) == [f"first to {member.telegram_id}"]
    assert world.received(OLENA) == [f"first to {OLENA}", "second to Olena"]
    async with world.sessions() as session:
        statuses = set(await session.scalars(select(col(Notification.status))))
    assert statuses == {NotificationStatus.SENT}
