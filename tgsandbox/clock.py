"""The emulated world's time: the real clock plus an offset that people testing move forward.

Everything the emulator stamps (message and edit dates, call records) reads it, and the
sandbox launcher gives the bot a clock that reads it too, so moving it forward makes a day
pass for both sides at once. It never goes back: what was stamped stays in the past.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo


class ClockError(ValueError):
    """A move the world's clock refuses (backwards, or not a time)."""


class WorldClock:
    """Real time (``real``, seconds since the epoch) plus ``offset_seconds``.

    ``zone`` is only how the world's time is shown and how a date without a zone is read
    (the sandbox launcher sets the insurer's zone); the clock itself is UTC.
    """

    def __init__(self, real: Callable[[], float] = time.time, zone: str = "UTC") -> None:
        self.real = real
        self.zone = ZoneInfo(zone)
        self.offset_seconds = 0.0

    def time(self) -> float:
        """The world's time in seconds since the epoch."""
        return self.real() + self.offset_seconds

    def now(self) -> datetime:
        """The world's time as an aware UTC datetime."""
        return datetime.fromtimestamp(self.time(), UTC)

    def advance(self, seconds: float) -> None:
        """Move forward by ``seconds`` (0 or more)."""
        if not math.isfinite(seconds) or seconds < 0:
            raise ClockError("the clock only moves forward: advance_seconds must be 0 or more")
        self.offset_seconds += seconds

    def move_to(self, when: datetime) -> None:
        """Move forward to ``when`` (aware, or naive = in ``zone``); never backwards."""
        if when.tzinfo is None:
            when = when.replace(tzinfo=self.zone)
        now = self.now()
        if when < now:
            raise ClockError(
                f"the clock only moves forward: {when.isoformat()} is before "
                f"the sandbox's now, {now.astimezone(self.zone).isoformat(timespec='seconds')}"
            )
        self.offset_seconds += (when - now).total_seconds()

    def parse(self, text: str) -> datetime:
        """An ISO date-time, or a date (its midnight); with no zone given, in ``zone``."""
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            raise ClockError(
                f"{text!r} is not an ISO date or date-time, e.g. 2026-12-20T09:00:00+00:00"
            ) from None
        return when if when.tzinfo is not None else when.replace(tzinfo=self.zone)

    def to_api(self) -> dict[str, Any]:
        now = self.now()
        return {
            "now": now.isoformat(timespec="seconds"),
            "local": now.astimezone(self.zone).isoformat(timespec="seconds"),
            "timezone": str(self.zone.key),
            "offset_seconds": round(self.offset_seconds, 3),
            "offset": str(timedelta(seconds=round(self.offset_seconds))),
        }
