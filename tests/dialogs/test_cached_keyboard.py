"""A keyboard rendered once per language and flags is the keyboard rendered afresh.

`CachedKeyboard` (dialogs/widgets/cached.py) keys its buttons by the member's language and the
truth of the names in its `by`. Every one of them in the member dialogs is rendered here, in
every language, for every combination of its flags, with its cache and without, and the markups
must be the same to the byte, for two members' contexts one after the other (the second gets
the kept buttons, with its own intent id). A label that read the window's data, or a `when`
reading a name missing from `by`, would differ here for some combination.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product
from typing import Any, cast

from aiogram.fsm.state import State
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.api.entities import Context
from aiogram_dialog.widgets.kbd import Group, Keyboard

from bot.config import SUPPORTED_LOCALES
from bot.factory import member_dialogs
from bot.i18n import TranslatorHub
from dialogs.states import MainSG
from dialogs.widgets.cached import CachedKeyboard
from dialogs.widgets.markup import IntentKeyboardFactory
from tests.dialogs.harness import MemberClient
from tests.factories import make_person, make_policy

HUB = TranslatorHub()
# the names the windows with a cached keyboard are given by their getters
# (dialogs/menu.py:menu_getter), besides those a keyboard is keyed by
GIVEN = {
    "notice", "has_cards", "phone_confirmed", "name", "insurer", "cards",
    "active", "policy", "holder", "status",
}  # fmt: skip


class Manager:
    """What a keyboard reads of a DialogManager: the open context and the member's translator."""

    def __init__(self, locale: str, intent_id: str, state: State) -> None:
        self.middleware_data = {"i18n": HUB.get(locale)}
        self.context = Context(_intent_id=intent_id, _stack_id="", state=state, start_data=None)

    def current_context(self) -> Context:
        return self.context

    def is_preview(self) -> bool:
        return False


def _cached_keyboards(widget: Keyboard) -> Iterator[CachedKeyboard]:
    if isinstance(widget, CachedKeyboard):
        yield widget
    if isinstance(widget, Group):
        for button in widget.buttons:
            yield from _cached_keyboards(button)


async def _markup(keyboard: CachedKeyboard, data: dict[str, Any], manager: Manager) -> str:
    dialog_manager = cast(DialogManager, manager)
    rows = await keyboard.render_keyboard(data, dialog_manager)
    markup = await IntentKeyboardFactory().render_markup(data, dialog_manager, rows)
    assert isinstance(markup, InlineKeyboardMarkup)
    return markup.model_dump_json()


async def test_every_cached_keyboard_is_the_keyboard_rendered_afresh() -> None:
    found: list[tuple[CachedKeyboard, State]] = []
    for dialog in member_dialogs():
        for state, window in dialog.windows.items():
            keyboards = _cached_keyboards(cast(Window, window).keyboard)
            found += [(keyboard, state) for keyboard in keyboards]
    assert MainSG.menu in {state for _, state in found}  # the main menu's keyboard is one

    compared = 0
    for keyboard, state in found:
        for flags in product((False, True), repeat=len(keyboard.by)):
            # the flags as the getters give them: a count, a text or None stand for them too
            for truth in (lambda on: on, lambda on: 3 if on else 0, lambda on: "x" if on else None):
                given = {name: truth(on) for name, on in zip(keyboard.by, flags, strict=True)}
                # and each other name a getter gives, set on its own: the keyboard must not
                # change with it (a `when` reading a name left out of `by` would)
                for other in (None, *sorted(GIVEN - set(keyboard.by))):
                    data = given | ({other: True} if other else {})
                    for locale in SUPPORTED_LOCALES:
                        kept, keyboard.rendered = keyboard.rendered, None
                        fresh = [
                            await _markup(keyboard, data, Manager(locale, intent, state))
                            for intent in ("aB3dE6g", "Zx9Yw8v")
                        ]
                        keyboard.rendered = kept
                        cached = [
                            await _markup(keyboard, data, Manager(locale, intent, state))
                            for intent in ("aB3dE6g", "Zx9Yw8v")
                        ]
                        assert cached == fresh, (state, data, locale)
                        assert fresh[0] != fresh[1]  # each member's own intent id
                        compared += 1
    assert compared >= 4 * 3 * (1 + len(GIVEN) - 2) * 4  # flags, truths, other names, locales


async def test_the_kept_buttons_are_never_handed_out() -> None:
    menu = next(d for d in member_dialogs() if MainSG.menu in d.windows)
    keyboard = next(_cached_keyboards(cast(Window, menu.windows[MainSG.menu]).keyboard))
    data = {"has_cards": True, "phone_confirmed": True}
    manager = cast(DialogManager, Manager("uk", "aB3dE6g", MainSG.menu))

    handed = await keyboard.render_keyboard(data, manager)
    again = await keyboard.render_keyboard(data, manager)
    assert keyboard.rendered is not None
    (rows,) = keyboard.rendered.values()
    kept = {id(button) for row in rows for button in row}
    assert kept.isdisjoint(id(button) for row in handed + again for button in row)
    first = again[0][0]
    assert isinstance(first, InlineKeyboardButton)
    assert first.callback_data == "aB3dE6g\x1dnew_request"
    assert all(b.callback_data and "\x1d" not in b.callback_data for row in rows for b in row)


async def test_two_members_see_their_own_menus_as_their_flags_change(
    member, build_dp, messages, session_factory
):
    """The kept menus, as members meet them: one member's menu changes when a card is linked,
    another in another language gets the menu of their own flags, and each press opens the
    pressing member's own step."""
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        await make_person(session, policy, full_name="Olena Kovalenko", relation="self")
    no_card = ["📱 Confirm phone", "🪪 Activate by insured ID"]

    await member.send("/start")
    assert all(label in member.buttons() for label in no_card)
    assert "📝 New request" not in member.buttons()
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    await member.send("/menu")
    assert "📝 New request" in member.buttons() and "💳 My cards" in member.buttons()
    assert not any(label in member.buttons() for label in no_card)

    other = MemberClient(member.dp, messages, user_id=1002, language_code="uk", first_name="Ivan")
    await other.send("/start")
    assert "📱 Підтвердити телефон" in other.buttons()
    assert "📝 Нова заявка" not in other.buttons()
    await other.click("📱 Підтвердити телефон")
    assert other.reply_buttons()  # Ivan's own phone step, with its share button

    await member.send("/menu")
    await member.click("📝 New request")
    assert "🧪 Lab tests" in member.buttons()  # Olena's request types, not Ivan's phone step
