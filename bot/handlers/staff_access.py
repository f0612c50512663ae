"""`/id` in any chat (for set-up), and owners' `/staff add|remove|list` in the admin chat."""

from __future__ import annotations

from datetime import tzinfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import CommandObject
from aiogram.types import Message
from babel.dates import format_date

from bot.clock import Clock
from bot.config import Settings
from bot.filters.commands import LooksLikeCommand, command
from bot.filters.magic import Magic
from bot.filters.staff import staff_rule
from bot.i18n import Translator
from bot.services.staff.access import StaffList, add_staff, remove_staff, staff_list
from bot.textfit import MESSAGE_LIMIT, pack
from storage.uow import UnitOfWork

GONE = ("left", "kicked")
# (verb, whether it changed anything) → the reply
REPLIES = {
    ("add", True): "staff-access-added",
    ("add", False): "staff-access-already",
    ("remove", True): "staff-access-removed",
    ("remove", False): "staff-access-not-staff",
}


USER_ID_DIGITS = 16


def _target(message: Message, argument: str) -> int | None:
    """The id typed after the verb, or the author of the message replied to (in a forum topic
    every message "replies" to the topic's first message: that is no target)."""
    if argument:
        # a user's id: positive, and within the 52 bits Telegram's ids use (a longer number
        # would not fit the database's BIGINT, nor a reply that names it)
        return int(argument) if argument.isdecimal() and len(argument) <= USER_ID_DIGITS else None
    reply = message.reply_to_message
    if reply is None or reply.from_user is None or reply.from_user.is_bot:
        return None
    if message.is_topic_message and reply.message_id == message.message_thread_id:
        return None
    return reply.from_user.id


def _list_lines(found: StaffList, i18n: Translator, zone: tzinfo) -> list[str]:
    """`/staff list`: who may act as staff here, by where it comes from (ids only); the day
    each was added is the insurer's, where staff work."""

    def ids(values: list[int]) -> str:
        return ", ".join(f"<code>{v}</code>" for v in values) or i18n("staff-access-list-none")

    lines = [
        i18n("staff-access-list-title"),
        i18n("staff-access-list-owners", ids=ids(found.owners)),
        i18n("staff-access-list-configured", ids=ids(found.configured)),
        i18n("staff-access-list-added", count=len(found.added)),
    ]
    lines += [
        i18n(
            "staff-access-list-added-one",
            user_id=str(user),
            owner_id=str(owner),
            date=format_date(when.astimezone(zone), format="medium", locale=i18n.locale),
        )
        for user, owner, when in found.added
    ]
    if found.everyone:
        lines.append(i18n("staff-access-list-everyone"))
    return lines


def create_router(settings: Settings) -> Router:
    router = Router(name="staff-access")
    # commands only: any other message, a member's in every step, is refused here in one check
    router.message.filter(LooksLikeCommand())

    @router.message(command("id"))
    async def show_id(message: Message, i18n: Translator) -> None:
        await message.reply(
            i18n(
                "staff-access-id",
                chat_id=str(message.chat.id),
                user_id=str(message.from_user.id if message.from_user else "-"),
            )
        )

    @router.message(command("staff"), Magic(F.chat.id == settings.admin_chat_id))
    async def staff_command(
        message: Message,
        command: CommandObject,
        bot: Bot,
        uow: UnitOfWork,
        clock: Clock,
        i18n: Translator,
    ) -> None:
        owner = message.from_user.id if message.from_user else 0
        verb, _, argument = (command.args or "").strip().partition(" ")
        if not staff_rule(settings).is_owner(owner):
            refused = (
                "staff-access-list-owners-only" if verb == "list" else "staff-access-owners-only"
            )
            await message.reply(i18n(refused))
            return
        if verb == "list":
            found = await staff_list(
                uow.session, settings.owner_ids, settings.staff_ids, settings.staff_all_admin_chat
            )
            for page in pack(_list_lines(found, i18n, settings.tz), MESSAGE_LIMIT):
                await message.reply(page)
            return
        target = _target(message, argument.strip())
        if verb not in ("add", "remove") or target is None:
            await message.reply(i18n("staff-access-usage"))
            return
        if verb == "add":
            assert settings.admin_chat_id is not None
            status: str
            try:
                status = (await bot.get_chat_member(settings.admin_chat_id, target)).status
            except TelegramBadRequest:  # Telegram does not know them in this chat
                status = "left"
            if status in GONE:
                await message.reply(i18n("staff-access-not-in-chat", user_id=str(target)))
                return
            changed = await add_staff(uow.session, target, owner, clock())
        else:
            changed = await remove_staff(uow.session, target, owner, clock())
        if changed and not await uow.commit():
            await message.reply(i18n("staff-not-saved"))
            return
        await message.reply(i18n(REPLIES[verb, changed], user_id=str(target)))

    return router
