"""The given name of a full name, for a greeting.

The insurer's registry writes names surname first («Коваленко Марія Іванівна», «Садыкова
Айгерим Нурлановна»), while a member who types a name in the profile is asked for "name and
surname". A greeting uses the given name as written (nominative), whichever order it came in.
"""

from __future__ import annotations

import re

# Patronymics: East Slavic (-ович, -івна, …) and Kazakh (-ұлы, -қызы, also written apart).
_PATRONYMIC = re.compile(
    r"(ович|евич|ьович|йович|ич|овна|евна|івна|ївна|ична|инична|вна|"
    r"ovych|ovich|evich|ivna|ovna|evna|ична|ұлы|улы|қызы|кызы|uly|kyzy)$",
    re.IGNORECASE,
)
_KAZAKH_PARTICLE = {"ұлы", "улы", "қызы", "кызы", "uly", "kyzy"}
# Common endings of surnames in Ukraine and Kazakhstan (Latin transliterations too).
_SURNAME = re.compile(
    r"(енко|єнко|enko|ов|ова|ев|ева|ёв|ёва|ов|ov|ova|ev|eva|ський|ська|ский|ская|цький|цька|"
    r"цкий|цкая|sky|skyi|ska|skaya|чук|юк|ук|chuk|yuk|uk|ишин|ін|іна|ин|ина|in|ina|ko|ко|"
    r"ович|ak|ак|як|ych|ич)$",
    re.IGNORECASE,
)
# Given names that end like a surname (-ина, -ин, -ко, …) are common enough to check first.
_GIVEN_LIKE_SURNAME = re.compile(
    r"^(ірина|ирина|марина|галина|полина|поліна|катерина|екатерина|ангелина|ангеліна|"
    r"карина|алина|аліна|мирослава|ярослава|нина|ніна|iryna|irina|maryna|marina|halyna|"
    r"galina|polina|kateryna|karina|alina|nina|марко|marko|дарина|daryna)$",
    re.IGNORECASE,
)


def _is_patronymic(word: str) -> bool:
    return word.lower() in _KAZAKH_PARTICLE or bool(_PATRONYMIC.search(word))


def _looks_like_surname(word: str) -> bool:
    return not _GIVEN_LIKE_SURNAME.match(word) and bool(_SURNAME.search(word))


def given_name(full_name: str | None) -> str:
    """The given name in `full_name` (1–3 words, either order); "" when there is none.

    «Коваленко Марія Іванівна» → «Марія»; «Марія Іванівна Коваленко» → «Марія»;
    «Olena Kovalenko» → «Olena»; «Садыкова Айгерим» → «Айгерим»; «Айгерим» → «Айгерим».
    """
    words = (full_name or "").split()
    if not words:
        return ""
    # a patronymic follows the given name, whatever the order of the surname
    for index in range(1, len(words)):
        if _is_patronymic(words[index]) and not _is_patronymic(words[index - 1]):
            return words[index - 1]
    if len(words) == 1:
        return words[0]
    first, second = words[0], words[1]
    if _looks_like_surname(first) and not _looks_like_surname(second):
        return second
    if _looks_like_surname(second) and not _looks_like_surname(first):
        return first
    # no sign either way: the registry's order (surname first) when the name has three words,
    # the profile's ("name and surname") when it has two
    return second if len(words) >= 3 else first


# a patronymic or a surname that says whether its bearer is a man or a woman: "Олегівна",
# "Нурланқызы", "Садыкова", "Ковальська"; those of a woman are tried first ("-ична" ends
# like "-ич")
_WOMAN = re.compile(
    r"(овна|евна|івна|ївна|ична|инична|вна|ivna|ovna|evna|қызы|кызы|kyzy|"
    r"ова|ева|ёва|ина|ська|ская|цька|цкая|ova|eva|ina|ska|skaya)$",
    re.IGNORECASE,
)
_MAN = re.compile(
    r"(ович|евич|ьович|йович|ич|ovych|ovich|evich|ұлы|улы|uly|"
    r"ов|ев|ёв|ин|ський|ский|цький|цкий|ov|ev|in|sky|skyi)$",
    re.IGNORECASE,
)


