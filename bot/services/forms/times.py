"""Days and times of day as members type them: the time windows, an hour said, a date with a
time of day ("завтра утром"), "as soon as possible"."""

from __future__ import annotations

import re
from bisect import bisect
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from bot.services.dates import ALTERNATIVES, SOFTENERS, read_date
from bot.services.forms.text import (
    _CLAUSE,
    _clause_of_words,
    _ends_strictly,
    _holds_at,
    _words,
    plain_phrase,
    turned_down_in,
    typed_phrase,
)

# The times of day a member may prefer (`time-window-<id>` labels: "Morning, 8:00–12:00"…) and
# the hour each ends, in the insurer's zone; "any" is any of them.
TIME_WINDOWS = ("morning", "afternoon", "evening", "any")
ANY_TIME = "any"
# each time window's first and last hour ("any": the whole day)
WINDOW_SPANS = {"morning": (8, 12), "afternoon": (12, 16), "evening": (16, 20), ANY_TIME: (0, 24)}
# the hour each window of the day ends ("any" is none of them)
WINDOW_ENDS = {window: end for window, (_, end) in WINDOW_SPANS.items() if window != ANY_TIME}


class DateRefusal(StrEnum):
    """Why a preferred date cannot be taken."""

    PAST = "past"
    TOO_FAR = "too_far"


def preferred_date_refusal(value: date, today: date, horizon_days: int = 365) -> DateRefusal | None:
    """A preferred date is today or later, within the horizon; else why not."""
    if value < today:
        return DateRefusal.PAST
    if (value - today).days > horizon_days:
        return DateRefusal.TOO_FAR
    return None


# what people write for a time of day beyond the buttons' own words (`match_choice` takes
# those: "утром", "morning", "кешке"), as `_words` leaves it: lower case, hyphens as spaces
TIME_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("с утра", "утра", "утречком", "до обеда", "вранці", "зранку", "до обіду", "таңертеңгі",
         "таңғы", "түске дейін", "before lunch", "in the morning", "am",
         # a blood test on an empty stomach is a morning's ("завтра натощак")
         "натощак", "натщесерце", "на голодный желудок", "на голодний шлунок", "fasting",
         "аш қарынға",
         # the first half of the day, or as early as can be
         "в первой половине дня", "первая половина дня", "первой половине дня",
         "у першій половині дня", "в першій половині дня", "першій половині дня",
         "перша половина дня", "first half of the day", "in the first half of the day",
         "пораньше", "as early as possible"),
        "morning",
    ),
    **dict.fromkeys(
        ("днем", "днём", "после обеда", "в обед", "обед", "вдень", "удень", "після обіду",
         "в обід", "обід", "түсте", "түстен кейін", "күндізгі", "түскі", "after lunch",
         "in the afternoon", "noon", "midday", "pm", "lunchtime", "at lunchtime", "at lunch",
         "around noon", "во второй половине дня", "вторая половина дня", "второй половине дня",
         "у другій половині дня", "в другій половині дня", "другій половині дня",
         "друга половина дня", "second half of the day", "in the second half of the day"),
        "afternoon",
    ),
    **dict.fromkeys(
        ("вечера", "вечерком", "ввечері", "увечері", "надвечір", "кешкі", "кешқұрым",
         "in the evening", "after work", "после работы", "після роботи", "жұмыстан кейін"),
        "evening",
    ),
    **dict.fromkeys(
        ("любое", "не важно", "неважно", "все равно", "всё равно", "когда угодно", "будь коли",
         "байдуже", "все одно", "неважливо", "кез келген", "маңызды емес", "бәрібір", "any",
         "anytime", "whenever", "no preference", "doesn t matter", "does not matter",
         "как получится", "как удобно", "как вам удобно", "як вийде", "як зручно",
         "як вам зручно", "whatever suits you", "whatever works",
         # now, or as soon as can be: the first time there is
         "сейчас", "прямо сейчас", "зараз", "прямо зараз", "now", "right now", "қазір",
         "дәл қазір", "asap", "as soon as possible", "как можно скорее", "как можно быстрее",
         "якнайшвидше", "якомога швидше", "срочно", "терміново", "шұғыл"),
        ANY_TIME,
    ),
}  # fmt: skip
# the time windows' own words in the four languages, for a time of day typed after a date
# ("завтра утром"), where no button's label is at hand to match
TIME_LABEL_WORDS: dict[str, str] = {
    **dict.fromkeys(("утро", "утром", "ранок", "morning", "таңертең"), "morning"),
    **dict.fromkeys(("afternoon", "күндіз"), "afternoon"),
    **dict.fromkeys(("вечер", "вечером", "вечір", "evening", "кеш", "кешке"), "evening"),
    **dict.fromkeys(
        ("любое время", "будь який час", "any time", "кез келген уақыт"), ANY_TIME
    ),
}  # fmt: skip
# what a time step takes typed: the words people use, and each window's own in any of the four
# languages ("утром" from a member the bot speaks English to)
TIME_ALIASES: dict[str, str] = {**TIME_LABEL_WORDS, **TIME_WORDS}
# an hour typed ("14:00", "в 10", "after 17.30"): the first in the text; with a dot, not when
# what follows it is a month and no minute a call or a visit is set at ("15.12" is the 15th of
# December, "15.30" half past three)
_HOUR = re.compile(
    r"(?<![\d.:/])([01]?\d|2[0-3])(?:(?::|\.(?!(?:0[1-46-9]|1[12])(?!\d)))([0-5]\d))?"
    r"(?![\d/]|\.\d)"
)


