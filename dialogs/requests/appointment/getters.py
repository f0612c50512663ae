"""What the appointment form's windows show."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.i18n import Translator
from bot.services.clinics import SPECIALTIES
from dialogs.requests.appointment.handlers import details
from dialogs.requests.common import TIME_WINDOWS
from dialogs.requests.render import detail_lines

# the specialty codes live with the clinic directory; labels are `specialty-<code>`
CALENDAR_ID = "date_cal"


async def choices_getter(i18n: Translator, **_: Any) -> dict[str, Any]:
    return {
        "specialties": [(s, i18n(f"specialty-{s}")) for s in SPECIALTIES],
        "windows": [(w, i18n(f"time-window-{w}")) for w in TIME_WINDOWS],
    }


async def summary_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"details": detail_lines(details(dialog_manager), dialog_manager)}
