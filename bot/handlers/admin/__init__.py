"""The staff side in the admin supergroup: request buttons, relay, staff commands."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.filters.staff import StaffFilter
from bot.handlers.admin import buttons, relay
from bot.i18n import Translator


def create_admin_router(settings: Settings) -> Router:
    router = Router(name="admin")
    router.message.filter(F.chat.id == settings.admin_chat_id)
    router.callback_query.filter(F.message.chat.id == settings.admin_chat_id)

    staff = Router(name="admin-staff")
    staff.message.filter(StaffFilter())
    staff.callback_query.filter(StaffFilter())
    staff.include_routers(buttons.create_router(), relay.create_router())
    router.include_router(staff)

    @router.callback_query()
    async def refuse_button(callback: CallbackQuery, i18n: Translator) -> None:
        await callback.answer(i18n("staff-not-allowed"), show_alert=True)

    @router.message(F.text.startswith("/"))
    async def refuse_command(message: Message, i18n: Translator) -> None:
        await message.reply(i18n("staff-not-allowed"))

    return router
