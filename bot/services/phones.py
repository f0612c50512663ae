"""Phone numbers: normalizing what people type (or Telegram sends) to E.164, masking for logs."""

from __future__ import annotations

import re

import phonenumbers

# Digits plus the separators people actually write; letters ("vanity" numbers) are refused.
_ALLOWED = re.compile(r"^\+?[\d\s\-().]+$")
_MAX_LENGTH = 32


def _parse_valid(text: str, region: str | None) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# The countries of the insurers the bot serves (docs: PRODUCT.md). Their national forms for
# people's phones do not overlap: Ukraine's are 0 and nine digits (or the nine alone),
# Kazakhstan's 8 and ten digits (or the ten alone, starting with 7). They meet only on ten
# digits starting 800 or 900 (toll-free and premium services), which the default region reads
# first, as it did before the others were tried. A market added here must be checked the same
# way (random digit strings parsed in each region, as in tests/services/test_phones.py).
MARKETS = ("UA", "KZ")


def normalize_phone(raw: str, default_region: str = "UA") -> str | None:
    """Return the number in E.164 (`+380501234567`), or None when it is not a valid number.

    Accepts `+380 50 123 45 67`, `380501234567` (Telegram contacts carry no `+`, so a bare
    run of digits is first tried as an international number), and national forms: of the
    default region first, then of the other MARKETS (`0501234567` for UA, `8 701 123 4567` for
    KZ: a Kazakh member or registry writes the number as people do there, whichever default
    the caller has), with spaces, dashes, dots and parentheses.
    """
    text = raw.strip()
    if not text or len(text) > _MAX_LENGTH or not _ALLOWED.match(text):
        return None
    if not text.startswith("+"):
        digits = re.sub(r"\D", "", text)
        international = _parse_valid("+" + digits, None)
        if international is not None:
            return international
    for region in (default_region, *(m for m in MARKETS if m != default_region)):
        national = _parse_valid(text, region)
        if national is not None:
            return national
    return None


def is_market_phone(text: str) -> bool:
    """Whether `text` is a phone number of one of the MARKETS, as a member types their own:
    digits alone may be an ID too ("930625450123" reads as an Afghan number), so a number
    elsewhere does not count."""
    phone = normalize_phone(text)
    if phone is None:
        return False
    return phonenumbers.region_code_for_number(phonenumbers.parse(phone)) in MARKETS


def mask_phone(e164: str) -> str:
    """Hide all but the country code and the last four digits: `+380 ••• ••• 45 67`.

    The hidden part is always `••• •••`, whatever its length. Input that does not parse
    as a number keeps only its last four digits: `••• 45 67`.
    """
    digits = re.sub(r"\D", "", e164)
    tail = f"{digits[-4:-2]} {digits[-2:]}" if len(digits) >= 4 else "••"
    try:
        country = phonenumbers.parse(e164, None).country_code
    except phonenumbers.NumberParseException:
        return f"••• {tail}"
    return f"+{country} ••• ••• {tail}"
