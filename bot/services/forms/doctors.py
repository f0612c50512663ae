"""A doctor or an examination named in words ("зубной", "к урологу", "УЗИ щитовидки")."""

from __future__ import annotations

import re

from bot.services.dates import RELATIVE_DAYS, WEEKDAYS
from bot.services.forms.kinds import _ASKING, _WANTING, RELATION_WORDS
from bot.services.forms.text import _words, aliases_held, typed_phrase

# a doctor as people name them rather than by the specialty ("зубной", "тіс дәрігері",
# "eye doctor", "болит зуб"), in the four languages; a stem takes its endings ("зубному",
# "дитячого"), a short word up to two letters more (`_ends_as`). The specialties' labels are
# taken from the locales (`dialogs/requests/appointment/handlers.py:specialty_words`).
SPECIALTY_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("семейн", "сімейн", "отбасылық дәрігер", "family doctor", "gp", "general practitioner"),
        "therapist",
    ),
    **dict.fromkeys(
        ("детск", "дитяч", "ребенк", "ребёнк", "дитин", "балалар дәрігері", "бала дәрігері",
         "балам", "баламның", "балама", "баламды", "балаға", "баланың", "балалар", "child",
         "children", "kids doctor", "paediatrician"),
        "pediatrician",
    ),
    **dict.fromkeys(("женск", "жіноч", "әйелдер дәрігері", "gyn", "gynaecologist"),
                    "gynecologist"),
    **dict.fromkeys(
        ("зуб", "зубн", "зубы", "зуби", "тіс", "тіс дәрігері", "стоматолог", "tooth", "teeth",
         "dental", "пломб", "filling"),
        "dentist",
    ),
    **dict.fromkeys(("сердц", "серц", "жүрек", "heart"), "cardiologist"),
    **dict.fromkeys(
        ("ухо горло нос", "вухо горло ніс", "отоларинголог", "құлақ", "ears", "throat"), "ent"
    ),
    **dict.fromkeys(("окулист", "окуліст", "глаз", "очн", "көз", "eye", "eyes", "eye doctor"),
                    "ophthalmologist"),
    **dict.fromkeys(("невропатолог", "nerve"), "neurologist"),
    **dict.fromkeys(("кожн", "кожа", "шкір", "тері", "skin"), "dermatologist"),
}  # fmt: skip


# a doctor the specialty list does not hold, as people write one ("к урологу", "хірурга",
# "урологқа", "an endocrinologist"): the word's stem, and the case endings it may carry
_DOCTOR = re.compile(
    r"^(\w{2,}(?:олог|ролог|хирург|хірург|ортопед|ортодонт|иатр|іатр|ologist|surgeon|"
    r"orthopedist|orthodontist|iatrist))"
    r"(?:а|у|ом|ові|е|і|и|ів|ов|қа|ке|ға|ге|ы|s)?$"
)
# (the word alone, its stem being the whole of it: "хирург", "уролог")
_DOCTOR_WORDS = frozenset({"хирург", "хірург", "ортопед", "ортодонт", "surgeon"})


# an examination made at a clinic by appointment, as people name it ("сделать УЗИ", "на МРТ",
# "рентген", "an MRI"): booked as the doctor's visit is, under its usual name
PROCEDURES: dict[str, str] = {
    "узи": "УЗИ", "узд": "УЗД", "мрт": "МРТ", "кт": "КТ", "экг": "ЭКГ", "екг": "ЕКГ",
    **dict.fromkeys(("рентген", "рентгена", "рентгену"), "Рентген"),
    **dict.fromkeys(("флюорография", "флюорографию"), "Флюорография"),
    **dict.fromkeys(("флюорографія", "флюорографію"), "Флюорографія"),
    **dict.fromkeys(("маммография", "маммографию"), "Маммография"),
    **dict.fromkeys(("мамографія", "мамографію"), "Мамографія"),
    **dict.fromkeys(("массаж", "массажу"), "Массаж"),
    **dict.fromkeys(("масаж", "масажу"), "Масаж"),
    "mri": "MRI", "ultrasound": "Ultrasound", "xray": "X-ray", "ecg": "ECG", "ekg": "ECG",
    "massage": "Massage",
}  # fmt: skip


# the words after an examination that end what is examined ("МРТ колена завтра", "УЗИ
# щитовидки для сына", "massage and a call-back"): of asking, of days, of joining, of whom for
_PART_ENDS = frozenset(
    {"и", "і", "й", "та", "and", "або", "или", "or", "а", "но", "але", "but", "с", "з", "со",
     "к", "до", "в", "во", "у", "на", "on", "at", "to", "with", "утром", "вечером", "зранку",
     "ввечері", "morning", "evening", "срочно", "терміново", "urgent", "urgently"}
)  # fmt: skip
# (and the words that join inside one: "MRI of the knee", trimmed when nothing follows them)
_PART_JOINS = frozenset({"of", "the", "my", "мой", "моей", "мого", "моєї"})
# an examined part is named in this many words at most ("щитовидной железы", "грудной клетки")
PART_WORDS = 3
_CLAUSE = re.compile(r"[,.;:!?()\n]")


def _examined(text: str, word: str) -> list[str]:
    """The words naming what is examined after the examination's `word` in `text`, as typed
    ("мне нужно УЗИ брюшной полости": "брюшной", "полости"); none when nothing follows it."""
    for clause in _CLAUSE.split(text):
        tokens = clause.split()
        folded = [typed_phrase(token) for token in tokens]
        if word not in folded:
            continue
        after = folded.index(word) + 1
        part: list[str] = []
        for token, plain in zip(tokens[after:], folded[after:], strict=True):
            if not plain or plain in _EXAMINED_ENDS or plain.startswith(_WANTING):
                break
            part.append(token)
            if len(part) == PART_WORDS:
                break
        while part and typed_phrase(part[-1]) in _PART_JOINS:
            part.pop()
        return part
    return []


