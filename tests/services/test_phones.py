from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneNumberFormat, PhoneNumberType

from bot.services.phones import (
    _E164,
    _country,
    _valid_as_written,
    is_market_phone,
    mask_phone,
    normalize_phone,
    phone_in_text,
)
from bot.services.phones import _parse_valid as read_in


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


def _parsed(text: str) -> str | None:
    """The library's own way: its parser, then its check."""
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def test_a_number_written_as_e164_is_checked_as_the_library_parses_it() -> None:
    """Numbers written as E.164 are checked without the library's parser where it would keep
    every digit after the country code; the answer is the parser's, for every country code: its
    example numbers (valid) and random digits after it (mostly not)."""
    rng = random.Random(12)
    texts = []
    for code, regions in COUNTRY_CODE_TO_REGION_CODE.items():
        for region in regions:
            for kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, None):
                example = (
                    phonenumbers.example_number_for_type(region, kind)
                    if kind is not None
                    else phonenumbers.example_number_for_non_geo_entity(code)
                )
                if example is not None:
                    texts.append(phonenumbers.format_number(example, PhoneNumberFormat.E164))
        for _ in range(60):
            rest = "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 14)))
            texts.append(f"+{code}{rest}"[:17])
    decided = 0
    for text in texts:
        if not _E164.fullmatch(text):
            continue
        valid = _valid_as_written(text)
        if valid is None:
            continue
        decided += 1
        assert (text if valid else None) == _parsed(text), text
        assert normalize_phone(text) == _parsed(text), text
    assert decided > 0.7 * len(texts)


def _near(national: str, rng: random.Random) -> list[str]:
    """Numbers next to a valid one: a digit changed, one dropped, one added, two swapped."""
    digits = list(national)
    out = []
    for place in range(len(digits)):
        changed = digits.copy()
        changed[place] = rng.choice("0123456789")
        out.append("".join(changed))
    out.append(national[:-1])
    out.append(national + rng.choice("0123456789"))
    out.append(national[:1] + rng.choice("123456789") + national[1:])
    if len(digits) > 2:
        swapped = digits.copy()
        swapped[1], swapped[2] = swapped[2], swapped[1]
        out.append("".join(swapped))
    return [number for number in out if number and not number.startswith("0")]


def test_a_national_number_is_valid_exactly_when_the_library_says_so() -> None:
    """The check made with the library's patterns a length at a time (`_Country.valid`) gives
    `phonenumbers.is_valid_number`'s answer for every region's example number of every type, and
    for numbers a digit away from them (valid in other ranges, or not: most are decided by a
    single pattern), including the country codes regions share (+7: Russia and Kazakhstan)."""
    rng = random.Random(5)
    kinds = [kind for kind in vars(PhoneNumberType).values() if isinstance(kind, int)]
    checked = valid = 0
    for code, regions in COUNTRY_CODE_TO_REGION_CODE.items():
        country = _country(str(code))
        assert country is not None, code
        examples = []
        for region in regions:
            for kind in kinds:
                example = (
                    phonenumbers.example_number_for_type(region, kind)
                    if region != "001"
                    else phonenumbers.example_number_for_non_geo_entity(code)
                )
                if example is not None and example.country_code == code:
                    examples.append(str(example.national_number))
        for national in {n for example in examples for n in (example, *_near(example, rng))}:
            number = phonenumbers.PhoneNumber(country_code=code, national_number=int(national))
            expected = phonenumbers.is_valid_number(number)
            assert country.valid(national) == expected, (code, national)
            checked += 1
            valid += expected
    assert checked > 12_000 and 0.2 * checked < valid < 0.8 * checked, (checked, valid)


@pytest.mark.parametrize("text", ["+380501112233", "+77010000101", "+380442345678"])
def test_the_markets_numbers_written_as_e164_are_not_parsed(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def parse(*args: object) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(phonenumbers, "parse", parse)
    assert normalize_phone(text) == text
    assert normalize_phone(text[1:]) == text  # a Telegram contact's, without the "+"


def test_the_library_keeps_its_patterns_compiled() -> None:
    """bot.services.phones turns on the library's own cache of compiled patterns (a fifth of a
    number's check: docs/performance.md, "Registry import")."""
    from phonenumbers import re_util

    assert re_util._COMPILED_PATTERNS is not None
    normalize_phone("+380501112233")
    assert any("\\d" in pattern for pattern in re_util._COMPILED_PATTERNS)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("мой номер 0501112233", "+380501112233"),
        ("мій 050 111 22 33", "+380501112233"),
        ("звоните на 8 701 123 45 67 после обеда", "+77011234567"),
        ("my number is +380 67 123 45 67", "+380671234567"),
        # none, two, or one with an extension the number to call would lose
        ("позвоните мне", None),
        ("номер +380501112233 или 0671234567", None),
        ("+38 (050) 111-22-33 доб. 12", None),
        ("UA-300000 1984", None),
    ],
)
def test_the_one_phone_number_a_sentence_holds(typed: str, expected: str | None) -> None:
    assert phone_in_text(typed) == expected
