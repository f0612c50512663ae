"""The insurer's clinic directory: the import (`insurance-bot import-clinics FILE`) and what the
appointment form offers from it (no aiogram here).

The file is read by the registry's reader (the same limits, encodings and delimiters) with the
columns `city, name, address, specialties, phone`. `specialties` are the form's codes
(`SPECIALTIES`) separated by `|` or `;`. Every import is the whole directory: a clinic the file
no longer lists becomes inactive (kept, since requests name it), one listed again becomes active
again. A row that cannot be read is reported by its line and changes nothing: its clinic (when
its city, name and address are there) stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.english_said import SAID_IN_CYRILLIC
from bot.services.names import other_scripts
from bot.services.phones import normalize_phone, phone_country
from bot.services.registry import read_rows
from bot.services.registry.importer import ImportReport
from bot.services.registry.reader import Line, ReadLimits
from bot.services.registry.rows import RejectedRow
from storage.models import Clinic
from storage.repositories import clinics as repo

# the appointment form's specialty codes (its labels are `specialty-<code>`)
SPECIALTIES = (
    "therapist",
    "pediatrician",
    "gynecologist",
    "dentist",
    "cardiologist",
    "ent",
    "ophthalmologist",
    "neurologist",
    "dermatologist",
)
COLUMNS = ("city", "name", "address", "specialties", "phone")
CITY_MAX = 100
NAME_MAX = 200
ADDRESS_MAX = 300
PAGE_SIZE = 6  # clinic buttons on one page of the form
_SPLIT = re.compile(r"[|;]")


def fold(text: str) -> str:
    """Text as it compares: spacing and case folded ("  Almaty " is "almaty")."""
    return " ".join(text.split()).casefold()


def _tidy(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class ClinicRow:
    city: str
    name: str
    address: str
    specialties: frozenset[str]
    phone: str | None

    @property
    def key(self) -> str:
        return natural_key(self.city, self.name, self.address)


def natural_key(city: str, name: str, address: str) -> str:
    return "\x1f".join(fold(part) for part in (city, name, address))


@dataclass
class ClinicReport(ImportReport):
    """The registry's report (added, updated, unchanged, rejected by line) and the clinics the
    file no longer lists, now inactive."""

    deactivated: int = 0


def read_clinics(path: Path, limits: ReadLimits | None = None) -> Iterator[Line]:
    """(line, row) of a clinics CSV or XLSX; the header is checked now (`RegistryFormatError`)."""
    return read_rows(path, limits, COLUMNS)


def validate_clinic(record: dict[str, str], default_region: str = "UA") -> ClinicRow | list[str]:
    """A row typed, or the reasons it is refused (plain English, for the report)."""
    reasons = []
    city, name, address = (_tidy(record[c]) for c in ("city", "name", "address"))
    for column, value, limit in (
        ("city", city, CITY_MAX),
        ("name", name, NAME_MAX),
        ("address", address, ADDRESS_MAX),
    ):
        if not value:
            reasons.append(f"{column}: empty")
        elif len(value) > limit:
            reasons.append(f"{column}: longer than {limit} characters")
    codes = {fold(part) for part in _SPLIT.split(record["specialties"]) if part.strip()}
    unknown = sorted(codes - set(SPECIALTIES))
    if not codes:
        reasons.append("specialties: empty")
    elif unknown:
        reasons.append(
            f"specialties: unknown {', '.join(unknown)} (known: {', '.join(SPECIALTIES)})"
        )
    phone = None
    if record["phone"].strip():
        phone = normalize_phone(record["phone"], default_region)
        if phone is None:
            reasons.append("phone: not a valid phone number")
    if reasons:
        return reasons
    return ClinicRow(city, name, address, frozenset(codes), phone)


async def import_clinics(
    session: AsyncSession, rows: Iterable[Line], now: datetime, default_region: str = "UA"
) -> ClinicReport:
    """Store the directory in the caller's transaction (a directory is small: one transaction).

    A clinic already stored (same city, name and address, case and spacing aside) is updated;
    one the file no longer lists becomes inactive, unless no row of the file could be read.
    """
    report = ClinicReport()
    stored = await repo.all_by_key(session)
    stored_codes = await repo.specialties(session)
    seen: dict[str, int] = {}  # key → the line that listed it
    good = 0
    for line, record in rows:
        checked = validate_clinic(record, default_region)
        key = natural_key(record["city"], record["name"], record["address"])
        if isinstance(checked, ClinicRow) and key in seen:
            checked = [f"the same clinic as line {seen[key]}"]
        if not isinstance(checked, ClinicRow):
            report.rejected.append(RejectedRow(line, "", tuple(checked)))
            report.originals[line] = record
            seen.setdefault(key, line)  # its clinic, if stored, stays as it is
            continue
        seen[key] = line
        good += 1
        await _store(session, checked, stored.get(key), stored_codes, now, report)
    if good:
        gone = [c.id for k, c in stored.items() if c.active and k not in seen and c.id]
        await repo.deactivate(session, gone, now)
        report.deactivated = len(gone)
    await session.flush()
    return report


async def _store(
    session: AsyncSession,
    row: ClinicRow,
    clinic: Clinic | None,
    stored_codes: dict[int, set[str]],
    now: datetime,
    report: ClinicReport,
) -> None:
    values: dict[str, Any] = {
        "city": row.city,
        "city_key": fold(row.city),
        "name": row.name,
        "address": row.address,
        "phone": row.phone,
        "active": True,
    }
    if clinic is None:
        clinic = Clinic(key=row.key, updated_at=now, **values)
        session.add(clinic)
        await session.flush()
        report.added += 1
    else:
        same = all(getattr(clinic, name) == value for name, value in values.items())
        if same and stored_codes.get(clinic.id or 0, set()) == row.specialties:
            report.unchanged += 1
            return
        for name, value in values.items():
            setattr(clinic, name, value)
        clinic.updated_at = now
        report.updated += 1
    assert clinic.id is not None
    await repo.set_specialties(session, clinic.id, sorted(row.specialties))


def report_lines(report: ClinicReport) -> list[str]:
    """What the inactive count means, after the registry's counts and rejected lines."""
    if not report.deactivated:
        return []
    return [
        f"inactive now: {report.deactivated} "
        "(stored clinics this file no longer lists: no longer offered, kept for old requests)"
    ]


