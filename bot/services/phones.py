"""Phone numbers: normalizing what people type (or Telegram sends) to E.164, masking for logs."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata, PhoneNumberDesc

# The library's checks look their metadata's regular expressions up by text on every call, through
# `re`'s own cache unless this is on: its own dictionary of the patterns compiled (bounded by the
# metadata) is a fifth cheaper a number (a registry's 67,000 distinct phones: 0.63 -> 0.49 s of
# CPU; docs/performance.md, "Registry import")
phonenumbers.enable_pattern_cache()

# Digits plus the separators people actually write; letters ("vanity" numbers) are refused.
_ALLOWED = re.compile(r"^\+?[\d\s\-().]+$")
_MAX_LENGTH = 32


# A number written as E.164 already: "+", a country code (never 0 first), 6 to 16 digits more
_E164 = re.compile(r"\+[1-9]\d{6,16}")


# The number types phonenumbers tells apart (`_number_type_helper`): a number is valid when its
# region's general pattern takes it and so does one of these (mobile only where its pattern is
# not the fixed line's: where they are the same, the library looks at the fixed line alone)
_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
)


def _takes(desc: PhoneNumberDesc | None, length: int) -> str | None:
    """The pattern of `desc` if a national number of `length` digits may match it
    (`_is_number_matching_desc`: its possible lengths, when it lists any, then its pattern)."""
    if desc is None or not desc.national_number_pattern:
        return None
    if desc.possible_length and length not in desc.possible_length:
        return None
    return desc.national_number_pattern


class _Region:
    """phonenumbers' check of a national number in one region (`is_valid_number_for_region`),
    made with its metadata's own patterns, a length's worth at a time: the general pattern, then
    one pattern joining every type's (a match of any is a type other than UNKNOWN), two full
    matches in all. The library tries up to eleven patterns one after another, each by a match
    and then a full match, and a number of a country code that regions share (+7) is typed twice:
    a tenth of a registry import's CPU (docs/performance.md, "Registry import").
    tests/services/test_phones.py holds the two ways to the same answer for every region's
    numbers."""

    __slots__ = ("_by_length", "_metadata", "leading_digits")

    def __init__(self, metadata: PhoneMetadata) -> None:
        self._metadata = metadata
        self._by_length: dict[int, tuple[re.Pattern[str], re.Pattern[str]] | None] = {}
        leading = metadata.leading_digits
        self.leading_digits = re.compile(leading) if leading is not None else None

    def valid(self, national: str) -> bool:
        length = len(national)
        try:
            patterns = self._by_length[length]
        except KeyError:
            patterns = self._by_length[length] = self._patterns(length)
        return (
            patterns is not None
            and patterns[0].fullmatch(national) is not None
            and patterns[1].fullmatch(national) is not None
        )

    def _patterns(self, length: int) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
        metadata = self._metadata
        general = _takes(metadata.general_desc, length)
        types = [
            pattern
            for name in _TYPES
            if not (name == "mobile" and metadata.same_mobile_and_fixed_line_pattern)
            if (pattern := _takes(getattr(metadata, name), length)) is not None
        ]
        if general is None or not types:
            return None
        return re.compile(general), re.compile("|".join(f"(?:{pattern})" for pattern in types))


class _Country:
    """A country calling code's regions and national prefix, looked up once."""

    __slots__ = ("_regions", "national_prefix", "readable")

    def __init__(self, code: int, regions: tuple[str, ...]) -> None:
        self._regions = [_region(code, name) for name in regions]
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, regions[0])
        self.readable = metadata is not None
        prefix = metadata.national_prefix_for_parsing if metadata is not None else None
        self.national_prefix = re.compile(prefix) if prefix else None

    def valid(self, national: str) -> bool:
        """`phonenumbers.is_valid_number` of the number (no leading zero): the region the
        library gives it (`region_code_for_number`: the only one, or the first of a shared
        code's regions whose leading digits or patterns take it), then its check there."""
        chosen: _Region | None = None
        if len(self._regions) == 1:
            chosen = self._regions[0]
        else:
            for region in self._regions:
                if region is None:
                    continue
                if region.leading_digits is not None:
                    if region.leading_digits.match(national):
                        chosen = region
                        break
                elif region.valid(national):
                    chosen = region
                    break
        return chosen is not None and chosen.valid(national)


