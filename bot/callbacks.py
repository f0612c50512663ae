"""Callback data of the buttons the deliverer sends and the handlers answer (shared by both,
so neither imports the other)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from bot.services.staff import StaffAction


class OpenRequest(CallbackData, prefix="req"):
    """ "Open request" under a member's status notification."""

    request_id: int


class StaffCallback(CallbackData, prefix="st"):
    """A button on a request card in the admin chat."""

    request_id: int
    action: StaffAction
