"""Choosing a request type, only when the active card's coverage allows a request today."""

from __future__ import annotations

from typing import Any

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Cancel, Column, Start, SwitchTo
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator, TranslatorHub
from bot.render import value_text
from bot.services import cards, requests
from bot.services.forms import (
    ALIAS_WORDS,
    KIND_WORDS,
    REFUND_WORDS,
    RELATION_WORDS,
    SELF_WORDS,
    about_made_request,
    alias_named,
    aliases_held,
    bare_request,
    day_named,
    doctor_named,
    kinds_held,
    match_choice,
    polite_request,
    typed_phrase,
    verb_kind,
)
from bot.services.money import money_back
from bot.services.names import given_name
from dialogs.cards import card_buttons, card_items, list_getter
from dialogs.common import (
    ContentIs,
    MemberDialog,
    commit_now,
    fmt_date,
    member_window,
    picked_id,
    set_error,
    set_notice,
    today,
    typed_choice,
)
from dialogs.requests.appointment.handlers import specialty_words, typed_specialty
from dialogs.requests.common import CALL_AHEAD, CLAIM_AHEAD, DOCS, LIST_AHEAD, THEN
from dialogs.requests.dates import DATE_AHEAD
from dialogs.states import (
    AppointmentSG,
    CallbackSG,
    LabTestsSG,
    MedicinesSG,
    NewRequestSG,
    ReimbursementSG,
)
from dialogs.widgets import I18nButtonText, I18nFormat
from storage.models import Member, Relation, RequestKind

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
    shown = {"several": bool(family), "family": family}
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


def named_request(text: str, manager: DialogManager) -> tuple[str, str | None] | None:
    """The kind of request a short typed text names ("лекарства", "к врачу", "refund"), and the
    doctor when it names one ("к стоматологу", "тіс дәрігеріне жазылу": the appointment); not
    a generic "к врачу" for a doctor. A longer one is read without its words of asking ("я
    хочу вернуть деньги за анализы"), or when it begins with the verb that asks ("верните
    деньги за анализы"); a refund named with what it was for is the refund. None when it names
    none, or several."""
    if money_back(text):  # "хочу вернуть 5000 тенге за лекарства": the refund, not medicines
        return RequestKind.REIMBURSEMENT, None
    named = _named(text, manager)
    bare = bare_request(text) if named is None else ""
    # words of asking left out, or a verb that asks for a request ("верните 15 000 тг за
    # прием", "компенсируйте расходы", "8000 теңгені қайтарыңыз")
    verb = verb_kind(text, bare) if bare else None
    if bare and (bare != typed_phrase(text) or verb):
        # a sentence read for its words, not a question ("… can I get the money back?"); the
        # verb names the request, what follows may be its topic ("передзвоніть щодо ліміту на
        # стоматологію": the call-back)
        if verb is not None and verb != RequestKind.APPOINTMENT:
            named = (verb, None)  # "call me about my claim": the call-back
        else:  # (an appointment's doctor follows: "appointment with a dermatologist")
            named = _named(bare, manager) or (None if "?" in text else _held(bare, manager, text))
    return named


def _held(text: str, manager: DialogManager, typed: str = "") -> tuple[str, str | None] | None:
    """A request named in a sentence too long for a choice ("to see a dermatologist next
    Tuesday"): the one doctor or kind of request its words hold (a refund for something,
    the refund)."""
    hub: TranslatorHub = manager.middleware_data["translators"]
    kinds = kinds_held(text, typed)
    doctors = aliases_held(text, specialty_words(hub))
    if len(doctors) == 1 and kinds <= {RequestKind.APPOINTMENT}:
        return RequestKind.APPOINTMENT, doctors.pop()
    if not doctors and kinds <= {RequestKind.APPOINTMENT} and (other := doctor_named(text)):
        return RequestKind.APPOINTMENT, other  # "запишите к урологу": as typed, not listed
    if RequestKind.REIMBURSEMENT in kinds:
        return RequestKind.REIMBURSEMENT, None
    return (kinds.pop(), None) if len(kinds) == 1 and not doctors else None


