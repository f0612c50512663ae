"""The appointment form's clinic step: the directory's clinics of the member's city for the chosen
specialty as buttons, paged; the cities with such clinics when the city is not known yet (the
member's home address names it, or they press one); typing a clinic's name works throughout.
Without clinics for the specialty (or a specialty typed by the member) the step is typed only."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Button, Column, Group, Select, StubScroll
from aiogram_dialog.widgets.text import Format
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import cards, clinics
from bot.services.forms import clean_text, match_choice, read_date_and_time, read_date_time_said
from bot.services.phones import shown_phone
from bot.textfit import cut
from dialogs.common import (
    clear_error,
    fmt_date,
    member_window,
    on_not_text,
    page_buttons,
    picked_id,
    place_input,
    scroll_page,
    set_error,
    set_notice,
    set_scroll_page,
    today,
)
from dialogs.requests.appointment import handlers
from dialogs.requests.appointment.handlers import keep_day, on_date_text
from dialogs.requests.common import EDITING, advance
from dialogs.requests.dates import DATE_AHEAD, answer_kept_day
from dialogs.states import AppointmentSG
from dialogs.text_input import refuse_text
from dialogs.widgets import I18nButtonText, I18nFormat
from dialogs.widgets.i18n import ERROR_KEY
from storage.models import Clinic, Member

PAGES = "clinic_pages"
CITY = "clinic_city"  # the city whose clinics are shown; "" once the member asked for the list
CLINIC_MAX = 200  # a typed clinic
BUTTON_SHOWN = 60  # a longer button label is cut by Telegram's apps anyway; cut it with "…"
CITIES_SHOWN = 8  # city buttons on one page


async def clinic_getter(
    dialog_manager: DialogManager, session: AsyncSession, member: Member, **_: Any
) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    specialty = str(data.get("specialty") or "")
    chosen = data.get(CITY)
    lives = await clinics.home_city(session, member.home_address)
    # the cities of the member's country: the chosen city's, their home's, else their phone's
    phone = await cards.home_phone(session, member)
    known = await clinics.cities(session, specialty, near=chosen or lives, phone=phone)
    home = lives if chosen is None and known else None
    city = chosen if chosen is not None else home
    page = await scroll_page(dialog_manager, PAGES)
    shown: list[tuple[str, str]] = []
    pages = 0
    if city:
        found, pages = await clinics.clinics_page(session, city, specialty, page)
        if pages and page >= pages:  # the list got shorter since the page was turned
            page = pages - 1
            found, pages = await clinics.clinics_page(session, city, specialty, page)
        shown = [(str(c.id), cut(f"{c.name} · {c.address}", BUTTON_SHOWN)) for c in found]
    cities: list[tuple[str, str]] = []
    if not shown and known and not home:  # the member's own city has none: typed, as before
        pages = -(-len(known) // CITIES_SHOWN)
        page = min(page, pages - 1)
        part = known[page * CITIES_SHOWN : (page + 1) * CITIES_SHOWN]
        cities = [(str(clinic_id), cut(name, BUTTON_SHOWN)) for clinic_id, name in part]
    return {
        "clinics": shown,
        "cities": cities,
        "city": city or "",
        "has_clinics": bool(shown),
        "has_cities": bool(cities),
        "typed_only": not shown and not cities,
        "other_city": bool(shown) and len(known) > 1,
        "pages": pages,
    }


def _session(manager: DialogManager) -> AsyncSession:
    session: AsyncSession = manager.middleware_data["session"]
    return session


async def on_pick(
    _callback: CallbackQuery, _widget: Any, manager: DialogManager, item: str
) -> None:
    specialty = str(manager.dialog_data.get("specialty") or "")
    clinic_id = picked_id(item)
    clinic = (
        await clinics.offered(_session(manager), clinic_id, specialty)
        if clinic_id is not None
        else None
    )
    if clinic is None:  # made inactive by an import since the page was shown
        set_error(manager, "clinics-gone")
        return
    _keep_clinic(manager, clinic)
    await to_date(manager)


def _keep_clinic(manager: DialogManager, clinic: Clinic) -> None:
    """The directory's clinic as the form's answer: its name, address and city, its id, and
    its phone when the directory has one."""
    place = f"{clinic.name}, {clinic.address}"
    if clinics.fold(clinic.city) not in clinics.fold(clinic.address):
        place += f", {clinic.city}"
    manager.dialog_data["clinic"] = place
    manager.dialog_data["clinic_id"] = clinic.id
    manager.dialog_data["clinic_phone"] = shown_phone(clinic.phone) if clinic.phone else None


async def on_city(
    _callback: CallbackQuery, _widget: Any, manager: DialogManager, item: str
) -> None:
    city_id = picked_id(item)
    if city_id is None:  # not a button this step sent
        return
    manager.dialog_data[CITY] = await clinics.city_of(_session(manager), city_id) or ""
    # the city's clinics: a word said on the cities' screen ("📅 …: noted; first, where: choose
    # the city") is said (a press clears it; a city typed, here)
    clear_error(manager)
    await set_scroll_page(manager, PAGES, 0)


async def on_other_city(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    manager.dialog_data[CITY] = ""
    await set_scroll_page(manager, PAGES, 0)


async def on_typed_clinic(message: Message, widget: Any, manager: DialogManager, text: str) -> None:
    data = manager.middleware_data
    shown = await clinic_getter(manager, data["session"], data["member"])
    city = match_choice(text, shown["cities"], by_word=False) if shown["has_cities"] else None
    if city is not None:
        # a city alone, typed where the cities are buttons: its clinics, as its button shows
        await on_city(message, widget, manager, city)  # type: ignore[arg-type]
        return
    specialty = str(manager.dialog_data.get("specialty") or "")
    other = clinics.city_alone(text, await clinics.cities(data["session"], specialty))
    if other is not None:
        # declined or in another spelling ("у Львові", "в Киеве"), here or where another
        # city's clinics are shown: that city's clinics, not a clinic named "Києві"
        await on_city(message, widget, manager, str(other[0]))  # type: ignore[arg-type]
        return
    typed = read_date_time_said(text, today(manager), future=True)
    if typed.value is not None and not text.strip().isdigit():
        # "в понеділок зранку": the next step's answer, not a place (a number alone may be a
        # clinic's); kept for that step, unless only the clinic is being changed
        if manager.dialog_data.get(EDITING):
            set_error(manager, "appointment-clinic-is-date", date=fmt_date(typed.value, manager))
        else:
            keep_day(manager, text, typed)
        return
    place, ahead = _place_and_day(text, manager)
    clinic = clean_text(place, max_len=CLINIC_MAX)
    if clinic is None:
        refuse_text(manager, text, CLINIC_MAX, "appointment-clinic-invalid", max=CLINIC_MAX)
        return
    known = await clinics.named(_session(manager), clinic, specialty, shown["city"] or None)
    if known is not None:  # "Добробут", "в Усмішці": the directory's, as its button gives it
        _keep_clinic(manager, known)
    else:
        manager.dialog_data["clinic"] = clinic
        manager.dialog_data["clinic_id"] = manager.dialog_data["clinic_phone"] = None
    if ahead is not None:
        manager.dialog_data[DATE_AHEAD] = ahead
    await to_date(manager)


def _place_and_day(text: str, manager: DialogManager) -> tuple[str, str | None]:
    """ "Алматы, в понедельник утром": the place, and the day after its last comma for the
    date step; `text` and None when no day ends it (a number alone there is a building's),
    or when only the clinic is being changed."""
    place, comma, tail = text.rpartition(",")
    tail = tail.strip()
    if not comma or not place.strip() or tail.isdigit() or manager.dialog_data.get(EDITING):
        return text, None
    day, _window = read_date_and_time(tail, today(manager), future=True)
    return (place.strip(), tail) if day is not None else (text, None)


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """The form opened (`handlers.on_start`), and a clinic of the directory the message named
    with its doctor ("к стоматологу в Dent-Lux на пятницу", `clinics.named_in_message`) taken
    as if pressed: on to the date step, which the day named with it answers, the clinic said;
    a city named, "в Києві" (`clinics.city_named`), its clinics shown. The comment the message
    was kept as, said last (`handlers.say_comment_kept`)."""
    await handlers.on_start(start_data, manager)
    await _named_with(start_data, manager)
    handlers.say_comment_kept(manager)


async def _named_with(start_data: Any, manager: DialogManager) -> None:
    """The clinic or the city named with the doctor (`on_start`)."""
    said = start_data.get(DATE_AHEAD) if isinstance(start_data, dict) else None
    specialty = manager.dialog_data.get("specialty")
    if not isinstance(said, str) or not specialty:
        return
    clinic = await clinics.named_in_message(_session(manager), said, str(specialty))
    if clinic is None:
        # a city named with the doctor ("до терапевта в Києві на вівторок"): its clinics
        city = clinics.city_named(said, await clinics.cities(_session(manager), str(specialty)))
        if city is not None:
            manager.dialog_data[CITY] = city[1]
            notice = manager.dialog_data.get(ERROR_KEY)
            if isinstance(notice, dict) and notice.get("key") == "appointment-clinic-date-kept":
                notice["key"] = "appointment-clinic-date-kept-city"  # (not "choose the city")
        return
    kept = manager.dialog_data.get(ERROR_KEY)  # the day named with them, said kept
    _keep_clinic(manager, clinic)
    await to_date(manager)
    if ERROR_KEY in manager.dialog_data:  # what answering the date said comes first
        return
    place = manager.dialog_data["clinic"]
    if isinstance(kept, dict) and kept.get("key") == "appointment-clinic-date-kept":
        # the day (and time) answered their steps too: said with the clinic
        set_notice(manager, "appointment-clinic-day-kept", clinic=place, **kept["args"])
    else:
        set_notice(manager, "appointment-clinic-kept", clinic=place)


async def to_date(manager: DialogManager) -> None:
    """On from the clinic: the date step, answered at once by a day typed before where the
    clinic was asked ("в понеділок зранку", `DATE_AHEAD`), as if typed there."""
    await advance(manager, AppointmentSG.date, AppointmentSG.confirm)
    await answer_kept_day(manager, AppointmentSG.date, on_date_text)


def clinic_step(*widgets: Any) -> Window:
    """The step's window; `widgets` (e.g. "Cancel") come last."""
    return member_window(
        I18nFormat("appointment-clinic-prompt", when="typed_only"),
        I18nFormat("clinics-pick-prompt", when="has_clinics"),
        I18nFormat("clinics-city-prompt", when="has_cities"),
        Column(
            Select(
                Format("{item[1]}"),
                id="clinic_pick",
                item_id_getter=lambda i: i[0],
                items="clinics",
                on_click=on_pick,
            )
        ),
        Group(
            Select(
                Format("{item[1]}"),
                id="clinic_city",
                item_id_getter=lambda i: i[0],
                items="cities",
                on_click=on_city,
            ),
            width=2,
        ),
        StubScroll(PAGES, pages="pages"),
        page_buttons(PAGES, "btn-prev", "btn-next"),
        Button(
            I18nButtonText("clinics-btn-other-city"),
            id="other_city",
            on_click=on_other_city,
            when="other_city",
        ),
        TextInput(id="clinic", on_success=on_typed_clinic),
        # the clinic shared as a venue: its name and address
        place_input(on_typed_clinic, "input-location-not-clinic"),
        MessageInput(on_not_text),
        *widgets,
        getter=clinic_getter,
        state=AppointmentSG.clinic,
    )
