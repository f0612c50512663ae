"""Validation shared by the request forms."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, datetime
from difflib import SequenceMatcher
from enum import StrEnum
from typing import NamedTuple

from bot.services.dates import RELATIVE_DAYS, WEEKDAYS, read_date

TEXT_MAX = 1000

# The times of day a member may prefer (`time-window-<id>` labels: "Morning, 8:00–12:00"…) and
# the hour each ends, in the insurer's zone; "any" is any of them.
TIME_WINDOWS = ("morning", "afternoon", "evening", "any")
ANY_TIME = "any"
# each time window's first and last hour ("any": the whole day)
WINDOW_SPANS = {"morning": (8, 12), "afternoon": (12, 16), "evening": (16, 20), ANY_TIME: (0, 24)}
# the hour each window of the day ends ("any" is none of them)
WINDOW_ENDS = {window: end for window, (_, end) in WINDOW_SPANS.items() if window != ANY_TIME}


def clean_text(text: str | None, min_len: int = 2, max_len: int = TEXT_MAX) -> str | None:
    """Trimmed free text with at least one letter or digit, within the length limits."""
    if text is None:
        return None
    value = text.strip()
    if not (min_len <= len(value) <= max_len) or not any(ch.isalnum() for ch in value):
        return None
    return value


def too_long(text: str | None, max_len: int, *, collapse: bool = False) -> bool:
    """Whether typed text was refused for its length over `max_len` (then the member is told
    "too long, at most N", never "too short"). `collapse` measures it with runs of whitespace
    made one space, as addresses and names are stored."""
    if text is None:
        return False
    value = " ".join(text.split()) if collapse else text.strip()
    return len(value) > max_len


class DateRefusal(StrEnum):
    """Why a preferred date cannot be taken."""

    PAST = "past"
    TOO_FAR = "too_far"


def preferred_date_refusal(value: date, today: date, horizon_days: int = 365) -> DateRefusal | None:
    """A preferred date is today or later, within the horizon; else why not."""
    if value < today:
        return DateRefusal.PAST
    if (value - today).days > horizon_days:
        return DateRefusal.TOO_FAR
    return None


# what people write for a time of day beyond the buttons' own words (`match_choice` takes
# those: "утром", "morning", "кешке"), as `_words` leaves it: lower case, hyphens as spaces
TIME_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("с утра", "утра", "утречком", "до обеда", "вранці", "зранку", "до обіду", "таңертеңгі",
         "таңғы", "түске дейін", "before lunch", "in the morning", "am",
         # a blood test on an empty stomach is a morning's ("завтра натощак")
         "натощак", "натщесерце", "на голодный желудок", "на голодний шлунок", "fasting",
         "аш қарынға"),
        "morning",
    ),
    **dict.fromkeys(
        ("днем", "днём", "после обеда", "в обед", "обед", "вдень", "удень", "після обіду",
         "в обід", "обід", "түсте", "түстен кейін", "күндізгі", "түскі", "after lunch",
         "in the afternoon", "noon", "midday", "pm"),
        "afternoon",
    ),
    **dict.fromkeys(
        ("вечера", "вечерком", "ввечері", "увечері", "надвечір", "кешкі", "кешқұрым",
         "in the evening", "after work", "после работы", "після роботи", "жұмыстан кейін"),
        "evening",
    ),
    **dict.fromkeys(
        ("любое", "не важно", "неважно", "все равно", "всё равно", "когда угодно", "будь коли",
         "байдуже", "все одно", "неважливо", "кез келген", "маңызды емес", "бәрібір", "any",
         "anytime", "whenever", "no preference", "doesn t matter", "does not matter",
         # now, or as soon as can be: the first time there is
         "сейчас", "прямо сейчас", "зараз", "прямо зараз", "now", "right now", "қазір",
         "дәл қазір", "asap", "as soon as possible", "как можно скорее", "как можно быстрее",
         "якнайшвидше", "якомога швидше", "срочно", "терміново", "шұғыл"),
        ANY_TIME,
    ),
}  # fmt: skip
# the time windows' own words in the four languages, for a time of day typed after a date
# ("завтра утром"), where no button's label is at hand to match
TIME_LABEL_WORDS: dict[str, str] = {
    **dict.fromkeys(("утро", "утром", "ранок", "morning", "таңертең"), "morning"),
    **dict.fromkeys(("afternoon", "күндіз"), "afternoon"),
    **dict.fromkeys(("вечер", "вечером", "вечір", "evening", "кеш", "кешке"), "evening"),
    **dict.fromkeys(
        ("любое время", "будь який час", "any time", "кез келген уақыт"), ANY_TIME
    ),
}  # fmt: skip
# what a time step takes typed: the words people use, and each window's own in any of the four
# languages ("утром" from a member the bot speaks English to)
TIME_ALIASES: dict[str, str] = {**TIME_LABEL_WORDS, **TIME_WORDS}
# an hour typed ("14:00", "в 10", "after 17.30"): the first in the text; with a dot, not when
# what follows it is a month and no minute a call or a visit is set at ("15.12" is the 15th of
# December, "15.30" half past three)
_HOUR = re.compile(
    r"(?<![\d.:/])([01]?\d|2[0-3])(?:(?::|\.(?!(?:0[1-46-9]|1[12])(?!\d)))([0-5]\d))?"
    r"(?![\d/]|\.\d)"
)


# a kind of request typed on the chooser rather than picked, beyond its label's own words
# ("лекарства", "врачу", "analysis" are taken by `match_choice` from the labels)
KIND_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("врач", "доктор", "к врачу", "записаться", "запись", "лікар", "до лікаря", "записатися",
         "запис", "дәрігер", "doctor", "appointment", "visit"),
        "appointment",
    ),
    **dict.fromkeys(
        ("лекарство", "лекарства", "препараты", "рецепт", "ліки", "дәрі", "дәрі дәрмек",
         "medicine", "medicines", "drugs", "pharmacy", "аптека", "prescription", "refill"),
        "medicines",
    ),
    **dict.fromkeys(
        ("анализ", "анализы", "сдать анализы", "аналіз", "аналізи", "здати аналізи", "талдау",
         "талдаулар", "тест", "тесты", "lab", "tests", "lab test", "blood test", "сдать кровь",
         "здати кров", "қан тапсыру", "blood work", "мочу", "сечу", "urine"),
        "lab_tests",
    ),
    **dict.fromkeys(
        ("возмещение", "компенсация", "возврат", "вернуть деньги", "вернуть средства",
         "верните", "верніть", "поверніть", "відшкодування", "компенсація", "повернення",
         "повернути гроші", "повернути кошти", "ақшаны қайтар", "ақшасын қайтар", "ақша қайтар",
         "қайтарыңыз",
         "өтемақы", "өтеу", "refund", "reimburse", "reimbursement", "compensation",
         "money back", "claim",
         # a receipt sent or named for its money ("чек за анализы", "вот мой чек"), not "чекап"
         "чек за", "чеки за", "мой чек", "мои чеки", "чек из", "чеки из", "мій чек", "мої чеки",
         "чек з", "чеки з", "receipt for", "my receipt", "my receipts", "менің чегім",
         # the stems, for the verbs: "компенсуйте", "возместите", "відшкодуйте"
         "компенс", "возмест", "відшкод"),
        "reimbursement",
    ),
    **dict.fromkeys(
        ("звонок", "перезвоните", "позвоните", "перезвонить", "позвонить", "дзвінок",
         "передзвоніть", "передзвонити", "зателефонуйте", "зателефонувати", "перетелефонуйте",
         "перетелефонувати", "подзвоніть", "подзвонити", "перезвоніть", "перезвонити", "наберите",
         "наберіть", "қоңырау", "хабарласыңыз", "call",
         "call me", "call back", "callback"),
        "callback",
    ),
}  # fmt: skip
# money back for something: a message that names a refund and what it was for ("компенсация за
# лекарства", "refund for a blood test") names the refund
REFUND_WORDS = {alias: kind for alias, kind in KIND_WORDS.items() if kind == "reimbursement"}


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
         "child", "children", "kids doctor", "paediatrician"),
        "pediatrician",
    ),
    **dict.fromkeys(("женск", "жіноч", "әйелдер дәрігері", "gyn", "gynaecologist"),
                    "gynecologist"),
    **dict.fromkeys(
        ("зуб", "зубн", "зубы", "зуби", "тіс", "тіс дәрігері", "стоматолог", "tooth", "teeth",
         "dental"),
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


# the words of wanting something done, as a word begins: "нужен", "хочу", "запишите",
# "потрібен", "треба", "керек", "need", "book"; a message on the menu that names a request
# with none of them ("лимит по стоматологии") is a question about it, not the request
_WANTING = (
    "нуж", "надо", "хоч", "запис", "запиш", "потріб", "треба", "хоті", "керек", "қажет", "жазыл",
    "need", "want", "like", "book", "order", "arrang", "schedul", "закаж", "замов", "сдать",
    "здати",
    # Kazakh asks with the verb last: "қоңырау шалыңыз" (call), "дәрі беріңіз" (give),
    # "жазғым келеді" (I want to book); "қайтарыңыз", "қайтару" (give back) name the refund
    "шалың", "берің", "жазғ", "келед", "қайтар",
)  # fmt: skip


# the words around a request that name none: who asks, and how politely ("мне", "please"); articles,
# and "для"/"for" before whom it is for
_ASKING = frozenset(
    {"мне", "мені", "меня", "мене", "маған", "мен", "я", "мы", "ми", "нам", "нас", "бізге", "i",
     "me", "my", "we", "us", "a", "an", "the", "please", "пожалуйста", "будь", "ласка",
     "өтінемін", "срочно", "терміново", "тез", "для", "for", "прошу", "просимо", "просим",
     "прохання", "просьба"}
)  # fmt: skip


# the polite imperative of Kazakh, which puts its verb last ("қайтарыңыз": give back)
KAZAKH_POLITE = ("ңыз", "ңіз")


def bare_request(typed: str) -> str:
    """A message's words without those of asking and wanting: "хочу вернуть деньги за анализы"
    is "вернуть деньги за анализы", short enough to be read for the request it names."""
    words = _words(typed)
    return " ".join(w for w in words if w not in _ASKING and not w.startswith(_WANTING))


# a request asked as a question ("can you call me back?", "можно записаться к лору?", "чи
# можна записатися до стоматолога?", "… жазылуға бола ма?"): the words that make it one,
# before it or, in Kazakh, after; longest first
_POLITE_BEFORE = (
    "не могли бы вы", "не могли б ви", "можете ли вы", "могу ли я", "чи можете ви", "чи можна",
    "чи можете", "можно ли", "могу ли", "можете", "можно", "можна", "could you please",
    "can you please", "could you", "can you", "would you", "can i", "could i", "may i",
)  # fmt: skip
_POLITE_AFTER = ("бола ма", "аласыз ба", "аласыздар ма")
# or asked how it is done ("как записаться к врачу?", "як повернути гроші?", "how do I get a
# refund?"): the way is the request itself; only before a verb of doing it ("как долго ждать
# возмещения?" asks about one made)
_HOW_BEFORE = (
    "как мне", "как можно", "как я могу", "как", "як мені", "як можна", "як я можу", "як",
    "how do i", "how can i", "how to", "where can i", "где можно", "де можна",
)  # fmt: skip
# (those that name the request with what follows, "вернуть деньги", kept; those that only say
# it is had, "получить возмещение", "get a refund", left out)
_HOW_VERBS_KEPT = ("верну", "вернут", "повернут", "заказ", "вызва", "виклика")
_HOW_VERBS_LEFT = ("получ", "оформ", "отрима", "get", "make", "claim", "apply", "request")


def polite_request(typed: str) -> str | None:
    """A question that asks for something to be done, or how it is done, as typed without the
    words that make it a question: "can you call me back?" is "call me back", "можно
    записаться к лору на 25.12?" "записаться к лору на 25.12", "как заказать лекарства?"
    "заказать лекарства". None for any other question ("Is dentistry covered?", "лимит по
    стоматологии?", "как долго ждать возмещения?"), which is about a request, not one."""
    tokens = typed.split()
    # the words typed, as the polite words are compared, and the token each is (a number or a
    # sign alone is no word, and stays where it was: "на 25.12?")
    words = [(at, word) for at, token in enumerate(tokens) for word in _words(token)]
    said = [word for _at, word in words]
    for polite in _POLITE_BEFORE:
        size = len(polite.split())
        if said[:size] == polite.split() and len(said) > size:
            return _unasked(" ".join(tokens[words[size - 1][0] + 1 :]))
    for polite in _POLITE_AFTER:
        size = len(polite.split())
        if said[-size:] == polite.split() and len(said) > size:
            return _unasked(" ".join(tokens[: words[-size][0]]))
    if size := _how_said(said):
        verb = said[size]
        if verb.startswith(_WANTING + _HOW_VERBS_KEPT):  # "как записаться к врачу?"
            return _unasked(" ".join(tokens[words[size - 1][0] + 1 :]))
        if verb.startswith(_HOW_VERBS_LEFT) and len(said) > size + 1:  # "how to get a refund"
            return _unasked(" ".join(tokens[words[size][0] + 1 :]))
    return None


def _how_said(words: list[str]) -> int:
    """How many of `words`, at their start, ask how something is done ("как", "how do i"),
    with more after them; 0 when none do."""
    for how in _HOW_BEFORE:
        size = len(how.split())
        if words[:size] == how.split() and len(words) > size:
            return size
    return 0


def _unasked(text: str) -> str:
    """A request asked as a question, without its question marks (they make it a question)."""
    return text.replace("?", " ").strip(" ,")


# a message about a request already made: to cancel or move it, or to know where it is
# ("отмените запись к стоматологу", "перенесите запись на пятницу", "статус заявки", "cancel my
# appointment", "өтінішті болдырмаңыз"), as a word begins; not a new request
_ABOUT_MADE_CHANGE = ("перенесит", "перенести", "перенесіть", "перенос", "reschedul", "postpon")
# (not "перенесла операцию": underwent an operation)
_ABOUT_STATUS = ("статус", "status", "мәртебе")
# changed ("поменять дату записи", "змінити час", "change my appointment") or asked after
# ("где моя заявка", "where is my request"): with a word for the request, its day or its time
_ABOUT_VERBS = ("помен", "измен", "змін", "change", "өзгерт")
_ABOUT_WHERE = frozenset({"где", "де", "where", "қайда"})
# when the member will be called or answered ("когда мне перезвонят?", "коли буде відповідь",
# "when will you call me?", "қашан хабарласасыздар"), not when they can do something
_ABOUT_WHEN = frozenset({"когда", "коли", "when", "қашан"})
_ANSWERED = ("перезвон", "позвон", "передзвон", "зателефон", "call", "қоңырау", "хабарлас",
             "ответ", "відповід", "answer", "reply", "жауап")  # fmt: skip
_CAN = ("можно", "можна", "могу", "можу", "can", "could", "бола")
_MY = frozenset({"мой", "моя", "мою", "моё", "мое", "мои", "мій", "мої", "моє", "my", "менің"})
_ABOUT_NOUNS = ("заявк", "запрос", "запит", "дат", "date", "appointment", "booking", "request",
                "өтініш", "claim", "refund", "возмещени", "відшкодуван", "заявлени",
                "компенсаци", "компенсаці", "өтемақы")  # fmt: skip
# (the words, not their beginnings: "записаться" asks for one)
_ABOUT_NOUN_WORDS = frozenset({"запись", "записи", "записью", "запис", "время", "час", "time"})


# the words of cancelling, as a word begins ("отмените", "скасуйте", "cancel", "болдырмаңыз");
# not what was cancelled ("мне отменили лекарство": a new one may be asked for)
_CANCELLING = ("отмен", "скасу", "скасов", "cancel", "болдырм")
_CANCELLED = ("отменил", "отменен", "отменён", "скасувал", "скасован", "cancelled", "canceled")


def _cancels(word: str) -> bool:
    return word.startswith(_CANCELLING) and not word.startswith(_CANCELLED)


# the most words of a message that only asks to cancel ("отмените, пожалуйста"); a longer one
# says more, for support to read
CANCEL_WORDS = 5


# a request deleted or withdrawn, named with it ("удалить заявку", "відкликати запит", "withdraw
# my request"): its cancelling; the words alone change lists and addresses elsewhere
_DELETING = ("удал", "видал", "delete", "remove", "отозв", "відклик", "withdraw", "өшір")
# the request no longer needed, said whole ("уже не актуально", "no longer needed")
NOT_NEEDED = frozenset(
    {"уже не нужно", "уже не надо", "больше не нужно", "больше не надо", "уже не актуально",
     "не актуально", "неактуально", "уже неактуально", "вже не потрібно", "вже не треба",
     "більше не потрібно", "вже не актуально", "не актуально вже", "неактуально вже",
     "no longer needed", "not needed anymore", "not needed any more", "no longer relevant",
     "енді керек емес", "қажет емес енді"}
)  # fmt: skip


def asks_cancelling(typed: str) -> bool:
    """Whether a short message asks to cancel and says nothing else ("отмените заявку",
    "хочу скасувати", "cancel it please", "удалить заявку", "уже не актуально")."""
    words = _words(typed)
    if not 0 < len(words) <= CANCEL_WORDS:
        return False
    if any(_cancels(word) for word in words) or plain_phrase(typed) in NOT_NEEDED:
        return True
    return any(w.startswith(_DELETING) for w in words) and any(
        w.startswith(_ABOUT_NOUNS) for w in words
    )


# something to be added to a request asked for in words ("добавить документ", "прикрепить
# фото", "add a photo"): its "Add a message or documents"
_ADDING = ("добав", "прикреп", "прилож", "дода", "прикріп", "add", "attach", "қос", "тірке")
_ADDED = ("документ", "фото", "файл", "чек", "скан", "сообщени", "повідомлен", "справк",
          "довідк", "photo", "file", "document", "message", "receipt", "scan", "құжат", "сурет",
          "хабар")  # fmt: skip


def asks_adding(typed: str) -> bool:
    """Whether a short message asks to add a document or a message ("добавить документ",
    "хочу прикрепить фото", "add a file")."""
    words = _words(typed)
    return (
        0 < len(words) <= CANCEL_WORDS
        and any(w.startswith(_ADDING) for w in words)
        and any(w.startswith(_ADDED) for w in words)
    )


class MadeAsked(StrEnum):
    """What a message about a request already made asks (`made_request_asked`)."""

    CHANGE = "change"  # to move or change it: support does
    CANCEL = "cancel"
    STATUS = "status"  # where it is, when the member is called


def made_request_asked(typed: str) -> MadeAsked | None:
    """What a message about a request already made asks: to move or change it, to cancel it, or
    where it is; None for any other message ("хочу отменить запись к стоматологу": to cancel,
    not a new appointment)."""
    words = _words(typed)
    nouns = any(word.startswith(_ABOUT_NOUNS) or word in _ABOUT_NOUN_WORDS for word in words)
    if any(word.startswith(_ABOUT_MADE_CHANGE) for word in words) or (
        nouns and any(word.startswith(_ABOUT_VERBS) for word in words)
    ):
        return MadeAsked.CHANGE
    if any(_cancels(word) for word in words):
        return MadeAsked.CANCEL
    answered = (  # "когда мне перезвонят?"
        _ABOUT_WHEN.intersection(words)
        and not any(word.startswith(_CAN) for word in words)
        and any(word.startswith(_ANSWERED) for word in words)
    )
    where = nouns and _ABOUT_WHERE.intersection(words) and _MY.intersection(words)
    if answered or where or any(word.startswith(_ABOUT_STATUS) for word in words):
        return MadeAsked.STATUS
    return None


def about_made_request(typed: str) -> bool:
    """Whether a message is about a request already made (`made_request_asked`), not one
    asking for a new request."""
    return made_request_asked(typed) is not None


def wants(typed: str) -> bool:
    """Whether a message asks for something: two words at most ("стоматолог", "перезвоните
    мне"), or a word of wanting among them ("мне нужен стоматолог")."""
    words = _words(typed)
    return 0 < len(words) <= 2 or any(word.startswith(_WANTING) for word in words)


def says_wanting(typed: str) -> bool:
    """Whether a message holds a word of wanting or asking ("нужно", "запишите", "want"),
    whatever its length (`wants` takes any two words for a request's name)."""
    return any(word.startswith(_WANTING) for word in _words(typed))


def alias_named(typed: str, aliases: Mapping[str, str]) -> str | None:
    """The one id whose alias stands in a short answer (up to `ALIAS_WORDS` words): "к
    зубному" is the dentist; None when none or several do."""
    words = _words(typed)
    if not words or len(words) > ALIAS_WORDS:
        return None
    found = aliases_held(typed, aliases)
    return found.pop() if len(found) == 1 else None


def aliases_held(typed: str, aliases: Mapping[str, str]) -> set[str]:
    """The ids whose aliases stand in `typed`, however long ("I need to see a dermatologist
    next Tuesday"). Where the aliases of several ids end at the same word, the nearest ones
    (`_nearness`): in Kazakh "дәрі" (medicines) is not "дәрігер" (a doctor) cut
    short, nor "дәрігерге" the medicines with an ending."""
    words = _words(typed)
    # the word an alias ends at: how near the nearest aliases are, and their ids
    best: dict[int, tuple[tuple[int, int], set[str]]] = {}
    for alias, option_id in aliases.items():
        parts = alias.split()
        for at in _holds_at(words, parts):
            end = at + len(parts) - 1
            near = _nearness(words[end], parts[-1])
            held, ids = best.get(end, ((-1, 0), set()))
            if near > held:
                best[end] = (near, {option_id})
            elif near == held:
                ids.add(option_id)
    return {option_id for _near, ids in best.values() for option_id in ids}


def _nearness(word: str, alias: str) -> tuple[int, int]:
    """How near a typed word is an alias it stands for: the letters they begin with alike,
    then how little their lengths differ."""
    return shared_start(word, alias), -abs(len(word) - len(alias))


def shared_start(a: str, b: str) -> int:
    """How many letters `a` and `b` begin with alike."""
    same = 0
    while same < min(len(a), len(b)) and a[same] == b[same]:
        same += 1
    return same


def window_named(text: str) -> str | None:
    """The one time of day a sentence names ("передзвоніть мені ввечері", "call me in the
    morning"); None when none or several do. In a sentence, the words of any time and the
    two-letter ones ("am", "pm") are not read for one."""
    words = _words(text)
    found = {
        window
        for alias, window in {**TIME_WORDS, **TIME_LABEL_WORDS}.items()
        if window != ANY_TIME and len(alias) > 2 and _holds_at(words, alias.split(), _ends_strictly)
    }
    return found.pop() if len(found) == 1 else None


def list_after(text: str, kind: str, taken: str = "") -> str | None:
    """The list a message gives after a colon, the request of `kind` named before it ("ліки
    для Софії: нурофен дитячий", "анализы: ОАК, глюкоза"), as typed; None when there is none
    ("Добрый день: нужны лекарства" names no list).

    What the words before the colon say besides the request's name, who asks, whom by who they
    are ("для доньки": the card is hers) and `taken` (the words the form keeps elsewhere: the day
    of lab tests) is not dropped: "нужны лекарства для мамы: парацетамол" (for someone with no
    card of the member's) is the list as typed, whole, so support reads it."""
    head, colon, tail = text.partition(":")
    tail = tail.strip()
    if not colon or kind not in aliases_held(head, KIND_WORDS):
        return None
    if not any(ch.isalpha() for ch in tail):
        return None
    words = bare_request(head).split()
    names = [alias.split() for alias, option in KIND_WORDS.items() if option == kind]
    said = {i + k for name in names for i in _holds_at(words, name) for k in range(len(name))}
    skip = set(_words(taken)) | RELATION_WORDS.keys()  # (whose card it is: the card says)
    rest = [w for i, w in enumerate(words) if i not in said and w not in skip]
    return text.strip() if rest else tail


# the words that end the tests named after the word for them ("анализы крови для сына", "blood
# test at the clinic", "аналізи крові в лабораторії"): whom they are for, where, why, and the
# next request ("… и к гинекологу"); "на" stays ("анализ на ферритин": the test's name)
_TESTS_END = frozenset(
    {"для", "в", "во", "у", "at", "in", "from", "by", "к", "ко", "до", "to", "з", "із", "с",
     "со", "по", "бо", "потому", "because", "чтобы", "щоб", "если", "якщо", "if", "когда",
     "коли", "when", "но", "але", "but", "или", "або", "or", "следующей", "следующий",
     "следующем", "этой", "этом", "наступного", "наступному", "наступний", "цього", "цьому",
     "next", "this"}
)  # fmt: skip
# the words that name a test by what it is of ("анализ на ферритин", "test for ferritin"), and
# whom or when when the next word says so ("for my son", "на этой неделе"): not kept last
_TESTS_OF = frozenset({"на", "for", "on"})
# the words that join tests ("крови и ферритин"), not left at the end of what is kept
_TESTS_JOIN = frozenset({"и", "і", "й", "та", "and", "а", "also"})
# Kazakh puts its verb after the tests ("қан талдау тапсыру керек"): "to hand in", not a test
_TESTS_VERBS = ("тапсыр",)
_SENTENCE_ENDS = (".", "!", ";", ":", "?")
# what a test is named by before the word for tests: an adjective in Russian or Ukrainian
# ("общий анализ крови", "загальний аналіз крові"), any word in Kazakh, whose words come before
# the one they qualify ("жалпы қан анализін"), up to this many
_ADJECTIVE_ENDS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ій", "на", "ні", "не")
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_TESTS_BEFORE_MAX = 3


def named_tests(text: str, taken: str = "") -> str | None:
    """The tests a message names after its word for them, as typed: "сдать анализы крови и
    ферритин завтра" is "анализы крови и ферритин", "blood test and ferritin" itself. The day
    the form keeps (`taken`, from where it stands in the message), whom they are for, where,
    and the words of asking end them; None when the message names none besides its word for
    tests ("сдать анализы завтра утром", "анализы для сына")."""
    tokens = text.split()
    words = [" ".join(_words(token)) for token in tokens]
    names = [alias.split() for alias, kind in KIND_WORDS.items() if kind == "lab_tests"]
    found = sorted((i, -len(name)) for name in names for i in _holds_at(words, name))
    if not found:
        return None
    at, size = found[0][0], -found[0][1]
    start = next(i for i in range(at, at + size) if not words[i].startswith(_WANTING))
    # where the day begins: its first word, after the word for tests
    first = _words(taken)[:1]
    day = next(
        (i for i in range(at + size, len(words)) if first and first[0] in words[i].split()),
        len(words),
    )

    def ends(index: int) -> bool:
        word = words[index]
        if word in _TESTS_OF:  # "на ферритин" goes on, "на этой неделе", "for my son" do not
            return index + 1 >= day or ends(index + 1)
        return (
            word in _TESTS_END
            or word in _ASKING
            or word in RELATION_WORDS
            or word in SELF_WORDS
            or word in TIME_LABEL_WORDS
            or word.startswith(_WANTING + _TESTS_VERBS)
        )

    end = at + size
    while end < day and not ends(end) and not tokens[end - 1].endswith(_SENTENCE_ENDS):
        end += 1
    while end > at + size and words[end - 1] in _TESTS_JOIN | _TESTS_OF | {""}:
        end -= 1
    before = start
    if start == at:  # "жалпы қан анализін", "общий анализ крови": what qualifies it before it
        kazakh = bool(_KAZAKH_LETTERS & set(text.casefold()))
        while (
            before > max(at - _TESTS_BEFORE_MAX, 0)
            and words[before - 1].isalpha()
            and not tokens[before - 1].endswith((*_SENTENCE_ENDS, ","))
            and not ends(before - 1)
            and words[before - 1] not in first
            and (kazakh or words[before - 1].endswith(_ADJECTIVE_ENDS))
        ):
            before -= 1
    if end == at + size and before == start:
        return None
    return " ".join(tokens[before:end]).rstrip(",;:.!")


# a family member named by who they are to the member ("для сына", "дружині", "for my
# daughter"), in the four languages, as the words are written: the registry's relation
RELATION_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("ребенок", "ребенка", "ребенку", "ребёнок", "ребёнка", "ребёнку", "сын", "сына", "сыну",
         "сынок", "сыночка", "дочь", "дочери", "дочка", "дочки", "дочке", "дочку", "дитина",
         "дитини", "дитині", "дитину", "син", "сина", "сину", "синові", "донька", "доньки",
         "доньці", "доньку", "дочці", "бала", "балаға", "балам", "баламның", "балама", "баламды",
         "ұлым", "ұлыма", "ұлымның", "ұлымды", "қызым", "қызыма", "қызымның", "қызымды",
         "child", "kid", "son", "daughter"),
        "child",
    ),
    **dict.fromkeys(
        ("муж", "мужа", "мужу", "жена", "жены", "жене", "жену", "чоловік", "чоловіка",
         "чоловіку", "чоловікові", "дружина", "дружини", "дружині", "дружину", "күйеуім",
         "күйеуіме", "күйеуімнің", "әйелім", "әйеліме", "әйелімнің", "husband", "wife"),
        "spouse",
    ),
}  # fmt: skip
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


