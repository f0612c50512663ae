"""Amounts typed by people and bank details (IBAN)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

from bot.services.numbers import NUMBER_WORDS

MAX_AMOUNT = Decimal("100000000")
IBAN_COUNTRIES = frozenset({"UA", "KZ"})
CURRENCIES = ("UAH", "KZT", "USD", "EUR")
# how people write the currencies a reimbursement is paid in, beside an amount (`read_amount`),
# casefolded, without a final dot: the code and sign (Babel's symbols are these and the code),
# the short forms on receipts and price tags, the names in the four languages
CURRENCY_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("uah", "₴", "грн", "hrn", "гривня", "гривні", "гривень", "гривню", "гривна", "гривны",
         "гривен", "гривну", "hryvnia", "hryvnias", "hryvnya"),
        "UAH",
    ),
    **dict.fromkeys(
        ("kzt", "₸", "тг", "тенге", "теңге", "tenge", "tg", "тңг",
         # the Kazakh cases: "8000 теңгені қайтарыңыз"
         "теңгені", "теңгеге", "теңгеден", "теңгенің"),
        "KZT",
    ),
    **dict.fromkeys(
        ("usd", "$", "us$", "долл", "доллар", "доллара", "долларов", "долар", "долари", "доларів",
         "доллары", "dollar", "dollars"),
        "USD",
    ),
    **dict.fromkeys(("eur", "€", "euro", "euros", "евро", "євро", "еуро"), "EUR"),
}  # fmt: skip
_CURRENCY_AT_ENDS = re.compile(
    r"^\s*(?P<before>[^\d\s.,']+)?\s*(?P<amount>[\d.,'\s\u00a0\u202f]+?)\s*(?P<after>[^\d\s.,']+\.?)?\s*$"
)


# an amount in thousands, as people write it ("5 тыс", "3 тис. грн", "15к", "5 мың теңге"): the
# number, the word for a thousand, and what follows it (a currency, or nothing)
_THOUSANDS = re.compile(
    r"^\s*(?P<amount>[^\d\s]*\s*\d[\d.,\s]*?)\s*(?:тыс|тысяч[аи]?|тис|тисяч[аі]?|мың|k|к)\.?"
    r"(?![^\W\d_])\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


def parse_amount(text: str) -> Decimal | None:
    """`1 234,50`, `1234.5`, `1,234.50`, `1.234,50`, `12.500` → Decimal; None when not a
    positive sum."""
    value = re.sub(r"[\s\u00a0\u202f']", "", text)
    if not value or not re.fullmatch(r"[0-9.,]+", value):
        return None
    # a comma is the decimal separator when it is the last one and followed by 1-2 digits
    # (`1234,5`, `1 234,50`) or when dots group the thousands before it (`1.234,50`)
    last = max(value.rfind(","), value.rfind("."))
    decimal_comma = last >= 0 and value[last] == "," and (len(value) - last <= 3 or "." in value)
    # dots alone, each before three digits, group the thousands (`12.500`, `1.250.000`): an
    # amount has no third decimal
    dot_groups = "," not in value and re.fullmatch(r"\d{1,3}(\.\d{3})+", value) is not None
    locale = "de" if decimal_comma or dot_groups else "en"
    try:
        amount = parse_decimal(value, locale=locale, strict=True)
    except NumberFormatError:
        return None
    if amount <= 0 or amount > MAX_AMOUNT or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    return amount


# a word that says the amount is about so much ("около 2000", "приблизно 500 грн"): left out,
# the receipt the member sends says it exactly
_ABOUT = re.compile(
    r"^\s*(?:около|примерно|приблизно|близько|about|approximately|approx\.?|around|шамамен|~)\s*",
    re.IGNORECASE,
)
# what the amount is, said before it in an answer ("всего 1800", "сумма: 1500", "я заплатил
# 2000 тг"): left out; in a sentence these words are the sentence's (`amount_named`)
_LABEL = re.compile(
    r"^\s*(?:(?:я|i|мен)\s+)?(?:всего|итого|сумма|на сумму|заплатил[аи]?|оплатил[аи]?|усього|"
    r"всього|разом|сума|на суму|заплатив|сплатив|сплатила|total|paid|in total|барлығы|жиыны|"
    r"сомасы|төледім)(?![^\W\d_])\s*:?\s*",
    re.IGNORECASE,
)
# the cents after the whole units, as receipts and people give them ("1500 грн 50 коп", "$12 30
# cents", "2000 тг 50 тиын")
_CENTS = re.compile(
    r"^(?P<whole>.*\S)\s+(?P<cents>\d{1,2})\s*(?:коп|копеек|копейки|копейка|копійок|копійки|"
    r"копійка|тиын|тиин|cents?|ц)\.?\s*$",
    re.IGNORECASE,
)


def read_amount(text: str) -> tuple[Decimal, str | None] | None:
    """An amount as a person types it, with its currency before or after it or none: `1 500
    грн`, `15 000 тг`, `$120`, `120.50 USD`, `€ 80`, `1 234,50`, in thousands too (`5 тыс`,
    `15к ₸`), with its cents said (`1500 грн 50 коп`), "about" so much (`около 2000`) or
    what it is (`всего 1800`). The amount as `parse_amount` reads it, and the currency's code
    (one of `CURRENCIES`) when one is named; None when it is not an amount, or names a currency
    the bot does not reimburse in (`1 500 руб`)."""
    text = _LABEL.sub("", _ABOUT.sub("", text, count=1), count=1)
    if (cents := _CENTS.match(text)) is not None:
        whole = read_amount(cents["whole"])
        if whole is None or whole[0] != whole[0].to_integral_value():
            return None
        return (whole[0] + Decimal(cents["cents"]) / 100).quantize(Decimal("0.01")), whole[1]
    if any(ch.isalpha() for ch in text) and (said := _amount_in_words(text)) is not None:
        return said  # "полторы тысячи", "п'ятсот гривень", "две тысячи 500"
    thousands = _THOUSANDS.match(text)
    if thousands is not None:  # "5 тыс", "3 тис. грн", "15к ₸", "5 мың теңге"
        text = f"{thousands['amount']} {thousands['rest']}"
    match = _CURRENCY_AT_ENDS.match(text)
    if match is None or (match["before"] and match["after"]):
        return None
    named = match["before"] or match["after"]
    currency = None
    if named:
        currency = CURRENCY_WORDS.get(named.casefold().rstrip("."))
        if currency is None:
            return None
    amount = parse_amount(match["amount"])
    if amount is not None and thousands is not None:
        amount *= 1000
        if amount == amount.to_integral_value():  # "1,5 тыс": 1500, not 1500.0
            amount = amount.quantize(Decimal(1))
        amount = amount if amount <= MAX_AMOUNT else None
    return None if amount is None else (amount, currency)


# an amount said in words, as it is spoken or dictated ("полторы тысячи", "п'ятсот гривень",
# "екі мың бес жүз теңге", "two thousand five hundred"): each word's number (`numbers`), and a
# word that multiplies what was said since the last one ("пять тысяч", "екі жүз", "two
# hundred"), and "пол-" before one ("полтысячи")
_TIMES = {
    **dict.fromkeys(("hundred", "hundreds", "жүз"), 100),
    **dict.fromkeys(("тысяча", "тысячи", "тысяч", "тисяча", "тисячі", "тисяч", "мың", "thousand",
                     "thousands"), 1000),
    **dict.fromkeys(("миллион", "миллиона", "миллионов", "мільйон", "мільйона", "мільйонів",
                     "million", "млн"), 1_000_000),
}  # fmt: skip
_HALF = ("пол", "пів")
_JOINED = frozenset({"и", "і", "та", "and", "a", "және"})
_AMOUNT_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _amount_in_words(text: str) -> tuple[Decimal, str | None] | None:
    """An amount said in words or in words and digits ("две тысячи 500 тенге"), its currency
    before or after it; None when any word is not one of a number or its currency."""
    if re.search(r"\d[.,']\d", text):  # "1,5 тыс": digits with their separators, not words
        return None
    words = _AMOUNT_WORD.findall(re.sub(r"[’ʼ`]", "'", text.casefold()))
    signs = {CURRENCY_WORDS[sign] for sign in "$€₴₸" if sign in text}  # "$ пятьсот"
    currency = signs.pop() if len(signs) == 1 else None
    for at in (-1, 0):
        if currency is None and words and (named := CURRENCY_WORDS.get(words[at])) is not None:
            currency = named
            words.pop(at)
            break
    if not any(w in NUMBER_WORDS or w in _TIMES or w.startswith(_HALF) for w in words):
        return None
    if any(a.isdecimal() and b.isdecimal() for a, b in itertools.pairwise(words)):
        return None  # "1 500 тысяч": a number in groups of digits (`_THOUSANDS`)
    total, current = Decimal(0), Decimal(0)
    for word in words:
        if word.isdecimal():
            current += Decimal(word)
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in _TIMES:
            scale = _TIMES[word]
            if scale == 100:
                current = max(current, Decimal(1)) * 100
            else:
                total += max(current, Decimal(1)) * scale
                current = Decimal(0)
        elif word.startswith(_HALF) and word[3:] in _TIMES:  # "полтысячи", "півтисячі"
            total += Decimal("0.5") * _TIMES[word[3:]]
        elif word not in _JOINED:
            return None
    amount = total + current
    if amount <= 0 or amount > MAX_AMOUNT:
        return None
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount, currency


# amounts added ("1500 + 300", "1500 грн и 300 грн", "500 плюс 250")
_PLUS = re.compile(
    r"\s*(?:\+|(?<![^\W\d_])(?:и|і|та|плюс|and|plus|және)(?![^\W\d_]))\s*", re.IGNORECASE
)


def amounts_added(text: str) -> tuple[Decimal, str | None] | None:
    """Two amounts or more added in one answer ("1500 + 300", "1500 грн и 300 грн"): their sum
    and the currency named with them (one for all); None when it is not so, or the currencies
    differ."""
    parts = _PLUS.split(text)
    if len(parts) < 2:
        return None
    read = [read_amount(part) for part in parts]
    if any(amount is None for amount in read):
        return None
    currencies = {currency for _, currency in filter(None, read) if currency}
    total = sum((amount for amount, _ in filter(None, read)), Decimal(0))
    if len(currencies) > 1 or total > MAX_AMOUNT:
        return None
    return total, currencies.pop() if currencies else None


# the most words an amount with its currency is written in ("1 234 567,50 грн")
AMOUNT_WORDS = 5


@dataclass(frozen=True)
class NamedAmount:
    amount: Decimal
    currency: str
    rest: str  # the sentence's other words (where its day is looked for: not in "15 000")


def amount_named(text: str) -> NamedAmount | None:
    """The amount a sentence names with its currency ("верните 15 000 тг за анализы", "I paid
    $120 yesterday"), as `read_amount` reads it: the longest such run of words, the first of
    those; None when no amount is named with its currency (a number alone is no amount: "3
    анализа", "за 2 дня")."""
    tokens = [t.strip(",;:!?()") for t in text.split()]
    for size in range(min(AMOUNT_WORDS, len(tokens)), 0, -1):
        for at in range(len(tokens) - size + 1):
            span = " ".join(tokens[at : at + size])
            read = None if _LABEL.match(span) else read_amount(span)
            if read is not None and read[1] is not None:
                rest = " ".join(tokens[:at] + tokens[at + size :])
                return NamedAmount(read[0], read[1], rest)
    return None


# the words of giving money back, as a word begins ("вернуть", "поверніть", "return", "get …
# back", "қайтару", "возместить", "відшкодувати", "компенсировать", "reimburse", "refund")
_BACK = ("верн", "поверн", "return", "back", "қайтар", "возмест", "відшкод", "компенс", "reimburs",
         "refund")  # fmt: skip


def money_back(text: str) -> bool:
    """Whether a sentence asks for an amount back: an amount named with its currency and a
    word of giving back ("хочу вернуть 5000 тенге за лекарства": the refund, not medicines)."""
    words = text.casefold().split()
    return any(word.startswith(_BACK) for word in words) and amount_named(text) is not None


def clean_iban(text: str) -> str | None:
    """A valid Ukrainian or Kazakh IBAN in its compact form, else None.

    schwifty (and its bank registries) is imported at the first IBAN checked, not when the bot
    starts (docs/performance.md, "Memory")."""
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        iban = IBAN(text)
    except (SchwiftyException, ValueError):
        return None
    if iban.country_code not in IBAN_COUNTRIES:
        return None
    return str(iban.compact)


# where an IBAN may begin in a sentence: its country and check digits ("UA21", "kz86")
_IBAN_START = re.compile(r"(UA|KZ)\d{2}", re.IGNORECASE)
# the most words an IBAN is written in, grouped by four ("UA21 3223 1300 … 6600 1": eight)
IBAN_WORDS = 9


def iban_in_text(text: str) -> str | None:
    """A valid Ukrainian or Kazakh IBAN typed alone or in a sentence ("IBAN: UA21 3223 1300
    …", "мой счёт UA21… в Приватбанке", with a full stop after it), compact; None when there
    is none."""
    if (iban := clean_iban(text)) is not None:
        return iban
    words = [w.strip(".,;:()«»\"'") for w in _IBAN_START.sub(r" \g<0>", text).split()]
    for at, word in enumerate(words):
        if not _IBAN_START.fullmatch(word[:4]):
            continue
        joined = ""
        for part in words[at : at + IBAN_WORDS]:
            joined += part
            if (iban := clean_iban(joined)) is not None:
                return iban
    return None
