"""Dates as people type them (`bot.services.dates.read_date`): digits in any day-first or ISO
shape, the month by its name in any of the four languages, a two-digit year or none."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from babel.dates import get_month_names

from bot.services.dates import (
    MONTH_LOCALES,
    first_of_span,
    month_of_days,
    names_span,
    read_date,
    read_days,
)
from bot.services.forms import day_named, day_refused, names_soonest

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    "text",
    [
        "05.03.1984", "5.3.1984", "05/03/1984", " 05-03-1984 ", "05 03 1984", "1984-03-05",
        "05031984", "5.3.84", "5 March 1984", "March 5, 1984", "5th of March 1984",
        "5 Mar 1984", "5 березня 1984 року", "5 бер. 84", "5 марта 1984 г.", "5-го марта 1984",
        "5 март 1984", "1984 ж. 5 наурыз", "5 наурыз 1984", "5 НАУРЫЗ 1984", "05 mar. 84",
    ],
)  # fmt: skip
def test_every_way_of_typing_the_same_date_of_birth(text):
    assert read_date(text, TODAY, year_required=True) == date(1984, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "31.02.1984", "5", "1984", "March 1984", "March", "yesterday", "сегодня", "10:30",
        "5 March 1984 10:30", "5 6 March 1984", "5 March April 1984", "5 Marchy 1984",
        "05.03.198", "05.03.1", "123.03.1984", "0503198", "050384", "5.3", "5 March", "",
    ],
)  # fmt: skip
def test_what_is_not_a_date_of_birth(text):
    assert read_date(text, TODAY, year_required=True) is None


def test_no_year_is_the_nearest_day_on_the_side_asked_for():
    # a preferred date: today or the next such day; a service received: today or the last one
    assert read_date("25.12", TODAY, future=True) == date(2026, 12, 25)
    assert read_date("4 December", TODAY, future=True) == TODAY
    assert read_date("15 січня", TODAY, future=True) == date(2027, 1, 15)
    assert read_date("1 July", TODAY, future=True) == date(2027, 7, 1)
    assert read_date("4.12", TODAY) == TODAY
    assert read_date("1 декабря", TODAY) == date(2026, 12, 1)
    assert read_date("1.1", TODAY) == date(2026, 1, 1)
    assert read_date("29.02", date(2027, 3, 1), future=True) == date(2028, 2, 29)
    assert read_date("29.02", date(2027, 3, 1)) == date(2024, 2, 29)  # the last one there was


def test_no_year_a_fortnight_on_the_other_side_is_that_day_not_a_year_away():
    # then the step says why it is refused ("already passed"), rather than taking next year's
    assert read_date("3.12", TODAY, future=True) == date(2026, 12, 3)
    assert read_date("20 November", TODAY, future=True) == date(2026, 11, 20)
    assert read_date("19 November", TODAY, future=True) == date(2027, 11, 19)
    assert read_date("18.12", TODAY) == date(2026, 12, 18)  # a service received in 2 weeks
    assert read_date("19.12", TODAY) == date(2025, 12, 19)
    assert read_date("25.12", TODAY) == date(2025, 12, 25)


def test_a_two_digit_year_is_this_century_s_unless_a_past_date_would_be_ahead():
    assert read_date("05.03.20", TODAY) == date(2020, 3, 5)  # a child's date of birth
    assert read_date("05.03.84", TODAY) == date(1984, 3, 5)
    assert read_date("04.12.26", TODAY) == TODAY
    assert read_date("05.12.26", TODAY) == date(1926, 12, 5)  # tomorrow has not happened
    assert read_date("25.12.26", TODAY, future=True) == date(2026, 12, 25)
    assert read_date("01.01.26", TODAY, future=True) == date(2026, 1, 1)  # then "in the past"


def test_each_name_of_a_month_names_one_month_in_every_language():
    # the four languages share one table: no name may mean two months
    months: dict[str, set[int]] = {}
    for locale in MONTH_LOCALES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale).items():
                    months.setdefault(name.casefold().rstrip("."), set()).add(number)
    assert {name: numbers for name, numbers in months.items() if len(numbers) > 1} == {}
    assert read_date("6 маусым 1982", TODAY) == date(1982, 6, 6)
    assert read_date("6 червня 1982", TODAY) == read_date("6 июня 1982", TODAY)


def test_a_day_named_by_a_word_is_counted_from_today():
    for word, days in [("завтра", 1), ("Tomorrow", 1), ("ертең", 1), ("сьогодні", 0),
                       ("the day after tomorrow", 2), ("послезавтра", 2), ("вчора", -1),
                       ("кеше", -1), ("позавчера", -2), ("алдыңғы күні", -2)]:  # fmt: skip
        assert read_date(word, TODAY) == TODAY + timedelta(days=days), word
        assert read_date(word, TODAY, year_required=True) is None, word  # not a date of birth
    assert read_date("завтра 5", TODAY) is None
    assert read_date("day after", TODAY) is None


def test_a_day_of_the_week_is_the_next_one_or_the_last_one():
    """TODAY is a Friday. "в понедельник" asked for a day to come is the 7th; asked for a day
    gone (a service date), the 30th. Today's own name is a week on, or a week back."""
    for word, ahead, back in [
        ("в понедельник", 7, 30), ("у понеділок", 7, 30), ("дүйсенбі", 7, 30),
        ("в среду", 9, 2), ("у п'ятницю", 11, 27), ("Friday", 11, 27), ("в субботу", 5, 28),
        ("неділю", 6, 29),
        # "this" in its forms, the Ukrainian genitive, the Kazakh locative
        ("в эту пятницу", 11, 27), ("цієї суботи", 5, 28), ("осы жұмада", 11, 27),
        ("у цю середу", 9, 2),
    ]:  # fmt: skip
        assert read_date(word, TODAY, future=True) == date(2026, 12, ahead), word
        expected = date(2026, 11 if back > 4 else 12, back)
        assert read_date(word, TODAY) == expected, word
        assert read_date(word, TODAY, year_required=True) is None, word  # not a date of birth
    assert read_date("понедельник 5", TODAY) is None
    assert read_date("every monday", TODAY) is None
    assert read_date("в", TODAY) is None