# -- what the appointment form offers ----------------------------------------------------------


async def cities(
    session: AsyncSession, specialty: str, *, near: str | None = None, phone: str | None = None
) -> list[tuple[int, str]]:
    """(a clinic id standing for the city, the city) where an active clinic sees `specialty`;
    with `near` (the city the member is about) or their `phone`, those of their country only
    (`member_country`, `country_cities`)."""
    if specialty not in SPECIALTIES:
        return []
    found = await repo.cities(session, specialty)
    if near is None and phone is None:
        return found
    phones = await repo.city_phones(session)
    keys = country_cities(phones, member_country(phones, near, phone))
    return found if keys is None else [each for each in found if fold(each[1]) in keys]


def member_country(
    phones: Mapping[str, str | None], near: str | None, phone: str | None
) -> str | None:
    """The country whose cities a member is offered: that of the city they are about (named,
    chosen, or their home address's), where its clinics' phones tell it, else their phone's
    (`cards.home_phone`): a member with a Ukrainian number who lives in Almaty is offered
    Kazakhstan's cities."""
    if near is not None and (told := phone_country(phones.get(fold(near)))) is not None:
        return told
    return phone_country(phone)


def country_cities(phones: Mapping[str, str | None], country: str | None) -> set[str] | None:
    """The keys of the directory's cities in `country` (a city's country is its clinics'
    phones', `repo.city_phones`), with those whose country no phone tells; None, for every
    city, when `country` is not known or the directory has no city in it. A directory may hold
    the clinics of several countries (an insurer in each, `STAFF_ROUTES` by country): a member
    in Kazakhstan is offered Almaty's and Astana's clinics, not Kyiv's."""
    if country is None:
        return None
    countries = {key: phone_country(phone) for key, phone in phones.items()}
    if country not in countries.values():
        return None
    return {key for key, of in countries.items() if of in (country, None)}


