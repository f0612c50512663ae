""" "Now" and "today" from the bot's clock, and dates and times as the member reads them (in the
zone of the member's phone, named when it is not the insurer's)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from aiogram_dialog import DialogManager
from babel.dates import format_date, format_time

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Translator
from bot.services.cards import CardStatus, CardView
from bot.services.zones import ReadingZone, city, reading_zone


def now(manager: DialogManager) -> datetime:
    clock: Clock = manager.middleware_data["clock"]
    return clock()


def insurer_now(manager: DialogManager) -> datetime:
    """The time in the insurer's zone: coverage, waiting periods and clinics' hours are there."""
    settings: Settings = manager.middleware_data["settings"]
    return now(manager).astimezone(settings.tz)


def today(manager: DialogManager) -> date:
    """Today in the insurer's time zone: coverage and waiting periods are counted there."""
    return insurer_now(manager).date()


_ZONE_KEY = "phone_reading_zones"


def member_zone(manager: DialogManager) -> ReadingZone:
    """The zone the member reads times in (their phone's country, else the insurer's)."""
    return phone_zone_of(manager, getattr(manager.middleware_data.get("member"), "phone", None))


def phone_zone_of(manager: DialogManager, phone: str | None) -> ReadingZone:
    """The zone times are read in by whoever has `phone` (its country's, else the insurer's);
    found once per number and update, however many times a page shows (a phone confirmed in
    this update is another number)."""
    data = manager.middleware_data
    found: dict[str | None, ReadingZone] = data.setdefault(_ZONE_KEY, {})
    if phone not in found:
        settings: Settings = data["settings"]
        found[phone] = reading_zone(phone, settings.tz, now(manager))
    return found[phone]


def member_date(value: datetime, manager: DialogManager) -> date:
    """The calendar date of a moment where the member is."""
    return value.astimezone(member_zone(manager).tz).date()


def fmt_date(value: date, manager: DialogManager) -> str:
    i18n: Translator = manager.middleware_data["i18n"]
    return format_date(value, format="long", locale=i18n.locale)


def card_status(card: CardView, manager: DialogManager) -> str:
    """A card's status as the member reads it, with the day that goes with it: when a waiting
    card opens, when an expired one's coverage ended."""
    i18n: Translator = manager.middleware_data["i18n"]
    status = i18n(f"card-status-{card.status}")
    if card.status is CardStatus.WAITING:
        return f"{status} {i18n('card-opens-on', date=fmt_date(card.coverage_start, manager))}"
    if card.status is CardStatus.EXPIRED:
        return f"{status} {i18n('card-ended-on', date=fmt_date(card.coverage_end, manager))}"
    return status


def zone_city(tz: ZoneInfo, i18n: Translator) -> str:
    """A zone as a time is said to be in it: its city, in the member's language ("Almaty")."""
    return city(tz, i18n.locale)


def _named_zone(text: str, zone: ReadingZone, manager: DialogManager) -> str:
    """`text` as is in the member's own zone; otherwise with the zone it is in."""
    if zone.own:
        return text
    i18n: Translator = manager.middleware_data["i18n"]
    return i18n("time-in-zone", time=text, zone=zone_city(zone.tz, i18n))


def fmt_datetime(value: datetime, manager: DialogManager) -> str:
    """A moment in the member's zone, its date written as `fmt_date` writes dates."""
    i18n: Translator = manager.middleware_data["i18n"]
    zone = member_zone(manager)
    local = value.astimezone(zone.tz)
    text = i18n(
        "date-at-time",
        date=format_date(local.date(), format="long", locale=i18n.locale),
        time=format_time(local, "HH:mm", locale=i18n.locale),
    )
    return _named_zone(text, zone, manager)


def fmt_time_or_datetime(value: datetime, manager: DialogManager) -> str:
    """A moment near now: the time alone when it falls on the member's today, else date and time."""
    i18n: Translator = manager.middleware_data["i18n"]
    zone = member_zone(manager)
    local = value.astimezone(zone.tz)
    if local.date() != now(manager).astimezone(zone.tz).date():
        return fmt_datetime(value, manager)
    return _named_zone(format_time(local, "HH:mm", locale=i18n.locale), zone, manager)
