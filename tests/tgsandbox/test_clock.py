"""The world's clock: `/sandbox/api/clock` moves it forward only, and every date follows it."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot

from tests.tgsandbox.conftest import MEMBER, Control
from tgsandbox import EmulatorState

REAL = datetime(2026, 11, 22, 6, 30, tzinfo=UTC)  # the machine's time, standing still
HOUR, DAY = 3600, 86400


@pytest.fixture
def state() -> EmulatorState:
    return EmulatorState(clock=REAL.timestamp)


async def test_the_clock_starts_at_real_time(control: Control) -> None:
    clock = await control.call("GET", "/clock")
    assert clock == {
        "now": "2026-11-22T06:30:00+00:00",
        "local": "2026-11-22T06:30:00+00:00",
        "timezone": "UTC",
        "offset_seconds": 0,
        "offset": "0:00:00",
    }
    assert (await control.call("GET", "/state"))["clock"] == clock


async def test_advance_moves_the_clock_and_the_dates_of_new_messages(
    bot: Bot, control: Control
) -> None:
    before = await control.text(MEMBER, "before")
    clock = await control.call("POST", "/clock", {"advance_seconds": HOUR})
    assert clock["now"] == "2026-11-22T07:30:00+00:00"
    clock = await control.call("POST", "/clock", {"advance_seconds": DAY})
    assert clock["now"] == "2026-11-23T07:30:00+00:00"
    assert clock["offset_seconds"] == DAY + HOUR
    assert (await control.call("GET", "/clock")) == clock

    typed = await control.text(MEMBER, "after")
    sent = await bot.send_message(MEMBER, "from the bot")
    edited = await bot.edit_message_text("edited", chat_id=MEMBER, message_id=sent.message_id)
    moved = int(REAL.timestamp()) + DAY + HOUR
    assert before["date"] == int(REAL.timestamp())
    assert typed["date"] == moved
    assert sent.date == datetime.fromtimestamp(moved, UTC)
    assert not isinstance(edited, bool) and edited.edit_date == moved
    # what the member sees: earlier messages keep their dates
    dates = [m["date"] for m in await control.history(MEMBER)]
    assert dates == [int(REAL.timestamp()), moved, moved]
    updates = await bot.get_updates(timeout=0)
    assert [u.message.date for u in updates if u.message] == [
        datetime.fromtimestamp(int(REAL.timestamp()), UTC),
        datetime.fromtimestamp(moved, UTC),
    ]


async def test_to_a_date_moves_the_clock_there(control: Control, state: EmulatorState) -> None:
    clock = await control.call("POST", "/clock", {"to": "2026-12-20T09:00:00+00:00"})
    assert clock["now"] == "2026-12-20T09:00:00+00:00"
    assert clock["offset_seconds"] == (datetime(2026, 12, 20, 9, tzinfo=UTC) - REAL).total_seconds()

    # without a zone, a date or time is the world's own zone (the launcher's insurer zone)
    state.world.zone = ZoneInfo("Asia/Almaty")
    clock = await control.call("POST", "/clock", {"to": "2026-12-21T09:00"})
    assert clock["now"] == "2026-12-21T04:00:00+00:00"
    assert clock["local"] == "2026-12-21T09:00:00+05:00"
    clock = await control.call("POST", "/clock", {"to": "2026-12-22"})
    assert clock["local"] == "2026-12-22T00:00:00+05:00"
    message = await control.text(MEMBER, "hello")
    assert message["date"] == int(datetime(2026, 12, 21, 19, tzinfo=UTC).timestamp())


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"advance_seconds": -1}, "the clock only moves forward"),
        ({"to": "2026-11-22T06:29:59+00:00"}, "the clock only moves forward"),
        ({"to": "2026-11-01"}, "is before the sandbox's now, 2026-11-22T06:30:00+00:00"),
        ({"to": "next Tuesday"}, "is not an ISO date or date-time"),
        ({"advance_seconds": "soon"}, "could not convert"),
        ({}, 'send either "advance_seconds" or "to"'),
        ({"advance_seconds": 60, "to": "2027-01-01"}, 'send either "advance_seconds" or "to"'),
    ],
)
async def test_the_clock_never_goes_back(control: Control, body: dict, error: str) -> None:
    status, answer = await control.raw("POST", "/clock", body)
    assert status == 400
    assert answer["ok"] is False and error in answer["error"]
    assert (await control.call("GET", "/clock"))["offset_seconds"] == 0


async def test_moving_the_clock_wakes_the_page(control: Control) -> None:
    version = (await control.call("GET", "/state"))["version"]
    await control.call("POST", "/clock", {"advance_seconds": HOUR})
    changed = await control.call("GET", "/events", since=version, timeout=1)
    assert changed["version"] > version
