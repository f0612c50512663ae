"""Cards matched by staff's /find: a condition on a card or its policy, with a limit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal_column, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import FOLDED_INSURED_ID, FOLDED_POLICY_NUMBER, CardLink, InsuredPerson, Policy


def card_matches(
    insured_id: str | None,
    policy_number: str | None,
    phone: str | None,
    folded_id: str | None = None,
) -> ColumnElement[bool] | None:
    """A card whose insured ID, policy number or phone is one of these, or whose insured ID or
    policy number without separators is `folded_id` (None: nothing to find)."""
    conditions: list[ColumnElement[bool]] = []
    if insured_id:
        conditions.append(col(InsuredPerson.insured_id) == insured_id)
    if folded_id:
        # the expressions of their indexes, written the same way (storage.models)
        conditions.append(literal_column(FOLDED_INSURED_ID) == folded_id)
        conditions.append(literal_column(FOLDED_POLICY_NUMBER) == folded_id)
    if policy_number:
        conditions.append(col(Policy.number) == policy_number)
    if phone:
        conditions.append(col(InsuredPerson.phone) == phone)
    return or_(*conditions) if conditions else None


def _like(text: str) -> str:
    """`%text%` for LIKE, its own wildcards taken as letters."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def name_matches(column: Any, words: Sequence[Sequence[str]]) -> ColumnElement[bool]:
    """`column` holds every word, each in one of its spellings (as typed, "Коваленко",
    "КОВАЛЕНКО"): LIKE compares letters beyond ASCII by case on both databases, so the cases
    a registry writes names in are tried, not folded."""
    return and_(
        *(or_(*(column.like(_like(spelling), escape="\\") for spelling in word)) for word in words)
    )


def card_named(words: Sequence[Sequence[str]]) -> ColumnElement[bool]:
    """A card whose holder's name holds every word (`name_matches`)."""
    return name_matches(col(InsuredPerson.full_name), words)


def cards_in(card_ids: Sequence[int]) -> ColumnElement[bool]:
    """The cards `card_ids` (a request's, a member's linked ones)."""
    return col(InsuredPerson.id).in_(card_ids)


async def cards_where(
    session: AsyncSession, where: ColumnElement[bool], limit: int
) -> tuple[list[tuple[InsuredPerson, Policy]], int]:
    """Up to `limit` cards matching `where` (by card id), and how many match in all."""
    rows = await session.execute(
        select(InsuredPerson, Policy)
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(where)
        .order_by(col(InsuredPerson.id))
        .limit(limit)
    )
    total = await session.scalar(
        select(func.count())
        .select_from(InsuredPerson)
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(where)
    )
    return [(person, policy) for person, policy in rows.all()], int(total or 0)


async def members_of_cards_where(
    session: AsyncSession, where: ColumnElement[bool]
) -> dict[int, list[int]]:
    """card id → ids of the members linked to it, for every card matching `where`."""
    matching = (
        select(InsuredPerson.id)
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(where)
    )
    links = await session.execute(
        select(CardLink.card_id, CardLink.member_id).where(col(CardLink.card_id).in_(matching))
    )
    members_of: dict[int, list[int]] = {}
    for card_id, member_id in links.all():
        members_of.setdefault(card_id, []).append(member_id)
    return members_of


async def members_linked_to(session: AsyncSession, card_id: int) -> set[int]:
    result = await session.execute(select(CardLink.member_id).where(CardLink.card_id == card_id))
    return set(result.scalars())
