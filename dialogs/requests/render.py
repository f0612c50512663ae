"""A request's answers as readable lines in the member's language (see `bot.render`).

On a screen each long value is cut (every summary and request page fits one message); the
"show in full" button opens the whole text, page by page.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot import render
from dialogs.requests.full_text import open_full_text
from dialogs.widgets import I18nButtonText

LONG = "has_long"  # the getter key that shows the "show in full" button


def detail_lines(details: dict[str, Any], manager: DialogManager) -> str:
    return render.detail_lines(
        details, manager.middleware_data["i18n"], value_max=render.VALUE_SHOWN
    )


def full_text_button(
    text_of: Callable[[DialogManager], Awaitable[str]], when: str = LONG
) -> Button:
    """A button that shows the whole text of what the screen shows cut."""

    async def show(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
        await open_full_text(manager, await text_of(manager))

    return Button(I18nButtonText("btn-full-text"), id="full_text", on_click=show, when=when)


def all_details(
    details_of: Callable[[DialogManager], dict[str, Any]],
) -> Callable[[DialogManager], Awaitable[str]]:
    """The uncut lines of a form's answers, for `full_text_button`."""

    async def text_of(manager: DialogManager) -> str:
        return render.detail_lines(details_of(manager), manager.middleware_data["i18n"])

    return text_of
