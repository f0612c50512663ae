"""Staff commands: find a member or card, fix a card's phone, import the registry, statistics.

Personal data leaves this module already masked (phones, insured IDs; birth dates as the year
only), so a handler cannot show staff more than they need. Every command is audited. Nothing
here commits: the update's transaction does, so a failure leaves nothing half-done.
"""

from __future__ import annotations

import asyncio
import hashlib
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from bot.services import outbox
from bot.services.cards import CardStatus, card_status, relink_phones
from bot.services.notifications import CardsLinked
from bot.services.phones import mask_phone, normalize_phone
from bot.services.registry import ImportReport, canonical_id, import_registry, mask_id, read_rows
from bot.services.staff import audit
from bot.textfit import MESSAGE_LIMIT, pack
from storage.models import (
    CardLink,
    InsuredPerson,
    Member,
    Notification,
    NotificationStatus,
    Policy,
    Request,
    RequestKind,
    RequestStatus,
)
from storage.repositories import cards as cards_repo

MAX_SHOWN = 20  # members and cards listed by one /find; the rest are only counted

_TARGET_LENGTH = 128  # audit_log.target
_DEDUP_LENGTH = 128  # notifications.dedup_key


# --- find ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardHit:
    """A card as staff see it: insured ID and phone masked, birth date reduced to the year."""

    card_id: int
    policy_number: str
    program: str
    holder_type: str
    full_name: str
    relation: str
    insured_id: str
    birth_year: int
    phone: str | None
    coverage_start: date
    coverage_end: date
    status: CardStatus
    member_ids: tuple[int, ...]


@dataclass(frozen=True)
class MemberHit:
    """A bot user as staff see them; `cards` are (policy number, masked insured ID) pairs."""

    member_id: int
    full_name: str | None
    phone: str | None
    birth_year: int | None
    language: str | None
    unreachable: bool
    cards: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FindResult:
    target: str  # the query as the audit log keeps it (masked)
    members: list[MemberHit]
    cards: list[CardHit]
    members_total: int
    cards_total: int

    @property
    def empty(self) -> bool:
        return not self.members and not self.cards


async def _cards_where(
    session: AsyncSession, where: ColumnElement[bool]
) -> tuple[list[tuple[InsuredPerson, Policy]], int]:
    """Up to MAX_SHOWN cards matching `where`, and how many match in all."""
    rows = await session.execute(
        select(InsuredPerson, Policy)
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(where)
        .order_by(col(InsuredPerson.id))
        .limit(MAX_SHOWN)
    )
    total = await session.scalar(
        select(func.count())
        .select_from(InsuredPerson)
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(where)
    )
    return [(person, policy) for person, policy in rows.all()], int(total or 0)


def _masked(phone: str | None) -> str | None:
    return mask_phone(phone) if phone else None


def _card_hit(
    person: InsuredPerson, policy: Policy, member_ids: Iterable[int], today: date
) -> CardHit:
    assert person.id is not None
    return CardHit(
        card_id=person.id,
        policy_number=policy.number,
        program=policy.program,
        holder_type=policy.holder_type,
        full_name=person.full_name,
        relation=person.relation,
        insured_id=mask_id(person.insured_id),
        birth_year=person.birth_date.year,
        phone=_masked(person.phone),
        coverage_start=policy.coverage_start,
        coverage_end=policy.coverage_end,
        status=card_status(policy, today),
        member_ids=tuple(sorted(set(member_ids))),
    )


async def _member_hit(session: AsyncSession, member: Member) -> MemberHit:
    assert member.id is not None
    linked = await cards_repo.linked_to(session, member.id)
    return MemberHit(
        member_id=member.id,
        full_name=member.full_name,
        phone=_masked(member.phone),
        birth_year=member.birth_date.year if member.birth_date else None,
        language=member.language,
        unreachable=member.unreachable_since is not None,
        cards=tuple((policy.number, mask_id(person.insured_id)) for person, policy, _ in linked),
    )


def _target(key: str, phone: str | None, rows: Sequence[tuple[InsuredPerson, Policy]]) -> str:
    """What the audit log keeps of the query: a policy number as is, the rest masked."""
    if any(person.insured_id == key for person, _ in rows):
        return mask_id(key)
    if any(policy.number == key for _, policy in rows):
        return key[:_TARGET_LENGTH]
    return mask_phone(phone) if phone else mask_id(key)


