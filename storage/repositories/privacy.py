"""What is stored about one member (for /mydata and the erase), and the retention sweeps.

Never commits; every statement is portable (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, or_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col, select

from storage.fsm_rows import forget_rows
from storage.models import (
    ActivationAttempt,
    AdminTopic,
    AuditEntry,
    CardLink,
    ECardImage,
    FsmRecord,
    Notification,
    NotificationStatus,
    RelayLink,
    Reminder,
    Request,
    RequestDocument,
    RequestEvent,
    RequestRating,
    RequestStatus,
    StaffNote,
    SupportTicket,
)
from storage.sql import in_chunks

# on their way to Telegram; held rows (the member blocked the bot) may wait for years, and the
# sweep takes their request again when they are released (`sweep_again_held`)
IN_FLIGHT = (NotificationStatus.PENDING, NotificationStatus.SENDING)
DONE_WITH = (NotificationStatus.SENT, NotificationStatus.FAILED)
CLOSED = (RequestStatus.DONE, RequestStatus.REJECTED, RequestStatus.CANCELLED)
# the bulk drops change rows the session has not loaded: without this, the ORM would look for
# them among every object it holds (an erase's member and requests), once per statement
UNLOADED = {"synchronize_session": False}


async def _all(session: AsyncSession, model: type[SQLModel], *where: Any) -> list[Any]:
    query = select(model).where(*where).order_by(col(model.id))  # type: ignore[attr-defined]
    return list((await session.execute(query)).scalars())


def _state_keys(telegram_id: int) -> Any:
    """The dialog-state keys of a private chat: aiogram's `fsm:<bot>:<chat>:<user>[:<destiny>]`,
    where chat and user are both the member's Telegram id (aiogram-dialog's keys too)."""
    middle = f":{telegram_id}:{telegram_id}"
    return or_(
        col(FsmRecord.key).like(f"fsm:%{middle}"), col(FsmRecord.key).like(f"fsm:%{middle}:%")
    )


async def requests_of(session: AsyncSession, member_id: int) -> list[Request]:
    return await _all(session, Request, col(Request.member_id) == member_id)


async def events_of(session: AsyncSession, request_ids: Sequence[int]) -> list[RequestEvent]:
    return await _all(session, RequestEvent, col(RequestEvent.request_id).in_(request_ids))


async def documents_of(session: AsyncSession, request_ids: Sequence[int]) -> list[RequestDocument]:
    return await _all(session, RequestDocument, col(RequestDocument.request_id).in_(request_ids))


async def ratings_of(session: AsyncSession, member_id: int) -> list[RequestRating]:
    return await _all(session, RequestRating, col(RequestRating.member_id) == member_id)


async def member_rows(session: AsyncSession, member_id: int, telegram_id: int) -> dict[str, list]:
    """Every row of the member's own tables, by table name (requests apart)."""
    return {
        "card_links": await _all(session, CardLink, col(CardLink.member_id) == member_id),
        "reminders": await _all(session, Reminder, col(Reminder.member_id) == member_id),
        "support_tickets": await _all(
            session, SupportTicket, col(SupportTicket.member_id) == member_id
        ),
        "notifications": await _all(
            session, Notification, col(Notification.member_id) == member_id
        ),
        "activation_attempts": await _all(
            session, ActivationAttempt, col(ActivationAttempt.telegram_id) == telegram_id
        ),
        "admin_topics": await _all(session, AdminTopic, col(AdminTopic.member_id) == member_id),
        "relay_links": await _all(session, RelayLink, col(RelayLink.member_id) == member_id),
        "ecard_images": await _all(session, ECardImage, col(ECardImage.member_id) == member_id),
    }


async def state_rows(session: AsyncSession, telegram_id: int) -> list[FsmRecord]:
    query = select(FsmRecord).where(_state_keys(telegram_id)).order_by(col(FsmRecord.key))
    return list((await session.execute(query)).scalars())


async def delete_member_rows(session: AsyncSession, member_id: int, telegram_id: int) -> None:
    """Links, reminders, tickets, outbox rows, relay links, e-card images, staff's notes on the
    member, attempts and dialog state."""
    for model in (
        CardLink, Reminder, SupportTicket, Notification, RelayLink, ECardImage, StaffNote
    ):  # fmt: skip
        await session.execute(delete(model).where(col(model.member_id) == member_id))
    await session.execute(
        delete(ActivationAttempt).where(col(ActivationAttempt.telegram_id) == telegram_id)
    )
    await session.execute(delete(FsmRecord).where(_state_keys(telegram_id)))
    forget_rows(session)  # what the update's dialog state held of those rows is gone too


