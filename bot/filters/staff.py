"""Only the staff chats, and only staff in them (the rule: bot/services/staff/authorization.py)."""

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
        settings.staff_desk().staff,
        settings.owner_ids,
        settings.staff_all_admin_chat,
    )


class StaffFilter(BaseFilter):
    """Passes an update from a staff chat sent by staff there: that chat's list (the default
    chat: STAFF_IDS; a routed chat: its `staff_ids`), OWNER_IDS, people added with /staff, or
    anyone there with STAFF_ALL_ADMIN_CHAT=true."""

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
