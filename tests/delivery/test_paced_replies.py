"""`PacedReplies`: what handlers send is counted in the deliverer's pacer, the answers first."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiogram.methods import EditMessageText, SendChatAction, SendMediaGroup, SendMessage
from aiogram.types import InputMediaPhoto

from bot.delivery.reply_limits import PacedReplies
from bot.services.pacing import Pacer


class Time:
    """A monotonic clock the test moves; `sleep` moves it and notes what the outbox saw."""

    def __init__(self, pacer: Pacer) -> None:
        self.now = 100.0
        self.pacer = pacer
        self.slept: list[float] = []
        self.outbox_saw: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        # while the answer waits, the deliverer asks the pacer whether it may send
        self.outbox_saw.append(self.pacer.wait_time(999, self.now))
        self.now += seconds


async def call(middleware: PacedReplies, time: Time, method: Any, took: float = 0.0) -> None:
    async def make_request(bot: Any, method: Any) -> Any:
        time.now += took  # Telegram's answer comes `took` seconds later
        return True

    await middleware(make_request, None, method)  # type: ignore[arg-type]


async def test_an_answer_goes_at_once_and_is_counted_where_the_outbox_looks() -> None:
    pacer = Pacer(per_second=2, private_interval=1.0)
    time = Time(pacer)
    paced = PacedReplies(pacer, monotonic=time.monotonic, sleep=time.sleep)
    await call(paced, time, SendMessage(chat_id=5, text="menu"), took=0.3)
    assert time.slept == []
    # counted from its answer (100.3): the chat's next outbox message waits its gap after it
    assert pacer.chat_wait(5, 100.5) == pytest.approx(0.8)


async def test_an_answer_waits_for_a_full_second_and_the_outbox_yields_meanwhile() -> None:
    pacer = Pacer(per_second=2, private_interval=1.0)
    for chat, at in ((7, 99.5), (8, 99.8)):  # the outbox's two sends, answered at once
        pacer.sent(chat, at)
        pacer.answered(chat, at)
    time = Time(pacer)
    paced = PacedReplies(pacer, monotonic=time.monotonic, sleep=time.sleep)
    await call(paced, time, SendMessage(chat_id=5, text="menu"))
    assert time.slept == [pytest.approx(0.5)]  # until the send at 99.5 leaves the second
    assert time.outbox_saw[0] > 0  # the deliverer did not take the slot the answer waited for
    assert pacer.replies_waiting == 0


async def test_an_album_counts_once_per_item_and_edits_and_actions_not_at_all() -> None:
    pacer = Pacer(per_second=30, private_interval=1.0)
    time = Time(pacer)
    paced = PacedReplies(pacer, monotonic=time.monotonic, sleep=time.sleep)
    album = [InputMediaPhoto(media=f"file-{n}") for n in range(3)]
    await call(paced, time, SendMediaGroup(chat_id=5, media=album))
    assert pacer.reply_wait(time.now) == 0 and len(pacer._global) == 3
    await call(paced, time, EditMessageText(chat_id=5, message_id=1, text="edited"))
    await call(paced, time, SendChatAction(chat_id=5, action="typing"))
    assert len(pacer._global) == 3


class SharedTime(Time):
    """Sleepers overlap, as on the event loop: each wakes at the time it asked for."""

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        until = self.now + seconds
        await asyncio.sleep(0)  # the other answers run meanwhile
        self.now = max(self.now, until)


async def test_answers_waiting_together_go_in_order_and_only_the_first_watches_the_clock() -> None:
    """Fifty answers waiting for a full second: each sleeps about once, not once per slot
    that frees (all waking for each slot, all but one going back to sleep: ~1,300 sleeps)."""
    pacer = Pacer(per_second=2, private_interval=1.0)
    for chat, at in ((7, 99.5), (8, 99.8)):  # the outbox's two sends, answered at once
        pacer.sent(chat, at)
        pacer.answered(chat, at)
    time = SharedTime(pacer)
    paced = PacedReplies(pacer, monotonic=time.monotonic, sleep=time.sleep)
    went: list[tuple[int, float]] = []

    async def answer(chat_id: int) -> None:
        async def make_request(bot: Any, method: Any) -> Any:
            went.append((method.chat_id, time.now))
            return True

        await paced(make_request, None, SendMessage(chat_id=chat_id, text="menu"))  # type: ignore[arg-type]

    await asyncio.gather(*(answer(chat) for chat in range(50)))
    assert [chat for chat, _ in went] == list(range(50))  # first come, first answered
    assert len(time.slept) <= 50
    # never more than two in any second, the outbox's two sends included
    times = [99.5, 99.8] + [at for _, at in went]
    assert all(sum(1 for t in times if start - 1 < t <= start) <= 2 for start in times)
    assert pacer.replies_waiting == 0 and not paced._queue