async def home_city(session: AsyncSession, address: str | None) -> str | None:
    """The directory's city a member's home address names, whatever its clinics see."""
    if not address:
        return None
    return city_in(address, await repo.cities(session, None))


def city_in(address: str | None, known: Sequence[tuple[int, str]]) -> str | None:
    """The directory's city named in a member's address ("Almaty, Abay ave 1" → "Almaty")."""
    if not address:
        return None
    text = fold(address)
    for _, city in known:
        if re.search(rf"(?<!\w){re.escape(fold(city))}(?!\w)", text):
            return city
    return None


async def city_of(session: AsyncSession, clinic_id: int) -> str | None:
    clinic = await repo.get(session, clinic_id)
    return clinic.city if clinic is not None else None


async def clinics_page(
    session: AsyncSession, city: str, specialty: str, page: int
) -> tuple[list[Clinic], int]:
    """A page of the active clinics of `city` that see `specialty`, and the number of pages."""
    if specialty not in SPECIALTIES:
        return [], 0
    found, total = await repo.in_city(
        session, fold(city), specialty, max(page, 0) * PAGE_SIZE, PAGE_SIZE
    )
    return found, -(-total // PAGE_SIZE)


# the names the cities of the insurers' countries go by, in Ukrainian, Russian, Kazakh and
# English ("в Киеве" for the directory's "Київ"); a declined one is read by its start
# ("Києві", "в Алматы", "Львові"), and a city the table lacks by its other script
_CITY_SPELLINGS: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        ("київ", "києв", "киев", "kyiv", "kiev"),
        ("львів", "львов", "lviv", "lvov"),
        ("одеса", "одесса", "odesa", "odessa"),
        ("харків", "харков", "харьков", "kharkiv", "kharkov"),
        ("дніпро", "днепр", "dnipro", "dnepr"),
        ("запоріжжя", "запорожье", "zaporizhzhia", "zaporozhye"),
        ("вінниця", "винница", "vinnytsia"),
        ("алматы", "алмата", "алма-ата", "almaty"),
        ("астана", "нур-султан", "astana", "nur sultan"),
        ("шымкент", "чимкент", "shymkent"),
        ("караганда", "қарағанды", "karaganda", "karagandy"),
        ("актобе", "ақтөбе", "aktobe"),
        ("өскемен", "усть-каменогорск", "oskemen", "ust kamenogorsk"),
    )
)
# the words a city is said with on its own ("в Києві", "місто Львів", "in Almaty")
_CITY_AROUND = frozenset({"в", "у", "во", "in", "город", "городе", "місто", "місті", "city",
                          "қаласы", "қаласында", "қаласындағы", "қала", "г", "м"})  # fmt: skip


def _city_spellings(city: str) -> list[list[str]]:
    """The words of each name `city` goes by (`_CITY_SPELLINGS`, its other script)."""
    from bot.services.names import other_scripts  # (a leaf module; kept off start-up's path)

    folded = fold(city)
    names = {folded, *other_scripts(folded)}
    for group in _CITY_SPELLINGS:
        if names & group:
            names |= group
    return [_words(name) for name in names if _words(name)]


def _says_city(said: list[str], at: int, spelled: list[str]) -> bool:
    """Whether the words of `said` from `at` are `spelled`, the last one declined or not."""
    if at + len(spelled) > len(said):
        return False
    *first, last = spelled
    words = said[at : at + len(spelled)]
    # declined ("Києві"), or whole with a Kazakh ending after it ("Алматыдағы", "Астанада")
    suffixed = words[-1].startswith(last) and len(words[-1]) - len(last) <= CITY_ENDING
    return words[:-1] == first and (_same_word(words[-1], last) or suffixed)


