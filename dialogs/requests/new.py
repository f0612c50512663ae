"""Choosing a request type, only when the active card's coverage allows a request today."""

from __future__ import annotations

from typing import Any

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Column, Start, SwitchTo
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import cards, requests
from bot.services.forms import (
    about_made_request,
    asks_what_to_do,
    match_choice,
    polite_request,
)
from dialogs.cards import card_buttons, card_items, list_getter
from dialogs.common import (
    ContentIs,
    MemberDialog,
    back_button,
    clear_error,
    commit_now,
    fmt_date,
    keep_for_support,
    member_window,
    on_unexpected,
    picked_id,
    set_error,
    set_notice,
    today,
    typed_choice,
)
from dialogs.requests.common import CALL_AHEAD, CLAIM_AHEAD, DOCS, LIST_AHEAD, THEN
from dialogs.requests.dates import DATE_AHEAD
from dialogs.requests.named import (
    another_asked,
    is_open,
    kind_refused,
    named_ahead,
    named_holder,
    named_label,
    names_family,
    offered_two,
    parts_asked,
    request_named_for,
)
from dialogs.states import (
    AppointmentSG,
    CallbackSG,
    LabTestsSG,
    MedicinesSG,
    NewRequestSG,
    ReimbursementSG,
)
from dialogs.widgets import I18nButtonText, I18nFormat
from storage.models import Member, RequestKind

# each kind of request and the first step of its form, in the chooser's order
FORMS: dict[str, State] = {
    "appointment": AppointmentSG.specialty,
    "medicines": MedicinesSG.items,
    "lab_tests": LabTestsSG.referral,
    "reimbursement": ReimbursementSG.service_date,
    "callback": CallbackSG.phone,
}


# the forms whose documents are photos and files (a prescription, a referral, receipts)
WITH_DOCS = frozenset({RequestKind.MEDICINES, RequestKind.LAB_TESTS, RequestKind.REIMBURSEMENT})


async def choose_getter(
    dialog_manager: DialogManager,
    session: AsyncSession,
    member: Member,
    i18n: Translator,
    **_: Any,
) -> dict[str, Any]:
    # the member's cards, read once: the active one takes the request; a family's may be for
    # another of them ("👥 For another person", or a name typed: `on_typed`)
    card_list = await cards.list_cards(session, member, today(dialog_manager))
    family = card_items(card_list) if len(card_list) > 1 else []
    # (the cards themselves, for a kind typed here: `on_typed`)
    shown = {"several": bool(family), "family": family, "card_list": card_list}
    try:
        card = requests.requestable(next((c for c in card_list if c.is_active), None))
    except requests.RequestNotAllowedError as exc:
        args = {"date": fmt_date(exc.on, dialog_manager)} if exc.on else {}
        return {**shown, "blocked": i18n(exc.reason, **args), "allowed": False}
    return {
        **shown,
        "allowed": True,
        "blocked": "",
        "policy": card.policy_number,
        "holder": card.holder_name,
    }


async def open_named(
    manager: DialogManager,
    named: tuple[str, str | None],
    *,
    allowed: bool | None = None,
    ahead: str | None = None,
    docs: list[dict[str, Any]] | None = None,
    then: list[Any] | None = None,
) -> None:
    """The form `named.named_request` found, over the current screen (the appointment with its
    doctor at its next step; `ahead`, what was said of it with it (`named_ahead`), for its
    steps; `docs`, photos and files sent with the message, the documents of a form that takes
    them; `then`, the other request the message named, as offered, for the "request sent"
    screen); the chooser, which says why, when the active card takes no request now
    (`allowed`, when the caller knows it already)."""
    if allowed is None:
        data = await choose_getter(**{**manager.middleware_data, "dialog_manager": manager})
        allowed = bool(data["allowed"])
    kind, specialty = named
    more = {THEN: then} if then else {}
    if not allowed:
        await manager.start(NewRequestSG.choose)
    elif specialty is not None:
        await manager.start(
            AppointmentSG.clinic, data={"specialty": specialty, DATE_AHEAD: ahead, **more}
        )
    elif kind == RequestKind.CALLBACK:
        await manager.start(
            FORMS[kind], data={CALL_AHEAD: ahead, **more} if ahead or more else None
        )
    elif kind == RequestKind.REIMBURSEMENT:
        await manager.start(FORMS[kind], data={DOCS: docs or [], CLAIM_AHEAD: ahead, **more})
    elif kind in (RequestKind.MEDICINES, RequestKind.LAB_TESTS):
        await manager.start(FORMS[kind], data={DOCS: docs or [], LIST_AHEAD: ahead, **more})
    else:  # (an appointment's doctor to choose: what it was asked with, its comment)
        start = {DOCS: docs or []} if kind in WITH_DOCS else {DATE_AHEAD: ahead} if ahead else {}
        await manager.start(FORMS[kind], data={**start, **more} or None)


