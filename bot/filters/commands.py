"""A router of commands refuses any other message once, before each command's own filter."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import Message


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