async def _changed_by_chunks(
    session: AsyncSession, request_ids: Sequence[int], statement: Callable[[list[int]], Any]
) -> int:
    """`statement(chunk)` (an UPDATE or a DELETE) for each chunk of the ids; the rows it
    changed, summed."""
    changed = 0
    for chunk in in_chunks(request_ids):
        result = await session.execute(statement(chunk).execution_options(**UNLOADED))
        changed += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return changed


async def drop_comments(session: AsyncSession, request_ids: Sequence[int]) -> int:
    """Free text of these requests' history events; how many events had some."""
    return await _changed_by_chunks(
        session,
        request_ids,
        lambda chunk: (
            update(RequestEvent)
            .where(col(RequestEvent.request_id).in_(chunk), col(RequestEvent.comment).is_not(None))
            .values(comment=None)
        ),
    )


async def drop_rating_comments(session: AsyncSession, request_ids: Sequence[int]) -> int:
    """The member's comment on these requests' ratings (the score stays); how many had one."""
    return await _changed_by_chunks(
        session,
        request_ids,
        lambda chunk: (
            update(RequestRating)
            .where(
                col(RequestRating.request_id).in_(chunk), col(RequestRating.comment).is_not(None)
            )
            .values(comment=None)
        ),
    )


async def drop_notes(session: AsyncSession, request_ids: Sequence[int]) -> int:
    """Staff's internal notes on these requests; how many."""
    return await _changed_by_chunks(
        session,
        request_ids,
        lambda chunk: delete(StaffNote).where(col(StaffNote.request_id).in_(chunk)),
    )


async def drop_documents(
    session: AsyncSession, request_ids: Sequence[int]
) -> list[tuple[int, str | None]]:
    """Delete these requests' documents; each one's request id and the path of its copy on
    disk (DOWNLOAD_DOCUMENTS), as the DELETE found them (RETURNING: a copy recorded by another
    transaction a moment before is among them)."""
    dropped: list[tuple[int, str | None]] = []
    for chunk in in_chunks(request_ids):
        result = await session.execute(
            delete(RequestDocument)
            .where(col(RequestDocument.request_id).in_(chunk))
            .returning(col(RequestDocument.request_id), col(RequestDocument.local_path))
            .execution_options(**UNLOADED)
        )
        dropped += [(int(request_id), path) for request_id, path in result.all()]
    return dropped


async def drop_request_notifications(session: AsyncSession, request_ids: Sequence[int]) -> int:
    """Outbox rows about these requests that are done with (their payloads carry text)."""
    return await _changed_by_chunks(
        session,
        request_ids,
        lambda chunk: delete(Notification).where(
            col(Notification.request_id).in_(chunk), col(Notification.status).in_(DONE_WITH)
        ),
    )


async def audit_of_targets(session: AsyncSession, targets: Sequence[str]) -> list[AuditEntry]:
    if not targets:
        return []
    return await _all(session, AuditEntry, col(AuditEntry.target).in_(targets))


def _due(before: datetime) -> tuple[Any, ...]:
    """A request the sweep is due to take: closed, last changed before `before`, and not taken
    since (or brought back by free text that reached it)."""
    return (
        col(Request.anonymised_at).is_(None),
        col(Request.status).in_(CLOSED),
        col(Request.updated_at) < before,
    )


async def to_sweep(
    session: AsyncSession, before: datetime, after_id: int = 0, limit: int | None = None
) -> list[int]:
    """The ids of closed requests last changed before `before` that the sweep has not taken yet
    (or that free text reached since), in order from above `after_id`. They come from
    `ix_requests_retention` alone, so the work of a sweep grows with what is new, not with every
    request ever closed. A read: `take` decides under the lock which of them are swept."""
    query = (
        select(col(Request.id))
        .where(*_due(before), col(Request.id) > after_id)
        .order_by(col(Request.id))
        .limit(limit)
    )
    return [i for i in (await session.execute(query)).scalars() if i is not None]


async def take(
    session: AsyncSession, request_ids: Sequence[int], before: datetime, now: datetime
) -> list[tuple[int, dict[str, Any]]]:
    """Mark these requests swept (`anonymised_at = now`) where they are still due, and return
    each one's id and form answers. It checks again what `to_sweep` read, under the lock: SQLite's
    write lock, or on PostgreSQL each row's lock until the commit (`_lock_in_order`; a request
    another process swept or brought back since is judged as it is now). So a transaction that
    brings a request back (`sweep_again`) either came before it, and is seen, or waits for its
    commit."""
    taken: list[tuple[int, dict[str, Any]]] = []
    for chunk in in_chunks(request_ids):
        due = (col(Request.id).in_(chunk), *_due(before))
        await _lock_in_order(session, *due)
        result = await session.execute(
            update(Request)
            .where(*due)
            .values(anonymised_at=now)
            .returning(col(Request.id), col(Request.details))
            .execution_options(**UNLOADED)
        )
        taken += [(int(request_id), dict(details or {})) for request_id, details in result.all()]
    return sorted(taken)


