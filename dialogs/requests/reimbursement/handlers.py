"""What each answer of the reimbursement form does; the rules are in the services."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import ChatEvent, DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.kbd.calendar_kbd import ManagedCalendar
from babel.numbers import format_decimal
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import Translator
from bot.render import money_text
from bot.services import requests
from bot.services.dates import month_of_days, names_span
from bot.services.forms import (
    TEXT_MAX,
    aliases_held,
    asks_which_documents,
    bare_request,
    clean_text,
    day_named,
    is_done,
    is_nothing,
    kinds_held,
    names_same,
    names_unknown,
    read_date_and_time,
    sends_later,
    too_long,
)
from bot.services.money import amount_named, amounts_added, iban_in_text, read_amount
from bot.services.reimbursement import (
    REIMBURSEMENT_MAX_AGE_DAYS,
    earliest_service_date,
    iban_refusal,
    last_iban,
    service_date_refusal,
)
from dialogs.common import fmt_date, set_error, set_notice, today
from dialogs.requests.appointment.handlers import specialty_words
from dialogs.requests.common import (
    CLAIM_AHEAD,
    DOCS,
    advance,
    on_attachment,
    request_card,
    said_with,
    start_form,
    step_to,
    submit,
)
from dialogs.requests.dates import show_month
from dialogs.states import ReimbursementSG
from dialogs.text_input import TOO_LONG, refuse_text
from dialogs.widgets.calendar import LocalizedCalendar
from storage.models import Member, RequestKind

CENTS = Decimal("0.01")
SERVICE_CALENDAR = "service_cal"
FIELDS = ("service_date", "amount", "currency", "iban", "comment")


class ServiceDateCalendar(LocalizedCalendar):
    """Only the days a claim may name: from the card's earliest allowed day up to today."""

    async def bounds(self, manager: DialogManager) -> tuple[date | None, date | None]:
        day = today(manager)
        try:
            card = await request_card(manager)
        except requests.RequestNotAllowedError:
            return None, day  # the card's reason is shown when a date is given
        return earliest_service_date(card, day), day


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """The draft named; the service date and the amount named with the claim ("верните 15 000
    тг за вчерашний прием", `CLAIM_AHEAD`) answer their steps, and the message, when it says
    what the service was ("… у стоматолога"), the comment's, which asks it; each said so, and
    the form opens at the first step left. A day the claim window does not take is left for its
    step, which says the window."""
    await start_form(start_data, manager)
    said = said_with(start_data, CLAIM_AHEAD)
    if said is None:
        return
    data = manager.dialog_data
    if (comment := _service_said(said, manager)) is not None:
        data["comment"] = comment
    noted = "yes" if comment else "no"
    named = amount_named(said)
    if named is not None:
        data["amount"], data["currency"] = str(named.amount.quantize(CENTS)), named.currency
    # the day is looked for in the other words: "15 000 тг" names no 15th
    span = day_named(named.rest if named else said, today(manager), future=False)
    value = read_date_and_time(span, today(manager))[0] if span else None
    if value is not None and not await _date_accepted(manager, value, say=False):
        value = None
    i18n: Translator = manager.middleware_data["i18n"]
    amount = money_text(named.amount, named.currency, i18n.locale) if named else None
    if value is not None:
        data["service_date"] = value.isoformat()
        day = fmt_date(value, manager)
        if amount:
            set_notice(
                manager, "reimbursement-date-amount-kept", date=day, amount=amount, comment=noted
            )
        else:
            set_notice(manager, "reimbursement-date-kept", date=day, comment=noted)
        await step_to(manager, _after(manager, ReimbursementSG.amount))
    elif amount:
        set_notice(manager, "reimbursement-amount-kept", amount=amount, comment=noted)
    elif comment:
        set_notice(manager, "reimbursement-comment-kept")


def _service_said(said: str, manager: DialogManager) -> str | None:
    """The message a claim was asked for with, as its comment, when it says what the service
    was: a doctor, a visit, lab tests or medicines ("верните 15 000 тг за прием у стоматолога",
    "refund for yesterday's blood test"), which the comment step asks; None when it does not
    ("I paid 1 200 UAH yesterday, refund please") or is longer than a comment."""
    bare = bare_request(said)
    kinds = kinds_held(bare, said) - {RequestKind.REIMBURSEMENT, RequestKind.CALLBACK}
    if not kinds and not aliases_held(
        bare, specialty_words(manager.middleware_data["translators"])
    ):
        return None
    return clean_text(said)


