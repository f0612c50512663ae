"""aiogram-dialog's page buttons that take only a page they could have drawn.

Their button carries the page it leads to, and aiogram-dialog reads it with `int(data)`: a
modified client's "abc" raised (the update failed), "-5" turned the page into a negative
`OFFSET` (PostgreSQL refuses it, and the update's transaction with it), and a 20-digit number
overflowed the driver's integer. Here a page is a number from 0 to `MAX_PAGE`; other data is
answered (`bot/middlewares/callback_answer.py`) and changes nothing."""

from __future__ import annotations

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, DialogProtocol
from aiogram_dialog.widgets.kbd import NextPage as _NextPage
from aiogram_dialog.widgets.kbd import PrevPage as _PrevPage
from aiogram_dialog.widgets.kbd import ScrollingGroup as _ScrollingGroup

# more pages than any list of the bot's has (a member's requests, 5 a page, would be 50,000)
MAX_PAGE = 9_999


def page_number(data: str) -> int | None:
    """The page a button's data names; None for data no page button of the bot's carries."""
    if not (data.isascii() and data.isdigit()) or len(data) > len(str(MAX_PAGE)):
        return None
    return int(data)


class _DrawnPagesOnly:
    async def _process_item_callback(
        self, callback: CallbackQuery, data: str, dialog: DialogProtocol, manager: DialogManager
    ) -> bool:
        if page_number(data) is None:
            return True  # handled: answered, nothing changed
        return await super()._process_item_callback(  # type: ignore[misc]
            callback, data, dialog, manager
        )


class PrevPage(_DrawnPagesOnly, _PrevPage):
    """aiogram-dialog's `PrevPage`, taking only a page number."""


class NextPage(_DrawnPagesOnly, _NextPage):
    """aiogram-dialog's `NextPage`, taking only a page number."""


class ScrollingGroup(_DrawnPagesOnly, _ScrollingGroup):
    """aiogram-dialog's `ScrollingGroup`, whose page buttons take only a page number."""