CITY_ENDING = 5  # letters a city's name may take after it whole ("-дағы", "-ның")


def city_named(text: str, known: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    """The one city of `known` (a clinic id standing for it, its name) that a message names,
    in any spelling and case ("запишіть в Києві", "в Киеве", "in Kyiv"); None when none or
    several are."""
    said = _words(text)
    found = {
        (clinic_id, city)
        for clinic_id, city in known
        for spelled in _city_spellings(city)
        if any(_says_city(said, at, spelled) for at in range(len(said)))
    }
    return found.pop() if len({city for _id, city in found}) == 1 else None


def city_alone(text: str, known: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    """`city_named`, when the text says nothing else ("Києві", "у Львові", "місто Алмати")."""
    named = city_named(text, known)
    if named is None:
        return None
    said = [word for word in _words(text) if word not in _CITY_AROUND]
    spellings = _city_spellings(named[1])
    rest = len(said) - max(
        (len(s) for s in spellings if any(_says_city(said, at, s) for at in range(len(said)))),
        default=0,
    )
    return named if rest == 0 else None


# words that say a place is a clinic, and the words around a name ("в клинике Мединвест"): no
# part of what tells one clinic from another
_CLINIC_WORDS = frozenset({
    "клиника", "клиники", "клинике", "клинику", "клініка", "клініки", "клініці", "клініку",
    "clinic", "поликлиника", "поликлинику", "поликлинике", "поліклініка", "поліклініку",
    "поліклініці", "polyclinic", "медцентр", "медцентре", "медцентрі", "мц", "медицинский",
    "медицинском",
    "медичний", "медичному", "центр", "центре", "центрі", "medical", "centre", "center",
    "емхана", "емханасы", "в", "у", "во", "на", "до", "к", "in", "at", "the", "№", "no",
})  # fmt: skip
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text).replace("ё", "е"))


def _same_word(typed: str, known: str) -> bool:
    """A typed word is the directory's, or it declined ("Добробуте", "Усмішці"), in either
    script: "Медеу" for "Medeu", "на Достык" for "Dostyk ave", "Dobrobut" for «Добробут»
    (`_spellings`)."""
    return any(_declined(typed, spelled) for spelled in _spellings(known))


def _declined(typed: str, known: str) -> bool:
    if typed == known:
        return True
    if len(known) < 4 or abs(len(typed) - len(known)) > 3:
        return False
    return typed.startswith(known[: len(known) - (2 if len(known) >= 6 else 1)])


# a directory's word as the other script writes it, from this many letters ("no", "bi" are
# "но", "би": words of their own)
SPELLED_MIN = 3


@cache
def _spellings(known: str) -> tuple[str, ...]:
    """`known` and, from `SPELLED_MIN` letters, the same word in the other script, as Ukraine,
    Russia and Kazakhstan transliterate names (`names.other_scripts`): a clinic's name of local
    words written in Latin ("Medeu", "Alatau") is typed in Cyrillic, and back. A name of
    English words ("Smile", "Green") is written as it is said, "Смайл", "Грин"
    (`english_said.SAID_IN_CYRILLIC`): people say those, not letter by letter."""
    if len(known) < SPELLED_MIN:
        return (known,)
    return (known, *SAID_IN_CYRILLIC.get(known, ()), *other_scripts(known))


def _city_words(found: Sequence[Clinic]) -> Callable[[str], bool]:
    """Whether a word is one of the directory's cities' (declined, or in the other script:
    "Almaty" of "Family Doctor Almaty" is Алматы's), no part of what tells clinics apart."""
    cities = {word for clinic in found for word in _words(clinic.city)}
    return lambda word: any(_same_word(word, city) for city in cities)


