"""What is typed into a list (medicines, lab tests): the list after a request's name, the tests
named, a list changed in words, a document named, a delivery address given with it."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from bot.services.dates import RELATIVE_DAYS, WEEKDAYS, read_date
from bot.services.forms.chat import is_question
from bot.services.forms.kinds import (
    _ASKING,
    _WANTING,
    KIND_WORDS,
    MEDICINES_BY_NAME,
    RELATION_WORDS,
    SELF_WORDS,
    bare_request,
)
from bot.services.forms.text import _PLEASE, _holds_at, _words, aliases_held, plain_phrase
from bot.services.forms.times import TIME_LABEL_WORDS


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
# the words that end what tests or medicines are named by (`named_tests`, `named_medicines`):
# whom they are for, where, why, the next request, the words of asking, a time of day
_NAME_ENDS = _TESTS_END | _ASKING | RELATION_WORDS.keys() | SELF_WORDS | TIME_LABEL_WORDS.keys()
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
        return word in _NAME_ENDS or word.startswith(_WANTING + _TESTS_VERBS)

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


def named_medicines(text: str) -> str | None:
    """The medicines a message names, as typed: a word for medicines with what follows it
    ("нужны таблетки от давления": "таблетки от давления"), or one named by its name
    ("заказать инсулин": "инсулин"); whom they are for, a day, the words of asking and a
    document ("по рецепту") end them. None when it names only a word for medicines ("нужны
    лекарства", "ліки на завтра")."""
    tokens = text.split()
    words = [" ".join(_words(token)) for token in tokens]
    at = next((i for i, w in enumerate(words) if KIND_WORDS.get(w) == "medicines"), None)
    if at is None:
        return None

    def applied(i: int) -> bool:  # "капли в нос", "краплі для очей", "tablets for the throat"
        return words[i] in _APPLIED_TO and bool(_BODY_PARTS.intersection(words[i + 1 : i + 3]))

    def ends(i: int) -> bool:
        word = words[i]
        if applied(i) or applied(i - 1):  # (the word between: "the", "my")
            return False
        return (
            word in _NAME_ENDS
            or word in RELATIVE_DAYS
            or word in WEEKDAYS
            or word.startswith(_WANTING + _DOCUMENT_STEMS)
        )

    end, stops = at + 1, (*_SENTENCE_ENDS, ",")
    while end < len(words) and not ends(end) and not tokens[end - 1].endswith(stops):
        end += 1
    # (a number last is the dose or how many: "ибупрофен 400", "нурофен 2")
    while (
        end > at + 1
        and words[end - 1] in _TESTS_JOIN | _TESTS_OF | {"от", "від", ""}
        and not any(ch.isdigit() for ch in tokens[end - 1])
    ):
        end -= 1
    if end == at + 1 and words[at] not in MEDICINES_BY_NAME:
        return None
    return " ".join(tokens[at:end]).rstrip(",;:.!")


# where medicines go, said after them ("капли в нос", "краплі для очей", "tablets for the throat"):
# part of their name, not where or whom they are for
# the words a line sent after others opens with, joining it to them ("и ферритин", "і ще
# вітамін D", "а также глюкоза", "also ferritin", "тағы ферритин"): the list reads without them
_LINE_JOINS = _TESTS_JOIN | {"plus", "плюс", "ещё", "еще", "ще", "также", "також", "тоже", "теж",
                             "тағы", "және"}  # fmt: skip


def list_line(text: str) -> str:
    """A line of a list as typed, without the words it opens with that join it to the lines
    before (`_LINE_JOINS`: "и ферритин" is "ферритин"); as typed when nothing else is left."""
    tokens = text.split()
    at = 0
    while at < len(tokens) - 1 and tokens[at].strip(",:;—-").casefold() in _LINE_JOINS:
        at += 1
    rest = " ".join(tokens[at:]).lstrip(",:;—- ")
    return rest if at and any(ch.isalpha() for ch in rest) else text


_APPLIED_TO = frozenset({"в", "во", "у", "для", "in", "into", "for"})
_BODY_PARTS = frozenset(
    {"нос", "носа", "глаза", "глаз", "уши", "ухо", "уха", "ушей", "горло", "горла", "кожи",
     "кожу", "ніс", "очі", "очей", "око", "ока", "вуха", "вухо", "вух", "шкіри", "шкіру", "nose",
     "eyes", "eye", "ears", "ear", "throat", "skin"}
)  # fmt: skip


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


def document_held(typed: str) -> bool:
    """Whether `typed` names a referral or a prescription among its words ("у меня есть
    направление на анализы", "I have a prescription"): a request's document, had to be used."""
    return any(word.startswith(_DOCUMENT_STEMS) for word in _words(typed))


# the list said to be in the photo the member sends ("список на фото", "всё в фото", "see the
# photo", "тізім суретте"): the photo is asked for, and no line is made of it
_PHOTO_STEMS = ("фото", "фотк", "снимк", "скрин", "скан", "photo", "picture", "pic", "image",
                "screenshot", "сурет")  # fmt: skip
_LIST_WORDS = frozenset({"список", "списком", "перелік", "list", "тізім", "тізімі", "смотрите",
                         "дивіться", "див", "см", "below", "ниже", "нижче", "above", "выше",
                         "вище"})  # fmt: skip


def names_document(typed: str) -> bool:
    """`typed` only names the referral or prescription ("по направлению", "as prescribed",
    "рецепт сейчас пришлю"), or says the list is in its photo ("список на фото", "see the
    photo"), not an item of the list ("рецепт на нурофен", "без рецепта", "нурофен на
    фото")."""
    words = plain_phrase(typed).split()
    named = [w for w in words if w.startswith(_DOCUMENT_STEMS)]
    if not named:  # the photo, and the list said to be in it
        if not any(w.startswith(_PHOTO_STEMS) for w in words):
            return False
        named = [w for w in words if w.startswith(_PHOTO_STEMS) or w in _LIST_WORDS]
    return all(w in _DOCUMENT_AROUND for w in words if w not in named)


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


# a claim's documents, and sending them, as the documents step is spoken of: "какие документы
# нужны?", "можно без чека?", "чек потом пришлю", "I'll send the receipt later"
_PAPER_STEMS = ("документ", "document", "құжат", "чек", "receipt", "квитанц", "справк", "довідк",
                "выписк", "виписк", "statement", "рецепт", "prescription", "направлен",
                "referral")  # fmt: skip
_SEND_STEMS = ("пришл", "присыл", "прислат", "отправ", "скин", "донес", "дошл", "надішл",
               "надсил", "відправ", "send", "жібер", "добав", "дода", "прилож", "приклад",
               "add", "upload", "прикреп", "прикріп")  # fmt: skip
_LATER = frozenset({"потом", "позже", "позднее", "попозже", "завтра", "вечером", "пізніше",
                    "потім", "згодом", "ввечері", "later", "tomorrow", "tonight",
                    "кейін", "кейінірек", "соңырақ", "ертең"})  # fmt: skip


def asks_which_documents(typed: str) -> bool:
    """Whether `typed` asks which documents a claim needs, or whether it can do without one
    ("какие документы нужны?", "що надіслати?", "можно без чека?", "what documents do you
    need"): a question (`chat.is_question`) with a word for a document or for sending."""
    words = _words(typed)
    return is_question(typed) and any(word.startswith(_PAPER_STEMS + _SEND_STEMS) for word in words)


def sends_later(typed: str) -> bool:
    """Whether `typed` says the documents will come later ("чек потом пришлю", "надішлю
    пізніше", "I'll send it later", "ертең жіберемін"): a word for later with one for sending
    or for a document, and no question."""
    words = _words(typed)
    return (
        not is_question(typed)
        and bool(_LATER & set(words))
        and any(word.startswith(_PAPER_STEMS + _SEND_STEMS) for word in words)
    )
