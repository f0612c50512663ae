"""The reimbursement form's windows, one per step, then the summary and "sent"."""

from __future__ import annotations

from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Group

from bot.services.money import CURRENCIES, CURRENCY_WORDS
from dialogs.common import (
    ContentIs,
    MemberDialog,
    choice_step,
    member_window,
    on_not_text,
    text_step,
)
from dialogs.requests.common import (
    Field,
    docs_getter,
    edit_buttons,
    on_attachment,
    on_clear_docs,
    sent_getter,
    sent_widgets,
    summary_input,
)
from dialogs.requests.reimbursement.getters import (
    currency_getter,
    date_getter,
    iban_getter,
    summary_getter,
)
from dialogs.requests.reimbursement.handlers import (
    SERVICE_CALENDAR,
    ServiceDateCalendar,
    on_amount,
    on_comment,
    on_currency,
    on_date_picked,
    on_date_text,
    on_docs_done,
    on_docs_text,
    on_iban,
    on_last_iban,
    on_send,
    on_skip_comment,
    on_start,
)
from dialogs.states import ReimbursementSG
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat

# the summary's fields: each one's "✏️" and the step it reopens, named in words too
CLAIM_FIELDS: tuple[Field, ...] = (
    ("date", "reimbursement-edit-date", ReimbursementSG.service_date),
    ("amount", "reimbursement-edit-amount", ReimbursementSG.amount),
    ("currency", "reimbursement-edit-currency", ReimbursementSG.currency),
    ("docs", "reimbursement-edit-docs", ReimbursementSG.documents),
    ("iban", "reimbursement-edit-iban", ReimbursementSG.iban),
    ("comment", "reimbursement-edit-comment", ReimbursementSG.comment),
)


def reimbursement_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            I18nFormat("reimbursement-date-prompt"),
            I18nFormat("reimbursement-date-window", when="earliest"),
            I18nError(),
            TextInput(id="service_date", on_success=on_date_text),
            MessageInput(on_not_text),
            ServiceDateCalendar(id=SERVICE_CALENDAR, on_click=on_date_picked),
            Cancel(I18nButtonText("btn-cancel")),
            getter=date_getter,
            state=ReimbursementSG.service_date,
        ),
        text_step(
            "reimbursement-amount-prompt",
            "amount",
            on_amount,
            ReimbursementSG.amount,
            Cancel(I18nButtonText("btn-cancel")),
        ),
        choice_step(
            "reimbursement-currency-prompt",
            "currency",
            "currencies",
            CURRENCIES,
            on_currency,
            ReimbursementSG.currency,
            Cancel(I18nButtonText("btn-cancel")),
            getter=currency_getter,
            aliases=CURRENCY_WORDS,  # "грн", "тг", "$"
        ),
        member_window(
            # the full instructions once; after an upload, a short count
            I18nFormat("reimbursement-docs-prompt", when=~F["has_docs"]),
            I18nFormat("docs-received", when="has_docs"),
            I18nError(),
            MessageInput(on_docs_text, filter=ContentIs(ContentType.TEXT)),
            MessageInput(on_attachment),
            Button(
                I18nButtonText("btn-docs-done"),
                id="docs_done",
                on_click=on_docs_done,
                when="has_docs",
            ),
            Button(
                I18nButtonText("btn-docs-clear"),
                id="docs_clear",
                on_click=on_clear_docs,
                when="has_docs",
            ),
            Cancel(I18nButtonText("btn-cancel")),
            getter=docs_getter,
            state=ReimbursementSG.documents,
        ),
        text_step(
            "reimbursement-iban-prompt",
            "iban",
            on_iban,
            ReimbursementSG.iban,
            Button(
                I18nButtonText("reimbursement-btn-last-iban"),
                id="last_iban",
                on_click=on_last_iban,
                when="last_iban",
            ),
            Cancel(I18nButtonText("btn-cancel")),
            getter=iban_getter,
        ),
        text_step(
            "reimbursement-comment-prompt",
            "comment",
            on_comment,
            ReimbursementSG.comment,
            Button(I18nButtonText("btn-skip"), id="skip", on_click=on_skip_comment),
            Cancel(I18nButtonText("btn-cancel")),
        ),
        member_window(
            I18nFormat("reimbursement-summary"),
            I18nError(),
            Button(I18nButtonText("btn-send"), id="send", on_click=on_send),
            summary_input(on_send, CLAIM_FIELDS),  # "да": sent; "изменить дату": that step
            Group(
                *edit_buttons(CLAIM_FIELDS),
                width=2,
            ),
            Cancel(I18nButtonText("btn-cancel")),
            getter=summary_getter,
            state=ReimbursementSG.confirm,
        ),
        member_window(*sent_widgets(), getter=sent_getter, state=ReimbursementSG.sent, rests=True),
        on_start=on_start,
    )