# the family words that say a man or a woman ("сына", "дочке", "wife"): a son is not the
# daughter, whom alone the word for a child would name (`names.sex_of`)
RELATION_SEX: dict[str, str] = {
    **dict.fromkeys(
        ("сын", "сына", "сыну", "сынок", "сыночка", "син", "сина", "сину", "синові", "ұлым",
         "ұлыма", "ұлымның", "ұлымды", "son", "муж", "мужа", "мужу", "чоловік", "чоловіка",
         "чоловіку", "чоловікові", "күйеуім", "күйеуіме", "күйеуімнің", "husband"),
        "m",
    ),
    **dict.fromkeys(
        ("дочь", "дочери", "дочка", "дочки", "дочке", "дочку", "донька", "доньки", "доньці",
         "доньку", "дочці", "қызым", "қызыма", "қызымның", "қызымды", "daughter", "жена",
         "жены", "жене", "жену", "дружина", "дружини", "дружині", "дружину", "әйелім",
         "әйеліме", "әйелімнің", "wife"),
        "f",
    ),
}  # fmt: skip


# the member themselves, as a request is asked for them ("запишіть мене", "мне нужен врач",
# "book me"): their own card (the registry's main insured person), not the active one
# (not the Kazakh "мен", "I", which is also "and": "анализ мен дәрі")
SELF_WORDS = frozenset(
    {"мне", "меня", "мене", "мені", "маған", "me", "myself", "себе", "собі", "өзіме"}
)  # fmt: skip


