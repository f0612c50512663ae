"""A router of commands refuses any other message once, before each command's own filter;
a command typed in words ("отмена") is one too."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Command, CommandStart, Filter
from aiogram.types import Message

from bot.services.forms import typed_command


class LooksLikeCommand(Filter):
    """A text or caption whose first word starts with "/": what every `Command(...)` and
    `CommandStart()` with the default prefix needs before it matches (aiogram's `Command` takes
    the first word of `text or caption`, split on whitespace, and refuses one not starting with
    its prefix).

    The routers above the member dialogs hold commands only; filtered with this, a member's
    typed date or name is refused by one check per router instead of being parsed by each
    command's filter in turn (a `CommandObject` built and a `CommandException` raised per
    command). Whether it is one of their commands is still decided by the command filters."""

    async def __call__(self, message: Message) -> bool:
        text = message.text or message.caption
        return text is not None and text.lstrip().startswith("/")


# a command in words is a word or two: a longer text is never one (and costs no parsing)
TYPED_COMMAND_MAX = 24


class TypedCommand(Filter):
    """A whole text that names a command in words ("отмена", "главное меню": `forms.
    TYPED_COMMANDS`), given to the handler as `typed_command` ("cancel", "menu")."""

    async def __call__(self, message: Message) -> bool | dict[str, Any]:
        text = message.text
        if text is None or len(text) > TYPED_COMMAND_MAX:
            return False
        command = typed_command(text)
        return {"typed_command": command} if command else False


def command(*names: str) -> Command:
    """A command as it is typed on a phone too, whose keyboard makes its first letter a capital
    ("/Find Kovalenko", "/Menu"): Telegram's own suggestions are in small letters."""
    return Command(*names, ignore_case=True)


def command_start() -> CommandStart:
    """`/start`, in any case ("/Start"), with or without a deep link (`command`)."""
    return CommandStart(ignore_case=True)