def sex_of(full_name: str | None) -> str | None:
    """ "f" or "m" as a full name says it by its patronymic or its surname («Коваленко Софія
    Олегівна» → "f", «Садыков Нурлан» → "m"); None when neither says («Taras Kovalenko»). The
    given name is not read: «Марина» ends as a surname does."""
    given = given_name(full_name)
    words = [w for w in (full_name or "").split() if w != given]
    for pattern, sex in ((_WOMAN, "f"), (_MAN, "m")):
        if any(pattern.search(word) for word in words):
            return sex
    return None


# A name written in the other script, as the registry or a passport may have it («Коваленко»
# for "Kovalenko", "Olena" for «Олена»): staff's /find by name tries these spellings too. One
# table a way of writing: Ukraine's passports, Russian and Kazakh ones; letters that do not
# differ between them are in the first.
_LATIN_UA = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "ы": "y", "э": "e", "ю": "iu",
    "я": "ia", "ё": "e", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "'": "", "ʼ": "", "’": "",
}  # fmt: skip
# (at a word's start Ukraine writes "Ye", "Yi", "Y", "Yu", "Ya")
_LATIN_UA_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_LATIN_RU = {**_LATIN_UA, "г": "g", "и": "i", "й": "y", "ю": "yu", "я": "ya", "є": "ye"}
_LATIN_KZ = {**_LATIN_RU, "й": "i"}
# Latin to Cyrillic: the longest letters first; a "y" or "i" after a vowel, before a consonant
# or at the end, is «й» ("Aigerim": «Айгерим», "Andrii": «Андрій», "Sergey": «Сергей»)
_CYRILLIC_UA = {
    "shch": "щ", "zh": "ж", "kh": "х", "ts": "ц", "ch": "ч", "sh": "ш", "yu": "ю", "iu": "ю",
    "ya": "я", "ia": "я", "ye": "є", "ie": "є", "yi": "ї", "a": "а", "b": "б", "v": "в",
    "h": "г", "g": "г", "d": "д", "e": "е", "z": "з", "y": "и", "i": "і", "k": "к", "l": "л",
    "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "t": "т", "u": "у", "f": "ф",
    "c": "к", "x": "кс", "w": "в", "q": "к", "j": "й",
}  # fmt: skip
_CYRILLIC_RU = {**_CYRILLIC_UA, "h": "х", "ye": "е", "ie": "е", "yi": "ый", "y": "ы", "i": "и"}
_VOWELS = frozenset("aeiouy")


def _to_latin(word: str, table: dict[str, str], first: dict[str, str]) -> str:
    lower = word.lower()
    return "".join(
        (first if at == 0 else table).get(ch, table.get(ch, ch)) for at, ch in enumerate(lower)
    )


def _to_cyrillic(word: str, table: dict[str, str]) -> str:
    lower, out, at = word.lower(), [], 0
    while at < len(lower):
        ch = lower[at]
        after_vowel = at > 0 and lower[at - 1] in _VOWELS
        ends = at + 1 == len(lower) or lower[at + 1] not in _VOWELS
        pair = lower[at : at + 2]
        if ch in "iy" and after_vowel and ends and (len(pair) < 2 or pair not in table):
            out.append("й")
            at += 1
            continue
        for size in (4, 2, 1):
            piece = lower[at : at + size]
            if piece in table:
                out.append(table[piece])
                at += size
                break
        else:
            out.append(ch)
            at += 1
    return "".join(out)


def other_scripts(word: str) -> list[str]:
    """A name's word as the other script writes it («Олена»: "Olena"; "Kovalenko":
    «Коваленко»), in each way Ukraine, Russia and Kazakhstan write it, lower case; none for a
    word of both scripts or of neither."""
    letters = [ch for ch in word.lower() if ch.isalpha()]
    if letters and all("a" <= ch <= "z" for ch in letters):
        spelled = [_to_cyrillic(word, _CYRILLIC_UA), _to_cyrillic(word, _CYRILLIC_RU)]
    elif letters and all("а" <= ch <= "я" or ch in "ёєіїґәғқңөұүһ" for ch in letters):
        spelled = [
            _to_latin(word, _LATIN_UA, _LATIN_UA_FIRST),
            _to_latin(word, _LATIN_RU, {}),
            _to_latin(word, _LATIN_KZ, {}),
        ]
    else:
        return []
    return list(dict.fromkeys(spelled))
