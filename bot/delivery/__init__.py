"""Delivering the outbox through Telegram, within its limits and through its errors."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections import deque
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram_dialog.api.protocols import BgManagerFactory
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from bot.clock import Clock
from bot.config import Settings
from bot.delivery import workers
from bot.delivery.chats import StaffChats
from bot.delivery.errors import HeldError, RetrySoonError, UndeliverableError
from bot.delivery.member import MemberSender
from bot.delivery.shared_limits import SharedLimits
from bot.i18n import TranslatorHub
from bot.services import notifications, outbox
from bot.services.pacing import Pacer
from storage.models import (
    Audience,
    Member,
    Notification,
    NotificationKind,
    NotificationStatus,
)
from storage.repositories import notifications as notifications_repo

log = logging.getLogger("bot.delivery")
# how often a deliverer records its heartbeat (renewing its rows' lease with it)
HEARTBEAT_SECONDS = 5.0
# member rows Telegram accepted are marked sent together, in one statement: at most this many
# at once, and none waits longer than MARK_AFTER_SECONDS (the at-least-once window of
# docs/architecture.md); the run also marks them before it sleeps, claims more or ends
MARK_BATCH = 16
MARK_AFTER_SECONDS = 0.5
# member rows on their way at once, each to a chat of its own: one at a time, each send waiting
# for Telegram's answer before the next, left most of the 30 a second unused while members were
# busy and answers came back slowly (bench/busy_bench.py); staff rows still go one at a time
SENDS_IN_FLIGHT = 4


class _NoPageOpen(logging.Filter):
    """Drops aiogram-dialog's "No context found" warning. The project's one sender of a dialog
    update is `_refresh_open_page`, sent after every notification to a member who may have no
    dialog open (most have none): aiogram-dialog then leaves the member alone, as it should, and
    warns. That is the expected case, not a fault, and it filled the logs with a line per
    notification."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "No context found"


NO_PAGE_OPEN = _NoPageOpen()

# the chat of this task's send waiting for its answer (each member row on its way is a task)
_IN_FLIGHT: ContextVar[int | None] = ContextVar("delivery_in_flight", default=None)


class ChatBusyError(Exception):
    """The member's chat must wait its turn; other rows of the batch may go first."""


class SetAsideError(Exception):
    """A staff chat has no room for the row now: it is due again at `until`, not waited for."""

    def __init__(self, until: datetime) -> None:
        super().__init__(until)
        self.until = until


@dataclass
class _Turns:
    """Which claimed rows wait for their chat, so a batch is not held up by one busy chat.

    A row whose chat is still inside its one-second gap, or has a row on its way, is set aside
    and the next row goes instead. A chat's rows keep their order: the row on its way goes
    first, and once one is set aside its later rows wait behind it (`waiting` lists each
    chat's set-aside rows, oldest first).
    """

    pacer: Pacer
    waiting: dict[int, deque[int]] = field(default_factory=dict)
    chat_of: dict[int, int] = field(default_factory=dict)
    on_way: dict[int, int] = field(default_factory=dict)  # chat -> its row being sent

    def must_wait(self, chat_id: int, notification_id: int, now: float) -> bool:
        going = self.on_way.get(chat_id)
        if going is not None:
            return going != notification_id  # the row on its way was found free to go
        queue = self.waiting.get(chat_id)
        if queue and queue[0] != notification_id:
            return True  # an older row of this chat goes first
        return self.pacer.chat_wait(chat_id, now) > 0

    def set_aside(self, chat_id: int, notification_id: int) -> None:
        queue = self.waiting.setdefault(chat_id, deque())
        if notification_id not in queue:
            queue.append(notification_id)

    def soonest(self, now: float) -> float | None:
        """Seconds until the first chat with a row set aside may be written to again; None when
        every such chat has a row on its way: its answer decides."""
        waits = [
            self.pacer.chat_wait(chat_id, now)
            for chat_id in self.waiting
            if chat_id not in self.on_way
        ]
        return min(waits, default=None if self.waiting else 0.0)

    def landed(self, notification_id: int) -> None:
        """The row's send is over, whatever came of it: its chat is no longer busy with it."""
        chat_id = self.chat_of.get(notification_id)
        if chat_id is not None and self.on_way.get(chat_id) == notification_id:
            del self.on_way[chat_id]

    def finished(self, notification_id: int) -> None:
        """The row is done with (sent, failed, held, taken over): its chat's next row may go."""
        chat_id = self.chat_of.pop(notification_id, None)
        if chat_id is None or notification_id not in self.waiting.get(chat_id, ()):
            return
        self.waiting[chat_id].remove(notification_id)
        if not self.waiting[chat_id]:
            del self.waiting[chat_id]


