"""Moving between screens: the back and menu buttons, a screen opened over the menu, a button's
label typed rather than pressed, and the page buttons of paged screens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from aiogram.filters import Filter
from aiogram.fsm.state import State
from aiogram.types import Message
from aiogram_dialog import Dialog, DialogManager, ShowMode, StartMode, Window
from aiogram_dialog.manager.manager import ManagerImpl
from aiogram_dialog.widgets.common import ManagedScroll
from aiogram_dialog.widgets.kbd import Button, Cancel, Row, Start, SwitchTo

from bot.i18n import TranslatorHub
from bot.services.forms import (
    typed_phrase,
)
from dialogs.states import MainSG
from dialogs.widgets import I18nButtonText
from dialogs.widgets.pager import NextPage, PrevPage
from storage.sql import MAX_ROW_ID


def picked_id(item: str) -> int | None:
    """The row id a list's button carries (aiogram-dialog's `Select` item); None for one this
    bot did not draw: not a number, or beyond what an id column holds (a modified client)."""
    if not (item.isascii() and item.isdigit()):
        return None
    value = int(item)
    return value if 0 < value <= MAX_ROW_ID else None


async def open_over_menu(manager: DialogManager, state: State, data: Any = None) -> None:
    """`state` as a new screen on top of the menu, the stack reset: its "Back" leads to the
    menu. (Started alone, a screen's "Back" closed the last dialog and left the chat with no
    screen: /mydata's, a request's page opened from a status message.)"""
    await manager.start(MainSG.menu, mode=StartMode.RESET_STACK, show_mode=ShowMode.NO_UPDATE)
    await manager.start(state, data=data, show_mode=ShowMode.SEND)


# a screen's "⬅️ Back" has this id, and its "🏠 Main menu" this one: "назад" typed presses
# the one the screen has (`pressed_back`)
BACK = "back"
MENU = "to_menu"


def back_button(state: State | None = None, on_click: Any = None) -> Button:
    """ "⬅️ Back": to `state` of the same dialog, or, without one, the dialog closed and the
    screen under it shown; `on_click` first, when given."""
    text = I18nButtonText("btn-back")
    if state is None:
        return Cancel(text, id=BACK, on_click=on_click)
    return SwitchTo(text, id=BACK, state=state, on_click=on_click)


def current_window(manager: DialogManager) -> tuple[Dialog, Window] | None:
    """The dialog and the window the member is on (aiogram-dialog's `Dialog.windows`, by the
    state), to press one of its buttons or hand it a message from outside its handlers."""
    dialog = manager.dialog() if isinstance(manager, ManagerImpl) else None
    if not isinstance(dialog, Dialog):
        return None
    window = dialog.windows.get(manager.current_context().state)
    return (dialog, window) if isinstance(window, Window) else None


async def pressed_back(message: Message, manager: DialogManager) -> bool:
    """The screen's "⬅️ Back" (`BACK`), or its "🏠 Main menu" where it has no "Back", pressed
    for "назад" typed; False on a screen with neither."""
    return await pressed(message, manager, BACK) or await pressed(message, manager, MENU)


def menu_button() -> Start:
    return Start(I18nButtonText("btn-menu"), id=MENU, state=MainSG.menu, mode=StartMode.RESET_STACK)


def _buttons(
    widget: Any, parents: tuple[Any, ...] = ()
) -> Iterator[tuple[Button, tuple[Any, ...]]]:
    """The buttons of a window's keyboard (`Group`, `Row`, `Column` hold theirs in
    `buttons`), each with the widgets around it, whose `when` hides it too."""
    if isinstance(widget, Button):
        yield widget, parents
    for child in getattr(widget, "buttons", ()):
        yield from _buttons(child, (*parents, widget))


async def pressed_typed(message: Message, manager: DialogManager) -> bool:
    """A button of the screen typed as its label reads, in any of the bot's languages ("показать
    эту карту" for "🪪 Show this card"), while the screen shows it: pressed. False for any
    other message, or a label several of its buttons have."""
    if not message.text:
        return False
    typed = typed_phrase(message.text)
    hub: TranslatorHub = manager.middleware_data["translators"]
    return await _pressed(
        message,
        manager,
        lambda b: isinstance(b.text, I18nButtonText) and typed in _labels(hub, b.text.key),
    )


async def pressed(message: Message, manager: DialogManager, widget_id: str) -> bool:
    """The screen's button `widget_id` pressed by `message`, while the screen shows it."""
    return await _pressed(message, manager, lambda b: b.widget_id == widget_id)


async def _pressed(
    message: Message, manager: DialogManager, chosen: Callable[[Button], bool]
) -> bool:
    """The one button of the screen `chosen` picks among those it shows now, pressed by
    `message` (its handler takes the message for the callback); False when none or several
    are."""
    shown = current_window(manager)
    if shown is None:
        return False
    dialog, window = shown
    found = [(button, parents) for button, parents in _buttons(window.keyboard) if chosen(button)]
    if not found:
        return False
    data = await window.load_data(dialog, manager)  # (whether each is on the screen now)
    visible = [b for b, parents in found if all(w.is_(data, manager) for w in (*parents, b))]
    if len(visible) != 1:
        return False
    await visible[0].on_click.process_event(message, visible[0], manager)
    return True


@cache
def _labels(hub: TranslatorHub, key: str) -> frozenset[str]:
    """A button's label in each of the bot's languages, as typed answers are compared; none
    for a label with a value in it ("📱 Use +380…"). Built once a key, as the menu's words
    are (`menu._menu_words`)."""
    return frozenset(
        typed_phrase(hub.get(locale)(key))
        for locale in hub.locales
        if not hub.get(locale).variables(key)
    )


def _not_first(data: dict[str, Any], _widget: Any, _manager: DialogManager) -> bool:
    return bool(data["current_page"] > 0)


def _not_last(data: dict[str, Any], _widget: Any, _manager: DialogManager) -> bool:
    return bool(data["current_page"] + 1 < data["pages"])


def page_buttons(scroll: str, back: str, forward: str, *, forward_first: bool = False) -> Row:
    """Buttons to the page before (`back`) and after (`forward`) on `scroll` (a `StubScroll`
    whose getter gives its page count), each shown only where it leads somewhere;
    `forward_first` puts the forward one on the left (pages that go back in time)."""
    buttons = [
        PrevPage(scroll, id=f"{scroll}_back", text=I18nButtonText(back), when=_not_first),
        NextPage(scroll, id=f"{scroll}_fwd", text=I18nButtonText(forward), when=_not_last),
    ]
    return Row(*(reversed(buttons) if forward_first else buttons))


async def scroll_page(manager: DialogManager, scroll: str) -> int:
    """The page `scroll` is on (0 until the member turns one)."""
    widget = manager.find(scroll)
    assert isinstance(widget, ManagedScroll)
    return await widget.get_page()


async def set_scroll_page(manager: DialogManager, scroll: str, page: int) -> None:
    widget = manager.find(scroll)
    assert isinstance(widget, ManagedScroll)
    await widget.set_page(page)


class ContentIs(Filter):
    """For `MessageInput(func, filter=ContentIs(ContentType.CONTACT))`: the widget's own
    `content_types=` check is a bare magic filter, which aiogram runs through a thread."""

    def __init__(self, *content_types: str) -> None:
        self._types = frozenset(content_types)

    async def __call__(self, message: Message) -> bool:
        return message.content_type in self._types
