"""Choosing a request type, only when the active card's coverage allows a request today."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.kbd import Cancel, Column, Start
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import requests
from dialogs.common import MemberDialog, fmt_date, member_window, today
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
    }


def new_request_dialog() -> Dialog:
    def start(kind: str, state: Any) -> Start:
        return Start(
            I18nButtonText(f"request-kind-{kind}"), id=f"new_{kind}", state=state, when="allowed"
        )

    return MemberDialog(
        member_window(
            I18nFormat("request-choose-type", when="allowed"),
            I18nFormat("request-blocked", when="blocked"),
            Column(
                start("appointment", AppointmentSG.specialty),
                start("medicines", MedicinesSG.items),
                start("lab_tests", LabTestsSG.referral),
                start("reimbursement", ReimbursementSG.service_date),
                start("callback", CallbackSG.phone),
            ),
            Cancel(I18nButtonText("btn-back")),
            getter=choose_getter,
            state=NewRequestSG.choose,
        ),
    )
