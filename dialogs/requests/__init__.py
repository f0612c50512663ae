"""Request dialogs: the type chooser, one form per request type, and "my requests"."""

from aiogram_dialog import Dialog

from dialogs.requests.appointment import appointment_dialog
from dialogs.requests.callback import callback_dialog
from dialogs.requests.full_text import full_text_dialog
from dialogs.requests.lab_tests import lab_tests_dialog
from dialogs.requests.medicines import medicines_dialog
from dialogs.requests.my_requests import my_requests_dialog
from dialogs.requests.new import new_request_dialog
from dialogs.requests.reimbursement import reimbursement_dialog


def request_dialogs() -> list[Dialog]:
    return [
        new_request_dialog(),
        my_requests_dialog(),
        callback_dialog(),
        appointment_dialog(),
        reimbursement_dialog(),
        medicines_dialog(),
        lab_tests_dialog(),
        full_text_dialog(),
        # forms: one line each
    ]