async def find(
    session: AsyncSession,
    query: str,
    staff_id: int,
    now: datetime,
    today: date,
    *,
    default_region: str = "UA",
) -> FindResult:
    """Members and cards for a phone, a policy number or an insured ID; audited as "find".

    The query is tried as all three (an insured ID or policy number compares without spaces
    and case). Members are those with that phone and those linked to a card found. At most
    MAX_SHOWN of each are returned, with the totals.
    """
    key = canonical_id(query)
    phone = normalize_phone(" ".join(query.split()), default_region)
    conditions: list[ColumnElement[bool]] = []
    if key:
        conditions += [col(InsuredPerson.insured_id) == key, col(Policy.number) == key]
    if phone:
        conditions.append(col(InsuredPerson.phone) == phone)
    where = or_(*conditions) if conditions else None
    rows, cards_total = await _cards_where(session, where) if where is not None else ([], 0)

    members_of: dict[int, list[int]] = {}
    if where is not None:
        matching = (
            select(InsuredPerson.id)
            .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
            .where(where)
        )
        links = await session.execute(
            select(CardLink.card_id, CardLink.member_id).where(col(CardLink.card_id).in_(matching))
        )
        for card_id, member_id in links.all():
            members_of.setdefault(card_id, []).append(member_id)
    member_ids = {m for ids in members_of.values() for m in ids}
    if phone:
        by_phone = await session.execute(select(Member.id).where(Member.phone == phone))
        member_ids.update(m for m in by_phone.scalars() if m is not None)
    shown = sorted(member_ids)[:MAX_SHOWN]
    members = await session.execute(
        select(Member).where(col(Member.id).in_(shown)).order_by(col(Member.id))
    )

    result = FindResult(
        target=_target(key, phone, rows),
        members=[await _member_hit(session, member) for member in members.scalars().all()],
        cards=[
            _card_hit(person, policy, members_of.get(person.id or 0, ()), today)
            for person, policy in rows
        ],
        members_total=len(member_ids),
        cards_total=cards_total,
    )
    await audit(
        session,
        staff_id,
        "find",
        now,
        target=result.target,
        details={"members": result.members_total, "cards": result.cards_total},
    )
    return result


# --- linking notifications -----------------------------------------------------------------


def linked_dedup_key(member_id: int, card_ids: Iterable[int]) -> str:
    """`linked:<member>:<card ids>`; a long list of ids is replaced by its hash (column width)."""
    ids = ",".join(str(card_id) for card_id in sorted(card_ids))
    key = f"linked:{member_id}:{ids}"
    if len(key) > _DEDUP_LENGTH:
        key = f"linked:{member_id}:#{hashlib.sha256(ids.encode()).hexdigest()[:32]}"
    return key


async def notify_cards_linked(
    session: AsyncSession, gained: Sequence[tuple[Member, Sequence[InsuredPerson]]], now: datetime
) -> int:
    """Queue a `cards_linked` message for each member who gained cards; returns how many."""
    told = 0
    for member, cards in gained:
        card_ids = [card.id for card in cards if card.id is not None]
        if member.id is None or not card_ids:
            continue
        await outbox.enqueue(
            session,
            CardsLinked(count=len(card_ids)),
            dedup_key=linked_dedup_key(member.id, card_ids),
            member_id=member.id,
            now=now,
        )
        told += 1
    return told


# --- /setphone -----------------------------------------------------------------------------


async def _linked_members(session: AsyncSession, person: InsuredPerson) -> set[int]:
    result = await session.execute(select(CardLink.member_id).where(CardLink.card_id == person.id))
    return set(result.scalars())


class CardNotFoundError(LookupError):
    """No card with that insured ID (`masked` is safe to show)."""

    def __init__(self, masked: str) -> None:
        super().__init__(masked)
        self.masked = masked


class InvalidPhoneError(ValueError):
    """The text is not a valid phone number."""


@dataclass(frozen=True)
class PhoneFix:
    insured_id: str  # masked
    old_phone: str | None  # masked
    new_phone: str  # masked
    changed: bool
    members_told: int
    # members whose phone-made link to this card went away (their phone is no longer its phone)
    unlinked: tuple[int, ...] = ()