class Deliverer:
    """Claims due notifications and sends them; one per process, any number of processes."""

    def __init__(
        self,
        bot: Bot,
        session_factory: async_sessionmaker[AsyncSession],
        settings: Settings,
        translators: TranslatorHub,
        clock: Clock,
        worker_id: str,
        pacer: Pacer | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        bg_factory: BgManagerFactory | None = None,
        refresh_bot: Bot | None = None,
        shared: SharedLimits | None = None,
        host: str | None = None,
        pid: int | None = None,
        alive: Callable[[int], bool] = workers.pid_alive,
    ) -> None:
        self.bot = bot
        self.sessions = session_factory
        self.clock = clock
        self.worker_id = worker_id
        self.lease = timedelta(seconds=settings.outbox_lease_seconds)
        self.pacer = pacer or Pacer()
        self.monotonic = monotonic
        self.sleep = sleep
        self.bg_factory = bg_factory
        # an open page is refreshed with the handlers' bot (`_refresh_open_page`), which waits
        # out a 429: the refresh runs in a task of its own, holding no row of the deliverer's
        self.refresh_bot = refresh_bot or bot
        if bg_factory is not None:  # the same filter object is added once, however many run
            logging.getLogger("aiogram_dialog.manager.update_handler").addFilter(NO_PAGE_OPEN)
        self.shared = shared
        self.member = MemberSender(bot, translators)
        self.staff = (
            StaffChats(bot, settings, translators) if settings.admin_chat_id is not None else None
        )
        # a gone process is found by its pid on this host at once, elsewhere after half a lease
        self.me = workers.Me(
            worker_id[:48],
            host or socket.gethostname(),
            pid or os.getpid(),
            dead_after=self.lease / 2,
            alive=alive,
        )
        self._beat_at: float | None = None
        # member rows Telegram accepted, not yet marked sent: (row, message id, sent at)
        self._accepted: list[tuple[int, int | None, datetime]] = []
        self._accepted_since = 0.0  # monotonic time of the oldest of them
        self._refresh_after_mark: list[int] = []  # member chats whose open dialog to refresh
        # per staff chat: the monotonic time up to which set-aside rows have been given turns
        self._booked: dict[int, float] = {}
        self._stopping = False  # `stop`: no row is taken or started from now on

    def stop(self) -> None:
        """The process is stopping: the run in hand starts no more sends, lets those on their
        way end and marks them, and gives back the rows it took and did not start (`run_once`);
        no later run takes any."""
        self._stopping = True

    async def start(self) -> int:
        """At start-up: release the rows of processes that are gone (this worker's own
        predecessor at once) and record this one's heartbeat; returns the rows released."""
        self._beat_at = None
        return await self._heartbeat()

    async def _heartbeat(self) -> int:
        mono, starting = self.monotonic(), self._beat_at is None
        if self._beat_at is not None and mono - self._beat_at < HEARTBEAT_SECONDS:
            return 0
        self._beat_at = mono
        async with self.sessions.begin() as session:
            return await workers.heartbeat(session, self.me, self.clock(), starting=starting)

    async def run_once(self, limit: int = 50, most: int = 500) -> int:
        """Deliver what is due now; returns how many notifications were taken.

        Rows go in claim order, except that a row whose chat must still wait is set aside
        while rows for other chats go (each chat's own rows stay in order). Member rows go
        `SENDS_IN_FLIGHT` at a time, each to a chat of its own (a chat's next row waits until
        its previous one is answered); staff rows one at a time. When every row left waits for
        its chat, more due rows are claimed (at most `most` in one run, and never more than
        `limit` held at once, so each is sent well within its lease); with none, the run waits
        for a send on its way or sleeps until the first waiting chat may go. A staff row whose
        group has no room is set aside until its turn (`_to_staff`), never waited for here.
        """
        if self._stopping:
            return 0
        await self._heartbeat()  # the first run is the start-up: see `start`
        turns = _Turns(self.pacer)
        queue: deque[int] = deque()
        sending: dict[asyncio.Task[bool], int] = {}  # member rows on their way: task -> row

        def land(done: set[asyncio.Task[bool]]) -> None:
            """Rows whose send is over: set aside again, or done with (an error is raised)."""
            for task in done:
                row = sending.pop(task)
                turns.landed(row)
                if task.result():
                    queue.append(row)
                else:
                    turns.finished(row)

        try:
            queue.extend(await self._claim(limit, turns))
            taken = len(queue)
            set_aside_in_a_row = 0
            drained = False  # the last claim found nothing due: the sends on their way end it
            while (queue or sending) and not self._stopping:
                await self._heartbeat()
                land({task for task in sending if task.done()})
                if set_aside_in_a_row >= len(queue):
                    more: list[int] = []
                    if queue or not drained:
                        await self._mark_accepted()
                        held = len(queue) + len(sending)
                        more = await self._claim(min(limit - held, most - taken), turns)
                        taken += len(more)
                        queue.extend(more)
                        drained = not more
                    set_aside_in_a_row = 0
                    if not more:
                        soonest = turns.soonest(self.monotonic()) if queue else None
                        if sending:  # until a send comes back, or a waiting chat may go
                            done, _ = await asyncio.wait(
                                sending,
                                timeout=None if soonest is None else soonest + 1e-6,
                                return_when=asyncio.FIRST_COMPLETED,
                            )
                            land(done)
                            continue
                        await self.sleep((soonest or 0.0) + 1e-6)
                    if not queue:
                        continue
                notification_id = queue.popleft()
                chat_id = turns.chat_of.get(notification_id)
                known_busy = chat_id is not None and turns.must_wait(
                    chat_id, notification_id, self.monotonic()
                )
                if known_busy:  # set aside without touching the database
                    turns.set_aside(chat_id, notification_id)  # type: ignore[arg-type]
                    queue.append(notification_id)
                    set_aside_in_a_row += 1
                elif chat_id is not None:  # a member's row: on its way beside the others
                    while len(sending) >= SENDS_IN_FLIGHT:
                        done, _ = await asyncio.wait(sending, return_when=asyncio.FIRST_COMPLETED)
                        land(done)
                    turns.on_way[chat_id] = notification_id
                    task = asyncio.create_task(self._deliver(notification_id, turns))
                    sending[task] = notification_id
                    set_aside_in_a_row = 0
                elif await self._deliver(notification_id, turns):
                    queue.append(notification_id)
                    set_aside_in_a_row += 1
                else:
                    turns.finished(notification_id)
                    set_aside_in_a_row = 0
                if self._accepted and (
                    len(self._accepted) >= MARK_BATCH
                    or self.monotonic() - self._accepted_since >= MARK_AFTER_SECONDS
                ):
                    await self._mark_accepted()
        finally:
            # a send on its way is let finish (cancelled, it might have reached Telegram with
            # its row still claimed: sent twice); what it accepted is marked below
            if sending:
                await asyncio.wait(sending)
                for task in sending:
                    if not task.cancelled() and task.exception() is not None:
                        log.error("a delivery failed", exc_info=task.exception())
            await self._mark_accepted()
            if self._stopping and queue:  # taken, never started: due again for the next process
                async with self.sessions.begin() as session:
                    await outbox.defer(session, list(queue), self.clock())
        return taken

    async def _claim(self, limit: int, turns: _Turns) -> list[int]:
        """Claim due rows; the member rows' chats are noted in `turns`, so a row whose chat
        must wait is set aside before it is read."""
        if limit <= 0:
            return []
        async with self.sessions.begin() as session:
            ids = await outbox.claim(session, self.worker_id, self.clock(), limit, self.lease)
            if ids:
                turns.chat_of.update(await notifications_repo.member_chats(session, ids))
            return ids

    async def _mark_accepted(self) -> None:
        """Mark the member rows Telegram accepted sent, in one transaction, then refresh the
        open dialogs of members told a new status (an update of their own, after the commit)."""
        if not self._accepted:
            return
        accepted, self._accepted = self._accepted, []
        async with self.sessions.begin() as session:
            await outbox.mark_sent_many(session, accepted)
        refresh, self._refresh_after_mark = self._refresh_after_mark, []
        for chat_id in refresh:
            await self._refresh_open_page(chat_id)

    def _pacer_for(self, session: AsyncSession) -> Callable[[int], Awaitable[None]]:
        async def pace(chat_id: int) -> None:
            self._answered()  # the row's previous send, if any, has its answer by now
            while (wait := self.pacer.wait_time(chat_id, self.monotonic())) > 0:
                # never hold the database while waiting for Telegram's limits
                await session.commit()
                await self.sleep(wait)
            # every process's sends together (Redis), when several processes deliver
            while self.shared is not None and (wait := await self.shared.try_acquire(chat_id)):
                await session.commit()
                await self.sleep(wait)
            self.pacer.sent(chat_id, self.monotonic())
            _IN_FLIGHT.set(chat_id)

        return pace

    def _answered(self) -> None:
        """This task's send got its answer: the pacer counts it from now."""
        chat_id = _IN_FLIGHT.get()
        if chat_id is not None:
            self.pacer.answered(chat_id, self.monotonic())
            _IN_FLIGHT.set(None)

    async def _deliver(self, notification_id: int, turns: _Turns) -> bool:
        """Send one claimed row and record the outcome; True when it was set aside instead.

        No write is made before the send (the heartbeat renews the claim every few seconds), so
        the database's write lock is taken only for the outcome, never across a Telegram call.
        """
        async with self.sessions() as session:
            now = self.clock()
            loaded = await self._load_held(session, notification_id, now)
            if loaded is None:
                await session.commit()
                return False
            notification, payload = loaded
            try:
                if payload.audience == Audience.MEMBER:
                    message_id = await self._to_member(session, notification, payload, turns)
                    self._answered()
                    # marked sent with the next batch (`_mark_accepted`), after this commit
                    self._accept(notification_id, message_id, now)
                    if payload.kind == NotificationKind.REQUEST_STATUS:
                        member = await session.get(Member, notification.member_id)
                        if member is not None:
                            self._refresh_after_mark.append(member.telegram_id)
                    await session.commit()
                    return False
                elif self.staff is None:
                    await outbox.mark_retry(
                        session,
                        notification_id,
                        now,
                        "ADMIN_CHAT_ID is not set",
                        timedelta(hours=1),
                    )
                    await session.commit()
                    return False
                else:
                    message_id = await self._to_staff(session, notification, payload, now)
                self._answered()
                await outbox.mark_sent(session, notification_id, now, message_id)
            except ChatBusyError:
                return True
            except SetAsideError as aside:
                await outbox.defer(session, [notification_id], aside.until)
            except HeldError:
                await _hold(session, notification)
            except TelegramRetryAfter as exc:
                await outbox.mark_retry(
                    session, notification_id, now, str(exc), timedelta(seconds=exc.retry_after)
                )
            except TelegramForbiddenError as exc:
                if notification.audience == "member" and notification.member_id is not None:
                    await _mark_unreachable(session, notification.member_id, now)
                    await _hold(session, notification)
                else:
                    await outbox.mark_failed(session, notification_id, now, str(exc))
            except RetrySoonError as exc:
                await outbox.mark_retry(session, notification_id, now, str(exc), exc.delay)
            except UndeliverableError as exc:
                log.error("notification %s cannot be sent: %s", notification_id, exc)
                await outbox.mark_failed(session, notification_id, now, str(exc))
            except (TelegramNetworkError, TelegramServerError) as exc:
                state = await outbox.mark_retry(session, notification_id, now, str(exc))
                log.warning("notification %s: %s, %s", notification_id, type(exc).__name__, state)
            except TelegramBadRequest as exc:
                log.error("notification %s cannot be sent: %s", notification_id, exc.message)
                await outbox.mark_failed(session, notification_id, now, exc.message)
            finally:
                self._answered()
            await session.commit()
        return False

    def _accept(self, notification_id: int, message_id: int | None, now: datetime) -> None:
        if not self._accepted:
            self._accepted_since = self.monotonic()
        self._accepted.append((notification_id, message_id, now))

    async def _refresh_open_page(self, chat_id: int) -> None:
        """Re-render the member's open dialog (e.g. the request's page) with the new status.

        Runs after the delivery committed: the refresh is an update of its own, with its own
        transaction, made with `refresh_bot` (a 429 on its edit waited out, as a handler's
        answer's is, not a page left showing the old status). A member with no open dialog is
        simply left alone.
        """
        if self.bg_factory is None:
            return
        try:
            await self.bg_factory.bg(self.refresh_bot, chat_id, chat_id).update({})
        except Exception:  # a refresh is a courtesy; it must never fail a delivery
            log.warning("could not refresh the open dialog of chat %s", chat_id, exc_info=True)

    async def _load_held(
        self, session: AsyncSession, notification_id: int, now: datetime
    ) -> tuple[Notification, notifications.Payload] | None:
        """The row and its payload when it is still this process's to send (not sent with
        another refresh, not taken over after a lease this process let run out), else None.

        One statement reads the row with its member and request (`claimed_row`: the senders'
        `session.get` of them costs nothing); a row that no longer fits its kind's class
        (written by an older version, or edited by hand) is marked failed with the reason.
        """
        mine = outbox.claim_prefix(self.worker_id)
        try:
            notification = await notifications_repo.claimed_row(session, notification_id)
            if notification is None or not (notification.claimed_by or "").startswith(mine):
                log.debug("notification %s: sent with another or taken over", notification_id)
                return None
            return notification, notifications.load(notification.kind, notification.payload)
        except (LookupError, notifications.PayloadError) as exc:  # LookupError: an unknown kind
            await session.rollback()
            if not (await notifications_repo.claimed_by(session, notification_id) or "").startswith(
                mine
            ):
                return None
            log.error("notification %s cannot be sent: %s", notification_id, exc)
            await outbox.mark_failed(session, notification_id, now, str(exc))
            return None

    def _room(self, chat_id: int, sends: int) -> float:
        """Seconds until `chat_id` has room for `sends` messages (0: now). Rows set aside for
        one chat are given turns one after another, so they do not all come back at once."""
        mono = self.monotonic()
        wait = self.pacer.chat_wait(chat_id, mono, sends)
        if wait <= 0:
            return 0.0
        turn = max(self._booked.get(chat_id, mono), mono + wait)
        self._booked[chat_id] = turn + sends * self.pacer.gap(chat_id)
        return turn - mono

    async def _to_staff(
        self,
        session: AsyncSession,
        notification: Notification,
        payload: notifications.Payload,
        now: datetime,
    ) -> int | None:
        """A staff row goes only when the staff chat of its route (`StaffChats.chat_for`) has
        room for all it sends there (a topic created for it, the topic's reopening, icon and
        closing included: `StaffChats.sends`); otherwise, or while an older row about the same
        member waits, it is set aside until then. A card refresh folds in the other refreshes
        of its card."""
        assert self.staff is not None
        if payload.kind != NotificationKind.CARD_REFRESH:
            ahead = await notifications_repo.staff_row_ahead(
                session, notification, outbox.claim_prefix(self.worker_id)
            )
            if ahead is not None:
                raise SetAsideError(max(ahead, now + timedelta(seconds=1)))
        chat_id = await self.staff.chat_for(session, notification)
        wait = self._room(chat_id, await self.staff.sends(session, notification, payload))
        if wait > 0:
            raise SetAsideError(now + timedelta(seconds=wait))
        folded: list[int] = []
        if payload.kind == NotificationKind.CARD_REFRESH:
            folded = await outbox.refreshes_waiting(session, notification, self.worker_id)
        repost = False
        if payload.kind == NotificationKind.REQUEST_CARD:
            # a card whose earlier post may have reached Telegram (the process died before its
            # message id was stored) says so; the Bot API offers no way to find that post
            repost = notification.send_started_at is not None
            await outbox.send_started(session, notification.id or 0, now)
            await session.commit()
        message_id = await self.staff.send(
            session, notification, payload, self._pacer_for(session), now, repost
        )
        await outbox.fold(session, notification, self.worker_id, folded, now)
        return message_id

    async def _to_member(
        self,
        session: AsyncSession,
        notification: Notification,
        payload: notifications.Payload,
        turns: _Turns,
    ) -> int | None:
        member = await session.get(Member, notification.member_id)
        if member is None:
            raise UndeliverableError("member no longer exists")
        if member.unreachable_since is not None:
            raise HeldError
        chat_id, row = member.telegram_id, notification.id or 0
        turns.chat_of[row] = chat_id
        if turns.must_wait(chat_id, row, self.monotonic()):
            turns.set_aside(chat_id, row)
            raise ChatBusyError
        await self._pacer_for(session)(chat_id)
        return await self.member.send(session, notification, payload, member)


async def _mark_unreachable(session: AsyncSession, member_id: int, now: datetime) -> None:
    member = await session.get(Member, member_id)
    if member is not None and member.unreachable_since is None:
        member.unreachable_since = now
        session.add(member)


async def _hold(session: AsyncSession, notification: Notification) -> None:
    await session.execute(
        update(Notification)
        .where(col(Notification.id) == notification.id)
        .values(status=NotificationStatus.HELD, attempts=max(notification.attempts - 1, 0))
    )
