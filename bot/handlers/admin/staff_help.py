"""/help and /cancel in a staff chat, and the answer to a command the bot does not know there.

Staff who typed /help, /start or a misspelt command used to be told "Only support staff can do
this here", as if they were not staff; staff asked for a question or a reason ("❓ Need info",
"⛔️ Reject") had no way to drop the prompt. Included last among the staff routers: it sees only
the commands no staff handler took."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.config import Settings
from bot.filters.commands import command
from bot.filters.staff import staff_rule
from bot.handlers.admin.buttons import StaffSG
from bot.i18n import Translator
from bot.textfit import MESSAGE_LIMIT, pack

# every staff chat's own menu (bot/factory.py sets it) and /help's list, in this order
STAFF_COMMANDS = {
    "find": "command-staff-find",
    "setphone": "command-staff-setphone",
    "stats": "command-staff-stats",
    # helpdesk tools (issue 14)
    "note": "command-staff-note",
    "reply": "command-staff-reply",
    "visit": "command-staff-visit",
    "templates": "command-staff-templates",
    "template": "command-staff-template",
    "export": "command-staff-export",
    "cancel": "command-staff-cancel",
    "help": "command-staff-help",
}
# what only owners (OWNER_IDS) may run: listed for them alone (/staff in the default chat only,
# where bot/handlers/staff_access.py takes it)
OWNER_COMMANDS = {
    "audit": "command-staff-audit",
    "staff": "command-staff-staff",
}


def help_lines(i18n: Translator, owner: bool, default_chat: bool = True) -> list[str]:
    """The commands a staff member may run (an owner's too), and what else the chat takes."""

    def listed(named: dict[str, str]) -> list[str]:
        return [i18n("staff-help-line", command=c, description=i18n(d)) for c, d in named.items()]

    theirs = {c: d for c, d in OWNER_COMMANDS.items() if default_chat or c != "staff"}
    owners = [i18n("staff-help-owners"), *listed(theirs)] if owner else []
    return [i18n("staff-help-title"), *listed(STAFF_COMMANDS), *owners, i18n("staff-help-more")]


def for_another_bot(message: Message, username: str | None) -> bool:
    """`/command@other_bot`: said to another bot in the same group."""
    word = (message.text or "").split(maxsplit=1)[0]
    _, at, addressee = word.partition("@")
    return bool(at) and addressee.lower() != (username or "").lower()


def create_router(settings: Settings) -> Router:
    router = Router(name="admin-help")

    async def send_help(message: Message, i18n: Translator, *first: str) -> None:
        owner = staff_rule(settings).is_owner(message.from_user.id if message.from_user else 0)
        default_chat = message.chat.id == settings.admin_chat_id
        for page in pack([*first, *help_lines(i18n, owner, default_chat)], MESSAGE_LIMIT):
            await message.reply(page)

    @router.message(command("help"))
    async def on_help(message: Message, i18n: Translator) -> None:
        await send_help(message, i18n)

    @router.message(command("cancel"))
    async def on_cancel(message: Message, state: FSMContext, i18n: Translator) -> None:
        if await state.get_state() != StaffSG.awaiting_text.state:
            await message.reply(i18n("staff-nothing-to-cancel"))
            return
        await state.clear()
        await message.reply(i18n("staff-prompt-cancelled"))

    @router.message(F.text.startswith("/"))
    async def on_unknown(message: Message, bot: Bot, i18n: Translator) -> None:
        if for_another_bot(message, (await bot.me()).username):
            return
        await send_help(message, i18n, i18n("staff-unknown-command"))

    return router