def test_a_day_of_the_week_said_to_be_the_next_or_the_last_is_that_one():
    """TODAY is a Friday. "last Thursday", "в прошлую пятницу", "минулого четверга" and "өткен
    жұмада" were "I could not read that date" on a claim's service date: the last such day
    before today, whichever side the step asks for. "next Monday" is the next one, also where a
    day gone is asked (the step then says it is ahead), not last Monday."""
    for typed, day in [
        ("last Thursday", date(2026, 12, 3)), ("в прошлую пятницу", date(2026, 11, 27)),
        ("в прошлый четверг", date(2026, 12, 3)), ("минулого четверга", date(2026, 12, 3)),
        ("у минулу п'ятницю", date(2026, 11, 27)), ("минулої неділі", date(2026, 11, 29)),
        ("өткен жұмада", date(2026, 11, 27)), ("previous Monday", date(2026, 11, 30)),
        ("next Monday", date(2026, 12, 7)), ("в следующую среду", date(2026, 12, 9)),
        ("наступного понеділка", date(2026, 12, 7)), ("наступної неділі", date(2026, 12, 6)),
        ("келесі дүйсенбіде", date(2026, 12, 7)), ("в ближайшую субботу", date(2026, 12, 5)),
    ]:  # fmt: skip
        for future in (True, False):
            assert read_date(typed, TODAY, future=future) == day, (typed, future)
        assert read_date(typed, TODAY, year_required=True) is None, typed
    assert read_date("last week", TODAY) is None
    assert read_date("прошлый", TODAY) is None


def test_a_day_of_the_week_in_a_week_named_is_that_week_s():
    """TODAY is a Friday. "в субботу на следующей неделе" was "I could not read that date":
    it is the Saturday of next week (weeks begin on Monday), not tomorrow; the week may come
    first, in any of the languages, and this week's or last week's day is read the same way."""
    for typed, day in [
        ("в субботу на следующей неделе", date(2026, 12, 12)),
        ("на следующей неделе в субботу", date(2026, 12, 12)),
        ("в субботу, на следующей неделе", date(2026, 12, 12)),
        ("Sunday next week", date(2026, 12, 13)), ("next week on Sunday", date(2026, 12, 13)),
        ("у неділю наступного тижня", date(2026, 12, 13)),
        ("келесі аптада сенбі", date(2026, 12, 12)),
        ("в среду на этой неделе", date(2026, 12, 2)),
        ("у вівторок минулого тижня", date(2026, 11, 24)),
    ]:  # fmt: skip
        assert read_date(typed, TODAY, future=True) == day, typed
    assert read_date("next weekend monday", TODAY, future=True) is None
    assert read_date("в субботу на следующей неделе", TODAY, year_required=True) is None