async def set_card_phone(
    session: AsyncSession,
    insured_id: str,
    phone_text: str,
    staff_id: int,
    now: datetime,
    *,
    default_region: str = "UA",
) -> PhoneFix:
    """Correct a card's registry phone, re-run linking for the old and the new phone, and
    queue `cards_linked` for members who gained cards; audited as "setphone".

    Raises InvalidPhoneError or CardNotFoundError (then nothing changed).
    """
    phone = normalize_phone(phone_text, default_region)
    if phone is None:
        raise InvalidPhoneError(phone_text)
    key = canonical_id(insured_id)
    found = await cards_repo.by_insured_id(session, key) if key else None
    if found is None:
        raise CardNotFoundError(mask_id(key))
    person, _policy = found
    old = person.phone
    told = 0
    unlinked: tuple[int, ...] = ()
    if old != phone:
        before = await _linked_members(session, person)
        person.phone = phone
        person.updated_at = now
        session.add(person)
        await session.flush()
        gained = await relink_phones(session, {p for p in (old, phone) if p}, now)
        told = await notify_cards_linked(session, gained, now)
        unlinked = tuple(sorted(before - await _linked_members(session, person)))
    fix = PhoneFix(mask_id(key), _masked(old), mask_phone(phone), old != phone, told, unlinked)
    await audit(
        session,
        staff_id,
        "setphone",
        now,
        target=fix.insured_id,
        details={
            "old": fix.old_phone,
            "new": fix.new_phone,
            "members_told": told,
            "unlinked": list(unlinked),
        },
    )
    return fix


# --- registry import -----------------------------------------------------------------------


@dataclass(frozen=True)
class ImportOutcome:
    rows: int
    report: ImportReport
    members_told: int
    # the rejected rows as read from the file, by line number (for the CSV of rejected rows)
    originals: dict[int, dict[str, str]] = field(default_factory=dict)


def _read_all(path: Path) -> list[tuple[int, dict[str, str]]]:
    return list(read_rows(path))


async def import_file(
    session: AsyncSession,
    path: Path,
    file_name: str,
    staff_id: int,
    now: datetime,
    *,
    default_region: str = "UA",
) -> ImportOutcome:
    """Import a registry file in the caller's transaction, re-run linking for the phones it
    touched and queue `cards_linked` for members who gained cards; audited as "import".

    The whole file is read (in a worker thread) before anything is written, so a
    `RegistryFormatError` leaves the database as it was.
    """
    rows = await asyncio.to_thread(_read_all, path)
    report = await import_registry(session, rows, now, default_region=default_region)
    gained = await relink_phones(session, report.touched_phones, now)
    told = await notify_cards_linked(session, gained, now)
    counts = {
        "rows": len(rows),
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "rejected": len(report.rejected),
        "members_told": told,
    }
    await audit(
        session,
        staff_id,
        "import",
        now,
        target=file_name[:_TARGET_LENGTH],
        details=counts,
    )
    rejected = {row.line for row in report.rejected}
    originals = {line: raw for line, raw in rows if line in rejected}
    return ImportOutcome(len(rows), report, told, originals)


# --- /stats --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    total: int
    by_status: list[tuple[str, int]]  # status order of the lifecycle, zero counts left out
    by_kind: list[tuple[str, int]]
    median_first_action: timedelta | None
    with_first_action: int
    failed_notifications: int


def _ordered(counts: dict[str, int], order: Iterable[str]) -> list[tuple[str, int]]:
    known = [(name, counts[name]) for name in order if counts.get(name)]
    rest = sorted((name, n) for name, n in counts.items() if name not in dict(known) and n)
    return known + rest


async def _count_by(session: AsyncSession, column: Any) -> dict[str, int]:
    result = await session.execute(select(column, func.count()).group_by(column))
    return {str(name): int(count) for name, count in result.all()}


async def stats(session: AsyncSession) -> Stats:
    """Requests by status and by type, the median time from creation to the first staff
    action (computed in Python, so it is the same on SQLite and PostgreSQL), and how many
    notifications could never be sent."""
    by_status = await _count_by(session, col(Request.status))
    by_kind = await _count_by(session, col(Request.kind))
    pairs = await session.execute(
        select(Request.created_at, Request.first_staff_action_at).where(
            col(Request.first_staff_action_at).is_not(None)
        )
    )
    seconds = [
        max((first - created).total_seconds(), 0.0)
        for created, first in pairs.all()
        if first is not None
    ]
    failed = await session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.status == NotificationStatus.FAILED)
    )
    return Stats(
        total=sum(by_status.values()),
        by_status=_ordered(by_status, (s.value for s in RequestStatus)),
        by_kind=_ordered(by_kind, (k.value for k in RequestKind)),
        median_first_action=timedelta(seconds=statistics.median(seconds)) if seconds else None,
        with_first_action=len(seconds),
        failed_notifications=int(failed or 0),
    )


def duration_parts(value: timedelta) -> tuple[int, int, int]:
    """(days, hours, minutes), rounded to the nearest minute."""
    minutes = round(value.total_seconds() / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    return days, hours, minutes


# --- long replies --------------------------------------------------------------------------


def split_message(blocks: Iterable[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pack blocks (joined by newlines) into messages of at most `limit` units, as Telegram
    counts them; a block longer than that is cut at line ends where possible."""
    return [page for page in pack(list(blocks), limit) if page]
