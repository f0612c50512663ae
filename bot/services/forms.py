"""Validation shared by the request forms."""

from __future__ import annotations

from datetime import date

from bot.services.dates import parse_date

TEXT_MAX = 1000


def clean_text(text: str | None, min_len: int = 2, max_len: int = TEXT_MAX) -> str | None:
    """Trimmed free text with at least one letter or digit, within the length limits."""
    if text is None:
        return None
    value = text.strip()
    if not (min_len <= len(value) <= max_len) or not any(ch.isalnum() for ch in value):
        return None
    return value


def future_date(text: str, today: date, horizon_days: int = 365) -> date | None:
    """A preferred date: today or later, within the horizon."""
    value = parse_date(text)
    if value is None or value < today or (value - today).days > horizon_days:
        return None
    return value


def past_date(text: str, today: date, earliest: date) -> date | None:
    """A date that happened: not in the future and not before `earliest`."""
    value = parse_date(text)
    if value is None or value > today or value < earliest:
        return None
    return value
