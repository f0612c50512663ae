"""Dates as people type them, members and staff alike (`read_date`: `05.03.1984`, `1984-03-05`,
`5.3.84`, `05.03`, `5 March 1984`, `6 июня 1982`, `5 березня`, `1982 ж. 6 маусым`, `завтра`);
a registry file's are read by `bot/services/registry/rows.py:parse_date`, ISO only."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from babel.dates import get_month_names

from bot.services.numbers import NUMBER_WORDS

# the word before a date that says nothing more, when a month follows ("в 15.12", "в 15
# декабря", "on 15 December"); before a number alone it is an hour's ("в 15")
ON_DATE = frozenset({"в", "во", "у", "on"})
# what makes a number a day of the month: "10th", "15-го", "на 15-е"
ORDINALS = frozenset({"st", "nd", "rd", "th", "го", "е"})
# the languages whose month names a member may type, whatever the bot speaks to them
MONTH_LOCALES = ("en", "uk", "ru", "kk")
# words around a typed date that say nothing more: "1984 г.", "1984 року", "1982 жылғы", "5th"
FILLER = frozenset(
    {"г", "гг", "год", "года", "году", "р", "рік", "року", "ж", "жыл", "жылы", "жылғы"}
    | {"st", "nd", "rd", "th", "of", "the", "е", "го", "сы", "сі", "шы", "ші"}
    | {"на", "числа", "число"}  # "на 15-е число": a day of the month
    # "дата рождения 05.03.1984", "my date of birth is 5 March 1984", "туған күні …"
    | {"дата", "рождения", "народження", "моя", "мій", "my", "date", "birth", "is", "born",
       "dob", "туған", "күні", "менің"}
)  # fmt: skip
# days named by a word, from today, in the four languages ("the day after tomorrow" without
# "the", a filler word)
RELATIVE_DAYS: dict[str, int] = {
    **dict.fromkeys(("today", "сьогодні", "сегодня", "бүгін", "бүгінге"), 0),
    **dict.fromkeys(("tomorrow", "завтра", "ертең", "ертеңге"), 1),
    **dict.fromkeys(("day after tomorrow", "післязавтра", "послезавтра", "бүрсігүні",
                     "бүрсігүнге"), 2),
    **dict.fromkeys(("yesterday", "вчора", "учора", "вчера", "кеше"), -1),
    # "за вчерашний прием", "за вчорашній візит", "кешегі қабылдау": yesterday's
    **dict.fromkeys(("вчерашний", "вчерашнего", "вчерашнем", "вчерашнюю", "вчерашняя",
                     "вчерашние", "вчерашних", "вчорашній", "вчорашнього", "вчорашньому",
                     "вчорашню", "вчорашні", "вчорашніх", "учорашній", "кешегі",
                     "yesterday s"), -1),  # (yesterday's: split at its apostrophe)
    **dict.fromkeys(("day before yesterday", "позавчора", "позавчера", "алдыңғы күні"), -2),
}  # fmt: skip
# days of the week as people write them (Monday is 0), the Russian and Ukrainian "в среду" /
# "у середу" forms too, the Ukrainian "наступного понеділка" (of a day: its genitive) and the
# Kazakh "келесі дүйсенбіде" (on a day); "в понедельник" is the next one when a date to come is
# asked, the last one when a past date is
WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(("monday", "mon", "понедельник", "понедельника", "понеділок", "понеділка",
                     "дүйсенбі", "дүйсенбіде", "дүйсенбіге", "пн", "дс"), 0),
    **dict.fromkeys(("tuesday", "tue", "вторник", "вторника", "вівторок", "вівторка",
                     "сейсенбі", "сейсенбіде", "сейсенбіге", "вт", "сс"), 1),
    **dict.fromkeys(("wednesday", "wed", "среда", "среду", "среды", "середа", "середу", "середи",
                     "сәрсенбі", "сәрсенбіде", "сәрсенбіге", "ср"), 2),
    **dict.fromkeys(("thursday", "thu", "четверг", "четвер", "четверга", "бейсенбі",
                     "бейсенбіде", "бейсенбіге", "чт", "бс"), 3),
    **dict.fromkeys(
        ("friday", "fri", "пятница", "пятницу", "пятницы", "п'ятниця", "п'ятницю", "п'ятниці",
         "пʼятниця",
         "пʼятницю", "пʼятниці", "жұма", "жұмада", "жұмаға", "пт", "жм"),
        4,
    ),
    **dict.fromkeys(("saturday", "sat", "суббота", "субботу", "субботы", "субота", "суботу",
                     "суботи", "сенбі", "сенбіде", "сенбіге", "сб"), 5),
    **dict.fromkeys(("sunday", "sun", "воскресенье", "воскресенья", "неділя", "неділю", "неділі",
                     "жексенбі", "жексенбіде", "жексенбіге", "вс", "нд", "жс"), 6),
}  # fmt: skip
# a span of days from today: "через 3 дня", "in a week", "2 күннен кейін"; "3 дня назад",
# "тиждень тому", "a week ago", "апта бұрын"
AFTER = frozenset({"через", "in", "кейін"})
BEFORE = frozenset({"назад", "тому", "ago", "бұрын"})
DAY_WORDS = frozenset({"день", "дня", "дней", "дні", "днів", "day", "days", "күн", "күннен"})
WEEK_WORDS = frozenset({"неделю", "недели", "недель", "неделя", "тиждень", "тижні", "тижнів",
                        "week", "weeks", "апта", "аптадан"})  # fmt: skip
ONE_WORDS = frozenset({"неделю", "неделя", "тиждень", "week", "day", "день", "апта", "аптадан"})
COUNT_WORDS: dict[str, int] = {
    **{word: value for word, value in NUMBER_WORDS.items() if isinstance(value, int)},
    "a": 1,  # "a week ago"
}
# a day of the week with one of these is the next such day (`NEXT_WORDS`: "next Monday",
# "в следующую среду", even where a day gone is asked, which the step then turns down) or the
# last one before today (`LAST_WORDS`: "last Thursday", "в прошлую пятницу", "минулого
# четверга", "өткен жұмада"); without either, the side the step asks for
LAST_WORDS = frozenset({"last", "past", "previous", "прошлый", "прошлую", "прошлое", "прошлой",
                        "прошлого", "минулий", "минулу", "минулого", "минулої", "минулій",
                        "попередній", "попередню", "попереднього", "попередньої",
                        "өткен"})  # fmt: skip
NEXT_WORDS = frozenset({"next", "coming", "наступний", "наступного", "наступну", "наступної",
                        "следующий", "следующую", "следующее", "следующей", "следующего",
                        "ближайший", "ближайшую", "ближайшее", "найближчий", "найближчу",
                        "найближчого", "келесі"})  # fmt: skip
# the words before a day of the week that say nothing more: "в понедельник", "next Monday"
WEEKDAY_FILLER = frozenset({"в", "во", "у", "на", "on", "this", "цей", "цю", "ця", "цього", "цієї",
                            "этот", "эту", "это", "осы", "күні", *NEXT_WORDS,
                            *LAST_WORDS})  # fmt: skip
# a date without its year this close on the side not asked for is that day (`_no_year`)
OTHER_SIDE_DAYS = 14
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
# two days of a month joined by a dash ("15-16 декабря", "15–16.12"): a span of days, not a
# day and a two-digit year
_DAYS_SPAN = re.compile(r"(?<![\d./-])(\d{1,2})\s*[-–—]\s*(\d{1,2})(?:\.\d{1,2})?(?![\d./-])")


def names_span(text: str) -> bool:
    """Whether a typed date names two days of a month joined by a dash ("15-16 декабря",
    "15–16.12"): several days, which `read_date` does not take for one."""
    found = _DAYS_SPAN.search(text)
    return found is not None and int(found.group(1)) != int(found.group(2)) <= 31


# a span of days as staff type it: "20.11-30.11", "с 1 по 15 ноября", "1 ноября - 15 ноября",
# "from 1 to 15 November", "вчера-сегодня"
_DAYS_FROM_TO = re.compile(
    r"^\s*(?:с|з|from|from the)?\s*(?P<first>.+?)\s*"
    r"(?:-|–|—|\.\.|\bпо\b|\bдо\b|\bto\b|\btill\b|\buntil\b|\bдейін\b)\s*(?P<last>.+?)\s*$",
    re.IGNORECASE,
)


def read_days(text: str, today: date) -> tuple[date, date] | None:
    """The first and last day of a span as staff type it, each day read by `read_date` (one
    without its year the last such day: days gone): one day ("вчера", "30.11"), two apart
    ("2026-11-01 2026-11-30"), or joined ("20.11-30.11", "с 1 по 15 ноября": the first day's
    month is the last's); None when it is not that."""
    days = [read_date(word, today) for word in text.split()]
    if len(days) in (1, 2) and days[0] is not None and days[-1] is not None:
        return days[0], days[-1]
    whole = read_date(text, today)
    if whole is not None:
        return whole, whole
    joined = _DAYS_FROM_TO.match(text)
    if joined is None:
        return _named_days(text, today)
    last = read_date(joined["last"], today)
    first = _first_of_two(joined["first"], joined["last"], today, future=False)
    return (first, last) if first is not None and last is not None else None


def _first_of_two(
    first_text: str, last_text: str, today: date, *, future: bool = True
) -> date | None:
    """The first day of a span written as two ("с 1 по 15 ноября", "10 по 12 декабря"): a day
    of the month alone is the last day's month's ("1-15 ноября": the 1st of November); None
    when either is not a day."""
    last = read_date(last_text, today, future=future)
    if last is None:
        return None
    if first_text.strip().isdecimal():
        return _real(last.year, last.month, int(first_text))
    return read_date(first_text, today, future=future)


# a span of days gone named in words, as staff ask for a report: "за ноябрь", "last week",
# "этот месяц", "за неделю", "последние 30 дней" (`_named_days`)
_FOR = frozenset({"за", "for", "over", "the"})
THIS_MONTH = frozenset(
    {"этот месяц", "в этом месяце", "этом месяце", "этого месяца", "цей місяць", "цього місяця",
     "у цьому місяці", "this month", "осы ай", "осы айда"}
)  # fmt: skip
_DAYS_BACK = re.compile(
    r"^(?:последние|последних|останні|останніх|last|past|соңғы)?\s*(?P<count>\d{1,3})?\s*"
    r"(?P<unit>дней|дня|день|днів|дні|days?|күн|недел[юяи]|тиждень|тижні|тижнів|weeks?|апта)$"
)


def _named_days(text: str, today: date) -> tuple[date, date] | None:
    """A span of days gone named in words (`read_days`): a month ("ноябрь", "за листопад": the
    last one, up to today), this or last week or month, or the last days or weeks ("за неделю",
    "last 30 days"); None for anything else."""
    words = _TOKEN.findall(text.casefold())
    while words and words[0] in _FOR:
        words = words[1:]
    phrase = " ".join(words)
    monday = today - timedelta(days=today.weekday())
    if phrase in THIS_WEEK:
        return monday, today
    if phrase in LAST_WEEK:
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if phrase in THIS_MONTH:
        return today.replace(day=1), today
    if (back := _DAYS_BACK.match(phrase)) is not None:
        count = int(back["count"] or 1)
        weeks = not back["unit"].startswith(("д", "day", "күн"))
        days = count * 7 if weeks else count
        return (today - timedelta(days=days - 1), today) if 0 < days <= 3660 else None
    first = month_of_days(phrase, today, future=False)
    if first is None:
        return None
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first, min(last, today)


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@cache
def month_names() -> dict[str, int]:
    """Every way the four languages name a month (January, января, січень, маусым, Jan, янв,
    черв, мау), casefolded and without a final dot, to its number (Babel's locale data)."""
    names: dict[str, int] = {}
    for locale in MONTH_LOCALES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale).items():
                    names[name.casefold().rstrip(".")] = number
    return names


