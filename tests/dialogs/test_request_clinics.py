"""The appointment form's clinic step with the clinic directory, as a Ukrainian member sees it:
the clinics of their city for the chosen specialty as buttons (paged), typing still works, a city
or specialty without clinics keeps the typed step."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy import select, update

from bot import render
from bot.i18n import TranslatorHub
from bot.services import clinics
from dialogs.requests.appointment.clinics import BUTTON_SHOWN
from storage.models import Clinic, Member
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card, stored_requests

T = TranslatorHub().get("uk")
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LONG_NAME = "Клініка " + "дуже довга назва " * 8
DIRECTORY = "\n".join(
    [
        "city;name;address;specialties;phone",
        *(f"Київ;Клініка {n};вул. Садова, {n};therapist;" for n in range(1, 8)),
        f"Київ;{LONG_NAME};вул. Довга, 1;therapist;",
        "Київ;<b>Стоматологія</b> «Усмішка»;вул. Саксаганського, 41;dentist;044 000 0341",
        "Львів;Клініка «Львівське здоров'я»;вул. Городоцька, 120;therapist;",
        "Київ;Закрита клініка;вул. Закрита, 1;therapist;",
    ]
)


async def directory(session_factory, tmp_path: Path, text: str = DIRECTORY) -> None:
    path = tmp_path / "clinics.csv"
    path.write_text(text + "\n", encoding="utf-8")
    async with session_factory() as session, session.begin():
        await clinics.import_clinics(session, clinics.read_clinics(path), NOW)
    if "Закрита" in text:  # a clinic the insurer dropped since: never offered
        closed = "\n".join(line for line in text.splitlines() if "Закрита" not in line)
        path.write_text(closed + "\n", encoding="utf-8")
        async with session_factory() as session, session.begin():
            report = await clinics.import_clinics(session, clinics.read_clinics(path), NOW)
        assert report.deactivated == 1


async def open_form(member: MemberClient, session_factory, home: str | None = None) -> None:
    await member_with_active_card(member, session_factory)
    await member.send("/language")
    await member.click(re.escape(T("language-name-uk")))
    if home is not None:
        async with session_factory() as session, session.begin():
            await session.execute(update(Member).values(home_address=home))
    await member.send("/menu")
    await member.click(re.escape(T("btn-new-request")))
    await member.click(re.escape(T("request-kind-appointment")))


async def asking(
    member: MemberClient,
    session_factory,
    tmp_path: Path,
    text: str = DIRECTORY,
    *,
    lang: str = "uk",
    home: str | None = None,
) -> None:
    """The directory of `text` imported, and a member with a card on the menu, the bot speaking
    `lang` to them, their home address `home`: about to ask about the clinics."""
    await directory(session_factory, tmp_path, text)
    await member_with_active_card(member, session_factory)
    if lang != "en":
        await member.send("/language")
        await member.click(re.escape(TranslatorHub().get(lang)(f"language-name-{lang}")))
    if home is not None:
        async with session_factory() as session, session.begin():
            await session.execute(update(Member).values(home_address=home))
    await member.send("/menu")


async def finish(member: MemberClient) -> str:
    await member.send("05.12.2026")
    await member.click(re.escape(T("time-window-morning")))
    await member.click(re.escape(T("btn-skip")))
    return member.text()


def clinic_buttons(member: MemberClient) -> list[str]:
    """The clinic buttons (paging, "another city" and "cancel" aside)."""
    others = {"◀️", "▶️", T("clinics-btn-other-city"), T("btn-cancel")}
    return [b for b in member.buttons() if b not in others]


async def test_the_city_then_its_clinics_are_buttons_paged_and_one_is_stored(
    member, session_factory, tmp_path
):
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory)
    await member.click(re.escape(T("specialty-therapist")))

    # no address in the profile: the cities with a therapist first
    assert T("clinics-city-prompt") in member.text()
    assert {"Київ", "Львів"} <= set(member.buttons())
    await member.click("Київ")

    assert T("clinics-pick-prompt", city="Київ") in member.text()
    first = clinic_buttons(member)
    assert len(first) == clinics.PAGE_SIZE
    assert first[0] == "Клініка 1 · вул. Садова, 1"
    assert not any("Закрита" in b or "Стоматологія" in b for b in first)  # inactive, a dentist
    assert "▶️" in member.buttons() and "◀️" not in member.buttons()
    await member.click("▶️")
    second = clinic_buttons(member)
    assert second[0] == "Клініка 7 · вул. Садова, 7"
    [long_button] = [b for b in second if b.startswith("Клініка дуже")]
    assert len(long_button) <= BUTTON_SHOWN and long_button.endswith("…")
    assert "◀️" in member.buttons() and "▶️" not in member.buttons()
    assert T("clinics-btn-other-city") in member.buttons()
    await member.click("Клініка 7 · .*")

    assert T("appointment-date-prompt") in member.text()
    summary = await finish(member)
    assert f"{T('field-clinic')}: Клініка 7, вул. Садова, 7, Київ" in summary
    assert "clinic_id" not in summary
    await member.click(re.escape(T("btn-send")))

    [request] = await stored_requests(session_factory)
    assert request.details["clinic"] == "Клініка 7, вул. Садова, 7, Київ"
    assert isinstance(request.details["clinic_id"], int)
    # the staff card and the member's request page write the answers with `render.detail_lines`
    staff = render.detail_lines(request.details, TranslatorHub().get("en"))
    assert "City / clinic: Клініка 7, вул. Садова, 7, Київ" in staff
    assert len(staff.splitlines()) == 4  # specialty, clinic, date, time: the id is not shown
    await member.send("/menu")
    await member.click(re.escape(T("btn-my-requests")))
    await member.click(f"{request.number}.*")
    assert f"{T('field-clinic')}: Клініка 7, вул. Садова, 7, Київ" in member.text()


async def test_the_home_address_picks_the_city_and_typing_still_works(
    member, session_factory, tmp_path
):
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory, home="м. Київ, вул. Січових Стрільців, 5")
    await member.click(re.escape(T("specialty-dentist")))

    # the member's city is known: its dentist at once, escaped where it enters the message
    assert T("clinics-pick-prompt", city="Київ") in member.text()
    assert clinic_buttons(member) == ["<b>Стоматологія</b> «Усмішка» · вул. Саксаганського, 41"]
    await member.send("Моя стоматологія на Подолі")  # typed, as before

    assert T("appointment-date-prompt") in member.text()
    summary = await finish(member)
    assert f"{T('field-clinic')}: Моя стоматологія на Подолі" in summary
    await member.click(re.escape(T("btn-send")))
    [request] = await stored_requests(session_factory)
    assert request.details["clinic"] == "Моя стоматологія на Подолі"
    assert "clinic_id" not in request.details


async def test_a_directory_clinic_typed_by_its_name_is_that_clinic(
    member, session_factory, tmp_path
):
    """ "в Усмішці" typed instead of pressed was stored as typed, without the clinic's address
    and its id: staff had to look it up. A clinic of the directory named (declined too, with
    the words for a clinic around it) is the one its button gives; a name it does not hold,
    or only a number, stays as typed."""
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory, home="м. Київ, вул. Січових Стрільців, 5")
    await member.click(re.escape(T("specialty-dentist")))
    await member.send("в стоматології Усмішці")
    summary = await finish(member)
    place = "<b>Стоматологія</b> «Усмішка», вул. Саксаганського, 41, Київ"
    assert f"{T('field-clinic')}: {place}" in summary
    await member.click(re.escape(T("btn-send")))
    [request] = await stored_requests(session_factory)
    assert request.details["clinic"] == place
    async with session_factory() as session:
        clinic = (
            await session.execute(select(Clinic).where(Clinic.address.contains("41")))
        ).scalar_one()
    assert request.details["clinic_id"] == clinic.id


def test_what_names_no_one_directory_clinic_is_kept_as_typed():
    def clinic(clinic_id: int, city: str, name: str, address: str) -> Clinic:
        return Clinic(
            id=clinic_id,
            city=city,
            city_key=city.casefold(),
            name=name,
            address=address,
            key=str(clinic_id),
        )

    found = [
        clinic(1, "Київ", "Медичний центр «Добробут»", "просп. Перемоги, 25"),
        clinic(2, "Київ", "Клініка 3", "вул. Садова, 3"),
        clinic(3, "Львів", "Клініка «Добробут»", "вул. Городоцька, 1"),
        clinic(4, "Алматы", "Dent-Lux", "Tole Bi st 55"),
    ]
    named = clinics.clinic_named
    assert named("Dent-Lux", found) is found[3]
    assert named("dent lux на Tole Bi", found) is found[3]
    assert named("Київ, Добробут", found) is found[0]
    assert named("Добробут", found, city="Львів") is found[2]
    assert named("Добробут", found) is None  # in two cities, none of them the member's
    assert named("в Добробуте на Перемоги", found) is found[0]
    assert named("Добробут на Оболоні", found) is None  # an address it does not have
    assert named("Клініка 3", found) is None  # a number alone tells no clinic
    assert named("Київ", found) is None
    assert named("Перемоги, 25", found) is None  # an address is not the clinic's name


async def test_another_city_lists_the_cities_again(member, session_factory, tmp_path):
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory, home="Київ")
    await member.click(re.escape(T("specialty-therapist")))
    await member.click(re.escape(T("clinics-btn-other-city")))
    assert T("clinics-city-prompt") in member.text()
    await member.click("Львів")
    await member.click("Клініка «Львівське здоров'я».*")
    summary = await finish(member)
    assert "Клініка «Львівське здоров'я», вул. Городоцька, 120, Львів" in summary


async def test_a_city_typed_where_the_cities_are_buttons_lists_its_clinics(
    member, session_factory, tmp_path
):
    """ "львів" typed instead of pressed was stored as the clinic, "Львів", and the list of
    its clinics never shown; a city with its clinic typed is still a typed clinic."""
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory)
    await member.click(re.escape(T("specialty-therapist")))
    assert T("clinics-city-prompt") in member.text()
    await member.send("львів")
    assert T("clinics-pick-prompt", city="Львів") in member.text()
    await member.click(re.escape(T("clinics-btn-other-city")))
    await member.send("Київ, Добробут")
    summary = await finish(member)
    assert "Київ, Добробут" in summary


async def test_a_city_or_specialty_without_clinics_keeps_the_typed_step(
    member, session_factory, tmp_path
):
    await directory(session_factory, tmp_path)
    # Lviv has a therapist but no dentist: the step is the typed one, as before the directory
    await open_form(member, session_factory, home="Львів, вул. Городоцька, 1")
    await member.click(re.escape(T("specialty-dentist")))
    assert T("appointment-clinic-prompt") in member.text()
    assert clinic_buttons(member) == []
    assert "Київ" not in member.buttons()
    await member.send("Львів, Дент-Арт")
    assert T("appointment-date-prompt") in member.text()

    # a specialty the member typed has no clinics anywhere
    await member.click(re.escape(T("btn-cancel")))
    await member.send("/menu")
    await member.click(re.escape(T("btn-new-request")))
    await member.click(re.escape(T("request-kind-appointment")))
    await member.click(re.escape(T("appointment-specialty-other")))
    await member.send("Алерголог")
    assert T("appointment-clinic-prompt") in member.text()
    assert member.buttons() == [T("btn-cancel")]


async def press_forged(member: MemberClient, like: str, item: str) -> None:
    """Press a button of the screen's kind (`like`'s widget) carrying another item."""
    data = member.button(like).callback_data or ""
    forged = InlineKeyboardButton(text="forged", callback_data=data.rsplit(":", 1)[0] + ":" + item)
    message = member.last().model_copy(
        update={"reply_markup": InlineKeyboardMarkup(inline_keyboard=[[forged]])}
    )
    await member.client.click(message, InlineButtonTextLocator("forged"))


async def test_a_clinic_made_inactive_meanwhile_or_a_forged_button_is_refused(
    member, session_factory, tmp_path
):
    await directory(session_factory, tmp_path)
    async with session_factory() as session:
        closed = await session.scalar(select(Clinic.id).where(Clinic.name == "Закрита клініка"))
    await open_form(member, session_factory)
    await member.click(re.escape(T("specialty-therapist")))
    await press_forged(member, "Київ", "not-a-number")
    assert T("clinics-city-prompt") in member.text()
    await member.click("Київ")
    await press_forged(member, "Клініка 1 · .*", str(closed))
    assert T("clinics-gone") in member.text()
    assert T("clinics-pick-prompt", city="Київ") in member.text()
    await press_forged(member, "Клініка 1 · .*", "²")
    assert T("clinics-gone") in member.text()
    assert await stored_requests(session_factory) == []


async def test_a_day_typed_before_the_clinic_is_pressed_answers_the_date_step(
    member, session_factory, tmp_path
):
    """ "у понеділок зранку" typed while the city's clinics are buttons: kept, and when a
    clinic is pressed the date and time steps are answered by it."""
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory, home="Київ")
    await member.click(re.escape(T("specialty-therapist")))
    await member.send("у понеділок зранку")
    assert "23 листопада 2026\u202fр., 🌅 Ранок, 8:00–12:00: записав як день візиту" in (
        member.text()
    )
    assert T("clinics-pick-prompt", city="Київ") in member.text()
    await member.click("Клініка 2 · .*")
    assert "Що варто знати клініці" in member.text()  # the date and time steps answered
    await member.click(re.escape(T("btn-skip")))
    summary = member.text()
    assert f"{T('field-clinic')}: Клініка 2, вул. Садова, 2, Київ" in summary
    assert "23 листопада 2026\u202fр. (понеділок)" in summary


async def test_a_day_noted_on_the_cities_is_not_said_again_over_a_city_s_clinics(
    member, session_factory, tmp_path
):
    """The day typed where the cities are buttons is noted ("…: noted as the day of the
    visit. First, where: choose the city…"); once the city is typed, its clinics' screen
    said "choose the city" still. The note is said; the day still answers the date step."""
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory)
    await member.click(re.escape(T("specialty-therapist")))
    await member.send("у понеділок зранку")
    assert "записав як день візиту" in member.text()
    await member.send("київ")
    assert T("clinics-pick-prompt", city="Київ") in member.text()
    assert "записав як день візиту" not in member.text()
    await member.click("Клініка 2 · .*")
    assert "Що варто знати клініці" in member.text()  # the date and time steps answered


async def test_a_directory_clinic_named_with_the_doctor_is_the_form_s_clinic(
    member, session_factory, tmp_path
):
    """ "запишіть до стоматолога в Усмішку на понеділок вранці": the doctor and the day were
    taken, the clinic asked again. A clinic of the directory named with the doctor is taken
    as if pressed, said so, and the day answers its step, said with it; a clinic it does not
    hold is asked for as before."""
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory)
    await member.click(re.escape(T("btn-cancel")))
    place = "<b>Стоматологія</b> «Усмішка», вул. Саксаганського, 41, Київ"
    offered = re.escape("📝 Нова заявка: 🩺 Запис до лікаря · Стоматолог")

    # the clinic alone named: said, and the date asked
    await member.send("/menu")
    await member.send("запишіть до стоматолога в Усмішку")
    await member.click(offered)
    assert f"🏥 {place}: записав як клініку." in member.text()
    assert T("appointment-date-prompt") in member.text()

    # one the directory does not hold: the clinic step, as before
    await member.click(re.escape(T("btn-cancel")))
    await member.send("/menu")
    await member.send("запишіть до стоматолога в Денталюкс на понеділок")
    await member.click(offered)
    assert "23 листопада 2026\u202fр.: записав як день візиту" in member.text()

    # with the day and time of day: on to the comment
    await member.click(re.escape(T("btn-cancel")))
    await member.send("/menu")
    await member.send("запишіть до стоматолога в Усмішку на понеділок вранці")
    await member.click(offered)
    assert "Що варто знати клініці" in member.text()  # the clinic, date and time answered
    assert (
        f"🏥 {place}: записав як клініку.\n"
        "📅 23 листопада 2026\u202fр., 🌅 Ранок, 8:00–12:00: записав як день візиту."
    ) in member.text()  # (each said: not the clinic alone, the day and time taken unsaid)
    await member.click(re.escape(T("btn-skip")))
    summary = member.text()
    assert f"{T('field-clinic')}: {place}" in summary
    assert "23 листопада 2026\u202fр. (понеділок)" in summary
    await member.click(re.escape(T("btn-send")))
    [request] = await stored_requests(session_factory)
    assert request.details["clinic"] == place
    assert request.details["clinic_id"] is not None


async def test_a_city_named_declined_or_in_another_spelling_shows_its_clinics(
    member, session_factory, tmp_path
):
    """ "до терапевта в Києві на вівторок" asked for the city again, and "Києві" typed on the
    city step was stored as the clinic: a city named with the doctor shows its clinics (the
    day kept, said so), and one typed declined or in another spelling ("у Львові", "в
    Киеве") is that city's clinics, on the cities' screen and where another city's are
    shown."""
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory)
    await member.click(re.escape(T("btn-cancel")))
    await member.send("/menu")
    await member.send("запишіть до терапевта в Києві на вівторок")
    await member.click(re.escape("📝 Нова заявка: 🩺 Запис до лікаря · Терапевт (сімейний лікар)"))
    assert T("clinics-pick-prompt", city="Київ") in member.text()
    assert "записав як день візиту. Спершу де: оберіть клініку або введіть її." in member.text()
    assert clinic_buttons(member)[0] == "Клініка 1 · вул. Садова, 1"

    await member.send("у Львові")  # another city, declined: its clinics, no clinic stored
    assert T("clinics-pick-prompt", city="Львів") in member.text()
    assert clinic_buttons(member) == ["Клініка «Львівське здоров'я» · вул. Городоцька, 120"]
    await member.send("в Киеве")
    assert T("clinics-pick-prompt", city="Київ") in member.text()
    await member.click("Клініка 2 · .*")
    await member.click(re.escape(T("time-window-morning")))  # (the day kept answered the date)
    await member.click(re.escape(T("btn-skip")))
    await member.click(re.escape(T("btn-send")))
    [request] = await stored_requests(session_factory)
    assert request.details["clinic"] == "Клініка 2, вул. Садова, 2, Київ"

    await member.send("/menu")
    await member.click(re.escape(T("btn-new-request")))
    await member.click(re.escape(T("request-kind-appointment")))
    await member.click(re.escape(T("specialty-therapist")))
    assert T("clinics-city-prompt") in member.text()
    await member.send("Києві")  # on the cities' screen
    assert T("clinics-pick-prompt", city="Київ") in member.text()


async def test_a_question_about_the_clinics_is_answered_from_the_directory(
    member, session_factory, tmp_path
):
    """ "які клініки є в Києві?", "адреса клініки Усмішка" and "список клінік" went to
    support, though the bot holds the insurer's clinic directory: a city's clinics are listed
    (the member's home city when none is named; the cities, with neither), a clinic named is
    shown with its address, phone and doctors; each with how to book. "где моя заявка?" is
    not about the clinics."""
    await directory(session_factory, tmp_path)
    await member_with_active_card(member, session_factory)
    await member.send("/language")
    await member.click(re.escape(T("language-name-uk")))

    await member.send("/menu")
    await member.send("які клініки є у Львові?")
    assert (
        "🏥 Клініки в місті Львів (1):\n• Клініка «Львівське здоров'я» · вул. Городоцька, 120"
        in (member.text())
    )
    assert "Щоб записатися на прийом: «📝 Нова заявка» → «🩺 Запис до лікаря»." in member.text()
    assert "✉️ Надіслати в підтримку" not in member.buttons()

    await member.send("адреса клініки Усмішка")
    assert (
        "🏥 <b>Стоматологія</b> «Усмішка»\n📍 вул. Саксаганського, 41, Київ\n📞 +380 44 000 0341\n"
        "🩺 Лікарі: Стоматолог" in member.text()
    )  # (the name as the directory writes it, escaped: shown as typed)

    await member.send("список клінік")  # no city named, none in the profile: the cities
    assert "🏥 Наші клініки є в містах: Київ, Львів. Назвіть місто" in member.text()
    async with session_factory() as session, session.begin():
        await session.execute(update(Member).values(home_address="Київ, вул. Садова 3"))
    await member.send("список клінік")  # the home city's, the first ten and how many more
    assert "🏥 Клініки в місті Київ (9):" in member.text()
    assert "…і ще" not in member.text()
    assert "Клініка 1 · вул. Садова, 1" in member.text()
    assert "Закрита" not in member.text()

    await member.send("где моя заявка?")  # not the clinics
    assert "Клініки в місті" not in member.text()


async def test_a_city_with_more_clinics_than_one_answer_lists_counts_the_rest(
    member, session_factory, tmp_path
):
    """A city of twelve clinics: its first ten are listed (by name), and the rest counted, with
    how to see them (the doctor named when booking)."""
    rows = [f"Київ;Клініка {n:02d};вул. Садова, {n};therapist;" for n in range(1, 13)]
    await directory(
        session_factory, tmp_path, "\n".join(["city;name;address;specialties;phone", *rows])
    )
    await member_with_active_card(member, session_factory)
    await member.send("/language")
    await member.click(re.escape(T("language-name-uk")))
    await member.send("/menu")
    await member.send("клініки у Києві")
    assert "🏥 Клініки в місті Київ (12):\n• Клініка 01 · вул. Садова, 1" in member.text()
    assert "• Клініка 10 · вул. Садова, 10\n…і ще 2. Назвіть лікаря" in member.text()
    assert "Клініка 11" not in member.text()


async def test_a_doctor_s_or_a_street_s_list_longer_than_one_answer_counts_the_rest(
    member, session_factory, tmp_path
):
    """A doctor asked about with no city known, seen in twelve clinics of two cities, and a
    street with twelve clinics on it: the first ten are listed, each with its city, and the
    rest counted, with where all of them are (the booking form)."""
    rows = [
        f"{'Київ' if n % 2 else 'Львів'};Клініка {n:02d};вул. Садова, {n};therapist;"
        for n in range(1, 13)
    ]
    await asking(member, session_factory, tmp_path, "\n".join([DIRECTORY.splitlines()[0], *rows]))
    more = T("directory-more-in-form", more=2)

    await member.send("де приймає терапевт?")  # by city, then by name
    doctor = T("specialty-therapist")
    assert T("directory-doctor-all", doctor=doctor, count=12) in member.text()
    assert "• Клініка 01 · вул. Садова, 1, Київ\n• Клініка 03 · вул. Садова, 3, Київ" in (
        member.text()
    )
    assert f"• Клініка 08 · вул. Садова, 8, Львів\n{more}" in member.text()
    assert "Клініка 10" not in member.text() and "Клініка 12" not in member.text()

    await member.send("які клініки на Садовій?")
    assert T("directory-street", count=12) in member.text()
    assert f"• Клініка 08 · вул. Садова, 8, Львів\n{more}" in member.text()
    assert "Клініка 10" not in member.text()


ALMATY = "\n".join(
    [
        "city;name;address;specialties;phone",
        "Алматы;Medeu Polyclinic;Zheltoksan st 112;therapist|ent;+7 727 300 0612",
        "Алматы;Alatau Health;Al-Farabi ave 77/8;therapist|cardiologist;+7 727 300 0778",
        "Алматы;Green Clinic;Furmanov st 150;therapist;+7 727 300 0850",
        "Київ;Медичний центр «Добробут»;просп. Перемоги, 25;therapist;+380 44 000 0225",
    ]
)


def _clinics(rows: list[tuple[str, str, str]]) -> list[Clinic]:
    """Clinics of (city, name, address), as the directory's readers take them (not stored)."""
    return [
        Clinic(id=n, city=city, city_key=city.casefold(), name=name, address=address, key=str(n))
        for n, (city, name, address) in enumerate(rows)
    ]


def test_a_clinic_of_local_words_is_named_in_either_script():
    """Almaty's clinics are written in Latin ("Medeu Polyclinic", "Zheltoksan st"); a member
    writes them in Cyrillic, "Медеу", "на Желтоксан", and a member in English writes Kyiv's
    «Добробут» as "Dobrobut": each names that clinic. English words are written as they are
    said, not letter by letter: "Грин" is "Green", "Смайл" "Smile" ("Грин" was kept as typed);
    a short word is not its letters ("но" is not "No.")."""
    found = _clinics(
        [
            ("Алматы", "Medeu Polyclinic", "Zheltoksan st 112"),
            ("Алматы", "Alatau Health", "Al-Farabi ave 77/8"),
            ("Алматы", "City Clinic No. 4", "Abay ave 10"),
            ("Київ", "Медичний центр «Добробут»", "просп. Перемоги, 25"),
            ("Алматы", "Green Clinic", "Furmanov st 150"),
            ("Алматы", "Smile Dental", "Abay ave 1"),
            ("Київ", "Happy Kids", "вул. Садова, 1"),
        ]
    )
    named, in_message = clinics.clinic_named, clinics.clinic_in_message
    assert named("Медеу", found) is found[0]
    assert named("поликлиника Медеу на Желтоксан", found) is found[0]
    assert named("Алатау", found) is found[1]
    assert named("Dobrobut", found) is found[3]
    assert named("Dobrobut, Peremohy 25", found) is found[3]
    assert named("Грин", found) is found[4]
    assert named("Смайл Дентал", found) is found[5]
    assert named("Хеппі Кідс", found) is found[6]  # (as Ukrainian writes it)
    assert in_message("запишите к стоматологу в Смайл на пятницу", found) is found[5]
    assert named("Грейс", found) is None
    assert named("но 4", found) is None
    assert in_message("запишите к лору в Медеу на пятницу", found) is found[0]
    assert in_message("к кардиологу в Алатау", found) is found[1]
    assert in_message("телефон Медеу", found, anywhere=True) is found[0]


async def test_a_russian_speaking_member_names_a_latin_clinic_in_cyrillic(
    member, session_factory, tmp_path
):
    """A member in Almaty typed "Медеу" on the clinic step: it was stored as typed, without the
    clinic's address, and "телефон клиники Медеу" went to support. Both are Medeu Polyclinic
    now: the form's clinic, and the directory's answer with its phone."""
    ru = TranslatorHub().get("ru")
    await directory(session_factory, tmp_path, ALMATY)
    await member_with_active_card(member, session_factory)
    await member.send("/language")
    await member.click(re.escape(ru("language-name-ru")))
    async with session_factory() as session, session.begin():
        await session.execute(update(Member).values(home_address="Алматы, Абая 10"))

    await member.send("телефон клиники Медеу")
    assert "🏥 Medeu Polyclinic\n📍 Zheltoksan st 112, Алматы\n📞 +7 727 300 0612" in member.text()
    await member.send("адрес клиники Грин")  # an English word, as it is said
    assert "🏥 Green Clinic\n📍 Furmanov st 150, Алматы\n📞 +7 727 300 0850" in member.text()

    await member.send("/menu")
    await member.click(re.escape(ru("btn-new-request")))
    await member.click(re.escape(ru("request-kind-appointment")))
    await member.click(re.escape(ru("specialty-ent")))
    assert "Medeu Polyclinic · Zheltoksan st 112" in member.buttons()
    await member.send("в поликлинику Медеу")
    await member.send("05.12.2026")
    await member.click(re.escape(ru("time-window-morning")))
    await member.click(re.escape(ru("btn-skip")))
    place = "Medeu Polyclinic, Zheltoksan st 112, Алматы"
    assert f"{ru('field-clinic')}: {place}" in member.text()
    await member.click(re.escape(ru("btn-send")))
    [request] = await stored_requests(session_factory)
    assert request.details["clinic"] == place
    assert request.details["clinic_id"] is not None


DOCTORS = "\n".join(
    [
        "city;name;address;specialties;phone",
        "Алматы;Medeu Polyclinic;Zheltoksan st 112;therapist|ent;+7 727 300 0612",
        "Алматы;Alatau Health;Al-Farabi ave 77/8;therapist|cardiologist;+7 727 300 0778",
        "Алматы;Green Clinic;Furmanov st 150;therapist;+7 727 300 0850",
        "Київ;Медичний центр «Добробут»;просп. Перемоги, 25;therapist|dermatologist;",
    ]
)


async def test_a_question_naming_a_doctor_lists_the_clinics_that_see_them(
    member, session_factory, tmp_path
):
    """ "какие клиники с лором в Алматы?" listed every clinic of Almaty, Green Clinic too, which
    sees no ENT; "где есть кардиолог?" went to support. The clinics listed are those that see
    the doctor named: the city's (the home city's when none is named); those of other cities,
    each with its city, where the city has none; every city's when no city is known; and that
    none is listed when no clinic sees that doctor. A question about a request made, one that
    asks something else of a doctor (a limit, a referral), a message that is no question, or
    one that asks when clinics work (the directory knows no hours) is not the directory's."""
    ru = TranslatorHub().get("ru")
    await asking(member, session_factory, tmp_path, DOCTORS, lang="ru", home="Алматы, Абая 10")

    await member.send("какие клиники с лором в Алматы?")
    assert (
        "🏥 ЛОР в городе Алматы, клиники (1):\n• Medeu Polyclinic · Zheltoksan st 112 · "
        "+7 727 300 0612\nЧтобы записаться на приём: «📝 Новая заявка» → «🩺 Запись к врачу»."
    ) in member.text()
    assert "Green Clinic" not in member.text()

    await member.send("где есть кардиолог?")  # the home city's
    assert "🏥 Кардиолог в городе Алматы, клиники (1):\n• Alatau Health ·" in member.text()
    assert "Medeu" not in member.text()
    assert "✉️ Отправить в поддержку" not in member.buttons()

    await member.send("где принимает дерматолог?")  # none in Almaty: Kyiv's, with the city
    assert (
        "🏥 Дерматолог: в городе Алматы в наших клиниках не принимает. В других городах (1):\n"
        "• Медичний центр «Добробут» · просп. Перемоги, 25, Київ\n"
    ) in member.text()

    await member.send("в какой клинике есть гинеколог?")
    assert "🏥 Гинеколог: в нашем списке клиник такого врача нет." in member.text()

    await member.send("is there a dermatologist in Kyiv?")  # the city named, in English
    assert "🏥 Дерматолог в городе Київ, клиники (1):\n• Медичний центр" in member.text()

    await member.send("где моя заявка к кардиологу?")  # a request made: not the directory
    assert ru("input-about-request") in member.text()
    # no question, or something else asked of a doctor, or when the clinics work: support's
    for said in (
        "кардиолог где-то потерял мои анализы",
        "есть ли лимит на стоматолога?",
        "где взять направление к кардиологу?",
        "где кардиолог? я жду уже час",
        "какие клиники работают в выходные?",
    ):
        await member.send(said)
        assert "🏥" not in member.text(), said
        assert "✉️ Отправить в поддержку" in member.buttons(), said

    async with session_factory() as session, session.begin():
        await session.execute(update(Member).values(home_address=None))
    await member.send("в какой клинике принимает терапевт?")  # no city known: every city's
    assert "🏥 Терапевт (семейный врач), наши клиники (4):\n• Alatau Health · " in member.text()
    assert "• Медичний центр «Добробут» · просп. Перемоги, 25, Київ" in member.text()


@pytest.mark.parametrize("lang", ["uk", "ru", "kk", "en"])
async def test_the_example_a_long_list_gives_lists_the_clinics_of_that_doctor(
    member, session_factory, tmp_path, lang
):
    """A city of twelve clinics lists ten and counts the rest, with an example question that
    names a doctor; that example, typed as given in each language, lists the city's clinics
    that see a dentist, and only those."""
    t = TranslatorHub().get(lang)
    rows = [f"Київ;Клініка {n:02d};вул. Садова, {n};therapist;" for n in range(1, 13)]
    rows += ["Київ;Стоматологія «Усмішка»;вул. Саксаганського, 41;dentist;"]
    text = "\n".join(["city;name;address;specialties;phone", *rows])
    await asking(member, session_factory, tmp_path, text, lang=lang, home="Київ, вул. Садова 3")
    await member.send({"uk": "список клінік", "ru": "список клиник", "kk": "емханалар тізімі",
                       "en": "list of clinics"}[lang])  # fmt: skip
    more = t("directory-more", more=3, city="Київ")
    assert more in member.text()
    [example] = re.findall(r"[«“]([^»”]+)[»”]", more)

    await member.send(example)
    dentist = t("specialty-dentist")
    assert t("directory-doctor-city", doctor=dentist, city="Київ", count=1) in member.text()
    assert "• Стоматологія «Усмішка» · вул. Саксаганського, 41" in member.text()
    assert "Клініка 01" not in member.text()


async def test_a_clinic_asked_by_its_street_is_the_one_there(member, session_factory, tmp_path):
    """ "яка клініка на Саксаганського?" listed every clinic of Kyiv, and "есть ли клиника на
    Фурманова?" every clinic of Almaty: the street named is now the clinic on it, shown with
    its address, phone and doctors (declined, in the other script), and several on one street
    are listed, each with its city."""
    await asking(member, session_factory, tmp_path)

    await member.send("яка клініка на Саксаганського?")
    assert "🏥 <b>Стоматологія</b> «Усмішка»\n📍 вул. Саксаганського, 41, Київ\n" in member.text()
    await member.send("де клініка на Городоцькій?")
    assert "🏥 Клініка «Львівське здоров'я»\n📍 вул. Городоцька, 120, Львів" in member.text()
    await member.send("які клініки є на Садовій?")
    assert "🏥 Наші клініки за названою адресою (7):\n• Клініка 1 · вул. Садова, 1, Київ\n" in (
        member.text()
    )
    assert "Довга" not in member.text()


async def test_a_street_in_latin_is_named_in_cyrillic(member, session_factory, tmp_path):
    """Almaty's addresses are written in Latin ("Furmanov st 150"); "на Фурманова" names the
    clinic there, and a doctor asked for on a street, the clinic there that sees them."""
    await asking(member, session_factory, tmp_path, DOCTORS, lang="ru")
    await member.send("есть ли клиника на Фурманова?")
    assert "🏥 Green Clinic\n📍 Furmanov st 150, Алматы\n📞 +7 727 300 0850" in member.text()
    await member.send("где есть кардиолог на Аль-Фараби?")
    assert "🏥 Alatau Health\n📍 Al-Farabi ave 77/8, Алматы" in member.text()


async def test_a_directory_clinic_typed_by_its_address_is_that_clinic(
    member, session_factory, tmp_path
):
    """On the clinic step, "на Садовій, 3" was stored as typed, without the clinic it is the
    address of: it is that clinic now, as its button gives it. A street alone where several
    clinics are, or a clinic named beside the street, is kept as typed."""
    await directory(session_factory, tmp_path)
    await open_form(member, session_factory, home="м. Київ, вул. Січових Стрільців, 5")
    await member.click(re.escape(T("specialty-therapist")))
    await member.send("на Садовій, 3")
    summary = await finish(member)
    assert f"{T('field-clinic')}: Клініка 3, вул. Садова, 3, Київ" in summary
    await member.click(re.escape(T("btn-send")))
    [request] = await stored_requests(session_factory)
    assert request.details["clinic"] == "Клініка 3, вул. Садова, 3, Київ"
    assert isinstance(request.details["clinic_id"], int)

    found = _clinics(
        [
            ("Алматы", "Green Clinic", "Furmanov st 150"),
            ("Київ", "Клініка 1", "вул. Садова, 1"),
            ("Київ", "Клініка 2", "вул. Садова, 2"),
        ]
    )
    assert clinics.clinic_at("улица Фурманова, 150", found) is found[0]  # in Cyrillic
    assert clinics.clinic_at("на Садовій", found) is None  # which of the two
    assert clinics.clinic_at("Клиника Здоровье на Фурманова 20", found) is None  # another
    assert clinics.clinic_at("Фурманова 20", found) is None  # another building


async def test_the_doctor_asked_about_is_one_press_from_a_visit(member, session_factory, tmp_path):
    """The clinics that see the doctor asked about come with that visit offered, on the active
    card: pressed, the form opens at the clinic step, at the clinics of the city the question
    named."""
    ru = TranslatorHub().get("ru")
    await asking(member, session_factory, tmp_path, DOCTORS, lang="ru")
    await member.send("is there a dermatologist in Kyiv?")
    offer = "📝 Новая заявка: 🩺 Запись к врачу · Дерматолог"
    assert offer in member.buttons()
    await member.click(re.escape(offer))
    assert ru("clinics-pick-prompt", city="Київ") in member.text()
    assert "Медичний центр «Добробут» · просп. Перемоги, 25" in member.buttons()
    assert not any("Alatau" in button for button in member.buttons())
    await member.click("Медичний центр .*")
    await member.send("05.12.2026")
    await member.click(re.escape(ru("time-window-morning")))
    await member.click(re.escape(ru("btn-skip")))
    await member.click(re.escape(ru("btn-send")))
    [request] = await stored_requests(session_factory)
    assert request.details["specialty"] == "dermatologist"
    assert request.details["clinic"] == "Медичний центр «Добробут», просп. Перемоги, 25, Київ"
    assert request.details.get("comment") is None  # the question is no comment for the clinic


TWO_COUNTRIES = "\n".join(
    [
        "city;name;address;specialties;phone",
        "Алматы;Alatau Health;Al-Farabi ave 77/8;therapist|cardiologist;+7 727 300 0778",
        "Алматы;Green Clinic;Furmanov st 150;therapist|dermatologist;+7 727 300 0850",
        "Астана;Capital Medical Centre;Kabanbay Batyr ave 53;therapist|cardiologist;"
        "+7 7172 00 0153",
        "Київ;Медичний центр «Добробут»;просп. Перемоги, 25;therapist|cardiologist;"
        "+380 44 000 0225",
        "Львів;Клініка «Львівське здоров'я»;вул. Городоцька, 120;therapist|cardiologist;"
        "+380 322 000 120",
    ]
)


async def test_a_directory_of_two_countries_offers_the_member_s_own(
    member, session_factory, tmp_path
):
    """A directory may hold two insurers' countries (the demo's does: Almaty and Kyiv). A
    member in Ukraine (their phone's country) with no home city was offered Almaty's and
    Astana's clinics too: where a cardiologist is, which cities there are, the form's city
    buttons. Now those are their country's; a city typed or asked about by name is still
    answered wherever it is, and a doctor no clinic of their country sees is said to be none.
    A home address in a city of the directory is their country, whatever the phone's."""
    await asking(member, session_factory, tmp_path, TWO_COUNTRIES)

    await member.send("де є кардіолог?")
    assert "🏥 Кардіолог, наші клініки (2):\n• Медичний центр «Добробут» ·" in member.text()
    assert "Alatau" not in member.text() and "Capital" not in member.text()
    await member.send("які клініки у вас є?")
    assert T("directory-cities", cities="Київ, Львів", example="Київ") in member.text()
    await member.send("де є кардіолог в Алмати?")  # a city named: that city's, wherever
    assert "🏥 Кардіолог у місті Алматы, клініки (1):\n• Alatau Health ·" in member.text()
    await member.send("де є дерматолог?")  # Almaty's only: none of their country's
    assert T("directory-doctor-none", doctor=T("specialty-dermatologist")) in member.text()

    await member.send("/menu")
    await member.click(re.escape(T("btn-new-request")))
    await member.click(re.escape(T("request-kind-appointment")))
    await member.click(re.escape(T("specialty-cardiologist")))
    assert clinic_buttons(member) == ["Київ", "Львів"]
    await member.send("Алмати")  # typed: that city's clinics, as before
    assert clinic_buttons(member) == ["Alatau Health · Al-Farabi ave 77/8"]

    # a home in Astana: Kazakhstan's, whatever the phone's country
    async with session_factory() as session, session.begin():
        await session.execute(update(Member).values(home_address="Астана, Кабанбай батыра 1"))
    await member.send("/menu")
    await member.send("де є дерматолог?")  # none in Astana: Almaty's, not "none"
    assert (
        "🏥 Дерматолог: у місті Астана у наших клініках не приймає. В інших містах (1):\n"
        "• Green Clinic · Furmanov st 150, Алматы ·"
    ) in member.text()
    await member.click(re.escape(T("btn-new-request")))
    await member.click(re.escape(T("request-kind-appointment")))
    await member.click(re.escape(T("specialty-cardiologist")))
    assert clinic_buttons(member) == ["Capital Medical Centre · Kabanbay Batyr ave 53"]
    await member.click(re.escape(T("clinics-btn-other-city")))
    assert clinic_buttons(member) == ["Алматы", "Астана"]


def test_a_city_s_country_is_its_clinics_phones_and_unknown_is_every_country():
    """`country_cities`: the cities of the member's country and those no phone places; every
    city (None) when the member's country is unknown or the directory has no city in it."""
    phones = {"алматы": "+77273000778", "київ": "+380440000225", "львів": None}
    assert clinics.country_cities(phones, "UA") == {"київ", "львів"}
    assert clinics.country_cities(phones, "KZ") == {"алматы", "львів"}
    assert clinics.country_cities(phones, "PL") is None
    assert clinics.country_cities(phones, None) is None
