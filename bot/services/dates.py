"""Dates typed by people: `05.03.1984`, `05/03/1984`, `1984-03-05`, `5.3.1984`."""

from __future__ import annotations

import re
from datetime import date

_DMY = re.compile(r"^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})$")
_YMD = re.compile(r"^(\d{4})[./\-](\d{1,2})[./\-](\d{1,2})$")


def parse_date(text: str) -> date | None:
    """Day-first or ISO order; None when it is not a real calendar date."""
    value = text.strip()
    if match := _DMY.match(value):
        day, month, year = (int(x) for x in match.groups())
    elif match := _YMD.match(value):
        year, month, day = (int(x) for x in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_birth_date(text: str, today: date) -> date | None:
    """A plausible date of birth: a real date, not in the future, not before 1900."""
    value = parse_date(text)
    if value is None or value > today or value.year < 1900:
        return None
    return value
