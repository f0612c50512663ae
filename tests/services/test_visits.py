"""How `/visit` reads what staff type after it (`visits.read_visit`)."""

from datetime import date

import pytest

from bot.services.visits import Visit, VisitError, read_said, read_visit

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("typed", "visit"),
    [
        # a day whose digits could be an hour: "10.12 17:30" was the hour 10:12 and no day
        ("10.12 17:30", Visit(None, date(2026, 12, 10), "17:30")),
        ("17:30 10.12", Visit(None, date(2026, 12, 10), "17:30")),
        ("10.12 в 17:30", Visit(None, date(2026, 12, 10), "17:30")),
        ("10.12, 17:30", Visit(None, date(2026, 12, 10), "17:30")),
        ("10.12", Visit(None, date(2026, 12, 10), None)),  # a day alone is a day
        ("R-5 10.12 9.30", Visit(5, date(2026, 12, 10), "09:30")),
        ("10.12 r5", Visit(5, date(2026, 12, 10), None)),
        ("завтра 10:00", Visit(None, date(2026, 12, 6), "10:00")),
        ("9 декабря 17:30", Visit(None, date(2026, 12, 9), "17:30")),
        ("сегодня", Visit(None, TODAY, None)),
        # a whole hour after the day ("завтра в 10" was "I could not read the day")
        ("завтра в 10", Visit(None, date(2026, 12, 6), "10:00")),
        ("сегодня 16", Visit(None, TODAY, "16:00")),
        ("R-5 в пятницу в 9", Visit(5, date(2026, 12, 11), "09:00")),
        ("15 декабря 10", Visit(None, date(2026, 12, 15), "10:00")),  # not December 2010
        ("15 12", Visit(None, date(2026, 12, 15), None)),  # the 15th of December, no hour
    ],
)
def test_the_day_the_hour_and_the_number_are_read_in_any_order(typed, visit):
    assert read_visit(typed, TODAY) == visit


@pytest.mark.parametrize(
    ("typed", "at"),
    [
        # a delivery's hours as staff write them ("завтра до 14:00" was "I could not read the
        # day in “завтра до”")
        ("завтра до 14:00", "–14:00"),
        ("завтра до 14", "–14:00"),
        ("tomorrow by 2:30", "–02:30"),
        ("завтра після 18", "18:00–"),
        ("завтра после 18.30", "18:30–"),
        ("tomorrow after 18", "18:00–"),
        ("завтра 10-14", "10:00–14:00"),
        ("завтра в 10:00–14:00", "10:00–14:00"),
        ("завтра 10 - 14", "10:00–14:00"),
        ("завтра с 10 до 14", "10:00–14:00"),
        ("завтра з 9:30 до 13", "09:30–13:00"),
        ("tomorrow between 10 and 14", "10:00–14:00"),
        ("R-5 завтра с 10 по 14", "10:00–14:00"),
        ("ертең 14:00-ге дейін", "–14:00"),
        ("ертең 18-ден кейін", "18:00–"),
        # a time of day in words, as clinics give it ("завтра после обеда" was "I could not
        # read the day"): the hours of the window a member picks with the same words
        ("завтра после обеда", "12:00–16:00"),
        ("завтра утром", "08:00–12:00"),
        ("tomorrow in the evening", "16:00–20:00"),
        ("ертең түстен кейін", "12:00–16:00"),
    ],
)
def test_a_span_of_hours_after_the_day_is_read(typed, at):
    assert read_visit(typed, TODAY).day == date(2026, 12, 6)
    assert read_visit(typed, TODAY).at == at


@pytest.mark.parametrize(
    ("typed", "visit"),
    [
        ("10-12", None),  # no day before it: not the hours 10–12 of today
        ("10.12 10-12", Visit(None, date(2026, 12, 10), "10:00–12:00")),
        ("до 10.12", None),  # "by December 10": no day of its own, refused as before
        ("завтра 14-10", None),  # no span ends before it starts
        ("после обеда", None),  # a time of day and no day
    ],
)
def test_what_only_looks_like_a_span_is_not_one(typed, visit):
    if visit is None:
        with pytest.raises(VisitError):
            read_visit(typed, TODAY)
    else:
        assert read_visit(typed, TODAY) == visit


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "helpdesk-visit-usage"),
        ("R-000042", "helpdesk-visit-usage"),
        ("17:30", "helpdesk-visit-bad-date"),  # an hour alone names no day
        ("31.02 10:00", "helpdesk-visit-bad-date"),
        ("04.12.2026", "helpdesk-visit-out-of-range"),  # yesterday
        ("06.12.2027", "helpdesk-visit-out-of-range"),  # beyond a year
    ],
)
def test_what_is_not_a_visit_is_refused_with_why(typed, key):
    with pytest.raises(VisitError) as refused:
        read_visit(typed, TODAY)
    assert refused.value.key == key


