"""The languages the bot speaks (a `locales/<code>/` folder each)."""

SUPPORTED_LOCALES = ("uk", "ru", "kk", "en")

# a language typed rather than picked, as `forms.match_choice` reads it (lower case, words):
# its name in each of the four languages, "на русском", a short form; each button's own label
# ("Русский", "English") is taken as it is
LANGUAGE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("українська", "українською", "укр", "ua", "ukrainian",
         "украинский", "украинском", "на украинском", "украинська", "украинша", "украин тілі"),
        "uk",
    ),
    **dict.fromkeys(
        ("русский", "русском", "на русском", "по русски", "рус", "russian", "російська",
         "російською", "орысша", "орыс тілі", "орыс"),
        "ru",
    ),
    **dict.fromkeys(
        ("қазақша", "қазақ", "қазақ тілі", "казакша", "казахский", "казахском", "на казахском",
         "по казахски", "казахська", "казахською", "kazakh", "kz"),
        "kk",
    ),
    **dict.fromkeys(
        ("english", "in english", "eng", "англ", "английский", "английском", "на английском",
         "по английски", "англійська", "англійською", "ағылшын", "ағылшынша"),
        "en",
    ),
}  # fmt: skip
