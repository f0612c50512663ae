"""The e-card's cached image: one row per member, card and language. Never commits."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import ECardImage


async def image_of(
    session: AsyncSession, member_id: int, card_id: int, language: str
) -> ECardImage | None:
    result = await session.execute(
        select(ECardImage).where(
            col(ECardImage.member_id) == member_id,
            col(ECardImage.card_id) == card_id,
            col(ECardImage.language) == language,
        )
    )
    return result.scalars().first()