def clinic_named(text: str, found: Sequence[Clinic], city: str | None = None) -> Clinic | None:
    """The one clinic of `found` that a typed clinic names ("Добробут", "в Усмішці", "Київ,
    Dent-Lux на Толе би"): each word it has, besides a city's and the words for a clinic, is
    one of that clinic's name or address, one of its name at least; of several, the one of the
    city typed with it, or of `city` (the member's), when it alone is; else None (kept as
    typed)."""
    of_a_city = _city_words(found)
    said = _words(text)
    typed = [word for word in said if word not in _CLINIC_WORDS and not of_a_city(word)]
    if not typed or not any(not word.isdigit() for word in typed):
        return None
    matched = []
    for clinic in found:
        name, address = _words(clinic.name), _words(clinic.address)
        if all(any(_same_word(w, k) for k in (*name, *address)) for w in typed) and any(
            _same_word(w, k) for w in typed if not w.isdigit() for k in name
        ):
            matched.append(clinic)
    return _the_one(matched, said, city)


def clinic_at(text: str, found: Sequence[Clinic], city: str | None = None) -> Clinic | None:
    """The one clinic of `found` whose address a typed clinic gives, with no name ("Фурманова
    150", "на Садовій, 3"): each word it has, besides a city's, the words for a clinic and the
    kind of street, is one of that clinic's address (a number as it is); of several ("на
    Садовій", where seven are), as `clinic_named` tells them apart; else None (kept as typed:
    "клиника Здоровье на Фурманова" names another)."""
    of_a_city = _city_words(found)
    said = _words(text)
    typed = [
        word
        for word in said
        if word not in _CLINIC_WORDS and word not in _STREET_KINDS and not of_a_city(word)
    ]
    if not any(not word.isdigit() for word in typed):
        return None
    matched = [
        clinic
        for clinic in found
        if all(any(_same_word(w, k) for k in _words(clinic.address)) for w in typed)
    ]
    return _the_one(matched, said, city)


def _the_one(matched: list[Clinic], said: list[str], city: str | None) -> Clinic | None:
    """The one clinic of `matched`: of several, the one of the city typed with it (`said`),
    else of `city` (the member's), when it alone is."""
    if len(matched) > 1:
        here = [clinic for clinic in matched if set(_words(clinic.city)) <= set(said)]
        matched = here or [clinic for clinic in matched if city and fold(clinic.city) == fold(city)]
    return matched[0] if len(matched) == 1 else None


# words that begin the names of doctors and kinds of care ("Стоматологія «Усмішка»", "Dent-Lux",
# "Family Doctor Almaty"): in a message they name the doctor, never the clinic
_CARE_STEMS = (
    "стоматолог", "dent", "педиатр", "педіатр", "pediatr", "paediatr", "кардиолог", "кардіолог",
    "cardio", "невролог", "neuro", "дерматолог", "derma", "гинеколог", "гінеколог", "gyn",
    "терапевт", "therap", "лор", "офтальмолог", "ophthalm", "окулист", "окуліст", "здоров",
    "health", "medic", "family", "семейн", "сімейн", "doctor", "лікар", "врач", "дәрігер",
    "women", "жіноч", "женск", "детск", "дитяч", "children", "kids", "міськ", "городск", "city",
    "поліклінік", "поликлиник", "polyclinic",
)  # fmt: skip
# the word before a clinic's name in a message ("к стоматологу в Dent-Lux", "у клініку …")
_BEFORE_NAME = frozenset({"в", "у", "во", "in", "at", "into", "до"})