def test_days_offered_as_alternatives_or_as_the_last_one_are_their_first():
    """TODAY is a Friday. "в понедельник или вторник" and "до среды" were "I could not read
    that date": the first of the days that will do is taken (the form says which)."""
    for typed, day in [
        ("в понедельник или вторник", date(2026, 12, 7)),
        ("завтра или послезавтра", date(2026, 12, 5)), ("Monday or Tuesday", date(2026, 12, 7)),
        ("у понеділок або вівторок", date(2026, 12, 7)),
        ("до среды", TODAY), ("by Wednesday", TODAY), ("до 15 декабря", TODAY),
    ]:  # fmt: skip
        assert first_of_span(typed, TODAY) == day, typed
    # a part that is no day, or a day gone: not days offered
    assert first_of_span("утром или вечером", TODAY) is None
    assert first_of_span("вчера или сегодня", TODAY) is None
    assert first_of_span("до", TODAY) is None


def test_the_first_day_that_will_do_named_so_is_taken():
    """TODAY is Friday, December 4. Each was "I could not read that date" on a visit's day:
    the day after the one named ("после 10 декабря"), that day ("не раньше", "с … по …",
    "from … to …"), a part of a week (its Monday, Wednesday or Friday, not before today) or of
    the month, and "till the end of" a week or month (today: any day till then)."""
    for typed, day in [
        ("после 10 декабря", date(2026, 12, 11)), ("після 15 грудня", date(2026, 12, 16)),
        ("after December 10", date(2026, 12, 11)), ("after tomorrow", date(2026, 12, 6)),
        ("не раньше 10 декабря", date(2026, 12, 10)), ("not before the 10th", date(2026, 12, 10)),
        ("начиная с понедельника", date(2026, 12, 7)), ("from Monday", date(2026, 12, 7)),
        ("с 10 по 12 декабря", date(2026, 12, 10)), ("з 10 по 12 грудня", date(2026, 12, 10)),
        ("from 10 to 12 December", date(2026, 12, 10)),
        ("с понедельника по среду", date(2026, 12, 7)),
        ("в начале следующей недели", date(2026, 12, 7)),
        ("на початку наступного тижня", date(2026, 12, 7)),
        ("end of next week", date(2026, 12, 11)),
        ("в середине следующей недели", date(2026, 12, 9)),
        ("в конце недели", TODAY), ("в начале недели", TODAY),  # (gone: today)
        ("в конце месяца", date(2026, 12, 25)), ("at the end of the month", date(2026, 12, 25)),
        ("до конца месяца", TODAY), ("до кінця тижня", TODAY), ("by the end of the week", TODAY),
        ("any day next week", date(2026, 12, 7)),
        ("в любой день на следующей неделе", date(2026, 12, 7)),
    ]:  # fmt: skip
        assert first_of_span(typed, TODAY) == day, typed
    # a day gone, an hour, or no day: not the first day that will do
    for typed in ("после 20 ноября", "после обеда", "с утра", "после 5 вечера", "з ранку"):
        assert first_of_span(typed, TODAY) is None, typed
    assert first_of_span("в начале декабря", TODAY) == TODAY  # (as before: a month's part)


def test_kazakh_days_ahead_as_members_write_them():
    """TODAY is Friday, December 4. "ертеңге", "жұмаға дейін", "10 желтоқсаннан кейін",
    "келесі аптаның басында" and "ай соңында" were "I could not read that date"."""
    assert read_date("ертеңге", TODAY, future=True) == date(2026, 12, 5)
    assert read_date("сейсенбіге", TODAY, future=True) == date(2026, 12, 8)
    for typed, day in [
        ("жұмаға дейін", TODAY), ("10 желтоқсаннан кейін", date(2026, 12, 11)),
        ("ертеңнен кейін", date(2026, 12, 6)), ("келесі аптаның басында", date(2026, 12, 7)),
        ("келесі аптаның соңында", date(2026, 12, 11)), ("ай соңында", date(2026, 12, 25)),
        ("айдың ортасында", date(2026, 12, 15)),
    ]:  # fmt: skip
        assert first_of_span(typed, TODAY) == day, typed
    assert first_of_span("3 күннен кейін", TODAY) is None  # (a span: `read_date`'s)
    assert read_date("3 күннен кейін", TODAY, future=True) == date(2026, 12, 7)


