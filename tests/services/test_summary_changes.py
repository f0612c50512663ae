"""What an answer typed under a form's summary asks to change (`forms.change_asked`)."""

import pytest

from bot.services.forms import change_asked

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
