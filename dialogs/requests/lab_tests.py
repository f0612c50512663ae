"""Lab tests request: the referral (photos and/or a typed list), preferred date, address."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.kbd import Button, Cancel, Column

from bot.services.forms import day_named, list_after, named_tests, read_date_time_said
from dialogs.common import (
    MemberDialog,
    member_window,
    set_notice,
    text_step,
    today,
)
from dialogs.requests.common import (
    LIST_AHEAD,
    Field,
    edit_buttons,
    said_with,
    sent_getter,
    sent_widgets,
    start_form,
    submit,
    summary_getter,
    summary_input,
)
from dialogs.requests.dates import (
    CALENDAR_ID,
    DATE_AHEAD,
    FIELD,
    SAID_FIELD,
    TIME_FIELD,
    DateErrors,
    FutureCalendar,
    answer_kept_day,
    day_kept,
    preferred_date_handlers,
)
from dialogs.requests.medicines import (
    ADDRESS,
    ListStep,
    address_window,
    clean_list,
    list_window,
)
from dialogs.requests.render import all_details, full_text_button
from dialogs.states import LabTestsSG
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from storage.models import RequestKind

REFERRAL = "referral"
PREFERRED_DATE = FIELD


on_date_text, on_date_picked = preferred_date_handlers(
    LabTestsSG.address,
    LabTestsSG.confirm,
    DateErrors(unreadable="request-date-invalid", past="lab-date-past", too_far="lab-date-too-far"),
    keeps_time=True,  # "завтра утром": a blood test is often in the morning
)


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """The draft named; what the tests were asked for with on the menu (`LIST_AHEAD`): their
    list after a colon ("анализы: ОАК, глюкоза"), or the tests named after the word for them
    ("анализы крови и ферритин", `forms.named_tests`), is the list's first line, and a day named
    ("анализы завтра утром") is kept for the date step, which it answers once the referral is
    given (`answer_kept_day`); each said so."""
    await start_form(start_data, manager)
    said = said_with(start_data, LIST_AHEAD)
    if said is None:
        return
    data = manager.dialog_data
    span = day_named(said, today(manager))
    typed = read_date_time_said(span, today(manager), future=True) if span else None
    value = typed.value if typed else None
    taken = span if span and value else ""
    # the list after a colon, or the tests named after the word for them ("сдать анализы крови
    # и ферритин завтра": "анализы крови и ферритин")
    listed = clean_list(list_after(said, RequestKind.LAB_TESTS, taken) or named_tests(said, taken))
    if listed is not None:
        data[REFERRAL] = listed
    if typed is not None and typed.value is not None:
        data[DATE_AHEAD] = span
        key = "lab-date-list-kept" if listed else "lab-date-kept"
        set_notice(manager, key, date=day_kept(manager, typed))
    elif listed:
        set_notice(manager, "list-kept")


async def _to_date(manager: DialogManager) -> None:
    await answer_kept_day(manager, LabTestsSG.date, on_date_text)


def _details(manager: DialogManager) -> dict[str, Any]:
    data = manager.dialog_data
    # a time of day only when one was typed with the date
    time = {TIME_FIELD: data[TIME_FIELD]} if data.get(TIME_FIELD) else {}
    if time and data.get(SAID_FIELD):  # and the hour as typed ("завтра в 10:30")
        time[SAID_FIELD] = data[SAID_FIELD]
    return {
        REFERRAL: data.get(REFERRAL, ""),
        PREFERRED_DATE: data.get(PREFERRED_DATE),
        **time,
        ADDRESS: data.get(ADDRESS, ""),
    }


async def on_send(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await submit(
        manager,
        RequestKind.LAB_TESTS,
        _details(manager),
        LabTestsSG.sent,
        {PREFERRED_DATE: LabTestsSG.date, TIME_FIELD: LabTestsSG.date},
    )


REFERRAL_LIST = ListStep(
    key=REFERRAL,
    prompt="lab-referral-prompt",
    collected="lab-referral-collected",
    empty="lab-referral-empty",
    next_button="lab-btn-next",
    document="lab-referral-named",
    kind=RequestKind.LAB_TESTS,
)

# the summary's fields: each one's "✏️" and the step it reopens, named in words too
LAB_FIELDS: tuple[Field, ...] = (
    ("list", "lab-btn-edit-referral", LabTestsSG.referral),
    ("date", "lab-btn-edit-date", LabTestsSG.date),
    ("address", "lab-btn-edit-address", LabTestsSG.address),
)


def lab_tests_dialog() -> Dialog:
    return MemberDialog(
        list_window(
            REFERRAL_LIST,
            LabTestsSG.referral,
            LabTestsSG.date,
            LabTestsSG.confirm,
            then=_to_date,
            address=LabTestsSG.address,
        ),
        text_step(
            "lab-date-prompt",
            "date",
            on_date_text,
            LabTestsSG.date,
            FutureCalendar(id=CALENDAR_ID, on_click=on_date_picked),
            Cancel(I18nButtonText("btn-cancel")),
        ),
        address_window(
            LabTestsSG.address,
            LabTestsSG.confirm,
            prompt="lab-address-prompt",
            use_home="lab-btn-use-home",
            invalid="lab-address-invalid",
        ),
        member_window(
            I18nFormat("lab-summary"),
            I18nFormat("lab-summary-docs", when="has_docs"),
            I18nError(),
            Button(I18nButtonText("btn-send"), id="send", on_click=on_send),
            summary_input(on_send, LAB_FIELDS),  # "да": sent; "изменить дату": that step
            full_text_button(all_details(_details)),
            Column(
                *edit_buttons(LAB_FIELDS),
            ),
            Cancel(I18nButtonText("btn-cancel")),
            getter=summary_getter(_details),
            state=LabTestsSG.confirm,
        ),
        member_window(*sent_widgets(), getter=sent_getter, state=LabTestsSG.sent, rests=True),
        on_start=on_start,
    )
