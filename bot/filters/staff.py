"""Only the admin chat, and only staff in it (the rule: bot/services/staff/authorization.py)."""

from __future__ import annotations

from typing import Any

from aiogram.filters import BaseFilter
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services.staff.authorization import StaffRule
from storage.repositories import staff as staff_repo


def staff_rule(settings: Settings) -> StaffRule:
    return StaffRule(
        settings.admin_chat_id,
        settings.staff_ids,
        settings.owner_ids,
        settings.staff_all_admin_chat,
    )


class StaffFilter(BaseFilter):
    """Passes an update from the admin chat sent by staff: STAFF_IDS, OWNER_IDS, people added
    with /staff, or anyone there with STAFF_ALL_ADMIN_CHAT=true."""

    async def __call__(
        self, event: Message | CallbackQuery, settings: Settings, **data: Any
    ) -> bool:
        message = event.message if isinstance(event, CallbackQuery) else event
        if message is None or event.from_user is None:
            return False
        decided = staff_rule(settings).decided(event.from_user.id, message.chat.id)
        if decided is not None:
            return decided
        session: AsyncSession | None = data.get("session")
        return session is not None and await staff_repo.is_listed(session, event.from_user.id)
