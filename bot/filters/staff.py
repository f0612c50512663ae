"""Only the admin chat, and only staff in it."""

from __future__ import annotations

from aiogram.filters import BaseFilter
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.services.staff import is_staff


class StaffFilter(BaseFilter):
    """Passes an update from the admin chat sent by staff (STAFF_IDS, or anyone there if unset)."""

    async def __call__(self, event: Message | CallbackQuery, settings: Settings) -> bool:
        message = event.message if isinstance(event, CallbackQuery) else event
        if message is None or event.from_user is None:
            return False
        return is_staff(
            event.from_user.id, message.chat.id, settings.admin_chat_id, settings.staff_ids
        )
