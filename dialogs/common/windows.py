"""The members' windows and steps: `member_window` (the last error shown, a catch-all that
answers what the step does not take), `choice_step`, `text_step`, a typed choice or "yes", and
`MemberDialog`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from operator import itemgetter
from typing import Any

from aiogram import F
from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.widgets.input import CombinedInput, MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Button, Column
from aiogram_dialog.widgets.text import Format
from aiogram_dialog.widgets.widget_event import WidgetEventProcessor

from bot.services.forms import (
    choice_told,
    is_no,
    is_yes,
)
from dialogs.common.free_input import (
    OFFER,
    SUGGEST,
    SUGGEST_MORE,
    offer_button,
    on_free_message,
    on_not_text,
    on_unexpected,
)
from dialogs.common.navigation import ContentIs
from dialogs.common.notes import NOTE_KEY, clear_error, set_error, set_notice
from dialogs.safe import SafeDialog
from dialogs.widgets import I18nError, I18nFormat
from dialogs.widgets.choices import FixedSelect
from dialogs.widgets.markup import IntentKeyboardFactory


def _shows_errors(text: Any) -> bool:
    if isinstance(text, I18nError):
        return True
    return any(_shows_errors(t) for t in getattr(text, "texts", ()))


# The id of the input every step ends with; `MemberDialog` checks each window has it last.
CATCH_ALL = "unexpected"


# the inline keyboard of every step (a reply keyboard's step passes its own factory)
INLINE_KEYBOARD = IntentKeyboardFactory()


def member_window(
    *widgets: Any,
    state: State,
    getter: Any = None,
    rests: bool = False,
    on_message: Any = None,
    **kwargs: Any,
) -> Window:
    """A member's step: `widgets`, the last error (unless a text of the step shows it already)
    and, after the step's own inputs, one that takes any other message and says so.

    `rests`: a screen that asks nothing (the menu, "request sent", "My requests"): a message
    sent there goes to the request waiting for it, if one does (`on_free_message`), and one
    that names a request is offered it (`dialogs/suggest.py`).
    `on_message`: the catch-all of a screen that takes a message its own way (a request's page).

    aiogram-dialog hands every message sent while a dialog is open to its current window
    (`Window.process_message`; the inputs of one window are tried in order, `CombinedInput`),
    so a word typed where only buttons are expected would otherwise get no answer at all.
    """
    error = () if any(_shows_errors(w) for w in widgets) else (I18nError(),)
    handler = on_message or (on_free_message if rests else on_unexpected)
    catch_all = MessageInput(handler, id=CATCH_ALL)
    kwargs.setdefault("markup_factory", INLINE_KEYBOARD)
    # where a message may be kept for support: its button first, while it is, and the request
    # the message names after it
    offer: tuple[Button, ...] = ()
    if rests or on_message is not None:
        from dialogs.suggest import suggest_buttons  # (it builds on this module: imported here)

        offer = (offer_button(), *suggest_buttons())
    return Window(*offer, *widgets, *error, catch_all, state=state, getter=getter, **kwargs)


# the mark a list's button carries for the one chosen now (the language, the active card)
CHOSEN_MARK = "✅ "


def typed_choice(
    items: str,
    getter: Any,
    on_click: Any,
    aliases: Mapping[str, str] | None = None,
    otherwise: Any = None,
    read: Callable[[str], str | None] | None = None,
    refused: str = "choice-refused",
    read_refused: Callable[[str], str | None] | None = None,
    on_refused: Any = None,
) -> MessageInput:
    """A typed answer on a step of buttons, taken as the one button whose label it names
    (`forms.choice_told`: "ранок", "any time", "USD"), or else the id `read` finds in it (an
    hour typed, for a time of day); other text goes to `otherwise` (a text handler: a
    specialty not listed), or is not expected there. `items` are the getter's (id, label)
    pairs, the buttons drawn: a choice not offered now (a time of day already over) is not
    taken by its words; one `read` finds goes to `on_click`, which says why it cannot be.
    An answer that turns a button down and asks for no other ("не в долларах", "только не
    утром": its words name the dollar, the morning; `forms.choice_told`, or in a longer
    sentence `read_refused`, which also outweighs "any time" named beside it: "в любое время,
    кроме утра") is said back with that button's label (`refused`, a notice with
    `choice`), and the step is asked again, nothing picked; or, with `on_refused`, handed to it
    with that label (a day named beside it on a time step: "в пятницу, только не утром")."""

    async def on_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
        data = await getter(**{**manager.middleware_data, "dialog_manager": manager})
        text = message.text or ""
        # a sentence that turns one down and asks for no other first: "в любое время, кроме
        # утра" names "any time" too, which holds the morning
        no = read_refused(text) if read_refused is not None else None
        picked, told_no = choice_told(text, data.get(items, ()), aliases)
        no = no or told_no
        if no is not None:
            label = dict(data.get(items, ())).get(no)
            if label is not None:  # without the mark of the one chosen now ("✅ English")
                label = label.removeprefix(CHOSEN_MARK)
            if label is not None and on_refused is not None:
                await on_refused(message, widget, manager, text, label)
                return
            if label is not None:  # (one not offered now is no pick either: as any text)
                set_notice(manager, refused, choice=label)  # (heard: no warning)
                return
        if picked is None and read is not None:
            picked = read(text)
        if picked is None and otherwise is not None:
            await otherwise(message, widget, manager, text)
            return
        if picked is None:
            set_error(manager, "input-unexpected")
            return
        clear_error(manager)
        await on_click(message, widget, manager, picked)

    return MessageInput(on_text, filter=ContentIs(ContentType.TEXT))


def typed_yes(on_yes: Any, on_no: Any = None, otherwise: Any = None) -> MessageInput:
    """Under a question answered yes or no ("Is everything correct?", "Cancel request
    R-000042?"): a typed "да", "так", "yes", "иә" (`forms.YES_WORDS`, the whole answer) is
    taken as the press of its "yes" button, and with `on_no` a typed "нет", "ні", "no"
    (`forms.NO_WORDS`) as its "no"; other text goes to `otherwise` when given (a summary's
    change asked in words: `requests/common.py:summary_input`), else is not expected there."""

    async def on_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
        typed = message.text or ""
        said_no = on_no is not None and is_no(typed)
        answer = on_yes if is_yes(typed) else on_no if said_no else otherwise
        if answer is None:
            set_error(manager, "input-unexpected")
            return
        clear_error(manager)
        await answer(message, widget, manager)

    return MessageInput(on_text, filter=ContentIs(ContentType.TEXT))


def choice_step(
    prompt: str,
    select_id: str,
    items: str,
    choices: Collection[str],
    on_click: Any,
    state: State,
    *widgets: Any,
    getter: Any,
    aliases: Mapping[str, str] | None = None,
    read: Callable[[str], str | None] | None = None,
    otherwise: Any = None,
    refused: str = "choice-refused",
    read_refused: Callable[[str], str | None] | None = None,
    on_refused: Any = None,
) -> Window:
    """A step that asks to pick one of `items` (pairs of id and label from the getter), whose
    ids are `choices`: a press with another id is not taken (`FixedSelect`). A typed answer
    that names one of the buttons is taken as its press (`typed_choice`); one that turns a
    button down is said back (`refused`, `read_refused`), or handed to `on_refused`; other text
    goes to `otherwise`, when given."""
    return member_window(
        I18nFormat(prompt),
        Column(
            FixedSelect(
                Format("{item[1]}"),
                id=select_id,
                item_id_getter=itemgetter(0),
                items=items,
                on_click=on_click,
                choices=choices,
            )
        ),
        typed_choice(
            items,
            getter,
            on_click,
            aliases,
            otherwise=otherwise,
            read=read,
            refused=refused,
            read_refused=read_refused,
            on_refused=on_refused,
        ),
        *widgets,
        getter=getter,
        state=state,
    )


def text_step(
    prompt: str,
    input_id: str,
    on_success: WidgetEventProcessor | Any,
    state: State,
    *widgets: Any,
    getter: Any = None,
    takes: Sequence[MessageInput] = (),
) -> Window:
    """A step that asks for a typed answer: the prompt, the last error, the input, buttons.

    What `takes` takes (a shared contact for a phone) is its answer too; anything else but
    text gets "please type your answer" and the same step.
    """
    return member_window(
        I18nFormat(prompt),
        TextInput(id=input_id, on_success=on_success),
        *takes,
        MessageInput(on_not_text),
        *widgets,
        getter=getter,
        state=state,
    )


def _ends_with_catch_all(window: Any) -> bool:
    on_message = getattr(window, "on_message", None)
    last = on_message.inputs[-1] if isinstance(on_message, CombinedInput) else on_message
    return isinstance(last, MessageInput) and last.widget_id == CATCH_ALL and not last.filters


async def _fresh_event(
    handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
    event: TelegramObject,
    data: dict[str, Any],
) -> Any:
    """Before the dialog handles a member's message or press: the last screen's note goes;
    a press is a fresh start too, so the last error goes with it (a handler may set a new one)."""
    manager: DialogManager = data["dialog_manager"]
    manager.dialog_data.pop(NOTE_KEY, None)
    # the messages kept for support: the handlers' to use (a press of "Send it to support",
    # one more message), gone from the screen otherwise
    data[OFFER] = manager.dialog_data.pop(OFFER, None)
    data[SUGGEST] = manager.dialog_data.pop(SUGGEST, None)
    data[SUGGEST_MORE] = manager.dialog_data.pop(SUGGEST_MORE, None)
    if isinstance(event, CallbackQuery):
        clear_error(manager)
    return await handler(event, data)


class MemberDialog(SafeDialog):
    """A dialog of `member_window` steps: each answers input it does not take and shows why the
    last input was not taken. Built on the public Router API of `Dialog` only."""

    def __init__(self, *windows: Window, **kwargs: Any) -> None:
        for window in windows:
            if not _ends_with_catch_all(window):
                raise ValueError(
                    f"{window.state} is not a `member_window`: it needs the final catch-all"
                )
        super().__init__(*windows, **kwargs)
        # every button of ours carries data; one without (a game button, a modified client)
        # presses nothing and is answered as out of date (middlewares/callback_answer)
        self.callback_query.filter(F.data)
        self.callback_query.middleware(_fresh_event)
        self.message.middleware(_fresh_event)