def _year(digits: str, month: int, day: int, today: date, future: bool) -> int | None:
    """A typed year; two digits are this century's (`27` is 2027 for an appointment, a date
    ahead), or for a date before today the last century's when this one's is still ahead
    (`84` is 1984 for a date of birth, `20` is 2020)."""
    if len(digits) == 4:
        return int(digits)
    if len(digits) != 2:
        return None
    this_century = 2000 + int(digits)
    if future:
        return this_century
    typed = _real(this_century, month, day)
    return this_century if typed is None or typed <= today else this_century - 100


def _no_year(month: int, day: int, today: date, future: bool) -> date | None:
    """A day and month without a year: the nearest such day on the side asked for (ahead, or
    before), unless the other side's is within `OTHER_SIDE_DAYS` and this one's further: "21
    November" typed for an appointment on the 22nd is yesterday's (refused as past), not next
    year's; "5 January" is next year's."""
    days = [d for y in range(today.year - 4, today.year + 5) if (d := _real(y, month, day))]
    if not days:
        return None
    ahead = min(d for d in days if d >= today)
    before = max(d for d in days if d <= today)
    asked, other = (ahead, before) if future else (before, ahead)
    if abs((other - today).days) <= OTHER_SIDE_DAYS < abs((asked - today).days):
        return other
    return asked


