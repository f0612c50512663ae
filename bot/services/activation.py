"""Activation by insured ID + date of birth: waiting period and attempt limits."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.cards import link_activated_card
from storage.models import HolderType, Member, Policy, ReminderKind
from storage.repositories import attempts as attempts_repo
from storage.repositories import cards as cards_repo
from storage.repositories import reminders as reminders_repo

REMINDER_ACTIVATION_OPENS = ReminderKind.ACTIVATION_OPENS


@dataclass(frozen=True)
class ActivationRules:
    waiting_days_individual: int = 15
    waiting_days_corporate: int = 3
    max_failures: int = 5
    window: timedelta = timedelta(hours=1)


class Outcome(StrEnum):
    LINKED = "linked"
    WAITING = "waiting"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True)
class ActivationResult:
    outcome: Outcome
    card_id: int | None = None
    opens_on: date | None = None
    locked_until: datetime | None = None
    attempts_left: int | None = None


def activation_opens_on(policy: Policy, rules: ActivationRules) -> date:
    """The first day activation is allowed: N calendar days after the contract was signed."""
    days = (
        rules.waiting_days_corporate
        if policy.holder_type == HolderType.CORPORATE
        else rules.waiting_days_individual
    )
    return policy.contract_signed + timedelta(days=days)


def normalize_insured_id(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def insured_key(insured_id: str, secret: bytes) -> str:
    """A keyed hash, so the attempt log never holds a typed ID in clear."""
    return hmac.new(secret, normalize_insured_id(insured_id).encode(), hashlib.sha256).hexdigest()


async def _locked_until(
    session: AsyncSession, telegram_id: int, key: str, now: datetime, rules: ActivationRules
) -> datetime | None:
    since = now - rules.window
    until: datetime | None = None
    for scope in ({"telegram_id": telegram_id}, {"insured_key": key}):
        count, oldest = await attempts_repo.failures_since(session, since, **scope)
        if count >= rules.max_failures and oldest is not None:
            candidate = oldest + rules.window
            until = max(until, candidate) if until else candidate
    return until


async def activate(
    session: AsyncSession,
    member: Member,
    insured_id: str,
    birth_date: date,
    now: datetime,
    tz: ZoneInfo,
    rules: ActivationRules,
    secret: bytes,
) -> ActivationResult:
    """Check an insured ID + date of birth pair and link the card when it is right.

    A wrong pair never tells which half was wrong. Failures are limited per Telegram user
    and per insured ID within a sliding window; the lock ends when the oldest failure in the
    window leaves it.
    """
    key = insured_key(insured_id, secret)
    await attempts_repo.serialize(session)  # guesses sent at once are counted one by one
    if until := await _locked_until(session, member.telegram_id, key, now, rules):
        return ActivationResult(Outcome.LOCKED, locked_until=until)

    found = await cards_repo.by_insured_id(session, normalize_insured_id(insured_id))
    if found is None or found[0].birth_date != birth_date:
        await attempts_repo.add(session, member.telegram_id, key, succeeded=False, at=now)
        if until := await _locked_until(session, member.telegram_id, key, now, rules):
            return ActivationResult(Outcome.LOCKED, locked_until=until)
        used, _ = await attempts_repo.failures_since(
            session, now - rules.window, telegram_id=member.telegram_id
        )
        return ActivationResult(Outcome.WRONG, attempts_left=rules.max_failures - used)

    person, policy = found
    assert person.id is not None and member.id is not None
    await attempts_repo.add(session, member.telegram_id, key, succeeded=True, at=now)
    opens_on = activation_opens_on(policy, rules)
    # the card is linked during the waiting period too, as the phone links it; the member is
    # told the date it opens and reminded on that day
    await link_activated_card(session, member, person, now)
    if now.astimezone(tz).date() < opens_on:
        await reminders_repo.ensure(
            session, member.id, REMINDER_ACTIVATION_OPENS, person.id, opens_on, now
        )
        return ActivationResult(Outcome.WAITING, card_id=person.id, opens_on=opens_on)
    return ActivationResult(Outcome.LINKED, card_id=person.id)
