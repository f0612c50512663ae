"""Insurance cards (insured persons with their policy) and their links to members.

The reads a member's steps make (their cards for the menu and the active card, their links and
the cards with their phone when they share it) are statements built once and executed with
parameters, so SQLAlchemy's compiled cache hits without the expression being built again each
update. They are read as plain rows (`cards_of`, `links_of`, `with_phone`): no ORM objects to
load for a few columns, and in a member's update on SQLite by the driver itself
(`storage/driver_lane.py`). Nothing here commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, literal_column
from sqlalchemy import select as core_select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, delete, select

from storage.driver_lane import select_rows
from storage.models import FOLDED_INSURED_ID, CardLink, InsuredPerson, LinkVia, Policy, Relation
from storage.sql import typed_text

_persons = InsuredPerson.__table__  # type: ignore[attr-defined]
_policies = Policy.__table__  # type: ignore[attr-defined]
_links = CardLink.__table__  # type: ignore[attr-defined]

_WITH_PHONE = (
    core_select(
        _persons.c.id,
        _persons.c.relation,
        _persons.c.full_name,
        _persons.c.birth_date,
        _policies.c.coverage_start,
        _policies.c.coverage_end,
    )
    .select_from(_persons.join(_policies, _policies.c.id == _persons.c.policy_id))
    .where(_persons.c.phone == bindparam("phone"))
    .order_by(_persons.c.id)
)
_LINKED_TO = (
    select(InsuredPerson, Policy, CardLink)
    .join(CardLink, col(CardLink.card_id) == col(InsuredPerson.id))
    .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
    .where(col(CardLink.member_id) == bindparam("member_id"))
    .order_by(col(CardLink.linked_at), col(InsuredPerson.id))
)
_CARDS_OF = (
    core_select(
        _persons.c.id,
        _policies.c.number,
        _policies.c.program,
        _policies.c.holder_type,
        _persons.c.full_name,
        _persons.c.relation,
        _policies.c.coverage_start,
        _policies.c.coverage_end,
        _persons.c.insured_id,
    )
    .select_from(
        _links.join(_persons, _persons.c.id == _links.c.card_id).join(
            _policies, _policies.c.id == _persons.c.policy_id
        )
    )
    .where(_links.c.member_id == bindparam("member_id"))
    .order_by(_links.c.linked_at, _persons.c.id)
)
_LINKS_OF = core_select(_links.c.card_id, _links.c.via).where(
    _links.c.member_id == bindparam("member_id")
)

_LINK_ID = core_select(_links.c.id).where(
    _links.c.member_id == bindparam("member_id"), _links.c.card_id == bindparam("card_id")
)


@dataclass(frozen=True)
class CardRow:
    """A linked card as a member's screens show it (`bot/services/cards.py:CardView` adds what
    the service decides about it)."""

    card_id: int
    policy_number: str
    program: str
    holder_type: str
    holder_name: str
    relation: str
    coverage_start: date
    coverage_end: date
    insured_id: str


@dataclass(frozen=True)
class PhoneCard:
    """A registry card carrying a phone, as linking by phone needs it: which card, whose and
    its coverage (which one is made active), and the name and date of birth a new member's
    profile starts from."""

    id: int
    relation: Relation
    full_name: str
    birth_date: date
    coverage_start: date
    coverage_end: date


async def with_phone(session: AsyncSession, phone: str) -> list[PhoneCard]:
    """The registry cards carrying `phone`, oldest first."""
    rows = await select_rows(session, _WITH_PHONE, {"phone": phone})
    return [PhoneCard(*row) for row in rows]


async def by_folded_insured_id(
    session: AsyncSession, folded: str
) -> list[tuple[InsuredPerson, Policy]]:
    """The cards (at most two: one is an answer, two are not) whose insured ID without its
    separators is `folded` (`FOLDED_INSURED_ID`, through its index)."""
    result = await session.execute(
        select(InsuredPerson, Policy)
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(literal_column(FOLDED_INSURED_ID) == folded)
        .limit(2)
    )
    return [(row[0], row[1]) for row in result.all()]


async def by_insured_id(
    session: AsyncSession, insured_id: str
) -> tuple[InsuredPerson, Policy] | None:
    result = await session.execute(
        select(InsuredPerson, Policy)
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(InsuredPerson.insured_id == insured_id)
    )
    row = result.first()
    return (row[0], row[1]) if row else None


async def linked_to(
    session: AsyncSession, member_id: int
) -> list[tuple[InsuredPerson, Policy, CardLink]]:
    result = await session.execute(_LINKED_TO, {"member_id": member_id})
    return [(person, policy, link) for person, policy, link in result.all()]


async def cards_of(session: AsyncSession, member_id: int) -> list[CardRow]:
    """The member's linked cards as rows, in the order they were linked."""
    rows = await select_rows(session, _CARDS_OF, {"member_id": member_id})
    return [CardRow(*row) for row in rows]


async def links_of(session: AsyncSession, member_id: int) -> list[tuple[int, LinkVia]]:
    """(card id, how it was linked) of each card linked to the member."""
    rows = await select_rows(session, _LINKS_OF, {"member_id": member_id})
    return [(card_id, via) for card_id, via in rows]


async def link(
    session: AsyncSession, member_id: int, card_id: int, via: LinkVia, now: datetime
) -> bool:
    """Link a card to a member; False when it was linked already."""
    existing = await session.execute(_LINK_ID, {"member_id": member_id, "card_id": card_id})
    if existing.first() is not None:
        return False
    return await add_link(session, member_id, card_id, via, now)


# A link another transaction made first is left as it is: one statement, the same words on
# SQLite (3.24 on) and PostgreSQL, where a SAVEPOINT around an ORM insert took three and the
# ORM's flush (a third of a member's phone step, docs/performance.md).
_ADD_LINK = typed_text(
    "INSERT INTO card_links (member_id, card_id, via, linked_at) "
    "VALUES (:member_id, :card_id, :via, :linked_at) "
    "ON CONFLICT (member_id, card_id) DO NOTHING",
    _links,
    "via",
    "linked_at",
)


async def add_link(
    session: AsyncSession, member_id: int, card_id: int, via: LinkVia, now: datetime
) -> bool:
    """Link a card the caller found unlinked; False when another transaction linked it first."""
    result = await session.execute(
        _ADD_LINK, {"member_id": member_id, "card_id": card_id, "via": via, "linked_at": now}
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def unlink(session: AsyncSession, member_id: int, card_ids: list[int]) -> None:
    if card_ids:
        await session.execute(
            delete(CardLink).where(
                col(CardLink.member_id) == member_id, col(CardLink.card_id).in_(card_ids)
            )
        )