def _region(code: int, name: str) -> _Region | None:
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, name)
    return None if metadata is None else _Region(metadata)


# a country code as written ("7", "380") -> its country, None for digits that are not one;
# bounded: the first one to three digits of a number written as E.164 (never a 0 first)
_COUNTRIES: dict[str, _Country | None] = {}


def _country(digits: str) -> _Country | None:
    try:
        return _COUNTRIES[digits]
    except KeyError:
        regions = COUNTRY_CODE_TO_REGION_CODE.get(int(digits))
        country = _COUNTRIES[digits] = _Country(int(digits), regions) if regions else None
        return country


def _valid_as_written(text: str) -> bool | None:
    """Whether `text`, a number written as E.164 already (a registry's phones, a Telegram
    contact's), is valid: the library's own check of the number its parser would make of it,
    made without the parser (its text parse is 2/3 of a distinct phone's cost in an import).

    The parser takes the country code the same way (the first 1-3 digits the library knows as
    one) and keeps the rest as the national number, unless those digits begin with 0 (kept as
    a leading zero) or with what the country's national prefix may be (the parser may strip it):
    then None, and the caller parses `text` as before. tests/services/test_phones.py holds the
    two ways to the same answer for every country code."""
    digits = text[1:]
    for size in (1, 2, 3):
        country = _country(digits[:size])
        if country is None:
            continue
        national = digits[size:]
        if national.startswith("0") or not country.readable:
            return None
        if country.national_prefix is not None and country.national_prefix.match(national):
            return None
        return country.valid(national)
    return None


def _parse_valid(text: str, region: str | None) -> str | None:
    if _E164.fullmatch(text) and (valid := _valid_as_written(text)) is not None:
        return text if valid else None
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
# the most of a message read for a phone number in it (a sentence, not a document)
_SENTENCE_MAX = 300


def normalize_phone(raw: str, default_region: str = "UA") -> str | None:
    """Return the number in E.164 (`+380501234567`), or None when it is not a valid number.

    Accepts `+380 50 123 45 67`, `380501234567` (Telegram contacts carry no `+`, so a bare
    run of digits is first tried as an international number), and national forms: of the
    default region first, then of the other MARKETS (`0501234567` for UA, `8 701 123 4567` for
    KZ: a Kazakh member or registry writes the number as people do there, whichever default
    the caller has), with spaces, dashes, dots and parentheses.
    """
    if _E164.fullmatch(raw) and (valid := _valid_as_written(raw)) is not None:
        return raw if valid else None  # as written already (a registry's, mostly): no region
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


def phone_in_text(text: str) -> str | None:
    """The one phone number of the MARKETS a sentence holds, in E.164 ("мой номер
    0501112233", "звоните на 8 701 123 45 67 после обеда"), as phonenumbers finds it; None
    when it holds none, several, or one with an extension (which a number to call would lose:
    the member is asked for the number again)."""
    found: set[str] = set()
    for region in MARKETS:
        for match in phonenumbers.PhoneNumberMatcher(
            text[:_SENTENCE_MAX], region, leniency=phonenumbers.Leniency.VALID
        ):
            if match.number.extension:
                return None
            found.add(phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
    return found.pop() if len(found) == 1 else None


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


def shown_phone(e164: str) -> str:
    """A number as people read it, in the international format of its country (`+7 727 300
    0355`, `+380 44 000 0341`); as stored when it does not parse."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_country(phone: str | None) -> str | None:
    """The ISO country of an E.164 number, e.g. "+77010000101" -> "KZ"."""
    if not phone:
        return None
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(phone, None)) or None
    except phonenumbers.NumberParseException:
        return None
