"""What the appointment form's windows show."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiogram_dialog import DialogManager

from bot.i18n import Translator
from bot.services.clinics import SPECIALTIES
from bot.services.forms import TIME_WINDOWS, windows_left
from dialogs.common import insurer_now
from dialogs.requests.appointment.handlers import details
from dialogs.requests.common import insured_getter
from dialogs.requests.render import detail_lines

# the specialty codes live with the clinic directory; labels are `specialty-<code>`


async def choices_getter(
    dialog_manager: DialogManager, i18n: Translator, **_: Any
) -> dict[str, Any]:
    picked = dialog_manager.dialog_data.get("preferred_date")
    # on today, only the times of day not over yet
    windows = (
        windows_left(date.fromisoformat(picked), insurer_now(dialog_manager))
        if picked
        else TIME_WINDOWS
    )
    return {
        "specialties": [(s, i18n(f"specialty-{s}")) for s in SPECIALTIES],
        "windows": [(w, i18n(f"time-window-{w}")) for w in windows],
    }


async def summary_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {
        **await insured_getter(dialog_manager),
        "details": detail_lines(details(dialog_manager), dialog_manager),
    }
