"""The bare aiogram-dialog bot (`bench/dialog_bot.py`): the member steps' floor on the decided
stack. It must take the bench's walk with the project's own acts (the same button labels), show
the screens those acts expect (the stock month calendar after "Next"), and its ratios must pair
with the project's round by round (`steps_bench.summarize`). No time is asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

psutil = pytest.importorskip("psutil")

from bench.harness import DIALOG, ECHO, StepResult, running_bot  # noqa: E402
from bench.kill_bench import buttons, last_bot_message  # noqa: E402
from bench.steps_bench import (  # noqa: E402
    _flush,
    member_steps,
    member_users,
    summarize,
    take_step,
)
from tests.conftest import REDIS_URL  # noqa: E402

MEMBERS = 4


@pytest.mark.slow
async def test_the_bare_dialog_bot_takes_the_bench_walk_with_the_project_s_acts(
    tmp_path: Path,
) -> None:
    users = member_users(MEMBERS)
    chats = [u.id for u in users]
    screens: dict[str, list[str]] = {}
    async with running_bot(DIALOG, users, tmp_path) as running:
        results = []
        for step in member_steps():
            results.append(await take_step(running, step, chats, DIALOG))
            last = last_bot_message(running.state, chats[0])
            assert last is not None
            screens[step.name] = buttons(last)
        state = running.state

    assert [r.unanswered for r in results] == [0] * len(results)
    assert all(len(r.latencies) == MEMBERS for r in results)
    assert "📱 Confirm phone" in screens["first /start"]
    # the phone shared: the menu that follows has the confirmed member's buttons, no prompt
    assert "📝 New request" in screens["/start menu"]
    assert "📱 Confirm phone" not in screens["/start menu"]
    # "Next" shows aiogram-dialog's own month calendar: the days of a month and its pager
    # (today's day is marked, so the labels are read as numbers: a month has 28 days at least)
    days = {
        int(label.strip("[] "))
        for label in screens["month calendar"]
        if label.strip("[] ").isdigit()
    }
    assert set(range(1, 29)) <= days
    for chat in chats:  # the typed date moved every form on
        last = last_bot_message(state, chat)
        assert last is not None
        assert "laboratory" in last["text"]


@pytest.mark.slow
@pytest.mark.skipif(not REDIS_URL, reason="needs TEST_REDIS_URL")
async def test_with_redis_the_bare_dialog_bot_keeps_every_member_s_dialog_there(
    tmp_path: Path,
) -> None:
    """The durable floor is measured only if the state really is in Redis, not in memory."""
    from redis.asyncio import Redis

    users = member_users(MEMBERS)
    chats = [u.id for u in users]
    await _flush(REDIS_URL)
    async with running_bot(DIALOG, users, tmp_path, redis_url=REDIS_URL) as running:
        for step in member_steps()[:4]:  # to the menu after the phone was shared
            result = await take_step(running, step, chats, DIALOG)
            assert result.unanswered == 0
    client = Redis.from_url(REDIS_URL)
    try:
        keys = [key.decode() for key in await client.keys("*")]
    finally:
        await client.aclose()
    # aiogram-dialog's stack and context of each member, under aiogram's key builder
    for chat in chats:
        assert any(f":{chat}:" in key and "aiogd" in key for key in keys), (chat, keys)


def _result(step: str, bot: str, seconds: float) -> StepResult:
    return StepResult(step, bot, 10, seconds, [seconds] * 10, 0.01)


def test_each_setup_is_paired_with_the_dialog_bot_of_its_own_round() -> None:
    """Round 1: echo 1 s, dialog bot 2 s, project 4 s; round 2: 1 s, 4 s, 4 s. The project
    against the dialog bot is the median of 0.5 and 1.0, not the ratio of two medians."""
    step = "typed date"
    results = [
        _result(step, ECHO, 1.0),
        _result(step, DIALOG, 2.0),
        _result(step, "sqlite", 4.0),
        _result(step, ECHO, 1.0),
        _result(step, DIALOG, 4.0),
        _result(step, "sqlite", 4.0),
    ]
    rows = {row.setup: row for row in summarize(results) if row.step == step}
    assert rows[DIALOG].ratio == pytest.approx(0.375)
    assert rows[DIALOG].over_dialog is None
    assert rows["sqlite"].ratio == pytest.approx(0.25)
    assert rows["sqlite"].over_dialog == pytest.approx(0.75)
