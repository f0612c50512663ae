"""\"Write to support\": a member's free message (text and/or attachments) queued for staff."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import lifecycle, outbox, relay, requests
from bot.services.documents import Attachment
from bot.services.forms import clean_text
from bot.services.notifications import STAFF_WORDS, member_message
from storage.models import Member, Notification, Request
from storage.repositories import notifications as notifications_repo

TEXT_MAX = 4000  # a Telegram message holds 4096 characters; staff see it with a short header
# staff who wrote to a member this lately are at work on their messages, whatever the hours
AT_WORK_LATELY = timedelta(minutes=30)


def clean_message(text: str | None) -> str | None:
    """Trimmed text of 1 to TEXT_MAX characters with a letter or digit, else None."""
    return clean_text(text, min_len=1, max_len=TEXT_MAX)


async def staff_at_work(session: AsyncSession, member: Member, now: datetime) -> bool:
    """Whether staff wrote to `member` (a line of the topic, a canned reply, a visit booked) in
    the last `AT_WORK_LATELY`: outside the call centre's hours someone is answering them, and
    "support is not at work now" under the member's next message would be untrue."""
    assert member.id is not None
    since = now - AT_WORK_LATELY
    return await notifications_repo.queued_since(session, member.id, STAFF_WORDS, since)


async def send_to_support(
    session: AsyncSession,
    member: Member,
    text: str | None,
    attachments: list[Attachment],
    message_id: int,
    now: datetime,
) -> Notification:
    """Queue one member message for the staff chat, in the update's transaction.

    Keyed by the member's Telegram message id, so an update Telegram delivers twice
    reaches staff once.
    """
    assert member.id is not None
    if not text and not attachments:
        raise ValueError("an empty message")
    return await outbox.enqueue(
        session,
        member_message(text, attachments, message_id),
        dedup_key=relay.support_key(member, message_id),
        member_id=member.id,
        request_id=None,
        now=now,
    )


async def pass_on(
    session: AsyncSession,
    member: Member,
    request: Request | None,
    text: str | None,
    attachments: list[Attachment],
    message_id: int,
    now: datetime,
) -> bool:
    """One member message for staff: added to `request` while it takes messages (an answer to
    "need info" puts it back to work), else to support as a message of its own. True when it
    went to the request. Keyed by the Telegram message either way (`relay.support_key`): one
    Telegram delivers twice is passed on once."""
    if request is not None and request.id is not None:
        try:
            await requests.add_member_message(
                session, member, request.id, text, attachments, now,
                message_id if text else None,  # an edit of the text follows into the topic
                source_message_id=message_id,
            )  # fmt: skip
        except lifecycle.TransitionError:
            pass  # closed meanwhile: to support, as a message about no request
        else:
            return True
    await send_to_support(session, member, text, attachments, message_id, now)
    return False