def window_named(text: str) -> str | None:
    """The one time of day a sentence names ("передзвоніть мені ввечері", "call me in the
    morning"); None when none or several do. In a sentence, the words of any time and the
    two-letter ones ("am", "pm") are not read for one, nor a time turned down ("перезвоните,
    только не утром": none; `window_refused`)."""
    asked, _ = _windows_told(text)
    return asked.pop() if len(asked) == 1 else None


# where a reason begins, after the time it gives ("після обіду, бо зранку працюю", "вечером,
# потому что днём на работе", "in the evening because I work days"): not read for a time
_BECAUSE = (
    ("потому", "что"), ("так", "как"), ("поскольку",), ("ибо",), ("бо",), ("тому", "що"),
    ("оскільки",), ("адже",), ("because",), ("since",), ("cause",), ("себебі",),
    ("өйткені",),
)  # fmt: skip


def _windows_told(text: str) -> tuple[set[str], set[str]]:
    """The times of day `text` asks for and those it turns down (`_NOT_BEFORE`, or one of
    `_NOT_AFTER` in the two words after it, in the same clause: "утром, не вечером" asks for the
    morning), before any reason it gives (`_BECAUSE`); "any time" is neither."""
    asked: set[str] = set()
    refused: set[str] = set()
    text = _before_reason(text)
    words, clause = _words(text), _clause_of_words(text)
    for alias, window in {**TIME_WORDS, **TIME_LABEL_WORDS}.items():
        if window == ANY_TIME or len(alias) <= 2:
            continue
        parts = alias.split()
        for at in _holds_at(words, parts, _ends_strictly):
            # "не могу утром", "can't come mornings", "утром не могу"
            down = turned_down_in(words, clause, at, at + len(parts))
            (refused if down else asked).add(window)
    return asked - refused, refused


def _before_reason(text: str) -> str:
    """`text` up to the reason it gives (`_BECAUSE`), as typed."""
    words = text.split()
    for at in range(len(words)):
        if any(tuple(_words(" ".join(words[at : at + len(cue)]))) == cue for cue in _BECAUSE):
            return " ".join(words[:at])
    return text


def window_refused(text: str) -> str | None:
    """The one time of day `text` turns down and no other it asks for ("только не утром",
    "утром не могу", "not in the morning"); None otherwise. Its words name that time: read as
    a pick, they would give the member the one time they cannot come or be called."""
    asked, refused = _windows_told(text)
    return refused.pop() if len(refused) == 1 and not asked else None


def window_in_sentence(text: str) -> str | None:
    """The one time of day a sentence asks for, an hour or in words, with a reason after it or
    a time turned down beside it ("ввечері, бо вдень працюю", "утром не могу, лучше вечером",
    "мне было бы удобнее всего вечером"), or the first of times offered as alternatives ("утром
    или днём", `windows_offered`); None when it asks for none or several."""
    return window_of_hour(text) or window_named(text) or windows_offered(text)


def windows_offered(text: str) -> str | None:
    """The first of times of day offered as alternatives, each part naming one ("утром или
    днём", "зранку або ввечері", "morning or afternoon"): either will do, the first said is
    taken (its words kept beside it, `hour_said`); None when a part names none."""
    parts = ALTERNATIVES.split(text.strip(" .!?"))  # (as days are offered)
    if len(parts) < 2:
        return None
    named = [TIME_ALIASES.get(typed_phrase(part)) or window_of_hour(part) for part in parts]
    if any(window is None or window == ANY_TIME for window in named):
        return None
    return named[0]


