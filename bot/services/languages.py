"""The languages the bot speaks (a `locales/<code>/` folder each)."""

SUPPORTED_LOCALES = ("uk", "ru", "kk", "en")

# a language typed rather than picked, as `forms.match_choice` reads it (lower case, words):
# its name in each of the four languages, "на русском", a short form; each button's own label
# ("Русский", "English") is taken as it is
LANGUAGE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("українська", "українською", "укр", "ua", "ukrainian",
         "украинский", "украинском", "на украинском", "по украински", "по українськи",
         "українську",
         "украинська", "украинша", "украин тілі", "украин тілінде", "украиншаға"),
        "uk",
    ),
    **dict.fromkeys(
        ("русский", "русском", "на русском", "по русски", "рус", "russian", "російська",
         "російською", "російську", "орысша", "орыс тілі", "орыс", "орыс тілінде", "орысшаға"),
        "ru",
    ),
    **dict.fromkeys(
        ("қазақша", "қазақ", "қазақ тілі", "қазақ тілінде", "қазақшаға", "казакша", "казахский",
         "казахском", "на казахском",
         "по казахски", "казахська", "казахською", "казахську", "kazakh", "kz"),
        "kk",
    ),
    **dict.fromkeys(
        ("english", "in english", "eng", "англ", "английский", "английском", "на английском",
         "по английски", "англійська", "англійською", "англійську", "ағылшын", "ағылшынша",
         "ағылшын тілінде", "ағылшыншаға"),
        "en",
    ),
}  # fmt: skip


# the words around a language asked for in a sentence ("говорите по-русски", "можна
# українською", "switch to English", "давайте на казахском", "қазақша сөйлесейік"): left out,
# from its start or its end, to read the language (`language_asked`)
ASKED_IN = frozenset(
    {"говорите", "говори", "пишите", "пиши", "давайте", "давай", "можно", "можна", "говоріть",
     "пишіть", "перейти", "перейдите", "переключи", "переключите", "перейдіть", "переключіть",
     "хочу", "мне", "мені", "пожалуйста", "speak", "write", "switch", "change", "to", "let",
     "s", "can", "you", "i", "want", "сөйлеңіз", "жазыңыз", "ауыстыру", "сөйлесейік",
     "сөйлеңізші", "жазыңызшы", "ауыстырыңыз", "ауыстырыңызшы", "please", "pls", "do",
     "вы", "ви", "ли", "розмовляєте", "знаете", "знаєте", "сіз", "білесіз", "sprechen", "sie",
     "hallo", "habla", "usted", "parlez", "vous", "mówisz", "mówi", "pan", "pani",
     "gaplashasizmi", "konuşuyor", "musunuz", "musun", "а", "and",
     # the language changed to one ("поменять язык на казахский", "змінити мову на
     # англійську", "change the language to Russian", "тілді орысшаға ауыстырыңыз")
     "поменять", "поменяйте", "поменяй", "сменить", "смените", "смени", "изменить",
     "измените", "переключить", "язык", "языка", "на", "змінити", "змініть", "зміни",
     "поміняти", "поміняйте", "переключити", "мову", "мова", "language", "the", "set",
     "тілді", "тілін", "өзгертіңіз", "өзгерту"}
)  # fmt: skip

# a language the bot does not speak, asked for as one it does ("Sprechen Sie Deutsch?",
# "по-узбекски можно?", "o'zbekcha"): the member is told which it speaks (`NOT_SPOKEN`)
NOT_SPOKEN = "-"
OTHER_LANGUAGE_WORDS = frozenset(
    {"deutsch", "german", "auf deutsch", "немецкий", "немецком", "на немецком", "по немецки",
     "німецька", "німецькою", "неміс", "немісше", "polski", "po polsku", "polish", "польский",
     "польском", "на польском", "по польски", "польська", "польською", "поляк", "uzbek",
     "o zbek", "o zbekcha", "ozbekcha", "ўзбекча", "узбекча", "узбекский", "узбекском",
     "на узбекском", "по узбекски", "узбецька", "узбецькою", "өзбек", "өзбекше", "kyrgyz",
     "кыргызча", "кыргызский", "киргизский", "на киргизском", "по киргизски", "қырғыз",
     "қырғызша", "turkish", "türkçe", "turkce", "турецкий", "на турецком", "по турецки",
     "турецька", "түрік", "түрікше", "tajik", "таджикский", "по таджикски", "тоҷикӣ",
     "тәжік", "тәжікше", "azerbaijani", "azərbaycanca", "азербайджанский", "по азербайджански",
     "belarusian", "беларуская", "белорусский", "по белорусски", "білоруська", "georgian",
     "грузинский", "по грузински", "armenian", "армянский", "по армянски", "chinese",
     "китайский", "по китайски", "китайська", "қытай", "қытайша", "中文", "spanish", "español",
     "испанский", "по испански", "іспанська", "french", "français", "francais",
     "французский", "по французски", "французька", "italian", "italiano", "итальянский",
     "arabic", "арабский", "по арабски", "hebrew", "иврит", "на иврите", "korean",
     "корейский", "по корейски", "корей", "корейше", "romanian", "română", "румынский",
     "молдавский", "hungarian", "magyar", "венгерский", "czech", "čeština", "чешский",
     "slovak", "словацкий", "japanese", "японский", "hindi", "хинди", "persian", "фарси",
     "dari", "дари", "pashto", "tatar", "татарский", "татарша", "uyghur", "уйгурский",
     "ұйғыр", "ұйғырша", "turkmen", "туркменский", "түрікмен", "mongolian", "монгольский",
     "моңғол", "dutch", "nederlands", "greek", "греческий", "portuguese", "português",
     "португальский", "crimean tatar", "кримськотатарська", "lithuanian", "latvian",
     "estonian", "литовский", "латышский", "эстонский"}
)  # fmt: skip


def language_asked(words: list[str]) -> str | None:
    """The language a message asks the bot to speak, read from its words (lower case): a name
    of one (`LANGUAGE_WORDS`) after words of asking only ("говорите по русски": "ru"),
    `NOT_SPOKEN` for one the bot does not speak ("sprechen sie deutsch"); None for any other
    message."""
    while words:
        phrase = " ".join(words)
        code = LANGUAGE_WORDS.get(phrase) or (
            NOT_SPOKEN if phrase in OTHER_LANGUAGE_WORDS else None
        )
        if code is not None:
            return code
        if words[0] in ASKED_IN:
            words = words[1:]
        elif words[-1] in ASKED_IN:  # Kazakh puts the verb last: "қазақша сөйлесейік"
            words = words[:-1]
        else:
            return None
    return None
