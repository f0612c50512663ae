"""Messages between a member and staff: which member an admin-chat message is for, and the relay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import notifications, outbox
from bot.services.lifecycle import FINAL
from bot.services.notifications import MemberEdit, MemberMessage, StaffCopy, StaffEdit
from storage.models import (
    ActorKind,
    Member,
    Notification,
    RelayDirection,
    RelayLink,
    Request,
    RequestEvent,
    RequestStatus,
)
from storage.repositories import helpdesk as helpdesk_repo
from storage.repositories import members as members_repo
from storage.repositories import relay as relay_repo
from storage.repositories import requests as requests_repo


@dataclass(frozen=True)
class RelayTarget:
    member_id: int
    request_id: int | None
    unreachable: bool


async def member_for_admin_message(
    session: AsyncSession, chat_id: int, thread_id: int | None, reply_to_message_id: int | None
) -> RelayTarget | None:
    """The member behind a topic, or behind the admin message being replied to."""
    request_id = None
    member_id = None
    if reply_to_message_id is not None:
        link = await relay_repo.link_for(session, chat_id, reply_to_message_id)
        if link is not None:
            member_id, request_id = link.member_id, link.request_id
    if member_id is None and thread_id is not None:
        topic = await relay_repo.topic_by_thread(session, chat_id, thread_id)
        member_id = topic.member_id if topic else None
    if member_id is None:
        return None
    member = await members_repo.get(session, member_id)
    if member is None:
        return None
    return RelayTarget(member_id, request_id, member.unreachable_since is not None)


async def to_member(
    session: AsyncSession,
    target: RelayTarget,
    chat_id: int,
    message_id: int,
    now: datetime,
    *,
    staff_id: int | None = None,
    text: str | None = None,
) -> RequestEvent | None:
    """Queue a copy of a staff message for the member (copied, so staff names stay hidden).
    Its `text` (or a file's caption) goes into the history of the request it is about, as the
    member's lines do, while that request is open: the one replied to, else the member's one
    open request (`_about`); the member finds the answer on the request's page later. A
    message Telegram delivers twice is relayed once. The line added to that history, if one
    was."""
    key = f"copy:{chat_id}:{message_id}"
    if await outbox.queued(session, key):
        return None
    about = await _about(session, target) if text else None
    line = staff_line(session, about, staff_id, text, now) if about is not None and text else None
    # the copy is about that request too: an edit of it finds the line, a reply goes to it
    request_id = target.request_id
    if request_id is None and about is not None:
        request_id = about.id
    session.add(
        RelayLink(
            admin_chat_id=chat_id,
            admin_message_id=message_id,
            member_id=target.member_id,
            request_id=request_id,
            direction=RelayDirection.TO_MEMBER,
            created_at=now,
        )
    )
    await outbox.enqueue(
        session,
        StaffCopy(from_chat_id=chat_id, message_id=message_id),
        dedup_key=key,
        member_id=target.member_id,
        request_id=request_id,
        now=now,
    )
    return line


def staff_line(
    session: AsyncSession, request: Request, staff_id: int | None, text: str, now: datetime
) -> RequestEvent | None:
    """A line staff wrote to the member, in the history of `request`, as the member's lines
    are: the member finds it on the request's page, and what they write a moment after answers
    it (`requests.awaiting`). Nothing on a request closed already (done, rejected, cancelled):
    its history ended there. The line, when it was added."""
    assert request.id is not None
    if RequestStatus(request.status) in FINAL:
        return None
    request.updated_at = now
    line = RequestEvent(
        request_id=request.id,
        actor_kind=ActorKind.STAFF,
        actor_telegram_id=staff_id,
        comment=text,
        created_at=now,
    )
    session.add(line)
    return line


# a request staff may still write on (not done, rejected or cancelled)
_OPEN = [status for status in RequestStatus if status not in FINAL]


async def _about(session: AsyncSession, target: RelayTarget) -> Request | None:
    """The open request a staff message is about: the one replied to, else the member's only
    open one; None when it is closed, or the member has none or several open."""
    if target.request_id is not None:
        request = await requests_repo.get(session, target.request_id)
        open_ = request is not None and RequestStatus(request.status) not in FINAL
        return request if open_ else None
    found = await requests_repo.of_member_in(session, target.member_id, _OPEN, 2)
    return found[0] if len(found) == 1 else None


async def remember(
    session: AsyncSession,
    chat_id: int,
    message_id: int,
    member_id: int,
    request_id: int | None,
    now: datetime,
    member_message_id: int | None = None,
) -> None:
    """An admin-chat message the bot posted for a member, so staff can reply to it (and, with
    `member_message_id`, the member's own message it carries, so an edit of it can follow)."""
    session.add(
        RelayLink(
            admin_chat_id=chat_id,
            admin_message_id=message_id,
            member_id=member_id,
            request_id=request_id,
            member_message_id=member_message_id,
            direction=RelayDirection.TO_STAFF,
            created_at=now,
        )
    )


async def last_admin_message(session: AsyncSession, chat_id: int, member_id: int) -> int | None:
    """The newest admin-chat message about a member (to thread by reply in a plain group)."""
    return await relay_repo.last_admin_message(session, chat_id, member_id)


# --- edits, both ways (issue 14) --------------------------------------------------------------


async def staff_edited(
    session: AsyncSession,
    chat_id: int,
    message_id: int,
    html_text: str,
    caption: bool,
    edit_date: int,
    now: datetime,
    text: str | None = None,
) -> bool:
    """Staff edited a message that was copied to a member: queue the edit of the member's copy,
    and its line in the request's history (`text`) says it as edited.

    False when the message was never relayed (talk among staff, a note). A copy still waiting
    in the outbox needs nothing: it is copied as it stands when it goes."""
    copy = await helpdesk_repo.sent_copy(session, chat_id, message_id)
    if copy is None or copy.member_id is None:
        return False
    if text and copy.request_id is not None:
        await requests_repo.edit_staff_line(session, copy.request_id, copy.created_at, text)
    await outbox.enqueue(
        session,
        StaffEdit(from_chat_id=chat_id, message_id=message_id, html=html_text, caption=caption),
        dedup_key=f"staffedit:{chat_id}:{message_id}:{edit_date}",
        member_id=copy.member_id,
        request_id=copy.request_id,
        now=now,
    )
    return True


def support_key(member: Member, message_id: int) -> str:
    """The outbox key of a member's Telegram message passed on to staff, whether to support
    (see support_chat) or added to a request as the one message it came in: Telegram
    delivering it twice passes it on once."""
    return f"chat:{member.telegram_id}:{message_id}"


async def _pending_reply(
    session: AsyncSession, member_id: int, message_id: int
) -> Notification | None:
    """A "My requests → Reply" message still in the outbox that carries the member's Telegram
    message `message_id` (its key is the request's event, not the member's message)."""
    for row in await helpdesk_repo.pending_member_messages(session, member_id):
        payload = notifications.load(row.kind, row.payload)
        if isinstance(payload, MemberMessage) and payload.member_message_id == message_id:
            return row
    return None


async def member_edited(
    session: AsyncSession,
    member: Member,
    message_id: int,
    text: str | None,
    caption: bool,
    edit_date: int,
    now: datetime,
) -> bool:
    """The member edited a message they sent to staff.

    Still in the outbox: its text is replaced there. Already in the topic: an edit of the copy
    is queued (the deliverer edits it, or posts a marked correction when it cannot). False when
    the message never went to staff."""
    assert member.id is not None
    waiting = await helpdesk_repo.pending_member_message(
        session, support_key(member, message_id)
    ) or await _pending_reply(session, member.id, message_id)
    if waiting is not None:
        payload = notifications.load(waiting.kind, waiting.payload)
        if isinstance(payload, MemberMessage):
            waiting.payload = payload.model_copy(update={"text": text}).model_dump(mode="json")
            session.add(waiting)
            return True
    copies = await helpdesk_repo.topic_copies(session, member.id, message_id)
    if not copies:
        return False
    await outbox.enqueue(
        session,
        MemberEdit(member_message_id=message_id, text=text, caption=caption),
        dedup_key=f"memberedit:{member.telegram_id}:{message_id}:{edit_date}",
        member_id=member.id,
        request_id=copies[0].request_id,
        now=now,
    )
    return True
