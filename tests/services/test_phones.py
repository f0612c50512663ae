from __future__ import annotations

import random

import pytest

from bot.services.phones import _parse_valid as read_in
from bot.services.phones import is_market_phone, mask_phone, normalize_phone


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("+380 50 123 45 67", "UA", "+380501234567"),
        ("+380501234567", "UA", "+380501234567"),
        ("380501234567", "UA", "+380501234567"),
        ("0501234567", "UA", "+380501234567"),
        ("050-123-45-67", "UA", "+380501234567"),
        ("(050) 123-45-67", "UA", "+380501234567"),
        ("  +38 (050) 123 45 67  ", "UA", "+380501234567"),
        ("00380501234567", "UA", "+380501234567"),
        ("8 701 123 4567", "KZ", "+77011234567"),
        ("8 (701) 123-45-67", "KZ", "+77011234567"),
        ("+7 701 123 45 67", "UA", "+77011234567"),
        ("+7 701 123 45 67", "KZ", "+77011234567"),
    ],
)
def test_common_forms_normalize_to_e164(raw: str, region: str, expected: str) -> None:
    assert normalize_phone(raw, region) == expected


@pytest.mark.parametrize("region", ["UA", "KZ"])
@pytest.mark.parametrize(
    ("raw", "expected"),
    [("380501234567", "+380501234567"), ("77011234567", "+77011234567")],
)
def test_telegram_contact_digits_without_plus_normalize_in_any_region(
    raw: str, expected: str, region: str
) -> None:
    assert normalize_phone(raw, region) == expected


def test_default_region_is_ukraine() -> None:
    assert normalize_phone("0501234567") == "+380501234567"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "12345",
        "+380 12 345",
        "+380 00 000 00 00",
        "not a phone",
        "1-800-FLOWERS",
        "+380501234567890123",
        "++380501234567",
        "0" * 40,
    ],
)
def test_invalid_or_impossible_numbers_give_none(raw: str) -> None:
    assert normalize_phone(raw) is None


@pytest.mark.parametrize("region", ["UA", "KZ"])
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8 701 123 4567", "+77011234567"),
        ("8 (701) 123-45-67", "+77011234567"),
        ("701 123 45 67", "+77011234567"),
        ("0501234567", "+380501234567"),
        ("(050) 123-45-67", "+380501234567"),
        ("50 123 45 67", "+380501234567"),
    ],
)
def test_a_national_form_of_either_market_is_read_as_that_country_whatever_the_default(
    raw: str, expected: str, region: str
) -> None:
    """The bot's default region was Ukraine's everywhere: "8 701 123 4567", as Kazakh members
    and registries write their numbers, was refused in the call-back form, by /find and
    /setphone and in a registry row. Ukraine's and Kazakhstan's national forms do not overlap."""
    assert normalize_phone(raw, region) == expected


def test_mask_keeps_country_code_and_last_four_digits() -> None:
    assert mask_phone("+380501234567") == "+380 ••• ••• 45 67"
    assert mask_phone("+77011234567") == "+7 ••• ••• 45 67"


def test_mask_of_unparsable_text_keeps_only_last_four_digits() -> None:
    assert mask_phone("501234567") == "••• 45 67"
    assert mask_phone("") == "••• ••"


def test_the_markets_national_forms_meet_only_on_service_numbers() -> None:
    """Strings of digits read in both markets' regions: where both are valid and differ, the
    number is a toll-free or premium one (800, 900), which the default region reads first."""
    rng = random.Random(7)
    both = set()
    for _ in range(20_000):
        text = "".join(rng.choice("0123456789") for _ in range(rng.choice([9, 10, 11])))
        ua, kz = read_in(text, "UA"), read_in(text, "KZ")
        if ua and kz and ua != kz:
            both.add(text[:3])
            assert normalize_phone(text, "UA") == ua and normalize_phone(text, "KZ") == kz
    assert both <= {"800", "900"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("+380 50 111 22 33", True),
        ("050 111 22 33", True),
        ("8 701 000 99 99", True),
        ("930625450123", False),  # a Kazakh IIN: read as an Afghan number
        ("3012345678", False),  # a Ukrainian tax number: read as a Russian one
        ("KZ-100003", False),
        ("12345", False),
    ],
)
def test_a_member_s_own_number_is_one_of_the_markets(typed: str, expected: bool) -> None:
    assert is_market_phone(typed) is expected
