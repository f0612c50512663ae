"""The e-card's image cache: the `file_id` Telegram gave the card's image, used while nothing
drawn on it changed (issue 15).

The key is the member, the card and the language; the row holds the fingerprint of what was
drawn (`bot.ecard.fingerprint`: every text on the image, the status as of the day, and the
drawing code's version). A different fingerprint means the card changed: the caller draws
again and `remember`s the new file_id in place of the old one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ECardImage
from storage.repositories import ecards as ecards_repo


async def cached_file_id(
    session: AsyncSession, member_id: int, card_id: int, language: str, fingerprint: str
) -> str | None:
    """The stored file_id of this exact image, or None (never sent, or the card changed)."""
    image = await ecards_repo.image_of(session, member_id, card_id, language)
    return image.file_id if image is not None and image.fingerprint == fingerprint else None


async def remember(
    session: AsyncSession,
    member_id: int,
    card_id: int,
    language: str,
    fingerprint: str,
    file_id: str,
    now: datetime,
) -> None:
    """Store the file_id of the image just sent, replacing the one of an older image."""
    image = await ecards_repo.image_of(session, member_id, card_id, language)
    if image is None:
        try:
            async with session.begin_nested():
                session.add(
                    ECardImage(
                        member_id=member_id, card_id=card_id, language=language,
                        fingerprint=fingerprint, file_id=file_id, created_at=now,
                    )
                )  # fmt: skip
            return
        except IntegrityError:  # another update stored one a moment ago: replace it
            image = await ecards_repo.image_of(session, member_id, card_id, language)
            if image is None:
                raise
    image.fingerprint, image.file_id, image.created_at = fingerprint, file_id, now
    session.add(image)
    await session.flush()
