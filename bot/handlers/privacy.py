"""/mydata in the private chat: what the bot stores about the member (dialogs/privacy.py)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import Message
from aiogram_dialog import DialogManager

from bot.filters.commands import LooksLikeCommand, command
from bot.filters.magic import Magic
from dialogs.common import open_over_menu
from dialogs.privacy import PrivacySG


def create_router() -> Router:
    router = Router(name="privacy-commands")
    router.message.filter(LooksLikeCommand(), Magic(F.chat.type == "private"))

    @router.message(command("mydata"))
    async def mydata(_message: Message, dialog_manager: DialogManager) -> None:
        await open_over_menu(dialog_manager, PrivacySG.summary)

    return router
