"""Requests: submitting on the active card, the member's list and page, messages, cancelling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import forms, lifecycle, outbox, reimbursement, relay
from bot.services import notifications as note
from bot.services.cards import CardStatus, CardView, active_card
from bot.services.documents import MAX_DOCUMENTS, Attachment
from storage.models import (
    ActorKind,
    DocumentKind,
    Member,
    NotificationKind,
    Request,
    RequestDocument,
    RequestEvent,
    RequestKind,
    RequestStatus,
)
from storage.repositories import cards as cards_repo
from storage.repositories import notifications as notifications_repo
from storage.repositories import requests as requests_repo

PAGE_SIZE = 5


class RequestNotAllowedError(Exception):
    """No request on this card today; `reason` is a Fluent key, `on` the date to show, `field`
    the answer of the form to change (None: the card itself)."""

    def __init__(
        self, reason: str, on: date | None = None, field: str | None = None, **args: int
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.on = on
        self.field = field
        self.args_shown = args  # the message's other numbers (the claim window's days)


class SameRequestOpenError(Exception):
    """The member sent the same request (kind, card, answers) already, and it is still open:
    `request` (sent again only once they say so: `submit(same_ok=)`)."""

    def __init__(self, request: Request) -> None:
        super().__init__(request.number)
        self.request = request


# a call-back's answers that say when to call: the same call asked for at another time of day
# ("вечером", then "после 18") is the same call
_CALL_TIME = frozenset({"time_window", "time_said", "time_zone", "call_date"})


def _alike(kind: RequestKind, stored: dict[str, Any], typed: dict[str, Any]) -> bool:
    """Whether two requests' answers ask for the same: all of them, or for a call-back its
    number and topic (its words as typed, case and spacing aside), whenever it is asked for."""
    if kind != RequestKind.CALLBACK:
        return stored == typed

    def asked(details: dict[str, Any]) -> dict[str, Any]:
        return {
            key: " ".join(value.split()).casefold() if isinstance(value, str) else value
            for key, value in details.items()
            if key not in _CALL_TIME
        }

    return asked(stored) == asked(typed)


# a request still being worked on: sent, taken, or waiting for the member's answer
OPEN_STATUSES = (RequestStatus.NEW, RequestStatus.IN_PROGRESS, RequestStatus.NEED_INFO)


class RequestNotFoundError(LookupError):
    """No such request for this member."""


async def card_for_request(session: AsyncSession, member: Member, today: date) -> CardView:
    """The active card if its coverage is active today, else why not."""
    return requestable(await active_card(session, member, today))


def requestable(card: CardView | None) -> CardView:
    """`card` (the active one) if it takes a request today; else `RequestNotAllowedError`
    with why not."""
    if card is None:
        raise RequestNotAllowedError("request-no-card")
    if card.status is CardStatus.WAITING:
        raise RequestNotAllowedError("request-card-waiting", card.coverage_start)
    if card.status is CardStatus.EXPIRED:
        raise RequestNotAllowedError("request-card-expired", card.coverage_end)
    return card


def _check_dates(
    details: dict[str, Any], card: CardView, today: date, local_now: datetime | None
) -> None:
    """A form's dates checked again as it is sent: a draft kept overnight can hold a preferred
    day that has passed (or, with a time of day, whose times have all passed, or the one
    chosen), or a service date no longer within what may be claimed. `local_now`: the time in
    the insurer's zone, where the time windows are (None: not checked)."""
    preferred = _date(details.get("preferred_date"))
    if preferred is not None and preferred < today:  # (the horizon only moves further off)
        raise RequestNotAllowedError("request-date-passed", preferred, "preferred_date")
    window = details.get("time_window")
    if preferred is not None and window and local_now is not None:
        left = forms.windows_left(preferred, local_now)
        if not left:
            raise RequestNotAllowedError("request-no-time-left", preferred, "preferred_date")
        if window not in left:
            raise RequestNotAllowedError("request-time-passed", preferred, "time_window")
    service = _date(details.get("service_date"))
    if service is not None:
        refusal = reimbursement.service_date_refusal(service, card, today)
        if refusal is not None:
            raise RequestNotAllowedError(
                refusal.reason,
                refusal.limit,
                "service_date",
                days=reimbursement.REIMBURSEMENT_MAX_AGE_DAYS,
            )


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _event(
    request_id: int,
    frm: RequestStatus | None,
    to: RequestStatus | None,
    actor: ActorKind,
    actor_id: int | None,
    comment: str | None,
    now: datetime,
) -> RequestEvent:
    return RequestEvent(
        request_id=request_id,
        from_status=frm,
        to_status=to,
        actor_kind=actor,
        actor_telegram_id=actor_id,
        comment=comment,
        created_at=now,
    )


