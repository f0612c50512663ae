"""Profile fields and their validation."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.dates import parse_birth_date
from bot.services.forms import SAME_MAX_WORDS, changes, names_same, plain_phrase
from storage.models import Gender, Member, RequestKind
from storage.repositories import requests as requests_repo

_NAME = re.compile(r"^[^\W\d_]+(?:(?:\. |[ '\u2019.\-])[^\W\d_]+)*\.?$")
# where a part of a name starts: the first letter, and a letter after a space, a hyphen or an
# initial's dot (not after an apostrophe: «Мар'яна», «O'Neil» stays as typed when not all one case)
_NAME_PART = re.compile(r"(^|[ .\-])([^\W\d_])")
# an Irish or French one-letter prefix with its apostrophe ("O'Neil", "D'Arcy"); not a
# Ukrainian apostrophe inside a word ("Мар'яна")
_PREFIX_PART = re.compile(r"(?<![^\W\d_])([OD]['’ʼ])([a-z])")
_ADDRESS_MIN, ADDRESS_MAX = 5, 300
NAME_MAX = 200


class ProfileField(StrEnum):
    FULL_NAME = "full_name"
    BIRTH_DATE = "birth_date"
    HOME_ADDRESS = "home_address"
    EXTRA_ADDRESS = "extra_address"


# the words a name is introduced with ("меня зовут", "мене звати", "my name is", "менің атым"),
# which are not the name
_NAME_INTRO = re.compile(
    r"^(?:меня зовут|мене звати|моє ім'я|моё имя|мое имя|my name is|my full name is|i am|"
    r"i'm|менің атым|менің аты-жөнім|я)\s*[:,—-]?\s+",
    re.IGNORECASE,
)


def clean_full_name(text: str) -> str | None:
    """Letters with spaces, hyphens, apostrophes; at least two words (name and surname).

    A name typed all in small letters or all in capitals («коваленко олена», «SADYKOVA AIGERIM»)
    is stored with a capital at the start of each part («Коваленко Олена», «Anna-Maria»,
    «O'Neil»), as it reads on a card; a name in mixed case («de la Cruz», «McDonald») is kept
    as typed. The words it is introduced with («Меня зовут …», «My name is …») are not kept.
    """
    value = _NAME_INTRO.sub("", " ".join(text.split()))  # "Меня зовут Анна Иванова"
    if not value or len(value) > NAME_MAX or not _NAME.match(value) or " " not in value:
        return None
    if value in (value.lower(), value.upper()):
        value = _NAME_PART.sub(lambda part: part[1] + part[2].upper(), value.lower())
        value = _PREFIX_PART.sub(lambda part: part[1] + part[2].upper(), value)
    return value


def clean_address(text: str) -> str | None:
    value = " ".join(text.split())
    if not (_ADDRESS_MIN <= len(value) <= ADDRESS_MAX):
        return None
    if not any(ch.isalpha() for ch in value):
        return None
    return value


class AddressSource(StrEnum):
    """Where an address offered on a delivery step comes from."""

    HOME = "home"  # the profile's home address
    EXTRA = "extra"  # the profile's additional (work) address
    LAST = "last"  # the one the member's latest delivery went to


# the requests delivered to an address, and how many of a member's latest are looked through
ADDRESS_KINDS = (RequestKind.MEDICINES, RequestKind.LAB_TESTS)
ADDRESS_LOOKBACK = 5


async def saved_addresses(session: AsyncSession, member: Member) -> dict[AddressSource, str]:
    """The addresses a delivery step offers with one tap: the profile's home and additional
    addresses and the one the latest medicines or lab tests went to (retention anonymises old
    ones), each address once, under its first source."""
    found = [(AddressSource.HOME, member.home_address), (AddressSource.EXTRA, member.extra_address)]
    if last := await last_address(session, member):
        found.append((AddressSource.LAST, last))
    offered: dict[AddressSource, str] = {}
    seen: set[str] = set()
    for source, address in found:
        key = " ".join((address or "").casefold().split())
        if key and key not in seen:
            seen.add(key)
            offered[source] = address or ""
    return offered


async def last_address(session: AsyncSession, member: Member) -> str | None:
    """The address the member's latest medicines or lab tests went to, None when none did (or
    retention has anonymised it)."""
    assert member.id is not None
    for details in await requests_repo.latest_details(
        session, member.id, ADDRESS_KINDS, ADDRESS_LOOKBACK
    ):
        if last := clean_address(str(details.get("address") or "")):
            return last
    return None


async def named_address(session: AsyncSession, member: Member, named: str) -> str | None:
    """The address a member named instead of typing it (`forms.address_named`): the profile's
    home address for "home", the latest delivery's for "last"; None when there is none."""
    if named == AddressSource.HOME:
        return member.home_address or None
    return await last_address(session, member)