def test_a_day_said_with_if_possible_or_please_is_that_day():
    """ "завтра, если можно", "tomorrow please" and "on the 10th" were unreadable dates; "в
    15" alone stays unread (an hour as often as a day)."""
    for typed, day in [
        ("завтра, если можно", date(2026, 12, 5)), ("tomorrow please", date(2026, 12, 5)),
        ("завтра, будь ласка", date(2026, 12, 5)), ("on the 10th", date(2026, 12, 10)),
        ("в 15-го", date(2026, 12, 15)),
    ]:  # fmt: skip
        assert read_date(typed, TODAY, future=True) == day, typed
    assert read_date("в 15", TODAY, future=True) is None


def test_words_of_how_sure_around_a_day_are_not_read():
    """ "всё-таки в пятницу", "лучше 8 декабря" were unreadable dates."""
    for typed, day in [
        ("всё-таки в понедельник", date(2026, 12, 7)), ("лучше 8 декабря", date(2026, 12, 8)),
        ("давайте тогда в понедельник", date(2026, 12, 7)), ("maybe Monday", date(2026, 12, 7)),
        ("на следующей неделе, лучше в среду", date(2026, 12, 9)),
    ]:  # fmt: skip
        assert read_date(typed, TODAY, future=True) == day, typed


def test_a_day_of_the_week_may_be_its_short_form():
    """As Telegram's and phones' calendars write them: "пн", "в пт", "сб.", "нд", "жм"."""
    for word, ahead in [("пн", 7), ("в пт", 11), ("сб.", 5), ("нд", 6), ("жм", 11), ("вт", 8)]:
        assert read_date(word, TODAY, future=True) == date(2026, 12, ahead), word


def test_a_span_of_days_counts_from_today():
    for text, days in [
        ("через неделю", 7), ("через 2 дня", 2), ("через 3 дні", 3), ("in a week", 7),
        ("in 10 days", 10), ("2 күннен кейін", 2), ("бір аптадан кейін", 7),
        ("через две недели", 14), ("3 дня назад", -3), ("тиждень тому", -7),
        ("a week ago", -7), ("5 күн бұрын", -5),
        # counted in words past three, as amounts are (`numbers.NUMBER_WORDS`)
        ("через пять дней", 5), ("десять днів тому", -10), ("in five days", 5),
    ]:  # fmt: skip
        assert read_date(text, TODAY, future=days > 0) == TODAY + timedelta(days=days), text
        assert read_date(text, TODAY, year_required=True) is None, text
    for text in ("через", "in days", "3 days", "через много дней", "week ago 3 days ago"):
        assert read_date(text, TODAY) is None, text


def test_a_day_of_the_month_alone_is_this_month_s_or_the_next_or_the_last():
    """TODAY is 4 December. "15" for a visit is the 15th of December; "3", gone this month,
    is 3 January; for a service received, "15" is 15 November and "31" the last 31st."""
    for text, ahead, back in [
        ("15", date(2026, 12, 15), date(2026, 11, 15)),
        ("на 15-е", date(2026, 12, 15), date(2026, 11, 15)),
        ("15 числа", date(2026, 12, 15), date(2026, 11, 15)),
        ("3", date(2027, 1, 3), date(2026, 12, 3)),
        ("31", date(2026, 12, 31), date(2026, 10, 31)),
        ("4", date(2026, 12, 4), date(2026, 12, 4)),
    ]:
        assert read_date(text, TODAY, future=True) == ahead, text
        assert read_date(text, TODAY) == back, text
        assert read_date(text, TODAY, year_required=True) is None, text
    for text in ("0", "32", "123456", "15 15"):
        assert read_date(text, TODAY, future=True) is None, text


