"""The time zone a member reads times in: their phone's country where it tells, else the insurer's.

Rules (waiting periods, reminder hours, call-centre hours) stay in the insurer's zone; only what a
member reads is shown in the member's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from babel.core import get_global
from babel.dates import get_timezone_location


@dataclass(frozen=True)
class ReadingZone:
    """Where a member's times are shown; `own` is False when the member's zone is not known,
    so a time shown to them must say which zone it is in."""

    tz: ZoneInfo
    own: bool


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def phone_zone(phone: str | None, insurer: ZoneInfo, at: datetime) -> ZoneInfo | None:
    """The zone of an E.164 number's country, or None when the country's clocks disagree.

    A number of the insurer's own country is read in the insurer's zone when that is one of the
    country's; another country with several zones (Russia's numbers list a dozen) is one answer only
    when all its zones show the same time at `at`.
    """
    if not phone:
        return None
    # the prefix → zones table (1.5 MB) at the first member with a phone, not at start-up
    from phonenumbers import timezone as number_zones

    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    territories = get_global("zone_territories")
    zones = [
        zone
        for name in number_zones.time_zones_for_number(number)
        if territories.get(name) == region and (zone := _zone(name)) is not None
    ]
    if any(zone.key == insurer.key for zone in zones):
        return insurer
    if not zones or len({at.astimezone(zone).utcoffset() for zone in zones}) > 1:
        return None
    return zones[0]


def reading_zone(phone: str | None, insurer: ZoneInfo, at: datetime) -> ReadingZone:
    """The member's own zone when the phone tells it, else the insurer's (named when shown)."""
    own = phone_zone(phone, insurer, at)
    return ReadingZone(own, True) if own is not None else ReadingZone(insurer, False)


def city(tz: ZoneInfo, locale: str) -> str:
    """A zone as a time is said to be in it: its city, in `locale` ("Almaty", "Алматы")."""
    return str(get_timezone_location(tz, locale=locale, return_city=True))