# the most words a day is written in ("next Tuesday", "в следующий понедельник утром")
DAY_WORDS = 4


def day_named(text: str, today: date, *, future: bool = True) -> str | None:
    """The words of a message that name a day, ahead (a visit) or, not `future`, gone (a
    service to claim), as typed ("next Tuesday", "завтра утром", "15 декабря", "вчера"): the
    longest such run; None when none does. A number alone names no day ("3 анализа"). A day
    turned down is none ("только не в пятницу", "завтра не могу, можно в среду?": Wednesday;
    `day_refused`)."""
    asked, _ = days_told(text, today, future=future)
    return asked


def day_refused(text: str, today: date, *, future: bool = True) -> str | None:
    """The words of a day a message turns down ("только не в пятницу", "завтра не могу", "not
    tomorrow"), as typed, when it asks for no other day; else None."""
    asked, refused = days_told(text, today, future=future)
    return refused if asked is None else None


def days_told(text: str, today: date, *, future: bool = True) -> tuple[str | None, str | None]:
    """The longest run of words naming a day that `text` asks for, and the longest it turns
    down (with "не", "not" in the two words before it, or one of `_NOT_AFTER` in the two after
    it, in its clause: as a time of day is turned down, `_windows_told`)."""
    found = [
        (m.group().strip(".!?"), m.start()) for m in re.finditer(r"\S+", text.replace(",", " "))
    ]
    tokens = [token for token, _ in found]
    bounds = [m.start() for m in _CLAUSE.finditer(text)]
    clause = [bisect(bounds, at) for _, at in found]  # which clause each word is in
    best: dict[bool, tuple[int, str]] = {}  # turned down or not: (its words, the span)
    refused: set[int] = set()  # the words of a day turned down: no shorter day in them
    for size in range(min(DAY_WORDS, len(tokens)), 0, -1):
        for at in range(len(tokens) - size + 1):
            span = " ".join(tokens[at : at + size])
            if (
                refused.intersection(range(at, at + size))
                # (no word of how sure in it: "не в понедельник, лучше во вторник" turns down
                # "в понедельник", not "в понедельник лучше во", and asks "во вторник")
                or SOFTENERS.intersection(token.casefold() for token in tokens[at : at + size])
                or not any(ch.isalpha() for ch in span)
                or _an_hour_at(tokens, at, span, today, future)
                or not read_date_and_time(span, today, future=future)[0]
            ):
                continue
            down = turned_down_in(tokens, clause, at, at + size)
            if down:
                refused.update(range(at, at + size))
            if size > best.get(down, (0, ""))[0]:
                best[down] = (size, span)
    return best.get(False, (0, None))[1], best.get(True, (0, None))[1]


def _an_hour_at(tokens: list[str], at: int, span: str, today: date, future: bool) -> bool:
    """Whether the words from `at` begin with an hour, not a day: a bare number after a word
    of an hour ("с 14 до 16", "в 9 утра", "між 10 та 12"), where the words read as a day only
    with a time of day read from them ("14" and "до 16")."""
    return (
        at > 0
        and tokens[at].isdecimal()
        and tokens[at - 1].casefold() in _HOUR_WORDS
        and read_date(span, today, future=future) is None
    )


# "as soon as possible", as people say it when a day to come is asked, in the four languages;
# and "any day" ("в любой день", "неважно"), for which the earliest day is as good
SOONEST = frozenset(
    {"как можно скорее", "как можно раньше", "как можно быстрее", "как можно скорей",
     "поскорее", "побыстрее", "скорее", "чем раньше тем лучше", "чем скорее тем лучше",
     "в ближайшее время", "ближайший день", "ближайшая дата", "в ближайший день", "срочно",
     "в ближайшие дни", "ближайшие дни", "у найближчі дні", "найближчими днями",
     "найближчі дні", "in the next few days", "in the coming days", "the next few days",
     "жақын күндері",
     "якнайшвидше", "якнайшвидш", "якомога швидше", "якомога раніше", "якнайраніше",
     "якнайскоріше", "як можна швидше", "як можна скоріше", "як можна раніше",
     "найближчим часом", "найближчий день", "чим раніше тим краще",
     "терміново", "asap", "as soon as possible", "the sooner the better", "earliest",
     "the earliest", "earliest possible", "the earliest possible", "soonest", "urgent",
     "urgently", "жақын арада", "тезірек", "мүмкіндігінше тез", "барынша тез", "шұғыл",
     "ең жақын күн",
     "в любой день", "любой день", "любой", "любая дата", "неважно", "не важно", "без разницы",
     "все равно", "всё равно", "в будь який день", "будь який день", "будь який", "неважливо",
     "байдуже", "any day", "any", "whenever", "any date", "it doesn t matter", "doesn t matter",
     "кез келген күн", "кез келген", "маңызды емес"}
)  # fmt: skip


