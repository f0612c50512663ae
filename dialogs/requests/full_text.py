"""A long text read in full, page by page (a summary or a request page shows it cut)."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import Dialog, DialogManager, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Row

from bot.textfit import pages
from dialogs.common import MemberDialog
from dialogs.states import FullTextSG
from dialogs.widgets import I18nButtonText, I18nFormat

PAGE = "page"
PAGE_SIZE = 3500  # of the text, with room for the header in one message
TEXT = "text"


async def open_full_text(manager: DialogManager, text: str) -> None:
    """Show `text` (plain, escaped when shown) over the current step; "Back" returns to it."""
    await manager.start(FullTextSG.page, data={TEXT: text})


async def page_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    start_data = dialog_manager.start_data
    text = start_data.get(TEXT, "") if isinstance(start_data, dict) else ""
    parts = pages(str(text), PAGE_SIZE)
    page = max(0, min(dialog_manager.dialog_data.get(PAGE, 0), len(parts) - 1))
    return {
        "text": parts[page],
        "page": page + 1,
        "pages": len(parts),
        "has_prev": page > 0,
        "has_next": page + 1 < len(parts),
    }


async def _turn(manager: DialogManager, delta: int) -> None:
    manager.dialog_data[PAGE] = max(0, manager.dialog_data.get(PAGE, 0) + delta)


async def on_prev(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _turn(manager, -1)


async def on_next(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _turn(manager, 1)


def full_text_dialog() -> Dialog:
    return MemberDialog(
        Window(
            I18nFormat("full-text-page"),
            Row(
                Button(I18nButtonText("btn-prev"), id="prev", on_click=on_prev, when="has_prev"),
                Button(I18nButtonText("btn-next"), id="next", on_click=on_next, when="has_next"),
            ),
            Cancel(I18nButtonText("btn-back")),
            getter=page_getter,
            state=FullTextSG.page,
        ),
    )
