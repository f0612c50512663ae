"""Staff's /find: members and cards for a phone, a policy number, an insured ID or a name; a
request by its number (with its member and card); a member by theirs (with their cards).

Personal data leaves this module already masked (phones, insured IDs; birth dates as the year
only), so a handler cannot show staff more than they need. Every search is audited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import ColumnElement
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.services.activation import fold_insured_id
from bot.services.cards import CardStatus, card_status
from bot.services.lifecycle import FINAL
from bot.services.names import other_scripts
from bot.services.phones import mask_phone, normalize_phone
from bot.services.registry.rows import canonical_id, mask_id
from bot.services.staff.audit import TARGET_LENGTH, audit
from bot.services.topics import card_link, topic_link
from bot.services.topics import get as member_topic
from storage.models import InsuredPerson, Member, Policy, RequestStatus, request_number
from storage.repositories import cards as cards_repo
from storage.repositories import find as find_repo
from storage.repositories import members as members_repo
from storage.repositories import requests as requests_repo

MAX_SHOWN = 20  # members and cards listed by one /find; the rest are only counted
OPEN_SHOWN = 5  # a member's open requests named; more are marked "…"
OPEN = frozenset(RequestStatus) - FINAL
# a request's number as members quote it: R-000042, r42, R 42 (nine digits: below MAX_ROW_ID)
REQUEST_NUMBER = re.compile(r"\s*R\s*-?\s*0*(\d{1,9})\s*", re.IGNORECASE)
# a member's number as staff read it in /find, /setphone and topic titles: #42 (a topic made
# again after a crash is "#42.2")
MEMBER_NUMBER = re.compile(r"\s*#\s*(\d{1,9})(?:\.\d{1,3})?\s*")


def masked_phone(phone: str | None) -> str | None:
    return mask_phone(phone) if phone else None


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
    """A bot user as staff see them; `cards` are (policy number, masked insured ID) pairs,
    `open_requests` (number, status) pairs, oldest first, with `more_open` when there are more
    than OPEN_SHOWN."""

    member_id: int
    full_name: str | None
    phone: str | None
    birth_year: int | None
    language: str | None
    unreachable: bool
    cards: tuple[tuple[str, str], ...]
    open_requests: tuple[tuple[str, str], ...] = ()
    more_open: bool = False
    # a link to the member's topic in the staff chat /find was asked in (None: no topic there)
    topic: str | None = None


@dataclass(frozen=True)
class RequestHit:
    """A request found by its number: what its card in the staff chat says first, and a link
    to that card (None before it was posted, or outside a supergroup)."""

    number: str
    kind: str
    status: str
    created_at: datetime
    assignee: str | None
    member_id: int
    link: str | None


@dataclass(frozen=True)
class FindResult:
    target: str  # the query as the audit log keeps it (masked)
    members: list[MemberHit]
    cards: list[CardHit]
    members_total: int
    cards_total: int
    requests: list[RequestHit] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.members and not self.cards and not self.requests


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
        phone=masked_phone(person.phone),
        coverage_start=policy.coverage_start,
        coverage_end=policy.coverage_end,
        status=card_status(policy, today),
        member_ids=tuple(sorted(set(member_ids))),
    )


async def _member_hit(session: AsyncSession, member: Member) -> MemberHit:
    assert member.id is not None
    linked = await cards_repo.linked_to(session, member.id)
    open_requests = await requests_repo.of_member_in(session, member.id, OPEN, OPEN_SHOWN + 1)
    return MemberHit(
        member_id=member.id,
        full_name=member.full_name,
        phone=masked_phone(member.phone),
        birth_year=member.birth_date.year if member.birth_date else None,
        language=member.language,
        unreachable=member.unreachable_since is not None,
        cards=tuple((policy.number, mask_id(person.insured_id)) for person, policy, _ in linked),
        open_requests=tuple((r.number, str(r.status)) for r in open_requests[:OPEN_SHOWN]),
        more_open=len(open_requests) > OPEN_SHOWN,
    )


def _target(key: str, phone: str | None, rows: Sequence[tuple[InsuredPerson, Policy]]) -> str:
    """What the audit log keeps of the query: a policy number as is, the rest masked."""
    if any(person.insured_id == key for person, _ in rows):
        return mask_id(key)
    folded = fold_insured_id(key)
    for _, policy in rows:  # (as written, or without its separators: "SIP 2026 0001")
        if policy.number == key or fold_insured_id(policy.number) == folded:
            return policy.number[:TARGET_LENGTH]
    return mask_phone(phone) if phone else mask_id(key)


# a name as /find takes one: up to this many words, with this many letters in all at least
NAME_WORDS = 4
NAME_LETTERS = 3
NAME_MAX = 100  # characters


def is_name(query: str) -> bool:
    """Whether `query` is a person's name (no digit; letters, spaces, hyphens, apostrophes)."""
    words = query.split()
    return (
        0 < len(words) <= NAME_WORDS
        and len(query) <= NAME_MAX
        and sum(ch.isalpha() for ch in query) >= NAME_LETTERS
        and all(ch.isalpha() or ch in " -'’ʼ." for ch in query)
    )


