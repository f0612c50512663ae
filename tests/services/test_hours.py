from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.services.hours import open_state, parse_weekly_hours

TZ = ZoneInfo("Asia/Almaty")  # UTC+5
HOURS = parse_weekly_hours("mon-fri 09:00-21:00; sat 10:00-16:00; sun closed")


def test_parse_weekly_hours():
    assert HOURS.for_weekday(0).opens == time(9, 0)
    assert HOURS.for_weekday(4).closes == time(21, 0)
    assert HOURS.for_weekday(5).opens == time(10, 0)
    assert HOURS.for_weekday(6) is None


@pytest.mark.parametrize(
    "bad",
    [
        "mon-fri 9-21",
        "fri-mon 09:00-10:00",
        "xyz 09:00-10:00",
        "mon 10:00-09:00",
        "mon 25:00-26:00",
    ],
)
def test_unreadable_hours_are_refused(bad):
    with pytest.raises(ValueError, match=r"."):
        parse_weekly_hours(bad)


def test_open_on_a_weekday_in_its_own_time_zone():
    # Monday 2026-11-23 04:30 UTC is 09:30 in Almaty
    state = open_state(HOURS, datetime(2026, 11, 23, 4, 30, tzinfo=UTC), TZ)
    assert state.is_open
    assert state.next_change == datetime(2026, 11, 23, 21, 0, tzinfo=TZ)


def test_closed_before_opening_although_open_in_utc_terms():
    # Monday 03:30 UTC = 08:30 local: closed, opens at 09:00 local
    state = open_state(HOURS, datetime(2026, 11, 23, 3, 30, tzinfo=UTC), TZ)
    assert not state.is_open
    assert state.next_change == datetime(2026, 11, 23, 9, 0, tzinfo=TZ)


def test_sunday_closed_opens_monday():
    state = open_state(HOURS, datetime(2026, 11, 22, 7, 0, tzinfo=UTC), TZ)
    assert not state.is_open
    assert state.next_change == datetime(2026, 11, 23, 9, 0, tzinfo=TZ)


def test_saturday_evening_closed_until_monday():
    state = open_state(HOURS, datetime(2026, 11, 21, 12, 0, tzinfo=UTC), TZ)  # 17:00 local
    assert not state.is_open
    assert state.next_change == datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
