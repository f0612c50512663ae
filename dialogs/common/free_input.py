"""What a member types or sends on a screen that asks nothing: a request awaiting a line, a
request's number, a screen or request named, a venue; else kept and offered to support."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.enums import ContentType
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from bot.config import Settings
from bot.services import requests
from bot.services.documents import refusal
from bot.services.forms import (
    SUPPORT_DATA,
    SUPPORT_FEEDBACK,
    MadeAsked,
    asks_cancelling,
    is_acknowledged,
    is_farewell,
    is_greeting,
    is_question,
    is_thanks_closing,
    made_request_asked,
    names_emergency,
    support_matter,
    typed_phrase,
)
from dialogs.answers import answer_awaited
from dialogs.attachments import attachment_of
from dialogs.common.navigation import ContentIs, open_over_menu, pressed_typed
from dialogs.common.notes import clear_error, set_error, set_notice
from dialogs.common.when import now
from dialogs.states import MyRequestsSG, SupportChatSG
from dialogs.widgets import I18nButtonText
from storage.models import RequestStatus


async def on_not_text(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    if not _voice_refused(message, manager):
        set_error(manager, "input-text-expected")


def _voice_refused(message: Message, manager: DialogManager) -> bool:
    """A voice message (or a round video) sent to a step that asks for words or a press: said
    that a step takes none, and where one goes (support listens to them: "Write to support",
    or a request's page once it is sent); False for any other message."""
    if message.voice is None and message.video_note is None:
        return False
    set_error(manager, "input-voice-not-here")
    return True


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
    if await pressed_typed(message, manager) or _voice_refused(message, manager):
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
    `dialogs/support_chat.py`); anything else is answered with the way to write to support. A
    contact shared from the attach menu (on the profile, to change the number) is taken as the
    phone step takes it (`phone.on_shared_contact`)."""
    if message.contact is not None:
        from dialogs.phone import on_shared_contact  # (it builds on this module)

        await on_shared_contact(message, _widget, manager)
        return
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
    `cards.opened_card_asked`), a family member's card its page (or their name alone, "Софія"),
    made active when switching is asked ("перемкни на картку доньки",
    `cards.opened_card_named`), a question about the clinics its answer from the directory
    ("какие клиники есть в Алматы?", `directory.answered_directory`); False for any other
    message."""
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


# what is said of a message support takes (`forms.support_matter`)
_MATTER_OFFERS = {SUPPORT_FEEDBACK: "input-feedback-offer", SUPPORT_DATA: "input-data-offer"}


def keep_for_support(message: Message, manager: DialogManager, *, to_support: bool = False) -> None:
    """`message`, which nothing on this screen takes, kept for "Send it to support" with those
    kept before it; one that cannot be sent is answered with the way to write to support. On
    a screen where a message is one `to_support` (support's own page) the offer is a question
    of the bot's, not a warning that messages are not taken there. A thank-you, a greeting or
    an "ok" is answered, and kept for no one; a life or health in danger ("нужна скорая") is
    answered with the ambulance's numbers and the insurer's 24/7 line, and kept."""
    if message.text is not None and is_thanks_closing(message.text):
        set_notice(manager, "input-thanks")  # a "thank you" needs no one's answer
        return
    if message.text is not None and is_farewell(message.text):
        set_notice(manager, "input-goodbye")  # "до свидания"
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
    said = message.text or message.caption or ""
    matter = support_matter(said)
    if matter is not None:  # "хочу пожаловаться на клинику", "я сменила фамилию"
        set_notice(manager, _MATTER_OFFERS[matter])
        return
    if is_question(said):
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