def read_date(
    text: str, today: date, *, future: bool = False, year_required: bool = False
) -> date | None:
    """A date a person typed: day first (`05.03.1984`, `5/3/84`, `05031984`), ISO, or with
    the month's name in any of the four languages in either order (`5 March 1984`, `March 5`,
    `1982 жылғы 6 маусым`), or a word for a day near today (`tomorrow`, `вчера`, `ертең`),
    a day of the week (`в пт`), a span of days (`через неделю`, `3 дня назад`) or a day of the
    month alone (`15`, `на 15-е`: this month's or the next's, or the last one's). A
    two-digit year or no year is read as the date nearest today on
    the side it is asked for (`future`: today or later, else today or before). None when it
    is not a real date, or has no year and `year_required` (a date of birth), or names two days
    ("15-16 декабря", `names_span`)."""
    if names_span(text):  # "15-16 декабря": two days (not the 15th of December 2016)
        return None
    text = _SOFTENERS.sub(" ", text)  # "всё-таки в пятницу", "лучше 8 декабря"
    tokens = [t.casefold() for t in _TOKEN.findall(text)]
    words = [t for t in tokens if not t.isdecimal() and t not in FILLER]
    numbers = [t for t in tokens if t.isdecimal()]
    if (
        tokens[:1]
        and tokens[0] in ON_DATE
        and (len(numbers) > 1 or len(words) > 1 or not ORDINALS.isdisjoint(tokens))
    ):  # "в 15.12", "в 15 декабря", "on the 10th"; not "в 15", an hour as often
        words.remove(tokens[0])
    said = [t for t in tokens if not t.isdecimal()]  # "алдыңғы күні": its "күні" is no filler
    if not numbers and (
        (offset := RELATIVE_DAYS.get(" ".join(said))) is not None
        or (offset := RELATIVE_DAYS.get(" ".join(words))) is not None
    ):
        return None if year_required else today + timedelta(days=offset)
    if not year_required and (offset := _span(tokens)) is not None:
        return today + timedelta(days=offset)
    if not numbers and not year_required and (in_week := _day_in_week(text, today)) is not None:
        return in_week
    if not numbers and not year_required and (named := _weekday(text)) is not None:
        # the next such day (a week on, when it is today's), or the last one before today
        if not LAST_WORDS.isdisjoint(tokens):
            future = False
        elif not NEXT_WORDS.isdisjoint(tokens):
            future = True
        if future:
            return today + timedelta(days=(named - today.weekday() - 1) % 7 + 1)
        return today - timedelta(days=(today.weekday() - named - 1) % 7 + 1)
    if len(words) > 1 or not numbers:
        return None
    if words:  # the month by its name
        month = month_names().get(words[0])
        if month is None or len(numbers) > 2:
            return None
        days = [n for n in numbers if len(n) <= 2]
        years = [n for n in numbers if len(n) == 4]
        if len(numbers) == 2 and not (len(days) == 1 and len(years) == 1):
            days, years = numbers[:1], numbers[1:]  # "5 March 84": the day comes first
        if len(days) != 1 or len(days[0]) > 2:
            return None
        year = years[0] if years else None
        return _dated(int(days[0]), month, year, today, future, year_required)
    if len(numbers) == 1 and len(numbers[0]) <= 2:  # "15", "15-го": a day of the month
        return None if year_required else _day_of_month(int(numbers[0]), today, future)
    if len(numbers) == 1:  # digits only: ddmmyyyy (six digits may as well be an ID's)
        run = numbers[0]
        if len(run) != 8:
            return None
        numbers = [run[:2], run[2:4], run[4:]]
    if len(numbers) == 3 and len(numbers[0]) == 4:  # ISO: year, month, day
        numbers = [numbers[2], numbers[1], numbers[0]]
    if len(numbers) not in (2, 3) or any(len(n) > 2 for n in numbers[:2]):
        return None
    year = numbers[2] if len(numbers) == 3 else None
    return _dated(int(numbers[0]), int(numbers[1]), year, today, future, year_required)


