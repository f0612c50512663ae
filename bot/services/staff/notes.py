"""Internal notes: what staff write in a member's topic starting with `!` or `/note` stays there.

A note is stored on the member (and the request it is about, when one is known), audited, and
never queued for the member."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.relay import RelayTarget
from bot.services.staff.audit import audit
from storage.models import StaffNote
from storage.repositories import helpdesk as helpdesk_repo
from storage.repositories import privacy as privacy_repo

MARK = "!"
NOTE_MAX = 4000


def note_of(text: str | None) -> str | None:
    """The note in a message written as `!text`; None when it is not a note (or empty)."""
    if not text or not text.startswith(MARK):
        return None
    return text[len(MARK) :].strip() or None


async def keep(
    session: AsyncSession,
    target: RelayTarget,
    staff_id: int,
    chat_id: int,
    message_id: int,
    text: str,
    now: datetime,
) -> StaffNote:
    """Store a note (once per admin-chat message: a re-delivered update finds the first)."""
    request_id = target.request_id
    if request_id is None:
        request = await helpdesk_repo.latest_open_request(session, target.member_id)
        request_id = request.id if request else None
    note = StaffNote(
        member_id=target.member_id,
        request_id=request_id,
        staff_telegram_id=staff_id,
        admin_chat_id=chat_id,
        admin_message_id=message_id,
        text=text[:NOTE_MAX],
        created_at=now,
        updated_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(note)
            await session.flush()
    except IntegrityError:
        existing = await helpdesk_repo.note_by_message(session, chat_id, message_id)
        if existing is None:
            raise
        return existing
    if request_id is not None:  # a closed request's note goes with its free text (retention)
        await privacy_repo.sweep_again(session, request_id)
    await audit(
        session, staff_id, "note", now, f"member:{target.member_id}", {"request_id": request_id}
    )
    return note


async def edited(
    session: AsyncSession, chat_id: int, message_id: int, text: str | None, now: datetime
) -> bool:
    """Staff edited a note: keep the new text. False when the message is not a note."""
    note = await helpdesk_repo.note_by_message(session, chat_id, message_id)
    if note is None:
        return False
    body = note_of(text) or (text or "").removeprefix("/note").strip()
    if body:
        note.text = body[:NOTE_MAX]
        note.updated_at = now
        session.add(note)
    return True
