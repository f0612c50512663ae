"""A member's question about the clinics, answered from the insurer's clinic directory
(`bot/services/clinics.py:directory_answer`): a clinic named ("адрес клиники Dent-Lux"), a
city's clinics ("какие клиники есть в Алматы?", the member's home city when none is named), or
the cities there are; with a doctor named, the clinics that see that doctor ("где есть кардиолог
в Алматы?"). The answer is said on the screen the question was typed on."""

from __future__ import annotations

from aiogram.types import Message
from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator, TranslatorHub
from bot.services import cards, clinics
from bot.services.forms import about_made_request, aliases_held, asks_directory, asks_doctor_seen
from bot.services.phones import shown_phone
from dialogs.common import SUGGEST, set_notice, today
from dialogs.requests.appointment.handlers import specialty_words
from dialogs.requests.named import Asked, offered_of
from storage.models import Clinic, Member, RequestKind
from storage.repositories import clinics as clinics_repo


async def answered_directory(message: Message, manager: DialogManager) -> bool:
    """A question the directory answers (`forms.asks_directory`), answered; False for any
    other message, a question about where something else is ("где моя заявка?"), or with no
    directory. A question that names one doctor lists the clinics that see that doctor, and
    asks the directory without a word for a clinic when it asks where the doctor is seen or
    whether one is ("де є стоматолог у Києві?", `forms.asks_doctor_seen`), unless it is about a
    request made ("где моя заявка к кардиологу?")."""
    text = message.text or ""
    asked = asks_directory(text)
    where_seen = asks_doctor_seen(text) and not about_made_request(text)
    if asked is None and not where_seen:
        return False  # (most messages: the doctors' words are not looked for)
    hub: TranslatorHub = manager.middleware_data["translators"]
    doctors = aliases_held(text, specialty_words(hub))
    specialty = next(iter(doctors)) if len(doctors) == 1 else None
    asks_doctor = where_seen and specialty is not None
    if asked is None and not asks_doctor:
        return False
    names_clinics = asked is not None and asked[0]
    session: AsyncSession = manager.middleware_data["session"]
    member: Member | None = manager.middleware_data.get("member")
    home = member.home_address if member else None
    phone = await cards.home_phone(session, member) if member else None
    answer = await clinics.directory_answer(session, text, home, specialty, phone)
    if answer is None or (answer.clinic is None and not (names_clinics or asks_doctor)):
        return False
    i18n: Translator = manager.middleware_data["i18n"]
    if answer.clinic is not None:
        seen = await clinics_repo.specialties_of(session, answer.clinic.id or 0)
        lines = [_clinic_lines(answer.clinic, i18n)]
        if seen:
            names = ", ".join(sorted(i18n(f"specialty-{code}") for code in seen))
            lines.append(i18n("directory-specialties", specialties=names))
    elif answer.street:
        lines = [i18n("directory-street", count=len(answer.shown) + answer.more)]
        lines += [f"• {_clinic_line(each, with_city=True)}" for each in answer.shown]
        if answer.more:
            lines.append(i18n("directory-more-in-form", more=answer.more))
    elif answer.specialty is not None:
        lines = _doctor_lines(answer, i18n)
        await _offer_visit(manager, text, answer.specialty)
    elif answer.city is not None:
        lines = [i18n("directory-city", city=answer.city, count=len(answer.shown) + answer.more)]
        lines += [f"• {_clinic_line(each)}" for each in answer.shown]
        if answer.more:
            lines.append(i18n("directory-more", more=answer.more, city=answer.city))
    else:
        cities = ", ".join(answer.cities)
        lines = [i18n("directory-cities", cities=cities, example=answer.cities[0])]
    lines.append(i18n("directory-book"))
    set_notice(manager, "directory-answer", text="\n".join(lines))
    return True


async def _offer_visit(manager: DialogManager, text: str, specialty: str) -> None:
    """The visit to the doctor asked about, one press away ("📝 New request: 🩺 Doctor
    appointment · Cardiologist", `suggest.on_suggest`), on the active card when it takes
    requests now; the question is what the form reads first, so a city it names is the clinic
    step's ("где есть кардиолог в Алматы?": Almaty's clinics that see one)."""
    data = manager.middleware_data
    member: Member | None = data.get("member")
    if member is None:
        return
    active = await cards.active_card(data["session"], member, today(manager))
    if active is None:
        return
    offered = offered_of(Asked((RequestKind.APPOINTMENT, specialty), None, active, text))
    if offered is not None:
        manager.dialog_data[SUGGEST] = offered


def _doctor_lines(answer: clinics.DirectoryAnswer, i18n: Translator) -> list[str]:
    """The clinics that see the doctor a question names: the city's; or, where the city has
    none or none is known, every city's, each with its city; or that the directory has none."""
    doctor = i18n(f"specialty-{answer.specialty}")
    count = len(answer.shown) + answer.more
    if not answer.shown:
        return [i18n("directory-doctor-none", doctor=doctor)]
    if not answer.any_city:
        heading = i18n("directory-doctor-city", doctor=doctor, city=answer.city, count=count)
    elif answer.city is not None:
        heading = i18n("directory-doctor-elsewhere", doctor=doctor, city=answer.city, count=count)
    else:
        heading = i18n("directory-doctor-all", doctor=doctor, count=count)
    lines = [heading]
    lines += [f"• {_clinic_line(each, with_city=answer.any_city)}" for each in answer.shown]
    if answer.more:
        lines.append(i18n("directory-more-in-form", more=answer.more))
    return lines


def _clinic_line(clinic: Clinic, *, with_city: bool = False) -> str:
    """ "Dent-Lux · Tole Bi st 55 · +7 727 300 0355": a clinic in a city's list ("Tole Bi st
    55, Алматы" in a list of several cities)."""
    phone = shown_phone(clinic.phone) if clinic.phone else None
    address = f"{clinic.address}, {clinic.city}" if with_city else clinic.address
    return " · ".join(part for part in (clinic.name, address, phone) if part)


def _clinic_lines(clinic: Clinic, i18n: Translator) -> str:
    found = i18n("directory-clinic", name=clinic.name, address=clinic.address, city=clinic.city)
    if not clinic.phone:
        return found
    return f"{found}\n{i18n('directory-phone', phone=shown_phone(clinic.phone))}"