def test_a_clinic_s_confirmation_pasted_whole_is_read_and_kept():
    """ "Вы записаны к стоматологу на 9 декабря в 17:30, каб. 12" pasted from the clinic was
    "I could not read the day": its day and hour are read, and its words kept for the member;
    a line with a day but no hour books nothing ("клиника перезвонит завтра"), but one that
    books it for a time of day does ("записала на завтра после обеда")."""
    pasted = "Вы записаны к стоматологу на 9 декабря в 17:30, каб. 12"
    assert read_visit(pasted, TODAY) == Visit(None, date(2026, 12, 9), "17:30", pasted)
    assert read_visit("R-5 Запись подтверждена: завтра, 10:15, доктор Иванова", TODAY) == Visit(
        5, date(2026, 12, 6), "10:15", "R-5 Запись подтверждена: завтра, 10:15, доктор Иванова"
    )
    for line in ("Клиника перезвонит вам завтра утром", "записаны на 1 декабря в 10:00 уже"):
        with pytest.raises(VisitError):
            read_visit(line, TODAY)
    # no hour, a time of day in words where the words book it: that window's hours
    said = "Клиника записала Вас на завтра после обеда, каб. 5"
    assert read_visit(said, TODAY) == Visit(None, date(2026, 12, 6), "12:00–16:00", said)
    said = "Доставка запланирована на 9 декабря вечером, курьер позвонит"
    assert read_visit(said, TODAY) == Visit(None, date(2026, 12, 9), "16:00–20:00", said)
    with pytest.raises(VisitError):  # a call back, not a booking
        read_visit("клиника перезвонит вам послезавтра после обеда", TODAY)


@pytest.mark.parametrize(
    ("said", "at"),
    [
        ("Записала вас на 9 декабря в 11, к доктору Ахметовой", "11:00"),
        ("Записали на завтра о 9", "09:00"),
        ("Booked you for tomorrow at 9", "09:00"),
        ("Записала на завтра в 8 вечера", "20:00"),
        ("Записала на завтра в 3 дня", "15:00"),
        # a room, an hour no clinic books at, or a line that books nothing: none
        ("Записала вас в 12 кабинет на завтра", None),
        ("Записала на завтра в 3", None),
        ("Клиника перезвонит завтра в 11", None),
    ],
)
def test_a_whole_hour_in_a_booking_is_its_hour(said, at):
    """ "записала на 10 декабря в 11" offered nothing to book (an hour had to have minutes):
    a whole hour after "в", "о", "at" that a clinic books at is the booking's, "вечера" and
    "дня" after it the afternoon's; a room's number is not an hour."""
    read = read_said(said, TODAY)
    assert (read.at if read is not None else None) == at


@pytest.mark.parametrize(
    ("said", "at"),
    [
        ("Доставка завтра с 10:00 до 14:00, курьер позвонит", "10:00–14:00"),
        ("Ліки доставлять завтра з 10 до 14:00, кур'єр зателефонує", "10:00–14:00"),
        ("Delivery booked for tomorrow 10:00-14:00, the courier will call", "10:00–14:00"),
        ("Доставим завтра до 14:00, курьер позвонит", "–14:00"),
        ("Записали вас на завтра после 18:00 в порядке очереди", "18:00–"),
        ("Дәрілер ертең 14:00-ге дейін жеткізіледі, курьер хабарласады", "–14:00"),
        ("Ертең 18:00-ден кейін жеткіземіз, күте тұрыңыз", "18:00–"),
        # an hour alone stays one, and a day before a dash is no hour ("9.12 - 10:00")
        ("Вы записаны на 9.12 в 9:30 – приходите заранее", "09:30"),
        ("Запись подтверждена: 9.12 - 10:00, кабинет 5", "10:00"),
    ],
)
def test_hours_written_as_a_span_in_a_booking_are_kept_as_one(said, at):
    """ "Доставка завтра с 10:00 до 14:00" was booked at 10:00 (its first hour): the member was
    told the courier comes at ten. The span, an end ("до 14:00") or a start ("после 18:00")
    written in the line is the booking's, as `/visit завтра 10-14` gives it."""
    assert read_visit(said, TODAY).at == at
