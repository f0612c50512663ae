"""Call-centre opening hours: parsing a weekly schedule and telling whether it is open now."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_PART = re.compile(
    r"^(?P<d1>[a-z]{3})(?:-(?P<d2>[a-z]{3}))?\s+"
    r"(?:(?P<t1>\d{1,2}:\d{2})-(?P<t2>\d{1,2}:\d{2})|(?P<closed>closed))$"
)


@dataclass(frozen=True)
class DayHours:
    opens: time
    closes: time


@dataclass(frozen=True)
class WeeklyHours:
    """Opening hours per weekday (0 = Monday); a missing day is closed."""

    days: tuple[DayHours | None, ...]

    def for_weekday(self, weekday: int) -> DayHours | None:
        return self.days[weekday]


def parse_weekly_hours(text: str) -> WeeklyHours:
    """Parse `mon-fri 09:00-21:00; sat 10:00-16:00; sun closed`."""
    days: list[DayHours | None] = [None] * 7
    for raw in text.split(";"):
        part = raw.strip().lower()
        if not part:
            continue
        match = _PART.match(part)
        if not match or match["d1"] not in DAYS or (match["d2"] and match["d2"] not in DAYS):
            raise ValueError(f"cannot read opening hours {raw.strip()!r}")
        first = DAYS.index(match["d1"])
        last = DAYS.index(match["d2"]) if match["d2"] else first
        if last < first:
            raise ValueError(f"day range runs backwards in {raw.strip()!r}")
        hours = None
        if not match["closed"]:
            opens, closes = _time(match["t1"]), _time(match["t2"])
            if closes <= opens:
                raise ValueError(f"closing time is not after opening time in {raw.strip()!r}")
            hours = DayHours(opens, closes)
        for day in range(first, last + 1):
            days[day] = hours
    return WeeklyHours(tuple(days))


def _time(text: str) -> time:
    hours, minutes = (int(x) for x in text.split(":"))
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or (hours == 24 and minutes):
        raise ValueError(f"bad time {text!r}")
    return time.max if hours == 24 else time(hours, minutes)


@dataclass(frozen=True)
class OpenState:
    is_open: bool
    local_now: datetime
    # when closed: the next opening moment (local time); when open: today's closing moment
    next_change: datetime | None


def open_state(hours: WeeklyHours, now: datetime, tz: ZoneInfo) -> OpenState:
    """Whether the call centre is open at `now` (aware), judged in its own time zone."""
    local = now.astimezone(tz)
    today = hours.for_weekday(local.weekday())
    if today and today.opens <= local.time() < today.closes:
        closes = datetime.combine(local.date(), today.closes, tzinfo=tz)
        return OpenState(True, local, closes)
    for offset in range(8):
        day = local.date() + timedelta(days=offset)
        day_hours = hours.for_weekday(day.weekday())
        if day_hours is None:
            continue
        opens = datetime.combine(day, day_hours.opens, tzinfo=tz)
        if opens > local:
            return OpenState(False, local, opens)
    return OpenState(False, local, None)


def open_time(hours: WeeklyHours, start: datetime, end: datetime, tz: ZoneInfo) -> timedelta:
    """How long the call centre is open between `start` and `end` (aware), by its hours in its
    own time zone; a day's span is measured in real time, so a clock change counts right."""
    total = timedelta()
    if end <= start:
        return total
    day = start.astimezone(tz).date()
    last = end.astimezone(tz).date()
    while day <= last:
        day_hours = hours.for_weekday(day.weekday())
        if day_hours is not None:
            opens = datetime.combine(day, day_hours.opens, tzinfo=tz)
            closes = (
                datetime.combine(day + timedelta(days=1), time(), tzinfo=tz)
                if day_hours.closes == time.max  # "24:00"
                else datetime.combine(day, day_hours.closes, tzinfo=tz)
            )
            begin, finish = max(opens, start), min(closes, end)
            if finish > begin:
                total += finish.astimezone(UTC) - begin.astimezone(UTC)
        day += timedelta(days=1)
    return total


# the least of a time window the call centre must be at work for a call in it to be made
CALL_TIME = timedelta(minutes=15)


def first_call_day(
    hours: WeeklyHours,
    window: tuple[int, int],
    now: datetime,
    tz: ZoneInfo,
    days: int = 8,
    *,
    window_tz: ZoneInfo | None = None,
) -> date | None:
    """The first day from `now` whose time window `window` (its first and last hour, in
    `window_tz`, the member's zone, else the call centre's; what is left of it today) has the
    call centre at work for `CALL_TIME` at least: the day, in the window's zone, a call-back
    asked for that time of day can be made. None when no day of the next `days` has it."""
    where = window_tz or tz
    local = now.astimezone(where)
    first, last = window
    for offset in range(days):
        day = local.date() + timedelta(days=offset)
        start = datetime.combine(day, time(first), tzinfo=where)
        end = (
            datetime.combine(day + timedelta(days=1), time(), tzinfo=where)
            if last >= 24
            else datetime.combine(day, time(last), tzinfo=where)
        )
        if open_time(hours, max(start, local), end, tz) >= CALL_TIME:
            return day
    return None


def window_hours(window: tuple[int, int], day: date, where: ZoneInfo, tz: ZoneInfo) -> str:
    """A time window's hours on `day` in `where` (the member's zone), as they are in `tz` (the
    call centre's): "11:00–15:00" for Kyiv's 8:00–12:00 in Almaty."""
    first, last = window
    start = datetime.combine(day, time(first), tzinfo=where).astimezone(tz)
    end = (datetime.combine(day, time(), tzinfo=where) + timedelta(hours=last)).astimezone(tz)
    return f"{start.hour}:{start.minute:02d}–{end.hour}:{end.minute:02d}"
