"""Typed text as the readers take it: its words, its length, a slip of the finger, and a typed
answer matched to the options or aliases of a step."""

from __future__ import annotations

import re
from bisect import bisect
from collections.abc import Callable, Collection, Mapping, Sequence
from difflib import SequenceMatcher

TEXT_MAX = 1000


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


def _ends_strictly(word: str, alias: str) -> bool:
    """`word` is `alias` with at most a two-letter ending ("вечер" in "вечерком"); never a word
    that only begins the alias ("after" is not "afternoon" in a sentence)."""
    return word.startswith(alias) and len(word) <= len(alias) + 2


def plain_phrase(typed: str) -> str:
    """A whole answer as it is compared with a list of phrases (the menu's, "мой номер",
    "домой", "как можно скорее"): its words, without "please" and the like ("мои заявки,
    пожалуйста")."""
    return " ".join(w for w in _words(typed) if w not in _PLEASE)


_PLEASE = frozenset({"please", "пожалуйста", "будь", "ласка", "өтінемін"})


def _made_of(words: list[str], allowed: frozenset[str]) -> bool:
    """Whether `words` are a short answer (`ALIAS_WORDS` at most) of `allowed` words only."""
    return 0 < len(words) <= ALIAS_WORDS and all(word in allowed for word in words)


_NOT_WORD = re.compile(r"[^\w]+")
STEM_MIN = 4  # a typed word and a label's word agree when one begins the other, this long


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


# a choice turned down (a time of day, a day, a button's words): "не" or "not" in the two words
# before it ("только не утром", "не могу утром", "not in USD", "can't in the morning"), or after
# it "не" with a verb, or a Kazakh word of not ("утром не могу", "вранці не вийде", "таңертең
# емес", "доллар емес")
_NOT_BEFORE = frozenset({"не", "not", "no", "ні", "t", "кроме", "крім", "except", "excluding"})
_NOT_AFTER = frozenset({"не", "not", "емес", "болмайды", "алмаймын"})
# what a "не" beside a day or a time may go on with that sets its bounds or how early or late,
# not turns it down ("в пятницу не раньше 10", "утром не позже 11", "не раньше обеда", "не
# поздно вечером", "tomorrow not before noon", "not too late in the evening")
_BOUNDS = frozenset(
    {"раньше", "ранее", "позже", "позднее", "раніше", "пізніше", "earlier", "later", "before",
     "after", "ерте", "кеш", "рано", "поздно", "пізно", "early", "late", "too", "слишком",
     "занадто", "очень", "дуже", "сильно"}
)  # fmt: skip


def _turned_down(before: list[str], after: list[str], first: str = "") -> bool:
    """Whether a choice (a day, a time of day, a button's words) with the words `before` and
    `after` it (two each, in its clause; `first`, its own first word) is turned down: "не",
    "not", "кроме" before it, or "не" after it, unless the word after that "не" sets a bound
    ("не раньше 10", "не раньше обеда", "не рано утром", whose "рано" begins "рано утром")."""
    ahead = [*before, first]
    return any(
        word in _NOT_BEFORE and ahead[at + 1] not in _BOUNDS for at, word in enumerate(before)
    ) or any(
        word in _NOT_AFTER and not (at + 1 < len(after) and after[at + 1] in _BOUNDS)
        for at, word in enumerate(after)
    )


# where a clause ends: a sign before a space ("9.12", "10:00" are one word), or a word that
# sets one choice against another ("утром не могу, лучше вечером", "не утром а вечером", "not in
# the morning but in the evening")
_CLAUSE = re.compile(r"[,;.!?](?=\s|$)|\s(?:а|но|але|but|лучше|краще|better)\s", re.IGNORECASE)


def turned_down_in(words: list[str], clause: list[int], start: int, end: int) -> bool:
    """Whether `words[start:end]`, naming a choice, are turned down (`_turned_down`) by the two
    words before and after them in their clause (`clause`: each word's, `_clause_of_words`)."""
    before = [word for at, word in enumerate(words[max(start - 2, 0) : start], max(start - 2, 0))
              if clause[at] == clause[start]]  # fmt: skip
    after = [word for at, word in enumerate(words[end : end + 2], end)
             if clause[at] == clause[end - 1]]  # fmt: skip
    first = _words(words[start])
    return _turned_down(
        _words(" ".join(before)), _words(" ".join(after)), first[0] if first else ""
    )


def _clause_of_words(text: str) -> list[int]:
    """The clause (`_CLAUSE`) each of the words of `text` (`_words`) stands in."""
    folded = text.casefold()
    bounds = [m.start() for m in _CLAUSE.finditer(folded)]
    return [bisect(bounds, m.start()) for m in re.finditer(r"\w+", folded) if not m[0].isdigit()]


def match_choice(
    typed: str,
    options: Sequence[tuple[str, str]],
    aliases: Mapping[str, str] | None = None,
    *,
    by_word: bool = True,
) -> str | None:
    """The id of the one option (id, label) a typed answer asks for, or None (none or several;
    `choice_told`)."""
    return choice_told(typed, options, aliases, by_word=by_word)[0]


