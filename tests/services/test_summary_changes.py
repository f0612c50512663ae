"""What an answer typed under a form's summary asks to change (`forms.change_asked`, and by a
value alone `forms.value_corrected`)."""

from datetime import date

import pytest

from bot.services.forms import change_asked, value_corrected, value_given

APPOINTMENT = ("specialty", "clinic", "date", "time", "comment")
CLAIM = ("date", "amount", "currency", "docs", "iban", "comment")


@pytest.mark.parametrize(
    ("typed", "fields", "field"),
    [
        ("изменить дату", APPOINTMENT, "date"),
        ("поменять время", APPOINTMENT, "time"),
        ("дата другая", APPOINTMENT, "date"),
        ("змінити дату", APPOINTMENT, "date"),
        ("change the date", APPOINTMENT, "date"),
        ("клинику поменять", APPOINTMENT, "clinic"),
        ("не тот врач", APPOINTMENT, "specialty"),
        ("күнін өзгерту", APPOINTMENT, "date"),
        ("дата", APPOINTMENT, "date"),  # a field alone
        ("добавить комментарий: нужен врач-женщина", APPOINTMENT, "comment"),
        ("исправить сумму", CLAIM, "amount"),
        ("другой счёт", CLAIM, "iban"),
        ("change the IBAN", CLAIM, "iban"),
        # what is shown said not to suit
        ("время не подходит", APPOINTMENT, "time"),
        ("дата не влаштовує", APPOINTMENT, "date"),
        ("the time does not suit me", APPOINTMENT, "time"),
    ],
)
def test_a_field_named_to_change(typed, fields, field):
    assert change_asked(typed, fields) == field


@pytest.mark.parametrize(
    "typed", ["нет", "нет, не так", "поменять дату и время", "что-то не так", "wrong"]
)
def test_a_change_asked_without_saying_of_what(typed):
    """A "no", or a change of none or of several fields: which is asked."""
    assert change_asked(typed, APPOINTMENT) == ""


@pytest.mark.parametrize(
    "typed", ["ок", "всё хорошо, спасибо", "сегодня неудобно", "Kyiv", "добрый день"]
)
def test_what_asks_no_change(typed):
    assert change_asked(typed, APPOINTMENT) is None


SPECIALTIES = {"стоматолог": "dentist", "терапевт": "therapist"}


@pytest.mark.parametrize(
    ("typed", "fields", "field"),
    [
        ("не утром, а вечером", APPOINTMENT, "time"),
        ("не утром", APPOINTMENT, "time"),
        ("нет, не 5 декабря, а 6", APPOINTMENT, "date"),
        ("не завтра утром", APPOINTMENT, "date"),  # (the date's step reads the time with it)
        ("не стоматолог, а терапевт", APPOINTMENT, "specialty"),
        ("не в долларах, а в гривнах", CLAIM, "currency"),
        ("не 5 ноября", CLAIM, "date"),  # a day gone: a service's
        ("не на этот номер, а на 0671234567", ("phone", "time", "topic"), "phone"),
        # a value given "rather" than the one shown
        ("давайте лучше на 8 декабря", APPOINTMENT, "date"),
        ("краще ввечері", APPOINTMENT, "time"),
        ("better in the evening", APPOINTMENT, "time"),
        ("так лучше", APPOINTMENT, None),
        # no "не": no correction ("добрый вечер" names the evening); nothing named; a field
        # the form has not
        ("вечером", APPOINTMENT, None),
        ("добрый вечер", APPOINTMENT, None),
        ("нет, не так", APPOINTMENT, None),
        ("не в долларах", APPOINTMENT, None),
        ("я не смогу прийти утром", APPOINTMENT, None),  # (not the morning's "не")
    ],
)
def test_a_value_corrected_with_a_not_names_its_field(typed, fields, field):
    """ "не утром, а вечером" under a summary says which field by its value: the time."""
    assert value_corrected(typed, fields, date(2026, 11, 22), SPECIALTIES) == field


@pytest.mark.parametrize(
    ("typed", "given"),
    [("не утром, а вечером", "вечером"), ("нет, не 5 декабря, а 6", "6"),
     ("не стоматолог, а терапевт", "терапевт"), ("not in the morning but in the evening",
     "in the evening"), ("не утром", "не утром"), ("давайте лучше на 8 декабря", "на 8 декабря"),
     ("краще ввечері", "ввечері")],
)  # fmt: skip
def test_a_correction_s_new_value_is_its_last_clause_without_a_not(typed, given):
    assert value_given(typed) == given