def searchable(query: str) -> bool:
    """Whether `query` can be what /find looks for: a number of one of its kinds (each has a
    digit) or a name."""
    return any(ch.isdigit() for ch in query) or is_name(query)


def _spellings(word: str) -> list[str]:
    """The cases a registry or a profile may write a name's word in: as typed, "Коваленко",
    "коваленко", "КОВАЛЕНКО" (and "Anna-Maria" for "anna-maria"); and so in the other script
    ("Kovalenko" for «Коваленко», «Олена» for "Olena": `names.other_scripts`)."""
    spelled = [word]
    for each in (word, *other_scripts(word)):
        titled = "-".join(part[:1].upper() + part[1:].lower() for part in each.split("-"))
        spelled += [titled, each.lower(), each.upper()]
    return list(dict.fromkeys(spelled))


def _name_target(query: str) -> str:
    """A name as the audit log keeps it: each word's first letter ("К… О…")."""
    return " ".join(f"{word[:1]}…" for word in query.split())[:TARGET_LENGTH]


async def _by_name(session: AsyncSession, query: str, today: date) -> FindResult:
    """Cards whose holder's name holds every word of `query`, in any case, and members whose
    profile name does, with the members linked to those cards."""
    words = [_spellings(word) for word in query.split()]
    where = find_repo.card_named(words)
    rows, cards_total = await find_repo.cards_where(session, where, MAX_SHOWN)
    members_of = await find_repo.members_of_cards_where(session, where)
    named = find_repo.name_matches(col(Member.full_name), words)
    also = await members_repo.ids_where(session, named)
    return await _found(session, _name_target(query), rows, cards_total, members_of, also, today)


async def _found(
    session: AsyncSession,
    target: str,
    rows: Sequence[tuple[InsuredPerson, Policy]],
    cards_total: int,
    members_of: dict[int, list[int]],
    also: Iterable[int],
    today: date,
) -> FindResult:
    """The cards found (`rows` of `cards_total`), and the members linked to them or found
    `also` (by their phone, by their name), as staff see them."""
    member_ids = {m for ids in members_of.values() for m in ids} | set(also)
    members = await members_repo.by_ids(session, sorted(member_ids)[:MAX_SHOWN])
    return FindResult(
        target=target,
        members=[await _member_hit(session, member) for member in members],
        cards=[
            _card_hit(person, policy, members_of.get(person.id or 0, ()), today)
            for person, policy in rows
        ],
        members_total=len(member_ids),
        cards_total=cards_total,
    )


async def find(
    session: AsyncSession,
    query: str,
    staff_id: int,
    now: datetime,
    today: date,
    *,
    default_region: str = "UA",
    default_chat: int | None = None,
    asked_in: int | None = None,
) -> FindResult:
    """Members and cards for a phone, a policy number, an insured ID or a name; audited as
    "find".

    The query is tried as all three (an insured ID or policy number compares without spaces
    and case, and without its separators: "SIP 2026 0001", "UA300002"). Members are those with
    that phone and those linked to a card found. At most MAX_SHOWN of each are returned, with
    the totals. A name finds the cards whose holder's name holds each of its words, in either
    script, and the members whose profile's does. A request number (`R-000042`) finds that
    request too, with its member and its card; its card in the staff chat it was routed to
    (`default_chat` when none) is linked. A member's number (`#42`) finds that member and the
    cards linked to them. Each member found with a topic in the staff chat `asked_in` has a link
    to it, where staff write to them.
    """
    member_number = MEMBER_NUMBER.fullmatch(query)
    if member_number is not None:
        result = await _member(session, int(member_number.group(1)), today)
    elif is_name(query):
        result = await _by_name(session, " ".join(query.split()), today)
    else:
        result = await _cards_and_members(session, query, today, default_region)
    number = REQUEST_NUMBER.fullmatch(query)
    if number is not None:  # an insured ID may look like one too: both are looked for
        result = await _and_request(session, result, int(number.group(1)), today, default_chat)
    if asked_in is not None:
        members = [await _with_topic(session, hit, asked_in) for hit in result.members]
        result = replace(result, members=members)
    details = {"members": result.members_total, "cards": result.cards_total}
    if number is not None:
        details["requests"] = len(result.requests)
    await audit(session, staff_id, "find", now, target=result.target, details=details)
    return result