def _named(text: str, manager: DialogManager) -> tuple[str, str | None] | None:
    i18n: Translator = manager.middleware_data["i18n"]
    kinds = [(kind, i18n(f"request-kind-{kind}")) for kind in FORMS]
    kind = match_choice(text, kinds, KIND_WORDS) or alias_named(text, REFUND_WORDS)
    specialty = (
        typed_specialty(text, manager)
        if kind is None
        else alias_named(text, specialty_words(manager.middleware_data["translators"]))
        if kind == RequestKind.APPOINTMENT
        else None
    )
    short = len(text.split()) <= ALIAS_WORDS  # (as a choice is named: `forms.alias_named`)
    if specialty is None and kind in (None, RequestKind.APPOINTMENT) and short:
        listed = aliases_held(text, specialty_words(manager.middleware_data["translators"]))
        # "к урологу": a doctor the list does not hold (not "педиатр и лор": two it holds)
        specialty = None if listed else doctor_named(text)
    if specialty is not None:
        return RequestKind.APPOINTMENT, specialty
    return (kind, None) if kind is not None else None


# a specialty the member typed (not listed), as much of it as a button's label shows
SPECIALTY_SHOWN = 40


def named_label(named: tuple[str, str | None], i18n: Translator, whose: str = "") -> str:
    """ "🩺 Doctor appointment · Dentist": a request as a button says it (what `named_request`
    found, a form kept to go on with: a specialty not listed as typed, cut); with `whose`, the
    given name of the family member it is for ("… · Софія")."""
    kind, specialty = named
    label = i18n(f"request-kind-{kind}")
    if specialty:
        label += f" · {value_text('specialty', specialty, {}, i18n)[:SPECIALTY_SHOWN]}"
    return f"{label} · {whose}" if whose else label


# a given name typed in another case ("для Софії", "Тараса", "Айгерімге"): the name but for its
# last letter, and an ending of up to `NAME_ENDING` letters after what the two share
NAME_ENDING = 3
NAME_STEM = 3


def _is_name(word: str, name: str) -> bool:
    word, name = word.casefold(), name.casefold()
    same = 0
    while same < min(len(word), len(name)) and word[same] == name[same]:
        same += 1
    return same >= max(NAME_STEM, len(name) - 1) and len(word) - same <= NAME_ENDING


def named_holder(text: str, card_list: list[cards.CardView]) -> tuple[cards.CardView, str] | None:
    """The family card a message names by its holder's given name ("треба до педіатра для
    Софії"), and the text without that word; or by who they are ("лекарства для ребенка",
    `RELATION_WORDS`: the word stays, a doctor may be named by it); or the member's own card
    when they ask for themselves ("запишіть мене до стоматолога", `forms.SELF_WORDS`) and another
    (a child's, picked for the last request) is the active one. None with no family, or
    when no card or several people's are named (one person's cards of two years: the one in
    force now)."""
    if len(card_list) < 2:
        return None
    words = text.split()
    for at, word in enumerate(words):
        bare = word.strip(",.!?;:'’").casefold()
        found = [c for c in card_list if _is_name(bare, given_name(c.holder_name))]
        if (card := _in_force(found)) is not None:
            # (the signs after it stay: "ліки для Софії: нурофен" gives its list after the colon)
            after = word[len(word.rstrip(",.!?;:'’")) :]
            return card, " ".join([*words[:at], *([after] if after else []), *words[at + 1 :]])
    for word in words:
        relation = _relation(word)
        found = [c for c in card_list if relation is not None and c.relation == relation]
        if (card := _in_force(found)) is not None:
            return card, text
    if names_self(text):
        own = _in_force([c for c in card_list if c.relation == Relation.SELF])
        if own is not None and not own.is_active:
            return own, text
    return None


def names_self(text: str) -> bool:
    """Whether a message asks for the member themselves ("запишіть мене", `forms.SELF_WORDS`)."""
    return any(word.strip(",.!?;:'’").casefold() in SELF_WORDS for word in text.split())


def request_named_for(
    text: str, for_someone: bool, manager: DialogManager
) -> tuple[str, str | None] | None:
    """`named_request` of `text`; said `for_someone` of the family (`named_holder` found one),
    a word that named them by who they are and left nothing named besides is read without it:
    "дитині треба до лора" names the pediatrician by "дитині" and the ENT by "лора": the
    ENT."""
    named = named_request(text, manager)
    if named is not None or not for_someone:
        return named
    bare = without_relations(text)
    return named_request(bare, manager) if bare not in ("", text) else None


