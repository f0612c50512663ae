"""Questions the bot answers itself rather than support: a card's dates, a card to see or switch
to, support's contacts and hours, the clinic directory."""

from __future__ import annotations

from bot.services.forms.chat import is_question
from bot.services.forms.kinds import says_wanting
from bot.services.forms.text import CARD_STEMS, NEGATIONS, _words, changes

# a question the card's own page answers: about the card or the policy, and when it starts,
# ends or is valid ("коли почне діяти моя картка?", "до какого числа действует полис?", "when
# does my coverage end?", "картам қашан басталады?"); why something does not work is support's
_CARD_DATE_STEMS = ("действ", "дію", "діє", "діяти", "дійсн", "почн", "начн", "начина", "начал",
                    "заканч", "законч", "закінч", "истека", "истеч", "спливає", "сплив", "срок",
                    "термін", "когда", "коли", "числа", "дат", "until", "when", "expir", "valid",
                    "start", "begin", "end", "қашан", "мерзім", "басталад", "аяқталад",
                    "жарамды")  # fmt: skip
_WHY = frozenset({"почему", "чому", "why", "неге", "зачем", "навіщо"})


# ... or its number ("какой у меня номер полиса?", "what's my policy number?", "полис нөмірім
# қандай?"); not another number said with the card's word (a phone's, a request's, a bank
# card's for a payment: "на какой номер карты придут деньги?"), nor one said not to work
_CARD_NUMBER_STEMS = ("номер", "number", "нөмір")
_OTHER_NUMBER_STEMS = ("телефон", "phone", "заявк", "request", "өтініш", "звернен", "рахун",
                       "счет", "счёт", "iban", "account", "деньг", "гроші", "грош", "выплат",
                       "виплат", "money", "ақша", "оплат", "банк", "bank", "телеграм",
                       "telegram")  # fmt: skip

# ... or the insured ID the page shows ("какой у меня ID застрахованного?", "what is my insured
# ID?", "ID нөмірім қандай?"), with no card's word needed; not one typed in the message ("мой
# ID KZ-100301" gives it), nor another's ("ID заявки", "мой id в телеграме")
_ID_WORDS = frozenset({"id", "айди", "ид", "ід"})
_ID_STEMS = ("идентиф", "ідентиф", "identif")


# ... or its program ("какая у меня программа страхования?", "what is my insurance
# program?"); not what the program covers, costs or allows, nor a change of it (`changes`),
# which the page does not say
_PROGRAM_STEMS = ("программ", "програм", "program", "бағдарлам")
_NOT_ON_THE_PAGE = ("покрыва", "покрива", "покрыт", "покрит", "входит", "входить", "включ",
                    "cover", "include", "продл", "продов", "renew", "улучш", "покращ",
                    "upgrade", "стои", "варт", "цен", "цін", "price", "cost", "лимит", "ліміт",
                    "limit", "можно", "можна", "can", "қамти")  # fmt: skip


def asks_card_page(typed: str) -> bool:
    """Whether a message asks what a card's page says: when a card or a policy starts, ends or
    is valid, its number, its program or the insured ID. A question (`is_question`) or a few
    words, with a word for the card and one for its dates, its number or its program, or one
    for the insured ID; not why ("почему карта не действует?" is a fault for support)."""
    words = _words(typed)
    program = any(word.startswith(_PROGRAM_STEMS) for word in words)
    insured_id = any(word in _ID_WORDS or word.startswith(_ID_STEMS) for word in words)
    if (
        not (is_question(typed) or len(words) <= 4)  # "срок действия полиса" asks too
        or _WHY & set(words)
        or not (program or insured_id or any(word.startswith(CARD_STEMS) for word in words))
    ):
        return False
    if program:
        return not (changes(words) or any(word.startswith(_NOT_ON_THE_PAGE) for word in words))
    if any(word.startswith(_CARD_DATE_STEMS) for word in words):
        return True
    return (
        (insured_id or any(word.startswith(_CARD_NUMBER_STEMS) for word in words))
        and not any(word.startswith(_OTHER_NUMBER_STEMS) for word in words)
        and not NEGATIONS & set(words)
        and not (insured_id and any(char.isdigit() for char in typed))
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
        word in _CARD_SHOW_WORDS or word.startswith(_SWITCH_STEMS + CARD_STEMS) for word in words
    ):
        return None
    if any(word.startswith(_SWITCH_STEMS) for word in words):
        return CARD_SWITCH
    return CARD_SHOW if any(word.startswith(CARD_STEMS) for word in words) else None