def max_length(field: ProfileField) -> int | None:
    """The most characters a typed value of `field` may have (None: not free text)."""
    return {
        ProfileField.FULL_NAME: NAME_MAX,
        ProfileField.HOME_ADDRESS: ADDRESS_MAX,
        ProfileField.EXTRA_ADDRESS: ADDRESS_MAX,
    }.get(field)


def clean_value(field: ProfileField, text: str, today: date) -> str | date | None:
    """The stored form of a typed value, or None when it is not acceptable."""
    if field is ProfileField.FULL_NAME:
        return clean_full_name(text)
    if field is ProfileField.BIRTH_DATE:
        return parse_birth_date(text, today)
    return clean_address(text)


# an address asked to be removed rather than changed ("удалить", "очистить", "-", "delete"):
# it was stored as the address ("Additional address: удалить")
REMOVE_WORDS = frozenset(
    {"удалить", "удалите", "удали", "очистить", "стереть", "убрать", "нет", "не нужно",
     "не надо", "видалити", "видаліть", "очистити", "прибрати", "ні", "не потрібно",
     "не треба", "delete", "remove", "clear", "erase", "none", "no", "жою", "өшіру", "жоқ",
     "керек емес"}
)  # fmt: skip
ADDRESSES = frozenset({ProfileField.HOME_ADDRESS, ProfileField.EXTRA_ADDRESS})


def asks_removal(field: ProfileField, text: str) -> bool:
    """Whether `text`, typed for an address, asks to remove it (`REMOVE_WORDS`, a dash)."""
    if field not in ADDRESSES:
        return False
    return plain_phrase(text) in REMOVE_WORDS or text.strip() in ("-", "–", "—")


# the profile's other address named for this one ("тот же, что и рабочий", "такий самий",
# "same as home", `forms.names_same`; "как домашний"): it is copied
_AS = ("как", "як", "as", "like")
_KINDS = ("рабоч", "домаш", "робоч", "home", "work", "office", "жұмыс", "үй")


def names_other_address(field: ProfileField, text: str) -> bool:
    """Whether `text`, typed for an address, names the profile's other one as the same (not
    with a number: "Тот самый дом 5" is an address typed)."""
    if field not in ADDRESSES:
        return False
    if names_same(text):
        return True
    words = plain_phrase(text).split()
    return (
        0 < len(words) <= SAME_MAX_WORDS
        and not any(map(str.isdigit, text))
        and words[0] in _AS
        and any(w.startswith(_KINDS) for w in words[1:])
    )


def other_address(member: Member, field: ProfileField) -> str | None:
    """The profile's address that is not `field` (home for the additional one, and back)."""
    other = (
        ProfileField.EXTRA_ADDRESS
        if field is ProfileField.HOME_ADDRESS
        else ProfileField.HOME_ADDRESS
    )
    return getattr(member, other.value) or None


async def remove_address(session: AsyncSession, member: Member, field: ProfileField) -> None:
    """The address `field` emptied (`asks_removal`)."""
    assert field in ADDRESSES
    setattr(member, field.value, None)
    session.add(member)


async def update_field(
    session: AsyncSession, member: Member, field: ProfileField, text: str, today: date
) -> bool:
    """Validate and store one profile field; False (nothing stored) when invalid."""
    value = clean_value(field, text, today)
    if value is None:
        return False
    setattr(member, field.value, value)
    session.add(member)
    return True


# a gender typed rather than picked, as `forms.match_choice` reads it (each button's own label,
# "Жіноча", "Male", is taken as it is)
GENDER_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("ж", "жен", "женщина", "жінка", "жін", "f", "woman", "әйел адам", "қыз", "жіночий",
         "жіноча", "женский", "женская", "әйел", "female"),
        "female",
    ),
    **dict.fromkeys(
        ("м", "муж", "мужчина", "чоловік", "чол", "m", "man", "ер", "ер адам", "чоловічий",
         "чоловіча", "мужской", "мужская", "еркек", "male"),
        "male",
    ),
    # not said: the gender left empty, as before it was ever given
    **dict.fromkeys(
        ("не скажу", "не указывать", "не хочу указывать", "не укажу", "не вказувати",
         "не хочу вказувати", "prefer not to say", "not specified", "rather not say",
         "көрсетпеу", "айтпаймын", "көрсеткім келмейді"),
        "unset",
    ),
}  # fmt: skip
GENDER_UNSET = "unset"


async def set_gender(session: AsyncSession, member: Member, gender: str) -> None:
    """The member's gender, or none (`GENDER_UNSET`: "prefer not to say")."""
    member.gender = None if gender == GENDER_UNSET else Gender(gender)
    session.add(member)


