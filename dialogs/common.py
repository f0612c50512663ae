"""Pieces shared by the dialogs: error display, "today", the menu button, formatting."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Collection, Iterator, Mapping, Sequence
from datetime import date, datetime
from functools import cache
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import F
from aiogram.enums import ContentType
from aiogram.filters import Filter
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram.utils.chat_action import ChatActionSender
from aiogram_dialog import Dialog, DialogManager, ShowMode, StartMode, Window
from aiogram_dialog.manager.manager import ManagerImpl
from aiogram_dialog.widgets.common import ManagedScroll
from aiogram_dialog.widgets.input import CombinedInput, MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Row, Start, SwitchTo
from aiogram_dialog.widgets.text import Format
from aiogram_dialog.widgets.widget_event import WidgetEventProcessor
from babel.dates import format_date, format_time
from sqlalchemy import inspect

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Translator, TranslatorHub
from bot.services import requests
from bot.services.cards import CardStatus, CardView
from bot.services.documents import refusal
from bot.services.forms import (
    MadeAsked,
    asks_cancelling,
    is_acknowledged,
    is_greeting,
    is_no,
    is_question,
    is_thanks,
    is_yes,
    made_request_asked,
    match_choice,
    names_emergency,
    typed_phrase,
)
from bot.services.zones import ReadingZone, city, reading_zone
from dialogs.answers import answer_awaited
from dialogs.attachments import attachment_of
from dialogs.safe import SafeDialog
from dialogs.states import MainSG, MyRequestsSG, SupportChatSG
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from dialogs.widgets.choices import FixedSelect
from dialogs.widgets.i18n import ERROR_KEY
from dialogs.widgets.markup import IntentKeyboardFactory
from dialogs.widgets.pager import NextPage, PrevPage
from storage.models import RequestStatus
from storage.sql import MAX_ROW_ID
from storage.uow import UnitOfWork


def set_error(manager: DialogManager, key: str, **args: Any) -> None:
    """Show `key` above the current step; the step itself stays. `args` are plain text (the
    widget escapes them for HTML)."""
    manager.dialog_data[ERROR_KEY] = {"key": key, "args": args}


def set_notice(manager: DialogManager, key: str, **args: Any) -> None:
    """Show `key` above the current step as `set_error` does, but as a word of the bot's, not
    a warning (no ⚠️): "🙏 You are welcome!"."""
    manager.dialog_data[ERROR_KEY] = {"key": key, "args": args, "notice": True}


def clear_error(manager: DialogManager) -> None:
    manager.dialog_data.pop(ERROR_KEY, None)


def now(manager: DialogManager) -> datetime:
    clock: Clock = manager.middleware_data["clock"]
    return clock()


def insurer_now(manager: DialogManager) -> datetime:
    """The time in the insurer's zone: coverage, waiting periods and clinics' hours are there."""
    settings: Settings = manager.middleware_data["settings"]
    return now(manager).astimezone(settings.tz)


def today(manager: DialogManager) -> date:
    """Today in the insurer's time zone: coverage and waiting periods are counted there."""
    return insurer_now(manager).date()


_ZONE_KEY = "phone_reading_zones"


def member_zone(manager: DialogManager) -> ReadingZone:
    """The zone the member reads times in (their phone's country, else the insurer's)."""
    return phone_zone_of(manager, getattr(manager.middleware_data.get("member"), "phone", None))


def phone_zone_of(manager: DialogManager, phone: str | None) -> ReadingZone:
    """The zone times are read in by whoever has `phone` (its country's, else the insurer's);
    found once per number and update, however many times a page shows (a phone confirmed in
    this update is another number)."""
    data = manager.middleware_data
    found: dict[str | None, ReadingZone] = data.setdefault(_ZONE_KEY, {})
    if phone not in found:
        settings: Settings = data["settings"]
        found[phone] = reading_zone(phone, settings.tz, now(manager))
    return found[phone]


def member_date(value: datetime, manager: DialogManager) -> date:
    """The calendar date of a moment where the member is."""
    return value.astimezone(member_zone(manager).tz).date()


