"""What a member's words name: the request ("лекарства", "к стоматологу", "верните деньги за
анализы"), the family member it is for ("для сына", "Софії"), and what a message asks for
(`asked_for`), read for the chooser (`new.py`) and for the offer beside a message kept for
support (`suggest.py`) alike."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from aiogram_dialog import DialogManager

from bot.i18n import Translator, TranslatorHub
from bot.render import value_text
from bot.services import cards
from bot.services.clinics import SPECIALTIES
from bot.services.forms import (
    ALIAS_WORDS,
    KAZAKH_POLITE,
    KIND_WORDS,
    OTHER_PERSON_WORDS,
    REFUND_WORDS,
    RELATION_SEX,
    RELATION_WORDS,
    SELF_WORDS,
    about_made_request,
    alias_named,
    aliases_held,
    asks_what_to_do,
    bare_request,
    complaint_said,
    corrected,
    doctor_named,
    document_held,
    for_the_clinic,
    kind_turned_down,
    kinds_held,
    match_choice,
    polite_request,
    says_wanting,
    shared_start,
    typed_phrase,
    verb_kind,
    wants,
    without_how,
    without_opening,
)
from bot.services.money import money_back
from bot.services.names import given_name, other_scripts, sex_of
from dialogs.requests.appointment.handlers import specialty_words, typed_specialty, typo_words
from storage.models import Relation, RequestKind

# the kinds of request, in the chooser's order
KINDS = tuple(kind.value for kind in RequestKind)


def named_request(text: str, manager: DialogManager) -> tuple[str, str | None] | None:
    """The kind of request a short typed text names ("лекарства", "к врачу", "refund"), and the
    doctor when it names one ("к стоматологу", "тіс дәрігеріне жазылу": the appointment); not
    a generic "к врачу" for a doctor. A longer one is read without its words of asking ("я
    хочу вернуть деньги за анализы"), or when it begins with the verb that asks ("верните
    деньги за анализы"); a refund named with what it was for is the refund. None when it names
    none, or several."""
    named = _named_as_typed(text, manager)
    if named is not None and (named[1] is None or named[1] in SPECIALTIES):
        return named
    # none, or a doctor the list does not hold: a word typed with a slip ("к стамотологу",
    # "нужны лекарсва") read as the one it is meant to be, when that names a request
    hub: TranslatorHub = manager.middleware_data["translators"]
    fixed = corrected(text, typo_words(hub))
    again = _named_as_typed(fixed, manager) if fixed is not None else None
    return again if again is not None and (again[1] is None or again[1] in SPECIALTIES) else named


def _named_as_typed(text: str, manager: DialogManager) -> tuple[str, str | None] | None:
    if money_back(text):  # "хочу вернуть 5000 тенге за лекарства": the refund, not medicines
        return RequestKind.REIMBURSEMENT, None
    named = _named(text, manager)
    bare = bare_request(text) if named is None else ""
    # words of asking left out, or a verb that asks for a request ("верните 15 000 тг за
    # прием", "компенсируйте расходы", "8000 теңгені қайтарыңыз")
    verb = verb_kind(text, bare) if bare else None
    if bare and (bare != typed_phrase(text) or verb):
        # a sentence read for its words, not a question ("… can I get the money back?"); the
        # verb names the request, what follows may be its topic ("передзвоніть щодо ліміту на
        # стоматологію": the call-back)
        if verb is not None and verb != RequestKind.APPOINTMENT:
            named = (verb, None)  # "call me about my claim": the call-back
        else:  # (an appointment's doctor follows: "appointment with a dermatologist")
            named = _named(bare, manager) or (None if "?" in text else _held(bare, manager, text))
    return named


def _held(text: str, manager: DialogManager, typed: str = "") -> tuple[str, str | None] | None:
    """A request named in a sentence too long for a choice ("to see a dermatologist next
    Tuesday"): the one doctor or kind of request its words hold (a refund for something,
    the refund)."""
    hub: TranslatorHub = manager.middleware_data["translators"]
    kinds = kinds_held(text, typed)
    doctors = aliases_held(text, specialty_words(hub))
    if len(doctors) == 1 and kinds <= {RequestKind.APPOINTMENT}:
        return RequestKind.APPOINTMENT, doctors.pop()
    if not doctors and kinds <= {RequestKind.APPOINTMENT} and (other := doctor_named(text)):
        return RequestKind.APPOINTMENT, other  # "запишите к урологу": as typed, not listed
    if RequestKind.REIMBURSEMENT in kinds:
        return RequestKind.REIMBURSEMENT, None
    return (kinds.pop(), None) if len(kinds) == 1 and not doctors else None


def _named(text: str, manager: DialogManager) -> tuple[str, str | None] | None:
    kind = match_choice(text, _kind_options(manager), KIND_WORDS) or alias_named(text, REFUND_WORDS)
    specialty = (
        typed_specialty(text, manager)[0]
        if kind is None
        else alias_named(text, specialty_words(manager.middleware_data["translators"]))
        if kind == RequestKind.APPOINTMENT
        else None
    )
    short = len(text.split()) <= ALIAS_WORDS  # (as a choice is named: `forms.alias_named`)
    if specialty is None and kind in (None, RequestKind.APPOINTMENT) and short:
        listed = aliases_held(text, specialty_words(manager.middleware_data["translators"]))
        # "к урологу": a doctor the list does not hold (not "педиатр и лор": two it holds)
        specialty = None if listed else doctor_named(text)
    if specialty is not None:
        return RequestKind.APPOINTMENT, specialty
    return (kind, None) if kind is not None else None


def _kind_options(manager: DialogManager) -> list[tuple[str, str]]:
    """The kinds of request as the chooser's buttons name them: (kind, label)."""
    i18n: Translator = manager.middleware_data["i18n"]
    return [(kind, i18n(f"request-kind-{kind}")) for kind in KINDS]


def kind_refused(text: str, manager: DialogManager) -> tuple[str | None, str]:
    """The label of the one kind of request a clause of `text` turns down ("не лекарства",
    "not a call-back", "мне не звонок нужен": `forms.kind_turned_down`), or None; and what
    `text` asks besides ("а запись к врачу"), `text` itself when nothing is turned down."""
    kinds = _kind_options(manager)
    no, besides = kind_turned_down(text, kinds)
    return (dict(kinds)[no] if no is not None else None), besides


# a specialty the member typed (not listed), as much of it as a button's label shows
SPECIALTY_SHOWN = 40


def named_label(named: tuple[str, str | None], i18n: Translator, whose: str = "") -> str:
    """ "🩺 Doctor appointment · Dentist": a request as a button says it (what `named_request`
    found, a form kept to go on with: a specialty not listed as typed, cut); with `whose`, the
    given name of the family member it is for ("… · Софія")."""
    kind, specialty = named
    label = i18n(f"request-kind-{kind}")
    if specialty:
        label += f" · {value_text('specialty', specialty, {}, i18n)[:SPECIALTY_SHOWN]}"
    return f"{label} · {whose}" if whose else label


# a given name typed in another case ("для Софії", "Тараса", "Айгерімге"): the name but for its
# last letter, and an ending of up to `NAME_ENDING` letters after what the two share
NAME_ENDING = 3
NAME_STEM = 3


def _is_name(word: str, name: str) -> bool:
    word, name = word.casefold(), name.casefold()
    same = shared_start(word, name)
    return same >= max(NAME_STEM, len(name) - 1) and len(word) - same <= NAME_ENDING


def named_holder(text: str, card_list: list[cards.CardView]) -> tuple[cards.CardView, str] | None:
    """The family card a message names by its holder's given name ("треба до педіатра для
    Софії"), and the text without that word; or by who they are ("лекарства для ребенка",
    `RELATION_WORDS`: the word stays, a doctor may be named by it); or the member's own card
    when they ask for themselves ("запишіть мене до стоматолога", `forms.SELF_WORDS`) and another
    (a child's, picked for the last request) is the active one. None with no family, or
    when no card or several people's are named (one person's cards of two years: the one in
    force now)."""
    if len(card_list) < 2:
        return None
    words = text.split()
    for at, word in enumerate(words):
        bare = word.strip(",.!?;:'’").casefold()
        # the name as typed, or as the other script writes it ("Тараса" for "Taras Kovalenko")
        spelled = [bare, *other_scripts(bare)] if bare.isalpha() else [bare]
        found = [
            c for c in card_list if any(_is_name(s, given_name(c.holder_name)) for s in spelled)
        ]
        if (card := _in_force(found)) is not None:
            # (the signs after it stay: "ліки для Софії: нурофен" gives its list after the colon)
            after = word[len(word.rstrip(",.!?;:'’")) :]
            return card, " ".join([*words[:at], *([after] if after else []), *words[at + 1 :]])
    for word in words:
        relation = _relation(word)
        found = [c for c in card_list if relation is not None and c.relation == relation]
        sex = RELATION_SEX.get(_bare(word))  # "для сына": not the daughter ("Софія Олегівна")
        found = [c for c in found if sex is None or sex_of(c.holder_name) in (sex, None)]
        if (card := _in_force(found)) is not None:
            return card, text
    if names_self(text):
        own = _in_force([c for c in card_list if c.relation == Relation.SELF])
        if own is not None and not own.is_active:
            return own, text
    return None


def names_family(text: str, card_list: list[cards.CardView]) -> bool:
    """Whether a message names a family member by who they are ("для ребенка", "для сына")
    to a member with a family's cards. With `named_holder` finding no one card of theirs (two
    children, or a son where only a daughter has a card here) the request is not made on the
    active card, but whose it is asked: the caller has read the holder already."""
    return len(card_list) > 1 and any(_relation(word) is not None for word in text.split())


def names_someone_else(text: str) -> bool:
    """Whether a message names someone by who they are to the member ("для сына", "запишите
    маму", "my mother"): a family word or another person's (`forms.OTHER_PERSON_WORDS`)."""
    return any(
        _relation(word) is not None or _bare(word) in OTHER_PERSON_WORDS for word in text.split()
    )


def names_self(text: str) -> bool:
    """Whether a message asks for the member themselves ("запишіть мене", `forms.SELF_WORDS`)."""
    return any(word.strip(",.!?;:'’").casefold() in SELF_WORDS for word in text.split())


def request_named_for(
    text: str, manager: DialogManager, what_to_do: bool = False
) -> tuple[str, str | None] | None:
    """`named_request` of `text`; a word that names a family member by who they are, and
    left nothing named besides, is read without it: "дитині треба до лора" names the
    pediatrician by "дитині" and the ENT by "лора": the ENT ("ребенку нужен кардиолог" too,
    for a member with no child's card here: on their own, as "сыну нужен лор"). A complaint
    that names no doctor ("болит горло, температура") asks for one: the appointment, its
    doctor to choose. `what_to_do`: the message asked what to do about `text` ("заболел, что
    делать?"), so a complaint of one word asks too."""
    named = named_request(text, manager)
    bare = without_relations(text)
    besides_family = bare not in ("", text)  # (family words in it, and more than them)
    if named is None and besides_family:
        named = named_request(bare, manager)
    told_enough = what_to_do or len(text.split()) >= COMPLAINT_MIN
    if (
        named == (RequestKind.MEDICINES, None)
        and complaint_said(text)
        and told_enough
        and not wants(text)
    ):
        # "аспирин не помогает, болит голова", "после нурофена болит живот": the medicine
        # taken, and how the member feels what is told; no medicines asked for: the doctor
        held = _held(text, manager)
        return (
            held if held and held[0] == RequestKind.APPOINTMENT else (RequestKind.APPOINTMENT, None)
        )
    if named is None and complaint_said(text) and told_enough:
        # the doctor (or the request) its words name ("у дитини висипка і температура": the
        # pediatrician; "was sick, refund for medicines": the refund); one named besides a
        # child's word, which names the pediatrician too ("баламның тісі ауырады"), that one
        besides = _held(bare, manager) if besides_family else None
        if besides is not None and besides != (RequestKind.APPOINTMENT, None):
            return besides
        return _held(text, manager) or (RequestKind.APPOINTMENT, None)
    return named


# a complaint is told in two words at least ("болит горло"; "болит" alone says not what),
# or in one with what to do asked ("заболел, что делать?")
COMPLAINT_MIN = 2


def _relation(word: str) -> str | None:
    return RELATION_WORDS.get(_bare(word))


def _bare(word: str) -> str:
    """A word as the family words are written: no signs around it, lower case, no "'s"."""
    return word.strip(",.!?;:'’").casefold().removesuffix("'s")


def without_relations(text: str) -> str:
    """`text` without the words that name a family member by who they are ("дитині треба до
    лора": "треба до лора"), for the doctor named besides the child's word (which names the
    pediatrician too)."""
    return " ".join(word for word in text.split() if _relation(word) is None)


def _in_force(found: list[cards.CardView]) -> cards.CardView | None:
    """The card of the one person among `found` (the one in force, of their cards of two
    years); None when none or several people's are."""
    if len({c.holder_name for c in found}) != 1:
        return None
    current = [c for c in found if c.status is cards.CardStatus.ACTIVE]
    return current[0] if len(current) == 1 else found[0] if len(found) == 1 else None


def named_ahead(named: tuple[str, str | None], text: str, said: str = "") -> str | None:
    """What `text` says of the request it names, for the form's steps that ask it: the words
    themselves, which the form's first step reads (`on_start`: an appointment's day and clinic,
    "к дерматологу в Добробут в следующий вторник", a call-back's time of day and topic, a
    claim's date and amount, a list after a colon, the day of lab tests); for an appointment
    whose message tells the clinic something ("у Софії болить вухо", "врача на дом",
    `forms.for_the_clinic`), the message as `said` (whom for named in it too), its comment."""
    if named[0] == RequestKind.APPOINTMENT and for_the_clinic(said or text):
        return said or text
    return text


# the words that join two requests in one message ("анализы и к гинекологу", "ліки та до
# лікаря", "tests and a dentist", "талдау және дәрігерге"), a comma before them or not
REQUESTS_AND = re.compile(
    r"\s*,?\s+(?:и|і|й|та|and|және|а также|а ещё|а еще|а ще|а також|плюс|also)\s+", re.IGNORECASE
)


# the words for "to" before a doctor ("к стоматологу", "до лора"): not the request's first word
_TO = frozenset({"к", "ко", "до", "to"})


def _names_kind(word: str, kind: str, manager: DialogManager) -> bool:
    """Whether `word` alone names a request of `kind` ("appointment", its doctor named after)."""
    named = named_request(word, manager)
    return named is not None and named[0] == kind


class Asked(NamedTuple):
    """What a message asks for (`asked_for`)."""

    named: tuple[str, str | None]  # the request: its kind, and the doctor of an appointment
    holder: tuple[cards.CardView, str] | None  # the family member named, and the words after
    on: cards.CardView | None  # the card it would be made on (None: no active card)
    rest: str  # the message's words without the family member's name
    # a family member named whom no one card is ("для ребенка", two children): whose, asked
    ask_whose: bool = False
    said: str = ""  # the message as read, whom for named in it too


def asked_for(
    text: str,
    card_list: list[cards.CardView],
    manager: DialogManager,
    said_for: cards.CardView | None = None,
) -> Asked | None:
    """The request `text` asks for, for the family member it names too ("треба до педіатра
    для Софії"), and the card it would be made on; None for a question about it ("Is dentistry
    covered?", "лимит по стоматологии": no word of wanting, and the request not its first word).
    `said_for`: the card of the one the whole message names, when `text` is a part of it; the
    part is for them unless it names someone itself (themselves too: "мне"). A greeting it
    opens with is not read ("Добрый день! Перезвоните мне"), nor a request it turns down
    (`kind_refused`)."""
    text = said = without_opening(text) or text
    # a question, unless one that asks for it ("можете перезвонить?", "как заказать
    # лекарства", asked with no "?" as often)
    if "?" in text or without_how(typed_phrase(text)) != typed_phrase(text):
        polite = polite_request(text)
        if polite is None:
            return None
        text = polite
    # "не хочу звонок" asks for none; "мне не звонок нужен, а запись к врачу", what is besides
    refused, text = kind_refused(text, manager)
    if refused is not None and not text:
        return None
    holder = named_holder(text, card_list)
    if holder is None and said_for is not None and not names_self(text):
        holder = (said_for, text)
    rest = holder[1] if holder else text
    unknown = holder is None and names_family(text, card_list)  # (two children: asked)
    named = request_named_for(rest, manager, what_to_do=asks_what_to_do(said))
    if named is None:
        return None
    if named[0] != RequestKind.CALLBACK and about_made_request(text):
        return None  # "отмените запись к стоматологу": about one made (a call about it asks)
    # a message that begins with the request, its words of asking and whom it is for left out
    # ("please call me in the evening", "сыну к стоматологу", "для Андрія ліки"), asks for it
    # (or ends with it, in Kazakh: "… теңгені қайтарыңыз", "ертең кардиологқа жазыңыз")
    words = (bare_request(without_relations(rest)) or rest).split()
    first = _first_of(words, named[0])
    # or its last clause does, what is told first ("оплатили лечение, верните деньги")
    told, _comma, clause = rest.rpartition(",")
    then = _first_of((bare_request(clause) or clause).split(), named[0]) if told else []
    # the verb last, what it asks for just before it: "ертең кардиологқа жазыңыз"
    last = words[-2:] if words and words[-1].endswith(KAZAKH_POLITE) else []
    if not (
        wants(text)
        or money_back(text)
        or (named[0] == RequestKind.APPOINTMENT and complaint_said(text))  # "болит зуб"
        or document_held(text)  # "у меня есть направление на анализы": to be used
        or any(_names_kind(word, named[0], manager) for word in first + then + last)
    ):
        return None
    on = holder[0] if holder else next((c for c in card_list if c.is_active), None)
    return Asked(named, holder, on, rest, unknown, said)


def _first_of(words: list[str], kind: str) -> list[str]:
    """The first word of `words` ("к" and "to" before a doctor passed over), and its first two
    when they name `kind` together ("вернуть деньги за анализы")."""
    kept = [w for w in words if w not in _TO]
    first = kept[:1]
    if KIND_WORDS.get(typed_phrase(" ".join(kept[:2]))) == kind:
        first.append(" ".join(kept[:2]))
    return first


def parts_asked(
    text: str, card_list: list[cards.CardView], manager: DialogManager
) -> list[tuple[str, Asked | None]]:
    """Each part of `text` between "и", "and"… ("анализы завтра и к гинекологу в пятницу"),
    with what it asks on its own (`asked_for`); the family member the whole message names is
    whom a part that names no one asks for ("педиатр и лор для сына": both the son's). None
    for a message of one part."""
    parts = REQUESTS_AND.split(text)
    if len(parts) < 2:
        return []
    whose = named_holder(text, card_list)
    said_for = whose[0] if whose else None
    read = [(part, asked_for(part, card_list, manager, said_for)) for part in parts]
    if whose is None and names_family(text, card_list):  # "педиатр и лор для ребенка"
        return [(p, a._replace(ask_whose=True) if a and not a.holder else a) for p, a in read]
    return read


def another_asked(read: list[tuple[str, Asked | None]], first: Asked) -> Asked | None:
    """A request of another kind or doctor, or for another person, that a part of a message
    (`read`: each part split at "и", "and"…, with what it asks on its own) asks for, on a card
    that takes one now; None when there is none. After a refund, what a part only names is
    what the money was for ("вернуть деньги за анализы и лекарства"), not a request; a
    call-back is never what money was for ("верните деньги и перезвоните")."""
    for part, more in read:
        for_money = more is None or more.named[0] != RequestKind.CALLBACK
        if first.named[0] == RequestKind.REIMBURSEMENT and for_money and not says_wanting(part):
            continue
        if more is not None and not same_asked(more, first) and more.on and is_open(more.on):
            return more
    return None


def same_asked(asked: Asked | None, other: Asked) -> bool:
    """The same request on the same card."""
    return asked is not None and (asked.named, card_of(asked)) == (other.named, card_of(other))


def card_of(asked: Asked) -> int | None:
    return asked.on.card_id if asked.on is not None else None


def is_open(card: cards.CardView) -> bool:
    return card.status is cards.CardStatus.ACTIVE


def offered_of(asked: Asked) -> list[Any] | None:
    """What `asked` offers ([kind, specialty, card_id, whose, day, ask_whose]:
    `suggest.on_suggest`, `requests/common.py:THEN`); None when the card it would be made on
    takes no request now."""
    named, holder, on = asked.named, asked.holder, asked.on
    if on is None or not is_open(on):
        return None
    card_id = holder[0].card_id if holder else None
    whose = given_name(holder[0].holder_name) if holder else ""
    ahead = named_ahead(named, asked.rest, asked.said)
    return [*named, card_id, whose, ahead, asked.ask_whose]


def offered_two(first: Asked, more: Asked) -> tuple[list[Any], list[Any]] | None:
    """Two requests one message names, each as it is offered (`offered_of`), each on the card
    it was read for now (the one pressed first may make another card the active one: a
    child's) and, when they are for two people, each named ("… · Софія", "… · Олена"); None
    when either card takes no request now."""
    offered, more_offered = offered_of(first), offered_of(more)
    if offered is None or more_offered is None:
        return None
    offered[2], more_offered[2] = card_of(first), card_of(more)
    if offered[2] != more_offered[2]:
        for shown, read in ((offered, first), (more_offered, more)):
            if not shown[3] and read.on is not None:
                shown[3] = given_name(read.on.holder_name)
    return offered, more_offered
