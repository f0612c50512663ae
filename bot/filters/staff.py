"""Only the staff chats, and only each chat's own staff in it."""

from __future__ import annotations

from aiogram.filters import BaseFilter
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.services.staff.authorization import is_staff_in


class StaffFilter(BaseFilter):
    """Passes an update from a staff chat sent by that chat's staff (the default chat: STAFF_IDS;
    a routed chat: its own `staff_ids`; anyone there when the list is empty)."""

    async def __call__(self, event: Message | CallbackQuery, settings: Settings) -> bool:
        message = event.message if isinstance(event, CallbackQuery) else event
        if message is None or event.from_user is None:
            return False
        return is_staff_in(event.from_user.id, message.chat.id, settings.staff_desk().staff)