# the words around a day that say how sure or how willing, not which day: "всё-таки в пятницу",
# "лучше 8 декабря", "давайте тогда в среду", "maybe Friday"
SOFTENERS = frozenset(
    {"всё-таки", "все-таки", "лучше", "краще", "давайте", "давай", "тогда", "тоді", "мабуть",
     "наверное", "пожалуй", "then", "rather", "maybe", "perhaps", "если можно", "если возможно",
     "якщо можна", "якщо можливо", "if possible", "if you can", "пожалуйста", "будь ласка",
     "please", "мүмкін болса", "any day", "в любой день", "любой день", "у будь-який день",
     "будь-який день", "будь-якого дня"}
)  # fmt: skip
_SOFTENERS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(word).replace(r"\-", r"[\s-]+")
        for word in sorted(SOFTENERS, key=len, reverse=True)  # "в любой день" before "любой день"
    )
    + r")(?!\w)",
    re.IGNORECASE,
)


def _span(tokens: list[str]) -> int | None:
    """Days from today a span names ("через 2 недели": 14, "3 дня назад": -3), or None."""
    marks = [t for t in tokens if t in AFTER or t in BEFORE]
    rest = [t for t in tokens if t not in AFTER and t not in BEFORE]
    if len(marks) != 1 or not 1 <= len(rest) <= 2:
        return None
    size = 1 if rest[-1] in DAY_WORDS else 7 if rest[-1] in WEEK_WORDS else None
    if size is None:
        return None
    count: int | None = 1 if rest[-1] in ONE_WORDS else None  # "через неделю", not "in days"
    if len(rest) == 2:
        typed = rest[0]
        count = int(typed) if typed.isdecimal() and len(typed) <= 3 else COUNT_WORDS.get(typed)
    if not count:
        return None
    return count * size * (1 if marks[0] in AFTER else -1)


