"""The staff side in the admin supergroup: request buttons, relay, staff commands."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.filters.magic import Magic
from bot.filters.staff import StaffFilter
from bot.handlers.admin import (
    audit,
    buttons,
    commands,
    helpdesk,
    relay,
    staff_help,
    topics,
)
from bot.i18n import Translator
from bot.middlewares.staff_language import StaffLanguageMiddleware


def create_admin_router(settings: Settings) -> Router:
    router = Router(name="admin")
    # every staff chat: the default one (ADMIN_CHAT_ID) and those STAFF_ROUTES names
    chat_ids = settings.staff_desk().chat_ids
    router.message.filter(Magic(F.chat.id.in_(chat_ids)))
    router.callback_query.filter(Magic(F.message.chat.id.in_(chat_ids)))
    # one staff language (STAFF_LOCALE), whatever language the pressing staff member uses
    router.message.middleware(StaffLanguageMiddleware())
    router.callback_query.middleware(StaffLanguageMiddleware())

    staff = Router(name="admin-staff")
    staff.message.filter(StaffFilter())
    staff.callback_query.filter(StaffFilter())
    # commands first: a command is never taken for a pending answer or a message to relay
    # /audit (owners only, audit.py) next; a topic a crash lost is adopted or closed as a
    # duplicate before anything is taken from it; the helpdesk tools before the buttons' prompts,
    # so a note (`!…`) is never taken for a pending answer or a message to relay
    staff.include_routers(
        commands.create_router(),
        audit.create_router(),
        topics.create_router(),
        helpdesk.create_router(),
        buttons.create_router(),
        relay.create_router(),
        staff_help.create_router(settings),  # last: the commands nothing above took
    )

    # a router's own handlers run before its sub-routers', so the refusals get their own,
    # included after the staff one: they see only what staff handlers did not take
    others = Router(name="admin-others")

    @others.callback_query()
    async def refuse_button(callback: CallbackQuery, i18n: Translator) -> None:
        await callback.answer(i18n("staff-not-allowed"), show_alert=True)

    @others.message(F.text.startswith("/"))
    async def refuse_command(message: Message, bot: Bot, i18n: Translator) -> None:
        if not staff_help.for_another_bot(message, (await bot.me()).username):
            await message.reply(i18n("staff-not-allowed"))

    router.include_routers(staff, others)
    return router