def clinic_in_message(
    text: str, found: Sequence[Clinic], city: str | None = None, *, anywhere: bool = False
) -> Clinic | None:
    """The one clinic of `found` a message that asks for a visit names ("запишите к стоматологу
    в Dent-Lux на пятницу", "до кардіолога, клініка «Добробут»"): every word of its name that
    is not a city's, a number or a word for a clinic or for a doctor is in the message (an
    ending aside), the first of them after "в", "у", "in" or a word for a clinic (`anywhere`:
    wherever it stands, "телефон Добробута"); of several, as `clinic_named` tells them apart.
    None when none or several are."""
    said = _words(text)
    of_a_city = _city_words(found)  # ("клиники в Алматы" names no "Family Doctor Almaty")
    matched = []
    for clinic in found:
        name = _words(clinic.name)
        own = [
            word
            for word in name
            if word not in _CLINIC_WORDS
            and not of_a_city(word)
            and len(word) > 2
            and not word.isdigit()
            and not word.startswith(_CARE_STEMS)
        ]
        if not own:
            continue
        at = [next((i for i, w in enumerate(said) if _same_word(w, word)), -1) for word in own]
        first = min(at)
        if anywhere and first >= 0:
            matched.append(clinic)
            continue
        while first > 0 and any(_same_word(said[first - 1], word) for word in name):
            first -= 1  # "в Dent-Lux": the name from its first word, "dent"
        if first > 0 and (said[first - 1] in _BEFORE_NAME or said[first - 1] in _CLINIC_WORDS):
            matched.append(clinic)
    return _the_one(matched, said, city)


async def named(
    session: AsyncSession, text: str, specialty: str, city: str | None = None
) -> Clinic | None:
    """The directory's clinic for `specialty` a member typed by its name (`clinic_named`), or
    by its address alone (`clinic_at`), if one is."""
    if specialty not in SPECIALTIES:
        return None
    found = await repo.seeing(session, specialty)
    return clinic_named(text, found, city) or clinic_at(text, found, city)


async def named_in_message(session: AsyncSession, text: str, specialty: str) -> Clinic | None:
    """The directory's clinic for `specialty` a request's message names, if one does
    (`clinic_in_message`)."""
    if specialty not in SPECIALTIES:
        return None
    return clinic_in_message(text, await repo.seeing(session, specialty))


async def offered(session: AsyncSession, clinic_id: int, specialty: str) -> Clinic | None:
    """The clinic a member pressed, if it is still active and still sees `specialty`."""
    clinic = await repo.get(session, clinic_id)
    if clinic is None or not clinic.active:
        return None
    return clinic if await repo.sees(session, clinic_id, specialty) else None


# -- a member's question about the directory ("какие клиники есть в Алматы?") -----------------

CITY_SHOWN = 10  # clinics of a city listed in one answer; the rest counted


@dataclass(frozen=True)
class DirectoryAnswer:
    """What the directory answers a member's question about clinics: the one clinic it names,
    or a city's clinics (the first `CITY_SHOWN`, and how many more), or the cities there are.
    With a doctor named (`specialty`), the clinics are those that see that doctor: the city's,
    or, where none of the city's does or no city is known, those of every city (`any_city`;
    none at all when no clinic of the directory sees the doctor). A street named ("клиника на
    Фурманова") answers with the one clinic on it, or lists those that are (`street`)."""

    clinic: Clinic | None = None
    city: str | None = None
    shown: tuple[Clinic, ...] = ()
    more: int = 0
    cities: tuple[str, ...] = ()
    specialty: str | None = None
    any_city: bool = False
    street: bool = False  # the clinics on a street the question names, in any city


