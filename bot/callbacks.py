"""The buttons that one side sends and another side answers: the deliverer puts them under its
messages, the handlers answer them. They live below both, so neither imports the other."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from bot.services.staff import StaffAction


class OpenRequest(CallbackData, prefix="req"):
    """ "Open request" under a member's notification (`bot/handlers/commands.py` answers it)."""

    request_id: int


class StaffCallback(CallbackData, prefix="st"):
    """A request card's button in the admin chat (`bot/handlers/admin/buttons.py` answers it)."""

    request_id: int
    action: StaffAction


class RateRequest(CallbackData, prefix="rate"):
    """A 1-5 rating button under "how did we do" after a request is done
    (`bot/handlers/helpdesk.py` answers it)."""

    request_id: int
    score: int
