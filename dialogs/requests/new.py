"""Choosing a request type, only when the active card's coverage allows a request today."""

from __future__ import annotations

from typing import Any

from aiogram.fsm.state import State
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.kbd import Cancel, Column, Start
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import requests
from bot.services.forms import KIND_WORDS
from dialogs.common import (
    MemberDialog,
    clear_error,
    fmt_date,
    member_window,
    set_error,
    today,
    typed_choice,
)
from dialogs.requests.appointment.handlers import typed_specialty
from dialogs.states import (
    AppointmentSG,
    CallbackSG,
    LabTestsSG,
    MedicinesSG,
    NewRequestSG,
    ReimbursementSG,
)
from dialogs.widgets import I18nButtonText, I18nFormat
from storage.models import Member

# each kind of request and the first step of its form, in the chooser's order
FORMS: dict[str, State] = {
    "appointment": AppointmentSG.specialty,
    "medicines": MedicinesSG.items,
    "lab_tests": LabTestsSG.referral,
    "reimbursement": ReimbursementSG.service_date,
    "callback": CallbackSG.phone,
}


async def choose_getter(
    dialog_manager: DialogManager,
    session: AsyncSession,
    member: Member,
    i18n: Translator,
    **_: Any,
) -> dict[str, Any]:
    try:
        card = await requests.card_for_request(session, member, today(dialog_manager))
    except requests.RequestNotAllowedError as exc:
        args = {"date": fmt_date(exc.on, dialog_manager)} if exc.on else {}
        return {"blocked": i18n(exc.reason, **args), "allowed": False}
    return {
        "allowed": True,
        "blocked": "",
        "policy": card.policy_number,
        "holder": card.holder_name,
        # for a kind typed rather than pressed (`typed_choice`)
        "kinds": [(kind, i18n(f"request-kind-{kind}")) for kind in FORMS],
    }


async def on_kind_typed(_message: Any, _widget: Any, manager: DialogManager, kind: str) -> None:
    await manager.start(FORMS[kind])


async def _doctor_typed(message: Any, _widget: Any, manager: DialogManager, text: str) -> None:
    """A doctor named on the chooser ("к стоматологу", "педиатр"): the appointment form, with
    that specialty chosen, at its next step; other text is not expected there."""
    data = await choose_getter(**{**manager.middleware_data, "dialog_manager": manager})
    specialty = typed_specialty(text, manager) if data["allowed"] else None
    if specialty is None:
        set_error(manager, "input-unexpected")
        return
    clear_error(manager)
    await manager.start(AppointmentSG.clinic, data={"specialty": specialty})


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
            # "лекарства", "к врачу", "refund" typed: the form it names; "к стоматологу": the
            # appointment form with that doctor
            typed_choice("kinds", choose_getter, on_kind_typed, KIND_WORDS, _doctor_typed),
            Cancel(I18nButtonText("btn-back")),
            getter=choose_getter,
            state=NewRequestSG.choose,
        ),
    )
