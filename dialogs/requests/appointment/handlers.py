"""Answers to the appointment form's steps: validate, store in `dialog_data`, move on."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.i18n import Translator, TranslatorHub
from bot.services.clinics import SPECIALTIES
from bot.services.forms import (
    KIND_WORDS,
    PROCEDURES,
    SPECIALTY_WORDS,
    TEXT_MAX,
    TYPO_MIN,
    DateTyped,
    choice_told,
    clean_text,
    corrected,
    day_named,
    for_the_clinic,
    hour_outside,
    is_nothing,
    read_date_time_said,
    typed_phrase,
    windows_left,
)
from dialogs.common import (
    also_notice,
    clear_error,
    fmt_date,
    insurer_now,
    set_error,
    set_notice,
    today,
)
from dialogs.requests.common import (
    ANSWERED_AHEAD,
    advance,
    answered_ahead,
    start_form,
    step_back,
    step_to,
    submit,
)
from dialogs.requests.dates import (
    DATE_AHEAD,
    SAID_FIELD,
    DateErrors,
    day_kept,
    keep_time,
    on_time_outside,
    preferred_date_handlers,
    typed_time,
)
from dialogs.states import AppointmentSG
from dialogs.text_input import refuse_text
from dialogs.widgets.i18n import ERROR_KEY
from storage.models import RequestKind

# `clinic_id`: the directory's clinic when one was pressed (None when typed; never shown), and
# `clinic_phone` its phone, as people read it (shown: staff book by it, the member may call)
FIELDS = (
    "specialty",
    "clinic",
    "clinic_id",
    "clinic_phone",
    "preferred_date",
    "time_window",
    SAID_FIELD,
    "comment",
)
SPECIALTY_MAX = 100


def details(manager: DialogManager) -> dict[str, Any]:
    """The answers in the form's order; a skipped comment is None; a typed clinic has no id,
    a time of day not typed with an hour no words as typed."""
    found = {key: manager.dialog_data.get(key) for key in FIELDS}
    for key in ("clinic_id", "clinic_phone", SAID_FIELD):
        if found[key] is None:
            del found[key]
    return found


@functools.cache
def specialty_words(hub: TranslatorHub) -> dict[str, str]:
    """Every listed specialty's label in each of the bot's languages, as typed answers are
    compared (a member with the bot in Kazakh types "стоматолог", one in English "dentist"),
    and the doctors as people name them (`forms.SPECIALTY_WORDS`): built once."""
    labels = {
        typed_phrase(hub.get(locale)(f"specialty-{code}")): code
        for locale in hub.locales
        for code in SPECIALTIES
    }
    # the specialty's own name without what the label adds in brackets ("терапевт" of
    # "Терапевт (сімейний лікар)"), for a sentence that holds it ("записатися до терапевта")
    names = {phrase.split()[0]: code for phrase, code in labels.items()}
    return {**names, **labels, **SPECIALTY_WORDS}


@functools.cache
def typo_words(hub: TranslatorHub) -> frozenset[str]:
    """The words a typed one may be a slip of (`forms.typo_of`): those of the specialties, in
    each of the bot's languages, of the kinds of request and of the examinations; built once."""
    phrases = [*specialty_words(hub), *KIND_WORDS, *PROCEDURES]
    return frozenset(w for phrase in phrases for w in phrase.split() if len(w) >= TYPO_MIN)


