"""Telegram's sending limits as a pacer: about 30 messages a second overall, one a second per
private chat, twenty a minute per group. Pure logic with an injected monotonic time.

Two kinds of sender share one pacer: the outbox deliverer (`sent`, a few sends at once, each to a
chat of its own) and the
answers handlers make while an update is handled (`reply_wait`, `replied`, `reply_answered`;
`bot/delivery/reply_limits.py:PacedReplies`), any number at once. Telegram counts both in its 30
a second, so both are counted here; members come first: an answer waits only for the overall
window, never for its chat's gap, and while one waits the outbox sends nothing.

A send counts from when it was made until its answer, then from its answer for a second: Telegram
counts it on arrival, somewhere in between. So no second of Telegram's holds more sends than
`per_second`, however slow the answers and however many are on their way at once (the outbox has
a few, answers any number); the margin under Telegram's 30 is for clocks, not for that.
"""

from __future__ import annotations

import bisect
import contextlib
from collections import deque
from dataclasses import dataclass, field

# how long the outbox waits, at least, while an answer waits for the overall window
REPLY_YIELD_SECONDS = 0.01
# how often a sender looks again when only sends still waiting for their answer fill the window
FLYING_POLL_SECONDS = 0.02
# a send still waiting for its answer after this long is taken as gone (aiogram's request
# timeout is 60 s)
FLYING_AT_MOST_SECONDS = 90.0


@dataclass
class Pacer:
    # a little under Telegram's published limits: timing jitter between us and Telegram
    # otherwise turns "exactly at the limit" into 429s (29: bench/busy_bench.py kept it with no
    # 429 against the emulator's strict 30, where 28 left 0.916 of 30 used at best)
    per_second: float = 29.0
    private_interval: float = 1.05
    group_per_minute: int = 19
    _global: deque[float] = field(default_factory=deque)
    _last_private: dict[int, float] = field(default_factory=dict)
    _group: dict[int, deque[float]] = field(default_factory=dict)
    # answers waiting for room in the overall window: the outbox yields to them
    replies_waiting: int = 0
    # the outbox's sends waiting for their answer: the chat's send recorded at (one per chat)
    _outbox_sends: dict[int, float] = field(default_factory=dict)
    # every send waiting for its answer (the outbox's and answers'): when recorded, in order
    _flying: list[float] = field(default_factory=list)

    def wait_time(self, chat_id: int, now: float) -> float:
        """Seconds the outbox waits before sending to `chat_id` at `now` (0: it may go now).

        A slot an answer is waiting for is not the outbox's: it waits until that answer has
        gone (and then for a free slot of its own)."""
        waits = [self.chat_wait(chat_id, now)]
        window, flying = self._trim(self._global, now, 1.0), self._stale(now)
        over = len(window) + flying + self.replies_waiting - self.per_second
        if over >= 0:
            # the slot after the waiting answers' frees when the window's (over+1)th send leaves
            waits.append(self._frees(window, int(over), now))
            waits.append(REPLY_YIELD_SECONDS if self.replies_waiting else 0.0)
        return max(waits)

    def reply_wait(self, now: float) -> float:
        """Seconds an answer waits at `now` before it may go: only for the overall window."""
        window, flying = self._trim(self._global, now, 1.0), self._stale(now)
        if len(window) + flying >= self.per_second:
            return self._frees(window, int(len(window) + flying - self.per_second), now)
        return 0.0

    def _stale(self, now: float) -> int:
        """Sends recorded over a second ago and still waiting for their answer. Telegram may have
        counted them as late as their answer, so they still count: with them, no second of
        Telegram's can hold more sends than the pacer allows, however slow the answers."""
        # past any request's timeout: an answer never recorded costs a slot this long at most
        del self._flying[: bisect.bisect_right(self._flying, now - FLYING_AT_MOST_SECONDS)]
        return bisect.bisect_right(self._flying, now - 1.0)

    @staticmethod
    def _frees(window: deque[float], nth: int, now: float) -> float:
        """Seconds until the window's `nth` send (from 0) leaves it; when the window is too short
        for that, sends still waiting for their answer fill it: look again shortly."""
        if nth < len(window):
            return max(window[nth] + 1.0 - now, 0.0)
        return FLYING_POLL_SECONDS

    def replied(self, chat_id: int, now: float) -> None:
        """An answer goes to `chat_id` at `now`: counted overall and in its chat's window, so
        the outbox's next message to that chat waits its turn after it. Answers overlap: the
        caller keeps `now` and gives it to `reply_answered` when the answer comes."""
        self._record(chat_id, now)

    def reply_answered(self, chat_id: int, sent_at: float, now: float) -> None:
        """The answer recorded at `sent_at` for `chat_id` came back at `now`: it counts from
        then (see `answered`)."""
        self._recount(chat_id, sent_at, now)

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
        """The outbox sends to `chat_id` at `now` (see `answered`)."""
        self._record(chat_id, now)
        self._outbox_sends[chat_id] = now

    def answered(self, chat_id: int, now: float) -> None:
        """The outbox's send to `chat_id` was answered at `now`: count it from then.

        Telegram checks a send when it arrives, somewhere between our call and its answer; a
        send counted from its answer can never look older to us than it is to Telegram, so a
        slow answer (a busy machine, a slow network) does not turn into a 429 on the next one.
        The outbox has at most one send in flight per chat, so the chat's is the one answered.
        """
        sent_at = self._outbox_sends.pop(chat_id, None)
        if sent_at is not None:
            self._recount(chat_id, sent_at, now)

    def _record(self, chat_id: int, at: float) -> None:
        bisect.insort(self._global, at)
        bisect.insort(self._flying, at)
        if chat_id < 0:
            bisect.insort(self._group.setdefault(chat_id, deque()), at)
        else:
            self._last_private[chat_id] = max(self._last_private.get(chat_id, at), at)

    def _recount(self, chat_id: int, sent_at: float, now: float) -> None:
        with contextlib.suppress(ValueError):
            self._flying.remove(sent_at)
        self._move(self._global, sent_at, now)
        if chat_id < 0:
            self._move(self._group.setdefault(chat_id, deque()), sent_at, now)
        else:
            self._last_private[chat_id] = max(self._last_private.get(chat_id, now), now)

    @staticmethod
    def _move(times: deque[float], old: float, new: float) -> None:
        """The send recorded at `old` counts from `new` (>= old) instead."""
        with contextlib.suppress(ValueError):  # it has left the window already: count it anew
            times.remove(old)
        bisect.insort(times, new)

    @staticmethod
    def _trim(times: deque[float], now: float, span: float) -> deque[float]:
        while times and times[0] <= now - span:
            times.popleft()
        return times


def unlimited() -> Pacer:
    """For tests that are not about pacing."""
    return Pacer(per_second=1e9, private_interval=0.0, group_per_minute=10**9)
