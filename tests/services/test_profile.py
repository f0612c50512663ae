from datetime import date

import pytest

from bot.services.dates import parse_birth_date
from bot.services.profile import (
    ProfileField,
    clean_address,
    clean_full_name,
    names_other_address,
    update_field,
)
from tests.factories import make_member

TODAY = date(2026, 11, 22)


def test_birth_date_not_in_future_nor_before_1900():
    assert parse_birth_date("23.11.2026", TODAY) is None
    assert parse_birth_date("01.01.1899", TODAY) is None
    assert parse_birth_date("22.11.2026", TODAY) == TODAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Олена   Коваленко ", "Олена Коваленко"),
        ("Anna-Maria O'Neil", "Anna-Maria O'Neil"),
        ("Айгерім Сәрсенбаева", "Айгерім Сәрсенбаева"),
        # typed in one case: a capital at the start of each part, as on a card
        ("коваленко олена петрівна", "Коваленко Олена Петрівна"),
        ("SADYKOVA AIGERIM", "Sadykova Aigerim"),
        ("anna-maria kovalenko", "Anna-Maria Kovalenko"),
        ("мар'яна коваленко", "Мар'яна Коваленко"),
        ("SEAN O'NEIL", "Sean O'Neil"),
        ("anna d’arcy", "Anna D’Arcy"),
        ("dar'ya o'brien-kovalenko", "Dar'ya O'Brien-Kovalenko"),
        ("коваленко о.п.", "Коваленко О.П."),
        # an initial first, or initials with a space after their dot
        ("О. Коваленко", "О. Коваленко"),
        ("Коваленко О. П.", "Коваленко О. П."),
        ("сәрсенбаева айгерім", "Сәрсенбаева Айгерім"),
        # mixed case is the member's own spelling
        ("Maria de la Cruz", "Maria de la Cruz"),
        ("Ian McDonald", "Ian McDonald"),
        # the words a name is introduced with are not the name
        ("Меня зовут Анна Иванова", "Анна Иванова"),
        ("мене звати: марія коваль", "Марія Коваль"),
        ("My name is John Smith", "John Smith"),
        ("Яна Иванова", "Яна Иванова"),
        ("Меня зовут Анна", None),
        ("Ivan", None),
        ("Ivan 2", None),
        ("О.. Коваленко", None),
        ("<b>x</b> y", None),
        ("", None),
    ],
)
def test_full_name(text, expected):
    assert clean_full_name(text) == expected


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("тот же что и рабочий", True),
        ("такий самий", True),
        ("same as home", True),
        ("как домашний", True),
        # an address typed
        ("Тот самый дом 5, Киев", False),
        ("Kyiv, Khreshchatyk 1", False),
        ("как добраться", False),
    ],
)
def test_the_other_address_named_for_this_one(text: str, named: bool) -> None:
    assert names_other_address(ProfileField.HOME_ADDRESS, text) is named
    assert names_other_address(ProfileField.FULL_NAME, text) is False


def test_address():
    assert clean_address("Kyiv, Khreshchatyk 1, apt 5") == "Kyiv, Khreshchatyk 1, apt 5"
    assert clean_address("12") is None
    assert clean_address("12345 678") is None
    assert clean_address("x" * 301) is None


async def test_invalid_value_is_not_stored(session):
    member = await make_member(session, full_name="Olena Kovalenko")
    assert not await update_field(session, member, ProfileField.FULL_NAME, "O", TODAY)
    assert member.full_name == "Olena Kovalenko"
    assert await update_field(session, member, ProfileField.BIRTH_DATE, "1984-03-05", TODAY)
    assert member.birth_date == date(1984, 3, 5)