# the words that say what a call is about ("передзвоніть щодо ліміту", "call me about my
# claim", "лимит туралы"): a call-back asked for with one says its topic
TOPIC_WORDS = frozenset(
    {"щодо", "стосовно", "про", "приводу", "поводу", "насчет", "насчёт", "касательно", "about",
     "regarding", "concerning", "туралы", "бойынша", "жөнінде"}
)  # fmt: skip


def topic_named(text: str) -> bool:
    """Whether a sentence that asks for a call-back says what the call is about: a word of
    `TOPIC_WORDS` among three words or more ("call me about my claim"; not "call me")."""
    words = _words(text)
    return len(words) >= 3 and any(word in TOPIC_WORDS for word in words)


def _ends_strictly(word: str, alias: str) -> bool:
    """`word` is `alias` with at most a two-letter ending ("вечер" in "вечерком"); never a word
    that only begins the alias ("after" is not "afternoon" in a sentence)."""
    return word.startswith(alias) and len(word) <= len(alias) + 2


# the most words a day is written in ("next Tuesday", "в следующий понедельник утром")
DAY_WORDS = 4


def day_named(text: str, today: date, *, future: bool = True) -> str | None:
    """The words of a message that name a day, ahead (a visit) or, not `future`, gone (a
    service to claim), as typed ("next Tuesday", "завтра утром", "15 декабря", "вчера"): the
    longest such run; None when none does. A number alone names no day ("3 анализа")."""
    tokens = [t.strip(".!") for t in text.replace(",", " ").split()]
    for size in range(min(DAY_WORDS, len(tokens)), 0, -1):
        for at in range(len(tokens) - size + 1):
            span = " ".join(tokens[at : at + size])
            if (
                any(ch.isalpha() for ch in span)
                and read_date_and_time(span, today, future=future)[0]
            ):
                return span
    return None


# "yes" typed to "Is everything correct?" under a summary, as `_words` leaves it: the whole
# answer, so "да, но время другое" (yes, but another time) is not taken for one
YES_WORDS = frozenset(
    {"да", "так", "yes", "иә", "ия", "ok", "ок", "окей", "okay", "y", "д", "верно", "вірно",
     "всё верно", "все верно", "усе вірно", "все вірно", "правильно", "дұрыс", "бәрі дұрыс",
     "correct", "all correct", "confirm", "подтверждаю", "підтверджую", "растаймын",
     "отправить", "отправляй", "надіслати", "надсилай", "send", "send it", "жіберу", "жібер"}
)  # fmt: skip


# "no" typed to a yes-or-no question ("Cancel request R-000042?"), the whole answer too
NO_WORDS = frozenset(
    {"нет", "ні", "no", "жоқ", "n", "н", "не", "не надо", "не нужно", "не треба", "не потрібно",
     "не керек", "нет не надо", "ні не треба", "no thanks", "nope", "не отменять",
     "не скасовувати", "keep it", "оставить", "залишити", "қалдыру"}
)  # fmt: skip


# "that's all" typed where a list or documents are collected (a medicines list, a claim's
# receipts): the whole answer, as the step's "Next" or "Done with documents"; never a line
DONE_WORDS = frozenset(
    {"готово", "всё", "все", "это всё", "это все", "всё готово", "все готово", "больше нет",
     "далее", "дальше", "далі", "це все", "усе", "більше немає", "більше нічого", "done",
     "that s all", "thats all", "that is all", "finished", "next", "болды", "дайын", "бітті",
     "басқа жоқ", "әрі қарай", "келесі", "больше ничего", "ничего больше", "нічого більше",
     "nothing else", "nothing more", "басқа ештеңе"}
)  # fmt: skip


# "nothing" typed for an optional answer (a comment): the step skipped, not "нет" stored
NOTHING_WORDS = frozenset(
    {"ничего", "нічого", "nothing", "ештеңе", "ештеңе жоқ", "no comment", "no comments",
     "без комментариев", "без коментарів", "нет комментариев", "немає", "пропустить",
     "пропустити", "skip", "өткізу", "өткізіп жіберу", "нечего добавить", "нічого додати",
     "нет комментария", "без комментария", "комментариев нет", "коментарів немає",
     "без коментаря", "немає коментаря", "пікір жоқ", "пікірім жоқ", "не нужно", "не треба",
     "не потрібно", "нет спасибо", "ні дякую", "no thanks"}
)  # fmt: skip
_DASHES = frozenset({"-", "–", "—", "--"})