async def _attach(
    session: AsyncSession,
    request_id: int,
    event_id: int | None,
    attachments: list[Attachment],
    now: datetime,
) -> None:
    for a in attachments:
        session.add(
            RequestDocument(
                request_id=request_id,
                event_id=event_id,
                file_id=a.file_id,
                file_unique_id=a.file_unique_id,
                kind=DocumentKind(a.kind),
                file_name=a.file_name,
                mime_type=a.mime_type,
                file_size=a.file_size,
                media_group_id=a.media_group_id,
                caption=a.caption,
                created_at=now,
            )
        )


async def submit(
    session: AsyncSession,
    member: Member,
    kind: RequestKind,
    details: dict[str, Any],
    attachments: list[Attachment],
    now: datetime,
    today: date,
    token: str | None = None,
    zone: tzinfo | None = None,
    same_check: bool = False,
    same_ok: int | None = None,
) -> Request:
    """Store a new request on the member's active card, with its first history entry.

    `token` names the draft (chosen when the form opened): sending the same draft again (a
    second press after a crash, a re-delivered update) returns the request already stored.
    `zone`: the insurer's, where a preferred time of day is checked against the clock.
    With `same_check` (a member's form), a request without documents the same as one still
    open (its kind, card and answers, `_alike`: another draft, the same call-back asked for
    twice, at another time of day or not) raises `SameRequestOpenError`, unless `same_ok` (the
    id of the one the member was told of): they send it anyway.
    """
    assert member.id is not None
    if token is not None:
        existing = await requests_repo.by_submission(session, member.id, token)
        if existing is not None:
            return existing
    card = await card_for_request(session, member, today)
    _check_dates(details, card, today, now.astimezone(zone) if zone is not None else None)
    if len(attachments) > MAX_DOCUMENTS:
        raise ValueError("too many attachments")
    # (documents make a request of their own: two receipts of the same amount are two claims)
    if same_check and same_ok is None and not attachments:
        opened = await requests_repo.open_of_kind(
            session, member.id, card.card_id, kind, OPEN_STATUSES
        )
        alike = next((same for same in opened if _alike(kind, same.details, details)), None)
        if alike is not None:
            raise SameRequestOpenError(alike)
    row = Request(
        member_id=member.id,
        card_id=card.card_id,
        kind=kind,
        status=RequestStatus.NEW,
        details=details,
        submission_token=token,
        created_at=now,
        updated_at=now,
    )
    try:
        async with session.begin_nested():
            request = await requests_repo.add(session, row)
    except IntegrityError:
        # the same draft sent at the same moment from elsewhere: the unique constraint decided
        if token is None:
            raise
        existing = await requests_repo.by_submission(session, member.id, token)
        if existing is None:
            raise
        return existing
    assert request.id is not None
    event = _event(
        request.id, None, RequestStatus.NEW, ActorKind.MEMBER, member.telegram_id, None, now
    )
    session.add(event)
    await session.flush()
    await _attach(session, request.id, event.id, attachments, now)
    await outbox.enqueue(
        session,
        note.RequestCard(),
        dedup_key=f"card:{request.id}",
        member_id=member.id,
        request_id=request.id,
        now=now,
    )
    await session.flush()
    return request


async def change_status(
    session: AsyncSession,
    request_id: int,
    target: RequestStatus,
    actor: ActorKind,
    actor_id: int | None,
    now: datetime,
    comment: str | None = None,
) -> Request:
    """Move a request along the status machine and record who, when and why.

    Raises `lifecycle.TransitionError` for a move the machine does not allow.
    """
    request = await requests_repo.get(session, request_id, for_update=True)
    if request is None:
        raise RequestNotFoundError(request_id)
    current = RequestStatus(request.status)
    lifecycle.check(current, target, actor)
    request.status = target
    request.updated_at = now
    if actor is ActorKind.STAFF and request.first_staff_action_at is None:
        request.first_staff_action_at = now
    session.add(request)
    event = _event(request_id, current, target, actor, actor_id, comment, now)
    session.add(event)
    await session.flush()
    # the member is told and the staff card refreshed, in this same transaction
    if actor is not ActorKind.MEMBER:
        await outbox.enqueue(
            session,
            note.RequestStatusChanged(status=target, comment=comment),
            dedup_key=f"status:{event.id}",
            member_id=request.member_id,
            request_id=request_id,
            now=now,
        )
    await outbox.enqueue(
        session,
        note.CardRefresh(),
        dedup_key=f"refresh:{event.id}",
        member_id=request.member_id,
        request_id=request_id,
        now=now,
    )
    return request