@pytest.mark.parametrize(
    "text", ["15-16 декабря", "15–16.12", "на 15-16", "15 - 16 грудня", "16-15 December"]
)
def test_two_days_joined_by_a_dash_are_not_one_date(text):
    """ "15-16 декабря" was the 15th of December 2016 ("16" read as a two-digit year): "That
    day has already passed". Two days of a month are not a date; a date with dashes is."""
    assert names_span(text)
    assert read_date(text, TODAY, future=True) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [("05-03-1984", date(1984, 3, 5)), ("1984-03-05", date(1984, 3, 5)),
     ("2026-12-15", date(2026, 12, 15)), ("01-02.1990", date(1990, 2, 1)),
     ("15-го", date(2026, 12, 15))],
)  # fmt: skip
def test_a_date_written_with_dashes_is_still_one(text, day):
    assert not names_span(text)
    assert read_date(text, TODAY, future=True) == day


@pytest.mark.parametrize(
    "text",
    ["как можно скорее", "Как можно скорее, пожалуйста", "якнайшвидше", "Як можна швидше",
     "ASAP", "as soon as possible please", "жақын арада", "чем раньше, тем лучше",
     # "any day": the earliest is as good ("в любой день" was asserted to be none: it was
     # "I could not read that date", changed on purpose)
     "в любой день", "неважно", "будь-який день", "any day", "кез келген күн"],
)  # fmt: skip
def test_as_soon_as_possible_in_the_four_languages(text):
    assert names_soonest(text)


@pytest.mark.parametrize("text", ["скорее бы", "в какой день?", "завтра", "не скорее 15-го", ""])
def test_what_is_not_as_soon_as_possible(text):
    assert not names_soonest(text)


@pytest.mark.parametrize(
    "text",
    ["дата рождения 05.03.1984", "my date of birth is 5 March 1984", "дата народження: 05.03.1984",
     "туған күні 1984 ж. 5 наурыз"],
)  # fmt: skip
def test_a_date_of_birth_said_with_its_name(text):
    """ "дата рождения 05.03.1984" was "I could not read that date"."""
    assert read_date(text, TODAY, year_required=True) == date(1984, 3, 5)


def test_a_day_of_the_week_with_the_kazakh_word_for_day():
    assert read_date("сейсенбі күні", TODAY, future=True) == date(2026, 12, 8)  # Tuesday
    assert read_date("алдыңғы күні", TODAY) == TODAY - timedelta(days=2)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [("20.11-30.11", date(2026, 11, 20), date(2026, 11, 30)),
     ("с 1 по 15 ноября", date(2026, 11, 1), date(2026, 11, 15)),
     ("1-15 ноября", date(2026, 11, 1), date(2026, 11, 15)),
     ("from 1 to 15 November", date(2026, 11, 1), date(2026, 11, 15)),
     ("2026-11-01 2026-11-30", date(2026, 11, 1), date(2026, 11, 30)),
     ("вчера", TODAY - timedelta(days=1), TODAY - timedelta(days=1))],
)  # fmt: skip
def test_a_span_of_days_as_staff_type_it(text, first, last):
    assert read_days(text, TODAY) == (first, last)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [("за ноябрь", date(2026, 11, 1), date(2026, 11, 30)),
     ("листопад", date(2026, 11, 1), date(2026, 11, 30)),
     ("October", date(2026, 10, 1), date(2026, 10, 31)),
     ("қараша", date(2026, 11, 1), date(2026, 11, 30)),
     ("декабрь", date(2026, 12, 1), TODAY),  # up to today
     ("last week", date(2026, 11, 23), date(2026, 11, 29)),
     ("за эту неделю", date(2026, 11, 30), TODAY),
     ("этот месяц", date(2026, 12, 1), TODAY),
     ("за прошлый месяц", date(2026, 11, 1), date(2026, 11, 30)),
     ("за неделю", TODAY - timedelta(days=6), TODAY),
     ("последние 30 дней", TODAY - timedelta(days=29), TODAY),
     ("last 2 weeks", TODAY - timedelta(days=13), TODAY)],
)  # fmt: skip
def test_a_span_of_days_named_in_words(text, first, last):
    """ "/export за ноябрь", "/export last week" were answered with the usage: a report is asked
    for by its month or week as often as by its days."""
    assert read_days(text, TODAY) == (first, last)


