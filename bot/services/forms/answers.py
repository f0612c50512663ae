"""Short answers to a step's question: yes, no, done, nothing, "I don't know", the same as before,
the own phone or home, and a summary's field named to change."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date

from bot.services.forms.chat import THANKS_WORDS, is_thanks
from bot.services.forms.text import (
    _CLAUSE,
    _PLEASE,
    ALIAS_WORDS,
    NEGATIONS,
    _made_of,
    _words,
    aliases_held,
    changes,
    plain_phrase,
    trimmed,
    typed_phrase,
)
from bot.services.forms.times import day_named, day_refused, window_named, window_refused
from bot.services.money import CURRENCY_WORDS
from bot.services.phones import phone_in_text

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


# the words of asking for the call around the number named ("звоните на этот номер", "call me
# on my number", "осы нөмірге қоңырау шалыңыз")
_CALL_WORDS = frozenset(
    {"звоните", "позвоните", "перезвоните", "наберите", "звонить", "дзвоніть", "зателефонуйте",
     "передзвоніть", "телефонуйте", "наберіть", "call", "ring", "me", "back", "on", "please",
     "пожалуйста", "будь", "ласка", "можно", "можна", "қоңырау", "шалыңыз", "шалыңызшы"}
)  # fmt: skip


def names_own_phone(typed: str) -> bool:
    """Whether the answer to "which number should we call?" is the member's own ("мой номер",
    "на этот же, пожалуйста", "same", "звоните на этот номер"): the phone they confirmed."""
    return " ".join(trimmed(plain_phrase(typed).split(), _CALL_WORDS)) in OWN_PHONE_WORDS


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
         "менің мекенжайым", "менің мекенжайыма", "тұрғылықты мекенжай",
         # the one the profile holds (the home address)
         "адрес из профиля", "на адрес из профиля", "по адресу из профиля", "как в профиле",
         "адрес в профиле", "на адрес в профиле", "адреса з профілю", "на адресу з профілю",
         "за адресою з профілю", "як у профілі", "адреса в профілі", "address in my profile",
         "the address in my profile", "to the address in my profile", "my profile address",
         "as in my profile", "профильдегі мекенжай", "профильдегі мекенжайға"),
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


def is_done(typed: str) -> bool:
    """Whether `typed` is, whole, a "that's all" (`DONE_WORDS`) or two ("всё, больше нет"), a
    thank-you or "please" with it or not ("всё, спасибо", "это всё, дякую"); or a thank-you
    or an "ok" alone, said under a list or documents: never one of them."""
    if is_thanks(typed) or is_yes(typed):
        return True
    words = [w for w in _words(typed) if w not in THANKS_WORDS and w not in _DONE_COURTESY]
    return 0 < len(words) <= _DONE_MOST and _all_done(tuple(words))


# a "that's all" said twice over ("всё, больше нет", "done, nothing else"): its words
_DONE_MOST = 2 * ALIAS_WORDS


def _all_done(words: tuple[str, ...]) -> bool:
    """Whether `words` are, one after another, each a "that's all" (`DONE_WORDS`)."""
    return any(
        " ".join(words[:cut]) in DONE_WORDS and (cut == len(words) or _all_done(words[cut:]))
        for cut in range(min(len(words), ALIAS_WORDS), 0, -1)
    )


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


def value_corrected(
    typed: str, fields: Collection[str], today: date, specialties: Mapping[str, str]
) -> str | None:
    """The one of `fields` an answer under a summary corrects by a value alone, said with a
    "не", "not": one it turns down ("не утром", "нет, не 5 декабря") or one it gives in a
    clause of its own with no "не" (`value_given`: "не утром, а вечером", "не стоматолог, а
    терапевт", "не в гривнах, а в долларах"), or after a "лучше" ("давайте лучше на 8
    декабря"). The date when it names a day, ahead or gone (its
    step reads a time of day with it), else the time of day, the doctor (`specialties`, their
    words), the currency or the number to call; None with no "не" ("добрый вечер" names the
    evening), or a value in the clause of its "не" not turned down by it ("я не смогу прийти
    утром": which time is not said), or none of them named, or several."""
    said = set(_words(typed))
    if not (NEGATIONS | _RATHER) & said:
        return None
    given = value_given(typed)
    # (a clause with no "не" gives the value, or what follows a "лучше")
    apart = given != typed or bool(_RATHER & said)
    days = any(
        day_refused(typed, today, future=ahead) or (apart and day_named(given, today, future=ahead))
        for ahead in (True, False)
    )
    if "date" in fields and days:
        return "date"
    found = {
        field
        for field, told in (
            ("time", bool(window_refused(typed) or (apart and window_named(given)))),
            ("specialty", apart and bool(aliases_held(given, specialties))),
            ("currency", apart and bool(aliases_held(given, CURRENCY_WORDS))),
            ("phone", apart and phone_in_text(given) is not None),  # "не на этот, а на 067…"
        )
        if told and field in fields
    }
    return found.pop() if len(found) == 1 else None


# a value given instead of the one shown, with no "не": "давайте лучше на 8 декабря", "краще
# ввечері", "better in the evening" (each also ends a clause, `_CLAUSE`: the value follows it)
_RATHER = frozenset({"лучше", "краще", "better"})


def value_given(typed: str) -> str:
    """The words of a correction (`value_corrected`) that give the new value: its last clause
    with no "не" ("не утром, а вечером": "вечером"; "нет, не 5 декабря, а 6": "6"), or all of
    it when each has one ("не утром": its step says that one back)."""
    clauses = [clause.strip(" ,;.!?") for clause in _CLAUSE.split(typed)]
    given = [clause for clause in clauses if clause and not NEGATIONS & set(_words(clause))]
    last = given[-1] if given else typed
    first, _, rest = last.partition(" ")  # "краще ввечері": what follows its "краще"
    return rest if rest and " ".join(_words(first)) in _RATHER else last


# the word between a field named to change and its new value: "дату на 15 декабря", "час на
# вечір", "the time to the evening"
_CHANGED_TO = frozenset({"на", "to"})


def changed_to(typed: str, field: str) -> str | None:
    """The new value an answer under a summary gives the field it changes (`change_asked`):
    what follows a colon ("изменить дату: 15 декабря"), or "на"/"to" after the field's word
    ("поменяйте время на вечер", "change the date to 15 December"), or all that follows the
    value a correction turns down ("клиника не Сункар, а Интертич": "Интертич",
    `_after_turned_down`); None when it gives none ("изменить дату")."""
    _head, colon, tail = typed.partition(":")
    if colon:
        return tail.strip() or None
    tokens = typed.split()
    for at, token in enumerate(tokens[:-2]):
        word = " ".join(_words(token))
        if word.startswith(FIELD_WORDS[field]) and " ".join(_words(tokens[at + 1])) in _CHANGED_TO:
            return " ".join(tokens[at + 2 :]).strip() or None
    return _after_turned_down(typed) or None if is_correction(typed) else None


# the word that opens the value given after one turned down: "не Medeu, а Astana"
_INSTEAD = re.compile(r"\s(?:а|но|але|but|instead)\s", re.IGNORECASE)
_NEGATION = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, NEGATIONS)) + r")(?!\w)", re.I)


def _after_turned_down(typed: str) -> str:
    """All that follows the value turned down: from the "а", "but" after the last "не" ("клиника
    не Medeu, а Astana, Green Clinic": "Astana, Green Clinic", commas and all, where
    `value_given` keeps the last clause alone), or from the end of its clause."""
    refused = list(_NEGATION.finditer(typed))
    if not refused:
        return ""
    after = refused[-1].end()
    cut = _INSTEAD.search(typed, after) or _CLAUSE.search(typed, after)
    return typed[cut.end() :].strip(" ,;.!?") if cut is not None else ""


def is_correction(typed: str) -> bool:
    """Whether `typed` turns a value down and gives another in a clause of its own ("не
    Сункар, а Интертич", "not Sunkar but Intertich"), whatever the value is of."""
    return bool(NEGATIONS & set(_words(typed))) and value_given(typed) != typed
