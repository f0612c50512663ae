"""What the reimbursement form's windows show."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import requests
from bot.services.reimbursement import (
    REIMBURSEMENT_MAX_AGE_DAYS,
    currencies_for,
    earliest_service_date,
    last_iban,
    short_iban,
)
from dialogs.common import fmt_date, today
from dialogs.requests.common import docs_getter, insured_getter, request_card
from dialogs.requests.reimbursement.handlers import details_of
from dialogs.requests.render import detail_lines
from storage.models import Member


async def date_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    try:
        card = await request_card(dialog_manager)
    except requests.RequestNotAllowedError:
        return {"earliest": ""}  # the card's reason is shown when a date is given
    earliest = earliest_service_date(card, today(dialog_manager))
    return {"earliest": fmt_date(earliest, dialog_manager), "days": REIMBURSEMENT_MAX_AGE_DAYS}


async def iban_getter(dialog_manager: DialogManager, member: Member, **_: Any) -> dict[str, Any]:
    session: AsyncSession = dialog_manager.middleware_data["session"]
    last = await last_iban(session, member)
    return {"last_iban": short_iban(last) if last else ""}


async def currency_getter(
    dialog_manager: DialogManager, member: Member, i18n: Translator, **_: Any
) -> dict[str, Any]:
    session: AsyncSession = dialog_manager.middleware_data["session"]
    order = await currencies_for(session, member)
    return {"currencies": [(c, i18n(f"currency-{c}")) for c in order]}


async def summary_getter(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    return {
        **await insured_getter(dialog_manager),
        **await docs_getter(dialog_manager, **kwargs),
        "details": detail_lines(details_of(dialog_manager), dialog_manager),
    }
