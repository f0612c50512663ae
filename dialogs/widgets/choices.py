"""aiogram-dialog's `Select` for a fixed list (a specialty, a time window, a currency) that
takes only one of its choices.

aiogram-dialog passes any item a press carries on to the handler: a modified client's other
item moved the form on and was stored, and the summary then had no label for it. Here a press
with an item outside `choices` is answered (`bot/middlewares/callback_answer.py`) and changes
nothing. Lists of rows (cards, requests, clinics) check their ids with
`dialogs/common/navigation.py:picked_id` instead."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, DialogProtocol
from aiogram_dialog.widgets.kbd import Select


class FixedSelect(Select[Any]):
    def __init__(self, *args: Any, choices: Collection[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = frozenset(choices)

    async def _process_item_callback(
        self, callback: CallbackQuery, data: str, dialog: DialogProtocol, manager: DialogManager
    ) -> bool:
        if data not in self.choices:
            return True  # handled: answered, nothing changed
        return await super()._process_item_callback(callback, data, dialog, manager)