async def commit_now(manager: DialogManager) -> bool:
    """Commit what this update stored, before the screen that reports it (commit, then speak).

    False when the commit failed: the change is rolled back, the current step stays and says
    so. The caller then must not move on to a "saved" or "sent" screen.
    """
    uow: UnitOfWork = manager.middleware_data["uow"]
    if await uow.commit():
        return True
    member = manager.middleware_data.get("member")
    if member is not None and inspect(member).persistent:
        # a rollback expires loaded rows; the step's getters read the member again
        await uow.session.refresh(member)
    set_error(manager, "error-not-saved")
    return False


def fmt_date(value: date, manager: DialogManager) -> str:
    i18n: Translator = manager.middleware_data["i18n"]
    return format_date(value, format="long", locale=i18n.locale)


def card_status(card: CardView, manager: DialogManager) -> str:
    """A card's status as the member reads it, with the day that goes with it: when a waiting
    card opens, when an expired one's coverage ended."""
    i18n: Translator = manager.middleware_data["i18n"]
    status = i18n(f"card-status-{card.status}")
    if card.status is CardStatus.WAITING:
        return f"{status} {i18n('card-opens-on', date=fmt_date(card.coverage_start, manager))}"
    if card.status is CardStatus.EXPIRED:
        return f"{status} {i18n('card-ended-on', date=fmt_date(card.coverage_end, manager))}"
    return status


def zone_city(tz: ZoneInfo, i18n: Translator) -> str:
    """A zone as a time is said to be in it: its city, in the member's language ("Almaty")."""
    return city(tz, i18n.locale)


def _named_zone(text: str, zone: ReadingZone, manager: DialogManager) -> str:
    """`text` as is in the member's own zone; otherwise with the zone it is in."""
    if zone.own:
        return text
    i18n: Translator = manager.middleware_data["i18n"]
    return i18n("time-in-zone", time=text, zone=zone_city(zone.tz, i18n))


def fmt_datetime(value: datetime, manager: DialogManager) -> str:
    """A moment in the member's zone, its date written as `fmt_date` writes dates."""
    i18n: Translator = manager.middleware_data["i18n"]
    zone = member_zone(manager)
    local = value.astimezone(zone.tz)
    text = i18n(
        "date-at-time",
        date=format_date(local.date(), format="long", locale=i18n.locale),
        time=format_time(local, "HH:mm", locale=i18n.locale),
    )
    return _named_zone(text, zone, manager)


def fmt_time_or_datetime(value: datetime, manager: DialogManager) -> str:
    """A moment near now: the time alone when it falls on the member's today, else date and time."""
    i18n: Translator = manager.middleware_data["i18n"]
    zone = member_zone(manager)
    local = value.astimezone(zone.tz)
    if local.date() != now(manager).astimezone(zone.tz).date():
        return fmt_datetime(value, manager)
    return _named_zone(format_time(local, "HH:mm", locale=i18n.locale), zone, manager)


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


