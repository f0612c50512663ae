"""Numbers as people say them, in the four languages: one to nine hundred, and one and a half
("полторы", "півтори"), each word's value (an amount said in words: `money`; days counted:
`dates`)."""

from __future__ import annotations

from decimal import Decimal

NUMBER_WORDS: dict[str, int | Decimal] = {
    **dict.fromkeys(("один", "одна", "одну", "бір", "one"), 1),
    **dict.fromkeys(("два", "две", "дві", "екі", "two"), 2),
    **dict.fromkeys(("три", "үш", "three"), 3),
    **dict.fromkeys(("четыре", "чотири", "төрт", "four"), 4),
    **dict.fromkeys(("пять", "п'ять", "бес", "five"), 5),
    **dict.fromkeys(("шесть", "шість", "алты", "six"), 6),
    **dict.fromkeys(("семь", "сім", "жеті", "seven"), 7),
    **dict.fromkeys(("восемь", "вісім", "сегіз", "eight"), 8),
    **dict.fromkeys(("девять", "дев'ять", "тоғыз", "nine"), 9),
    **dict.fromkeys(("десять", "он", "ten"), 10),
    **dict.fromkeys(("одиннадцать", "одинадцять", "eleven"), 11),
    **dict.fromkeys(("двенадцать", "дванадцять", "twelve"), 12),
    **dict.fromkeys(("тринадцать", "тринадцять", "thirteen"), 13),
    **dict.fromkeys(("четырнадцать", "чотирнадцять", "fourteen"), 14),
    **dict.fromkeys(("пятнадцать", "п'ятнадцять", "fifteen"), 15),
    **dict.fromkeys(("шестнадцать", "шістнадцять", "sixteen"), 16),
    **dict.fromkeys(("семнадцать", "сімнадцять", "seventeen"), 17),
    **dict.fromkeys(("восемнадцать", "вісімнадцять", "eighteen"), 18),
    **dict.fromkeys(("девятнадцать", "дев'ятнадцять", "nineteen"), 19),
    **dict.fromkeys(("двадцать", "двадцять", "жиырма", "twenty"), 20),
    **dict.fromkeys(("тридцать", "тридцять", "отыз", "thirty"), 30),
    **dict.fromkeys(("сорок", "қырық", "forty"), 40),
    **dict.fromkeys(("пятьдесят", "п'ятдесят", "елу", "fifty"), 50),
    **dict.fromkeys(("шестьдесят", "шістдесят", "алпыс", "sixty"), 60),
    **dict.fromkeys(("семьдесят", "сімдесят", "жетпіс", "seventy"), 70),
    **dict.fromkeys(("восемьдесят", "вісімдесят", "сексен", "eighty"), 80),
    **dict.fromkeys(("девяносто", "дев'яносто", "тоқсан", "ninety"), 90),
    **dict.fromkeys(("сто",), 100),
    **dict.fromkeys(("двести", "двісті"), 200),
    **dict.fromkeys(("триста",), 300),
    **dict.fromkeys(("четыреста", "чотириста"), 400),
    **dict.fromkeys(("пятьсот", "п'ятсот"), 500),
    **dict.fromkeys(("шестьсот", "шістсот"), 600),
    **dict.fromkeys(("семьсот", "сімсот"), 700),
    **dict.fromkeys(("восемьсот", "вісімсот"), 800),
    **dict.fromkeys(("девятьсот", "дев'ятсот"), 900),
    **dict.fromkeys(("полторы", "півтори"), Decimal("1.5")),
}  # fmt: skip
