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

from bot.services.cards import link_activated_card, remind_coverage
from bot.services.dates import parse_birth_date
from bot.services.forms import without_opening
from storage.models import HolderType, InsuredPerson, Member, Policy, ReminderKind
from storage.repositories import attempts as attempts_repo
from storage.repositories import cards as cards_repo
from storage.repositories import reminders as reminders_repo

REMINDER_ACTIVATION_OPENS = ReminderKind.ACTIVATION_OPENS


@dataclass(frozen=True)
class ActivationRules:
    """Waiting periods and the attempt limits (docs/security.md says why these numbers).

    `max_failures`: wrong pairs one account may give in `window`, whatever IDs it types (the
    owner's own lock: only their own mistakes count). `max_failures_per_id`: wrong pairs one
    insured ID may receive in `window` from all accounts together, so many accounts cannot
    guess one ID's date of birth; higher than `max_failures`, so a few strangers' wrong tries
    never lock the owner out. An account that gave the right pair for the ID within
    `proved_for` (e.g. during the waiting period) is not held by the ID's limit.
    """

    waiting_days_individual: int = 15
    waiting_days_corporate: int = 3
    max_failures: int = 5
    max_failures_per_id: int = 20
    window: timedelta = timedelta(hours=1)
    proved_for: timedelta = timedelta(days=60)


class Outcome(StrEnum):
    LINKED = "linked"
    WAITING = "waiting"
    WRONG = "wrong"
    LOCKED = "locked"


class LockScope(StrEnum):
    """Which limit refused an activation."""

    ACCOUNT = "account"  # this account's own wrong pairs
    INSURED_ID = "insured_id"  # wrong pairs for this ID from all accounts


@dataclass(frozen=True)
class ActivationResult:
    outcome: Outcome
    lock: LockScope | None = None
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


# what people put between an ID's parts, or leave out: spaces, dashes of any kind, slashes,
# dots, underscores
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212/._]+")