def typed_specialty(text: str, manager: DialogManager) -> tuple[str | None, str | None]:
    """The listed specialty a typed answer names, in any of the bot's languages ("к
    стоматологу", "ЛОР", "dentist") or as people say it ("зубной", "тіс дәрігері"), and the
    one it turns down ("не к терапевту"; `forms.choice_told`), each or None."""
    i18n: Translator = manager.middleware_data["i18n"]
    hub: TranslatorHub = manager.middleware_data["translators"]
    shown = [(code, i18n(f"specialty-{code}")) for code in SPECIALTIES]
    return choice_told(text, shown, specialty_words(hub))


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """The draft named; a specialty named on the request chooser ("к стоматологу"; one the
    list does not hold, "к урологу", as typed) is the form's first answer (it opens at the
    next step), and a day named with it ("в следующий вторник") is kept for the date step,
    said so (`clinics.to_date` answers it; a clinic named with it, `clinics.on_start`); with
    no doctor named, the day is kept past the doctor's step, which comes first. A
    message that tells the clinic something ("у меня болит зуб", "врача на дом") is the
    comment, whose step is passed over (said so once the form's first step is drawn:
    `say_comment_kept`)."""
    await start_form(start_data, manager)
    said = start_data.get(DATE_AHEAD) if isinstance(start_data, dict) else None
    if isinstance(said, str) and for_the_clinic(said) and (comment := clean_text(said)):
        manager.dialog_data["comment"] = comment
        answered_ahead(manager, AppointmentSG.comment)
    named = start_data.get("specialty") if isinstance(start_data, dict) else None
    # a listed one's code, or a doctor the list does not hold ("к урологу") as "Another
    # specialty" takes one typed
    specialty = clean_text(named, max_len=SPECIALTY_MAX) if isinstance(named, str) else None
    if specialty is not None:
        manager.dialog_data["specialty"] = specialty
    # the message's words (`named.py:named_ahead`)
    day = day_named(said, today(manager)) if isinstance(said, str) else None
    typed = read_date_time_said(day, today(manager), future=True) if day else None
    if day is None or typed is None or typed.value is None:
        return
    if specialty is not None:
        keep_day(manager, day, typed)
    else:  # "my back hurts, need a doctor on Monday": the doctor is asked first
        manager.dialog_data[DATE_AHEAD] = day
        set_notice(manager, "appointment-specialty-date-kept", date=day_kept(manager, typed))


def say_comment_kept(manager: DialogManager) -> None:
    """The comment kept from the message the form was asked with (`on_start`) said, after
    what else that message answered is said."""
    if AppointmentSG.comment.state in manager.dialog_data.get(ANSWERED_AHEAD, ()):
        also_notice(manager, "appointment-comment-kept")


def keep_day(manager: DialogManager, text: str, typed: DateTyped) -> None:
    """A day typed before the date step (`text`, read as `typed`: a day, with its time of day
    or not), kept to answer it once the clinic is given (`clinics.to_date`), and the member
    told so."""
    manager.dialog_data[DATE_AHEAD] = text
    set_notice(manager, "appointment-clinic-date-kept", date=day_kept(manager, typed))


async def on_specialty(_event: Any, _widget: Any, manager: DialogManager, item: str) -> None:
    manager.dialog_data["specialty"] = item
    await advance(manager, AppointmentSG.clinic, AppointmentSG.confirm)