async def directory_answer(
    session: AsyncSession,
    text: str,
    home_address: str | None,
    specialty: str | None = None,
    phone: str | None = None,
) -> DirectoryAnswer | None:
    """The answer to a question about the clinics (`forms.asks_directory`): a clinic it names by
    name ("адрес клиники Dent-Lux"), else the clinics of the city it names ("в Алматы") or of
    the member's home city, else the cities of their country (`member_country`, by the city or
    their `phone`); those that see `specialty` when the question names a doctor ("где есть
    кардиолог в Алматы?"), the country's where the city has none or none is known; the one on
    a street it names, or those (`clinics_on_street`: "есть ли клиника на Фурманова?"); None
    with no directory."""
    found = await repo.active(session)
    if not found:
        return None
    clinic = clinic_named(text, found) or clinic_in_message(text, found, anywhere=True)
    if clinic is not None:
        return DirectoryAnswer(clinic=clinic)
    # each city once, a clinic of it standing for it (as `cities` gives them), by city
    by_city = {fold(each.city): (each.id or 0, each.city) for each in reversed(found)}
    known = sorted(by_city.values(), key=lambda pair: fold(pair[1]))
    named = city_named(text, known)
    city = named[1] if named is not None else city_in(home_address, known)
    phones = _city_phones(found)
    keys = country_cities(phones, member_country(phones, city, phone))
    if specialty is not None:
        seeing = {each.id for each in await repo.seeing(session, specialty)}
        found = [each for each in found if each.id in seeing]
    local = found if keys is None else [each for each in found if each.city_key in keys]
    if on := clinics_on_street(text, found):
        # the city's, where it has some on that street ("на Садовій": Kyiv's, not Lviv's), else
        # the country's ("на Шевченко": a street of both countries' cities)
        in_city = [each for each in on if city and fold(each.city) == fold(city)]
        local_ids = {each.id for each in local}
        on = in_city or [each for each in on if each.id in local_ids] or on
        if len(on) == 1:
            return DirectoryAnswer(clinic=on[0])
        shown, more = _first(on)
        return DirectoryAnswer(shown=shown, more=more, specialty=specialty, street=True)
    if specialty is not None:
        if city is None or not any(fold(each.city) == fold(city) for each in found):
            shown, more = _first(local)
            return DirectoryAnswer(
                city=city, shown=shown, more=more, specialty=specialty, any_city=True
            )
    elif city is None:
        cities = (name for _id, name in known if keys is None or fold(name) in keys)
        return DirectoryAnswer(cities=tuple(cities))
    shown, more = _first([each for each in found if fold(each.city) == fold(city)])
    return DirectoryAnswer(city=city, shown=shown, more=more, specialty=specialty)


# the words of an address that say what kind of street it is, not which ("вул.", "st", "ave")
_STREET_KINDS = frozenset({
    "st", "street", "str", "ave", "avenue", "rd", "road", "blvd", "boulevard", "lane", "sq",
    "square", "вул", "вулиця", "ул", "улица", "просп", "проспект", "пр", "пл", "площадь",
    "площа", "бул", "бульвар", "пер", "переулок", "провулок", "мкр", "мкрн", "микрорайон",
    "мікрорайон", "көшесі", "даңғылы", "шағын", "ауданы", "д", "дом", "буд", "кв", "корпус",
    "офис", "офіс", "office", "floor", "этаж", "поверх",
})  # fmt: skip
# a street's own word is this long at least ("Абая", "Tole"): a shorter one is no street's
STREET_WORD_MIN = 4


def clinics_on_street(text: str, found: Sequence[Clinic]) -> list[Clinic]:
    """The clinics of `found` on a street a message names ("есть ли клиника на Фурманова?",
    "клініки на Садовій", "на Желтоксан"): a word of it, besides a city's and the words for a
    clinic, is one of a clinic's address's (declined, or in the other script: `_same_word`),
    a number aside and the word for what kind of street it is."""
    of_a_city = _city_words(found)
    said = [
        word
        for word in _words(text)
        if word not in _CLINIC_WORDS and len(word) >= STREET_WORD_MIN and not of_a_city(word)
    ]
    on = []
    for clinic in found:
        street = [
            word
            for word in _words(clinic.address)
            if word not in _STREET_KINDS and not word.isdigit() and len(word) >= STREET_WORD_MIN
        ]
        if any(_same_word(typed, word) for typed in said for word in street):
            on.append(clinic)
    return on


def _city_phones(found: Sequence[Clinic]) -> dict[str, str | None]:
    """A phone of each city's clinics of `found` (None where none has one), by the city's key,
    as `repo.city_phones` reads them."""
    phones: dict[str, str | None] = {}
    for each in found:
        if phones.get(each.city_key) is None:
            phones[each.city_key] = each.phone
    return phones


def _first(found: Sequence[Clinic]) -> tuple[tuple[Clinic, ...], int]:
    """The clinics an answer lists, the first `CITY_SHOWN`, and how many more there are."""
    return tuple(found[:CITY_SHOWN]), max(len(found) - CITY_SHOWN, 0)
