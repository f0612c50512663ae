"""Why typed text was not taken: "too long, at most N characters" or the step's own reason."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.services.forms import too_long
from dialogs.common import set_error

TOO_LONG = "input-too-long"


def refuse_text(
    manager: DialogManager,
    text: str | None,
    max_len: int,
    key: str,
    *,
    collapse: bool = False,
    **args: Any,
) -> None:
    """Show `input-too-long` when `text` is over `max_len` characters, else `key`."""
    if too_long(text, max_len, collapse=collapse):
        set_error(manager, TOO_LONG, max=max_len)
    else:
        set_error(manager, key, **args)
