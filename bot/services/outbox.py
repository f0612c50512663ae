"""The transactional outbox: notifications written with the change that causes them.

A deliverer claims due rows (atomically, so two processes never take the same row), sends them,
and marks them sent, retried later or failed. Delivery is at-least-once: a row whose sender died
after claiming it is released as soon as that process is known gone (`release`, from the
deliverers' heartbeats) and in any case taken again once its lease has passed.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, or_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from bot.services import notifications
from bot.services.notifications import Payload
from storage.models import Notification, NotificationKind, NotificationStatus

# a claimed row not sent within this is taken again; the deliverer passes OUTBOX_LEASE_SECONDS
LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 8

S = NotificationStatus


async def enqueue(
    session: AsyncSession,
    payload: Payload,
    *,
    dedup_key: str,
    now: datetime,
    member_id: int | None = None,
    request_id: int | None = None,
) -> Notification:
    """Add a notification to the update's transaction; the same `dedup_key` is stored once.

    Its kind and audience come from the payload's class. The payload is stored as it will be
    read back, and read back once here, so what the deliverer loads is known to fit.

    The row is inserted at once (in a savepoint) and the stored one read only when the key
    was taken: a staff action queues two or three rows, and a read before each insert was a
    statement in four spent on the rare case.
    """
    if payload.about_request and request_id is None:
        raise ValueError(f"a {payload.kind} notification needs its request_id")
    data = payload.model_dump(mode="json")
    notifications.load(payload.kind, data)
    notification = Notification(
        audience=payload.audience,
        kind=payload.kind,
        dedup_key=dedup_key,
        member_id=member_id,
        request_id=request_id,
        payload=data,
        next_attempt_at=now,
        created_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(notification)
    except IntegrityError:
        return (
            await session.execute(select(Notification).where(Notification.dedup_key == dedup_key))
        ).scalar_one()
    return notification


async def queued(session: AsyncSession, dedup_key: str) -> bool:
    """Whether a notification with `dedup_key` was queued (a message Telegram delivered twice
    is found by it before anything else of it is written)."""
    found = await session.execute(
        select(Notification.id).where(Notification.dedup_key == dedup_key)
    )
    return found.first() is not None


async def enqueue_new(session: AsyncSession, payload: Payload, **fields: Any) -> bool:
    """`enqueue`, telling whether this call added it (False: it was queued before)."""
    before = await queued(session, fields["dedup_key"])
    await enqueue(session, payload, **fields)
    return not before


def _claimable(now: datetime, lease: timedelta) -> Any:
    return or_(
        (col(Notification.status) == S.PENDING) & (col(Notification.next_attempt_at) <= now),
        (col(Notification.status) == S.SENDING) & (col(Notification.claimed_at) < now - lease),
    )


def claim_prefix(worker: str) -> str:
    """The start of every claim token of `worker` (it fits the 64-character column)."""
    return f"{worker[:48]}:"


async def claim(
    session: AsyncSession,
    worker: str,
    now: datetime,
    limit: int = 50,
    lease: timedelta = LEASE,
) -> list[int]:
    """Take up to `limit` due notifications for `worker`; returns their ids, oldest first.

    A row claimed more than `lease` ago and still not sent is due again (its sender died).

    One UPDATE claims the rows, its WHERE repeated outside the chosen set so a row another
    transaction took meanwhile is not taken again (PostgreSQL re-checks it after waiting);
    PostgreSQL also skips rows held by another claimer (`FOR UPDATE SKIP LOCKED`).
    """
    token = f"{claim_prefix(worker)}{uuid.uuid4().hex[:12]}"
    # chosen once, as a materialized CTE: a plain `IN (subquery)` may be rescanned by
    # PostgreSQL per row, and since the claim changes the rows it would pick more each time
    due = (
        select(Notification.id)
        .where(_claimable(now, lease))
        .order_by(col(Notification.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
        .cte("due")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    await session.execute(
        update(Notification)
        .where(col(Notification.id).in_(select(due.c.id)), _claimable(now, lease))
        .values(
            status=S.SENDING, claimed_by=token, claimed_at=now, attempts=Notification.attempts + 1
        )
        .execution_options(synchronize_session=False)
    )
    taken = await session.execute(
        select(Notification.id)
        .where(Notification.claimed_by == token, Notification.status == S.SENDING)
        .order_by(col(Notification.id))
    )
    return list(taken.scalars())


def _mine(worker: str) -> Any:
    return col(Notification.claimed_by).startswith(claim_prefix(worker), autoescape=True)


async def renew(session: AsyncSession, worker: str, now: datetime) -> None:
    """Renew the lease of every row `worker` holds (its heartbeat does, every few seconds)."""
    await session.execute(
        update(Notification)
        .where(col(Notification.status) == S.SENDING, _mine(worker))
        .values(claimed_at=now)
        .execution_options(synchronize_session=False)
    )


async def _unclaim(session: AsyncSession, which: Any, due: datetime) -> int:
    """Claimed rows matching `which` are pending again from `due`, their attempt given back."""
    done = await session.execute(
        update(Notification)
        .where(col(Notification.status) == S.SENDING, which)
        .values(
            status=S.PENDING,
            claimed_by=None,
            next_attempt_at=due,
            attempts=Notification.attempts - 1,
        )
        .execution_options(synchronize_session=False)
    )
    return int(done.rowcount)  # type: ignore[attr-defined]


async def release(session: AsyncSession, workers: list[str], now: datetime) -> int:
    """The rows claimed by `workers` (processes found gone) are due again now; returns how many.

    The attempt they were claimed for is given back: it may never have reached Telegram.
    """
    return await _unclaim(session, or_(*(_mine(w) for w in workers)), now) if workers else 0


async def defer(session: AsyncSession, notification_ids: list[int], until: datetime) -> None:
    """Set claimed rows aside until `until`: their chat has no room now, or their process stops
    before starting them. No attempt is used."""
    await _unclaim(session, col(Notification.id).in_(notification_ids), until)


def _refreshes_of(notification: Notification, worker: str) -> Any:
    """The other refreshes of the same card that wait (or that `worker` holds)."""
    return (
        (col(Notification.kind) == NotificationKind.CARD_REFRESH)
        & (col(Notification.request_id) == notification.request_id)
        & (col(Notification.id) != notification.id)
        & or_(
            col(Notification.status) == S.PENDING,
            (col(Notification.status) == S.SENDING) & _mine(worker),
        )
    )


async def refreshes_waiting(
    session: AsyncSession, notification: Notification, worker: str
) -> list[int]:
    """Read before a card refresh is rendered: the other refreshes of that card queued so far.

    The edit shows the card as it is when rendered, after this read, so it does what each of
    them would: `fold` marks them sent with it. A refresh queued after this read is not folded.
    """
    rows = await session.execute(select(Notification.id).where(_refreshes_of(notification, worker)))
    return list(rows.scalars())


async def fold(
    session: AsyncSession, notification: Notification, worker: str, ids: list[int], now: datetime
) -> int:
    """Mark the refreshes `ids` (from `refreshes_waiting`) sent with `notification`'s edit;
    one another process took meanwhile is left to it. Returns how many were folded in."""
    if not ids:
        return 0
    folded = await session.execute(
        update(Notification)
        .where(col(Notification.id).in_(ids), _refreshes_of(notification, worker))
        .values(status=S.SENT, sent_at=now, last_error=f"folded into #{notification.id}")
        .execution_options(synchronize_session=False)
    )
    return int(folded.rowcount)  # type: ignore[attr-defined]


async def send_started(session: AsyncSession, notification_id: int, now: datetime) -> None:
    """Note (to commit before the send) that a send of this row began; `mark_sent`, and an
    outcome where Telegram refused it, clear the note again."""
    await session.execute(
        update(Notification)
        .where(col(Notification.id) == notification_id, col(Notification.send_started_at).is_(None))
        .values(send_started_at=now)
        .execution_options(synchronize_session=False)
    )


async def mark_sent(
    session: AsyncSession, notification_id: int, now: datetime, message_id: int | None = None
) -> None:
    await session.execute(
        update(Notification)
        .where(col(Notification.id) == notification_id)
        .values(
            status=S.SENT,
            sent_at=now,
            sent_message_id=message_id,
            last_error=None,
            send_started_at=None,
        )
    )


async def mark_sent_many(
    session: AsyncSession, sent: list[tuple[int, int | None, datetime]]
) -> None:
    """`mark_sent` for several rows at once, `sent` holding (row id, Telegram's message id,
    when it was sent): one executemany `UPDATE` (the deliverer marks its member rows in batches)."""
    if not sent:
        return
    table = Notification.__table__  # type: ignore[attr-defined]
    await session.execute(
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values(
            status=S.SENT,
            sent_at=bindparam("at"),
            sent_message_id=bindparam("message_id"),
            last_error=None,
            send_started_at=None,
        ),
        [{"row_id": row_id, "message_id": message_id, "at": at} for row_id, message_id, at in sent],
    )


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s… capped at 10 minutes."""
    return min(timedelta(seconds=5 * 2 ** max(attempts - 1, 0)), timedelta(minutes=10))