# the menu's screens as people name them beside their buttons' labels (which are read in every
# language: `dialogs/menu.py:typed_menu_item`), typed rather than pressed
MENU_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("создать заявку", "подать заявку", "оставить заявку", "новую заявку", "створити заявку",
         "подати заявку", "залишити заявку", "нову заявку", "make a request", "new requests",
         "өтініш беру", "өтініш қалдыру",
         # another after one sent ("ещё одну", "ще заявку", "one more")
         "ещё одну", "еще одну", "ещё заявку", "еще заявку", "ещё одну заявку",
         "еще одну заявку", "ще одну", "ще заявку", "ще одну заявку", "another one",
         "another request", "one more", "one more request", "тағы бір", "тағы бір өтініш"),
        "new_request",
    ),
    **dict.fromkeys(
        ("заявки", "мои обращения", "история заявок", "мої звернення", "історія заявок",
         "requests", "my request", "өтініштерім", "өтініштер"),
        "my_requests",
    ),
    **dict.fromkeys(
        ("карты", "карточки", "мои карточки", "мои полисы", "полисы", "картки", "мої поліси",
         "поліси", "cards", "my card", "my policies", "карталарым", "карталар",
         # one card, the policy, its number, as members ask to see it ("где мой полис")
         "карта", "карту", "карточку", "моя карта", "мою карту", "мою карточку", "полис",
         "мой полис", "номер полиса", "мой номер полиса", "страховой полис", "страховка",
         "мою страховку", "картка", "картку", "моя картка", "мою картку", "поліс", "мій поліс",
         "номер поліса", "мій номер поліса", "страховий поліс", "card", "policy", "my policy",
         "policy number", "my policy number", "insurance card", "my insurance card",
         "полис нөмірі",
         "менің полисім", "менің картам", "картам",
         # the e-card, which "My cards" shows ("🪪 Show my card"): "электронная карта", "QR-код"
         "электронную карту", "электронная карта", "электронный полис", "электронную карточку",
         "електронну картку", "електронна картка", "електронний поліс", "e card", "ecard",
         "electronic card", "digital card", "qr", "qr код", "qr code", "электронды карта",
         # the card lost or left at home: the e-card is shown at the clinic instead
         "потерял карту", "потеряла карту", "потерял полис", "потеряла полис",
         "потерял карточку", "потеряла карточку", "забыл карту", "забыла карту",
         "забыл полис", "забыла полис", "карту потерял", "карту потеряла", "утеряна карта",
         "загубив картку", "загубила картку", "загубив поліс", "загубила поліс",
         "забув картку", "забула картку", "втратив картку", "втратила картку",
         "lost my card", "lost my insurance card", "lost my policy", "forgot my card",
         "картамды жоғалттым", "карта жоғалды", "полисімді жоғалттым"),
        "cards",
    ),
    **dict.fromkeys(
        # what the bot stores, and erasing it: /mydata ("удалить мои данные")
        ("удалить мои данные", "удалить аккаунт", "удалить мой аккаунт", "удалить профиль",
         "какие данные вы храните", "видалити мої дані", "видалити акаунт", "видалити профіль",
         "які дані ви зберігаєте", "delete my data", "delete my account", "erase my data",
         "what data do you store", "деректерімді өшіру", "аккаунтты өшіру"),
        "privacy",
    ),
    # ("мои данные" is the label of "🔐 My data", /mydata: its screen)
    **dict.fromkeys(("мой профиль", "мій профіль", "my profile", "менің профилім"), "profile"),
    **dict.fromkeys(
        ("оператор", "связаться с поддержкой", "колл центр", "контакты", "контакти",
         "зв язатися з підтримкою", "call centre", "call center", "contacts", "contact support",
         "operator", "байланыс",
         # its numbers and hours, as members ask for them ("телефон поддержки")
         "телефон поддержки", "номер поддержки", "телефон колл центра", "номер колл центра",
         "номер диспетчера", "телефон диспетчера", "диспетчер", "горячая линия", "кол центр",
         "часы работы", "график работы", "режим работы", "телефон підтримки", "номер підтримки",
         "гаряча лінія", "години роботи", "графік роботи", "support phone",
         "support number", "hotline", "dispatcher", "opening hours", "working hours",
         "қолдау телефоны", "қолдау нөмірі", "диспетчер нөмірі", "жұмыс уақыты"),
        "support",
    ),
    **dict.fromkeys(
        ("сменить язык", "поменять язык", "изменить язык", "змінити мову", "change language",
         "change the language", "тілді өзгерту", "тілді ауыстыру"),
        "language",
    ),
    **dict.fromkeys(
        ("помощь", "допомога", "справка", "инструкция", "інструкція", "как пользоваться",
         "як користуватися", "how to use", "көмек", "нұсқаулық"),
        "help",
    ),
    **dict.fromkeys(
        ("активировать", "активировать карту", "добавить карту", "активувати", "активувати картку",
         "додати картку", "activate", "add a card", "add card", "белсендіру", "карта қосу",
         # a family member's card, which their insured ID adds ("как добавить ребенка?")
         "добавить ребенка", "добавить ребёнка", "добавить карту ребенка", "добавить члена семьи",
         "додати дитину", "додати картку дитини", "додати члена родини", "add my child",
         "add a child", "add my child s card", "add a family member", "баламды қосу",
         "бала қосу"),
        "activate",
    ),
    **dict.fromkeys(
        ("подтвердить номер", "підтвердити номер", "confirm my phone", "confirm phone number",
         "нөмірді растау"),
        "phone",
    ),
}  # fmt: skip


# the words that ask to see a screen around its name ("покажите мою карту", "где мой полис",
# "show my policy", "полисімді көрсетіңіз"): left out at its start and end
SHOW_WORDS = frozenset(
    {"покажи", "покажите", "покажіть", "показать", "показати", "где", "де", "открой",
     "откройте", "відкрий", "відкрийте", "посмотреть", "подивитися", "хочу", "мне", "мені",
     "дайте", "дай", "show", "where", "is", "open", "see", "view", "want", "i", "me", "give",
     "көрсет", "көрсетіңіз", "қайда", "я", "мен"}
)  # fmt: skip


def shown_asked(phrase: str) -> str:
    """`phrase` (a `plain_phrase`) without the words that ask to see what it names, at its
    start and end ("покажите мою карту": "мою карту")."""
    words = phrase.split()
    while words and words[0] in SHOW_WORDS:
        words = words[1:]
    while words and words[-1] in SHOW_WORDS:
        words = words[:-1]
    return " ".join(words)


def without_how(phrase: str) -> str:
    """`phrase` (a `plain_phrase`) without the words that ask how it is done at its start
    ("как добавить карту": "добавить карту"); as it is when there are none."""
    words = phrase.split()
    size = _how_said(words)
    return " ".join(words[size:]) if size else phrase


def plain_phrase(typed: str) -> str:
    """A whole answer as it is compared with a list of phrases (the menu's, "мой номер",
    "домой", "как можно скорее"): its words, without "please" and the like ("мои заявки,
    пожалуйста")."""
    return " ".join(w for w in _words(typed) if w not in _PLEASE)


# the number to call named as the member's own, already known ("мой номер", "на этот же",
# "same"): the confirmed phone
OWN_PHONE_WORDS = frozenset(
    {"мой", "мой номер", "мой же", "этот", "этот же", "этот номер", "на этот", "на этот же",
     "на этот номер", "по этому номеру", "тот же", "тот же номер", "на мой", "на мой номер",
     "по моему номеру", "мій", "мій номер", "цей", "цей же", "цей номер", "на цей", "на цей же",
     "на цей номер", "за цим номером", "той самий", "той самий номер", "на мій", "на мій номер",
     "my number", "my phone", "my own", "this one", "this number", "the same", "same",
     "same number", "the same number", "use my number", "менің нөмірім", "менің нөміріме",
     "осы", "осы нөмір", "осы нөмірге", "сол нөмір", "сол нөмірге", "өз нөмірім", "өз нөміріме",
     "өзімнің нөмірім", "өзімнің нөміріме", "менікі", "маған", "өзіме", "бұл нөмір",
     "бұл нөмірге", "менің", "мынау", "мына нөмір", "мына нөмірге", "свой", "свой номер",
     "на свой", "на свой номер", "свій", "свій номер", "на свій", "на свій номер", "мне", "мені",
     "мені ж", "на мене", "на меня"}
)  # fmt: skip
_PLEASE = frozenset({"please", "пожалуйста", "будь", "ласка", "өтінемін"})


def names_own_phone(typed: str) -> bool:
    """Whether the answer to "which number should we call?" is the member's own ("мой номер",
    "на этот же, пожалуйста", "same"): the phone they confirmed."""
    return plain_phrase(typed) in OWN_PHONE_WORDS


# "I don't know" as an answer, where the bot can say where to find it (a service's date: on
# the receipt)
UNKNOWN_WORDS = frozenset(
    {"не помню", "не знаю", "забыл", "забыла", "не помню точно", "точно не помню", "не пам ятаю",
     "не пам ятаю точно", "не знаю точно", "забув", "забула", "i don t remember", "don t remember",
     "i don t know", "don t know", "i forgot", "forgot", "not sure", "есімде жоқ", "білмеймін",
     "ұмыттым"}
)  # fmt: skip


def names_unknown(typed: str) -> bool:
    """Whether an answer is "I don't remember" ("не помню", "не пам'ятаю", "I forgot")."""
    return plain_phrase(typed) in UNKNOWN_WORDS


# the words an answer begins with when it names one given before rather than typing it again
# ("тот же", "такий самий", "same", "бұрынғы"), or that say "as last time" whole: the last
# claim's account, the profile's other address
SAME_WORDS = ("тот же", "такой же", "та же", "такая же", "тот самый", "той же", "той самий",
              "такий самий", "та сама", "така сама", "same", "the same", "сол", "дәл сол",
              "бұрынғы")  # fmt: skip
LAST_TIME_WORDS = frozenset(
    {"как в прошлый раз", "как и в прошлый раз", "як минулого разу", "як і минулого разу",
     "as last time", "like last time", "өткен жолғыдай"}
)  # fmt: skip
SAME_MAX_WORDS = 6


def names_same(typed: str) -> bool:
    """Whether a short answer with no number names the one given before ("тот же", "на тот же
    счёт", "такий самий як минулого разу", "same as home", "как в прошлый раз")."""
    words = plain_phrase(typed).split()
    if words[:1] in (["на"], ["to"]):  # "на тот же счёт"
        words = words[1:]
    phrase = " ".join(words)
    if not 0 < len(words) <= SAME_MAX_WORDS or any(ch.isdigit() for ch in typed):
        return False
    return phrase in LAST_TIME_WORDS or any(
        phrase == same or phrase.startswith(f"{same} ") for same in SAME_WORDS
    )


# a delivery address named rather than typed: the member's home ("домой", "по месту
# жительства", "додому", "home", "үйге"), or where the last delivery went ("туда же", "как в
# прошлый раз", "same as last time")
ADDRESS_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("домой", "на дом", "домашний", "на домашний", "домашний адрес", "на домашний адрес",
         "мой домашний адрес", "на мой домашний адрес", "по месту жительства",
         "по месту проживания", "по адресу проживания", "мой адрес", "на мой адрес", "ко мне домой",
         "дома", "у меня дома", "выезд на дом", "у мене вдома", "виїзд додому", "at home",
         "home visit",
         "додому", "вдома", "на домашню адресу", "домашня адреса", "моя домашня адреса",
         "за місцем проживання", "моя адреса", "на мою адресу", "до мене додому", "home",
         "my home", "to my home", "home address", "my home address", "to my home address",
         "my address", "to my address", "үйге", "үйіме", "үй мекенжайы", "үй мекенжайыма",
         "менің мекенжайым", "менің мекенжайыма", "тұрғылықты мекенжай"),
        "home",
    ),
    **dict.fromkeys(
        ("туда же", "тот же", "тот же адрес", "на тот же адрес", "по тому же адресу",
         "как в прошлый раз", "как прошлый раз", "как и в прошлый раз", "туди ж", "туди же",
         "та сама адреса", "на ту саму адресу", "за тією ж адресою", "як минулого разу",
         "як і минулого разу", "same", "the same", "same address", "the same address",
         "same as last time", "as last time", "same place", "сол мекенжай", "сол мекенжайға",
         "бұрынғы мекенжай", "бұрынғы мекенжайға", "өткен жолғыдай"),
        "last",
    ),
}  # fmt: skip


def address_named(typed: str) -> str | None:
    """The saved address an answer names instead of typing it ("домой, пожалуйста": "home";
    "туда же": "last", where the last delivery went), None for an address typed."""
    return ADDRESS_WORDS.get(plain_phrase(typed))


