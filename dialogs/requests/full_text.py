"""A long text read in full, page by page (a summary or a request page shows it cut)."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.kbd import StubScroll

from bot.textfit import pages
from dialogs.common import MemberDialog, back_button, member_window, page_buttons, scroll_page
from dialogs.states import FullTextSG
from dialogs.widgets import I18nFormat

PAGES = "text_pages"
PAGE_SIZE = 3500  # of the text, with room for the header in one message
TEXT = "text"


async def open_full_text(manager: DialogManager, text: str) -> None:
    """Show `text` (plain, escaped when shown) over the current step; "Back" returns to it."""
    await manager.start(FullTextSG.page, data={TEXT: text})


async def page_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    start_data = dialog_manager.start_data
    text = start_data.get(TEXT, "") if isinstance(start_data, dict) else ""
    parts = pages(str(text), PAGE_SIZE)
    page = max(0, min(await scroll_page(dialog_manager, PAGES), len(parts) - 1))
    return {"text": parts[page], "page": page + 1, "pages": len(parts)}


def full_text_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            I18nFormat("full-text-page"),
            StubScroll(PAGES, pages="pages"),
            page_buttons(PAGES, "btn-prev", "btn-next"),
            back_button(),
            getter=page_getter,
            state=FullTextSG.page,
        ),
    )
