"""A member erases their data ("Delete my data")."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import notifications as note
from bot.services import outbox
from bot.services.privacy.copies import Dropped
from bot.services.privacy.fields import anonymous_details
from bot.services.staff.audit import audit
from storage.models import Member
from storage.repositories import privacy as privacy_repo

log = logging.getLogger(__name__)

# the audit's actor when no staff member acted: the member themselves, or the bot's own job
NO_STAFF = 0
ERASED_ACTION = "member_erased"


def member_target(member_id: int) -> str:
    return f"member #{member_id}"


def erased_title(member_id: int) -> str:
    return f"Erased member · #{member_id}"


@dataclass(frozen=True)
class Erased:
    requests_kept: int
    # the documents dropped: their copies on disk go after the commit (copies.remove)
    documents: tuple[Dropped, ...] = ()


async def erase(session: AsyncSession, member: Member, now: datetime) -> Erased:
    """Unlink every card and erase the profile, the phone, dialog state and drafts, tickets,
    reminders, outbox rows, relay links, the e-card images' file_ids, staff's notes on the member
    and activation attempts. Requests stay as the insurer's records (kind, status, dates, chosen
    options, amounts, rating scores), without free text, documents or contact data; the row of
    the member stays only as their anonymous owner (its Telegram id becomes `-id`, so the person
    starts afresh if they come back). Staff are told in the member's topic (through the outbox,
    in this transaction); the registry is not touched; the erase is audited. The caller
    commits."""
    assert member.id is not None
    telegram_id = member.telegram_id
    requests = await privacy_repo.requests_of(session, member.id)
    ids = [r.id for r in requests if r.id is not None]
    for request in requests:
        request.details = anonymous_details(request.details)
        request.submission_token = None
        session.add(request)
    await privacy_repo.drop_comments(session, ids)
    await privacy_repo.drop_rating_comments(session, ids)
    dropped = tuple(Dropped(*row) for row in await privacy_repo.drop_documents(session, ids))
    # staff's comments on these requests, kept in the audit, may quote the member
    for entry in await privacy_repo.audit_of_targets(session, [r.number for r in requests]):
        if entry.details and "comment" in entry.details:
            entry.details = {k: v for k, v in entry.details.items() if k != "comment"} or None
            session.add(entry)
    await privacy_repo.delete_member_rows(session, member.id, telegram_id)
    for topic in (await privacy_repo.member_rows(session, member.id, telegram_id))["admin_topics"]:
        topic.title = erased_title(member.id)
        session.add(topic)
    for column in (
        "language", "phone", "phone_confirmed_at", "full_name", "gender", "birth_date",
        "home_address", "extra_address", "active_card_id", "unreachable_since",
    ):  # fmt: skip
        setattr(member, column, None)
    member.telegram_id = -member.id
    member.erased_at = now
    session.add(member)
    await session.flush()
    await outbox.enqueue(
        session,
        note.MemberErased(requests_kept=len(ids)),
        dedup_key=f"erased:{member.id}",
        member_id=member.id,
        now=now,
    )
    await audit(
        session, NO_STAFF, ERASED_ACTION, now, member_target(member.id), {"requests": len(ids)}
    )
    log.info("member #%s erased their data (%d requests kept anonymised)", member.id, len(ids))
    return Erased(requests_kept=len(ids), documents=dropped)
