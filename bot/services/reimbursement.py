"""Reimbursement claims: how far back a service date may be, currencies, bank accounts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.cards import CardView, home_phone
from bot.services.money import CURRENCIES, clean_iban
from storage.models import Member, RequestKind
from storage.repositories import requests as requests_repo

REIMBURSEMENT_MAX_AGE_DAYS = 90
# the currency a member most likely paid in, by the country of their phone
HOME_CURRENCY = {"+380": "UAH", "+7": "KZT"}


@dataclass(frozen=True)
class DateRefusal:
    """Why a service date is refused: `reason` is a Fluent key, `limit` the date it names."""

    reason: str
    limit: date


def earliest_service_date(card: CardView, today: date) -> date:
    """The oldest service date a claim may have: within the age limit and within coverage."""
    return max(card.coverage_start, today - timedelta(days=REIMBURSEMENT_MAX_AGE_DAYS))


def service_date_refusal(service_date: date, card: CardView, today: date) -> DateRefusal | None:
    """None when a claim for a service on `service_date` may be made today."""
    if service_date > today:
        return DateRefusal("reimbursement-date-future", today)
    earliest = earliest_service_date(card, today)
    if service_date >= earliest:
        return None
    # name the limit that sets the earliest date, so the member learns the first day allowed
    if earliest == card.coverage_start:
        return DateRefusal("reimbursement-date-before-coverage", earliest)
    return DateRefusal("reimbursement-date-too-old", earliest)


def currency_order(phone: str | None) -> list[str]:
    """All currencies, the one of the phone's country first."""
    home = next(
        (c for prefix, c in HOME_CURRENCY.items() if (phone or "").startswith(prefix)), None
    )
    return sorted(CURRENCIES, key=lambda c: c != home)


async def currencies_for(session: AsyncSession, member: Member) -> list[str]:
    """All currencies, the member's home one first (`cards.home_phone`'s country)."""
    return currency_order(await home_phone(session, member))


# how many of a member's latest claims are looked through for the account they were paid to
IBAN_LOOKBACK = 5


async def last_iban(session: AsyncSession, member: Member) -> str | None:
    """The IBAN of the member's latest claim that has one still valid (retention anonymises
    old ones), offered on the next claim's IBAN step: people claim to the same account."""
    assert member.id is not None
    for details in await requests_repo.latest_details(
        session, member.id, (RequestKind.REIMBURSEMENT,), IBAN_LOOKBACK
    ):
        iban = clean_iban(str(details.get("iban") or ""))
        if iban is not None:
            return iban
    return None


def short_iban(iban: str) -> str:
    """An IBAN for a button: its country and check digits and its last four ("UA21 … 6001")."""
    return f"{iban[:4]} … {iban[-4:]}"


# digits alone, as many as a payment card number has, in groups or not, alone or in a
# sentence ("на картку приватбанку 4149 4993 1234 5678"); not in a message with an IBAN's
# start (its country's letters and check digits: the rest of it is digits too)
_DIGITS = re.compile(r"\d(?:[ \-]?\d)*")
_CARD_DIGITS = range(13, 20)
_IBAN_START = re.compile(r"(?<![^\W\d_])[a-z]{2}\d{2}", re.IGNORECASE)


def _card_number_in(text: str) -> bool:
    if _IBAN_START.search(text):
        return False
    return any(sum(ch.isdigit() for ch in run) in _CARD_DIGITS for run in _DIGITS.findall(text))


def iban_refusal(text: str) -> str | None:
    """None for a valid Ukrainian or Kazakh IBAN, else the Fluent key saying what is wrong
    (a payment card's number, typed where the account is asked for, is named as such)."""
    if clean_iban(text) is not None:
        return None
    if _card_number_in(text):
        return "reimbursement-iban-card"
    from schwifty import IBAN  # loaded by `clean_iban` already
    from schwifty.exceptions import SchwiftyException

    try:
        IBAN(text)
    except (SchwiftyException, ValueError):
        return "reimbursement-iban-invalid"
    return "reimbursement-iban-country"