def names_soonest(typed: str) -> bool:
    """Whether an answer to "which day would suit you?" is "as soon as possible" ("как можно
    скорее", "якнайшвидше", "asap", "жақын арада") or "any day" ("в любой день"), with
    "please" or not: the earliest day."""
    # (as typed too: "будь-який день" is no "please" and "який день")
    return plain_phrase(typed) in SOONEST or typed_phrase(typed) in SOONEST


# an hour typed as the time before which ("до 12", "before 16:00", "12-ге дейін"): the window
# is the one that ends there, not the one that starts there
_BEFORE_WORDS = frozenset({"до", "к", "before", "until", "till", "by"})
_BEFORE_AFTER = "дейін"  # Kazakh: after the hour ("12-ге дейін")
# a time of day typed with an hour is kept as written (`hour_said`) when it is this short: what
# the member said beside the window it falls in ("после 17", "в 10:30"), read by staff
SAID_MAX = 32


def window_of_hour(typed: str) -> str | None:
    """The time window an hour typed falls in ("14:00" is the afternoon's, "в 9" the
    morning's, "до 12" the morning's: the hour it ends by); None when the text names no hour
    of a window (8:00 to 20:00)."""
    match = _HOUR.search(typed)
    if match is None:
        return None
    hour = int(match.group(1))
    words_before = typed[: match.start()].casefold().split()
    words_after = typed[match.end() :].casefold().split()
    # "12-ге дейін": the case ending written on the hour comes first
    before = (bool(words_before) and words_before[-1] in _BEFORE_WORDS) or _BEFORE_AFTER in (
        words_after[:2]
    )
    if before and not int(match.group(2) or 0):  # "до 12" ends the morning; "до 12:30" not
        hour -= 1
    return next(
        (w for w, (start, end) in WINDOW_SPANS.items() if w != ANY_TIME and start <= hour < end),
        None,
    )


def hour_outside(typed: str) -> bool:
    """Whether `typed` names an hour no time window holds ("в 21:00", "в 7"): visits and
    calls are between the first window's start and the last one's end."""
    return _HOUR.search(typed) is not None and window_of_hour(typed) is None


# the hours the time windows span, first and last: what a time typed outside them is told
WINDOWS_OPEN = min(start for w, (start, _) in WINDOW_SPANS.items() if w != ANY_TIME)
WINDOWS_CLOSE = max(WINDOW_ENDS.values())


# at most this many words of a time of day after or before a date: "после обеда", "в 10:30",
# "in the second half of the day"
TIME_TAIL_WORDS = 6


def split_time_of_day(text: str) -> list[tuple[str, str]]:
    """A date and a time of day typed together ("завтра утром", "в пятницу после обеда",
    "15-го в 10", "morning, next Monday"): each way to read a time of day at either end of it,
    as the date's text and the time window, the shortest time first (the caller takes the
    first whose date reads); none when no time of day stands at either end."""
    return [(split.date_text, split.window) for split in _time_splits(text)]


class _TimeSplit(NamedTuple):
    date_text: str
    window: str
    said: str | None  # the time as typed, when it names an hour (`hour_said`)


def _time_splits(text: str) -> list[_TimeSplit]:
    tokens = text.replace(",", " ").split()
    found: list[_TimeSplit] = []
    for count in range(1, TIME_TAIL_WORDS + 1):
        if len(tokens) <= count:
            break
        for time_part, date_part in ((tokens[-count:], tokens[:-count]),
                                     (tokens[:count], tokens[count:])):  # fmt: skip
            typed = " ".join(time_part)
            phrase = typed_phrase(typed)
            window = TIME_WORDS.get(phrase) or TIME_LABEL_WORDS.get(phrase)
            said = None
            if window is None and any(ch.isdigit() for ch in typed) and len(time_part) <= 2:
                window = window_of_hour(typed)
                said = hour_said(typed)
            if window is not None:
                found.append(_TimeSplit(" ".join(date_part), window, said))
    return found


