"""The retention job: closed requests lose their free text and file ids after RETENTION_DAYS,
audit entries go after AUDIT_RETENTION_DAYS, forms left unfinished after DRAFT_TTL_HOURS."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.privacy.copies import Dropped
from bot.services.privacy.erase import NO_STAFF
from bot.services.privacy.fields import anonymous_details
from bot.services.staff.audit import audit
from storage.repositories import privacy as privacy_repo

log = logging.getLogger(__name__)

RETENTION_ACTION = "retention"


@dataclass(frozen=True)
class RetentionRules:
    retention: timedelta
    audit_retention: timedelta
    draft_ttl: timedelta


@dataclass(frozen=True)
class RetentionRun:
    at: datetime
    requests: int  # closed requests whose free text and file ids were dropped
    documents: int
    notifications: int
    audit_entries: int
    drafts: int
    # the documents dropped: their copies on disk go after the commit (copies.remove)
    dropped: tuple[Dropped, ...] = ()


# closed requests per transaction: SQLite's write lock and the rows in memory are held for one
# batch at a time, so members' updates wait at most that long however many requests are due
BATCH = 500

Begin = Callable[[], AbstractAsyncContextManager[AsyncSession]]


@dataclass(frozen=True)
class _Batch:
    last_id: int
    full: bool  # BATCH requests: there may be more
    requests: int
    notifications: int
    dropped: tuple[Dropped, ...]


async def _requests(
    session: AsyncSession, now: datetime, rules: RetentionRules, after_id: int
) -> _Batch | None:
    """The next BATCH closed requests due (ids above `after_id`): each one still due taken
    (marked swept, `Request.anonymised_at`), its free text, documents, rating comment, staff
    notes and sent outbox rows dropped; one with a message on its way to Telegram is left for
    the next run, which drops that message once sent."""
    before = now - rules.retention
    ids = await privacy_repo.to_sweep(session, before, after_id, BATCH)
    if not ids:
        return None
    # what follows holds the lock on these rows (all of SQLite's writes): nothing changes them
    # until the commit, and what changed them before is seen
    taken = await privacy_repo.take(session, ids, before, now)
    swept = [request_id for request_id, _ in taken]
    touched = await privacy_repo.has_free_text(session, swept)
    kept: dict[int, dict[str, Any]] = {}
    for request_id, details in taken:
        answers = anonymous_details(details)
        if answers != details:
            kept[request_id] = answers
    await privacy_repo.keep_details(session, kept)
    touched.update(kept)
    await privacy_repo.drop_comments(session, swept)
    await privacy_repo.drop_rating_comments(session, swept)
    await privacy_repo.drop_notes(session, swept)
    dropped = tuple(Dropped(*row) for row in await privacy_repo.drop_documents(session, swept))
    notifications = await privacy_repo.drop_request_notifications(session, swept)
    # a message about it still on its way carries its text: taken again once it is sent
    await privacy_repo.sweep_again(session, *await privacy_repo.waiting_about(session, swept))
    return _Batch(ids[-1], len(ids) == BATCH, len(touched), notifications, dropped)


async def run(begin: Begin, now: datetime, rules: RetentionRules) -> RetentionRun:
    """One sweep. The closed requests older than RETENTION_DAYS that it has not taken before go
    BATCH at a time, each batch in a transaction of its own (`begin()` opens one and commits it
    when left); then old audit entries and unfinished forms, and the counts recorded in the
    audit (so /stats shows the last sweep) and in the log, in a last one. The caller removes
    the copies of `RetentionRun.dropped` (all committed by then)."""
    batches: list[_Batch] = []
    after_id = 0
    while True:
        async with begin() as session:
            batch = await _requests(session, now, rules, after_id)
        if batch is None:
            break
        batches.append(batch)
        if not batch.full:
            break
        after_id = batch.last_id
    async with begin() as session:
        audit_entries = await privacy_repo.drop_audit_before(session, now - rules.audit_retention)
        drafts = await privacy_repo.drop_states_before(session, now - rules.draft_ttl)
        result = RetentionRun(
            now,
            sum(b.requests for b in batches),
            sum(len(b.dropped) for b in batches),
            sum(b.notifications for b in batches),
            audit_entries,
            drafts,
            tuple(d for b in batches for d in b.dropped),
        )
        counts = {k: v for k, v in asdict(result).items() if k not in ("at", "dropped")}
        await audit(session, NO_STAFF, RETENTION_ACTION, now, None, counts)
    log.info(
        "retention: %d closed requests anonymised (%d documents, %d notifications) in %d "
        "batches, %d audit entries dropped, %d unfinished forms forgotten",
        result.requests, result.documents, result.notifications, len(batches), audit_entries,
        drafts,
    )  # fmt: skip
    return result


async def last_run(session: AsyncSession) -> RetentionRun | None:
    """The last sweep's counts, for /stats."""
    entry = await privacy_repo.last_audit(session, RETENTION_ACTION)
    if entry is None or not entry.details:
        return None
    d = entry.details
    return RetentionRun(
        entry.created_at,
        int(d.get("requests", 0)),
        int(d.get("documents", 0)),
        int(d.get("notifications", 0)),
        int(d.get("audit_entries", 0)),
        int(d.get("drafts", 0)),
    )
