"""The retention job: closed requests lose their free text and file ids after RETENTION_DAYS,
audit entries go after AUDIT_RETENTION_DAYS, forms left unfinished after DRAFT_TTL_HOURS."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

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


async def run(session: AsyncSession, now: datetime, rules: RetentionRules) -> RetentionRun:
    """One sweep; recorded in the audit (so /stats shows the last one) and in the log. The
    caller commits, then removes the copies of `RetentionRun.dropped`.

    It takes the closed requests older than RETENTION_DAYS that it has not taken before
    (`Request.anonymised_at`), and marks each once nothing about it waits in the outbox."""
    swept = await privacy_repo.to_sweep(session, now - rules.retention)
    ids = [r.id for r in swept if r.id is not None]
    with_text = await privacy_repo.has_free_text(session, ids)
    touched = set(with_text)
    waiting = await privacy_repo.waiting_about(session, ids)
    for request in swept:
        kept = anonymous_details(request.details)
        if kept != request.details:
            request.details = kept
            touched.add(request.id or 0)
        if request.id not in waiting:
            request.anonymised_at = now
        session.add(request)
    await privacy_repo.drop_comments(session, ids)
    await privacy_repo.drop_rating_comments(session, ids)
    await privacy_repo.drop_notes(session, ids)
    dropped = tuple(Dropped(*row) for row in await privacy_repo.drop_documents(session, ids))
    documents = len(dropped)
    notifications = await privacy_repo.drop_request_notifications(session, ids)
    audit_entries = await privacy_repo.drop_audit_before(session, now - rules.audit_retention)
    drafts = await privacy_repo.drop_states_before(session, now - rules.draft_ttl)
    result = RetentionRun(
        now, len(touched), documents, notifications, audit_entries, drafts, dropped
    )
    counts = {k: v for k, v in asdict(result).items() if k not in ("at", "dropped")}
    await audit(session, NO_STAFF, RETENTION_ACTION, now, None, counts)
    log.info(
        "retention: %d closed requests anonymised (%d documents, %d notifications), "
        "%d audit entries dropped, %d unfinished forms forgotten",
        result.requests, documents, notifications, audit_entries, drafts,
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