# a field of the profile named in a message on its screen ("изменить адрес", "мой адрес:
# Киев, …", "change my name to …"): by its words, whole (a name's, the gender's) or as they
# begin (a date of birth's, an address's; an additional one by its qualifier)
_NAME_WORDS = frozenset({"имя", "фио", "ім", "піб", "name", "аты", "фамилия", "прізвище"})
_GENDER_NAMED = frozenset({"пол", "стать", "gender", "жынысы", "жыныс"})
_BIRTH_STEMS = ("рождени", "народжен", "birth", "туған", "dob")
_ADDRESS_STEMS = ("адрес", "address", "мекенжай")
_EXTRA_STEMS = ("дополнит", "додатк", "additional", "second", "второй", "другий", "рабоч",
                "робоч", "work", "office", "қосымша", "жұмыс")  # fmt: skip
# the words before the new value after the field's: "адрес на …", "name to …", "address is …"
_VALUE_AFTER = frozenset({"на", "to", "is", "будет", "буде"})
# the words that say the field is the member's, before it: "мой адрес: …", "my name is …"
_MINE = frozenset({"мой", "моя", "мое", "моё", "мій", "моє", "my", "менің"})
# the words that ask for a field to be emptied ("удалить адрес"): its step, which says how
_CLEAR_STEMS = ("удал", "видал", "стер", "очист", "delete", "remove", "clear", "erase", "өшір",
                "жой")  # fmt: skip
GENDER_FIELD = "gender"


def field_named(words: list[str]) -> str | None:
    """The one profile field `words` name (a `ProfileField` value, or `GENDER_FIELD`)."""
    named = set()
    for word in words:
        if word in _NAME_WORDS:
            named.add(ProfileField.FULL_NAME.value)
        elif word in _GENDER_NAMED:
            named.add(GENDER_FIELD)
        elif word.startswith(_BIRTH_STEMS):
            named.add(ProfileField.BIRTH_DATE.value)
        elif word.startswith(_ADDRESS_STEMS):
            extra = any(w.startswith(_EXTRA_STEMS) for w in words)
            named.add((ProfileField.EXTRA_ADDRESS if extra else ProfileField.HOME_ADDRESS).value)
    return named.pop() if len(named) == 1 else None


# the words a gender is said with on the profile ("я мужчина", "пол: женский", "I'm a woman",
# "мен ер адаммын"), left out before the gender's own (`GENDER_WORDS`); a gender of one letter
# ("м", "ж") only after the field's word ("пол м"): "I'm" leaves an "m"
_GENDER_SAID_WITH = frozenset({"я", "i", "am", "m", "a", "мой", "моя", "мій", "my", "is", "мен",
                               "менің", "адаммын", "жынысым"})  # fmt: skip
GENDER_LETTERS = 1


def gender_said(typed: str) -> str | None:
    """The gender a message on the profile says the member is (`GENDER_WORDS`' value), or
    None."""
    words = _words_of(typed)
    named = bool(_GENDER_NAMED & set(words))
    rest = " ".join(w for w in words if w not in _GENDER_SAID_WITH and w not in _GENDER_NAMED)
    gender = GENDER_WORDS.get(rest)
    if gender is None or (len(rest) <= GENDER_LETTERS and not named):
        return None
    return gender


def change_named(typed: str) -> tuple[str, str | None] | None:
    """A change of the profile a message asks for on its screen: the field, and its new value
    when given (after a colon, or "на"/"to"/"is" after the field's word, or an address with
    its house's number after the word for it): "изменить адрес" (the field's step), "мой адрес:
    Киев, Крещатик 1", "мой адрес Алматы, Абая 10", "change my name to Olena Kovalenko";
    "удалить адрес" is its step too, which says how. None when it names no one field, or does
    not ask to change it (a question about it)."""
    if "?" in typed:
        return None
    if (gender := gender_said(typed)) is not None:  # "я мужчина", "пол: женский"
        return GENDER_FIELD, gender
    head, colon, tail = typed.partition(":")
    words = _words_of(head)
    field = field_named(words)
    if field is None:
        return None
    value = tail.strip() if colon else None
    if not colon:
        tokens = typed.split()
        addresses = {a.value for a in ADDRESSES}
        for at, token in enumerate(tokens[:-1]):
            this = field_named(_words_of(token))  # ("дополнительный адрес на …": an address)
            same = this == field or {this, field} <= addresses
            after = _words_of(tokens[at + 1])
            if same and after and after[0] in _VALUE_AFTER:
                value = " ".join(tokens[at + 2 :]).strip() or None
                break
            rest = " ".join(tokens[at + 1 :]).strip(" ,:-")
            given = this in addresses or this == ProfileField.BIRTH_DATE
            if same and given and any(ch.isdigit() for ch in rest):
                # "мой адрес Алматы, Абая 10, кв 5": its house's number in it; "мой день
                # рождения 5 марта 1990": the date
                value = rest
                break
    cleared = any(word.startswith(_CLEAR_STEMS) for word in words)
    changing = changes(words) or cleared or bool(_MINE & set(words)) or len(words) == 1
    if not (changing or value):
        return None
    return field, value


def _words_of(text: str) -> list[str]:
    return plain_phrase(text).split()