def may_ask_card(typed: str) -> bool:
    """Whether a message may be one `asks_card` reads once its person is left out: a few words,
    one of them for the card or for switching (checked before the member's cards are read)."""
    words = _words(typed)
    return len(words) <= CARD_SHOW_MAX + 1 and any(
        word.startswith(_SWITCH_STEMS + CARD_STEMS) for word in words
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
# (a question of when the clinics work, "какие клиники работают в выходные?", the directory
# does not answer: it knows no hours)
_TIME_ASKED = ("выходн", "вихідн", "weekend", "суббот", "субот", "воскрес", "неділ", "saturday",
               "sunday", "сенбі", "жексенбі", "демалыс", "круглосуточ", "цілодоб", "ночь",
               "ночью", "вночі", "night", "график", "графік", "режим", "hours", "скольки",
               "котрої", "часы")  # fmt: skip
DIRECTORY_ASKED_MAX = 8  # words
DIRECTORY_FEW = 3  # words: "клиники в Алматы" asks with no word of asking


def _not_the_directory_s(words: list[str], typed: str) -> bool:
    """Whether a message of `words` is too long for a question the directory answers, or asks
    why, books, wants something or asks when clinics work."""
    return (
        not words
        or len(words) > DIRECTORY_ASKED_MAX
        or bool(_WHY & set(words))
        or any(word.startswith(_BOOKING_ASKED + _TIME_ASKED) for word in words)
        or says_wanting(typed)
    )


def asks_directory(typed: str) -> tuple[bool, bool] | None:
    """Whether a message asks the clinic directory: (it names clinics, it asks where or what)
    when it does either, in a question or a few words, and books nothing and asks no why nor
    when clinics work; None for any other message. The caller answers a clinic named by name
    with the second, and lists clinics with the first."""
    words = _words(typed)
    if _not_the_directory_s(words, typed):
        return None
    clinics = any(word.startswith(_CLINIC_ASKED) for word in words)
    where = any(word == stem or (word.startswith(stem) and len(stem) > 3) for word in words
                for stem in _WHERE_ASKED)  # fmt: skip
    # ("клиники", "clinics in Almaty"; "клиника не перезвонила" says something)
    few = len(words) <= DIRECTORY_FEW and not NEGATIONS & set(words)
    if not (clinics and (where or few or is_question(typed))) and not where:
        return None
    return clinics, where


# a question of where a doctor is seen, or whether one is ("где принимает кардиолог?", "де є
# стоматолог у Києві?", "is there a dermatologist in Kyiv?", "педиатр есть?"): a word of a
# doctor being there or seeing people, and none of what else is asked of a doctor (a limit, a
# price, a referral, results, documents, a doctor waited for)
_SEEN_ASKED = ("есть", "є", "бар", "принимает", "принимают", "приймає", "приймають", "ведет",
               "ведёт", "веде", "қабылдай", "there", "see", "find", "найти", "знайти")  # fmt: skip
_OTHER_ASKED = ("лимит", "ліміт", "limit", "стоит", "стоимост", "цена", "цену", "ціна", "вартіст",
                "cost", "price", "сколько", "скільки", "қанша", "покрыва", "покрива", "cover",
                "направлен", "referral", "жолдама", "результат",
                "result", "нәтиже", "анализ", "аналіз", "документ", "document", "справк",
                "довідк", "жду", "ждем", "ждём", "чекаю", "чекаємо", "wait", "күт", "опазд",
                "запізн", "late")  # fmt: skip


def asks_doctor_seen(typed: str) -> bool:
    """Whether a message asks where a doctor is seen or whether one is, for the directory to
    answer with the clinics that see the doctor it names (`_SEEN_ASKED`): a question, and
    nothing else asked of a doctor ("есть ли лимит на стоматолога?" is for support)."""
    words = _words(typed)
    if _not_the_directory_s(words, typed) or not is_question(typed):
        return False
    seen = any(word == stem or (word.startswith(stem) and len(stem) > 3) for word in words
               for stem in _SEEN_ASKED)  # fmt: skip
    return seen and not any(word.startswith(_OTHER_ASKED) for word in words)