async def _with_topic(session: AsyncSession, hit: MemberHit, chat_id: int) -> MemberHit:
    """`hit` with a link to the member's topic in the staff chat `chat_id` (a closed one too:
    staff reopen it), when there is one."""
    topic = await member_topic(session, hit.member_id, chat_id)
    if topic is None or topic.thread_id is None:
        return hit
    return replace(hit, topic=topic_link(chat_id, topic.thread_id))


async def _cards_and_members(
    session: AsyncSession, query: str, today: date, default_region: str
) -> FindResult:
    key = canonical_id(query)
    phone = normalize_phone(" ".join(query.split()), default_region)
    where = find_repo.card_matches(key, key, phone, fold_insured_id(query))
    rows: list[tuple[InsuredPerson, Policy]] = []
    cards_total = 0
    members_of: dict[int, list[int]] = {}
    if where is not None:
        rows, cards_total = await find_repo.cards_where(session, where, MAX_SHOWN)
        members_of = await find_repo.members_of_cards_where(session, where)
    also = await members_repo.ids_with_phone(session, phone) if phone else []
    target = _target(key, phone, rows)
    return await _found(session, target, rows, cards_total, members_of, also, today)


async def _and_request(
    session: AsyncSession,
    found: FindResult,
    request_id: int,
    today: date,
    default_chat: int | None,
) -> FindResult:
    """`found`, with the request `request_id`, its member and its card when it exists."""
    request = await requests_repo.get(session, request_id)
    if request is None:
        return found if not found.empty else replace(found, target=request_number(request_id))
    members = found.members
    if all(m.member_id != request.member_id for m in members):
        extra = await members_repo.by_ids(session, [request.member_id])
        members = [*members, *[await _member_hit(session, member) for member in extra]]
    cards = found.cards
    if all(c.card_id != request.card_id for c in cards):
        extra_cards, _ = await _cards(session, find_repo.cards_in([request.card_id]), today)
        cards = [*cards, *extra_cards]
    hit = RequestHit(
        number=request.number,
        kind=str(request.kind),
        status=str(request.status),
        created_at=request.created_at,
        assignee=request.assignee_name,
        member_id=request.member_id,
        link=await card_link(session, request, default_chat),
    )
    return replace(
        found,
        target=found.target if not found.empty else request.number,
        members=members,
        cards=cards,
        members_total=found.members_total + len(members) - len(found.members),
        cards_total=found.cards_total + len(cards) - len(found.cards),
        requests=[hit],
    )


async def _member(session: AsyncSession, member_id: int, today: date) -> FindResult:
    """The member `member_id` and the cards linked to them."""
    target = f"#{member_id}"
    found = await members_repo.by_ids(session, [member_id])
    if not found:
        return FindResult(target, [], [], 0, 0)
    linked = await cards_repo.links_of(session, member_id)
    cards, total = await _cards(session, find_repo.cards_in([i for i, _ in linked]), today)
    return FindResult(target, [await _member_hit(session, found[0])], cards, 1, total)


async def _cards(
    session: AsyncSession, where: ColumnElement[bool], today: date
) -> tuple[list[CardHit], int]:
    """Up to MAX_SHOWN cards matching `where`, each with the members linked to it; the total."""
    rows, total = await find_repo.cards_where(session, where, MAX_SHOWN)
    members_of = await find_repo.members_of_cards_where(session, where)
    return [_card_hit(p, policy, members_of.get(p.id or 0, ()), today) for p, policy in rows], total
