"""Amounts typed by people and bank details (IBAN)."""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

MAX_AMOUNT = Decimal("100000000")
IBAN_COUNTRIES = frozenset({"UA", "KZ"})
CURRENCIES = ("UAH", "KZT", "USD", "EUR")


def parse_amount(text: str) -> Decimal | None:
    """`1 234,50`, `1234.5`, `1,234.50`, `1.234,50` → Decimal; None when not a positive sum."""
    value = re.sub(r"[\s\u00a0\u202f']", "", text)
    if not value or not re.fullmatch(r"[0-9.,]+", value):
        return None
    # a comma is the decimal separator when it is the last one and followed by 1-2 digits
    # (`1234,5`, `1 234,50`) or when dots group the thousands before it (`1.234,50`)
    last = max(value.rfind(","), value.rfind("."))
    decimal_comma = last >= 0 and value[last] == "," and (len(value) - last <= 3 or "." in value)
    locale = "de" if decimal_comma else "en"
    try:
        amount = parse_decimal(value, locale=locale, strict=True)
    except NumberFormatError:
        return None
    if amount <= 0 or amount > MAX_AMOUNT or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    return amount


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
