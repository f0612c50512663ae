"""Messages on a screen that asks nothing: a greeting, thanks, an "ok", a question, an
emergency, a command or a screen named in words."""

from __future__ import annotations

import re

from bot.services.forms.text import (
    CARD_STEMS,
    NEGATIONS,
    _made_of,
    _words,
    changes,
    plain_phrase,
    trimmed,
    typed_phrase,
)

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
         "қолдау телефоны", "қолдау нөмірі", "диспетчер нөмірі", "жұмыс уақыты",
         # a person asked for rather than the bot ("talk to a human", "живой человек")
         "оператора", "с оператором", "поговорить с оператором", "соедините с оператором",
         "живой человек", "живого человека", "с живым человеком", "поговорить с человеком",
         "з оператором", "поговорити з оператором", "жива людина", "живу людину",
         "з живою людиною", "поговорити з людиною", "human", "a human", "talk to a human",
         "speak to a human", "a real person", "talk to a person", "talk to someone",
         "live agent", "an operator", "talk to an operator", "speak to an operator",
         "talk to operator", "speak to operator", "speak with an operator", "speak to a person",
         "speak to someone", "операторға", "оператормен", "оператормен сөйлесу",
         "адаммен сөйлесу", "тірі адаммен сөйлесу", "оператормен сөйлескім келеді",
         "адаммен сөйлескім келеді", "оператормен сөйлесуге бола ма",
         "можно поговорить с человеком", "можно поговорить с живым человеком",
         "можно поговорить с оператором", "можна поговорити з людиною",
         "можна поговорити з живою людиною", "можна поговорити з оператором",
         "can i talk to a human", "can i speak to a human", "can i talk to someone"),
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
    # a number changed, to share the new one (the profile's "📱 Change phone number")
    **dict.fromkeys(
        ("изменить номер", "изменить номер телефона", "поменять номер", "поменять номер телефона",
         "сменить номер", "сменить номер телефона", "обновить номер", "новый номер",
         "новый номер телефона", "у меня новый номер", "у меня новый номер телефона",
         "изменился номер", "номер изменился", "у меня сменился номер", "змінити номер",
         "змінити номер телефону", "поміняти номер", "оновити номер", "новий номер",
         "новий номер телефону", "у мене новий номер", "у мене новий номер телефону",
         "номер змінився", "змінився номер", "change my phone number", "change phone number",
         "change my number", "new phone number", "my number changed", "my phone number changed",
         "i have a new number", "i have a new phone number", "update my phone number",
         "update phone number", "нөмірді өзгерту", "телефон нөмірін өзгерту", "жаңа нөмір",
         "нөмірім өзгерді", "менің жаңа нөмірім"),
        "change_phone",
    ),
}  # fmt: skip


# the words that ask to see a screen around its name ("покажите мою карту", "где мой полис",
# "show my policy", "полисімді көрсетіңіз"): left out at its start and end
SHOW_WORDS = frozenset(
    {"покажи", "покажите", "покажіть", "показать", "показати", "где", "де", "открой",
     "откройте", "відкрий", "відкрийте", "посмотреть", "подивитися", "хочу", "мне", "мені",
     "дайте", "дай", "show", "where", "is", "open", "see", "view", "want", "to", "i", "me",
     "give",
     "көрсет", "көрсетіңіз", "қайда", "я", "мен"}
)  # fmt: skip