def _day_of_month(day: int, today: date, future: bool) -> date | None:
    """A day of the month alone: this month's, or the next month's that has it (`future`), or
    the last one's before today."""
    step = 1 if future else -1
    for months in range(0, 3 * step, step):
        year, month = divmod(today.month - 1 + months, 12)
        found = _real(today.year + year, month + 1, day)
        if found is not None and (found >= today if future else found <= today):
            return found
    return None


def _day_in_week(text: str, today: date) -> date | None:
    """A day of the week in the week named with it ("в среду на следующей неделе", "next week
    on Monday", "у вівторок минулого тижня", "келесі аптада сәрсенбі"): that week's day (weeks
    begin on Monday); None when `text` is not one such day and one such week."""
    folded = text.casefold()
    for weeks, named_week in _WEEKS_NAMED:
        found = named_week.search(folded)
        if found is None:
            continue
        rest = re.sub(r"[,;:!?]", " ", folded[: found.start()] + " " + folded[found.end() :])
        named = _weekday(rest) if rest.split() else None
        if named is not None:
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)
            return monday + timedelta(days=named)
    return None


def _week_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """Any of `names` as whole words ("next week", never inside "next weekend"), the longest
    first: "на эту неделю" whole, not "эту неделю" with its "на" left over."""
    ordered = sorted(names, key=len, reverse=True)
    either = "|".join(r"\s+".join(map(re.escape, name.split())) for name in ordered)
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)")


def _weekday(text: str) -> int | None:
    """The day of the week `text` names ("в понедельник", "у п'ятницю", "next Monday")."""
    words = [w for w in text.casefold().replace(".", " ").split() if w not in WEEKDAY_FILLER]
    return WEEKDAYS.get(words[0]) if len(words) == 1 else None


def _dated(
    day: int, month: int, year: str | None, today: date, future: bool, year_required: bool
) -> date | None:
    if year is None:
        return None if year_required else _no_year(month, day, today, future)
    full = _year(year, month, day, today, future)
    return None if full is None else _real(full, month, day)


def parse_birth_date(text: str, today: date) -> date | None:
    """A plausible date of birth, as a person types it: a real date with its year, not in the
    future, not before 1900. Six digits alone are day, month and year ("050384", as forms
    are filled in), where a date ahead would take them for an ID's."""
    bare = text.strip()
    if len(bare) == 6 and bare.isdecimal():
        text = f"{bare[:2]}.{bare[2:4]}.{bare[4:]}"
    value = read_date(text, today, year_required=True)
    if value is None or value > today or value.year < 1900:
        return None
    return value


