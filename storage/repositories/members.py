"""Members: the Telegram users of the bot.

The member of every update is read by a statement built once (`_BY_TELEGRAM_ID`) and executed
with its parameter: SQLAlchemy's compiled cache then hits without the expression being built,
and its cache key computed, again each update. It stays an ORM read: the member object is
changed later in the update and written at its commit.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, bindparam
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import Member
from storage.sql import padded, select_many

_BY_TELEGRAM_ID = select(Member).where(col(Member.telegram_id) == bindparam("telegram_id"))
# a registry import's batch asks for a thousand phones or more, and few are members' phones:
# their ids are read past SQLAlchemy's per-key work (`select_many`), then the members themselves
_IDS_WITH_PHONES = select(col(Member.id)).where(
    col(Member.phone).in_(bindparam("phones", expanding=True))
)


async def by_telegram_id(session: AsyncSession, telegram_id: int) -> Member | None:
    result = await session.execute(_BY_TELEGRAM_ID, {"telegram_id": telegram_id})
    return result.scalar_one_or_none()


async def get_or_create(
    session: AsyncSession, telegram_id: int, language: str, now: datetime
) -> Member:
    """The member row for a Telegram user, created once even when two updates race."""
    member = await by_telegram_id(session, telegram_id)
    if member is not None:
        return member
    try:
        async with session.begin_nested():
            member = Member(telegram_id=telegram_id, language=language, created_at=now)
            session.add(member)
    except IntegrityError:
        member = await by_telegram_id(session, telegram_id)
        assert member is not None
    return member


async def with_phones(session: AsyncSession, phones: set[str]) -> list[Member]:
    if not phones:
        return []
    found = await select_many(session, _IDS_WITH_PHONES, "phones", phones)
    if not found:
        return []
    ids = [member_id for (member_id,) in found]
    result = await session.execute(select(Member).where(col(Member.id).in_(padded(ids))))
    return list(result.scalars())


async def get(session: AsyncSession, member_id: int) -> Member | None:
    return await session.get(Member, member_id)


async def ids_with_phone(session: AsyncSession, phone: str) -> list[int]:
    result = await session.execute(select(Member.id).where(Member.phone == phone))
    return [member_id for member_id in result.scalars() if member_id is not None]


async def ids_where(session: AsyncSession, where: ColumnElement[bool]) -> list[int]:
    """The ids of the members matching `where` (their profile's name, for /find)."""
    result = await session.execute(select(Member.id).where(where).order_by(col(Member.id)))
    return [member_id for member_id in result.scalars() if member_id is not None]


async def by_ids(session: AsyncSession, member_ids: list[int]) -> list[Member]:
    result = await session.execute(
        select(Member).where(col(Member.id).in_(member_ids)).order_by(col(Member.id))
    )
    return list(result.scalars().all())
