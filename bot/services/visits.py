"""A visit as staff booked it, for a doctor appointment or lab tests, or the delivery of medicines:
`/visit 09.12 17:30` in the member's topic.

The member asked for a day and a time of day; the clinic or the laboratory gave one. Staff write
it once: it is kept on the request (its day in `Request.visit_on`, the day and the hour in
`details`, shown wherever the answers are), the member is told at once, and reminded the day before
(`reminders.py:_appointments_tomorrow`), whether the request is still open or done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.dates import read_date
from bot.services.forms import (
    ANY_TIME,
    TIME_ALIASES,
    WINDOW_SPANS,
    day_named,
    read_date_and_time,
    window_named,
)
from bot.services.notifications import CardRefresh, VisitBooked
from bot.services.staff.audit import audit
from bot.services.staff.find import REQUEST_NUMBER
from storage.models import Request, RequestKind, RequestStatus
from storage.repositories import requests as requests_repo


@dataclass(frozen=True)
class Booking:
    """What staff book on a request of a kind, where it is kept, and the staff chat's words for
    it: a visit (a doctor's, a laboratory's) or a delivery (medicines)."""

    day_field: str  # the details' keys the day and the hour are kept and shown by
    time_field: str  # (`render.value_text`)
    button: str  # the request card's button that asks for it
    ask: str  # that button's prompt
    booked: str  # said once it is booked
    untold: str  # said after "Done" when nothing was sent to the member since the request came
    offer: str  # a line to the member that says it was booked: booking it offered
    offer_button: str  # (the offer's button)


VISIT = Booking(
    "visit_date",
    "visit_time",
    "staff-btn-visit",
    "staff-ask-visit",
    "helpdesk-visit-booked",
    "staff-done-untold-visit",
    "staff-visit-said",
    "staff-btn-book-visit",
)
DELIVERY = Booking(
    "delivery_date",
    "delivery_time",
    "staff-btn-delivery",
    "staff-ask-delivery",
    "helpdesk-delivery-booked",
    "staff-done-untold-delivery",
    "staff-delivery-said",
    "staff-btn-book-delivery",
)
BOOKINGS = {
    RequestKind.APPOINTMENT: VISIT,
    RequestKind.LAB_TESTS: VISIT,
    RequestKind.MEDICINES: DELIVERY,
}
# the clinic's confirmation pasted with the visit, on the request (free text: not kept past
# the request's retention, `privacy/fields.py`)
NOTE_FIELD = "visit_note"
# a visit is booked up to this far ahead (the member's date step's horizon)
HORIZON = timedelta(days=365)
# the requests a visit or a delivery is booked on, and those it is not (withdrawn, refused)
KINDS = frozenset(BOOKINGS)
NOT_BOOKED = frozenset({RequestStatus.REJECTED, RequestStatus.CANCELLED})
# the requests of a member named without a number: those asked for in this many days
RECENT = timedelta(days=60)
# an hour as staff write it: 17:30, 9.00, 9:05 (a word of its own, after the day or, with a
# colon, before it: "10.12" alone is a day)
_HOUR = re.compile(r"([01]?\d|2[0-3])([:.])([0-5]\d)")
# an hour on the clock typed without its minutes ("в 10")
_WHOLE_HOUR = re.compile(r"[01]?\d|2[0-3]")
# the word for "at" before the hour ("10.12 в 17:30"), left out of the day
_AT = frozenset({"в", "о", "об", "at", "сағат"})
# hours given as a span, as deliveries are ("завтра до 14:00", "9.12 10-14", "с 10 до 14",
# "after 18"): kept as "10:00–14:00", "–14:00" (by) or "18:00–" (from), `render.booked_hour`
_CLOCK = r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?"
_RANGE = re.compile(rf"({_CLOCK})\s*[-–—]\s*({_CLOCK})")
_CLOCK_SUFFIXED = re.compile(rf"({_CLOCK})(?:-\w+)?")  # kk: "14:00-ге дейін", "18-ден кейін"
_SPAN_FROM = frozenset({"с", "з", "із", "від", "от", "from", "between"})
_SPAN_TO = frozenset({"до", "по", "to", "and", "till", "until", "-", "–", "—"})
_BY = frozenset({"до", "by", "until", "till", "before"})
_AFTER = frozenset({"после", "після", "after", "from", "с", "з", "від", "от"})
_BY_AFTER_KK = {"дейін": False, "кейін": True, "бастап": True}
SPAN = "–"


class VisitError(ValueError):
    """What staff typed, or the request named, cannot take a visit (`key`: the message to show,
    `args` what it names)."""

    def __init__(self, key: str, **args: str) -> None:
        super().__init__(key)
        self.key = key
        self.args_shown = args


@dataclass(frozen=True)
class Visit:
    """What `/visit` was given: the request's number (if any), the day and the hour."""

    request_id: int | None
    day: date
    at: str | None  # "17:30"; a span: "10:00–14:00", "–14:00" (by), "18:00–" (from)
    # the clinic's confirmation pasted whole ("Вы записаны на 9 декабря в 17:30, каб. 12"): its
    # words reach the member with the day (`read_visit`), kept as the request's `visit_note`
    said: str | None = None