# a few days named together, as a day to come is asked ("в выходные", "на следующей неделе",
# "после 25-го", "в начале декабря"): their first day is taken, and the member told which
WEEKEND = frozenset(
    {"в выходные", "на выходных", "выходные", "на выходные", "в субботу или воскресенье",
     "у вихідні", "на вихідних", "вихідні", "на вихідні", "at the weekend", "on the weekend",
     "this weekend", "weekend", "the weekend", "демалыс күндері", "демалыста", "сенбі жексенбі"}
)  # fmt: skip
NEXT_WEEK = frozenset(
    {"на следующей неделе", "следующая неделя", "на след неделе", "следующей недели",
     "наступного тижня",
     "наступний тиждень", "на наступному тижні", "next week", "келесі аптада", "келесі апта"}
)  # fmt: skip
THIS_WEEK = frozenset(
    {"на этой неделе", "эта неделя", "эту неделю", "на эту неделю", "этой недели", "цього тижня",
     "на цьому тижні", "цей тиждень", "на цей тиждень", "this week", "осы аптада", "осы апта"}
)  # fmt: skip
_FROM_DAY = re.compile(
    r"^(?P<word>после|с|со|від|з|після|from|after|since)\s+(?:the\s+)?(?P<day>\d{1,2})"
    r"(?:\s*-?\s*(?:го|е|ого|th|st|nd|rd))?(?:\s+(?:числа|число))?$"
)
# the first day that will do, named: "после 10 декабря" (the day after it), "не раньше 10
# декабря", "начиная с пятницы", "from Monday", "с 10 по 12 декабря" (that day itself)
_AFTER_DAY = re.compile(
    r"^\s*(?P<word>после|після|after|не\s+раньше|не\s+раніше|not\s+before|no\s+earlier\s+than|"
    r"начиная\s+с|начиная\s+со|починаючи\s+з|починаючи\s+від|starting(?:\s+from|\s+on)?|"
    r"from|с|со|з|від)\s+(?P<day>.+?)\s*$",
    re.IGNORECASE,
)
_DAY_AFTER_WORDS = ("после", "після", "after")
# the last day of a span so named ("с 10 по 12 декабря", "from Monday to Wednesday")
_TILL = re.compile(r"\s+(?:по|до|to|till|until|through|and|и|і)\s+.+$", re.IGNORECASE)
# the month a part of is named without its name ("в конце месяца": this one)
_MONTH = frozenset({"месяца", "місяця", "month", "айдың", "ай"})
# in Kazakh, the day after a day named ("10 желтоқсаннан кейін": the 11th) and a part of a
# week or a month, the part last ("келесі аптаның басында", "аптаның соңында", "ай соңында")
_AFTER_KK = re.compile(r"^\s*(?P<day>.+?)(?:нан|нен|дан|ден|тан|тен)\s+кейін\s*$", re.I)
_PART_KK = re.compile(
    r"^(?P<week>(?:келесі\s+|осы\s+)?аптаның|айдың|ай)\s+(?P<part>басында|ортасында|соңында)$"
)
# a part of a week ("в начале следующей недели", "наприкінці тижня", "end of next week"): its
# Monday, Wednesday or Friday
_PART_OF_WEEK = re.compile(
    r"^(?:в|у|на|at|in|by)?\s*(?:the\s+)?(?P<part>начале|середине|конце|початку|середині|кінці|"
    r"наприкінці|beginning|start|middle|mid|end|early|late)(?:\s+of)?(?:\s+the)?\s+"
    r"(?P<week>.+)$"
)
_PART_WEEKDAY = {
    **dict.fromkeys(("начале", "початку", "beginning", "start", "early", "басында"), 0),
    **dict.fromkeys(("середине", "середині", "middle", "mid", "ортасында"), 2),
    **dict.fromkeys(("конце", "кінці", "наприкінці", "end", "late", "соңында"), 4),
}
# "до конца недели", "до кінця місяця", "by the end of the month": any day till then, today
_TILL_END = re.compile(
    r"^(?:до|by|before|until|till)\s+(?:the\s+)?(?:конца|кінця|end)(?:\s+of)?(?:\s+the)?\s+"
    r"(?:этой\s+|цього\s+|this\s+)?(?:недели|месяца|тижня|місяця|week|month)$"
)
# the week a part of is named in: this one ("в конце недели") or the next (`NEXT_WEEK`)
_WEEK_WORDS = frozenset({"недели", "тижня", "week", "этой недели", "цього тижня", "this week",
                         "аптаның", "осы аптаның"})  # fmt: skip