# a request named for a family member whom no one card is ("для ребенка", two children), kept
# while whose card it is for is asked, then opened on it (`on_person`): {"named": [kind,
# specialty], "ahead", "docs", "then"}
FOR_WHOM = "for_whom"


async def ask_whose(
    manager: DialogManager,
    named: tuple[str, str | None] | list[Any],
    *,
    ahead: str | None = None,
    docs: list[dict[str, Any]] | None = None,
    then: list[Any] | None = None,
) -> None:
    """ "👥 Whose card is the request for?" before the form `named`, which opens on the card
    picked (`on_person`): from the chooser, its next step; elsewhere (the menu's offer), the
    chooser's dialog started at it."""
    pending = {"named": list(named), "ahead": ahead, "docs": docs or [], "then": then}
    context = manager.current_context() if manager.has_context() else None
    if context is not None and context.state.group is NewRequestSG:
        _keep_for_whom(manager, pending)
        await manager.switch_to(NewRequestSG.person)
    else:
        await manager.start(NewRequestSG.person, data={FOR_WHOM: pending})


def _keep_for_whom(manager: DialogManager, pending: dict[str, Any]) -> None:
    """The request to open once whose card it is for is picked, and the question named."""
    manager.dialog_data[FOR_WHOM] = pending
    i18n: Translator = manager.middleware_data["i18n"]
    set_notice(manager, "request-whose-for", request=named_label(_named(pending), i18n))


def _named(pending: dict[str, Any]) -> tuple[str, str | None]:
    """The request kept under `FOR_WHOM`: its kind and the doctor of an appointment."""
    kind, specialty = pending["named"]
    return kind, specialty


async def on_start(start_data: Any, manager: DialogManager) -> None:
    if isinstance(start_data, dict) and start_data.get(FOR_WHOM):
        _keep_for_whom(manager, start_data[FOR_WHOM])


async def on_not_whose(_event: Any, _button: Any, manager: DialogManager) -> None:
    """Back from "Whose card?" to the chooser: the request kept to open is let go."""
    manager.dialog_data.pop(FOR_WHOM, None)
    clear_error(manager)


async def on_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """A kind typed rather than pressed ("лекарства", "к врачу", "refund"): the form it names;
    a doctor named ("к стоматологу", "педиатр"): the appointment form with that specialty, at
    its next step; with a family's cards, a name one of them holds ("Софія"): that card, as
    "👥 For another person" picks it (a name several hold: that list). Other text, or a kind or
    doctor on a card that takes no request now, is not expected. A kind or doctor named with a
    family member ("к педиатру для сына") is made on that member's card (`named_holder`). A
    question that asks for one ("можно к лору?") names it; one about a request already made
    ("отменить запись к стоматологу") is told where requests are."""
    data = await choose_getter(**{**manager.middleware_data, "dialog_manager": manager})
    text = said = message.text or ""
    if "?" in text:  # "можно записаться к лору на завтра?": the request it asks for
        text = polite_request(text) or text
    # "не звонок", "not a call-back": said back, never opened; "не звонок, а запись к врачу":
    # what it asks besides is read
    refused, text = kind_refused(text, manager)
    if refused is not None and not text:
        set_notice(manager, "choice-refused", choice=refused)
        return
    card_list: list[cards.CardView] = data["card_list"]
    if await _open_first_of_two(text, card_list, manager):
        return
    # "к педиатру для сына", "ліки для Софії": whose, then what
    holder = named_holder(text, card_list) if data["several"] else None
    rest = holder[1] if holder else text
    named = request_named_for(rest, manager, asks_what_to_do(said))
    if (named is None or named[0] != RequestKind.CALLBACK) and about_made_request(text):
        # "отменить запись к стоматологу": not a new one; where requests are, and support
        set_notice(manager, "input-about-request-new")
        return
    if named is not None and holder is None and names_family(text, card_list):
        # "педиатр для ребенка" with two children: whose card, asked
        await ask_whose(manager, named, ahead=named_ahead(named, rest, said))
        return
    if named is not None and holder is not None and not holder[0].is_active:
        if await make_active(manager, holder[0].card_id):
            await open_named(manager, named, ahead=named_ahead(named, rest, said))
        return
    if data["allowed"] and named is not None:
        await open_named(manager, named, allowed=True, ahead=named_ahead(named, rest, said))
        return
    if data["several"]:
        holders = [item for item in data["family"] if match_choice(text, [item]) is not None]
        if len(holders) == 1:
            await on_person(message, widget, manager, holders[0][0])
            return
        if holders:  # "Olena": this year's card and last year's: the list, to pick from
            await manager.switch_to(NewRequestSG.person)
            return
    if named is None and len(text.split()) > 1:
        # "справка для бассейна", "консультация онлайн": no request the bot makes; support's,
        # offered with one press, as on the menu (a thank-you, "нужна скорая" answered so)
        keep_for_support(message, manager)
        return
    set_error(manager, "input-unexpected")