# "as soon as possible", as people say it when a day to come is asked, in the four languages;
# and "any day" ("в любой день", "неважно"), for which the earliest day is as good
SOONEST = frozenset(
    {"как можно скорее", "как можно раньше", "как можно быстрее", "как можно скорей",
     "поскорее", "побыстрее", "скорее", "чем раньше тем лучше", "чем скорее тем лучше",
     "в ближайшее время", "ближайший день", "ближайшая дата", "в ближайший день", "срочно",
     "якнайшвидше", "якнайшвидш", "якомога швидше", "якомога раніше", "якнайраніше",
     "якнайскоріше", "як можна швидше", "як можна скоріше", "як можна раніше",
     "найближчим часом", "найближчий день", "чим раніше тим краще",
     "терміново", "asap", "as soon as possible", "the sooner the better", "earliest",
     "the earliest", "earliest possible", "the earliest possible", "soonest", "urgent",
     "urgently", "жақын арада", "тезірек", "мүмкіндігінше тез", "барынша тез", "шұғыл",
     "ең жақын күн",
     "в любой день", "любой день", "любой", "любая дата", "неважно", "не важно", "без разницы",
     "все равно", "всё равно", "в будь який день", "будь який день", "будь який", "неважливо",
     "байдуже", "any day", "any", "whenever", "any date", "it doesn t matter", "doesn t matter",
     "кез келген күн", "кез келген", "маңызды емес"}
)  # fmt: skip


def names_soonest(typed: str) -> bool:
    """Whether an answer to "which day would suit you?" is "as soon as possible" ("как можно
    скорее", "якнайшвидше", "asap", "жақын арада") or "any day" ("в любой день"), with
    "please" or not: the earliest day."""
    # (as typed too: "будь-який день" is no "please" and "який день")
    return plain_phrase(typed) in SOONEST or typed_phrase(typed) in SOONEST


def is_nothing(typed: str) -> bool:
    """Whether `typed`, whole, says there is nothing to add: a "no", a "that's all", a
    "nothing" (`NOTHING_WORDS`) or a dash."""
    phrase = typed_phrase(typed)
    return (
        phrase in NOTHING_WORDS
        or phrase in NO_WORDS
        or phrase in DONE_WORDS
        or typed.strip() in _DASHES
    )


# a "thank you" written where nothing is asked: answered, not offered to support
THANKS_WORDS = frozenset(
    {"спасибо", "спс", "благодарю", "дякую", "дякуємо", "рахмет", "рақмет", "thanks", "thank",
     "thx", "ty", "cheers"}
)  # fmt: skip
# the words a thank-you may come with: "спасибо большое", "дуже дякую", "thank you very much"
THANKS_WITH = frozenset(
    {"большое", "огромное", "вам", "дуже", "щиро", "сізге", "көп", "үлкен", "you", "very",
     "much", "so", "a", "lot", "lots", "many", "all", "за", "помощь", "допомогу", "всё", "все"}
)  # fmt: skip


# an "ok" or "got it", the whole message ("ок", "понятно", "зрозуміло", "түсінікті")
ACKNOWLEDGED = frozenset(
    {"ок", "ok", "okay", "окей", "ok thanks", "хорошо", "ладно", "ясно", "понятно", "добре",
     "зрозуміло", "гаразд", "got it", "fine", "жақсы", "түсінікті", "түсіндім"}
)  # fmt: skip
# ("хорошо, спасибо", "ок, дякую": a thank-you too)
_THANKS_PARTS = THANKS_WORDS | THANKS_WITH | ACKNOWLEDGED


# a greeting, the whole message ("Здравствуйте", "добрий день", "сәлеметсіз бе", "hi"): answered
# with what the bot can do, not kept for support
GREETINGS = frozenset(
    {"здравствуйте", "здравствуй", "здрасте", "привет", "приветствую", "добрый день",
     "доброе утро", "добрый вечер", "доброго дня", "вітаю", "привіт", "добрий день",
     "доброго ранку", "добрий ранок", "добрий вечір", "доброго вечора", "hello", "hi", "hey",
     "good morning", "good afternoon", "good evening", "сәлем", "сәлеметсіз бе", "сәлеметсіз",
     "сәлеметсіздер ме", "қайырлы күн", "қайырлы таң", "қайырлы кеш", "салам", "салем"}
)  # fmt: skip


# what opens a message before what it says: a greeting, a word that calls for attention ("вот",
# "слушайте", "excuse me"), with the signs after it ("Добрый день! Перезвоните мне")
_OPENING_WORDS = GREETINGS | {
    "вот", "ну", "слушайте", "послушайте", "извините", "простите", "вибачте", "слухайте", "ось",
    "so", "well", "excuse me", "sorry", "кешіріңіз", "тыңдаңыз",
}  # fmt: skip
_OPENING = re.compile(
    r"^\s*(?:(?:"
    + "|".join(re.escape(w) for w in sorted(_OPENING_WORDS, key=len, reverse=True))
    + r")(?![^\W\d_]|[-'’][^\W\d_])[\s,.!;:—–-]*)+",
    re.IGNORECASE,
)


def without_opening(typed: str) -> str:
    """A message without the greeting or the call for attention it opens with ("Добрый день!
    Перезвоните мне": "Перезвоните мне"), as typed; "" for a message that is only that."""
    return _OPENING.sub("", typed, count=1)


# the words a question begins with, in the four languages ("какой у меня лимит", "чи
# покриває страховка", "what is covered", "қанша тұрады"); not the Kazakh "не" (what), which
# is the Russian and Ukrainian "not"
QUESTION_WORDS = frozenset(
    {"какой", "какая", "какое", "какие", "сколько", "что", "как", "когда", "где", "почему",
     "зачем", "куда", "можно", "входит", "покрывает", "есть", "чи", "який", "яка", "яке", "які",
     "скільки", "що", "як", "коли", "де", "чому", "навіщо", "куди", "можна", "what", "which",
     "how", "when", "where", "why", "is", "are", "does", "do", "can", "could", "will", "қандай",
     "қанша", "қалай", "қашан", "қайда", "неге"}
)  # fmt: skip


def is_question(typed: str) -> bool:
    """Whether a message asks something: a "?" in it, or a question's first word ("сколько
    стоит прием", "what does my plan cover"); not a greeting alone ("hello?": is anyone
    there)."""
    rest = without_opening(typed)
    words = _words(rest)
    return bool(words) and ("?" in rest or (len(words) > 1 and words[0] in QUESTION_WORDS))


# a question the card's own page answers: about the card or the policy, and when it starts,
# ends or is valid ("коли почне діяти моя картка?", "до какого числа действует полис?", "when
# does my coverage end?", "картам қашан басталады?"); why something does not work is support's
_CARD_STEMS = ("карт", "полис", "поліс", "страховк", "страхов", "покрыти", "покриття", "card",
               "polic", "coverage", "insurance", "сақтандыру")  # fmt: skip
_CARD_DATE_STEMS = ("действ", "дію", "діє", "діяти", "дійсн", "почн", "начн", "начина", "начал",
                    "заканч", "законч", "закінч", "истека", "истеч", "спливає", "сплив", "срок",
                    "термін", "когда", "коли", "числа", "дат", "until", "when", "expir", "valid",
                    "start", "begin", "end", "қашан", "мерзім", "басталад", "аяқталад",
                    "жарамды")  # fmt: skip
_WHY = frozenset({"почему", "чому", "why", "неге", "зачем", "навіщо"})


def asks_card_dates(typed: str) -> bool:
    """Whether a message asks when a card or a policy starts, ends or is valid: a question
    (`is_question`) or a few words, with a word for the card and one for its dates; not why
    ("почему карта не действует?" is a fault for support)."""
    words = _words(typed)
    return (
        (is_question(typed) or len(words) <= 4)  # "срок действия полиса" asks too
        and not _WHY & set(words)
        and any(word.startswith(_CARD_STEMS) for word in words)
        and any(word.startswith(_CARD_DATE_STEMS) for word in words)
    )


# a short message that asks to see a family member's card or to make it the one requests use,
# once their name or who they are is left out ("перемкни на картку доньки", "карта сына",
# "switch to Taras's card", "қызымның картасына ауыстырыңыз"): a word for the card or for
# switching, and no other word than these (what else is said, "карта сына не работает", is
# for support)
_SWITCH_STEMS = ("перемкн", "переключ", "switch", "смени", "сменит", "поменя", "поміня", "змін",
                 "ауыстыр", "выбер", "вибер", "choose", "select", "таңда", "активн", "active",
                 "актив")  # fmt: skip
_CARD_SHOW_WORDS = frozenset(
    {"на", "до", "мою", "мой", "моя", "мій", "свою", "свой", "своя", "свій", "my", "own", "to",
     "the", "s", "of", "for", "please", "пожалуйста", "будь", "ласка", "покажи", "покажите",
     "покажіть", "show", "open", "открой", "откройте", "відкрий", "відкрийте", "зроби",
     "зробіть", "сделай", "сделайте", "make", "it", "её", "ее", "її", "его", "його", "хочу",
     "want", "i", "менің", "өз", "көрсет", "көрсетіңіз", "ашыңыз", "аш", "мен", "a", "тепер",
     "теперь", "now", "қазір", "use", "использовать", "використовувати"}
)  # fmt: skip
CARD_SHOW, CARD_SWITCH = "show", "switch"
CARD_SHOW_MAX = 7  # words


def asks_card(rest: str) -> str | None:
    """What a message whose person is left out asks of their card (`_SWITCH_STEMS`):
    `CARD_SWITCH` to make it the active one, `CARD_SHOW` to see it; None for any other."""
    words = _words(rest)
    if not words or len(words) > CARD_SHOW_MAX:
        return None
    if not all(
        word in _CARD_SHOW_WORDS or word.startswith(_SWITCH_STEMS + _CARD_STEMS) for word in words
    ):
        return None
    if any(word.startswith(_SWITCH_STEMS) for word in words):
        return CARD_SWITCH
    return CARD_SHOW if any(word.startswith(_CARD_STEMS) for word in words) else None


def may_ask_card(typed: str) -> bool:
    """Whether a message may be one `asks_card` reads once its person is left out: a few words,
    one of them for the card or for switching (checked before the member's cards are read)."""
    words = _words(typed)
    return len(words) <= CARD_SHOW_MAX + 1 and any(
        word.startswith(_SWITCH_STEMS + _CARD_STEMS) for word in words
    )


# the words that make "мою карту" the member's own, when it is no other's
OWN_CARD_WORDS = frozenset({"мою", "мой", "моя", "мій", "свою", "свой", "своя", "свій", "own",
                            "менің", "өз"})  # fmt: skip

# a question the support screen answers (its phones, e-mail, hours and whether it is open now):
# about support, the call centre or "you", and how to reach it or when it works ("до скольки
# вы работаете?", "номер горячей линии", "як зв'язатися з оператором?", "your working hours?")
_SUPPORT_WORDS = frozenset({"вы", "вас", "вам", "вами", "ви", "you", "your", "сіз", "сізде",
                            "сіздер", "сізбен", "кол"})  # fmt: skip
_SUPPORT_STEMS = ("поддержк", "підтримк", "support", "колл", "call", "оператор", "горяч",
                  "гаряч", "hotline", "компани", "компані", "диспетчер", "қолдау")  # fmt: skip
# ("зв" is the first half of "зв'язатися", split at its apostrophe)
_CONTACT_WORDS = frozenset({"зв"})
_CONTACT_STEMS = ("телефон", "номер", "mail", "почт", "пошт", "связат", "звязат", "contact",
                  "reach", "дозвон", "додзвон", "байланыс", "хабарлас", "phone",
                  "number")  # fmt: skip
_HOURS_STEMS = ("работае", "работает", "работают", "працює", "працюєте", "працюють", "hours",
                "open", "график", "графік", "режим", "жұмыс", "скольки", "котрої",
                "выходн", "вихідн", "weekend")  # fmt: skip
SUPPORT_ASKED_MAX = 8


def asks_support_contacts(typed: str) -> bool:
    """Whether a message asks how to reach support or when it works: a question (or a few
    words) about support or "you", with a word for reaching it or for its hours."""
    words = _words(typed)
    return (
        (is_question(typed) or len(words) <= 5)
        and len(words) <= SUPPORT_ASKED_MAX  # (a longer message says more: a request, a case)
        and any(word in _SUPPORT_WORDS or word.startswith(_SUPPORT_STEMS) for word in words)
        and any(
            word in _CONTACT_WORDS or word.startswith(_CONTACT_STEMS + _HOURS_STEMS)
            for word in words
        )
    )