@pytest.mark.parametrize(
    "text", ["someday", "", "2026-11-01 2026-11-15 2026-11-30", "1-31 ноября", "за", "0 дней"]
)
def test_what_is_no_span_of_days(text):
    assert read_days(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("в выходные", date(2026, 12, 5)),  # (today, the 4th, is a Friday)
        ("у вихідні", date(2026, 12, 5)),
        ("на следующей неделе", date(2026, 12, 7)),
        ("next week", date(2026, 12, 7)),
        ("на этой неделе", date(2026, 12, 4)),
        ("после 25-го", date(2026, 12, 26)),
        ("с 25 числа", date(2026, 12, 25)),
        ("в середине декабря", date(2026, 12, 15)),
        ("в начале января", date(2027, 1, 1)),
        ("завтра", None),
        ("после обеда", None),
    ],
)
def test_days_named_together_are_their_first_day(text, first):
    """ "в выходные", "на следующей неделе" on a date step were "I could not read that date"."""
    assert first_of_span(text, TODAY) == first


@pytest.mark.parametrize(
    ("text", "future", "month"),
    [
        ("в октябре", False, date(2026, 10, 1)),
        ("у жовтні", False, date(2026, 10, 1)),
        ("in October", False, date(2026, 10, 1)),
        ("қазанда", False, date(2026, 10, 1)),
        ("в начале ноября", False, date(2026, 11, 1)),
        ("в прошлом месяце", False, date(2026, 11, 1)),
        ("на прошлой неделе", False, date(2026, 11, 1)),  # (Monday, November 23)
        # a day gone not said, a part of a month in the nominative
        ("на днях", False, date(2026, 12, 1)),
        ("a few days ago", False, date(2026, 12, 1)),
        ("нещодавно", False, date(2026, 12, 1)),
        ("середина ноября", False, date(2026, 11, 1)),
        ("кінець жовтня", False, date(2026, 10, 1)),
        ("в январе", True, date(2027, 1, 1)),
        ("в декабре", True, date(2026, 12, 1)),
        ("октябрь 2025", True, date(2025, 10, 1)),
        # a day, or no month
        ("вчера", False, None),
        ("15 октября", False, None),
        ("в прошлом месяце", True, None),
        ("на днях", True, None),
        ("в клинике", False, None),
    ],
)
def test_a_month_named_instead_of_a_day(text: str, future: bool, month: date | None) -> None:
    assert month_of_days(text, TODAY, future=future) == month


@pytest.mark.parametrize(
    ("text", "expected"),
    [("в 15 декабря", date(2026, 12, 15)), ("в 15.12", date(2026, 12, 15)),
     ("on 15 December", date(2026, 12, 15)), ("в 15", None)],
)  # fmt: skip
def test_a_date_after_the_word_for_at(text, expected):
    """ "в 15 декабря" was "I could not read that date" (as "на 15 декабря" was read); before a
    number alone "в" is an hour's ("в 15")."""
    assert read_date(text, TODAY, future=True) == expected


@pytest.mark.parametrize(
    ("text", "asked", "refused"),
    [
        ("запишите к терапевту, только не в пятницу", None, "в пятницу"),
        ("не могу в пятницу", None, "в пятницу"),
        ("завтра не могу", None, "завтра"),
        ("not tomorrow", None, "tomorrow"),
        ("I can't come on Friday", None, "on Friday"),
        ("тільки не в суботу", None, "в суботу"),
        # a day asked for beside the one turned down, in another clause
        ("не в понедельник, лучше во вторник", "во вторник", None),
        ("можно не в пятницу а в субботу", "в субботу", None),
        ("завтра не можу, можна в середу?", "в середу", None),
        ("не знаю, может в пятницу", "в пятницу", None),
        ("к терапевту на 15 декабря", "на 15 декабря", None),
        # a bound set after it, not a "no"
        ("в пятницу не раньше 10", "в пятницу", None),
        ("tomorrow not before noon", "tomorrow", None),
    ],
)
def test_a_day_turned_down_is_not_the_day_named(text, asked, refused):
    assert day_named(text, date(2026, 11, 22)) == asked
    assert day_refused(text, date(2026, 11, 22)) == refused