def _relation(word: str) -> str | None:
    return RELATION_WORDS.get(word.strip(",.!?;:'’").casefold().removesuffix("'s"))


def without_relations(text: str) -> str:
    """`text` without the words that name a family member by who they are ("дитині треба до
    лора": "треба до лора"), for the doctor named besides the child's word (which names the
    pediatrician too)."""
    return " ".join(word for word in text.split() if _relation(word) is None)


def _in_force(found: list[cards.CardView]) -> cards.CardView | None:
    """The card of the one person among `found` (the one in force, of their cards of two
    years); None when none or several people's are."""
    if len({c.holder_name for c in found}) != 1:
        return None
    current = [c for c in found if c.status is cards.CardStatus.ACTIVE]
    return current[0] if len(current) == 1 else found[0] if len(found) == 1 else None


def named_ahead(named: tuple[str, str | None], text: str, manager: DialogManager) -> str | None:
    """What `text` says of the request it names, for the form's steps that ask it: the day of
    an appointment with a doctor ("к дерматологу в следующий вторник"), as typed, for its date
    step; for the other forms, the words themselves, which their first step reads
    (`on_start`: a call-back's time of day and topic, a claim's date and amount, a list after a
    colon, the day of lab tests)."""
    if named[0] == RequestKind.APPOINTMENT:
        return day_named(text, today(manager)) if named[1] is not None else None
    return text


async def open_named(
    manager: DialogManager,
    named: tuple[str, str | None],
    *,
    allowed: bool | None = None,
    ahead: str | None = None,
    docs: list[dict[str, Any]] | None = None,
    then: list[Any] | None = None,
) -> None:
    """The form `named_request` found, over the current screen (the appointment with its
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
    else:
        start = {DOCS: docs or []} if kind in WITH_DOCS else {}
        await manager.start(FORMS[kind], data={**start, **more} or None)


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
    text = message.text or ""
    if "?" in text:  # "можно записаться к лору на завтра?": the request it asks for
        text = polite_request(text) or text
    holder = None
    if data["several"]:  # "к педиатру для сына", "ліки для Софії": whose, then what
        mw = manager.middleware_data
        holder = named_holder(
            text, await cards.list_cards(mw["session"], mw["member"], today(manager))
        )
    rest = holder[1] if holder else text
    named = request_named_for(rest, holder is not None, manager)
    if (named is None or named[0] != RequestKind.CALLBACK) and about_made_request(text):
        # "отменить запись к стоматологу": not a new one; where requests are, and support
        set_notice(manager, "input-about-request-new")
        return
    if named is not None and holder is not None and not holder[0].is_active:
        if await make_active(manager, holder[0].card_id):
            await open_named(manager, named, ahead=named_ahead(named, rest, manager))
        return
    if data["allowed"] and named is not None:
        await open_named(manager, named, allowed=True, ahead=named_ahead(named, rest, manager))
        return
    if data["several"]:
        holders = [item for item in data["family"] if match_choice(text, [item]) is not None]
        if len(holders) == 1:
            await on_person(message, widget, manager, holders[0][0])
            return
        if holders:  # "Olena": this year's card and last year's: the list, to pick from
            await manager.switch_to(NewRequestSG.person)
            return
    set_error(manager, "input-unexpected")


async def on_person(
    _event: CallbackQuery | Message, _widget: Any, manager: DialogManager, item: str
) -> None:
    """The card picked becomes the active one (requests are made on it, as after "Change
    policy"), and the chooser names it."""
    card_id = picked_id(item)
    # not a card of this member's: the list again
    if card_id is not None and await make_active(manager, card_id):
        await manager.switch_to(NewRequestSG.choose)


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
            Cancel(I18nButtonText("btn-back")),
            getter=choose_getter,
            state=NewRequestSG.choose,
        ),
        member_window(
            I18nFormat("request-choose-person"),
            card_buttons("person", "persons_page", on_person),
            # a name typed ("Софія") picks the card it names
            typed_choice("cards", list_getter, on_person),
            SwitchTo(I18nButtonText("btn-back"), id="back", state=NewRequestSG.choose),
            getter=list_getter,
            state=NewRequestSG.person,
        ),
    )
