"""A member's question about the clinics, answered from the insurer's clinic directory
(`bot/services/clinics.py:directory_answer`): a clinic named ("адрес клиники Dent-Lux"), a
city's clinics ("какие клиники есть в Алматы?", the member's home city when none is named), or
the cities there are. The answer is said on the screen the question was typed on."""

from __future__ import annotations

from aiogram.types import Message
from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import clinics
from bot.services.forms import asks_directory
from bot.services.phones import shown_phone
from dialogs.common import set_notice
from storage.models import Clinic, Member
from storage.repositories import clinics as clinics_repo


async def answered_directory(message: Message, manager: DialogManager) -> bool:
    """A question the directory answers (`forms.asks_directory`), answered; False for any
    other message, a question about where something else is ("где моя заявка?"), or with no
    directory."""
    asked = asks_directory(message.text or "")
    if asked is None:
        return False
    names_clinics, _where = asked
    session: AsyncSession = manager.middleware_data["session"]
    member: Member | None = manager.middleware_data.get("member")
    answer = await clinics.directory_answer(
        session, message.text or "", member.home_address if member else None
    )
    if answer is None or (answer.clinic is None and not names_clinics):
        return False
    i18n: Translator = manager.middleware_data["i18n"]
    if answer.clinic is not None:
        seen = await clinics_repo.specialties_of(session, answer.clinic.id or 0)
        lines = [_clinic_lines(answer.clinic, i18n)]
        if seen:
            names = ", ".join(sorted(i18n(f"specialty-{code}") for code in seen))
            lines.append(i18n("directory-specialties", specialties=names))
    elif answer.city is not None:
        lines = [i18n("directory-city", city=answer.city, count=len(answer.shown) + answer.more)]
        lines += [f"• {_clinic_line(each)}" for each in answer.shown]
        if answer.more:
            lines.append(i18n("directory-more", more=answer.more))
    else:
        cities = ", ".join(answer.cities)
        lines = [i18n("directory-cities", cities=cities, example=answer.cities[0])]
    lines.append(i18n("directory-book"))
    set_notice(manager, "directory-answer", text="\n".join(lines))
    return True


def _clinic_line(clinic: Clinic) -> str:
    """ "Dent-Lux · Tole Bi st 55 · +7 727 300 0355": a clinic in a city's list."""
    phone = shown_phone(clinic.phone) if clinic.phone else None
    return " · ".join(part for part in (clinic.name, clinic.address, phone) if part)


def _clinic_lines(clinic: Clinic, i18n: Translator) -> str:
    found = i18n("directory-clinic", name=clinic.name, address=clinic.address, city=clinic.city)
    if not clinic.phone:
        return found
    return f"{found}\n{i18n('directory-phone', phone=shown_phone(clinic.phone))}"
