"""Shared pieces of the request forms: attachments, step order, submitting, time windows."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Mapping, Sequence
from enum import Enum
from typing import Any

from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Column
from aiogram_dialog.widgets.text import Text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import Translator
from bot.render import long_details
from bot.services import cards, requests
from bot.services.cards import CardView
from bot.services.documents import MAX_DOCUMENTS, Attachment, is_duplicate, refusal
from bot.services.forms import (
    change_asked,
    changed_to,
    is_correction,
    value_corrected,
    value_given,
)
from dialogs.attachments import captioned
from dialogs.common import (
    clear_error,
    commit_now,
    current_window,
    fmt_date,
    menu_button,
    now,
    set_error,
    set_notice,
    show_typing,
    today,
    typed_yes,
)
from dialogs.requests.render import LONG, detail_lines
from dialogs.states import (
    AppointmentSG,
    CallbackSG,
    LabTestsSG,
    MainSG,
    MedicinesSG,
    MyRequestsSG,
    ReimbursementSG,
)
from dialogs.support import open_now
from dialogs.widgets import I18nButtonText, I18nFormat
from storage.models import Member, RequestKind, RequestStatus

DOCS = "docs"
# the words a call-back was asked for with ("передзвоніть ввечері щодо ліміту"): its time of
# day and its topic, for their steps (a form kept from before: the time of day's id)
CALL_AHEAD = "window_ahead"
# the words medicines or lab tests were asked for with ("анализы завтра утром: ОАК,
# глюкоза"): a list after a colon, the day of the tests, for their steps
LIST_AHEAD = "list_ahead"
# the words a claim was asked for with ("верните 15 000 тг за вчерашний прием у стоматолога"):
# its service date and amount, and what the service was (its comment), for their steps
CLAIM_AHEAD = "claim_ahead"
# the other request the message that opened this form named ("анализы и к гинекологу"), as it
# was offered: offered again on the "request sent" screen (`submit`)
THEN = "then_offered"


def said_with(start_data: Any, key: str) -> str | None:
    """The words a form was opened with under `key` (`named.py:named_ahead`), or None."""
    said = start_data.get(key) if isinstance(start_data, dict) else None
    return said if isinstance(said, str) else None


EDITING = "editing"
SUBMISSION = "submission"


# the ids of the last messages whose text was added, so one delivered twice adds once
ADDED_MESSAGES_KEPT = 50


class Added(Enum):
    NEW = "new"
    AGAIN = "again"  # the same message handed over again (an update delivered twice)
    TOO_LONG = "too_long"


def add_line(manager: DialogManager, key: str, message_id: int, line: str, max_len: int) -> Added:
    """`line` added to the text under `key` (people send one item a message); the ids of the
    messages added are kept under `key` + "_messages"."""
    ids: list[int] = manager.dialog_data.setdefault(messages_key(key), [])
    if message_id in ids:
        return Added.AGAIN
    before = manager.dialog_data.get(key) or ""
    whole = f"{before}\n{line}" if before else line
    if len(whole) > max_len:
        return Added.TOO_LONG
    manager.dialog_data[key] = whole
    ids[:] = [*ids, message_id][-ADDED_MESSAGES_KEPT:]
    return Added.NEW


def clear_lines(manager: DialogManager, key: str) -> None:
    """Forget the text under `key` and the messages `add_line` took it from."""
    manager.dialog_data.pop(key, None)
    manager.dialog_data.pop(messages_key(key), None)


def messages_key(key: str) -> str:
    """Where `add_line` keeps the ids of the messages that made the text under `key`."""
    return f"{key}_messages"


def stored_docs(manager: DialogManager) -> list[Attachment]:
    return [Attachment.from_dict(d) for d in manager.dialog_data.get(DOCS, [])]


async def on_attachment(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    """Collect a photo or file (an album arrives as several messages, each collected), with
    what the member wrote under it: a form's documents."""
    _collect(message, manager, voice=False)


async def on_message_attachment(
    message: Message, _widget: MessageInput, manager: DialogManager
) -> None:
    """As `on_attachment`, and a voice message too: a message to staff on a request."""
    _collect(message, manager, voice=True)


def _collect(message: Message, manager: DialogManager, *, voice: bool) -> None:
    attachment = captioned(message, voice=voice)
    if attachment is None:
        set_error(manager, "docs-expected")
        return
    docs = stored_docs(manager)
    if is_duplicate(attachment, docs):
        set_error(manager, "docs-already-received")  # kept once; the member is told so
        return
    if reason := refusal(attachment, docs):
        set_error(manager, reason, max=MAX_DOCUMENTS)
        return
    clear_error(manager)
    manager.dialog_data.setdefault(DOCS, []).append(attachment.to_dict())