def is_greeting(typed: str) -> bool:
    """Whether a whole message is a greeting and nothing else ("Здравствуйте!"; "hi there" is
    not, and "hello?", which asks whether anyone is there, is offered to support)."""
    return "?" not in typed and plain_phrase(typed) in GREETINGS


def is_acknowledged(typed: str) -> bool:
    """Whether a whole message is an "ok" ("ок", "понятно", "👍"): words of `ACKNOWLEDGED`, or
    signs alone (an emoji), with no digit and no question ("?" alone asks something)."""
    if not _words(typed):
        signs = typed.strip()
        return bool(signs) and "?" not in signs and not any(ch.isdigit() for ch in signs)
    return plain_phrase(typed) in ACKNOWLEDGED


# a life or health in danger, as people write it ("нужна скорая", "мені погано", "emergency",
# "жедел жәрдем"): the ambulance's numbers and the insurer's 24/7 line are told at once, before
# any offer to write to support, who may be away
EMERGENCY_WORDS = frozenset(
    {"скорая", "скорую", "скорой", "неотложка", "неотложку", "неотложная", "реанимация",
     "реанимацию", "швидка", "швидку", "швидкої", "невідкладна", "невідкладну", "реанімація",
     "реанімацію", "ambulance", "emergency", "инфаркт", "інфаркт", "инсульт", "інсульт",
     "кровотечение", "кровотеча", "задыхаюсь", "задыхается", "задихаюся", "задихається",
     "жедел"}
)  # fmt: skip
EMERGENCY_PHRASES = (
    "мне плохо", "мені погано", "маған жаман", "не могу дышать", "не можу дихати",
    "потерял сознание", "потеряла сознание", "без сознания", "втратив свідомість",
    "втратила свідомість", "без свідомості", "heart attack", "can t breathe", "cannot breathe",
    "unconscious", "жедел жәрдем", "жедел көмек",
)  # fmt: skip


def names_emergency(typed: str) -> bool:
    """Whether a message says a life or health is in danger now (`EMERGENCY_WORDS`,
    `EMERGENCY_PHRASES`)."""
    words = _words(typed)
    phrase = f" {' '.join(words)} "
    return any(w in EMERGENCY_WORDS for w in words) or any(
        f" {p} " in phrase for p in EMERGENCY_PHRASES
    )


def is_thanks(typed: str) -> bool:
    """Whether `typed` is a "thank you" and nothing else: a thanks word, with at most three
    words of the kind that go with one ("спасибо большое за помощь")."""
    words = _words(typed)
    return any(word in THANKS_WORDS for word in words) and _made_of(words, _THANKS_PARTS)


def _made_of(words: list[str], allowed: frozenset[str]) -> bool:
    """Whether `words` are a short answer (`ALIAS_WORDS` at most) of `allowed` words only."""
    return 0 < len(words) <= ALIAS_WORDS and all(word in allowed for word in words)


# a whole message that is a command in words: "отмена" for /cancel, "главное меню" for /menu
TYPED_COMMANDS: dict[str, str] = {
    **dict.fromkeys(
        ("отмена", "відміна", "скасування", "cancel", "болдырмау", "бас тарту"), "cancel"
    ),
    **dict.fromkeys(
        ("меню", "главное меню", "в меню", "головне меню", "до меню", "в головне меню", "menu",
         "main menu", "мәзір", "басты мәзір"),
        "menu",
    ),
    # leaving a request form, in its steps only: elsewhere "отменить" asks to cancel a request
    # made ("Cancel request …?"), and "стоп" is no answer to give
    **dict.fromkeys(
        ("отменить", "скасувати", "відмінити", "стоп", "stop", "выход", "выйти", "exit", "quit",
         "передумал", "передумала", "я передумал", "я передумала", "передумав", "я передумав",
         "тоқтату", "шығу"),
        "leave",
    ),
    # a step back in a request form ("назад" was taken as the clinic); elsewhere left to the
    # screen
    **dict.fromkeys(
        ("назад", "back", "go back", "вернуться", "вернуться назад", "вернись", "повернутися",
         "повернутись", "повернутися назад", "шаг назад", "крок назад", "previous step",
         "предыдущий шаг", "попередній крок", "артқа", "кері", "кері қайту", "артқа қайту"),
        "back",
    ),
}  # fmt: skip


def typed_command(typed: str) -> str | None:
    """The command a whole message names in words ("Отмена", "главное меню"), or None."""
    return TYPED_COMMANDS.get(typed_phrase(typed))


def is_done(typed: str) -> bool:
    """Whether `typed` is, whole, a "that's all" (`DONE_WORDS`), a thank-you or "please" with
    it or not ("всё, спасибо", "это всё, дякую"); or a thank-you or an "ok" alone, said
    under a list or documents: never one of them."""
    if is_thanks(typed) or is_yes(typed):
        return True
    words = [w for w in _words(typed) if w not in THANKS_WORDS and w not in _DONE_COURTESY]
    return 0 < len(words) <= ALIAS_WORDS and " ".join(words) in DONE_WORDS


# the words a "that's all" may come with: "спасибо большое", "please"
_DONE_COURTESY = frozenset({"большое", "огромное", "вам", "дуже", "you", "very", "much"}) | _PLEASE


# words a "yes" may be made of, a few at a time: "да, всё верно", "так, надсилайте", "yes please"
YES_PARTS = frozenset(
    {word for phrase in YES_WORDS for word in phrase.split()}
    | {"пожалуйста", "будь", "ласка", "please", "отправляйте", "надсилайте", "жіберіңіз", "всё",
       "все", "усе", "бәрі"}
)  # fmt: skip


def is_yes(typed: str) -> bool:
    """Whether `typed` is, whole, a "yes" (`YES_WORDS`), or a few words each of a "yes"
    (`YES_PARTS`: "да, всё верно"); "да, но время другое" is not."""
    words = _words(typed)
    return " ".join(words) in YES_WORDS or _made_of(words, YES_PARTS)


def is_no(typed: str) -> bool:
    """Whether `typed` is, whole, a "no" (`NO_WORDS`)."""
    return typed_phrase(typed) in NO_WORDS


# what a summary's answer says to change ("изменить дату", "змінити адресу", "change the time",
# "күнін өзгерту", "дата не та"): a word that asks to change, as a word begins
_CHANGE = (
    "измен", "помен", "исправ", "замен", "друг", "не та", "не тот", "не те", "неправил",
    "змін", "поміня", "виправ", "інш", "не так", "неправильн", "change", "edit", "fix",
    "correct", "wrong", "another", "other", "өзгерт", "түзет", "басқа", "қате", "добав",
    "додат", "додай", "add", "қос",
)  # fmt: skip
# each field of a form's summary, by the words for it as they begin, in the four languages
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "specialty": ("врач", "лікар", "доктор", "специальн", "спеціальн", "doctor", "specialt",
                  "дәрігер", "маман"),
    "clinic": ("клиник", "клінік", "город", "міст", "clinic", "city", "емхан", "қала",
               "больниц", "лікарн", "hospital"),
    "date": ("дат", "день", "дня", "число", "date", "day", "күн"),
    "time": ("время", "врем", "час", "time", "уақыт"),
    "comment": ("коммент", "комент", "comment", "пікір", "түсінік"),
    "phone": ("номер", "телефон", "phone", "number", "нөмір"),
    "topic": ("тем", "topic", "subject", "тақырып"),
    "list": ("список", "лекарств", "ліки", "ліків", "препарат", "medicin", "list", "дәрі",
             "тізім", "анализ", "аналіз", "test", "направлен", "referral", "жолдама"),
    "address": ("адрес", "address", "мекенжай"),
    "amount": ("сумм", "суму", "сума", "amount", "сома"),
    "currency": ("валют", "currency"),
    "docs": ("документ", "document", "фото", "photo", "чек", "receipt", "құжат"),
    "iban": ("счет", "счёт", "рахун", "iban", "account", "шот", "реквизит", "реквізит"),
}  # fmt: skip


def changes(words: list[str]) -> bool:
    """Whether words say something is to be changed ("изменить", "поменяйте", "не та", "fix")."""
    return any(w.startswith(_CHANGE) for w in words) or any(
        " ".join(words[at : at + 2]).startswith(_CHANGE) for at in range(len(words))
    )


def change_asked(typed: str, fields: Collection[str]) -> str | None:
    """What an answer under a summary asks to change: the one of `fields` (`FIELD_WORDS`) it
    names (before a colon: what follows is the new text), with a word of changing ("изменить
    дату", "адрес другой", "добавить комментарий: …") or alone ("дата"); ""
    when it asks to change but names none or several ("нет, не так", "поменять дату и
    время"), or is a "no" (`is_no`); None when it says nothing of a change."""
    words = _words(typed.split(":")[0])  # "добавить комментарий: нужен врач-женщина"
    changing = changes(words)
    named = {f for f in fields if any(w.startswith(FIELD_WORDS[f]) for w in words)}
    # ("добрый день" is no date; "дату на завтра" gives the new one)
    if len(named) == 1 and (changing or len(words) == 1 or changed_to(typed, next(iter(named)))):
        return named.pop()
    if changing or is_no(typed):
        return ""
    return None


# the word between a field named to change and its new value: "дату на 15 декабря", "час на
# вечір", "the time to the evening"
_CHANGED_TO = frozenset({"на", "to"})


def changed_to(typed: str, field: str) -> str | None:
    """The new value an answer under a summary gives the field it changes (`change_asked`):
    what follows a colon ("изменить дату: 15 декабря"), or "на"/"to" after the field's word
    ("поменяйте время на вечер", "change the date to 15 December"); None when it gives none
    ("изменить дату")."""
    _head, colon, tail = typed.partition(":")
    if colon:
        return tail.strip() or None
    tokens = typed.split()
    for at, token in enumerate(tokens[:-2]):
        word = " ".join(_words(token))
        if word.startswith(FIELD_WORDS[field]) and " ".join(_words(tokens[at + 1])) in _CHANGED_TO:
            return " ".join(tokens[at + 2 :]).strip() or None
    return None


# an hour typed as the time before which ("до 12", "before 16:00", "12-ге дейін"): the window
# is the one that ends there, not the one that starts there
_BEFORE_WORDS = frozenset({"до", "к", "before", "until", "till", "by"})
_BEFORE_AFTER = "дейін"  # Kazakh: after the hour ("12-ге дейін")
# a time of day typed with an hour is kept as written (`hour_said`) when it is this short: what
# the member said beside the window it falls in ("после 17", "в 10:30"), read by staff
SAID_MAX = 32


def window_of_hour(typed: str) -> str | None:
    """The time window an hour typed falls in ("14:00" is the afternoon's, "в 9" the
    morning's, "до 12" the morning's: the hour it ends by); None when the text names no hour
    of a window (8:00 to 20:00)."""
    match = _HOUR.search(typed)
    if match is None:
        return None
    hour = int(match.group(1))
    words_before = typed[: match.start()].casefold().split()
    words_after = typed[match.end() :].casefold().split()
    # "12-ге дейін": the case ending written on the hour comes first
    before = (bool(words_before) and words_before[-1] in _BEFORE_WORDS) or _BEFORE_AFTER in (
        words_after[:2]
    )
    if before and not int(match.group(2) or 0):  # "до 12" ends the morning; "до 12:30" not
        hour -= 1
    return next(
        (w for w, (start, end) in WINDOW_SPANS.items() if w != ANY_TIME and start <= hour < end),
        None,
    )


def hour_outside(typed: str) -> bool:
    """Whether `typed` names an hour no time window holds ("в 21:00", "в 7"): visits and
    calls are between the first window's start and the last one's end."""
    return _HOUR.search(typed) is not None and window_of_hour(typed) is None


# the hours the time windows span, first and last: what a time typed outside them is told
WINDOWS_OPEN = min(start for w, (start, _) in WINDOW_SPANS.items() if w != ANY_TIME)
WINDOWS_CLOSE = max(WINDOW_ENDS.values())


