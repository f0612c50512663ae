from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.services.hours import (
    first_call_day,
    open_state,
    open_time,
    parse_weekly_hours,
    window_hours,
)

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


def test_open_time_counts_only_the_hours_the_call_centre_is_open():
    def local(day, hour, minute=0):
        return datetime(2026, 11, day, hour, minute, tzinfo=TZ)

    # Friday 27 November 20:00 to Saturday 13:00: an hour on Friday, three on Saturday
    assert open_time(HOURS, local(27, 20), local(28, 13), TZ) == timedelta(hours=4)
    # Saturday 15:00 to Monday 12:00: an hour on Saturday, none on Sunday, three on Monday
    assert open_time(HOURS, local(28, 15), local(30, 12), TZ) == timedelta(hours=4)
    # within one opening, at night, backwards
    assert open_time(HOURS, local(30, 9, 30), local(30, 9, 45), TZ) == timedelta(minutes=15)
    assert open_time(HOURS, local(30, 21), local(30, 23), TZ) == timedelta()
    assert open_time(HOURS, local(30, 12), local(30, 11), TZ) == timedelta()
    # the moments may be given in any zone (the bot keeps UTC)
    start = local(27, 20).astimezone(UTC)
    assert open_time(HOURS, start, local(28, 13).astimezone(UTC), TZ) == timedelta(hours=4)


def test_open_time_is_real_time_across_a_clock_change_and_a_day_open_till_24_00():
    kyiv = ZoneInfo("Europe/Kyiv")  # clocks go forward at 03:00 on 28 March 2027
    always = parse_weekly_hours("mon-sun 00:00-24:00")
    start = datetime(2027, 3, 27, tzinfo=kyiv)
    end = datetime(2027, 3, 29, tzinfo=kyiv)
    assert open_time(always, start, end, kyiv) == timedelta(hours=47)


@pytest.mark.parametrize(
    ("local", "window", "day"),
    [
        # Saturday 10:00: the morning and the afternoon are today; the evening (after 16:00)
        # and Sunday are not: Monday
        ("2026-11-28 10:00", (8, 12), "2026-11-28"),
        ("2026-11-28 10:00", (12, 16), "2026-11-28"),
        ("2026-11-28 10:00", (16, 20), "2026-11-30"),
        ("2026-11-28 10:00", (0, 24), "2026-11-28"),
        # 15:50: ten minutes of the afternoon left are too few for a call
        ("2026-11-28 15:50", (12, 16), "2026-11-30"),
        # Friday evening: open until 21:00
        ("2026-11-27 19:00", (16, 20), "2026-11-27"),
        ("2026-11-27 20:00", (16, 20), "2026-11-30"),
        # a weekday morning before 9:00: the hour from 9 to 12 is at work
        ("2026-11-23 07:00", (8, 12), "2026-11-23"),
        ("2026-11-22 10:00", (0, 24), "2026-11-23"),  # Sunday
    ],
)
def test_the_first_day_a_call_can_be_made_in_a_time_window(local, window, day):
    now = datetime.fromisoformat(local).replace(tzinfo=TZ)
    assert first_call_day(HOURS, window, now, TZ) == date.fromisoformat(day)


def test_no_day_when_the_call_centre_never_works_then():
    nights = parse_weekly_hours("mon-sun 09:00-18:00")
    now = datetime(2026, 11, 28, 10, 0, tzinfo=TZ)
    assert first_call_day(nights, (20, 24), now, TZ) is None


KYIV = ZoneInfo("Europe/Kyiv")  # UTC+2 in winter: 3 hours behind Almaty


@pytest.mark.parametrize(
    ("local", "window", "day"),
    [
        # Friday 20:00 in Almaty is 17:00 in Kyiv: a Kyiv evening (19:00–23:00 in Almaty) has
        # the hour to 21:00 left today; the Almaty evening was over
        ("2026-11-27 20:00", (16, 20), "2026-11-27"),
        # Saturday: the call centre closes at 16:00 in Almaty, 13:00 in Kyiv; a Kyiv afternoon
        # (15:00–19:00 there) keeps its first hour, a Kyiv evening none: Monday
        ("2026-11-28 10:00", (12, 16), "2026-11-28"),
        ("2026-11-28 10:00", (16, 20), "2026-11-30"),
        # Monday 07:00 in Kyiv is 10:00 in Almaty: the Kyiv morning is today
        ("2026-11-30 10:00", (8, 12), "2026-11-30"),
    ],
)
def test_a_time_window_in_the_member_s_zone_is_kept_in_their_hours(local, window, day):
    now = datetime.fromisoformat(local).replace(tzinfo=TZ)
    assert first_call_day(HOURS, window, now, TZ, window_tz=KYIV) == date.fromisoformat(day)


def test_a_window_s_hours_in_the_call_centre_s_zone():
    assert window_hours((8, 12), date(2026, 11, 30), KYIV, TZ) == "11:00–15:00"
    assert window_hours((16, 20), date(2026, 11, 30), KYIV, TZ) == "19:00–23:00"
    assert window_hours((16, 20), date(2026, 7, 1), KYIV, TZ) == "18:00–22:00"  # Kyiv's summer