def shown_asked(phrase: str) -> str:
    """`phrase` (a `plain_phrase`) without the words that ask to see what it names, at its
    start and end ("покажите мою карту": "мою карту")."""
    return " ".join(trimmed(phrase.split(), SHOW_WORDS))


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
# a goodbye, the whole message ("до свидания", "бувайте", "bye", "сау болыңыз"): answered, not
# offered to support; said with a thank-you ("спасибо, до свидания") it is a thank-you
FAREWELLS = frozenset(
    {"до свидания", "до свиданья", "пока", "всего доброго", "всего хорошего", "хорошего дня",
     "до побачення", "бувай", "бувайте", "на все добре", "гарного дня", "всього доброго",
     "bye", "goodbye", "bye bye", "good bye", "have a nice day", "have a good day", "see you",
     "сау болыңыз", "сау бол", "көріскенше"}
)  # fmt: skip
_FAREWELL_WORDS = frozenset(word for phrase in FAREWELLS for word in phrase.split())
# ("хорошо, спасибо", "ок, дякую": a thank-you too)
_THANKS_PARTS = THANKS_WORDS | THANKS_WITH | ACKNOWLEDGED | _FAREWELL_WORDS


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
# "слушайте", "excuse me"), an "ok", with the signs after it ("Добрый день! Перезвоните мне")
_OPENING_WORDS = GREETINGS | {
    "вот", "ну", "слушайте", "послушайте", "извините", "простите", "вибачте", "слухайте", "ось",
    "so", "well", "excuse me", "sorry", "кешіріңіз", "тыңдаңыз",
    # an "ok" and a "then" before what a member asks next ("OK, then please call me back",
    # "добре, тоді нову заявку на нурофен", after a rejection's reason)
    "ok", "okay", "ок", "окей", "хорошо", "ладно", "понятно", "добре", "гаразд", "зрозуміло",
    "alright", "all right", "жақсы", "түсінікті", "тогда", "тоді", "then", "онда",
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
    if len(words) > 2 and words[0] in _BEFORE_QUESTION:  # "до какого числа действует полис"
        return "?" in rest or words[1].startswith(_QUESTION_STEMS)
    return bool(words) and ("?" in rest or (len(words) > 1 and words[0] in QUESTION_WORDS))


# the words a question's first word may follow ("до какого числа", "з якого дня", "until
# when"), and the question words as they begin in any of their forms ("какого", "якій")
_BEFORE_QUESTION = frozenset(
    {"до", "с", "со", "з", "із", "від", "от", "в", "во", "у", "на", "за", "по", "for", "until",
     "till", "since", "from", "by", "to"}
)  # fmt: skip
_QUESTION_STEMS = ("как", "як", "котор", "скольк", "скільк", "когда", "коли", "what", "which",
                   "when", "how", "қандай", "қашан")  # fmt: skip


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
    # a pain in the chest, which may be the heart's
    "боль в груди", "болит в груди", "болит сердце", "біль у грудях", "біль в грудях",
    "болить у грудях", "болить в грудях", "болить серце", "chest pain", "pain in my chest",
    "кеудем ауырады", "жүрегім ауырады",
)  # fmt: skip


def names_emergency(typed: str) -> bool:
    """Whether a message says a life or health is in danger now (`EMERGENCY_WORDS`,
    `EMERGENCY_PHRASES`)."""
    words = _words(typed)
    phrase = f" {' '.join(words)} "
    return any(w in EMERGENCY_WORDS for w in words) or any(
        f" {p} " in phrase for p in EMERGENCY_PHRASES
    )


def is_farewell(typed: str) -> bool:
    """Whether a whole message is a goodbye (`FAREWELLS`), an "ok" before it too ("ок, пока")."""
    phrase = plain_phrase(typed)
    return phrase in FAREWELLS or (
        " ".join(w for w in phrase.split() if w not in ACKNOWLEDGED) in FAREWELLS
    )


def is_thanks(typed: str) -> bool:
    """Whether `typed` is a "thank you" and nothing else: a thanks word, with at most three
    words of the kind that go with one ("спасибо большое за помощь")."""
    words = _words(typed)
    return any(word in THANKS_WORDS for word in words) and _made_of(words, _THANKS_PARTS)


# what a thank-you may say of what was done, once it is ("спасибо, всё решили", "дякую, гроші
# прийшли", "thanks, got the money", "рахмет, бәрі шешілді"); a "но", "не", "but" or "not" is
# none of them, so "спасибо, но деньги не пришли" is a matter for support still
_THANKS_NEWS = frozenset(
    {"решили", "решено", "решён", "решен", "решился", "вопрос", "получилось", "пришли",
     "пришло", "получила", "получил", "получили", "перезвонили", "позвонили", "записали",
     "помогли", "работает", "отлично", "уже", "мне", "меня", "деньги",
     "вирішили", "вирішено", "питання", "вийшло", "вдалося", "прийшли", "прийшло",
     "отримала", "отримав", "отримали", "передзвонили", "зателефонували", "допомогли",
     "працює", "чудово", "вже", "мені", "мене", "гроші",
     "sorted", "solved", "resolved", "worked", "works", "it", "received", "got", "the",
     "money", "called", "me", "back", "already", "great", "perfect", "everything", "is",
     "now", "helped",
     "бәрі", "шешілді", "ақша", "ақшаны", "келді", "алдым", "хабарласты",
     "қоңырау", "шалды", "көмектестіңіз", "керемет", "тамаша", "маған"}
)  # fmt: skip
_THANKS_NEWS_WORDS = 6  # "спасибо большое, деньги уже пришли"