async def own(session: AsyncSession, member: Member, request_id: int) -> Request:
    """The member's request `request_id`; RequestNotFoundError for anyone else's."""
    request = await requests_repo.get(session, request_id)
    if request is None or request.member_id != member.id:
        raise RequestNotFoundError(request_id)
    return request


async def cancel(session: AsyncSession, member: Member, request_id: int, now: datetime) -> Request:
    """The member withdraws a request; allowed only while it is new."""
    await own(session, member, request_id)
    return await change_status(
        session, request_id, RequestStatus.CANCELLED, ActorKind.MEMBER, member.telegram_id, now
    )


def takes_messages(request: Request) -> bool:
    """Whether the member may still add a message or documents to `request`: not closed."""
    return RequestStatus(request.status) not in lifecycle.FINAL


async def add_member_message(
    session: AsyncSession,
    member: Member,
    request_id: int,
    text: str | None,
    attachments: list[Attachment],
    now: datetime,
    member_message_id: int | None = None,
    source_message_id: int | None = None,
) -> Request:
    """A message and/or documents from the member; an answer to `need_info` resumes the work.

    `member_message_id`: the member's own Telegram message holding the text, so an edit of it
    follows into the staff topic (`relay.member_edited`). `source_message_id`: the one Telegram
    message all of it came in, when it did: a second delivery of that message adds nothing."""
    request = await own(session, member, request_id)
    if not takes_messages(request):
        raise lifecycle.TransitionError(
            RequestStatus(request.status), RequestStatus(request.status), ActorKind.MEMBER
        )
    assert request.id is not None
    key = None if source_message_id is None else relay.support_key(member, source_message_id)
    if key is not None and await outbox.queued(session, key):
        return request  # Telegram delivered the message again: it was added the first time
    event = _event(request.id, None, None, ActorKind.MEMBER, member.telegram_id, text, now)
    session.add(event)
    await session.flush()
    await _attach(session, request.id, event.id, attachments, now)
    await outbox.enqueue(
        session,
        note.member_message(text, attachments, member_message_id),
        dedup_key=key or f"reply:{event.id}",
        member_id=member.id,
        request_id=request.id,
        now=now,
    )
    if attachments:
        # the card counts the documents: refreshed to show the new ones
        await outbox.enqueue(
            session,
            note.CardRefresh(),
            dedup_key=f"refresh:reply:{event.id}",
            member_id=member.id,
            request_id=request.id,
            now=now,
        )
    if request.status == RequestStatus.NEED_INFO:
        await change_status(
            session,
            request.id,
            RequestStatus.IN_PROGRESS,
            ActorKind.MEMBER,
            member.telegram_id,
            now,
        )
    request.updated_at = now
    await session.flush()
    return request


# A message the member sends on a screen that asks nothing, this long after they last wrote
# about a request, still goes to it: the rest of an album, "and the second page".
FOLLOW_UP = timedelta(minutes=30)
AWAITING_MAX = 10


async def awaiting(session: AsyncSession, member: Member, now: datetime) -> list[Request]:
    """The member's requests waiting for a message from them, oldest first: those support
    asked more information on (`need_info`), those the member sent or wrote about less than
    FOLLOW_UP ago with no status change by staff since, those staff wrote a line on in the
    topic less than FOLLOW_UP ago (what the member writes then answers it), and those rejected
    less than FOLLOW_UP ago (what the member writes then is an objection: it goes to support,
    as a reply to the rejection does). A message sent outside any form goes to the one request
    this returns (the dialogs' resting screens, the fallback)."""
    assert member.id is not None
    return await requests_repo.awaiting(session, member.id, now - FOLLOW_UP, AWAITING_MAX)


