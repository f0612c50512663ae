from datetime import date

import pytest

from bot.services.cards import CardStatus, CardView
from bot.services.reimbursement import (
    REIMBURSEMENT_MAX_AGE_DAYS,
    currency_order,
    earliest_service_date,
    iban_refusal,
    service_date_refusal,
)

TODAY = date(2026, 11, 22)


def _card(coverage_start: date = date(2026, 1, 25)) -> CardView:
    return CardView(
        card_id=1,
        policy_number="SIP-2026-0001",
        program="Standard",
        holder_type="individual",
        holder_name="Olena Kovalenko",
        relation="self",
        coverage_start=coverage_start,
        coverage_end=date(2026, 12, 31),
        insured_id="UA-100101",
        status=CardStatus.ACTIVE,
        is_active=True,
    )


def test_the_age_limit_is_ninety_days():
    assert REIMBURSEMENT_MAX_AGE_DAYS == 90


def test_earliest_date_is_ninety_days_back_on_a_long_running_card():
    assert earliest_service_date(_card(), TODAY) == date(2026, 8, 24)


def test_earliest_date_is_the_coverage_start_on_a_recent_card():
    assert earliest_service_date(_card(date(2026, 10, 1)), TODAY) == date(2026, 10, 1)


@pytest.mark.parametrize("day", [TODAY, date(2026, 8, 24), date(2026, 10, 1)])
def test_dates_within_the_limits_are_accepted(day):
    assert service_date_refusal(day, _card(), TODAY) is None


def test_the_first_day_of_coverage_is_accepted():
    assert service_date_refusal(date(2026, 10, 1), _card(date(2026, 10, 1)), TODAY) is None


@pytest.mark.parametrize(
    ("day", "coverage_start", "reason", "limit"),
    [
        (date(2026, 11, 23), date(2026, 1, 25), "reimbursement-date-future", TODAY),
        (date(2026, 8, 23), date(2026, 1, 25), "reimbursement-date-too-old", date(2026, 8, 24)),
        (date(2025, 12, 1), date(2026, 1, 25), "reimbursement-date-too-old", date(2026, 8, 24)),
        (
            date(2026, 9, 30),
            date(2026, 10, 1),
            "reimbursement-date-before-coverage",
            date(2026, 10, 1),
        ),
    ],
)
def test_a_refusal_names_the_limit_and_its_date(day, coverage_start, reason, limit):
    refusal = service_date_refusal(day, _card(coverage_start), TODAY)
    assert refusal is not None
    assert (refusal.reason, refusal.limit) == (reason, limit)


@pytest.mark.parametrize(
    ("phone", "first"),
    [("+380501112233", "UAH"), ("+77011234567", "KZT"), ("+48501112233", "UAH"), (None, "UAH")],
)
def test_the_phone_country_currency_comes_first(phone, first):
    order = currency_order(phone)
    assert order[0] == first
    assert sorted(order) == ["EUR", "KZT", "UAH", "USD"]


def test_currency_order_for_kazakhstan_keeps_the_rest_in_place():
    assert currency_order("+77011234567") == ["KZT", "UAH", "USD", "EUR"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("UA213223130000026007233566001", None),
        ("ua21 3223 1300 0002 6007 2335 6600 1", None),
        ("KZ86125KZT5004100100", None),
        ("UA213223130000026007233566002", "reimbursement-iban-invalid"),
        ("hello", "reimbursement-iban-invalid"),
        ("DE89370400440532013000", "reimbursement-iban-country"),
        # a payment card's number, as people copy it from the card: named as such
        ("4149 4993 1234 5678", "reimbursement-iban-card"),
        ("5168-7573-0012-3456", "reimbursement-iban-card"),
        ("4400430212345678", "reimbursement-iban-card"),
        ("123456", "reimbursement-iban-invalid"),  # too short for a card
        # in a sentence too (it was "not a valid IBAN"), but not an IBAN's digits in groups
        ("на картку приватбанку 4149 4993 1234 5678", "reimbursement-iban-card"),
        ("my card is 5168-7573-0012-3456", "reimbursement-iban-card"),
        ("UA21 3223 1300 0002 6007 2335 6600 2", "reimbursement-iban-invalid"),
        ("IBAN ua21 3223 1300 0002 6007 2335 6600 2", "reimbursement-iban-invalid"),
    ],
)
def test_iban_refusal(text, reason):
    assert iban_refusal(text) == reason