_NEXT_WEEK_KK = "келесі аптаның"
_PART_OF_MONTH = re.compile(
    r"^(?:в|у|in|at)?\s*(?:the\s+)?(?P<part>начале|середине|конце|початку|середині|кінці|"
    r"наприкінці|начало|середина|конец|початок|кінець|beginning|start|middle|mid|end)"
    r"(?:\s+of)?(?:\s+the)?\s+(?P<month>\w+)$"
)
# (the day a part of a month begins on)
_PART_DAY = {
    **dict.fromkeys(("начале", "начало", "початку", "початок", "beginning", "start", "басында"), 1),
    **dict.fromkeys(("середине", "середина", "середині", "middle", "mid", "ортасында"), 15),
    **dict.fromkeys(("конце", "конец", "кінці", "наприкінці", "кінець", "end", "соңында"), 25),
}


# days offered as alternatives ("в четверг или пятницу", "завтра або післязавтра", "Monday or
# Tuesday"), and a day named as the last one that will do ("до пятницы", "by Friday", "жұмаға
# дейін")
ALTERNATIVES = re.compile(r"\s*,?\s+(?:или|либо|або|чи|or|немесе)\s+", re.IGNORECASE)
_BY_DAY = re.compile(
    r"^\s*(?:(?:до|by|before|until|till)\s+(?P<day>.+?)|(?P<kk>.+?)\s+дейін)\s*$", re.IGNORECASE
)


def first_of_span(text: str, today: date) -> date | None:
    """The first day, today or later, of the days a message names together ("в выходные":
    the next Saturday, "на следующей неделе": next Monday, "на этой неделе": today, "после
    25-го": the 26th, "после 10 декабря": the 11th, "не раньше 10 декабря", "с 10 по 12
    декабря": the 10th, "в начале декабря": December 1, "в начале следующей недели": next
    Monday, "в четверг или пятницу": Thursday, "до пятницы", "до конца месяца": today); None
    when it names no such days."""
    text = _SOFTENERS.sub(" ", text)  # "всё-таки до пятницы"
    phrase = " ".join(_TOKEN.findall(text.casefold()))
    if len(parts := ALTERNATIVES.split(text.strip())) > 1:  # "в четверг или пятницу": the first
        days = [read_date(part, today, future=True) for part in parts]
        if all(day is not None and day >= today for day in days):
            return min(day for day in days if day is not None)
    if _TILL_END.match(phrase) is not None:  # "до конца месяца": any day till then
        return today
    if (by := _BY_DAY.match(text)) is not None:  # "до пятницы": any day till then, today first
        last = read_date(by["day"] or by["kk"], today, future=True)
        return today if last is not None and last >= today else None
    if phrase in WEEKEND:
        return today + timedelta(days=(5 - today.weekday()) % 7)
    if phrase in NEXT_WEEK:
        return today + timedelta(days=7 - today.weekday())
    if phrase in THIS_WEEK:
        return today
    if (match := _FROM_DAY.match(phrase)) is not None:
        after = match["word"] in _DAY_AFTER_WORDS
        day = _day_of_month(int(match["day"]), today, future=True)
        return None if day is None else day + timedelta(days=1 if after else 0)
    first = _AFTER_DAY.match(text) or _AFTER_KK.match(text)  # "после 10 декабря", "с 10 по 12"
    if first is not None and (day := _from_day(first, today)) is not None:
        return day if day >= today else None
    week = _PART_OF_WEEK.match(phrase) or _PART_KK.match(phrase)  # "в начале следующей недели"
    if week is not None and (week["week"] in _WEEK_WORDS or week["week"] in _NEXT_WEEKS):
        monday = today - timedelta(days=today.weekday())
        monday += timedelta(days=7 if week["week"] in _NEXT_WEEKS else 0)
        return max(monday + timedelta(days=_PART_WEEKDAY[week["part"]]), today)
    part = _PART_OF_MONTH.match(phrase) or _PART_KK.match(phrase)  # "в конце месяца"
    if part is None:
        return None
    named = part["month"] if "month" in part.groupdict() else part["week"]
    month = today.month if named in _MONTH else month_names().get(named)
    if month is None:
        return None
    if month == today.month:  # this one's ("в начале ноября" on the 22nd: from today)
        return max(today.replace(day=_PART_DAY[part["part"]]), today)
    day = _no_year(month, _PART_DAY[part["part"]], today, future=True)
    return None if day is None else max(day, today)


_NEXT_WEEKS = NEXT_WEEK | {_NEXT_WEEK_KK}