# the words before an hour in a sentence that make it one ("после 18", "о 10:00", "from 9 to
# 11"): a number without one is a day, a count or an amount ("15 декабря", "2 анализа")
_HOUR_WORDS = _BEFORE_WORDS | frozenset(
    {"в", "во", "о", "об", "после", "після", "с", "з", "from", "after", "at", "to", "сағат",
     "кейін", "между", "між", "between"}
)  # fmt: skip
# (minutes after a colon only: "в 12.11" in a sentence is a day more often than a time)
_AN_HOUR = re.compile(r"([01]?\d|2[0-3])(?::[0-5]\d)?")
_A_CLOCK_TIME = re.compile(r"([01]?\d|2[0-3]):[0-5]\d")


def hour_in_sentence(text: str) -> tuple[str, str] | None:
    """The time of day a sentence names by an hour ("перезвоните после 18 по поводу записи",
    "call me at 17:30"): its window and the words, as typed ("после 18"); None when it names
    no hour of a window. An hour counts with a word before it ("после", "о", "from") or written
    with its minutes ("17:30"); a run of them is kept whole ("с 9 до 11")."""
    tokens = text.replace(",", " ").split()
    for at, token in enumerate(tokens):
        word = token.strip(".!?;")
        if _A_CLOCK_TIME.fullmatch(word):
            start = at - 1 if at and tokens[at - 1].casefold() in _HOUR_WORDS else at
        elif _AN_HOUR.fullmatch(word) and at and tokens[at - 1].casefold() in _HOUR_WORDS:
            start = at - 1
        else:
            continue
        end = at + 1
        while (  # "с 9 до 11": the hour it runs to, too
            end + 1 < len(tokens)
            and tokens[end].casefold() in _HOUR_WORDS
            and _AN_HOUR.fullmatch(tokens[end + 1].strip(".!?;"))
        ):
            end += 2
        said = " ".join(tokens[start:end]).strip(".!?;")
        window = window_of_hour(said)
        if window is not None and len(said) <= SAID_MAX:
            return window, said
    return None


def hour_said(typed: str) -> str | None:
    """A time of day typed with an hour ("после 17", "в 10:30", "before 12"), or as times
    offered as alternatives ("утром или днём", `windows_offered`), as written, to be kept
    beside the window it falls in: it says more than the window. None when it names no hour
    of a window, or is longer than `SAID_MAX` (a sentence, not a time)."""
    said = " ".join(typed.split())
    if (window_of_hour(said) is None and windows_offered(said) is None) or len(said) > SAID_MAX:
        return None
    return said


def windows_left(day: date, local_now: datetime) -> list[str]:
    """The time windows that can still be kept on `day`, `local_now` being the time in the
    insurer's zone: every one on a later day; today, those not over yet, and "any" while one
    is (none after the evening's end)."""
    if day > local_now.date():
        return list(TIME_WINDOWS)
    if day < local_now.date():
        return []
    left = [w for w, end in WINDOW_ENDS.items() if local_now.hour < end]
    return [*left, ANY_TIME] if left else []


def read_date_and_time(
    text: str, today: date, *, future: bool = False
) -> tuple[date | None, str | None]:
    """A date typed alone (`dates.read_date`), or with a time of day at either end ("завтра
    утром", "вчера вечером"): the date and that time window, the window None when none was
    typed; (None, None) when no date is read."""
    typed = read_date_time_said(text, today, future=future)
    return typed.value, typed.window


class DateTyped(NamedTuple):
    """A date typed, with the time of day typed with it (`read_date_time_said`)."""

    value: date | None
    window: str | None
    said: str | None  # the time as typed when it names an hour ("после 17"): `hour_said`


def read_date_time_said(text: str, today: date, *, future: bool = False) -> DateTyped:
    """`read_date_and_time`, with the time of day as typed when it names an hour ("в среду
    после 17": the evening, and "после 17")."""
    value = read_date(text, today, future=future)
    if value is not None:
        return DateTyped(value, None, None)
    for split in _time_splits(text):
        value = read_date(split.date_text, today, future=future)
        if value is not None:
            return DateTyped(value, split.window, split.said)
    return DateTyped(None, None, None)
