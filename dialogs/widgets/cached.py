"""Buttons rendered once per language and the few flags they depend on, handed out as copies.

The main menu is the step members see most, and its keyboard is the same for everyone who
speaks the same language and has the same flags (cards or none, phone confirmed or not): nine
`Start` buttons whose labels read no variable. aiogram-dialog builds it again on every update:
each button's `when`, its label through Fluent, a pydantic `InlineKeyboardButton`, about a tenth
of a `/start`'s CPU. `CachedKeyboard` renders its buttons once per key and hands out copies that
carry the open context's intent id, as the calendar's days pages do
(`dialogs/widgets/calendar.py:CachedDaysView`, `dialogs/widgets/markup.py:copy_for`).

The key is the member's language and the truth of each name in `by`: the names the buttons'
`when` conditions read. Labels must read nothing from the window's data (a label with a
variable would be frozen at its first value): `tests/dialogs/test_cached_keyboard.py` renders
each keyboard built with it, in every language and for every combination of its flags, both
ways and compares.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton
from aiogram_dialog import DialogManager
from aiogram_dialog.api.internal import RawKeyboard
from aiogram_dialog.widgets.common import WhenCondition
from aiogram_dialog.widgets.kbd import Group, Keyboard
from cachetools import LRUCache

from bot.i18n import Translator
from dialogs.widgets.markup import copy_for

# four languages times a few flags: every key a keyboard can have, with room
KEYS_KEPT = 64

Key = tuple[Any, ...]
Rows = tuple[tuple[InlineKeyboardButton, ...], ...]


class CachedKeyboard(Group):
    """`Group(*buttons)` rendered once per language and flags (see the module)."""

    def __init__(
        self,
        *buttons: Keyboard,
        by: tuple[str, ...],
        id: str | None = None,
        width: int | None = None,
        when: WhenCondition = None,
        kept: int = KEYS_KEPT,
    ) -> None:
        super().__init__(*buttons, id=id, width=width, when=when)
        self.by = by
        # 0: no cache (what the tests compare with)
        self.rendered: LRUCache[Key, Rows] | None = LRUCache(maxsize=kept) if kept else None

    def key(self, data: dict[str, Any], manager: DialogManager) -> Key:
        i18n: Translator = manager.middleware_data["i18n"]
        return (i18n.locale, *(bool(data.get(name)) for name in self.by))

    async def _render_keyboard(self, data: dict[str, Any], manager: DialogManager) -> RawKeyboard:
        if self.rendered is None:
            return await super()._render_keyboard(data, manager)
        key = self.key(data, manager)
        rows = self.rendered.get(key)
        if rows is None:
            built = await super()._render_keyboard(data, manager)
            if not all(isinstance(b, InlineKeyboardButton) for row in built for b in row):
                return built  # a reply keyboard's buttons or a web app's: not kept
            rows = self.rendered[key] = tuple(tuple(row) for row in built)
        intent = manager.current_context().id
        return [[copy_for(intent, button) for button in row] for row in rows]