async def on_not_text(_message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    set_error(manager, "input-text-expected")


def place_of(message: Message) -> str | None:
    """A place shared from Telegram's attachment menu, in words: a venue's name and address
    ("City Clinic No. 4, Kyiv, Khreshchatyk 1"); None for a location alone, whose coordinates
    say no building or flat."""
    venue = message.venue
    if venue is None:
        return None
    title, address = venue.title.strip(), venue.address.strip()
    if not title or title.casefold() in address.casefold():
        return address or None
    return f"{title}, {address}" if address else title


def place_input(
    on_text: Callable[[Message, Any, DialogManager, str], Awaitable[None]],
    location: str = "input-location-not-address",
) -> MessageInput:
    """Where an address or a place is typed: a venue shared instead is its answer, as if its
    name and address were typed (`place_of`); a location alone is asked to be typed (`location`:
    the key that asks)."""

    async def on_place(message: Message, widget: MessageInput, manager: DialogManager) -> None:
        text = place_of(message)
        if text is None:
            set_error(manager, location)
            return
        await on_text(message, widget, manager, text)

    return MessageInput(on_place, filter=ContentIs(ContentType.VENUE, ContentType.LOCATION))


async def on_unexpected(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    """What the step took in no other way: one of its buttons typed is pressed
    (`pressed_typed`), anything else is "not expected" and the step stays."""
    if await pressed_typed(message, manager):
        return
    set_error(manager, "input-unexpected")


async def took_awaited(message: Message, manager: DialogManager) -> bool:
    """A message on a screen that asks nothing, taken as the one a request waits for, when one
    does (support asked for more information, or the member wrote about it a moment ago); not
    one that asks for a request of another kind (`suggest.names_another_request`)."""
    from dialogs.suggest import names_another_request  # (it builds on this module)

    data = manager.middleware_data
    if await names_another_request(message, manager):
        return False  # a new request asked for: kept and offered, as on any other moment
    if await _cancel_or_status_asked(message, manager):
        # "хочу отменить" under "Request sent": its confirmation; "где моя заявка?": its page,
        # where the status answers (`suggest._about_made`)
        return False
    if await answer_awaited(message, data["uow"], data.get("member"), now(manager), data["i18n"]):
        manager.show_mode = ShowMode.NO_UPDATE  # the screen stays; the reply says where it went
        return True
    return False


async def _cancel_or_status_asked(message: Message, manager: DialogManager) -> bool:
    """Whether a message a moment after a request asks to cancel ("хочу отменить",
    "отмените") or where it is ("где моя заявка?", "когда мне перезвонят?"), while support
    waits for no answer from the member: not a line for the request, which support would have
    to answer, but a cancel asked, or the request's page (`suggest._about_made`)."""
    text = message.text or ""
    if not asks_cancelling(text) and made_request_asked(text) is not MadeAsked.STATUS:
        return False
    data = manager.middleware_data
    member = data.get("member")
    if member is None or member.id is None:
        return False
    waiting = await requests.awaiting(data["session"], member, now(manager))
    return bool(waiting) and all(r.status != RequestStatus.NEED_INFO for r in waiting)


# the messages a member sent on a screen that asks nothing, offered to support with one press
# (`on_free_message`): kept until the dialog's next event, which hands them to the handlers
OFFER = "support_offer"
OFFER_MAX = 10  # messages kept, the last ones: an album is at most ten
# a request the member's message on the menu names ("мне нужен стоматолог"): offered beside
# sending it to support (`dialogs/menu.py`), and gone as the kept messages go
SUGGEST = "request_suggest"
# a second request the same message names ("анализы и к гинекологу"), offered beside the first
SUGGEST_MORE = "request_suggest_more"


async def on_free_message(
    message: Message, _widget: MessageInput, manager: DialogManager, *, to_support: bool = False
) -> None:
    """A message on a screen that asks nothing: a request's number opens its page
    (`opened_request`), a menu button typed its screen (`menu.opened_menu_item`: "мои
    заявки"); else it is the one a request waits for (`took_awaited`). Any other is
    not lost: a text, photo, file or voice message is kept, with those sent just before it,
    and a button sends them to support ("Write to support" opened with them:
    `dialogs/support_chat.py`); anything else is answered with the way to write to support."""
    if await opened_by_name(message, manager):
        return
    if await took_awaited(message, manager):
        return
    keep_for_support(message, manager, to_support=to_support)
    from dialogs.suggest import offer_named  # (it builds on this module: imported here)

    await offer_named(message, manager)  # "ще аналізи треба": that request offered too


# a request's number typed alone, as the bot writes it ("R-000042"), or shorter ("r42", "№ R-42"),
# or after the word for a request, where the "R" may go ("заявка 42", "request #42", "өтініш 42")
_NUMBER = re.compile(
    r"^\s*(?:(?:заявк[аиуе]|request|өтініш|запит)\s*[№#]?\s*(?:R[-\s]?)?|[№#]?\s*R[-\s]?|[№#]\s*)"
    r"0*(\d{1,9})\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# or named in a short message about it ("моя заявка R-000042", "что с заявкой R-42?", "статус
# заявки 42"), the one number it names
_NUMBER_IN = re.compile(
    r"(?<![\w-])(?:R-?0*(\d{1,9})|(?:заявк\w*|запит\w*|requests?|өтініш\w*)\s*[№#]?\s*(?:R-?)?"
    r"0*(\d{1,9}))(?![\w-])",
    re.IGNORECASE,
)
# (the words that ask about it: where it is, what became of it; any other word says something
# for support, "по заявке R-42 прикладываю чек", which the page would drop)
_ABOUT_NUMBER = frozenset(
    {"моя", "мою", "мой", "мои", "что", "с", "со", "статус", "где", "как", "там", "по",
     "заявка", "заявкой", "заявки", "заявку", "заявке", "мій", "що", "з", "де", "як", "заявкою",
     "заявці", "запит", "запиту", "my", "the", "status", "of", "what", "about", "where", "is",
     "how", "request", "менің", "өтінішім", "қайда", "жағдайы", "қалай"}
)  # fmt: skip


def typed_request_number(text: str) -> int | None:
    """The number of the request a message names: alone ("R-000042", "#42", "заявка 42"), or
    asking where it is ("что с заявкой R-42?", "статус заявки 42"); None otherwise (more said
    of it is for support; "отмените R-42" asks for its cancelling, `forms.asks_cancelling`)."""
    if (alone := _NUMBER.match(text)) is not None:
        return int(alone.group(1))
    found = {int(a or b) for a, b in _NUMBER_IN.findall(text)}
    if len(found) != 1:
        return None
    rest = typed_phrase(_NUMBER_IN.sub(" ", text)).split()
    return found.pop() if all(word in _ABOUT_NUMBER for word in rest) else None


async def opened_by_name(message: Message, manager: DialogManager) -> bool:
    """On a screen that asks nothing, what a message names by itself: a request's number its
    page (`opened_request`), a menu button its screen ("мои заявки", `menu.opened_menu_item`),
    a language the bot's from now on ("на русском", `language.switched_language`), a question
    about a card's dates its page ("до какого числа действует полис?",
    `cards.opened_card_asked`), a family member's card its page, made active when switching is
    asked ("перемкни на картку доньки", `cards.opened_card_named`), a question about the
    clinics its answer from the directory ("какие клиники есть в Алматы?",
    `directory.answered_directory`); False for any other message."""
    from dialogs.cards import (  # (they build on this module: imported here)
        opened_card_asked,
        opened_card_named,
    )
    from dialogs.directory import answered_directory
    from dialogs.language import switched_language
    from dialogs.menu import opened_menu_item

    return (
        await opened_request(message, manager)
        or await opened_menu_item(message, manager)
        or await opened_card_asked(message, manager)
        or await opened_card_named(message, manager)
        or await answered_directory(message, manager)
        or await pressed_typed(message, manager)
        or await switched_language(message, manager)
    )


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


async def opened_request(message: Message, manager: DialogManager) -> bool:
    """The page of the member's request whose number `message` is (copied from a
    notification, as members do), opened over the menu; False for any other message."""
    request_id = typed_request_number(message.text or "")
    member = manager.middleware_data.get("member")
    if request_id is None or member is None:
        return False
    try:
        await requests.own(manager.middleware_data["session"], member, request_id)
    except requests.RequestNotFoundError:
        return False  # not the member's: kept for support like any text
    await open_over_menu(manager, MyRequestsSG.detail, {"request_id": request_id})
    return True


def keep_for_support(message: Message, manager: DialogManager, *, to_support: bool = False) -> None:
    """`message`, which nothing on this screen takes, kept for "Send it to support" with those
    kept before it; one that cannot be sent is answered with the way to write to support. On
    a screen where a message is one `to_support` (support's own page) the offer is a question
    of the bot's, not a warning that messages are not taken there. A thank-you, a greeting or
    an "ok" is answered, and kept for no one; a life or health in danger ("нужна скорая") is
    answered with the ambulance's numbers and the insurer's 24/7 line, and kept."""
    if message.text is not None and is_thanks(message.text):
        set_notice(manager, "input-thanks")  # a "thank you" needs no one's answer
        return
    if message.text is not None and is_greeting(message.text):
        set_notice(manager, "input-greeting")  # "Здравствуйте": what the bot does, no warning
        return
    if message.text is not None and is_acknowledged(message.text):
        set_notice(manager, "input-acknowledged")  # "ок", "👍"
        return
    kept = _kept(message)
    if kept is None:
        set_error(manager, "input-not-asked")  # (there is no question above to answer)
        return
    before = [m for m in manager.middleware_data.get(OFFER) or () if m["id"] != kept["id"]]
    manager.dialog_data[OFFER] = [*before, kept][-OFFER_MAX:]
    if names_emergency(message.text or message.caption or ""):
        # "нужна скорая": the ambulance's numbers and the 24/7 line first, support beside
        settings: Settings = manager.middleware_data["settings"]
        set_notice(manager, "input-emergency", hotline=settings.support_hotline)
        return
    if to_support:
        set_notice(manager, "input-support-offer")
        return
    if is_question(message.text or message.caption or ""):
        set_notice(manager, "input-question-offer")  # "какой у меня лимит?": support answers
        return
    set_error(manager, "input-not-asked-offer")


def _kept(message: Message) -> dict[str, Any] | None:
    """`message` as it is kept for support (its id, text, file), or None when it is not one
    to send: a command, a sticker, a file support would refuse (`documents.refusal`)."""
    if message.text is not None:
        if message.text.startswith("/"):
            return None
        return {"id": message.message_id, "text": message.text, "file": None}
    attachment = attachment_of(message, voice=True)
    if attachment is None or refusal(attachment, []):
        return None
    caption = (message.caption or "").strip() or None
    return {"id": message.message_id, "text": caption, "file": attachment.to_dict()}


async def on_send_offer(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """ "Send it to support": "Write to support" opens with the messages kept, and sends them."""
    offered = manager.middleware_data.get(OFFER)
    if not offered:
        return  # (a press on a screen drawn before: nothing is kept now)
    clear_error(manager)
    await manager.start(SupportChatSG.chat, data={OFFER: offered})


def _offered(_data: Any, _widget: Any, manager: DialogManager) -> bool:
    return bool(manager.dialog_data.get(OFFER))


def offer_button() -> Button:
    return Button(
        I18nButtonText("btn-send-to-support"), id="offer", on_click=on_send_offer, when=_offered
    )


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


def typed_choice(
    items: str,
    getter: Any,
    on_click: Any,
    aliases: Mapping[str, str] | None = None,
    otherwise: Any = None,
    read: Callable[[str], str | None] | None = None,
) -> MessageInput:
    """A typed answer on a step of buttons, taken as the one button whose label it names
    (`forms.match_choice`: "ранок", "any time", "USD"), or else the id `read` finds in it (an
    hour typed, for a time of day); other text goes to `otherwise` (a text handler: a
    specialty not listed), or is not expected there. `items` are the getter's (id, label)
    pairs, the buttons drawn: a choice not offered now (a time of day already over) is not
    taken by its words; one `read` finds goes to `on_click`, which says why it cannot be."""

    async def on_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
        data = await getter(**{**manager.middleware_data, "dialog_manager": manager})
        text = message.text or ""
        picked = match_choice(text, data.get(items, ()), aliases)
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
) -> Window:
    """A step that asks to pick one of `items` (pairs of id and label from the getter), whose
    ids are `choices`: a press with another id is not taken (`FixedSelect`). A typed answer
    that names one of the buttons is taken as its press (`typed_choice`); other text goes to
    `otherwise`, when given."""
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
        typed_choice(items, getter, on_click, aliases, otherwise=otherwise, read=read),
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


NOTE_KEY = "note"


def set_note(manager: DialogManager, note: str) -> None:
    """Show `note` (e.g. "saved") on the next screen only: the dialog's next event clears it."""
    manager.dialog_data[NOTE_KEY] = note


def has_note(manager: DialogManager, note: str) -> bool:
    return manager.dialog_data.get(NOTE_KEY) == note


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


class ContentIs(Filter):
    """For `MessageInput(func, filter=ContentIs(ContentType.CONTACT))`: the widget's own
    `content_types=` check is a bare magic filter, which aiogram runs through a thread."""

    def __init__(self, *content_types: str) -> None:
        self._types = frozenset(content_types)

    async def __call__(self, message: Message) -> bool:
        return message.content_type in self._types


# "typing…" only for a step that takes more than a moment: one answered sooner would show it
# for an instant at best, and cost a Bot API call on every such step
TYPING_AFTER_SECONDS = 0.5


def show_typing(manager: DialogManager) -> ChatActionSender:
    """ "typing…" in the member's chat while a slow step works (linking cards, storing a
    request, drawing the e-card) once it has taken TYPING_AFTER_SECONDS: aiogram's sender,
    repeated every 5 s until the step ends."""
    chat = manager.middleware_data["event_chat"]
    return ChatActionSender.typing(
        bot=manager.middleware_data["bot"], chat_id=chat.id, initial_sleep=TYPING_AFTER_SECONDS
    )