def _from_day(after: re.Match[str], today: date) -> date | None:
    """The first day that will do, as `_AFTER_DAY` or `_AFTER_KK` found it named: that day, or
    the day after it ("после", "after", Kazakh "-нан кейін"); a day of the month before the
    last day of a span is that month's ("с 10 по 12 декабря", `_first_of_two`)."""
    named = after["day"]
    till = _TILL.search(named)
    if till is not None:  # "10 по 12 декабря": the first, in the last one's month
        day = _first_of_two(named[: till.start()], till.group().split(maxsplit=1)[1], today)
    else:
        day = read_date(named, today, future=True)
    word = after.groupdict().get("word")
    if day is None or (word is not None and word.casefold() not in _DAY_AFTER_WORDS):
        return day
    return day + timedelta(days=1)


# a month named as the time of a service or a visit rather than its day ("в октябре", "у
# жовтні", "in October", "қазанда", "в прошлом месяце", "на прошлой неделе"): the calendar is
# opened on that month and the day asked for. The month "in" it, as Russian and Ukrainian say
# it (Babel names months in the nominative and genitive only); Kazakh adds "-да/-де/-та/-те".
_MONTH_IN = {
    name: number
    for number, names in enumerate(
        (("январе", "січні"), ("феврале", "лютому"), ("марте", "березні"), ("апреле", "квітні"),
         ("мае", "травні"), ("июне", "червні"), ("июле", "липні"), ("августе", "серпні"),
         ("сентябре", "вересні"), ("октябре", "жовтні"), ("ноябре", "листопаді"),
         ("декабре", "грудні")),
        start=1,
    )
    for name in names
}  # fmt: skip
_IN_MONTH = re.compile(r"^(?:в|во|у|in|during)?\s*(?P<month>[^\W\d_]+)\s*(?P<year>\d{4})?$")
LAST_WEEK = frozenset(
    {"на прошлой неделе", "прошлая неделя", "на прошлой", "минулого тижня", "на минулому тижні",
     "минулий тиждень", "last week", "өткен аптада", "өткен апта"}
)  # fmt: skip
# the weeks a day of the week is named in (`_day_in_week`): how many weeks from this one
_WEEKS_NAMED = tuple(
    (weeks, _week_pattern(names))
    for weeks, names in ((1, NEXT_WEEK), (0, THIS_WEEK), (-1, LAST_WEEK))
)
# a day gone not said ("на днях", "недавно", "a few days ago"): the calendar of this month
RECENTLY = frozenset(
    {"на днях", "недавно", "днями", "на этих днях", "пару дней назад", "несколько дней назад",
     "нещодавно", "цими днями", "кілька днів тому", "пару днів тому", "recently", "lately",
     "the other day", "a few days ago", "a couple of days ago", "few days ago", "жақында",
     "бірнеше күн бұрын"}
)  # fmt: skip
LAST_MONTH = frozenset(
    {"в прошлом месяце", "прошлый месяц", "в том месяце", "минулого місяця",
     "у минулому місяці", "минулий місяць", "last month", "өткен айда", "өткен ай"}
)  # fmt: skip


def month_of_days(text: str, today: date, *, future: bool) -> date | None:
    """The first day of the month a message names instead of a day, ahead (a visit) or, not
    `future`, gone (a service to claim): "в октябре", "in October 2026", "в начале ноября",
    "на прошлой неделе" (the month its Monday is in), "в прошлом месяце"; None when it names
    no month so."""
    phrase = " ".join(_TOKEN.findall(text.casefold()))
    if not future and phrase in LAST_WEEK:
        return (today - timedelta(days=today.weekday() + 7)).replace(day=1)
    if not future and phrase in LAST_MONTH:
        return (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    if not future and phrase in RECENTLY:  # "на днях": which day, on this month's calendar
        return today.replace(day=1)
    part = _PART_OF_MONTH.match(phrase)
    match = _IN_MONTH.match(phrase) if part is None else None
    word = part["month"] if part is not None else match["month"] if match is not None else None
    if word is None:
        return None
    month = _MONTH_IN.get(word) or month_names().get(word)
    if month is None and word[-2:] in ("да", "де", "та", "те"):  # "қазанда", "қыркүйекте"
        month = month_names().get(word[:-2])
    if month is None:
        return None
    if match is not None and match["year"]:
        return date(int(match["year"]), month, 1)
    return _no_year(month, 1, today.replace(day=1), future)
