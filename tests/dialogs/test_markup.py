"""A member step's inline keyboard carries the same callback data as aiogram-dialog's factory
gives, and the buttons the widgets rendered are left as they were."""

from __future__ import annotations

from copy import deepcopy
from typing import Any, cast

from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardButton, LoginUrl
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import Context
from aiogram_dialog.widgets.markup.inline_keyboard import InlineKeyboardFactory

from dialogs.common import INLINE_KEYBOARD, member_window
from dialogs.widgets import I18nFormat
from dialogs.widgets.markup import IntentKeyboardFactory

INTENT = "aB3dE6g"


class StepSG(StatesGroup):
    step = State()


class Manager:
    def __init__(self) -> None:
        self.context = Context(_intent_id=INTENT, _stack_id="", state=StepSG.step, start_data=None)

    def current_context(self) -> Context:
        return self.context


def _keyboard() -> list[list[Any]]:
    return [
        [InlineKeyboardButton(text="📝 New request", callback_data="new")],
        [
            InlineKeyboardButton(text=" ", callback_data=""),
            InlineKeyboardButton(text="25", callback_data="date_cal:1795564800"),
        ],
        [InlineKeyboardButton(text="site", url="https://example.org")],
        [InlineKeyboardButton(text="login", login_url=LoginUrl(url="https://example.org/l"))],
        # already carrying this intent id, and another's (left as the library leaves them)
        [InlineKeyboardButton(text="mine", callback_data=f"{INTENT}\x1dback")],
        [InlineKeyboardButton(text="theirs", callback_data="Zx9Yw8v\x1dback")],
        [],
    ]


async def test_the_keyboard_is_the_librarys_and_the_given_buttons_are_unchanged() -> None:
    manager = cast(DialogManager, Manager())
    given = _keyboard()
    kept = deepcopy(given)
    ours = await IntentKeyboardFactory().render_markup({}, manager, given)
    library = await InlineKeyboardFactory().render_markup({}, manager, _keyboard())

    assert ours == library
    assert ours.model_dump_json() == library.model_dump_json()
    assert given == kept  # nothing written into what the widgets gave
    assert ours.inline_keyboard[0][0].callback_data == f"{INTENT}\x1dnew"
    assert ours.inline_keyboard[2][0].callback_data is None


def test_every_member_step_without_a_factory_of_its_own_gets_this_one() -> None:
    window = member_window(I18nFormat("menu-greeting"), state=StepSG.step)
    assert window.markup_factory is INLINE_KEYBOARD
