"""What the request card buttons do for staff (through the status machine), audited."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox, ratings, requests
from bot.services.notifications import STAFF_WORDS, CardRefresh
from bot.services.staff.audit import audit
from storage.models import ActorKind, Request, RequestKind, RequestStatus
from storage.repositories import members as members_repo
from storage.repositories import notifications as notifications_repo
from storage.repositories import requests as requests_repo


class StaffAction(StrEnum):
    TAKE = "take"
    PROGRESS = "progress"
    INFO = "info"
    DONE = "done"
    REJECT = "reject"
    REVEAL = "reveal"  # show the full phone numbers of a request (audited)
    VISIT = "visit"  # book an appointment's visit: its day and hour asked for (`visits.book`)


TARGET = {
    StaffAction.PROGRESS: RequestStatus.IN_PROGRESS,
    StaffAction.INFO: RequestStatus.NEED_INFO,
    StaffAction.DONE: RequestStatus.DONE,
    StaffAction.REJECT: RequestStatus.REJECTED,
}


class AlreadyTakenError(Exception):
    """ "Take" on a request another staff member has taken meanwhile (two pressed at once, or a
    card not yet refreshed): the first one keeps it."""

    def __init__(self, assignee_name: str | None) -> None:
        super().__init__(assignee_name)
        self.assignee_name = assignee_name


# these ask the staff member for a text first: the question to the member, the reason
NEEDS_TEXT = frozenset({StaffAction.INFO, StaffAction.REJECT})

# requests whose "done" the member acts on only with where and when (the visit, the delivery):
# a status message alone does not say it
TOLD_WHERE_AND_WHEN = frozenset(
    {RequestKind.APPOINTMENT, RequestKind.LAB_TESTS, RequestKind.MEDICINES}
)


async def done_untold(session: AsyncSession, request: Request) -> bool:
    """Whether `request`, just acted on, is done and of a kind the member needs where and when
    of, while staff have sent the member nothing since it came (no line of the topic, no canned
    reply): the staff member is reminded that "done" alone does not tell them."""
    if request.status != RequestStatus.DONE or request.kind not in TOLD_WHERE_AND_WHEN:
        return False
    return not await notifications_repo.queued_since(
        session, request.member_id, STAFF_WORDS, request.created_at
    )


async def act(
    session: AsyncSession,
    request_id: int,
    action: StaffAction,
    staff_id: int,
    now: datetime,
    comment: str | None = None,
    staff_name: str | None = None,
) -> Request:
    """Apply a staff button to a request (through the status machine) and audit it.

    Raises `lifecycle.TransitionError` when the status does not allow it,
    `requests.RequestNotFoundError` for an unknown request, and `AlreadyTakenError` for "Take"
    on a request someone else has taken.
    """
    if action in NEEDS_TEXT and not comment:
        raise ValueError(f"{action} needs a text")
    request = await requests_repo.get(session, request_id, for_update=True)
    if request is None:
        raise requests.RequestNotFoundError(request_id)
    if action is StaffAction.TAKE:
        if request.assignee_telegram_id not in (None, staff_id):
            raise AlreadyTakenError(request.assignee_name)
        request.assignee_telegram_id = staff_id
        request.assignee_name = staff_name
        if request.status == RequestStatus.NEW:
            await requests.change_status(
                session, request_id, RequestStatus.IN_PROGRESS, ActorKind.STAFF, staff_id, now
            )
        else:
            request.first_staff_action_at = request.first_staff_action_at or now
            await outbox.enqueue(
                session,
                CardRefresh(),
                dedup_key=f"refresh:take:{request_id}:{staff_id}:{now.timestamp()}",
                member_id=request.member_id,
                request_id=request_id,
                now=now,
            )
    else:
        await requests.change_status(
            session, request_id, TARGET[action], ActorKind.STAFF, staff_id, now, comment
        )
        if request.assignee_telegram_id is None:
            request.assignee_telegram_id = staff_id
            request.assignee_name = staff_name
        if action is StaffAction.DONE:
            await ratings.ask(session, request.member_id, request_id, now)
    session.add(request)
    await audit(
        session,
        staff_id,
        f"request_{action.value}",
        now,
        request.number,
        {"comment": comment} if comment else None,
    )
    await session.flush()
    return request


async def reveal_phones(
    session: AsyncSession, request_id: int, staff_id: int, now: datetime
) -> tuple[str, list[str]]:
    """The request's number and its full phone numbers, for a staff member who must call.

    Every such view is audited.
    """
    request = await requests_repo.get(session, request_id)
    if request is None:
        raise requests.RequestNotFoundError(request_id)
    member = await members_repo.get(session, request.member_id)
    phones = [p for p in (request.details.get("phone"), member.phone if member else None) if p]
    await audit(session, staff_id, "view_phone", now, request.number)
    return request.number, list(dict.fromkeys(phones))
