"""aiogram-dialog's page buttons that take only a page they could have drawn.

Their button carries the page it leads to, and aiogram-dialog reads it with `int(data)`: a
modified client's "abc" raised (the update failed), "-5" turned the page into a negative
`OFFSET` (PostgreSQL refuses it, and the update's transaction with it), and a 20-digit number
overflowed the driver's integer. Here a page is a number from 0 to `MAX_PAGE`; other data is
answered (`bot/middlewares/callback_answer.py`) and changes nothing."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, DialogProtocol
from aiogram_dialog.widgets.kbd import NextPage as _NextPage
from aiogram_dialog.widgets.kbd import PrevPage as _PrevPage
from aiogram_dialog.widgets.kbd import ScrollingGroup as _ScrollingGroup
from aiogram_dialog.widgets.kbd.pager import PagerPageData

# more pages than any list of the bot's has (a member's requests, 5 a page, would be 50,000)
MAX_PAGE = 9_999


def is_page(data: str) -> bool:
    """Whether a button's data names a page from 0 to `MAX_PAGE` (digits only, no sign)."""
    return data.isascii() and data.isdigit() and int(data) <= MAX_PAGE


class _DrawnPagesOnly:
    async def _process_item_callback(
        self, callback: CallbackQuery, data: str, dialog: DialogProtocol, manager: DialogManager
    ) -> bool:
        if not is_page(data):
            return True  # handled: answered, nothing changed
        return await super()._process_item_callback(  # type: ignore[misc]
            callback, data, dialog, manager
        )


class _WithinPages(_DrawnPagesOnly):
    """A page button that counts from the last page when the page turned to is past it (a
    shorter list since, or a modified client's page): the getters show the last page then, and
    the buttons lead on from there, not from a page that has no rows."""

    async def _prepare_data(
        self, data: dict[str, Any], target_page: int, current_page: int, pages: int
    ) -> PagerPageData:
        current = min(current_page, max(pages - 1, 0))
        target = await self._get_target_page(current, pages)  # type: ignore[attr-defined]
        return await super()._prepare_data(  # type: ignore[misc]
            data, target, current, pages
        )


class PrevPage(_WithinPages, _PrevPage):
    """aiogram-dialog's `PrevPage`, taking only a page number, counting from the last page."""


class NextPage(_WithinPages, _NextPage):
    """aiogram-dialog's `NextPage`, taking only a page number, counting from the last page."""


class ScrollingGroup(_DrawnPagesOnly, _ScrollingGroup):
    """aiogram-dialog's `ScrollingGroup`, whose page buttons take only a page number."""