def normalize_insured_id(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


# what members write before the ID itself, copied from a letter or said as they would say it:
# "ID: KZ-100003", "мой ID KZ-100003", "№ UA-200201", "ID застрахованного KZ-100003", "менің ID
# нөмірім KZ-100003", "my ID number KZ-100003", "my ID is KZ-100003"; a word
# label needs a space or a colon after it ("ID-2026-7" or "NO123" may be an ID of its own)
_LABEL = re.compile(
    r"^\s*(?:(?:мой|мій|my|менің)\s+)?"
    r"(?:(?:id|ід|ид|айди|айді|номер|no\.?|иин|iin|жсн)"
    r"(?:\s+(?:застрахованного|застрахованого|сақтандырылған\s+адамның|нөмірім|нөмірі|number))?"
    r"(?:\s+is)?(?:\s*[:#№]\s*|\s+)|№\s*)",
    re.IGNORECASE,
)


def strip_label(text: str) -> str:
    """`text` without a label written before the ID ("ID: KZ-100003" is "KZ-100003"), when
    what is left has a digit; else `text` as it is."""
    rest = _LABEL.sub("", text, count=1)
    return rest if rest != text and any(ch.isdigit() for ch in rest) else text


# IDs are written in Latin letters; a member on a Cyrillic keyboard types the country as its
# letters are said ("КЗ", "УА"), or the same keys in the Cyrillic layout ("ЛЯ" is K and Z,
# "ГФ" is U and A), and any other letter as the Cyrillic one that looks the same ("К", "А")
_CYRILLIC_PREFIXES = {"КЗ": "KZ", "ЛЯ": "KZ", "УА": "UA", "ГФ": "UA"}
_LOOKALIKES = str.maketrans("АВЕКМНОРСТХІ", "ABEKMHOPCTXI")


def fold_insured_id(text: str) -> str:
    """An insured ID without separators, upper case, in Latin letters: "kz 100003",
    "KZ–100003", "кз-100003" and "ЛЯ100003" are "KZ100003", as
    `storage.models.FOLDED_INSURED_ID` makes "KZ-100003"."""
    folded = _SEPARATORS.sub("", text).upper()
    latin = _CYRILLIC_PREFIXES.get(folded[:2])
    if latin is not None:
        folded = latin + folded[2:]
    return folded.translate(_LOOKALIKES)


INSURED_ID_MAX = 64


def is_insured_id(text: str) -> bool:
    """Whether `text` (a label before it allowed) can be an insured ID (`can_be_id`)."""
    return can_be_id(normalize_insured_id(strip_label(text)))


def can_be_id(bare: str) -> bool:
    """Whether `bare` (spaces out: `normalize_insured_id`) can be an insured ID: 3 to 64
    letters or digits, with the separators people put between the parts."""
    return 3 <= len(bare) <= INSURED_ID_MAX and fold_insured_id(bare).isalnum()


def looks_like_insured_id(text: str) -> bool:
    """Whether a message sent where nothing was asked is an insured ID, not words: valid, with
    a digit, in at most two parts, each with a digit or a short code ("KZ 100003")."""
    words = strip_label(text).split()
    return (
        is_insured_id(text)
        and 1 <= len(words) <= 2
        and any(ch.isdigit() for ch in text)
        and all(any(ch.isdigit() for ch in w) or (w.isalpha() and len(w) <= 3) for w in words)
    )


# a date of birth is at most three words: "25.06.1993", "25 June 1993"; its label before it
# two more ("дата рождения 05.03.1984")
_DATE_WORDS = 3
_DATE_LABEL_WORDS = 2
# what members write before a date of birth: "дата рождения", "д.р.", "date of birth", "DOB"
_BIRTH_LABEL = (
    r"(?:дата\s+рождения|дата\s+народження|д\.\s*р\.?|др|д\.\s*н\.?|date\s+of\s+birth|dob|"
    r"born|туған\s+күні|туған\s+күнім)"
)
_BIRTH_LABEL_AFTER = re.compile(r"[\s,;]*" + _BIRTH_LABEL + r"\s*[:\-–]?\s*$", re.IGNORECASE)
_BIRTH_LABEL_BEFORE = re.compile(r"^\s*" + _BIRTH_LABEL + r"\s*[:\-–]?\s*", re.IGNORECASE)


def read_birth_date(text: str, today: date) -> date | None:
    """A date of birth as typed on its step, its label before it allowed ("дата рождения
    05.03.1984", "DOB: 5 March 1984"): `parse_birth_date`'s."""
    return parse_birth_date(_BIRTH_LABEL_BEFORE.sub("", text, count=1), today)


def split_birth_date(text: str, today: date) -> tuple[str, date | None]:
    """An insured ID typed with the date of birth in one message, after or before it
    ("KZ-100003 25.06.1993", "25 June 1993, KZ-100003"): the ID's text and the date. `text`
    and None when no date of birth stands at either end of a part that has a digit. A date
    written in digits alone is not split off: it may be the end of an ID ("KZ 04041991"). A
    greeting before them is no part of either ("Здравствуйте! Мой ID KZ-100003, …",
    `forms.without_opening`): the ID's text is without it."""
    text = without_opening(text)
    words = text.split()
    for count in range(1, _DATE_WORDS + _DATE_LABEL_WORDS + 1):
        if len(words) <= count:
            break
        for date_words, id_words in (
            (words[-count:], words[:-count]),
            (words[:count], words[count:]),
        ):
            # its label left out: "…, дата рождения 05.03.1984", "DOB 05.03.1984, KZ-100003"
            piece = _BIRTH_LABEL_BEFORE.sub("", " ".join(date_words).strip(",;"), count=1)
            rest = _BIRTH_LABEL_AFTER.sub("", " ".join(id_words).strip(" ,;"), count=1)
            if len(piece.split()) > _DATE_WORDS:
                continue
            if piece.isdigit() or not any(ch.isdigit() for ch in rest):
                continue
            born = parse_birth_date(piece, today)
            if born is not None:
                return rest, born
    return text, None


def insured_key(insured_id: str, secret: bytes) -> str:
    """A keyed hash, so the attempt log never holds a typed ID in clear; of the folded ID
    without its label, so ways of writing one ID count against its one limit."""
    folded = fold_insured_id(strip_label(insured_id))
    return hmac.new(secret, folded.encode(), hashlib.sha256).hexdigest()


async def card_of_insured_id(
    session: AsyncSession, typed: str
) -> tuple[InsuredPerson, Policy] | None:
    """The card of the ID as typed, or else the one card whose ID differs only in separators
    (none when two do: the ID does not say which); then the same for the ID without a label
    written before it ("ID: KZ-100003")."""
    for candidate in dict.fromkeys((typed, strip_label(typed))):
        found = await cards_repo.by_insured_id(session, normalize_insured_id(candidate))
        if found is not None:
            return found
        folded = await cards_repo.by_folded_insured_id(session, fold_insured_id(candidate))
        if folded:
            return folded[0] if len(folded) == 1 else None
    return None


def guard_keys(telegram_id: int, key: str) -> list[str]:
    """The guard rows of the two limits an activation counts against."""
    return [f"account:{telegram_id}", f"id:{key}"]


async def _lock(
    session: AsyncSession, telegram_id: int, key: str, now: datetime, rules: ActivationRules
) -> ActivationResult | None:
    """The lock that refuses this account and ID now, with the time it ends; None when free."""
    since = now - rules.window
    count, oldest = await attempts_repo.failures_since(session, since, telegram_id=telegram_id)
    if count >= rules.max_failures and oldest is not None:
        return ActivationResult(
            Outcome.LOCKED, lock=LockScope.ACCOUNT, locked_until=oldest + rules.window
        )
    count, oldest = await attempts_repo.failures_since(session, since, insured_key=key)
    if (
        count >= rules.max_failures_per_id
        and oldest is not None
        and not await attempts_repo.proved_since(session, now - rules.proved_for, telegram_id, key)
    ):
        return ActivationResult(
            Outcome.LOCKED, lock=LockScope.INSURED_ID, locked_until=oldest + rules.window
        )
    return None


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

    A wrong pair never tells which half was wrong. Failures are limited per account and per
    insured ID within a sliding window (`ActivationRules`); a lock ends when the oldest failure
    in the window leaves it. The limits' guard rows are locked first, so guesses sent at once
    are checked and recorded one after another on SQLite and PostgreSQL alike; the caller
    commits right after (the locks are held until then).
    """
    key = insured_key(insured_id, secret)
    await attempts_repo.hold(session, guard_keys(member.telegram_id, key), now)
    if locked := await _lock(session, member.telegram_id, key, now, rules):
        return locked

    found = await card_of_insured_id(session, insured_id)
    if found is None or found[0].birth_date != birth_date:
        await attempts_repo.add(session, member.telegram_id, key, succeeded=False, at=now)
        if locked := await _lock(session, member.telegram_id, key, now, rules):
            return locked
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
    today = now.astimezone(tz).date()
    # a coverage starting after the waiting period has its own day to be told (the activation
    # reminder's "open from today" says it when it starts by then)
    await remind_coverage(
        session, member.id, person.id, policy.coverage_start, max(today, opens_on), now
    )
    if today < opens_on:
        await reminders_repo.ensure(
            session, member.id, REMINDER_ACTIVATION_OPENS, person.id, opens_on, now
        )
        return ActivationResult(Outcome.WAITING, card_id=person.id, opens_on=opens_on)
    return ActivationResult(Outcome.LINKED, card_id=person.id)
