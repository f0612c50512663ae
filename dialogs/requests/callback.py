"""Call-back request: phone (the confirmed one by default), time window, topic."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Start
from babel.dates import format_date

from bot.config import Settings
from bot.i18n import Translator
from bot.render import window_text
from bot.services.forms import (
    ANY_TIME,
    SAID_MAX,
    TEXT_MAX,
    TIME_ALIASES,
    TIME_WINDOWS,
    WINDOW_SPANS,
    asks_writing,
    clean_text,
    day_named,
    hour_in_sentence,
    hour_outside,
    names_own_phone,
    read_date_time_said,
    topic_named,
    window_in_sentence,
    window_named,
    window_refused,
)
from bot.services.hours import first_call_day
from bot.services.phones import normalize_phone, phone_in_text, shown_phone
from bot.services.zones import ReadingZone
from dialogs.common import (
    ContentIs,
    MemberDialog,
    also_notice,
    choice_step,
    fmt_date,
    member_window,
    member_zone,
    now,
    phone_zone_of,
    set_error,
    set_notice,
    text_step,
    today,
    zone_city,
)
from dialogs.requests.common import (
    CALL_AHEAD,
    Field,
    advance,
    edit_buttons,
    insured_getter,
    said_with,
    sent_getter,
    sent_widgets,
    start_form,
    submit,
    summary_input,
)
from dialogs.requests.dates import SAID_FIELD, keep_time, on_time_outside, typed_time
from dialogs.states import CallbackSG, SupportChatSG
from dialogs.text_input import refuse_text
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from storage.models import Member, RequestKind


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """The draft named; the words the call-back was asked for with (`CALL_AHEAD`) answer its
    steps, said so (`_after_phone`): the time of day they name ("передзвоніть ввечері"), and,
    when they say what the call is about ("… щодо ліміту на стоматологію"), the topic: the
    message itself, as the member wrote it (a day named in it, "завтра", reaches staff so)."""
    await start_form(start_data, manager)
    said = said_with(start_data, CALL_AHEAD)
    if said is None:
        return
    data = manager.dialog_data
    _keep_time_said(said, manager)
    if topic_named(said) and (topic := clean_text(said, min_len=3)) is not None:
        data["topic"] = topic
    i18n: Translator = manager.middleware_data["i18n"]
    if data.get("time_window"):
        key = "callback-time-topic-kept" if data.get("topic") else "callback-time-kept"
        set_notice(
            manager, key, window=window_text(data["time_window"], data.get(SAID_FIELD), i18n)
        )
    elif data.get("topic"):
        set_notice(manager, "callback-topic-kept")


def _keep_time_said(said: str, manager: DialogManager) -> bool:
    """The time of day a sentence names, kept: by its words ("ввечері"), or by an hour, kept as
    typed too ("… после 18 …"), with the day it names ("… завтра утром"); False when none."""
    data = manager.dialog_data
    window = said if said in TIME_WINDOWS else window_named(said)
    if window in TIME_WINDOWS and window != ANY_TIME:
        data["time_window"] = window
    elif (hour := hour_in_sentence(said)) is not None:
        keep_time(manager, *hour)
    if data.get("time_window") and (day := _day_said(said, manager)) is not None:
        keep_time(manager, data["time_window"], day)
    return bool(data.get("time_window"))


def _after_phone(manager: DialogManager) -> State:
    """The time step, or the next one not answered when the time of day was given with the
    request."""
    return _after_time(manager) if manager.dialog_data.get("time_window") else CallbackSG.time


def _after_time(manager: DialogManager) -> State:
    """The topic, or the summary when the request said what the call is about."""
    return CallbackSG.confirm if manager.dialog_data.get("topic") else CallbackSG.topic


async def on_phone(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    """The number to call, typed alone or in a sentence ("мой номер 0501112233"), or named as
    the confirmed one ("мой номер", "на этот же": `forms.names_own_phone`)."""
    phone = normalize_phone(text) or phone_in_text(text)
    member: Member = manager.middleware_data["member"]
    # "мой номер", "этот же", or so with the time after a comma: "на мой, вечером"
    if phone is None and member.phone and any(map(names_own_phone, text.split(","))):
        phone = member.phone
    if phone is None:
        if not _offered_writing(text, manager):
            set_error(manager, "callback-phone-invalid")
        return
    manager.dialog_data["phone"] = phone
    # "0671234567 после 18": the time said with the number answers the next step, and what
    # the call is about its topic ("на мой, по поводу лимита")
    data = manager.dialog_data
    kept = not data.get("time_window") and _keep_time_said(text, manager)
    topic = None if data.get("topic") else _topic_said(text)
    if topic is not None:
        data["topic"] = topic
    await advance(manager, _after_phone(manager), CallbackSG.confirm)
    i18n: Translator = manager.middleware_data["i18n"]
    window = window_text(data["time_window"], data.get(SAID_FIELD), i18n) if kept else ""
    if kept and topic is not None:
        set_notice(manager, "callback-time-topic-kept", window=window)
    elif kept:
        set_notice(manager, "callback-time-kept", window=window)
    elif topic is not None:
        set_notice(manager, "callback-topic-kept")


WRITING = "writing"  # the member asked to be written to: "Write to support" is offered


def _offered_writing(text: str, manager: DialogManager) -> bool:
    """A member who would rather be written to than called ("мне неудобно говорить,
    напишите", `forms.asks_writing`): the step stays, saying that a call-back is a call and
    offering "Write to support", whose answer comes in this chat; False for any other text."""
    if not asks_writing(text):
        return False
    manager.dialog_data[WRITING] = True
    set_notice(manager, "callback-write-instead")
    return True


def _topic_said(text: str) -> str | None:
    """What the call is about, said with the number to call ("на мой, по поводу лимита"): the
    message without the parts that only give the number or the time; None when it says no
    topic."""
    if not topic_named(text):
        return None
    parts = [
        part
        for part in text.split(",")
        if not names_own_phone(part)
        and normalize_phone(part) is None
        and (topic_named(part) or not (window_named(part) or hour_in_sentence(part)))
    ]
    return clean_text(",".join(parts).strip(), min_len=3)


async def on_contact(message: Message, _widget: Any, manager: DialogManager) -> None:
    """A contact shared for the number to call (hers, or her mother's from the address book):
    a number to call is no proof of anything, so whoever's it is, it is taken as if typed."""
    assert message.contact is not None
    await on_phone(message, None, manager, message.contact.phone_number)


async def on_use_confirmed(
    _callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    member: Member = manager.middleware_data["member"]
    manager.dialog_data["phone"] = member.phone
    await advance(manager, _after_phone(manager), CallbackSG.confirm)


async def on_time(
    event: CallbackQuery | Message, _widget: Any, manager: DialogManager, item: str
) -> None:
    """A time of day pressed, or typed ("ввечері", "после 18": the hour kept as typed; "завтра
    утром": the day too, which staff read as typed)."""
    typed = event.text if isinstance(event, Message) and event.text else ""
    if typed and _offered_writing(typed, manager):  # "вечером неудобно говорить, напишите"
        return
    said = typed_time(event) or _day_said(typed, manager)
    kept = manager.dialog_data.pop(CALL_DAY, None)  # "в пятницу, только не утром" before
    if kept and not (said and _day_said(said, manager)):  # (a day said now is the day)
        said = f"{kept} {said}" if said else kept
    keep_time(manager, item, said)
    await advance(manager, _after_time(manager), CallbackSG.confirm)


# a day said beside a time turned down ("в пятницу, только не утром"), as typed: kept for the
# time of day picked next (`on_time`), with which staff read it
CALL_DAY = "call_day"


async def on_time_refused(
    _message: Message, _widget: Any, manager: DialogManager, text: str, label: str
) -> None:
    """A time of day turned down (`label`, its button's), said back and asked again; a day
    named beside it ("в пятницу, только не утром") is kept for the call, with the time picked
    next, and said so (it was lost)."""
    day = _day_said(text, manager)
    value = read_date_time_said(day, today(manager), future=True).value if day else None
    if day is None or value is None:
        set_notice(manager, "request-time-refused", choice=label)
        return
    manager.dialog_data[CALL_DAY] = day
    set_notice(manager, "callback-day-kept", date=fmt_date(value, manager))
    also_notice(manager, "request-time-refused", choice=label)


async def on_time_other(message: Message, widget: Any, manager: DialogManager, text: str) -> None:
    """A day alone ("в следующий вторник", "через неделю"): any time that day, the day kept as
    typed, as "завтра утром" keeps it; other text as on any time step (`on_time_outside`)."""
    day = _day_said(text, manager)
    if day is None and _offered_writing(text, manager):
        return
    if day is None or hour_outside(text):
        await on_time_outside(message, widget, manager, text)
        return
    manager.dialog_data.pop(CALL_DAY, None)  # (the day said now is the day)
    keep_time(manager, ANY_TIME, day)
    await advance(manager, _after_time(manager), CallbackSG.confirm)


def _day_said(text: str, manager: DialogManager) -> str | None:
    """The day a call-back's time is said with when it is not today ("завтра утром", "в
    понедельник после обеда", in a sentence too: "перезвоните завтра в 10"), as typed, for
    staff; None when no such day is named."""
    # a date in digits alone names a day here ("15.12"; in a sentence it may be a count)
    phrase = day_named(text, today(manager)) or " ".join(text.split())
    if len(phrase) > SAID_MAX:
        return None
    day = read_date_time_said(phrase, today(manager), future=True).value
    return phrase if day is not None and day != today(manager) else None


async def on_topic(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    topic = clean_text(text, min_len=3)
    if topic is None:
        refuse_text(manager, text, TEXT_MAX, "callback-topic-invalid")
        return
    manager.dialog_data["topic"] = topic
    await advance(manager, CallbackSG.confirm, CallbackSG.confirm)


def call_reading(manager: DialogManager) -> ReadingZone:
    """The zone the times of day of the call are read in: that of the number to call, given
    before them (whoever answers it is there: a Kazakh number typed by a member whose phone is
    not confirmed, a Kyiv number), else the member's (`member_zone`)."""
    phone = manager.dialog_data.get("phone")
    return phone_zone_of(manager, phone) if phone else member_zone(manager)


def call_zone(manager: DialogManager) -> ZoneInfo | None:
    """The zone of the call's times of day when it is known and not the call centre's (a Kyiv
    number, an Almaty call centre): the time of day chosen is the member's, and is stored with
    its zone for staff (`render.detail_lines(staff_zone=)`); None otherwise."""
    settings: Settings = manager.middleware_data["settings"]
    zone = call_reading(manager)
    return zone.tz if zone.own and zone.tz.key != settings.tz.key else None


async def on_send(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    data = manager.dialog_data
    details = {k: data[k] for k in ("phone", "time_window", "topic")}
    if data.get(SAID_FIELD):
        details[SAID_FIELD] = data[SAID_FIELD]
    zone = call_zone(manager)
    if zone is not None and details["time_window"] != ANY_TIME:
        details["time_zone"] = zone.key
    # the day the member was told the call will be, when not today: staff read it on the card
    if (day := call_date(manager)) is not None:
        details["call_date"] = day.isoformat()
    await submit(manager, RequestKind.CALLBACK, details, CallbackSG.sent)


async def form_getter(
    dialog_manager: DialogManager, member: Member, i18n: Translator, **_: Any
) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    window = data.get("time_window")
    # a number to call whose zone is not known: the times of day are the call centre's, named
    zone = call_reading(dialog_manager)
    named = "" if zone.own else zone_city(zone.tz, i18n)
    label = window_text(window, data.get(SAID_FIELD), i18n) if window else ""
    if label and named and window != ANY_TIME:
        label = i18n("time-in-zone", time=label, zone=named)
    return {
        "zone": named,
        "confirmed_phone": shown_phone(member.phone) if member.phone else "",
        # the prompt offers the confirmed number only when there is one (its button's "when")
        "phone_known": "yes" if member.phone else "no",
        "phone": shown_phone(phone) if (phone := data.get("phone")) else "",
        "time_window": label,
        "topic": data.get("topic", ""),
        "windows": [(w, i18n(f"time-window-{w}")) for w in TIME_WINDOWS],
        WRITING: bool(data.get(WRITING)),
    }


def call_date(manager: DialogManager) -> date | None:
    """The day the call can be made, when it is not today: the first day the call centre works
    in the time window asked for (Saturday evening after it closes at 16:00: Monday), from the
    day said with it ("в среду утром": Wednesday); None when it is today or not within a week."""
    window = manager.dialog_data.get("time_window")
    if window not in WINDOW_SPANS:
        return None
    settings: Settings = manager.middleware_data["settings"]
    moment = now(manager)
    zone = call_zone(manager)
    local = moment.astimezone(zone or settings.tz)
    said = str(manager.dialog_data.get(SAID_FIELD) or "")
    # a day in words said with the time ("в среду утром"), or a day alone in any form, kept
    # with any time ("15.12": `on_time_other`); "10.10" said with a window is its hour
    worded = any(ch.isalpha() for ch in said) or window == ANY_TIME
    asked = read_date_time_said(said, local.date(), future=True).value if worded else None
    if asked is not None and asked > local.date():  # "в среду утром": from that day on
        moment = datetime.combine(asked, time(), tzinfo=zone or settings.tz)
    day = first_call_day(
        settings.callcentre_hours, WINDOW_SPANS[window], moment, settings.tz, window_tz=zone
    )
    if day is None or day == local.date():
        return None
    return day


def call_day(manager: DialogManager) -> str:
    """`call_date` written with its weekday, "" when there is none."""
    day = call_date(manager)
    if day is None:
        return ""
    i18n: Translator = manager.middleware_data["i18n"]
    weekday = format_date(day, "EEEE", locale=i18n.locale)
    return f"{format_date(day, format='long', locale=i18n.locale)} ({weekday})"


async def summary_getter(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    return {
        **await form_getter(dialog_manager, **kwargs),
        **await insured_getter(dialog_manager),
        "call_on": call_day(dialog_manager),
    }


async def callback_sent_getter(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    sent = await sent_getter(dialog_manager, **kwargs)
    # the day the call is made, while the request waits for it (not once it is done)
    return {**sent, "call_on": "" if sent["moved"] else call_day(dialog_manager)}


# the summary's fields: each one's "✏️" and the step it reopens, named in words too
CALLBACK_FIELDS: tuple[Field, ...] = (
    ("phone", "btn-edit-phone", CallbackSG.phone),
    ("time", "btn-edit-time", CallbackSG.time),
    ("topic", "btn-edit-topic", CallbackSG.topic),
)


def _write_to_support() -> Start:
    """ "Write to support", once the member asked to be written to (`_offered_writing`); back
    from it, the form is where it was."""
    return Start(
        I18nButtonText("btn-write-support"), id="write", state=SupportChatSG.chat, when=WRITING
    )


def callback_dialog() -> Dialog:
    return MemberDialog(
        text_step(
            "callback-phone-prompt",
            "phone",
            on_phone,
            CallbackSG.phone,
            Button(
                I18nButtonText("btn-use-phone"),
                id="use_phone",
                on_click=on_use_confirmed,
                when="confirmed_phone",
            ),
            _write_to_support(),
            Cancel(I18nButtonText("btn-cancel")),
            getter=form_getter,
            takes=[MessageInput(on_contact, filter=ContentIs(ContentType.CONTACT))],
        ),
        choice_step(
            "callback-time-prompt",
            "time",
            "windows",
            TIME_WINDOWS,
            on_time,
            CallbackSG.time,
            I18nFormat("callback-time-zone", when="zone"),
            _write_to_support(),
            Cancel(I18nButtonText("btn-cancel")),
            getter=form_getter,
            aliases=TIME_ALIASES,  # "после обеда", "ввечері", "утром", "any time"
            read=window_in_sentence,  # "14:00", "в 10", "ввечері, бо вдень працюю"
            refused="request-time-refused",  # "только не утром"
            read_refused=window_refused,  # "перезвоните, только не утром, пожалуйста"
            on_refused=on_time_refused,  # "в пятницу, только не утром": Friday kept
            otherwise=on_time_other,  # "в пятницу": any time that day; "в 21:00": the hours
        ),
        text_step(
            "callback-topic-prompt",
            "topic",
            on_topic,
            CallbackSG.topic,
            Cancel(I18nButtonText("btn-cancel")),
        ),
        member_window(
            I18nFormat("callback-summary"),
            I18nFormat("callback-call-on", when="call_on"),
            I18nFormat("callback-summary-check"),
            I18nError(),
            Button(I18nButtonText("btn-send"), id="send", on_click=on_send),
            summary_input(on_send, CALLBACK_FIELDS),  # "да": sent; "изменить дату": that step
            Column(
                *edit_buttons(CALLBACK_FIELDS),
            ),
            Cancel(I18nButtonText("btn-cancel")),
            getter=summary_getter,
            state=CallbackSG.confirm,
        ),
        member_window(
            *sent_widgets(),
            I18nFormat("callback-call-on", when="call_on"),
            getter=callback_sent_getter,
            state=CallbackSG.sent,
            rests=True,
        ),
        on_start=on_start,
    )