def read_visit(text: str, today: date) -> Visit:
    """`R-000042 09.12 17:30`, `9 декабря 17:30`, `завтра 10:00`, `завтра в 10`, `09.12`: the
    request's number (optional, first or last), the day (today or later, within `HORIZON`) and
    the hour (optional, HH:MM, or a whole hour after the day); or a clinic's confirmation
    pasted whole, the day and the hour in its words (`read_said`). Raises `VisitError` with
    the reason."""
    try:
        return _read_typed(text, today)
    except VisitError as refused:
        if refused.key not in ("helpdesk-visit-bad-date", "helpdesk-visit-usage"):
            raise
        said = read_said(text, today)
        if said is None:
            raise
        return said


# a confirmation pasted is read when it is at least this many words ("завтра до" is not one),
# and kept up to this many characters
SAID_MIN_WORDS = 4
# the words that say a visit or a delivery is booked ("записали", "запланирована", "booked")
_BOOKED = ("запис", "запиш", "заплан", "назнач", "призначен", "доставк", "доставлен",
           "доставят", "доставлять", "привез", "book", "schedul", "appointment", "deliver",
           "жазыл", "жеткіз", "белгілен")  # fmt: skip
SAID_MAX = 500
_CLOCK_IN = re.compile(r"(?<![\d.:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")


def read_said(text: str, today: date) -> Visit | None:
    """A clinic's confirmation pasted whole ("Вы записаны к стоматологу на 9 декабря в 17:30,
    каб. 12"): the day its words name (today or later, within `HORIZON`), the hour written
    with a colon, or else the time of day its words name ("на завтра после обеда": that
    window's hours), and the request's number if it has one; the text itself kept for the
    member. None when it is shorter, names no day or one out of range, or no hour ("клиника
    перезвонит завтра" is no booking)."""
    words = text.split()
    clock = _CLOCK_IN.search(text)
    # with no hour, a time of day in words, when the words book ("записала на завтра после
    # обеда"; "клиника перезвонит завтра утром" books nothing), or a whole hour after "в"
    # ("записала на 10 декабря в 11")
    booked = clock is None and any(w.casefold().startswith(_BOOKED) for w in words)
    whole = _whole_hour(text) if booked else None
    window = window_named(text) if booked and whole is None else None
    if len(words) < SAID_MIN_WORDS or (
        clock is None and whole is None and window in (None, ANY_TIME)
    ):
        return None  # ("клиника перезвонит завтра" names a day, and books nothing)
    phrase = day_named(text, today)
    day = read_date_and_time(phrase, today, future=True)[0] if phrase else None
    if day is None or day < today or day > today + HORIZON:
        return None
    numbers = [REQUEST_NUMBER.fullmatch(word.strip(",.;")) for word in words]
    found = next((n for n in numbers if n is not None), None)
    if clock is not None:
        hour = _said_hours(text, clock)
    elif whole is not None:
        hour = whole
    else:
        assert window is not None
        first, last = WINDOW_SPANS[window]
        hour = f"{first:02d}:00{SPAN}{last:02d}:00"
    said = " ".join(text.split())[:SAID_MAX]
    return Visit(int(found.group(1)) if found else None, day, hour, said)