async def on_clear_docs(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    manager.dialog_data[DOCS] = []
    clear_error(manager)


async def advance(manager: DialogManager, next_state: State, confirm_state: State) -> None:
    """The next step, or straight back to the summary when the member is editing one field;
    the summary too for a last step answered before it was reached (`answered_ahead`)."""
    clear_error(manager)
    if manager.dialog_data.get(EDITING):
        await manager.switch_to(confirm_state)
    elif next_state.state in manager.dialog_data.get(ANSWERED_AHEAD, ()):
        await step_to(manager, confirm_state)
    else:
        await step_to(manager, next_state)


# the form's steps (each the last before its summary) a message answered before they were
# reached ("нурофен, доставка на Хрещатик 22": the address step): passed over (`advance`)
ANSWERED_AHEAD = "answered_ahead"


def answered_ahead(manager: DialogManager, step: State) -> None:
    """The form's last step before its summary, `step`, answered already: passed over."""
    data = manager.dialog_data
    data[ANSWERED_AHEAD] = [*data.get(ANSWERED_AHEAD, []), step.state]


# the steps of a form the member came through, in order, to go back along ("назад")
TRAIL = "trail"


async def step_to(manager: DialogManager, state: State) -> None:
    """The form's step `state`, the one left kept to go back to (`step_back`)."""
    left = manager.current_context().state
    if left != state:
        manager.dialog_data[TRAIL] = [*manager.dialog_data.get(TRAIL, []), left.state]
    await manager.switch_to(state)


async def step_back(manager: DialogManager) -> None:
    """The step before this one, as the member came ("назад" typed in a form, a step's "Back"):
    the summary again from a field opened to change; from the form's first step, the screen
    the form was opened from, as its "Cancel" leads."""
    state = manager.current_context().state
    steps = {step.state: step for step in state.group.__all_states__}
    confirm = steps[f"{state.group.__full_group_name__}:confirm"]
    clear_error(manager)
    if manager.dialog_data.get(EDITING) and state != confirm:
        await manager.switch_to(confirm)
        return
    trail: list[str] = manager.dialog_data.get(TRAIL, [])
    if not trail or trail[-1] not in steps:  # (none before, or a step this form has no more)
        await manager.done()
        return
    manager.dialog_data[TRAIL] = trail[:-1]
    await manager.switch_to(steps[trail[-1]])


async def edit_field(manager: DialogManager, step: State) -> None:
    """One field's step opened from the summary, which it returns to once answered
    (`advance`), as "✏️", a change typed under the summary and a refused send open it."""
    manager.dialog_data[EDITING] = True
    await manager.switch_to(step)


def edit_button(key: str, step: State) -> Button:
    """A summary button that reopens one step and returns to the summary after it."""

    async def edit(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
        clear_error(manager)
        await edit_field(manager, step)

    return Button(
        I18nButtonText(key), id=f"edit_{(step.state or '').split(':')[-1]}", on_click=edit
    )


# a field of a form's summary: its id (`forms.FIELD_WORDS`), its "✏️" button's key, its step
Field = tuple[str, str, State]


def edit_buttons(fields: Sequence[Field]) -> list[Button]:
    """A form summary's "✏️" buttons, one a field (`edit_button`)."""
    return [edit_button(key, step) for _field, key, step in fields]


def summary_input(on_send: Any, fields: Sequence[Field]) -> MessageInput:
    """What is typed under a form's summary: a whole "yes" ("да", "так") sends it
    (`typed_yes`); a field named to change ("изменить дату", "змінити адресу", "change the
    time", "адрес другой") opens its step as its "✏️" does (`forms.change_asked`); a value
    corrected with a "не" and no word for its field ("не утром, а вечером") opens that field's
    step answered with it (`forms.value_corrected`); a "no", or a change asked without saying
    of what ("нет, не так"), asks which, beside the buttons."""
    steps = {field: step for field, _key, step in fields}

    async def on_change(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
        field = change_asked(message.text or "", steps)
        corrected = None if field else _value_corrected(message.text or "", steps, manager)
        if corrected is not None:  # "не утром, а вечером": that step, answered with "вечером"
            await edit_field(manager, steps[corrected])
            given = value_given(message.text or "")
            await answer_step(message.model_copy(update={"text": given}), manager)
            return
        if field is None and await _kept_for_next(message.text or "", manager):
            return  # "а для Софії теж треба повернути за аналізи": offered once this is sent
        if field is None and not is_correction(message.text or ""):
            set_error(manager, "input-unexpected")
        elif not field:  # "не Сункар, а Интертич": which field is that?
            set_notice(manager, "summary-which-change")
        else:
            await edit_field(manager, steps[field])
            value = changed_to(message.text or "", field)
            if value is not None:  # "изменить дату: 15 декабря": that step answered with it
                await answer_step(message.model_copy(update={"text": value}), manager)

    return typed_yes(on_send, otherwise=on_change)


def _value_corrected(text: str, steps: Mapping[str, State], manager: DialogManager) -> str | None:
    """The field a correction typed under a summary gives a value of, with no word for the
    field ("не утром, а вечером", "не стоматолог, а терапевт": `forms.value_corrected`)."""
    specialties: Mapping[str, str] = {}
    if "specialty" in steps:
        from dialogs.requests.appointment.handlers import specialty_words

        specialties = specialty_words(manager.middleware_data["translators"])
    return value_corrected(text, steps, today(manager), specialties)


# the kind of request each form makes, by its states' group
_FORM_KINDS: dict[type[StatesGroup], str] = {
    AppointmentSG: RequestKind.APPOINTMENT,
    MedicinesSG: RequestKind.MEDICINES,
    LabTestsSG: RequestKind.LAB_TESTS,
    ReimbursementSG: RequestKind.REIMBURSEMENT,
    CallbackSG: RequestKind.CALLBACK,
}


async def _kept_for_next(text: str, manager: DialogManager) -> bool:
    """Another request asked for under a summary ("а для Софії теж треба повернути за
    аналізи", "и ещё к лору запишите"), of another kind or for another person: kept, and
    offered once this one is sent (`THEN`, as "педиатр и лор" offers its second), said so;
    False for any other text, or one that asks for this form's request again."""
    from dialogs.requests.named import asked_for, card_of, named_label, offered_of

    data = manager.middleware_data
    card_list = await cards.list_cards(data["session"], data["member"], today(manager))
    asked = asked_for(text, card_list, manager)
    offered = offered_of(asked) if asked is not None else None
    if asked is None or offered is None or asked.ask_whose:
        return False
    context = manager.current_context()
    kind = _FORM_KINDS.get(context.state.group) if context is not None else None
    active = next((c.card_id for c in card_list if c.is_active), None)
    if asked.named[0] == kind and card_of(asked) in (None, active):
        return False  # this form's request again: a change of it, or nothing to offer
    offered[2] = card_of(asked)
    manager.dialog_data[THEN] = offered
    set_notice(
        manager, "summary-next-kept", request=named_label(asked.named, data["i18n"], offered[3])
    )
    return True


async def answer_step(message: Message, manager: DialogManager) -> None:
    """`message` handed to the step the form is on now, as if sent to it: the new value a
    change typed under the summary gave ("изменить дату: 15 декабря"), taken or refused there
    as typed on that step."""
    shown = current_window(manager)
    if shown is not None:
        dialog, window = shown
        await window.process_message(message, dialog, manager)


def _new_token() -> str:
    return secrets.token_hex(16)


async def start_form(start_data: Any, manager: DialogManager) -> None:
    """Name the draft when the form opens: its submission token is saved (committed) with the
    first step, so a second "Send" of the same draft finds the request the first one stored.
    Photos and files the form was opened with (sent on the menu with the words that named it,
    `dialogs/suggest.py`) are its first documents, each checked as if sent to it."""
    manager.dialog_data[SUBMISSION] = _new_token()
    if isinstance(start_data, dict) and start_data.get(THEN):
        manager.dialog_data[THEN] = start_data[THEN]
    given = start_data.get(DOCS) if isinstance(start_data, dict) else None
    kept: list[Attachment] = []
    for item in given or ():
        attachment = Attachment.from_dict(item)
        if (
            attachment.kind == "voice"
            or is_duplicate(attachment, kept)
            or refusal(attachment, kept)
        ):
            continue
        kept.append(attachment)
    if kept:
        manager.dialog_data[DOCS] = [attachment.to_dict() for attachment in kept]


# the open request the member was told is the same as this one, and may send again anyway
SAME_OK = "same_ok"


async def submit(
    manager: DialogManager,
    kind: RequestKind,
    details: dict[str, Any],
    sent_state: State,
    steps: Mapping[str, State] | None = None,
) -> None:
    """Store the request and commit it, then show its number (commit, then speak).

    The summary stays, with the reason, if the card cannot take it or the commit failed. An
    answer no longer valid today (a preferred day that has passed while the draft waited) opens
    its step from `steps`, with the reason, and the summary comes back after it.
    """
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    # a form opened before tokens existed gets one now (not crash-proof for that one draft)
    token = manager.dialog_data.setdefault(SUBMISSION, _new_token())
    try:
        async with show_typing(manager):
            request = await requests.submit(
                session,
                member,
                kind,
                details,
                stored_docs(manager),
                now(manager),
                today(manager),
                token=token,
                zone=manager.middleware_data["settings"].tz,
                same_check=True,
                same_ok=manager.dialog_data.get(SAME_OK),
            )
    except requests.SameRequestOpenError as exc:
        # the same call-back asked for twice: said, and sent only when "Send" is pressed again
        i18n: Translator = manager.middleware_data["i18n"]
        status = i18n(f"request-status-{exc.request.status}")
        set_error(manager, "request-same-open", number=exc.request.number, status=status)
        manager.dialog_data[SAME_OK] = exc.request.id
        return
    except requests.RequestNotAllowedError as exc:
        args: dict[str, Any] = {"date": fmt_date(exc.on, manager)} if exc.on else {}
        set_error(manager, exc.reason, **args, **exc.args_shown)
        step = (steps or {}).get(exc.field or "")
        if step is not None:
            await edit_field(manager, step)
        return
    number, request_id = request.number, request.id
    if not await commit_now(manager):
        return
    manager.dialog_data["number"] = number
    manager.dialog_data["request_id"] = request_id
    if then := manager.dialog_data.pop(THEN, None):  # "… и к гинекологу": that one next
        from dialogs.suggest import offer_next  # (it builds on this module: imported here)

        offer_next(manager, then)
    await manager.switch_to(sent_state)


async def on_sent_my_requests(
    _callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """The form is over: back to the menu with "My requests" open on it, never deeper.

    Starting "My requests" on top of the finished form grew the stack by three with every
    request (and "Back" led to old "sent" screens).
    """
    await manager.start(MainSG.menu, mode=StartMode.RESET_STACK, show_mode=ShowMode.NO_UPDATE)
    await manager.start(MyRequestsSG.list, show_mode=ShowMode.AUTO)


def sent_widgets() -> tuple[Text, Text, Text, Column]:
    """The "request sent" text and its buttons, the same for every form."""
    return (
        I18nFormat("request-sent", when=_not_moved),
        I18nFormat("request-sent-now", when="moved"),
        I18nFormat("request-sent-closed", when="away"),
        Column(
            Button(
                I18nButtonText("btn-my-requests"), id="my_requests", on_click=on_sent_my_requests
            ),
            menu_button(),
        ),
    )


def _not_moved(data: dict[str, Any], _widget: Any, _manager: DialogManager) -> bool:
    return not data.get("moved")


async def sent_getter(
    dialog_manager: DialogManager, settings: Settings, **_: Any
) -> dict[str, Any]:
    """The request's number; outside support's hours, when they are back (the member should
    not wait for an answer at night), while nobody has taken it.

    The screen drawn again later (a message sent on it) does not say so of a request already
    at work or done, nor promise news of it: it says the status the request has now (`moved`),
    which a member told "✅ done" since would otherwise read as "sent, news to come".
    """
    hours = open_now(dialog_manager, settings)
    request_id = dialog_manager.dialog_data.get("request_id")
    moved = ""
    if request_id is not None:
        data = dialog_manager.middleware_data
        try:
            request = await requests.own(data["session"], data["member"], request_id)
        except requests.RequestNotFoundError:
            request = None
        if request is None or request.status != RequestStatus.NEW:
            hours["away"] = False
        if request is not None and request.status != RequestStatus.NEW:
            i18n: Translator = data["i18n"]
            moved = i18n(f"request-status-{request.status}")
    return {"number": dialog_manager.dialog_data.get("number", ""), "moved": moved, **hours}


async def docs_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    docs = dialog_manager.dialog_data.get(DOCS, [])
    return {"docs_count": len(docs), "has_docs": bool(docs), "max_docs": MAX_DOCUMENTS}


async def request_card(manager: DialogManager) -> CardView:
    """The card the request goes on; raises `RequestNotAllowedError` when it cannot take one."""
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    return await requests.card_for_request(session, member, today(manager))


async def insured_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Whose card the request goes on, for its summary (`insured`, `policy`): a family shares
    one phone, and a parent picks a child's card on the request screen."""
    try:
        card = await request_card(dialog_manager)
    except requests.RequestNotAllowedError:
        return {"insured": "—", "policy": "—"}  # the card's reason is shown when it is sent
    return {"insured": card.holder_name, "policy": card.policy_number}  # escaped by I18nFormat


def summary_getter(
    details_of: Callable[[DialogManager], dict[str, Any]],
) -> Callable[..., Awaitable[dict[str, Any]]]:
    """A form's summary: whose card, its answers as readable lines and the documents
    collected."""

    async def getter(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
        details = details_of(dialog_manager)
        return {
            **await insured_getter(dialog_manager),
            **await docs_getter(dialog_manager, **kwargs),
            "details": detail_lines(details, dialog_manager),
            LONG: long_details(details),
        }

    return getter
