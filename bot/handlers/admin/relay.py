"""What staff write in a member's topic, or in reply to a member's message, reaches them."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message

from bot.clock import Clock
from bot.config import Settings
from bot.handlers.admin.commands import found
from bot.handlers.admin.target import member_of
from bot.handlers.admin.visit import offer_said
from bot.i18n import Translator
from bot.services import relay
from bot.services.staff.find import MEMBER_NUMBER, REQUEST_NUMBER
from storage.uow import UnitOfWork


def create_router() -> Router:
    router = Router(name="admin-relay")

    @router.message(~F.text.startswith("/"), ~F.from_user.is_bot)
    async def staff_message(
        message: Message, uow: UnitOfWork, clock: Clock, settings: Settings, i18n: Translator
    ) -> None:
        session = uow.session
        target = await member_of(message, session)
        if target is None:
            # the General topic or an unrelated message: staff talking among themselves; a
            # request's number alone ("R-000042", copied from a member's words) or a member's
            # ("#42", as topic titles name them) is looked up, as /find would
            text = message.text or ""
            if REQUEST_NUMBER.fullmatch(text) or MEMBER_NUMBER.fullmatch(text):
                await found(message, text.strip(), uow, clock, settings, i18n)
            return
        if target.unreachable:
            await message.reply(i18n("staff-member-unreachable"))
        line = await relay.to_member(
            session,
            target,
            message.chat.id,
            message.message_id,
            clock(),
            staff_id=message.from_user.id if message.from_user else None,
            text=message.text or message.caption,
        )
        if line is not None:
            # a line that says the visit was booked: booking it offered (the reminder with it)
            await offer_said(message, line, uow, clock, settings, i18n)

    return router