async def on_other(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    clear_error(manager)
    await step_to(manager, AppointmentSG.specialty_other)


async def on_back_to_list(
    _callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    await step_back(manager)


async def on_specialty_typed(
    message: Message, widget: Any, manager: DialogManager, text: str
) -> None:
    """A specialty typed on the list's step: a listed one named in another of the bot's
    languages, or typed with a slip ("стамотолог", `forms.corrected`), is its button; a day
    ("в 15 декабря") is kept for the date step, said so; one turned down ("не к терапевту") is
    said back, the list asked again; any other is "another specialty"."""
    code, no = typed_specialty(text, manager)
    if (
        code is None
        and no is None
        and (fixed := corrected(text, typo_words(manager.middleware_data["translators"])))
    ):
        code, no = typed_specialty(fixed, manager)
    if code is None and no is not None:  # not "another specialty" named "не терапевт"
        i18n: Translator = manager.middleware_data["i18n"]
        set_notice(manager, "choice-refused", choice=i18n(f"specialty-{no}"))
        return
    if code is not None:
        clear_error(manager)
        await on_specialty(message, widget, manager, code)
        return
    typed = read_date_time_said(text, today(manager), future=True)
    if typed.value is not None and not text.strip().isdecimal():
        # "в 15 декабря" was taken for a doctor's name: the day, kept for its step
        manager.dialog_data[DATE_AHEAD] = text
        set_notice(manager, "appointment-specialty-date-kept", date=day_kept(manager, typed))
        return
    await on_other_text(message, widget, manager, text)


async def on_other_text(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    specialty = clean_text(text, max_len=SPECIALTY_MAX)
    if specialty is None:
        refuse_text(
            manager, text, SPECIALTY_MAX, "appointment-specialty-invalid", max=SPECIALTY_MAX
        )
        return
    manager.dialog_data["specialty"] = specialty
    await advance(manager, AppointmentSG.clinic, AppointmentSG.confirm)


on_date_text, on_date_picked = preferred_date_handlers(
    AppointmentSG.time,
    AppointmentSG.confirm,
    DateErrors(
        unreadable="request-date-invalid",
        past="appointment-date-past",
        too_far="appointment-date-far",
        no_time_left="request-no-time-left",
    ),
    after_time=AppointmentSG.comment,  # "завтра утром": the day and the time of day at once
)


async def on_time(
    event: CallbackQuery | Message, _widget: Any, manager: DialogManager, item: str
) -> None:
    """A time of day pressed, or typed ("вечером", "в 10:30": the hour kept as typed; with
    another day, "в пятницу утром", that day too, as the date step takes both)."""
    if isinstance(event, Message) and event.text and day_named(event.text, today(manager)):
        await on_time_other(event, _widget, manager, event.text)
        return
    picked = date.fromisoformat(manager.dialog_data["preferred_date"])
    if item not in windows_left(picked, insurer_now(manager)):
        # a button drawn earlier in the day (or before the date was changed to today)
        set_error(manager, "request-time-passed", date=fmt_date(picked, manager))
        return
    keep_time(manager, item, typed_time(event))
    await advance(manager, AppointmentSG.comment, AppointmentSG.confirm)


async def on_time_other(message: Message, widget: Any, manager: DialogManager, text: str) -> None:
    """A day typed on the time step ("в пятницу", "15.12", "в пятницу утром"): the visit's day
    changed to it, as on the date step (the time of day typed with it answers this step too),
    and said so; other text as on any time step (`on_time_outside`)."""
    typed = read_date_time_said(text, today(manager), future=True)
    if typed.value is None or hour_outside(text):
        await on_time_outside(message, widget, manager, text)
        return
    await on_date_text(message, widget, manager, text)
    context = manager.current_context()
    asked_time = context is not None and context.state == AppointmentSG.time
    if asked_time and ERROR_KEY not in manager.dialog_data:  # (else its error, or the next step)
        set_notice(manager, "appointment-day-changed", date=fmt_date(typed.value, manager))


async def on_time_refused(
    message: Message, widget: Any, manager: DialogManager, text: str, label: str
) -> None:
    """A time of day turned down on the time step (`label`, its button's), said back and asked
    again; a day named beside it ("в пятницу, только не утром") is the visit's day now, taken
    as `on_time_other` takes a day, and said so too (it was lost)."""
    day = day_named(text, today(manager))
    if day is None:
        set_notice(manager, "request-time-refused", choice=label)
        return
    await on_time_other(message, widget, manager, day)
    context = manager.current_context()
    if context is not None and context.state == AppointmentSG.time:
        also_notice(manager, "request-time-refused", choice=label)


async def on_comment(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    if is_nothing(text):  # "нет", "ничего", "-": the comment skipped, not stored as one
        await on_skip(_message, None, manager)
        return
    comment = clean_text(text)
    if comment is None:
        refuse_text(manager, text, TEXT_MAX, "appointment-comment-invalid", max=TEXT_MAX)
        return
    manager.dialog_data["comment"] = comment
    await advance(manager, AppointmentSG.confirm, AppointmentSG.confirm)


async def on_skip(_event: Any, _button: Button | None, manager: DialogManager) -> None:
    manager.dialog_data["comment"] = None
    await advance(manager, AppointmentSG.confirm, AppointmentSG.confirm)


async def on_send(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await submit(
        manager,
        RequestKind.APPOINTMENT,
        details(manager),
        AppointmentSG.sent,
        {"preferred_date": AppointmentSG.date, "time_window": AppointmentSG.time},
    )