def is_thanks_closing(typed: str) -> bool:
    """Whether `typed` is a thank-you (`is_thanks`) or one that says with it, in a few words,
    that what was asked is done ("спасибо, всё решили", "thanks, got the money"); not a
    question ("спасибо, деньги пришли?")."""
    if is_thanks(typed):
        return True
    words = _words(typed)
    return (
        "?" not in typed
        and any(word in THANKS_WORDS for word in words)
        and 0 < len(words) <= _THANKS_NEWS_WORDS
        and all(word in _THANKS_PARTS or word in _THANKS_NEWS for word in words)
    )


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


# a member who would rather be written to than called ("мне неудобно говорить, напишите", "а
# можно в чат?", "I can't talk, text me", "сөйлесе алмаймын, жазыңыз"): a word for writing, or
# one for talking said not to be possible now ("t" is what is left of "can't")
_WRITE_STEMS = ("напиш", "пиши", "пишит", "пишіт", "письм", "переписк", "текстом", "чат",
                "chat", "write", "writing", "text", "messag", "жазың", "жазып", "жазса",
                "хатпен")  # fmt: skip
_TALK_STEMS = ("говор", "розмов", "talk", "speak", "сөйле")
_CANNOT = NEGATIONS | {"неудобно", "незручно", "ыңғайсыз", "cannot", "unable", "t", "busy",
                       "занят", "занята", "зайнятий", "зайнята", "алмаймын"}  # fmt: skip


def asks_writing(typed: str) -> bool:
    """Whether a message asks to be written to rather than called: a word for writing, or one
    for talking with one that says it cannot be now."""
    words = _words(typed)
    if any(word.startswith(_WRITE_STEMS) for word in words):
        return True
    return any(word.startswith(_TALK_STEMS) for word in words) and bool(_CANNOT & set(words))


# a menu screen asked for in more words than its name (`MENU_WORDS`): erasing what the bot
# stores ("удалите мои данные", "delete all my data": "🔐 My data", whose "Delete" asks first),
# how to use the bot ("как пользоваться ботом?", "що вміє бот?": the help) and a phone number
# changed ("мой номер телефона изменился": the profile's "Change phone number", which asks for
# the new one); not a number typed, nor a call asked ("перезвоните на новый номер")
_ERASE_STEMS = ("удал", "видал", "стер", "стир", "delet", "eras", "remov", "өшір", "жой")
_STORED_STEMS = ("данн", "дані", "даних", "data", "аккаунт", "акаунт", "account", "профил",
                 "профіл", "profile", "деректер", "информац", "інформац",
                 "information")  # fmt: skip
_HOW_WORDS = frozenset({"как", "як", "how", "қалай"})
_USE_STEMS = ("пользова", "користува", "use", "using", "работа", "працю", "work", "пайдалан")
_KAZAKH_CAN = ("істей",)
_CAN_STEMS = ("умее", "умеешь", "вмі", *_KAZAKH_CAN)  # (and "can", the whole word: not "cancel")
_WHAT_WORDS = frozenset({"что", "що", "what", "не"})  # ("не" is what in Kazakh)
_NUMBER_STEMS = ("номер", "телефон", "phone", "number", "нөмір")
_NEW_NUMBER_STEMS = ("нов", "new", "жаңа", "измен", "змін", "смен", "помен", "поміня",
                     "change", "өзгер", "друг", "інш", "another", "different", "басқа")  # fmt: skip
# (anywhere in a word: "перезвоните")
_NOT_MY_NUMBER = ("звон", "звін", "дзвон", "call", "қоңырау", "полис", "поліс", "карт", "card",
                  "polic", "заявк", "request", "өтініш")  # fmt: skip