# a whole hour after "в", "о", "at" in a booking ("на 10 декабря в 11", "о 9 на завтра"), of
# the hours a clinic books (not "в 12 кабинет", a room); "вечера", "дня", "pm" after it: the
# afternoon's ("в 8 вечера": 20:00)
_BOOKED_HOURS = range(7, 22)
_ROOM_STEMS = ("каб", "кімн", "room", "office", "палат", "поверх", "этаж", "floor")
_AFTERNOON = frozenset({"вечера", "вечора", "дня", "pm", "p.m", "p.m."})


def _whole_hour(text: str) -> str | None:
    """The whole hour a booking gives after "в", "о", "at" (`_AT`, `_WHOLE_HOUR`: "в 11":
    "11:00"), when it is one a clinic books at and no room follows it; None otherwise."""
    words = text.replace(",", " ").split()
    for at in range(1, len(words)):
        if words[at - 1].casefold() not in _AT or not _WHOLE_HOUR.fullmatch(words[at]):
            continue
        after = words[at + 1].strip(".").casefold() if at + 1 < len(words) else ""
        hour = int(words[at])
        hour += 12 if after in _AFTERNOON and hour < 12 else 0
        if hour in _BOOKED_HOURS and not after.startswith(_ROOM_STEMS):
            return f"{hour:02d}:00"
    return None


def said_in_line(request: Request, text: str, today: date) -> Visit | None:
    """The visit (or delivery) a staff member's line to the member says was booked on `request`
    ("Записали вас в Медеу на четверг в 14:30, кабинет 12", `read_said`), to offer booking it
    (the member then reminded the day before); None when the line books nothing, the request
    takes no booking or is closed, or that day and hour are booked on it already."""
    booking = BOOKINGS.get(RequestKind(request.kind))
    if booking is None or request.status in NOT_BOOKED:
        return None
    said = read_said(text, today)
    if said is None or (said.request_id is not None and said.request_id != request.id):
        return None
    details = request.details or {}
    if (details.get(booking.day_field), details.get(booking.time_field)) == (
        said.day.isoformat(),
        said.at,
    ):
        return None
    return Visit(request.id, said.day, said.at, said.said)


# hours as a span in a sentence ("с 10:00 до 14:00", "10:00–14:00", "from 10 to 14:00"); in a
# sentence an hour has a colon or none ("9.12 - 10:00" is a day, then an hour)
_SAID_CLOCK = r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?"
_SAID_SPAN = re.compile(
    rf"(?<![\d.:])({_SAID_CLOCK})\s*(?:[-–—]|(?<!\w)(?:до|по|to|and|till|until)(?!\w))\s*"
    rf"({_SAID_CLOCK})(?![\d:.])",
    re.IGNORECASE,
)


def _said_hours(text: str, clock: re.Match[str]) -> str:
    """The hours a booking written in words gives at its first clock time (`clock`): a span
    around it, "с 10:00 до 14:00" ("10:00–14:00"); an end, "до 14:00", "14:00-ге дейін"
    ("–14:00"); a start, "после 18:00", "с 18:00", "18:00-ден кейін" ("18:00–"); else the time
    itself, "в 17:30" ("17:30")."""
    at = _clock_text(clock.group(0))
    for found in _SAID_SPAN.finditer(text):
        if found.start() <= clock.start() < found.end():
            start, end = _clock_text(found.group(1)), _clock_text(found.group(2))
            if start < end:
                return f"{start}{SPAN}{end}"
    before = text[: clock.start()].split()
    word = before[-1].casefold().strip(",") if before else ""
    # Kazakh puts the word after its hour: "14:00-ге дейін" (by), "18:00-ден кейін" (after)
    kazakh = re.match(r"(?:-\w+)?\s+(\w+)", text[clock.end() :])
    after_kk = _BY_AFTER_KK.get(kazakh.group(1).casefold()) if kazakh else None
    if word in _BY or after_kk is False:
        return f"{SPAN}{at}"
    if word in _AFTER or after_kk:
        return f"{at}{SPAN}"
    return at


def _clock_text(text: str) -> str:
    """An hour as typed ("9", "9.30", "17:30") as it is kept: "09:00", "09:30", "17:30"."""
    hour, _, minutes = text.replace(".", ":").partition(":")
    return f"{int(hour):02d}:{minutes or '00'}"