async def keep_details(session: AsyncSession, details: Mapping[int, dict[str, Any]]) -> None:
    """Put each request's form answers to what is kept of them (`details[request_id]`)."""
    if not details:
        return
    table = Request.__table__  # type: ignore[attr-defined]
    await session.execute(
        update(table).where(table.c.id == bindparam("request_id")),
        [{"request_id": i, "details": kept} for i, kept in details.items()],
    )


async def sweep_again(session: AsyncSession, *request_ids: int) -> None:
    """Free text reached these requests (a rating comment, a note, a canned reply), or a
    message about them is still on its way: the sweep's next run takes them again.

    Every row is written, marked or not: on PostgreSQL that takes the row's lock, so a sweep
    marking it at the same moment (`take`) either commits first and is undone here, or waits
    for this transaction and sees its text and outbox rows."""
    for chunk in in_chunks(sorted(set(request_ids))):
        await _bring_back(session, col(Request.id).in_(chunk))


async def sweep_again_held(session: AsyncSession, member_id: int) -> None:
    """The member's held messages are about to be released: the requests they are about are
    taken again by the next sweep, which drops them once sent (every such row written, as in
    `sweep_again`)."""
    held = select(col(Notification.request_id)).where(
        col(Notification.member_id) == member_id,
        col(Notification.status) == NotificationStatus.HELD,
        col(Notification.request_id).is_not(None),
    )
    await _bring_back(session, col(Request.id).in_(held))


async def _bring_back(session: AsyncSession, *where: Any) -> None:
    await _lock_in_order(session, *where)
    await session.execute(update(Request).where(*where).values(anonymised_at=None))


async def _lock_in_order(session: AsyncSession, *where: Any) -> None:
    """On PostgreSQL, lock the requests `where` picks one by one in id order (`SELECT … ORDER BY
    id FOR UPDATE`) before they are written. The sweep's batch and a transaction that brings
    requests back (a member unblocking the bot, whose held messages are about several) may want
    the same rows: an UPDATE alone locks them in whatever order its plan reads them, and two in
    opposite orders each hold a row the other waits for, which PostgreSQL ends as a deadlock.
    In one order, the later one waits for the first's commit, holding nothing. SQLite has one
    write lock, and the SELECT is a plain read there (SQLAlchemy writes no FOR UPDATE)."""
    await session.execute(
        select(col(Request.id)).where(*where).order_by(col(Request.id)).with_for_update()
    )


async def waiting_about(session: AsyncSession, request_ids: Sequence[int]) -> set[int]:
    """Which of these requests have an outbox row on its way to Telegram (the sweep takes them
    again once it is sent)."""
    found: set[int] = set()
    for chunk in in_chunks(request_ids):
        query = select(Notification.request_id).where(
            col(Notification.request_id).in_(chunk), col(Notification.status).in_(IN_FLIGHT)
        )
        found.update(i for i in (await session.execute(query.distinct())).scalars() if i)
    return found


async def has_free_text(session: AsyncSession, request_ids: Sequence[int]) -> set[int]:
    """Which of these requests still have a history comment, a document, a rating comment or
    a staff note."""
    found: set[int] = set()
    for model, extra in (
        (RequestEvent, col(RequestEvent.comment).is_not(None)),
        (RequestDocument, True),
        (RequestRating, col(RequestRating.comment).is_not(None)),
        (StaffNote, True),
    ):
        for chunk in in_chunks(request_ids):
            query = select(model.request_id).where(col(model.request_id).in_(chunk), extra)
            found.update((await session.execute(query.distinct())).scalars())
    return found


async def drop_audit_before(session: AsyncSession, before: datetime) -> int:
    result = await session.execute(delete(AuditEntry).where(col(AuditEntry.created_at) < before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def drop_states_before(session: AsyncSession, before: datetime) -> int:
    """Dialog state not written since `before` (forms left unfinished, drafts)."""
    result = await session.execute(delete(FsmRecord).where(col(FsmRecord.updated_at) < before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def last_audit(session: AsyncSession, action: str) -> AuditEntry | None:
    query = (
        select(AuditEntry)
        .where(AuditEntry.action == action)
        .order_by(col(AuditEntry.created_at).desc(), col(AuditEntry.id).desc())
        .limit(1)
    )
    return (await session.execute(query)).scalar_one_or_none()


async def audit_where(session: AsyncSession, *where: Any, limit: int) -> list[AuditEntry]:
    """Audit entries, newest first."""
    query = (
        select(AuditEntry)
        .where(*where)
        .order_by(col(AuditEntry.created_at).desc(), col(AuditEntry.id).desc())
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def count_audit(session: AsyncSession, *where: Any) -> int:
    total = await session.scalar(select(func.count()).select_from(AuditEntry).where(*where))
    return int(total or 0)
