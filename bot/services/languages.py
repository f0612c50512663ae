"""The languages the bot speaks (a `locales/<code>/` folder each)."""

SUPPORTED_LOCALES = ("uk", "ru", "kk", "en")

# a language typed rather than picked, as `forms.match_choice` reads it (lower case, words):
# its name in each of the four languages, "на русском", a short form; each button's own label
# ("Русский", "English") is taken as it is
LANGUAGE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("українська", "українською", "укр", "ua", "ukrainian",
         "украинский", "украинском", "на украинском", "по украински", "по українськи",
         "украинська", "украинша", "украин тілі", "украин тілінде", "украиншаға"),
        "uk",
    ),
    **dict.fromkeys(
        ("русский", "русском", "на русском", "по русски", "рус", "russian", "російська",
         "російською", "орысша", "орыс тілі", "орыс", "орыс тілінде", "орысшаға"),
        "ru",
    ),
    **dict.fromkeys(
        ("қазақша", "қазақ", "қазақ тілі", "қазақ тілінде", "қазақшаға", "казакша", "казахский",
         "казахском", "на казахском",
         "по казахски", "казахська", "казахською", "kazakh", "kz"),
        "kk",
    ),
    **dict.fromkeys(
        ("english", "in english", "eng", "англ", "английский", "английском", "на английском",
         "по английски", "англійська", "англійською", "ағылшын", "ағылшынша", "ағылшын тілінде",
         "ағылшыншаға"),
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
     "сөйлеңізші", "жазыңызшы", "ауыстырыңыз", "ауыстырыңызшы", "please", "pls"}
)  # fmt: skip


def language_asked(words: list[str]) -> str | None:
    """The language a message asks the bot to speak, read from its words (lower case): a name
    of one (`LANGUAGE_WORDS`) after words of asking only ("говорите по русски": "ru"); None
    for any other message."""
    while words:
        code = LANGUAGE_WORDS.get(" ".join(words))
        if code is not None:
            return code
        if words[0] in ASKED_IN:
            words = words[1:]
        elif words[-1] in ASKED_IN:  # Kazakh puts the verb last: "қазақша сөйлесейік"
            words = words[:-1]
        else:
            return None
    return None