def choice_told(
    typed: str,
    options: Sequence[tuple[str, str]],
    aliases: Mapping[str, str] | None = None,
    *,
    by_word: bool = True,
) -> tuple[str | None, str | None]:
    """The id of the one option (id, label) a typed answer asks for, and of the one it turns
    down when it asks for none ("не в долларах", "not USD": its words name the dollar, which
    the member ruled out); each None when none or several.

    It names an option when it is one of `aliases` for its id ("грн"), the option's id ("usd"),
    or the start of its label ("morning", "any time", "терапевт"); else, with `by_word`, in one
    or two words, a word of the label give or take an ending ("утром" for "Утро", "вечером" for
    "Вечер"), or, in up to `ALIAS_WORDS` words, an alias among them ("перезвоните мне"). A word
    that names several options names the one of the longest stem: in Kazakh "дәрі" (medicines)
    begins "дәрігері" (doctor), which names the appointment by all of "дәрігер". Words that
    name an option are turned down by a "не", "not" beside them in their clause
    (`_turned_down`): "гривны, не доллары" asks for the hryvnia. Without `by_word` ("Київ,
    Добробут" is not the city "Київ") only the first ones."""
    words = _words(typed)
    if not words:
        return None, None
    phrase = " ".join(words)
    ids = {option_id for option_id, _ in options}
    if aliases and aliases.get(phrase) in ids:
        return aliases[phrase], None
    whole = {
        option_id
        for option_id, label in options
        if phrase == option_id.casefold()
        or (len(phrase) >= 3 and " ".join(_words(label)).startswith(phrase))
    }
    if whole or not by_word:
        return (whole.pop() if len(whole) == 1 else None), None
    # each typed word: the options it names, by how much of a word of their label or of an
    # alias it matches (the whole word better than its start), and whether the words naming it
    # turn it down; the longest match takes the word
    clause = _clause_of_words(typed)
    named: list[dict[str, tuple[tuple[int, bool], bool]]] = [{} for _ in words]

    def name(at: int, option_id: str, word: str, named_by: str, span: tuple[int, int]) -> None:
        down = turned_down_in(words, clause, *span)  # by the words beside those naming it
        match = (min(len(word), len(named_by)), word == named_by)
        known = named[at].get(option_id)
        if known is None or match > known[0]:
            named[at][option_id] = (match, down)
        elif match == known[0]:  # asked for by one way of naming it: asked
            named[at][option_id] = (match, down and known[1])

    if len(words) <= 2:
        for option_id, label in options:
            for at, word in enumerate(words):
                for label_word in _words(label):
                    if _same_stem(word, label_word):
                        name(at, option_id, word, label_word, (at, at + 1))
    if aliases and len(words) <= ALIAS_WORDS:
        # a short answer around an alias: "перезвоните мне", "нужна запись к врачу"
        for alias, option_id in aliases.items():
            if option_id in ids:
                parts = alias.split()
                for at in _holds_at(words, parts):
                    for offset, part in enumerate(parts):
                        word = words[at + offset]
                        name(at + offset, option_id, word, part, (at, at + len(parts)))
    asked: set[str] = set()
    refused: set[str] = set()
    for stems in named:
        if stems:
            best = max(match for match, _ in stems.values())
            for option_id, (match, down) in stems.items():
                if match == best:
                    (refused if down else asked).add(option_id)
    asked -= refused
    if asked:
        return (asked.pop() if len(asked) == 1 else None), None
    return None, (refused.pop() if len(refused) == 1 else None)


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


# words that are the stem of no longer one: "my card" (the insurance card) does not name the
# cardiologist, whose word it begins
_NO_STEM = frozenset({"card", "cards", "карт", "карта", "карту", "карты", "картка", "картку",
                      "картки"})  # fmt: skip


def _same_stem(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return (
        len(short) >= STEM_MIN
        and long.startswith(short)
        and (short == long or short not in _NO_STEM)
    )


# what a summary's answer says to change ("изменить дату", "змінити адресу", "change the time",
# "күнін өзгерту", "дата не та"): a word that asks to change, as a word begins
_CHANGE = (
    "измен", "помен", "исправ", "замен", "смен", "друг", "не та", "не тот", "не те", "неправил",
    "змін", "поміня", "виправ", "інш", "не так", "неправильн", "change", "edit", "fix",
    "correct", "wrong", "another", "other", "өзгерт", "ауыстыр", "түзет", "басқа", "қате", "добав",
    "додат", "додай", "add", "қос",
    # what is shown does not suit ("время не подходит", "дата не влаштовує", "the time does not
    # suit me"; not "неудобно" alone: "сегодня неудобно говорить" asks no change)
    "не подход", "не підход", "не устраива", "не влаштов", "not suit",
)  # fmt: skip


def changes(words: list[str]) -> bool:
    """Whether words say something is to be changed ("изменить", "поменяйте", "не та", "fix")."""
    return any(w.startswith(_CHANGE) for w in words) or any(
        " ".join(words[at : at + 2]).startswith(_CHANGE) for at in range(len(words))
    )


# the words that say "not" ("номер полиса не подходит", "клиника не перезвонила", "the bot
# doesn't work"): a message with one says something is wrong, not what it asks
NEGATIONS = frozenset({"не", "нет", "ні", "немає", "not", "no", "doesn", "isn", "жоқ", "емес"})

# the words for an insurance card or a policy, as a word begins (the card's page asked about,
# `questions.asks_card_page`; the policy asked to be sent, `chat.menu_asked`)
CARD_STEMS = ("карт", "полис", "поліс", "страховк", "страхов", "покрыти", "покриття", "card",
              "polic", "coverage", "insurance", "сақтандыру")  # fmt: skip


def trimmed(words: list[str], around: Collection[str]) -> list[str]:
    """`words` without those of `around` at either end ("покажите мою карту": "мою карту";
    "звоните на этот номер": "на этот номер")."""
    start, end = 0, len(words)
    while start < end and words[start] in around:
        start += 1
    while end > start and words[end - 1] in around:
        end -= 1
    return words[start:end]