async def mark_retry(
    session: AsyncSession,
    notification_id: int,
    now: datetime,
    error: str,
    delay: timedelta | None = None,
) -> str:
    """Try again later (after `delay`, or the backoff); gives up after MAX_ATTEMPTS.

    A given `delay` is a wait Telegram asked for (429) or a condition that is not the
    sender's fault: it does not use up an attempt, so it never fails the notification either.
    """
    row = await session.get(Notification, notification_id)
    assert row is not None
    if delay is None and row.attempts >= MAX_ATTEMPTS:
        await mark_failed(session, notification_id, now, error)
        return S.FAILED
    row.status = S.PENDING
    row.next_attempt_at = now + (delay if delay is not None else backoff(row.attempts))
    row.last_error = error[:500]
    if delay is not None:
        row.attempts = max(row.attempts - 1, 0)
        row.send_started_at = None  # Telegram refused it (or we never sent it): nothing posted
    session.add(row)
    return S.PENDING


async def mark_failed(
    session: AsyncSession, notification_id: int, now: datetime, error: str
) -> None:
    await session.execute(
        update(Notification)
        .where(col(Notification.id) == notification_id)
        .values(status=S.FAILED, last_error=error[:500], claimed_at=now)
    )


async def failed(session: AsyncSession, limit: int = 20) -> list[Notification]:
    """Notifications that could never be sent, newest first (for staff)."""
    rows = await session.execute(
        select(Notification)
        .where(Notification.status == S.FAILED)
        .order_by(col(Notification.id).desc())
        .limit(limit)
    )
    return list(rows.scalars())
