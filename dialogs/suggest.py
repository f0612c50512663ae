"""A request named in a message that a screen did not ask for ("мне нужен стоматолог" on the
menu, "ще аналізи треба" under "Request sent"): offered beside sending it to support, one press
away, on every screen that asks nothing (`dialogs.common.member_window(rests=True)`)."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Text

from bot.i18n import Translator
from bot.services import cards, requests
from bot.services.forms import (
    MadeAsked,
    asks_what_to_do,
    made_request_asked,
    names_emergency,
    polite_request,
    without_opening,
)
from bot.services.names import given_name
from dialogs.common import (
    OFFER,
    SUGGEST,
    SUGGEST_MORE,
    fmt_date,
    now,
    open_over_menu,
    set_notice,
    today,
)
from dialogs.requests.named import (
    Asked,
    another_asked,
    asked_for,
    is_open,
    named_ahead,
    named_label,
    names_self,
    names_someone_else,
    offered_of,
    offered_two,
    parts_asked,
    request_named_for,
    same_asked,
)
from dialogs.requests.new import ask_whose, make_active, open_named
from dialogs.states import MyRequestsSG
from storage.models import RequestStatus

# the request a text is offered ([text, `request_offered`'s answer]), found in this update to
# tell a new request asked a moment after another (`names_another_request`): the offer made
# next (`offer_named`) is that one, not found again
_OFFER_READ = "suggest_offer_read"


async def offer_named(
    message: Message, manager: DialogManager, card_list: list[cards.CardView] | None = None
) -> None:
    """The request a text kept for support names (or a photo's or file's caption: "рецепт на
    ліки"), offered beside it (`offer_request`), when the member has a card to make it on
    (`card_list`: theirs, when the caller has read them). A file without a caption after it
    (an album's next photo) keeps the offer. A life in danger ("сильная боль в груди") is told
    the ambulance (`keep_for_support`), and offered no visit."""
    text = message.text or message.caption
    kept = manager.dialog_data.get(OFFER) or ()
    if not any(m["id"] == message.message_id for m in kept) or names_emergency(text or ""):
        return
    before = manager.middleware_data.get(SUGGEST)
    if text is None:
        if before:
            manager.dialog_data[SUGGEST] = before
            _say_offered(manager, before)
        return
    data = manager.middleware_data
    read = data.get(_OFFER_READ)
    if read is not None and read[0] == text:
        _offer(read[1], manager)
        return
    if card_list is None:
        card_list = await cards.list_cards(data["session"], data["member"], today(manager))
    if card_list:
        about = offer_request(text, card_list, manager)
        if about is not None:
            await _about_made(manager, about)
    elif (asked := asked_for(text, card_list, manager)) is not None:
        # "I need a dentist" with no card linked: what to do first, not "not taken here"
        i18n: Translator = manager.middleware_data["i18n"]
        set_notice(manager, "input-not-asked-no-card", request=named_label(asked.named, i18n, ""))


async def _about_made(manager: DialogManager, asked: MadeAsked) -> None:
    """A message about a request already made ("когда мне перезвонят?", "отмените заявку"):
    with one request open, its page ("Cancel request …?" for a cancel while the member may; why
    not, when support has started on it); else, and to move or change one (support does), where
    requests are, beside "Send it to support"."""
    data = manager.middleware_data
    made = await requests.open_of(data["session"], data["member"], 2)
    if asked is MadeAsked.CHANGE or len(made) != 1:
        set_notice(manager, "input-about-request")
        return
    page: dict[str, Any] = {"request_id": made[0].id}
    state = MyRequestsSG.detail
    if asked is MadeAsked.CANCEL and requests.member_can_cancel(made[0]):
        state = MyRequestsSG.cancel
    elif asked is MadeAsked.CANCEL:
        page["error"] = "request-cancel-too-late"
    await open_over_menu(manager, state, page)


def offer_request(
    text: str, card_list: list[cards.CardView], manager: DialogManager
) -> MadeAsked | None:
    """ "мне нужен стоматолог", "лекарства для ребенка", kept for support: the request it names
    offered beside (`request_offered`); when the card it would be made on takes no request now
    (waiting for its coverage, or ended), the screen says so, with the day, beside "Send it to
    support", not that messages are not taken here. A second request named in another part of
    the message ("сдать анализы и записаться к гинекологу") is offered beside the first
    (`another_asked`), and on the "request sent" screen of the one pressed first. A message
    about a request already made offers none: what it asks is returned (`_about_made`)."""
    # each part between "и", "and"… read once, for what it asks on its own; the family member
    # the message names is whom a part that names no one asks for: "педиатр и лор для сына",
    # both the son's
    read = parts_asked(text, card_list, manager)
    asked = asked_for(text, card_list, manager)
    if asked is None:  # two doctors in one message name neither as a whole
        asked = next((a for _part, a in read if a is not None), None)
    if asked is None and (about := made_request_asked(without_opening(text) or text)) is not None:
        return about  # "перенесите запись на пятницу", "статус заявки": `_about_made`
    if asked is not None and asked.on is not None and not is_open(asked.on):
        _say_closed(manager, asked)
        return None
    offered = offered_of(asked) if asked else None
    more = another_asked(read, asked) if asked and offered else None
    if asked is not None and offered is not None and more is None and _not_theirs(asked):
        # "запишите маму к терапевту", and no card of hers here: it would be made on the
        # member's own card; said so, and how to add hers
        manager.dialog_data[SUGGEST] = offered
        _say_offered(manager, offered, "input-not-asked-suggest-not-theirs")
        return None
    if asked is None or offered is None or more is None:
        _offer(offered, manager)
        return None
    # what its own part says of the first (its day), not a day the other part names
    alone = next((a for _part, a in read if same_asked(a, asked)), None)
    _offer_two(asked, more, alone, manager)
    return None


def _offer_two(asked: Asked, more: Asked, alone: Asked | None, manager: DialogManager) -> None:
    """Two requests named in one message, each offered (`SUGGEST`, `SUGGEST_MORE`); `alone`,
    the first as its own part of the message asks it (what it says of its day)."""
    both = offered_two(asked, more)
    assert both is not None  # (`another_asked` takes one on an open card only)
    offered, more_offered = both
    if alone is not None:
        offered[4] = named_ahead(asked.named, alone.rest, alone.said)
    manager.dialog_data[SUGGEST] = offered
    manager.dialog_data[SUGGEST_MORE] = more_offered
    i18n: Translator = manager.middleware_data["i18n"]
    set_notice(
        manager,
        "input-not-asked-suggest-two",
        request=named_label((offered[0], offered[1]), i18n, offered[3]),
        more=named_label((more_offered[0], more_offered[1]), i18n, more_offered[3]),
    )


def _not_theirs(asked: Asked) -> bool:
    """Whether `asked` names someone by who they are to the member ("запишите маму", "сыну
    нужен лор") whose card is not among theirs: no holder found, and no card to ask whose
    (`Asked.ask_whose`), nor the member named too ("мне и маме")."""
    return (
        asked.holder is None
        and not asked.ask_whose
        and names_someone_else(asked.said)
        and not names_self(asked.said)
    )


def _offer(offered: list[Any] | None, manager: DialogManager) -> None:
    if offered is not None:
        manager.dialog_data[SUGGEST] = offered
        _say_offered(manager, offered)


def request_offered(
    text: str, card_list: list[cards.CardView], manager: DialogManager
) -> list[Any] | None:
    """The request `text` asks for (`asked_for`), as it is offered ([kind, specialty, card_id,
    whose, day]); None when it asks for none, or when the card it would be made on takes none
    now (waiting for its coverage, or expired): the press would only say so."""
    asked = asked_for(text, card_list, manager)
    return offered_of(asked) if asked else None


def _say_closed(manager: DialogManager, asked: Asked) -> None:
    """ "🩺 Doctor appointment · Dentist: requests on this card open on December 13." (or its
    coverage ended), beside "Send it to support", which stays the way to write now."""
    named, holder, on = asked.named, asked.holder, asked.on
    assert on is not None
    i18n: Translator = manager.middleware_data["i18n"]
    whose = given_name(holder[0].holder_name) if holder else ""
    waiting = on.status is cards.CardStatus.WAITING
    set_notice(
        manager,
        "input-not-asked-card-waiting" if waiting else "input-not-asked-card-ended",
        request=named_label(named, i18n, whose),
        date=fmt_date(on.coverage_start if waiting else on.coverage_end, manager),
    )


async def names_another_request(message: Message, manager: DialogManager) -> bool:
    """Whether a message sent a moment after a request, or after its rejection, asks for a
    request of another kind ("а ще до стоматолога завтра" after the medicines; after a rejection,
    of any kind): not a word about that one (`requests.awaiting`), so it is kept and the
    request it names offered (asked as a question too: "а можна ще й аналізи здати?",
    `forms.polite_request`). A message while support waits for more information is that
    answer, whatever it names."""
    data = manager.middleware_data
    member = data.get("member")
    if member is None or member.id is None or not may_name_request(message, manager):
        return False
    waiting = await requests.awaiting(data["session"], member, now(manager))
    if not waiting or any(r.status == RequestStatus.NEED_INFO for r in waiting):
        return False
    # a rejected request is over: one of its kind asked for again is a new one ("добре, тоді
    # нову заявку на нурофен", as the rejection's reason may ask), offered with support beside
    kinds: list[str] = [r.kind for r in waiting if r.status != RequestStatus.REJECTED]
    return await another_than(message, kinds, manager)


def may_name_request(message: Message, manager: DialogManager) -> bool:
    """Whether a message's text (a question only when it asks for one: "а можна ще й аналізи
    здати?") names a request, read without the database: most messages do not."""
    text = message.text or message.caption
    if not text:
        return False
    asked = polite_request(text) if "?" in text else text
    return (
        asked is not None and request_named_for(asked, manager, asks_what_to_do(text)) is not None
    )


async def another_than(message: Message, kinds: list[str], manager: DialogManager) -> bool:
    """Whether the request a message asks for, offered on the member's cards, is of none of
    `kinds` (those waiting for a message, or the one whose page it was sent on: "і ще мені
    потрібен стоматолог" on a call-back's); the offer is read once (`_OFFER_READ`, for the
    offer made next)."""
    text = message.text or message.caption or ""
    data = manager.middleware_data
    card_list = await cards.list_cards(data["session"], data["member"], today(manager))
    offered = request_offered(text, card_list, manager)
    data[_OFFER_READ] = [text, offered]  # the offer made next is this one
    return offered is not None and all(kind != offered[0] for kind in kinds)


def _say_offered(
    manager: DialogManager, offered: list[Any], key: str = "input-not-asked-suggest"
) -> None:
    i18n: Translator = manager.middleware_data["i18n"]
    label = named_label((offered[0], offered[1]), i18n, offered[3])
    # a question of the bot's, not a warning
    set_notice(manager, key, request=label)


def offer_next(manager: DialogManager, offered: list[Any]) -> None:
    """On the "request sent" screen: the other request the message named, as it was offered
    beside the one just sent ("… and a gynecologist"), one press away."""
    manager.dialog_data[SUGGEST] = offered
    i18n: Translator = manager.middleware_data["i18n"]
    set_notice(
        manager,
        "request-sent-suggest",
        request=named_label((offered[0], offered[1]), i18n, offered[3]),
    )


async def on_suggest(_callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """ "📝 New request: …" under a message that named one: that form (`open_named`), on the
    card of the family member it named (made the active card, as "👥 For another person" does).
    When the message named two, the other is offered again once this one is sent."""
    pressed, other = SUGGEST, SUGGEST_MORE
    if button.widget_id == _MORE_ID:
        pressed, other = other, pressed
    named = manager.middleware_data.get(pressed)
    then = manager.middleware_data.get(other) or None
    if not named:  # (a press on a screen drawn before: nothing is offered now)
        return
    kind, specialty, card_id = named[:3]
    # what was said of it (`named_ahead`; one offered before that was kept: none)
    ahead = named[4] if len(named) > 4 else None
    # the photos and files sent with it ("рецепт на ліки" under the prescription's photo) are
    # the form's documents
    docs = [
        {**m["file"], "caption": m["text"]}
        for m in manager.middleware_data.get(OFFER) or ()
        if m["file"] and m["file"]["kind"] != "voice"
    ]
    if len(named) > 5 and named[5]:  # "педиатр для ребенка", two children: whose, asked
        await ask_whose(manager, (kind, specialty), ahead=ahead, docs=docs, then=then)
        return
    if card_id is not None and not await make_active(manager, card_id):
        return  # unlinked since, or not saved (the screen says so)
    await open_named(manager, (kind, specialty), ahead=ahead, docs=docs, then=then)


_MORE_ID = "suggest_more"


class _Suggested(Text):
    """ "📝 New request: 🩺 Doctor appointment · Dentist": the request offered now (under
    `key`: the first, or the second one the message named)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        named = manager.dialog_data.get(self.key)
        if not named:
            return ""
        i18n: Translator = manager.middleware_data["i18n"]
        return i18n("menu-btn-suggest", request=named_label((named[0], named[1]), i18n, named[3]))


def _suggested(key: str) -> Any:
    def shown(_data: dict[str, Any], _widget: Any, manager: DialogManager) -> bool:
        return bool(manager.dialog_data.get(key))

    return shown


def suggest_buttons() -> tuple[Button, Button]:
    """The request a message named, and the second one it named, each one press away."""
    return (
        Button(_Suggested(SUGGEST), id="suggest", on_click=on_suggest, when=_suggested(SUGGEST)),
        Button(
            _Suggested(SUGGEST_MORE),
            id=_MORE_ID,
            on_click=on_suggest,
            when=_suggested(SUGGEST_MORE),
        ),
    )
