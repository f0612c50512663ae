"""The times of day still open on a preferred day (`bot/services/forms/times.py:windows_left`)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.services.forms import TIME_WINDOWS, windows_left

DAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("hour", "minute", "left"),
    [
        (0, 0, ["morning", "afternoon", "evening", "any"]),
        (11, 59, ["morning", "afternoon", "evening", "any"]),
        (12, 0, ["afternoon", "evening", "any"]),  # the morning ends at noon
        (15, 30, ["afternoon", "evening", "any"]),
        (16, 0, ["evening", "any"]),
        (19, 59, ["evening", "any"]),
        (20, 0, []),  # nothing left today, not even "any time"
        (23, 30, []),
    ],
)
def test_today_keeps_the_windows_not_over(hour: int, minute: int, left: list[str]) -> None:
    assert windows_left(DAY, datetime(2026, 11, 22, hour, minute)) == left


def test_a_later_day_has_every_window_and_a_past_one_none() -> None:
    late = datetime(2026, 11, 22, 23, 0)
    assert windows_left(date(2026, 11, 23), late) == list(TIME_WINDOWS)
    assert windows_left(date(2026, 11, 21), datetime(2026, 11, 22, 1, 0)) == []
