"""The inline keyboard of a member's step, with the dialog's intent id in each button's data.

aiogram-dialog's `InlineKeyboardFactory` writes the intent id into every button in place
(`aiogram_dialog.utils.add_intent_id`), and each assignment runs pydantic's validation of the
whole button again, aiogram's "before" validator walking every field: about 10 µs a button, half
a millisecond for a month calendar. This factory gives each button that needs the id a copy with
it (`model_copy(update=...)`: the new data is a validated string with the id in front, nothing to
validate) and changes no button it was given: the same callback data as the library's, and a
keyboard a widget keeps (the calendar's cached pages) is never written to. A button whose data
carries the id already is handed on as it is: the calendar's cached pages hand out copies made
with it (`dialogs/widgets/calendar.py:CachedDaysView`), so each of their buttons is copied once.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_dialog import DialogManager
from aiogram_dialog.api.internal import RawKeyboard
from aiogram_dialog.utils import intent_callback_data
from aiogram_dialog.widgets.markup.inline_keyboard import InlineKeyboardFactory


def copy_for(intent: str, button: InlineKeyboardButton) -> InlineKeyboardButton:
    """A copy of a button a widget keeps, with `intent`'s id in its callback data: the kept
    button is never handed out (the factory below passes on a button that has the id, and the
    bot's API session puts the sent buttons into the returned message)."""
    data = button.callback_data
    if data is None:
        return button.model_copy()
    return button.model_copy(update={"callback_data": intent_callback_data(intent, data)})


class IntentKeyboardFactory(InlineKeyboardFactory):
    """`InlineKeyboardFactory` without writing into the buttons (see the module)."""

    async def render_markup(
        self, data: dict, manager: DialogManager, keyboard: RawKeyboard
    ) -> InlineKeyboardMarkup:
        intent = manager.current_context().id
        rows: list[list[Any]] = []  # as the library's: whatever the widgets gave
        for row in keyboard:
            out: list[Any] = []
            for button in row:
                if isinstance(button, InlineKeyboardButton):
                    given = button.callback_data
                    wanted = intent_callback_data(intent, given)
                    if wanted != given:
                        button = button.model_copy(update={"callback_data": wanted})
                out.append(button)
            rows.append(out)
        return InlineKeyboardMarkup(inline_keyboard=rows)
