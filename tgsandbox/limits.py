"""Opt-in enforcement of Telegram's sending limits: a bot that sends too fast gets 429.

Telegram asks bots to stay under about 30 messages a second overall, one a second in a private
chat and twenty a minute in a group; past that it answers ``429 Too Many Requests`` with
``retry_after``. The emulator is lenient by default; ``EmulatorState(rate_limits=RateLimits())``
(or ``POST /sandbox/api/limits``) makes it enforce them, so pacing can be tested and measured.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tgsandbox.errors import ApiError, too_many_requests

# methods that put a new message into a chat (editing and chat actions are not limited here)
EXTRA_SENDING_METHODS = frozenset(
    {"copymessage", "copymessages", "forwardmessage", "forwardmessages"}
)


def is_sending(method: str) -> bool:
    name = method.lower()
    return (name.startswith("send") and name != "sendchataction") or name in EXTRA_SENDING_METHODS


@dataclass
class RateLimits:
    """Sliding windows over accepted sends; a refused send does not count against a window."""

    per_second: int = 30
    private_interval: float = 1.0
    group_per_minute: int = 20
    clock: Callable[[], float] = time.monotonic
    accepted: int = 0
    refused: int = 0
    _global: deque[float] = field(default_factory=deque)
    _last_private: dict[int, float] = field(default_factory=dict)
    _groups: dict[int, deque[float]] = field(default_factory=dict)

    def check(self, method: str, chat_id: int | None) -> ApiError | None:
        """Count a send to `chat_id`, or return the 429 Telegram would answer instead."""
        if not is_sending(method):
            return None
        now = self.clock()
        waits = [0.0]
        window = _trim(self._global, now, 1.0)
        if len(window) >= self.per_second:
            waits.append(window[0] + 1.0 - now)
        group: deque[float] | None = None
        if chat_id is not None and chat_id < 0:  # groups and supergroups have negative ids
            group = _trim(self._groups.setdefault(chat_id, deque()), now, 60.0)
            if len(group) >= self.group_per_minute:
                waits.append(group[0] + 60.0 - now)
        elif chat_id is not None and (last := self._last_private.get(chat_id)) is not None:
            waits.append(last + self.private_interval - now)
        wait = max(waits)
        if wait > 0:
            self.refused += 1
            # Telegram names whole seconds, never zero
            return too_many_requests(max(1, math.ceil(wait)))
        self.accepted += 1
        window.append(now)
        if group is not None:
            group.append(now)
        elif chat_id is not None:
            self._last_private[chat_id] = now
        return None

    def to_api(self) -> dict[str, Any]:
        return {
            "enabled": True,
            "per_second": self.per_second,
            "private_interval": self.private_interval,
            "group_per_minute": self.group_per_minute,
            "accepted": self.accepted,
            "refused": self.refused,
        }


def limits_from_json(body: dict[str, Any]) -> RateLimits:
    """Build limits from the control API's JSON; raises ValueError on bad input."""
    limits = RateLimits(
        per_second=int(body.get("per_second", 30)),
        private_interval=float(body.get("private_interval", 1.0)),
        group_per_minute=int(body.get("group_per_minute", 20)),
    )
    if limits.per_second < 1 or limits.private_interval < 0 or limits.group_per_minute < 1:
        raise ValueError("per_second and group_per_minute must be positive, private_interval >= 0")
    return limits


def _trim(times: deque[float], now: float, span: float) -> deque[float]:
    while times and times[0] <= now - span:
        times.popleft()
    return times
