"""Which screens end a form, and what they still need (storage/forget.py trims the rest)."""

from __future__ import annotations

from aiogram.fsm.storage.base import BaseStorage

from dialogs.common import OFFER, SUGGEST, SUGGEST_MORE
from dialogs.states import (
    ActivationSG,
    AppointmentSG,
    CallbackSG,
    LabTestsSG,
    MedicinesSG,
    MyRequestsSG,
    ProfileSG,
    ReimbursementSG,
    TicketSG,
)
from dialogs.widgets.i18n import ERROR_KEY
from storage.forget import ForgetfulStorage

FINISHED: frozenset[str] = frozenset(
    str(state.state)
    for state in (
        ActivationSG.linked,
        ActivationSG.waiting,
        ActivationSG.locked,
        TicketSG.sent,
        AppointmentSG.sent,
        MedicinesSG.sent,
        LabTestsSG.sent,
        ReimbursementSG.sent,
        CallbackSG.sent,
        # a profile value saved, a reply to a request sent: back on the page
        ProfileSG.view,
        MyRequestsSG.detail,
    )
)
# ids and dates of what was done, the screen's one-shot note and last error, and the messages
# kept for "Send it to support", and the request they name, until the member's next press
# (`common.keep_for_support`, `dialogs/suggest.py`)
KEEP = frozenset(
    {"number", "request_id", "card_id", "opens_on", "locked_until", "ticket_id", "note", ERROR_KEY,
     OFFER, SUGGEST, SUGGEST_MORE}
)  # fmt: skip


def forgetful(storage: BaseStorage) -> ForgetfulStorage:
    return ForgetfulStorage(storage, FINISHED, KEEP)
