"""Builders for request-form tests: a member with an active card, photos, documents, albums."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from typing import Any

from aiogram.types import Chat, Document, Message, PhotoSize, Update, Voice
from sqlalchemy import delete, select

from storage.models import FsmRecord, Request, RequestDocument
from tests.dialogs.harness import MemberClient
from tests.factories import make_person, make_policy

_ids = itertools.count(50_000)


async def member_with_active_card(member: MemberClient, session_factory, **policy) -> None:
    async with session_factory.begin() as session:
        p = await make_policy(session, number="SIP-2026-0001", **policy)
        await make_person(session, p, full_name="Olena Kovalenko", relation="self")
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    await member.send("/menu")


async def linked_family(member: MemberClient, session_factory) -> int:
    """Olena's family policy (hers and her son Taras's cards) and her card of 2024, linked by
    her phone: the son's card's id."""
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001", program="Family Plus")
        await make_person(session, policy, full_name="Olena Kovalenko", relation="self")
        child = await make_person(
            session,
            policy,
            full_name="Taras Kovalenko",
            relation="child",
            birth_date=date(2015, 6, 1),
        )
        old = await make_policy(
            session,
            number="SIP-2024-0002",
            coverage_start=date(2024, 1, 1),
            coverage_end=date(2024, 12, 31),
        )
        await make_person(
            session, old, full_name="Olena Kovalenko", relation="self", insured_id="UA-OLD-1"
        )
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    return child.id


async def stored_state(session_factory) -> list[tuple[str, Any, dict[str, Any], datetime]]:
    """The dialog state as stored now, to put back with `restore_state`."""
    async with session_factory() as session:
        return [
            (r.key, r.state, dict(r.data), r.updated_at)
            for r in await session.scalars(select(FsmRecord))
        ]


async def restore_state(
    session_factory,
    stored: list[tuple[str, Any, dict[str, Any], datetime]],
    last_message_id: int | None = None,
) -> None:
    """Put the dialog state back as it was (a commit that never happened): the stack's message
    is `last_message_id` when given (Telegram's edit kept the message's id)."""
    async with session_factory.begin() as session:
        await session.execute(delete(FsmRecord))
        for key, state, data, at in stored:
            if "intents" in data and last_message_id is not None:
                data = {**data, "last_message_id": last_message_id}
            session.add(FsmRecord(key=key, state=state, data=data, updated_at=at))


def _message(member: MemberClient, **content) -> Message:
    return Message(
        message_id=next(_ids),
        date=datetime.now(UTC),
        chat=Chat(id=member.user.id, type="private"),
        from_user=member.user,
        **content,
    )


async def send_photo(
    member: MemberClient, name: str, group: str | None = None, caption: str | None = None
) -> None:
    photo = [
        PhotoSize(file_id=f"{name}-small", file_unique_id=f"{name}-s", width=90, height=90),
        PhotoSize(
            file_id=name, file_unique_id=f"u-{name}", width=1280, height=960, file_size=300_000
        ),
    ]
    message = _message(member, photo=photo, media_group_id=group, caption=caption)
    await member.dp.feed_update(member.client.bot, Update(update_id=next(_ids), message=message))


async def send_document(
    member: MemberClient,
    name: str,
    mime: str = "application/pdf",
    size: int = 200_000,
    group: str | None = None,
) -> None:
    doc = Document(
        file_id=f"file-{name}",
        file_unique_id=f"u-{name}",
        file_name=name,
        mime_type=mime,
        file_size=size,
    )
    message = _message(member, document=doc, media_group_id=group)
    await member.dp.feed_update(member.client.bot, Update(update_id=next(_ids), message=message))


async def send_voice(member: MemberClient, name: str) -> None:
    voice = Voice(file_id=f"voice-{name}", file_unique_id=f"u-{name}", duration=4,
                  mime_type="audio/ogg", file_size=9_000)  # fmt: skip
    message = _message(member, voice=voice)
    await member.dp.feed_update(member.client.bot, Update(update_id=next(_ids), message=message))


async def stored_requests(session_factory) -> list[Request]:
    async with session_factory() as session:
        return list((await session.execute(select(Request).order_by(Request.id))).scalars())


async def stored_documents(session_factory, request_id: int) -> list[RequestDocument]:
    async with session_factory() as session:
        rows = await session.execute(
            select(RequestDocument)
            .where(RequestDocument.request_id == request_id)
            .order_by(RequestDocument.id)
        )
        return list(rows.scalars())


TODAY = date(2026, 11, 22)