# at most this many words of a time of day after or before a date: "после обеда", "в 10:30"
TIME_TAIL_WORDS = 3


def split_time_of_day(text: str) -> list[tuple[str, str]]:
    """A date and a time of day typed together ("завтра утром", "в пятницу после обеда",
    "15-го в 10", "morning, next Monday"): each way to read a time of day at either end of it,
    as the date's text and the time window, the shortest time first (the caller takes the
    first whose date reads); none when no time of day stands at either end."""
    return [(split.date_text, split.window) for split in _time_splits(text)]


class _TimeSplit(NamedTuple):
    date_text: str
    window: str
    said: str | None  # the time as typed, when it names an hour (`hour_said`)


def _time_splits(text: str) -> list[_TimeSplit]:
    tokens = text.replace(",", " ").split()
    found: list[_TimeSplit] = []
    for count in range(1, TIME_TAIL_WORDS + 1):
        if len(tokens) <= count:
            break
        for time_part, date_part in ((tokens[-count:], tokens[:-count]),
                                     (tokens[:count], tokens[count:])):  # fmt: skip
            typed = " ".join(time_part)
            phrase = typed_phrase(typed)
            window = TIME_WORDS.get(phrase) or TIME_LABEL_WORDS.get(phrase)
            said = None
            if window is None and any(ch.isdigit() for ch in typed) and len(time_part) <= 2:
                window = window_of_hour(typed)
                said = hour_said(typed)
            if window is not None:
                found.append(_TimeSplit(" ".join(date_part), window, said))
    return found


# the words before an hour in a sentence that make it one ("после 18", "о 10:00", "from 9 to
# 11"): a number without one is a day, a count or an amount ("15 декабря", "2 анализа")
_HOUR_WORDS = _BEFORE_WORDS | frozenset(
    {"в", "во", "о", "об", "после", "після", "с", "з", "from", "after", "at", "to", "сағат",
     "кейін"}
)  # fmt: skip
# (minutes after a colon only: "в 12.11" in a sentence is a day more often than a time)
_AN_HOUR = re.compile(r"([01]?\d|2[0-3])(?::[0-5]\d)?")
_A_CLOCK_TIME = re.compile(r"([01]?\d|2[0-3]):[0-5]\d")


def hour_in_sentence(text: str) -> tuple[str, str] | None:
    """The time of day a sentence names by an hour ("перезвоните после 18 по поводу записи",
    "call me at 17:30"): its window and the words, as typed ("после 18"); None when it names
    no hour of a window. An hour counts with a word before it ("после", "о", "from") or written
    with its minutes ("17:30"); a run of them is kept whole ("с 9 до 11")."""
    tokens = text.replace(",", " ").split()
    for at, token in enumerate(tokens):
        word = token.strip(".!?;")
        if _A_CLOCK_TIME.fullmatch(word):
            start = at - 1 if at and tokens[at - 1].casefold() in _HOUR_WORDS else at
        elif _AN_HOUR.fullmatch(word) and at and tokens[at - 1].casefold() in _HOUR_WORDS:
            start = at - 1
        else:
            continue
        end = at + 1
        while (  # "с 9 до 11": the hour it runs to, too
            end + 1 < len(tokens)
            and tokens[end].casefold() in _HOUR_WORDS
            and _AN_HOUR.fullmatch(tokens[end + 1].strip(".!?;"))
        ):
            end += 2
        said = " ".join(tokens[start:end]).strip(".!?;")
        window = window_of_hour(said)
        if window is not None and len(said) <= SAID_MAX:
            return window, said
    return None


def hour_said(typed: str) -> str | None:
    """A time of day typed with an hour ("после 17", "в 10:30", "before 12"), as written, to
    be kept beside the window it falls in: the hour says more than the window. None when it
    names no hour of a window, or is longer than `SAID_MAX` (a sentence, not a time)."""
    said = " ".join(typed.split())
    if window_of_hour(said) is None or len(said) > SAID_MAX:
        return None
    return said


def windows_left(day: date, local_now: datetime) -> list[str]:
    """The time windows that can still be kept on `day`, `local_now` being the time in the
    insurer's zone: every one on a later day; today, those not over yet, and "any" while one
    is (none after the evening's end)."""
    if day > local_now.date():
        return list(TIME_WINDOWS)
    if day < local_now.date():
        return []
    left = [w for w, end in WINDOW_ENDS.items() if local_now.hour < end]
    return [*left, ANY_TIME] if left else []


_NOT_WORD = re.compile(r"[^\w]+")
STEM_MIN = 4  # a typed word and a label's word agree when one begins the other, this long


def read_date_and_time(
    text: str, today: date, *, future: bool = False
) -> tuple[date | None, str | None]:
    """A date typed alone (`dates.read_date`), or with a time of day at either end ("завтра
    утром", "вчера вечером"): the date and that time window, the window None when none was
    typed; (None, None) when no date is read."""
    typed = read_date_time_said(text, today, future=future)
    return typed.value, typed.window


class DateTyped(NamedTuple):
    """A date typed, with the time of day typed with it (`read_date_time_said`)."""

    value: date | None
    window: str | None
    said: str | None  # the time as typed when it names an hour ("после 17"): `hour_said`


def read_date_time_said(text: str, today: date, *, future: bool = False) -> DateTyped:
    """`read_date_and_time`, with the time of day as typed when it names an hour ("в среду
    после 17": the evening, and "после 17")."""
    value = read_date(text, today, future=future)
    if value is not None:
        return DateTyped(value, None, None)
    for split in _time_splits(text):
        value = read_date(split.date_text, today, future=future)
        if value is not None:
            return DateTyped(value, split.window, split.said)
    return DateTyped(None, None, None)


# an answer of at most this many words that holds an alias names its option when nothing else
# does ("перезвоните мне", "I want a refund"); a longer one is a sentence, not a choice
ALIAS_WORDS = 4
# an alias this short ("лор") still takes a case ending of up to two letters ("лору", "лора")
ENDING_STEM = 3


def _words(text: str) -> list[str]:
    """Lower-case words, digits and signs (an emoji, "8:00–12:00") left out."""
    return [w for w in _NOT_WORD.sub(" ", text.casefold()).split() if not w.isdigit()]


# a word typed with a slip of the finger ("стамотологу", "терпевту", "лекарсва"): the one known
# word it is that near (difflib's ratio, the known word given the typed one's ending too); a
# shorter word is near too many others to be read so
TYPO_MIN = 6
TYPO_RATIO = 0.8
_TYPO_LENGTHS = 3  # letters more or fewer than the known word


def typo_of(word: str, known: Collection[str]) -> str | None:
    """The one word of `known` that `word` (lower case) is a slip of, or None: none is that
    near, several are, or `word` is known itself or short."""
    if len(word) < TYPO_MIN or word in known:
        return None
    found: dict[str, float] = {}
    for candidate in known:
        if candidate[:1] != word[:1] or abs(len(candidate) - len(word)) > _TYPO_LENGTHS:
            continue
        if word.startswith(candidate) or candidate.startswith(word):
            continue  # "стоматологию": the word with an ending, which its reading decides on
        # "стамотологу" against "стоматолог", and against it with the typed ending, "…у"
        endings = ("", word[len(candidate) :]) if len(word) > len(candidate) else ("",)
        score = max(SequenceMatcher(None, word, candidate + end).ratio() for end in endings)
        if score >= TYPO_RATIO:
            found[candidate] = score
    if not found:
        return None
    best = max(found.values())
    nearest = [candidate for candidate, score in found.items() if score == best]
    return nearest[0] if len(nearest) == 1 else None


def corrected(text: str, known: Collection[str]) -> str | None:
    """`text` with its words typed with a slip (`typo_of`) as the known ones they are meant to
    be ("запишите к стамотологу": "запишите к стоматолог"); None when none is."""
    changed = False

    def fixed(match: re.Match[str]) -> str:
        nonlocal changed
        word = typo_of(match[0].casefold(), known)
        changed = changed or word is not None
        return word or match[0]

    text = re.sub(r"[^\W\d_]+", fixed, text)
    return text if changed else None


def typed_phrase(text: str) -> str:
    """`text` as a typed answer is compared: lower case, its words only ("Терапевт (семейный
    врач)" is "терапевт семейный врач")."""
    return " ".join(_words(text))


def verb_kind(text: str, bare: str) -> str | None:
    """The kind of request a sentence asks for with the verb that names it: the first of its
    words with those of asking left out (`bare`, `bare_request`'s: "верните", "компенсируйте",
    "передзвоніть", "call"; or its first two, a name of two words: "вернуть деньги"), or, in
    Kazakh, which puts the verb last, the last two it was typed with ("… қоңырау шалыңыз", "…
    теңгені қайтарыңыз"). None when neither names one, or they name two."""
    typed = typed_phrase(text).split()
    first = bare.split()[:2]
    ends = first[:1]
    if typed_phrase(" ".join(first)) in KIND_WORDS:  # a verb with its object: "вернуть деньги"
        ends.append(" ".join(first))
    if typed and typed[-1].endswith(KAZAKH_POLITE):
        ends.append(" ".join(typed[-2:]))
    kinds = set().union(*(aliases_held(words, KIND_WORDS) for words in ends))
    return kinds.pop() if len(kinds) == 1 else None


# the request's names of more than one word that hold a word of asking ("сдать кровь", "сдать
# анализы", "call me"), which `bare_request` leaves out
_PHRASES = {
    alias: kind
    for alias, kind in KIND_WORDS.items()
    if " " in alias and bare_request(alias) != typed_phrase(alias)
}


def kinds_held(bare: str, typed: str = "") -> set[str]:
    """The kinds of request a sentence's words hold (`bare`, its words of asking left out), and
    those of its phrases that hold a word of asking, read where they were `typed` ("нужно сдать
    кровь на сахар": "сдать кровь", its "сдать" left out of `bare`)."""
    return aliases_held(bare, KIND_WORDS) | aliases_held(typed, _PHRASES)


def match_choice(
    typed: str,
    options: Sequence[tuple[str, str]],
    aliases: Mapping[str, str] | None = None,
    *,
    by_word: bool = True,
) -> str | None:
    """The id of the one option (id, label) a typed answer names, or None (none or several).

    It names an option when it is one of `aliases` for its id ("грн"), the option's id ("usd"),
    or the start of its label ("morning", "any time", "терапевт"); else, with `by_word`, in one
    or two words, a word of the label give or take an ending ("утром" for "Утро", "вечером" for
    "Вечер"), or, in up to `ALIAS_WORDS` words, an alias among them ("перезвоните мне"). A word
    that names several options names the one of the longest stem: in Kazakh "дәрі" (medicines)
    begins "дәрігері" (doctor), which names the appointment by all of "дәрігер". Without
    `by_word` ("Київ, Добробут" is not the city "Київ") only the first ones."""
    words = _words(typed)
    if not words:
        return None
    phrase = " ".join(words)
    ids = {option_id for option_id, _ in options}
    if aliases and aliases.get(phrase) in ids:
        return aliases[phrase]
    whole = {
        option_id
        for option_id, label in options
        if phrase == option_id.casefold()
        or (len(phrase) >= 3 and " ".join(_words(label)).startswith(phrase))
    }
    if whole or not by_word:
        return whole.pop() if len(whole) == 1 else None
    # each typed word: the options it names, by how much of a word of their label or of an
    # alias it matches (the whole word better than its start); the longest match takes the word
    named: list[dict[str, tuple[int, bool]]] = [{} for _ in words]

    def name(at: int, option_id: str, word: str, named_by: str) -> None:
        match = (min(len(word), len(named_by)), word == named_by)
        named[at][option_id] = max(named[at].get(option_id, match), match)

    if len(words) <= 2:
        for option_id, label in options:
            for at, word in enumerate(words):
                for label_word in _words(label):
                    if _same_stem(word, label_word):
                        name(at, option_id, word, label_word)
    if aliases and len(words) <= ALIAS_WORDS:
        # a short answer around an alias: "перезвоните мне", "нужна запись к врачу"
        for alias, option_id in aliases.items():
            if option_id in ids:
                parts = alias.split()
                for at in _holds_at(words, parts):
                    for offset, part in enumerate(parts):
                        name(at + offset, option_id, words[at + offset], part)
    found: set[str] = set()
    for stems in named:
        if stems:
            best = max(stems.values())
            found |= {option_id for option_id, stem in stems.items() if stem == best}
    return found.pop() if len(found) == 1 else None


