"""SIGTERM and SIGINT for the whole life of a role that runs until stopped (polling, web,
worker).

The first signal asks the role to stop: it takes no new work, finishes what is in hand (up to
SHUTDOWN_TIMEOUT), and closes. A later signal changes nothing and is logged. The handlers stay
until the role has closed and logged "stopped": a second SIGTERM (a `timeout` wrapper passing
its own on, an impatient Ctrl-C) used to find Python's default handler once the updates were
drained, and end the process like a kill in the middle of the scheduler's stop. SIGKILL still
ends it at once, as Docker does after its `stop_grace_period`.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

log = logging.getLogger("bot.stopping")

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopSignals:
    """Whether a stop was asked, and what to do when it is."""

    def __init__(self) -> None:
        self.asked = asyncio.Event()
        self.by: str | None = None  # the signal's name, once asked
        self._then: list[Callable[[str], None]] = []

    def then(self, callback: Callable[[str], None]) -> None:
        """`callback(signal name)` on the stop; at once if it was asked already."""
        if self.by is not None:
            callback(self.by)
        else:
            self._then.append(callback)

    async def wait(self) -> None:
        await self.asked.wait()

    def received(self, sig: signal.Signals) -> None:
        if self.by is not None:
            log.info("%s again: still stopping (%s asked first)", sig.name, self.by)
            return
        self.by = sig.name
        self.asked.set()
        for callback in self._then:
            callback(sig.name)


@contextmanager
def stop_signals() -> Iterator[StopSignals]:
    """The handlers, from entering until leaving (put it outside everything the stop runs)."""
    loop = asyncio.get_running_loop()
    stops = StopSignals()
    for sig in SIGNALS:
        loop.add_signal_handler(sig, stops.received, sig)
    try:
        yield stops
    finally:
        for sig in SIGNALS:
            loop.remove_signal_handler(sig)