# the policy or the card asked to be sent ("пришлите полис на почту", "send me my insurance
# card"): "My cards", whose "🪪 Show my card" sends it as an image (the bot sends no e-mail)
_SEND_STEMS = ("пришл", "прислат", "отправ", "скин", "вышл", "надішл", "надісл", "відправ",
               "send", "email", "mail", "почт", "пошт", "жібер")  # fmt: skip
_NOT_THE_CARD = ("заявк", "request", "өтініш", "чек", "receipt", "документ", "document",
                 "справк", "довідк", "рецепт", "направлен", "фото", "photo", "номер", "number",
                 "деньг", "гроші", "money", "ақша")  # fmt: skip
MENU_ASKED_MAX = 8  # words


def menu_asked(typed: str) -> str | None:
    """The menu screen a short message asks for in words of its own (`MENU_WORDS`' items:
    "privacy", "help", "change_phone", "cards"), or None."""
    words = _words(typed)
    if not words or len(words) > MENU_ASKED_MAX:
        return None

    def said(stems: tuple[str, ...]) -> bool:
        return any(word.startswith(stems) for word in words)

    if said(_ERASE_STEMS) and said(_STORED_STEMS):
        return "privacy"
    can = said(_CAN_STEMS) or "can" in words
    how = bool(_HOW_WORDS & set(words)) and said(_USE_STEMS)
    # (the Kazakh "не" before "істей" asks what: "бот не істей алады?")
    negated = NEGATIONS & set(words) - ({"не"} if said(_KAZAKH_CAN) else set())
    if said(_BOT_STEMS) and not negated and (how or can):
        return "help"
    if words[0] in _WHAT_WORDS and can and len(words) <= 4:  # "что ты умеешь?"
        return "help"
    if (
        said(_NUMBER_STEMS)
        and said(_NEW_NUMBER_STEMS)
        and not any(stem in word for word in words for stem in _NOT_MY_NUMBER)
        and not any(ch.isdigit() for ch in typed)
    ):
        return "change_phone"
    if said(_SEND_STEMS) and said(CARD_STEMS) and not said(_NOT_THE_CARD):
        return "cards"
    return None


# what support takes, said so rather than "I could not tell what to do with this": a complaint
# or feedback about the service ("хочу пожаловаться на клинику", "скарга", "feedback", "ваш бот
# не работает"), and personal data the insurer changes ("я сменила фамилию", "у мене новий
# паспорт", "my surname changed"), which the member's profile does not (the card's holder is
# the insurer's registry's)
SUPPORT_FEEDBACK, SUPPORT_DATA = "feedback", "data"
_FEEDBACK_STEMS = ("жалоб", "жалова", "жалуюс", "пожалова", "скарг", "скарж", "поскарж",
                   "complain", "feedback", "отзыв", "відгук", "шағым", "пікір",
                   "претензи", "недовол", "незадовол", "возмущ", "обурен")  # fmt: skip
# the bot said not to work ("ваш бот не работает", "the bot doesn't work")
_BOT_STEMS = ("бот", "bot", "приложени", "додаток")
_DATA_STEMS = ("фамили", "прізвищ", "surname", "паспорт", "passport", "тегім", "төлқұжат")
# a surname or passport that is new, besides one changed (`changes`): "у мене новий паспорт",
# "вышла замуж"
_NEW_STEMS = ("нов", "new", "жаңа", "вышла", "вийшла", "замуж", "заміж", "married")


def support_matter(typed: str) -> str | None:
    """What support takes that a message says, when it is no question the bot reads otherwise:
    `SUPPORT_FEEDBACK` (a complaint or feedback, the bot said not to work), `SUPPORT_DATA`
    (a surname or a passport changed); None for any other message."""
    words = _words(typed)
    if any(word.startswith(_FEEDBACK_STEMS) for word in words):
        return SUPPORT_FEEDBACK
    if any(word.startswith(_BOT_STEMS) for word in words) and NEGATIONS & set(words):
        return SUPPORT_FEEDBACK
    if any(word.startswith(_DATA_STEMS) for word in words) and (
        changes(words) or any(word.startswith(_NEW_STEMS) for word in words)
    ):
        return SUPPORT_DATA
    return None