async def _date_accepted(manager: DialogManager, value: date, *, say: bool = True) -> bool:
    """True for an allowed service date; otherwise the limit it breaks is shown (`say`)."""
    try:
        card = await request_card(manager)
    except requests.RequestNotAllowedError as exc:
        if say:
            on = {"date": fmt_date(exc.on, manager)} if exc.on else {}
            set_error(manager, exc.reason, **on)
        return False
    refusal = service_date_refusal(value, card, today(manager))
    if refusal is not None:
        if say:
            limit = fmt_date(refusal.limit, manager)
            set_error(manager, refusal.reason, date=limit, days=REIMBURSEMENT_MAX_AGE_DAYS)
        return False
    return True


async def _take_date(manager: DialogManager, value: date) -> None:
    if await _date_accepted(manager, value):
        manager.dialog_data["service_date"] = value.isoformat()
        # the amount, named with the claim, is not asked again
        await advance(manager, _after(manager, ReimbursementSG.amount), ReimbursementSG.confirm)


async def on_date_text(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    # a service received (before today); "вчера вечером": a claim needs the day, not the hour
    value, _window = read_date_and_time(text, today(manager))
    if value is None and (month := month_of_days(text, today(manager), future=False)):
        # "в октябре", "на прошлой неделе": that month's calendar, when the claim window
        # reaches into it (its last day gone, checked as a day typed is)
        last = min(today(manager), (month + timedelta(days=31)).replace(day=1) - timedelta(1))
        if await _date_accepted(manager, last):
            show_month(manager, SERVICE_CALENDAR, month)
        return
    if value is None and names_unknown(text):  # "не помню": where it is written
        set_error(manager, "reimbursement-date-unknown")
        return
    if value is None:
        set_error(manager, "date-one-day" if names_span(text) else "request-date-invalid")
        return
    await _take_date(manager, value)


async def on_date_picked(
    _event: ChatEvent, _widget: ManagedCalendar, manager: DialogManager, picked: date, /
) -> None:
    await _take_date(manager, picked)


async def on_amount(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    read = read_amount(text)
    added = amounts_added(text) if read is None else None  # "1500 + 300": their sum, said so
    read = read or added
    if read is None:
        set_error(manager, "reimbursement-amount-invalid")
        return
    amount, currency = read
    manager.dialog_data["amount"] = str(amount.quantize(CENTS))
    if currency is None:
        await advance(manager, ReimbursementSG.currency, ReimbursementSG.confirm)
    else:  # "1 500 грн": the currency is named, its step is not asked
        manager.dialog_data["currency"] = currency
        await advance(manager, ReimbursementSG.documents, ReimbursementSG.confirm)
    if added is not None:
        locale = manager.middleware_data["i18n"].locale
        shown = (
            money_text(amount, currency, locale)
            if currency
            else format_decimal(amount.quantize(CENTS), locale=locale)
        )
        set_notice(manager, "reimbursement-amount-added", amount=shown)


async def on_currency(
    _callback: CallbackQuery, _widget: Any, manager: DialogManager, item: str
) -> None:
    manager.dialog_data["currency"] = item
    await advance(manager, ReimbursementSG.documents, ReimbursementSG.confirm)


async def on_docs_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """Text on the documents step: "готово", "that's all" (`forms.DONE_WORDS`) is the press of
    "Done with documents"; the account's IBAN typed early is kept for its step, and words ("анализ
    крови в Инвитро", what the service was) for the comment, each said so; other text is no
    document (the attachment's own refusal)."""
    text = message.text or ""
    data = manager.dialog_data
    if is_done(text):
        await on_docs_done(message, None, manager)
        return
    if (iban := iban_in_text(text)) is not None:
        data["iban"] = iban
        set_notice(manager, "reimbursement-docs-iban-kept", docs=len(data.get(DOCS) or []))
        return
    if asks_which_documents(text):  # "какие документы нужны?", "можно без чека?"
        set_notice(manager, "reimbursement-docs-which")
        return
    if sends_later(text) and not data.get(DOCS):  # "чек потом пришлю": the form waits
        settings: Settings = manager.middleware_data["settings"]
        set_notice(
            manager, "reimbursement-docs-later", days=max(1, round(settings.draft_ttl_hours / 24))
        )
        return
    words = clean_text(text, min_len=3)
    if words is not None and any(ch.isalpha() for ch in words):
        noted = data.get("comment") or ""
        if words not in noted.split("\n"):  # (sent again: noted once)
            comment = clean_text(f"{noted}\n{words}" if noted else words)
            if comment is None:  # over the comment's length with what was noted before
                set_error(manager, TOO_LONG, max=TEXT_MAX - len(noted) - 1)
                return
            data["comment"] = comment
        set_notice(manager, "reimbursement-docs-comment-kept", docs=len(data.get(DOCS) or []))
        return
    if too_long(text, TEXT_MAX):
        set_error(manager, TOO_LONG, max=TEXT_MAX)
        return
    await on_attachment(message, widget, manager)


async def on_docs_done(_event: Any, _button: Button | None, manager: DialogManager) -> None:
    if not manager.dialog_data.get(DOCS):
        set_error(manager, "reimbursement-docs-required")
        return
    await advance(manager, _after(manager, ReimbursementSG.iban), ReimbursementSG.confirm)


def _after(manager: DialogManager, step: State) -> State:
    """The form's next step from `step` on that is not answered yet: the amount and its
    currency may have been named with the claim (`on_start`), the IBAN and the comment typed on
    the documents step."""
    data = manager.dialog_data
    if step == ReimbursementSG.amount and data.get("amount"):
        step = ReimbursementSG.currency
    if step == ReimbursementSG.currency and data.get("currency"):
        step = ReimbursementSG.documents
    if step == ReimbursementSG.iban and data.get("iban"):
        step = ReimbursementSG.comment
    if step == ReimbursementSG.comment and data.get("comment"):
        step = ReimbursementSG.confirm
    return step


async def on_last_iban(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """ "The same account as last time": the IBAN of the member's latest claim, shown whole
    on the summary."""
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    iban = await last_iban(session, member)
    if iban is None:  # anonymised since the step was drawn: the step again, without it
        return
    manager.dialog_data["iban"] = iban
    await advance(manager, _after(manager, ReimbursementSG.comment), ReimbursementSG.confirm)


async def on_iban(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    """The account's IBAN, typed alone or in a sentence ("IBAN: UA21 …", "мой счёт UA21… в
    Приватбанке"); else why it is not one (a card's number is named as such)."""
    iban = iban_in_text(text)
    if iban is None and names_same(text):  # "тот же": the last claim's, if any
        session: AsyncSession = manager.middleware_data["session"]
        iban = await last_iban(session, manager.middleware_data["member"])
        if iban is None:
            set_error(manager, "reimbursement-iban-no-last")
            return
    if iban is None:
        set_error(manager, iban_refusal(text) or "reimbursement-iban-invalid")
        return
    manager.dialog_data["iban"] = iban
    await advance(manager, _after(manager, ReimbursementSG.comment), ReimbursementSG.confirm)


async def on_comment(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    if is_nothing(text):  # "нет", "ничего", "-": the comment skipped, not stored as one
        await on_skip_comment(_message, None, manager)
        return
    comment = clean_text(text)
    if comment is None:
        refuse_text(manager, text, TEXT_MAX, "reimbursement-comment-invalid")
        return
    manager.dialog_data["comment"] = comment
    await advance(manager, ReimbursementSG.confirm, ReimbursementSG.confirm)


async def on_skip_comment(_event: Any, _button: Button | None, manager: DialogManager) -> None:
    manager.dialog_data.pop("comment", None)
    await advance(manager, ReimbursementSG.confirm, ReimbursementSG.confirm)


def details_of(manager: DialogManager) -> dict[str, Any]:
    """The answers as stored on the request; a skipped comment is left out."""
    data = manager.dialog_data
    return {key: data[key] for key in FIELDS if data.get(key)}


async def on_send(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    if not manager.dialog_data.get(DOCS):
        set_error(manager, "reimbursement-docs-required")
        return
    # the service date is checked again as it is sent (a form can be sent days later, past the
    # limit): its step opens with the reason
    await submit(
        manager,
        RequestKind.REIMBURSEMENT,
        details_of(manager),
        ReimbursementSG.sent,
        {"service_date": ReimbursementSG.service_date},
    )