async def waits_on_member_alone(session: AsyncSession, request: Request) -> bool:
    """Whether `request` waits for the member's message only because the member wrote last
    (sent it, or a line on it a moment ago): no one from staff asked or wrote since, so a
    "thank you" then is the bot's, not support's."""
    assert request.id is not None
    if RequestStatus(request.status) not in (RequestStatus.NEW, RequestStatus.IN_PROGRESS):
        return False
    return await requests_repo.latest_actor(session, request.id) == ActorKind.MEMBER


async def asked(session: AsyncSession, member: Member, now: datetime) -> Request | None:
    """The one request support asked this member more information on (`need_info`), or None
    when none or several are: a message written in "Write to support" then answers it."""
    waiting = await awaiting(session, member, now)
    asking = [r for r in waiting if r.status == RequestStatus.NEED_INFO]
    return asking[0] if len(asking) == 1 else None


async def album_started(session: AsyncSession, request: Request, media_group_id: str) -> bool:
    """Whether an earlier part of this album already reached `request` (its member was told
    then: the rest goes on without a word each)."""
    assert request.id is not None
    return await requests_repo.has_album_part(session, request.id, media_group_id)


# messages the bot passes on from staff: a reply to one is a reply to staff
FROM_STAFF = frozenset(
    {NotificationKind.STAFF_COPY, NotificationKind.CANNED_REPLY, NotificationKind.STAFF_EDIT}
)


@dataclass(frozen=True)
class RepliedTo:
    """A message of the bot's that the member answered with a Telegram reply, when it is one
    to answer: about `request` (a status change, a line from staff, a reminder), or a line from
    staff about none (`request` None)."""

    request: Request | None


async def replied_to(session: AsyncSession, member: Member, message_id: int) -> RepliedTo | None:
    """What the member answers by replying to the bot's message `message_id`; None for any
    other message (a screen of a dialog, a message the outbox did not send)."""
    assert member.id is not None
    sent = await notifications_repo.sent_as(session, member.id, message_id)
    if sent is None:
        return None
    kind, request_id = sent
    if request_id is not None:
        request = await requests_repo.get(session, request_id)
        return RepliedTo(request) if request is not None else None
    return RepliedTo(None) if kind in FROM_STAFF else None


async def open_of(session: AsyncSession, member: Member, limit: int) -> list[Request]:
    """Up to `limit` of the member's requests not closed yet (done, rejected, cancelled),
    oldest first."""
    assert member.id is not None
    statuses = [status for status in RequestStatus if status not in lifecycle.FINAL]
    return await requests_repo.of_member_in(session, member.id, statuses, limit)


def member_can_cancel(request: Request) -> bool:
    """Whether the member may still cancel `request` (support has not started on it)."""
    return lifecycle.allowed(
        RequestStatus(request.status), RequestStatus.CANCELLED, ActorKind.MEMBER
    )


@dataclass(frozen=True)
class RequestPage:
    request: Request
    details: dict[str, Any]
    events: list[RequestEvent]
    documents: list[RequestDocument]
    # whose card it is on (holder, policy number); None: no longer linked to the member
    insured: tuple[str, str] | None = None

    @property
    def can_cancel(self) -> bool:
        return member_can_cancel(self.request)

    @property
    def can_reply(self) -> bool:
        return takes_messages(self.request)


async def page_of(session: AsyncSession, member: Member, request_id: int) -> RequestPage:
    request = await own(session, member, request_id)
    assert request.id is not None and member.id is not None
    card = next(
        (c for c in await cards_repo.cards_of(session, member.id) if c.card_id == request.card_id),
        None,
    )
    return RequestPage(
        request=request,
        details=request.details,
        events=await requests_repo.events(session, request.id),
        documents=await requests_repo.documents(session, request.id),
        insured=(card.holder_name, card.policy_number) if card else None,
    )


async def holders(session: AsyncSession, member: Member) -> dict[int, str]:
    """The holder of each card linked to the member, when there are several (a family's
    requests are listed with whose they are); empty for one card."""
    assert member.id is not None
    linked = await cards_repo.cards_of(session, member.id)
    return {c.card_id: c.holder_name for c in linked} if len(linked) > 1 else {}


async def list_page(
    session: AsyncSession, member: Member, page: int, size: int = PAGE_SIZE
) -> tuple[list[Request], int]:
    """Page `page` (from 0) of the member's requests, newest first, and the page count."""
    assert member.id is not None
    rows, total = await requests_repo.for_member(session, member.id, page * size, size)
    return rows, max(1, -(-total // size))