def _read_typed(text: str, today: date) -> Visit:
    """`read_visit` of a day and an hour typed as such."""
    words = text.split()
    request_id = None
    for at in (0, len(words) - 1):
        if words and (found := REQUEST_NUMBER.fullmatch(words[at])) is not None:
            request_id = int(found.group(1))
            del words[at]
            break
    hour = None
    found = None
    if (span := _hours_span(words)) is not None:
        hour, words = span
    # "17:30" at either end, else "9.30" at the end ("17:30 10.12": the hour first)
    for at, separators in ((-1, ":"), (0, ":"), (-1, ".")):
        found = _HOUR.fullmatch(words[at].strip(",")) if len(words) > 1 and not hour else None
        if found is not None and found.group(2) in separators:
            del words[at]
            break
        found = None
    if found is not None:
        hour = f"{int(found.group(1)):02d}:{found.group(3)}"
        if words and words[-1].casefold() in _AT:
            del words[-1]
    elif hour is None and len(words) > 1 and _WHOLE_HOUR.fullmatch(words[-1]):
        # "завтра в 10", "сегодня 16": an hour on the clock, when the words before it are the
        # day (not "15 12": the 15th of December)
        before = words[:-2] if len(words) > 2 and words[-2].casefold() in _AT else words[:-1]
        said_at = len(before) < len(words) - 1
        whole = read_date(" ".join(words), today, future=True)  # "15 декабря 10": not 2010
        if said_at or whole is None or whole < today:
            hour = f"{int(words[-1]):02d}:00"
            words = before
    rest = " ".join(words).strip(" ,")
    if not rest:
        raise VisitError("helpdesk-visit-usage")
    day = read_date(rest, today, future=True)
    if day is None:
        raise VisitError("helpdesk-visit-bad-date", typed=rest[:40])
    if day < today or day > today + HORIZON:
        raise VisitError("helpdesk-visit-out-of-range", typed=rest[:40])
    return Visit(request_id, day, hour)


def _hours_span(words: list[str]) -> tuple[str, list[str]] | None:
    """Hours as a span at the end, after the day: "10-14", "10:00 – 14:00", "с 10 до 14",
    "between 10 and 14" ("10:00–14:00"); "до 14:00", "by 2" ("–14:00"); "после 18", "from 18"
    ("18:00–"); in Kazakh "14:00-ге дейін", "18-ден кейін"; a time of day in words, "после
    обеда", "утром" (its window's hours, `forms.WINDOW_SPANS`: "12:00–16:00"). None when the
    words end in none, or leave no day before them ("до 10.12" alone is a day, not an hour)."""
    folded = [word.casefold().strip(",") for word in words]

    def span(start: str | None, end: str | None, taken: int) -> tuple[str, list[str]] | None:
        before = words[:-taken]
        if before and before[-1].casefold() in _AT:  # "завтра в 10-14"
            before = before[:-1]
        if not before or (start and end and _clock_text(start) >= _clock_text(end)):
            return None
        shown = f"{_clock_text(start) if start else ''}{SPAN}{_clock_text(end) if end else ''}"
        return shown, before

    if folded and (found := _RANGE.fullmatch(folded[-1])):  # "10-14", "10:00–14:00"
        return span(found.group(1), found.group(2), 1)
    tail = folded[-4:]
    if len(tail) == 4 and tail[0] in _SPAN_FROM and tail[2] in _SPAN_TO:
        start, end = re.fullmatch(_CLOCK, tail[1]), re.fullmatch(_CLOCK, tail[3])
        if start and end:  # "с 10 до 14", "between 10 and 14"
            return span(tail[1], tail[3], 4)
    if len(tail) >= 3 and tail[-2] in _SPAN_TO:
        start, end = re.fullmatch(_CLOCK, tail[-3]), re.fullmatch(_CLOCK, tail[-1])
        if start and end:  # "10 - 14", "10 до 14"
            return span(tail[-3], tail[-1], 3)
    if len(tail) >= 2 and re.fullmatch(_CLOCK, tail[-1]):
        if tail[-2] in _BY:  # "до 14:00"
            return span(None, tail[-1], 2)
        if tail[-2] in _AFTER:  # "после 18"
            return span(tail[-1], None, 2)
    kk = _CLOCK_SUFFIXED.fullmatch(tail[-2]) if len(tail) >= 2 else None
    if kk and tail[-1] in _BY_AFTER_KK:  # "14:00-ге дейін", "18-ден кейін"
        after = _BY_AFTER_KK[tail[-1]]
        return span(kk.group(1) if after else None, None if after else kk.group(1), 2)
    # a time of day in words, as the clinic gave it ("завтра после обеда", "9.12 утром", "in
    # the evening"): the hours of the same window a member picks ("12:00–16:00")
    for size in range(min(len(tail), 3), 0, -1):
        window = TIME_ALIASES.get(" ".join(word.strip(".!") for word in tail[-size:]))
        if window is not None and window != ANY_TIME:
            first, last = WINDOW_SPANS[window]
            return span(str(first), str(last), size)
    return None