async def _open_first_of_two(
    text: str, card_list: list[cards.CardView], manager: DialogManager
) -> bool:
    """Two requests named in one message on the chooser ("педиатр и лор для сына", "лекарства
    и анализы", "к лору и перезвоните мне"): the first one's form, on the card of whom it is
    for, and the second offered on its "request sent" screen (`THEN`), as the menu offers the
    two (`suggest.offer_request`). False when the message does not name two requests, or
    the first on a card that takes none now (then it is read as one)."""
    read = parts_asked(text, card_list, manager)
    first = next((asked for _part, asked in read if asked is not None), None)
    if first is None or first.on is None or not is_open(first.on):
        return False
    more = another_asked(read, first)
    both = offered_two(first, more) if more is not None else None
    if both is None:
        return False
    then = both[1]  # on its own card, named when it is another person's
    if first.ask_whose:  # "педиатр и лор для ребенка", two children: whose, asked first
        await ask_whose(manager, first.named, ahead=both[0][4], then=then)
        return True
    if first.on.is_active or await make_active(manager, first.on.card_id):
        ahead = named_ahead(first.named, first.rest, first.said)
        await open_named(manager, first.named, allowed=True, ahead=ahead, then=then)
    return True


async def on_person(
    _event: CallbackQuery | Message, _widget: Any, manager: DialogManager, item: str
) -> None:
    """The card picked becomes the active one (requests are made on it, as after "Change
    policy"), and the chooser names it; a request named before whose card it is for was asked
    (`ask_whose`) opens on it."""
    card_id = picked_id(item)
    # not a card of this member's: the list again
    if card_id is None or not await make_active(manager, card_id):
        return
    clear_error(manager)
    await manager.switch_to(NewRequestSG.choose)
    pending = manager.dialog_data.pop(FOR_WHOM, None)
    if pending:
        await open_named(
            manager,
            _named(pending),
            ahead=pending["ahead"],
            docs=pending["docs"],
            then=pending["then"],
        )


async def make_active(manager: DialogManager, card_id: int) -> bool:
    """The member's card `card_id` made the active one and committed before the screen that
    shows it (commit, then speak); False when it is not theirs, or the commit failed."""
    data = manager.middleware_data
    if not await cards.set_active_card(data["session"], data["member"], card_id):
        return False
    return await commit_now(manager)


def new_request_dialog() -> Dialog:
    def start(kind: str, state: Any) -> Start:
        return Start(
            I18nButtonText(f"request-kind-{kind}"), id=f"new_{kind}", state=state, when="allowed"
        )

    return MemberDialog(
        member_window(
            I18nFormat("request-choose-type", when="allowed"),
            I18nFormat("request-blocked", when="blocked"),
            Column(*(start(kind, state) for kind, state in FORMS.items())),
            SwitchTo(
                I18nButtonText("btn-request-for-other"),
                id="for_other",
                state=NewRequestSG.person,
                when="several",
            ),
            # "лекарства", "к врачу", "refund" typed: the form it names; "к стоматологу": the
            # appointment form with that doctor
            MessageInput(on_typed, filter=ContentIs(ContentType.TEXT)),
            back_button(),
            getter=choose_getter,
            state=NewRequestSG.choose,
            on_message=on_unexpected,  # (what is not text); text support takes: its offer
        ),
        member_window(
            I18nFormat("request-choose-person"),
            card_buttons("person", "persons_page", on_person),
            # a name typed ("Софія") picks the card it names
            typed_choice("cards", list_getter, on_person),
            back_button(NewRequestSG.choose, on_click=on_not_whose),
            getter=list_getter,
            state=NewRequestSG.person,
        ),
        on_start=on_start,
    )
