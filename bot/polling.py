"""Long polling that acknowledges an update only once it has been handled, and drains on stop.

aiogram's own polling (`Dispatcher.start_polling`) moves getUpdates' offset past an update as
soon as it is read, starts a task per update with no bound, and on SIGTERM closes the HTTP
session while handlers still run: an album sent during a deploy lost two photos of three, and a
burst of members waited on database connections until they were dropped.

Here:
- Updates are handled concurrently, at most `concurrency` at once (the database pool and the
  Redis connections are sized from the same number); the rest wait their turn.
- The offset (what Telegram is told was received) only moves past the contiguous run of the
  oldest updates that have finished. An update that was still running or not yet started when
  the process died is sent again by Telegram after the restart; the handlers make a repeat
  harmless (documents by `file_unique_id`, messages to staff by Telegram's message id, a
  button of a screen already left does nothing).
- `stop` (on SIGTERM/SIGINT: bot/stopping.py) takes no new updates; those in hand get
  `shutdown_timeout` seconds to finish (then they are cancelled, rolled back and left
  unacknowledged); what finished is acknowledged with one last getUpdates, and `run` returns.
- Each update goes through `Dispatcher.feed_update`, like aiogram's polling, so middlewares and
  error handlers are the same. An update whose handler raised counts as handled (its error
  handlers ran), as in aiogram: retrying it would repeat the failure forever.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque

from aiogram import Bot, Dispatcher
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.types import Update
from aiogram.utils.backoff import Backoff, BackoffConfig

log = logging.getLogger("bot.polling")

DEFAULT_BACKOFF = BackoffConfig(min_delay=1.0, max_delay=5.0, factor=1.3, jitter=0.1)
# getUpdates answers at most 100; unacknowledged updates count against it (see _fetch_loop)
BATCH = 100


class UpdatePoller:
    """Reads updates from getUpdates and hands them to the dispatcher; see the module doc."""

    def __init__(
        self,
        dp: Dispatcher,
        bot: Bot,
        *,
        concurrency: int,
        shutdown_timeout: float,
        polling_timeout: int = 10,
        backoff: BackoffConfig = DEFAULT_BACKOFF,
        allowed_updates: list[str] | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.dp = dp
        self.bot = bot
        self.concurrency = concurrency
        self.shutdown_timeout = shutdown_timeout
        self.polling_timeout = polling_timeout
        self.backoff = backoff
        self.allowed_updates = (
            dp.resolve_used_update_types() if allowed_updates is None else allowed_updates
        )
        self._slots = asyncio.Semaphore(concurrency)
        self._stop = asyncio.Event()
        # update ids read and not yet acknowledged, oldest first; those of them finished
        self._unacked: deque[int] = deque()
        self._finished: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        # the offset getUpdates is given next; None until the first update is acknowledged
        self._offset: int | None = None
        self._told: int | None = None  # the offset Telegram was last given
        self._advanced = asyncio.Event()

    # -- what the outside sees ---------------------------------------------------------------
    def stop(self, by: str | None = None) -> None:
        """Stop taking updates; `run` drains those in hand and returns. `by`: the signal that
        asked (bot/stopping.py), for the log."""
        if by is not None and not self._stop.is_set():
            log.info("%s: finishing %d update(s) in hand, taking no new ones", by, self.in_flight)
        self._stop.set()

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    async def run(self) -> None:
        """Poll until `stop`, then drain, acknowledge and return."""
        workflow = {"dispatcher": self.dp, "bots": (self.bot,), **self.dp.workflow_data}
        await self.dp.emit_startup(bot=self.bot, **workflow)
        try:
            fetching = asyncio.create_task(self._fetch_loop())
            stopping = asyncio.create_task(self._stop.wait())
            await asyncio.wait({fetching, stopping}, return_when=asyncio.FIRST_COMPLETED)
            failed = fetching.exception() if fetching.done() else None
            fetching.cancel()
            stopping.cancel()
            await asyncio.gather(fetching, stopping, return_exceptions=True)
            await self._drain()
            await self._acknowledge()
            if failed is not None:
                raise failed
        finally:
            await self.dp.emit_shutdown(bot=self.bot, **workflow)

    # -- reading -----------------------------------------------------------------------------
    async def _fetch_loop(self) -> None:
        backoff = Backoff(self.backoff)
        while True:
            # read only with a free slot: what is read waits unacknowledged until it is handled
            async with self._slots:
                pass
            self._advanced.clear()
            try:
                updates = await self._get_updates()
            except Exception as exc:  # the network or Telegram: try again
                log.warning(
                    "getUpdates failed (%s); again in %.1f s",
                    type(exc).__name__,
                    backoff.next_delay,
                )
                await backoff.asleep()
                continue
            backoff.reset()
            # an update handled (and so below the offset) while this call was on its way may
            # still be in its answer: taken once only
            known, below = set(self._unacked), self._offset or 0
            fresh = [u for u in updates if u.update_id >= below and u.update_id not in known]
            if not fresh and self._tasks:
                # Telegram answers with the oldest unacknowledged updates, which are all in
                # hand: read again once the oldest of them has finished
                await self._advanced.wait()
                continue
            for update in fresh:
                self._unacked.append(update.update_id)
                await self._slots.acquire()
                task = asyncio.create_task(self._handle(update))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

    async def _get_updates(self) -> list[Update]:
        # With updates in hand Telegram answers at once (they are still unacknowledged), so a
        # long wait happens only when everything read has been acknowledged by this very call.
        timeout = 0 if self._unacked else self.polling_timeout
        method = GetUpdates(
            offset=self._offset,
            limit=BATCH,
            timeout=timeout,
            allowed_updates=self.allowed_updates,
        )
        updates = await self.bot(method, request_timeout=int(self.bot.session.timeout + timeout))
        self._told = method.offset
        return updates

    # -- handling ----------------------------------------------------------------------------
    async def _handle(self, update: Update) -> None:
        try:
            response = await self.dp.feed_update(self.bot, update, bots=(self.bot,))
            if isinstance(response, TelegramMethod):
                await self.dp.silent_call_request(self.bot, response)
        except Exception:
            # the error handlers have run (aiogram's ErrorsMiddleware); like aiogram's polling,
            # the update counts as handled
            log.exception("an update failed")
        finally:
            self._slots.release()
        # reached only when the handler finished (a cancelled one stays unacknowledged)
        self._done(update.update_id)

    def _done(self, update_id: int) -> None:
        self._finished.add(update_id)
        moved = False
        while self._unacked and self._unacked[0] in self._finished:
            oldest = self._unacked.popleft()
            self._finished.discard(oldest)
            self._offset = oldest + 1
            moved = True
        if moved:
            self._advanced.set()

    # -- stopping ----------------------------------------------------------------------------
    async def _drain(self) -> None:
        if not self._tasks:
            return
        log.info("waiting up to %s s for %d update(s)", self.shutdown_timeout, len(self._tasks))
        _, pending = await asyncio.wait(set(self._tasks), timeout=self.shutdown_timeout)
        if pending:
            log.warning(
                "%d update(s) did not finish within %s s: cancelled, Telegram sends them again",
                len(pending),
                self.shutdown_timeout,
            )
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def _acknowledge(self) -> None:
        """Tell Telegram what was handled since the last getUpdates."""
        if self._offset is None or self._offset == self._told:
            return
        try:
            await self.bot(GetUpdates(offset=self._offset, limit=1, timeout=0))
        except Exception as exc:  # they come again: harmless
            log.warning("could not acknowledge the last updates (%s)", type(exc).__name__)
        else:
            self._told = self._offset
