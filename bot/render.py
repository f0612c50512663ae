"""Request answers as readable lines in one language (for the member's pages and staff cards)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, get_currency_symbol
from babel.numbers import parse_pattern as parse_number_pattern

from bot.i18n import Translator
from bot.services.forms import WINDOW_SPANS
from bot.services.hours import window_hours
from bot.services.phones import shown_phone
from bot.services.visits import BOOKINGS, SPAN
from bot.services.zones import city
from bot.textfit import cut

# detail keys whose values are themselves keys of a label family
LABELLED = {"time_window": "time-window-", "specialty": "specialty-", "currency": "currency-"}
# shown together with the amount or the time of day; an id for staff tools
# the day staff booked (a visit, a delivery: `/visit`), and its hour shown with it
BOOKED_TIME = {booking.day_field: booking.time_field for booking in BOOKINGS.values()}
HIDDEN = {"currency", "clinic_id", "time_zone", "time_said", *BOOKED_TIME.values()}
# A value shown on a summary, a request page or a staff card is cut at this many characters, so
# that every such screen fits one Telegram message (a list may have 4,096); the whole text is a
# button away (`long_details`).
VALUE_SHOWN = 1000


def money_text(amount: Decimal, currency: str, locale: str) -> str:
    """An amount as Babel writes it in `locale` («1 234,50 ₴», «1 234,50 ₸»), with CLDR's
    currency spacing that Babel leaves out: a code of letters before the digits gets a
    no-break space ("UAH 1,234.50", not "UAH1,234.50")."""
    text = format_currency(amount, currency, locale=locale)
    symbol = get_currency_symbol(currency, locale=locale)
    if symbol[-1:].isalpha() and text.startswith(symbol) and text[len(symbol) :][:1].isdigit():
        standard = Locale.parse(locale).currency_formats["standard"].pattern
        pattern = parse_number_pattern(standard.replace("¤", "¤\u00a0", 1))
        return pattern.apply(amount, locale, currency=currency)
    return text


def value_text(key: str, value: Any, details: dict[str, Any], i18n: Translator) -> str:
    if key.endswith("_date") and isinstance(value, str):
        day = date.fromisoformat(value)
        text = format_date(day, format="long", locale=i18n.locale)
        if key in ("preferred_date", "call_date") or key in BOOKED_TIME:  # by the day of the week
            text += f" ({format_date(day, 'EEEE', locale=i18n.locale)})"
        if key in BOOKED_TIME and (at := details.get(BOOKED_TIME[key])):
            text = i18n("visit-when", day=text, time=booked_hour(str(at), i18n))
        return text
    if key == "amount":
        return money_text(Decimal(value), details.get("currency", ""), i18n.locale)
    if key == "phone" and isinstance(value, str) and value.startswith("+"):
        return shown_phone(value)  # (stored as E.164: "+7 701 000 0101", as people read it)
    if key == "iban" and isinstance(value, str):
        # stored as one string; read, as IBANs are printed, in groups of four
        return " ".join(value[at : at + 4] for at in range(0, len(value), 4))
    if key == "time_window" and i18n.has(f"time-window-{value}"):
        said = details.get("time_said")
        return window_text(str(value), str(said) if said else None, i18n)
    prefix = LABELLED.get(key)
    if prefix and i18n.has(prefix + str(value)):
        return i18n(prefix + str(value))
    return str(value)


def booked_hour(at: str, i18n: Translator) -> str:
    """The hour staff booked a visit or a delivery at (`visits.read_visit`): "17:30", a span
    "10:00–14:00", or one end of it: "by 14:00" ("–14:00"), "after 18:00" ("18:00–")."""
    start, span, end = at.partition(SPAN)
    if not span or (start and end):
        return at
    return i18n("visit-time-by", time=end) if end else i18n("visit-time-after", time=start)


def window_text(window: str, said: str | None, i18n: Translator) -> str:
    """ "🌆 Evening, 16:00–20:00", and the hour the member typed it with ("… · “after 17”", at
    most `forms.SAID_MAX` characters): a form's time of day wherever it is shown."""
    text = i18n(f"time-window-{window}")
    return i18n("time-window-said", window=text, said=said) if said else text


def detail_lines(
    details: dict[str, Any],
    i18n: Translator,
    mask: dict[str, Callable[[str], str]] | None = None,
    *,
    value_max: int | None = None,
    staff_zone: tuple[ZoneInfo, date] | None = None,
) -> str:
    """`Label: value` per answered field, labels from `field-<key>`; `mask` hides values by key;
    values over `value_max` characters end with "…". `staff_zone`: the call centre's zone and
    the request's day, for a time of day a member chose in their own zone (`time_zone`), shown
    with that zone and its hours in the call centre's. Plain text: escape it for HTML."""
    lines = []
    for key, value in details.items():
        if key in HIDDEN or value in (None, "", []):
            continue
        if mask and key in mask:
            text = mask[key](str(value))
        else:
            text = value_text(key, value, details, i18n)
        if key == "time_window" and staff_zone is not None:
            text = _in_zone(text, value, details.get("time_zone"), staff_zone, i18n)
        if value_max is not None:
            text = cut(text, value_max)
        lines.append(f"{i18n('field-' + key)}: {text}")
    return "\n".join(lines)


def _in_zone(
    text: str, window: Any, zone_key: Any, staff_zone: tuple[ZoneInfo, date], i18n: Translator
) -> str:
    """ "🌅 Morning, 8:00–12:00 (Kyiv time; 11:00–15:00 in Almaty)": a member's time of day
    in their zone, and in the call centre's (`staff_zone`)."""
    tz, day = staff_zone
    span = WINDOW_SPANS.get(str(window))
    if not isinstance(zone_key, str) or span is None or zone_key == tz.key:
        return text
    try:
        where = ZoneInfo(zone_key)
    except (ZoneInfoNotFoundError, ValueError):
        return text
    return i18n(
        "time-window-in-zone",
        window=text,
        zone=city(where, i18n.locale),
        hours=window_hours(span, day, where, tz),
        here=city(tz, i18n.locale),
    )


def long_details(details: dict[str, Any], value_max: int = VALUE_SHOWN) -> bool:
    """Whether `detail_lines(..., value_max=value_max)` cuts any value of these details."""
    return any(isinstance(v, str) and len(v) > value_max for v in details.values())
