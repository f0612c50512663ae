"""The doctor appointment form: specialty, city/clinic, date, time window, comment, summary."""

from __future__ import annotations

from aiogram_dialog import Dialog
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Group
from aiogram_dialog.widgets.text import Format

from bot.services.clinics import SPECIALTIES
from bot.services.forms import (
    TIME_ALIASES,
    TIME_WINDOWS,
    window_in_sentence,
    window_refused,
)
from dialogs.common import (
    BACK,
    MemberDialog,
    choice_step,
    member_window,
    text_step,
    typed_choice,
)
from dialogs.requests.appointment.clinics import clinic_step, on_start
from dialogs.requests.appointment.getters import (
    choices_getter,
    summary_getter,
)
from dialogs.requests.appointment.handlers import (
    on_back_to_list,
    on_comment,
    on_date_picked,
    on_date_text,
    on_other,
    on_other_text,
    on_send,
    on_skip,
    on_specialty,
    on_specialty_typed,
    on_time,
    on_time_other,
    on_time_refused,
)
from dialogs.requests.common import (
    Field,
    edit_buttons,
    sent_getter,
    sent_widgets,
    summary_input,
)
from dialogs.requests.dates import CALENDAR_ID, FutureCalendar
from dialogs.states import AppointmentSG
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from dialogs.widgets.choices import FixedSelect

# the summary's fields: each one's "✏️" and the step it reopens, named in words too
APPOINTMENT_FIELDS: tuple[Field, ...] = (
    ("specialty", "btn-edit-specialty", AppointmentSG.specialty),
    ("clinic", "btn-edit-clinic", AppointmentSG.clinic),
    ("date", "btn-edit-preferred_date", AppointmentSG.date),
    ("time", "btn-edit-time", AppointmentSG.time),
    ("comment", "btn-edit-comment", AppointmentSG.comment),
)


def appointment_dialog() -> Dialog:
    cancel = Cancel(I18nButtonText("btn-cancel"))
    return MemberDialog(
        member_window(
            I18nFormat("appointment-specialty-prompt"),
            I18nError(),
            Group(
                FixedSelect(
                    Format("{item[1]}"),
                    id="specialty",
                    item_id_getter=lambda i: i[0],
                    items="specialties",
                    on_click=on_specialty,
                    choices=SPECIALTIES,
                ),
                width=2,
            ),
            Button(I18nButtonText("appointment-specialty-other"), id="other", on_click=on_other),
            # "стоматолог" is that button (in any of the bot's languages); a specialty not
            # listed, typed, is "another specialty"
            typed_choice("specialties", choices_getter, on_specialty, otherwise=on_specialty_typed),
            cancel,
            getter=choices_getter,
            state=AppointmentSG.specialty,
        ),
        text_step(
            "appointment-specialty-other-prompt",
            "specialty_other",
            on_other_text,
            AppointmentSG.specialty_other,
            Button(I18nButtonText("btn-back"), id=BACK, on_click=on_back_to_list),
            cancel,
        ),
        clinic_step(cancel),
        text_step(
            "appointment-date-prompt",
            "preferred_date",
            on_date_text,
            AppointmentSG.date,
            FutureCalendar(id=CALENDAR_ID, on_click=on_date_picked),
            cancel,
        ),
        choice_step(
            "appointment-time-prompt",
            "time",
            "windows",
            TIME_WINDOWS,
            on_time,
            AppointmentSG.time,
            cancel,
            getter=choices_getter,
            aliases=TIME_ALIASES,  # "после обеда", "ввечері", "утром", "any time"
            read=window_in_sentence,  # "14:00", "в 10", "ввечері, бо вдень працюю"
            refused="request-time-refused",  # "только не утром"
            read_refused=window_refused,  # "перезвоните, только не утром, пожалуйста"
            on_refused=on_time_refused,  # "в пятницу, только не утром": Friday taken
            otherwise=on_time_other,  # "в пятницу": the day; "в 21:00": the hours told
        ),
        text_step(
            "appointment-comment-prompt",
            "comment",
            on_comment,
            AppointmentSG.comment,
            Button(I18nButtonText("btn-skip"), id="skip", on_click=on_skip),
            cancel,
        ),
        member_window(
            I18nFormat("appointment-summary"),
            I18nError(),
            Button(I18nButtonText("btn-send"), id="send", on_click=on_send),
            summary_input(on_send, APPOINTMENT_FIELDS),  # "да": sent; "изменить дату": that step
            Column(
                *edit_buttons(APPOINTMENT_FIELDS),
            ),
            cancel,
            getter=summary_getter,
            state=AppointmentSG.confirm,
        ),
        member_window(*sent_widgets(), getter=sent_getter, state=AppointmentSG.sent, rests=True),
        on_start=on_start,
    )