async def request_for(
    session: AsyncSession,
    member_id: int,
    request_id: int | None,
    now: datetime,
    about: int | None = None,
) -> Request:
    """The request a visit (or a delivery) is booked on (an appointment, lab tests or medicines,
    KINDS): the one numbered (the member's), else the one the staff message replies about
    (`about`: a line of its card or history) when it is one, else the one asked for lately that
    is not withdrawn or refused.
    Raises `VisitError` when there is none, or several to choose from (named, for the number)."""
    if request_id is None and about is not None:
        replied = await session.get(Request, about)
        if replied is not None and replied.kind in KINDS and replied.member_id == member_id:
            request_id = about
    if request_id is not None:
        request = await session.get(Request, request_id)
        if request is None or request.member_id != member_id:
            raise VisitError("helpdesk-visit-not-theirs", number=f"R-{request_id:06d}")
        if request.kind not in KINDS:
            raise VisitError("helpdesk-visit-wrong-kind", number=request.number)
        if request.status in NOT_BOOKED:
            raise VisitError("helpdesk-visit-closed", number=request.number)
        return request
    found = await requests_repo.recent_of_kinds(session, member_id, KINDS, NOT_BOOKED, now - RECENT)
    if not found:
        raise VisitError("helpdesk-visit-none")
    if len(found) > 1:
        raise VisitError("helpdesk-visit-which", numbers=", ".join(r.number for r in found[:5]))
    return found[0]


def reminded(visit: Visit, today: date) -> bool:
    """Whether the member is reminded of `visit` the day before (`reminders.py`): not when it
    is today or tomorrow (`today`, the insurer's), where the booking's own message is the
    reminder."""
    return visit.day > today + timedelta(days=1)


async def book(
    session: AsyncSession,
    request: Request,
    visit: Visit,
    staff_id: int,
    now: datetime,
    today: date,
) -> None:
    """Keep the visit on `request` and tell the member (and refresh the staff card), in the
    caller's transaction; audited. Booked again, the new day and hour replace the old, and the
    member is told which they replace. `today`:
    the insurer's, whether the member is told of a reminder (`reminded`)."""
    assert request.id is not None
    booking = BOOKINGS[request.kind]
    # booked before: the member is told it moved, from when (`VisitBooked.was_day`)
    was_day = request.details.get(booking.day_field) if request.visit_on is not None else None
    was_at = request.details.get(booking.time_field) if was_day else None
    details = {
        k: v for k, v in request.details.items() if k not in (booking.time_field, NOTE_FIELD)
    }
    details[booking.day_field] = visit.day.isoformat()
    if visit.at is not None:
        details[booking.time_field] = visit.at
    if visit.said is not None:
        details[NOTE_FIELD] = visit.said
    request.details = details  # (a new dict: the JSON column sees the change)
    request.visit_on = visit.day
    request.updated_at = now
    request.first_staff_action_at = request.first_staff_action_at or now
    session.add(request)
    booked = f"{visit.day.isoformat()}:{visit.at or ''}"
    await outbox.enqueue(
        session,
        VisitBooked(remind=reminded(visit, today), was_day=was_day, was_at=was_at),
        dedup_key=f"visit:{request.id}:{booked}",
        member_id=request.member_id,
        request_id=request.id,
        now=now,
    )
    await outbox.enqueue(
        session,
        CardRefresh(),
        dedup_key=f"refresh:visit:{request.id}:{booked}:{now.timestamp()}",
        member_id=request.member_id,
        request_id=request.id,
        now=now,
    )
    await audit(session, staff_id, "visit_booked", now, request.number, {"visit": booked})
