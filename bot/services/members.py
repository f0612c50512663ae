"""Members: creation on first contact, language, privacy."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.languages import SUPPORTED_LOCALES
from storage.models import Member
from storage.repositories import members as members_repo
from storage.repositories import notifications as notifications_repo
from storage.repositories import privacy as privacy_repo


async def get_or_create(
    session: AsyncSession, telegram_id: int, language: str, now: datetime
) -> Member:
    """The member for a Telegram user; a new one starts in `language`."""
    return await members_repo.get_or_create(session, telegram_id, language, now)


def set_language(member: Member, locale: str) -> None:
    if locale not in SUPPORTED_LOCALES:
        raise ValueError(f"unsupported locale {locale!r}")
    member.language = locale


def mark_unreachable(member: Member, now: datetime) -> None:
    """The member blocked the bot: their messages are held until they write again."""
    if member.unreachable_since is None:
        member.unreachable_since = now


async def mark_reachable(session: AsyncSession, member: Member) -> None:
    """The member wrote again after blocking the bot: release what was held for them."""
    member.unreachable_since = None
    session.add(member)
    assert member.id is not None
    await privacy_repo.sweep_again_held(session, member.id)
    await notifications_repo.release_held(session, member.id)
