"""Members: creation on first contact, language, privacy."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import SUPPORTED_LOCALES
from storage.models import Member
from storage.repositories import members as members_repo


async def get_or_create(session: AsyncSession, telegram_id: int, language: str) -> Member:
    """The member for a Telegram user; a new one starts in `language`."""
    return await members_repo.get_or_create(session, telegram_id, language)


def set_language(member: Member, locale: str) -> None:
    if locale not in SUPPORTED_LOCALES:
        raise ValueError(f"unsupported locale {locale!r}")
    member.language = locale