def _holds_at(
    words: list[str], alias: list[str], ends: Callable[[str, str], bool] | None = None
) -> list[int]:
    """Where in `words` the alias's words stand in a row, the last give or take an ending
    ("врачу" for "врач", "лору" for "лор"; `ends` says which, `_ends_as` by default)."""
    size, ends_as = len(alias), ends or _ends_as
    return [
        i
        for i in range(len(words) - size + 1)
        if words[i : i + size - 1] == alias[:-1] and ends_as(words[i + size - 1], alias[-1])
    ]


def _ends_as(word: str, alias: str) -> bool:
    """`word` is `alias` with at most an ending: a stem's, or two letters after a short one."""
    if word == alias or _same_stem(word, alias):
        return True
    return len(alias) >= ENDING_STEM and word.startswith(alias) and len(word) <= len(alias) + 2


def _same_stem(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) >= STEM_MIN and long.startswith(short)


# a list typed line by line (medicines, lab tests) changed in words rather than added to
LIST_CLEAR = frozenset(
    {"очистить", "очистить список", "удалить всё", "удалить все", "стереть всё", "стереть все",
     "начать заново", "очистити", "очистити список", "видалити все", "почати заново", "clear",
     "clear the list", "clear list", "delete all", "start again", "start over", "тазалау",
     "тізімді тазалау", "бәрін өшіру"}
)  # fmt: skip
LIST_DROP_LAST = frozenset(
    {"удалить последнее", "убрать последнее", "удали последнее", "убери последнее",
     "отменить последнее", "удалить последний", "убрать последний", "видалити останнє",
     "прибрати останнє", "видали останнє", "прибери останнє", "remove the last",
     "delete the last", "remove last", "delete last", "undo", "соңғысын өшіру",
     "соңғысын алып тастау"}
)  # fmt: skip
# the words that drop an item named after them ("убрать нурофен") or before them ("нурофен не
# нужен"); not "без", which begins items too ("без рецепта")
_DROP_BEFORE = ("убра", "убер", "удал", "вычеркн", "прибра", "прибер", "видал", "викресл",
                "өшір")  # fmt: skip
# (English ones whole: "Drops for the eyes" is an item)
_DROP_WORDS = frozenset({"remove", "delete", "drop", "cross"})
_DROP_AFTER = ("не нужен", "не нужна", "не нужно", "не нужны", "не надо", "не потрібен",
               "не потрібна", "не потрібно", "не треба", "not needed", "керек емес")  # fmt: skip
_DROP_AFTER_WORDS = frozenset(" ".join(_DROP_AFTER).split())


# a message that names the referral or the prescription instead of what it lists ("по
# направлению", "те что врач назначил", "рецепт сейчас пришлю"): no line of the list. Stems of
# the document and of "prescribed", then the words said around them, whole.
_DOCUMENT_STEMS = ("направлен", "жолдам", "рецепт", "prescri", "referral", "назнач", "выписа",
                   "призначе", "призначи", "виписа", "тағайында")  # fmt: skip
_DOCUMENT_AROUND = frozenset(
    {"по", "согласно", "как", "в", "во", "на", "из", "у", "меня", "мне", "мое", "моё", "мой",
     "моя", "моему", "моим", "есть", "вот", "фото", "фотографию", "фотография", "фотку", "скан",
     "сейчас", "щас", "пришлю", "отправлю", "скину", "приложу", "прикреплю", "будет", "врача",
     "врач", "врачом", "врачу", "доктор", "доктора", "что", "те", "которые", "все", "всё", "там",
     "указано", "указаны", "написано", "написаны", "и", "это", "тот", "который", "он", "его",
     "её", "ее", "уже", "за", "згідно", "з", "як", "мене", "мені", "моє", "мій", "моїм", "є",
     "ось", "фотографію", "зараз", "надішлю", "відправлю", "додам", "прикріплю", "буде", "лікаря",
     "лікар", "лікарем", "що", "ті", "які", "усе", "вказано", "вказані", "і", "й", "це", "той",
     "який", "його", "її", "вже", "according", "to", "my", "the", "as", "per", "in", "on", "by",
     "from", "doctor", "doctors", "s", "see", "attached", "photo", "scan", "will", "send", "i",
     "ll", "m", "ve", "have", "a", "it", "its", "what", "listed", "written", "is", "here", "now",
     "all", "that", "this", "there", "with", "me", "got", "be", "бойынша", "менің", "менде",
     "бар", "суреті", "сурет", "қазір", "жіберемін", "дәрігер", "дәрігердің", "не", "барлығы",
     "сол", "осы", "жазылған", "көрсетілген", "мен", "приложил", "приложила", "отправил",
     "отправила", "скинул", "скинула", "додав", "додала", "надіслав", "надіслала", "sent",
     "жібердім"}
)  # fmt: skip


def names_document(typed: str) -> bool:
    """`typed` only names the referral or prescription ("по направлению", "as prescribed",
    "рецепт сейчас пришлю"), not an item of the list ("рецепт на нурофен", "без рецепта")."""
    words = plain_phrase(typed).split()
    named = [w for w in words if w.startswith(_DOCUMENT_STEMS)]
    return bool(named) and all(w in _DOCUMENT_AROUND for w in words if w not in named)


class ListEdit(NamedTuple):
    """What a message does to a list instead of adding a line (`list_edit`)."""

    lines: list[str]  # the list's lines after it
    found: bool  # False: an item to drop that no line names (the list as it was)


def list_edit(typed: str, lines: list[str]) -> ListEdit | None:
    """The list after a message that changes it ("очистить список": none; "удалить
    последнее": all but the last; "убрать нурофен", "нурофен не нужен": the items naming it
    gone, each line's items apart as its commas part them); None for a message that adds a
    line."""
    phrase = plain_phrase(typed)
    if phrase in LIST_CLEAR:
        return ListEdit([], True)
    if phrase in LIST_DROP_LAST:
        return ListEdit(lines[:-1], bool(lines))
    words = phrase.split()
    named: list[str] = []
    if len(words) >= 2 and (words[0].startswith(_DROP_BEFORE) or words[0] in _DROP_WORDS):
        named = words[1:]
    elif any(phrase.endswith(f" {tail}") for tail in _DROP_AFTER):
        named = [w for w in words if w not in _DROP_AFTER_WORDS]
    if not named:
        return None
    stems = [w[: max(4, len(w) - 2)] for w in named if len(w) >= 3]
    kept, found = [], False
    for line in lines:
        items = [item.strip() for item in re.split(r"[,;]", line)]
        left = [item for item in items if not any(stem in item.casefold() for stem in stems)]
        found = found or len(left) < len(items)
        if left:
            kept.append(", ".join(left) if len(left) < len(items) else line)
    return ListEdit(kept, found)


# where a delivery goes, said in the message that lists what to deliver ("нурофен, аквамарис.
# доставка на Хрещатик 22, кв 5", "адрес: Абая 10-5", "deliver to 5 Baker St"): the words that
# lead to it, and the address to the end of the message
_ADDRESS_LEAD = re.compile(
    r"(?:^|(?<=[\s,.;:!]))(?:"
    r"(?:доставк[аиу]|доставьте|доставить|доставте|доставити|привезите|привезіть|"
    r"привезти|deliver|delivery|delivered|жеткізіңіз|жеткізу)\s+"
    r"(?:мне\s+|мені\s+|it\s+|them\s+)?(?:на|по\s+адресу|за\s+адресою|to)"
    r"|(?:по\s+адресу|за\s+адресою)"
    r"|(?:адрес[аи]?(?:\s+доставки)?|delivery\s+address|address|мекенжай\w*)\s*:"
    r")\s*:?\s*(?P<address>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def delivery_address_in(typed: str, today: date) -> tuple[str, str] | None:
    """The words before a delivery address given in a message, and the address ("нурофен
    дитячий. доставка на Хрещатик 22, кв 5": "нурофен дитячий", "Хрещатик 22, кв 5"); None
    when the message gives none: what follows the words is an address with a house number, not
    a day ("доставка на завтра", "доставка на 15 декабря") nor a time."""
    found = _ADDRESS_LEAD.search(typed)
    if found is None:
        return None
    address = " ".join(found.group("address").split()).rstrip(" .,;!")
    while (last := address.rsplit(maxsplit=1))[-1].casefold() in _PLEASE and len(last) > 1:
        address = last[0].rstrip(" .,;!")  # "… 5 Baker St, please"
    if not any(ch.isdigit() for ch in address) or not any(
        _place_word(word, today) for word in _words(address)
    ):
        return None
    before = typed[: found.start()].rstrip(" \n.,;:!-—")
    return before, address


def _place_word(word: str, today: date) -> bool:
    """Whether a word of an address names a place (a street, a city), not a day, a month or a
    time ("пятницу", "декабря", "утром")."""
    return (
        len(word) >= ADDRESS_WORD_MIN
        and word not in WEEKDAYS
        and word not in RELATIVE_DAYS
        and word not in TIME_LABEL_WORDS
        and word not in _NOT_PLACE
        and read_date(f"1 {word}", today) is None  # a month's name
    )


ADDRESS_WORD_MIN = 3
# the words of a day's hours ("после 18", "до 14:00", "з 10 до 12"), of no place
_NOT_PLACE = frozenset({"после", "після", "after", "before", "until", "between", "между", "між",
                        "часов", "часа", "годин", "годині", "hours", "кейін", "дейін", "утра",
                        "вечера", "ранку", "вечора", "сағат", "сағатта", "not", "later",
                        "than", "позже", "пізніше", "раньше", "раніше"})  # fmt: skip


# a question the clinic directory answers ("какие клиники есть в Алматы?", "список клиник",
# "адрес клиники Dent-Lux", "де знаходиться Усмішка?"): the word for a clinic or for where it
# is, in a question or a few words, and no word that books a visit or asks why
_CLINIC_ASKED = ("клиник", "клінік", "clinic", "поликлиник", "поліклінік", "больниц", "лікарн",
                 "hospital", "медцентр", "емхана", "аурухана")  # fmt: skip
_WHERE_ASKED = ("адрес", "address", "телефон", "phone", "где", "де", "where", "қайда",
                "мекенжай", "находит", "знаходит", "located", "какие", "какая", "які", "яка",
                "which", "список", "перелік", "list", "ближайш", "найближч", "nearest",
                "қандай", "тізім", "партнер", "партнёр", "partner", "есть", "є", "бар",
                "контакт", "contact")  # fmt: skip
_BOOKING_ASKED = ("запис", "запиш", "book", "appoint", "жазыл", "жазып", "приём", "прием",
                  "прийом")  # fmt: skip
DIRECTORY_ASKED_MAX = 8  # words
DIRECTORY_FEW = 3  # words: "клиники в Алматы" asks with no word of asking


def asks_directory(typed: str) -> tuple[bool, bool] | None:
    """Whether a message asks the clinic directory: (it names clinics, it asks where or what)
    when it does either, in a question or a few words, and books nothing and asks no why;
    None for any other message. The caller answers a clinic named by name with the second,
    and lists clinics with the first."""
    words = _words(typed)
    if not words or len(words) > DIRECTORY_ASKED_MAX or _WHY & set(words):
        return None
    if any(word.startswith(_BOOKING_ASKED) for word in words) or says_wanting(typed):
        return None
    clinics = any(word.startswith(_CLINIC_ASKED) for word in words)
    where = any(word == stem or (word.startswith(stem) and len(stem) > 3) for word in words
                for stem in _WHERE_ASKED)  # fmt: skip
    # ("клиники", "clinics in Almaty"; "клиника не перезвонила" says something)
    few = len(words) <= DIRECTORY_FEW and not {"не", "not", "no", "жоқ", "емес"} & set(words)
    if not (clinics and (where or few or is_question(typed))) and not where:
        return None
    return clinics, where
