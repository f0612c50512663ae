"""The buttons that one side sends and another side answers: the deliverer puts them under its
messages, the handlers answer them. They live below both, so neither imports the other."""

from __future__ import annotations

from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

from bot.services.staff import StaffAction
from storage.sql import MAX_ROW_ID

# a row's id as this bot packs it; a modified client's larger number is no button of the bot's
# (the filter refuses it, and the press is answered as out of date): PostgreSQL's integer holds
# no more, and asyncpg refuses a larger value in a comparison
RowId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]


class OpenRequest(CallbackData, prefix="req"):
    """ "Open request" under a member's notification (`bot/handlers/commands.py` answers it)."""

    request_id: RowId


class StaffCallback(CallbackData, prefix="st"):
    """A request card's button in the admin chat (`bot/handlers/admin/buttons.py` answers it)."""

    request_id: RowId
    action: StaffAction


class BookSaid(CallbackData, prefix="vs"):
    """ "📅 Book the visit" under the bot's offer after a staff member's line to the member that
    says a visit or a delivery was booked (`bot/handlers/admin/relay.py` sends it,
    `bot/handlers/admin/buttons.py` answers it): the line, in the request's history."""

    line_id: RowId


class RateRequest(CallbackData, prefix="rate"):
    """A 1-5 rating button under "how did we do" after a request is done
    (`bot/handlers/helpdesk.py` answers it)."""

    request_id: RowId
    score: int