def doctor_named(text: str) -> str | None:
    """The one doctor a message names that the specialty list does not hold, as its name reads
    ("запишите к урологу": "Уролог", "нужен хирург": "Хирург", "an endocrinologist"), or the
    one examination (`PROCEDURES`) with what it examines ("сделать УЗИ": "УЗИ", "МРТ колена":
    "МРТ колена"); None when it names none, or several."""
    procedures = {w: PROCEDURES[w] for w in _words(text) if w in PROCEDURES}
    if procedures:
        if len(set(procedures.values())) > 1:
            return None
        word, name = next(iter(procedures.items()))
        return " ".join([name, *_examined(text, word)])
    found = set()
    for word in _words(text):
        match = _DOCTOR.match(word)
        stem = match.group(1) if match else None
        for alone in _DOCTOR_WORDS:
            if word.startswith(alone) and len(word) - len(alone) <= 3:
                stem = alone
        if stem is not None:
            found.add(stem)
    return found.pop().capitalize() if len(found) == 1 else None


# what ends the words of what an examination examines (`_examined`): a word of `_PART_ENDS`,
# of asking, of whom for, of a day, or another examination, but not one that joins inside it
_EXAMINED_ENDS = (
    _PART_ENDS
    | _ASKING
    | RELATION_WORDS.keys()
    | RELATIVE_DAYS.keys()
    | WEEKDAYS.keys()
    | PROCEDURES.keys()
) - _PART_JOINS


# how the member feels, told rather than a doctor asked for ("болит зуб", "температура 38",
# "у дитини висипка", "my tooth hurts", "тісім ауырады"): a complaint asks for a doctor, and is
# what the clinic should know. The beginnings of its words in the four languages, and the
# short ones whole ("боль", not "больница"; "ауырады", not "аурухана", a hospital)
_COMPLAINT_STEMS = (
    "болит", "болят", "болел", "болею", "болеет", "заболе", "приболе", "температур", "кашл",
    "кашел", "насморк", "простуд", "простыл", "грипп", "сыпь", "тошн", "рвот", "понос", "диаре",
    "головокруж", "опух", "отек", "отёк", "ушиб", "вывих", "перелом", "травм", "отравл",
    "болить", "болять", "захвор", "нежить", "застуд", "висип", "нудит", "нудот", "блюв",
    "пронос", "запаморо", "набряк", "забій", "вивих", "отруї", "свербі", "ауырад", "ауырып",
    "ауырсын", "ауырды", "қызу", "жөтел", "тұмау", "hurt", "aching", "pain", "fever",
    "temperature", "cough", "vomit", "nause", "diarrh", "dizz", "swollen", "swelling", "injur",
    "sprain", "fractur", "rash", "аллерг", "алерг", "allerg", "давлени", "тиск", "зуд",
    "itch", "пломб",
)  # fmt: skip
_COMPLAINT_WORDS = frozenset({"боль", "боли", "больно", "біль", "болю", "жар", "грип", "flu",
                              "ill", "sick", "sore"})  # fmt: skip
# (and any word of aching: "toothache", "headache")
_ACHE = "ache"
# a doctor asked to come home ("вызвать врача на дом", "лікаря додому", "a home visit"):
# where the visit is, which the clinic must know too
_HOME_VISIT = re.compile(
    r"(?<!\w)(?:на\s+дом[уі]?|додому|вдома|home\s+visit|at\s+home|to\s+my\s+home|үйге)(?!\w)",
    re.IGNORECASE,
)


# (and the words before one that say it is gone: "зуб больше не болит", "it doesn't hurt")
_NOT = frozenset({"не", "not", "t", "no", "без", "without"})


def complaint_said(typed: str) -> bool:
    """Whether a message tells how the member (or whom it is for) feels: a word of pain or
    illness (`_COMPLAINT_STEMS`), not said gone; or something of theirs broken ("сломался
    зуб", "зламав руку": a doctor's word or a limb with it, not "сломалась кнопка")."""
    words = _words(typed)
    if any(word.startswith(_BROKEN) for word in words) and (
        _LIMBS.intersection(words) or aliases_held(typed, SPECIALTY_WORDS)
    ):
        return True
    return any(
        (word in _COMPLAINT_WORDS or word.startswith(_COMPLAINT_STEMS) or word.endswith(_ACHE))
        and (at == 0 or words[at - 1] not in _NOT)
        for at, word in enumerate(words)
    )


# broken, said of a tooth or a limb (`complaint_said`), and the limbs
_BROKEN = ("сломал", "зламав", "зламал", "broke", "chipped", "откол", "відкол", "сынды", "сынып")
_LIMBS = frozenset(
    {"ногу", "нога", "ноги", "руку", "рука", "руки", "палец", "пальца", "палець", "пальця",
     "ребро", "нос", "ніс", "leg", "arm", "finger", "wrist", "ankle", "toe", "запястье",
     "аяғым", "аяғы", "қолым", "қолы"}
)  # fmt: skip


def for_the_clinic(typed: str) -> bool:
    """Whether a message asking for a doctor tells what the clinic should know of the visit:
    how the member feels (`complaint_said`) or that the doctor is asked home."""
    return complaint_said(typed) or _HOME_VISIT.search(typed) is not None
