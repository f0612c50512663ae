"""Telegram's sending limits as a pacer: about 30 messages a second overall, one a second per
private chat, twenty a minute per group. Pure logic with an injected monotonic time."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass
class Pacer:
    # a little under Telegram's published limits: timing jitter between us and Telegram
    # otherwise turns "exactly at the limit" into 429s
    per_second: float = 28.0
    private_interval: float = 1.05
    group_per_minute: int = 19
    _global: deque[float] = field(default_factory=deque)
    _last_private: dict[int, float] = field(default_factory=dict)
    _group: dict[int, deque[float]] = field(default_factory=dict)

    def wait_time(self, chat_id: int, now: float) -> float:
        """Seconds to wait before sending to `chat_id` at `now` (0 when it may go now)."""
        waits = [self.chat_wait(chat_id, now)]
        window = self._trim(self._global, now, 1.0)
        if len(window) >= self.per_second:
            waits.append(window[0] + 1.0 - now)
        return max(waits)

    def chat_wait(self, chat_id: int, now: float, sends: int = 1) -> float:
        """Seconds `chat_id` alone must still wait (its one-second gap or its group's minute)
        before `sends` messages in a row fit (a group's budget counts them all; a private
        chat's gap is checked for the first)."""
        if chat_id < 0:  # groups and supergroups have negative ids
            group = self._trim(self._group.setdefault(chat_id, deque()), now, 60.0)
            over = len(group) + min(max(sends, 1), self.group_per_minute) - self.group_per_minute
            if over > 0:
                return group[over - 1] + 60.0 - now
            return 0.0
        last = self._last_private.get(chat_id)
        return max(0.0, last + self.private_interval - now) if last is not None else 0.0

    def gap(self, chat_id: int) -> float:
        """Seconds between two sends to `chat_id` at its steady pace (a group: 60 s / its
        minute's budget; a private chat: its one-second gap)."""
        return 60.0 / self.group_per_minute if chat_id < 0 else self.private_interval

    def sent(self, chat_id: int, now: float) -> None:
        self._global.append(now)
        if chat_id < 0:
            self._group.setdefault(chat_id, deque()).append(now)
        else:
            self._last_private[chat_id] = now

    def answered(self, chat_id: int, now: float) -> None:
        """The send last recorded for `chat_id` was answered at `now`: count it from then.

        Telegram checks a send when it arrives, somewhere between our call and its answer; a
        send counted from its answer can never look older to us than it is to Telegram, so a
        slow answer (a busy machine, a slow network) does not turn into a 429 on the next one.
        Sends are made one at a time, so the last one recorded is the one answered.
        """
        if self._global:
            self._global[-1] = max(self._global[-1], now)
        if chat_id < 0:
            group = self._group.get(chat_id)
            if group:
                group[-1] = max(group[-1], now)
        elif chat_id in self._last_private:
            self._last_private[chat_id] = max(self._last_private[chat_id], now)

    @staticmethod
    def _trim(times: deque[float], now: float, span: float) -> deque[float]:
        while times and times[0] <= now - span:
            times.popleft()
        return times


def unlimited() -> Pacer:
    """For tests that are not about pacing."""
    return Pacer(per_second=1e9, private_interval=0.0, group_per_minute=10**9)
