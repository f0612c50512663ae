"""A member's forum topic in a staff chat: reserved before it is created, created once per member
and chat even when events race or a process dies mid-way, and the state its icon shows.

The reservation row is committed before `createForumTopic` is called. A process that dies after
the call but before storing the topic's id leaves a row without one; after `stale` it is taken
over with the next attempt number. Each attempt names its topic with a token of its own
("· #42", then "· #42.2"), so a topic whose id was lost is recognised when someone writes in it
(every message in a topic carries the topic's creation message, with its name): adopted when its
row still waits for an id, otherwise a duplicate to close (`reconcile`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import AdminTopic, Member, Request, RequestStatus
from storage.repositories import relay as relay_repo
from storage.repositories import requests as requests_repo

TITLE_MAX = 128  # Telegram's limit for a topic name
_TOKEN = re.compile(r"· #(\d+)(?:\.(\d+))?$")


def name_token(member_id: int, attempt: int) -> str:
    return f"#{member_id}" if attempt <= 1 else f"#{member_id}.{attempt}"


def topic_title(name: str, member_id: int, attempt: int = 1) -> str:
    """The member's name and the token of this creation, e.g. "Olena Kovalenko · #42", cut to
    Telegram's 128 characters (a topic name is plain text: nothing to escape, line breaks and
    runs of spaces folded)."""
    suffix = f" · {name_token(member_id, attempt)}"
    name = " ".join(name.split())
    room = TITLE_MAX - len(suffix)
    if len(name) > room:
        name = name[: room - 1].rstrip() + "…"
    return name + suffix


def parse_title(title: str) -> tuple[int, int] | None:
    """(member id, attempt) from a title this bot chose, or None."""
    found = _TOKEN.search(title)
    if found is None:
        return None
    return int(found.group(1)), int(found.group(2) or 1)


def _supergroup(chat_id: int) -> str | None:
    """The id a t.me/c/ link names a supergroup (ids -100…) by; None for any other chat."""
    text = str(chat_id)
    return text.removeprefix("-100") if text.startswith("-100") else None


def topic_link(chat_id: int, thread_id: int) -> str | None:
    """A link that opens a topic of a supergroup, for staff who are in it."""
    group = _supergroup(chat_id)
    return f"https://t.me/c/{group}/{thread_id}" if group else None


def message_link(chat_id: int, message_id: int, thread_id: int | None = None) -> str | None:
    """A link that opens one message of a supergroup, in its topic when it is in one."""
    group = _supergroup(chat_id)
    if group is None:
        return None
    where = f"{group}/{thread_id}" if thread_id else group
    return f"https://t.me/c/{where}/{message_id}"


async def card_link(
    session: AsyncSession, request: Request, default_chat: int | None
) -> str | None:
    """A link to the request's card in the member's topic of the staff chat it was routed to
    (`default_chat` when none); None before the card was posted."""
    chat_id = request.staff_chat_id or default_chat
    if request.staff_message_id is None or chat_id is None:
        return None
    topic = await relay_repo.topic_of_member(session, request.member_id, chat_id)
    thread = topic.thread_id if topic is not None else None
    return message_link(chat_id, request.staff_message_id, thread)


async def get(session: AsyncSession, member_id: int, chat_id: int) -> AdminTopic | None:
    return await relay_repo.topic_of_member(session, member_id, chat_id)


async def by_thread(session: AsyncSession, chat_id: int, thread_id: int) -> AdminTopic | None:
    return await relay_repo.topic_by_thread(session, chat_id, thread_id)


class Reserved(StrEnum):
    READY = "ready"  # the topic exists (or the chat has no topics): post in it
    MINE = "mine"  # this caller must create it now
    BUSY = "busy"  # another process is creating it: try again soon


async def reserve(
    session: AsyncSession,
    member: Member,
    chat_id: int,
    name: str,
    now: datetime,
    stale: timedelta,
) -> tuple[AdminTopic, Reserved]:
    """The member's topic row in the chat and what the caller must do with it.

    The unique (member, chat) decides a race between two new reservations; a reservation older
    than `stale` without a topic id (its creator died) is taken over by one compare-and-set of its
    attempt number, so two processes never both take it.
    """
    assert member.id is not None
    existing = await get(session, member.id, chat_id)
    if existing is None:
        topic = AdminTopic(
            member_id=member.id,
            chat_id=chat_id,
            title=topic_title(name, member.id),
            created_at=now,
        )
        try:
            async with session.begin_nested():
                session.add(topic)
        except IntegrityError:
            found = await get(session, member.id, chat_id)
            assert found is not None
            return found, Reserved.READY if found.thread_id is not None else Reserved.BUSY
        return topic, Reserved.MINE
    if existing.thread_id is not None:
        return existing, Reserved.READY
    if existing.created_at > now - stale:
        return existing, Reserved.BUSY
    attempt = existing.attempt + 1
    title = topic_title(name, member.id, attempt)
    if not await _while_waiting(session, existing, attempt=attempt, created_at=now, title=title):
        return existing, Reserved.READY if existing.thread_id is not None else Reserved.BUSY
    return existing, Reserved.MINE


async def _while_waiting(
    session: AsyncSession, topic: AdminTopic, *, same_attempt: bool = True, **values: object
) -> bool:
    """One compare-and-set on a reservation still waiting for its topic id (and, unless told
    otherwise, still at the attempt this caller read); the row is read again either way."""
    conditions = [col(AdminTopic.id) == topic.id, col(AdminTopic.thread_id).is_(None)]
    if same_attempt:
        conditions.append(col(AdminTopic.attempt) == topic.attempt)
    changed = await session.execute(
        update(AdminTopic)
        .where(*conditions)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    await session.refresh(topic)
    return bool(changed.rowcount)  # type: ignore[attr-defined]


async def set_thread(session: AsyncSession, topic: AdminTopic, thread_id: int) -> bool:
    """Store the created topic's id, unless the reservation was taken over or adopted meanwhile
    (then the topic just created is the duplicate: False)."""
    return await _while_waiting(session, topic, thread_id=thread_id)


async def forget(session: AsyncSession, topic: AdminTopic) -> None:
    """Staff deleted the topic: drop the row so the next event creates a new one."""
    await session.delete(topic)
    await session.flush()


class Found(StrEnum):
    ADOPTED = "adopted"  # the lost topic is the member's topic now
    DUPLICATE = "duplicate"  # the member already has another topic in this chat
    UNKNOWN = "unknown"  # not a topic this bot made for a member it knows


@dataclass(frozen=True)
class Reconciled:
    found: Found
    topic: AdminTopic | None = None


async def reconcile(
    session: AsyncSession, chat_id: int, thread_id: int, title: str | None
) -> Reconciled:
    """A message in a topic no row knows: match the topic by the token in its name."""
    parsed = parse_title(title or "")
    if parsed is None:
        return Reconciled(Found.UNKNOWN)
    member_id, _attempt = parsed
    topic = await get(session, member_id, chat_id)
    if topic is None:
        return Reconciled(Found.UNKNOWN)
    # a row still waiting: its creator died before storing the id (or is about to store another
    # one: then its own set_thread finds the row taken and closes the topic it made)
    if topic.thread_id is None and await _while_waiting(
        session, topic, same_attempt=False, thread_id=thread_id, title=title
    ):
        return Reconciled(Found.ADOPTED, topic)
    if topic.thread_id == thread_id:
        return Reconciled(Found.ADOPTED, topic)
    return Reconciled(Found.DUPLICATE, topic)


# -- the state a topic shows ---------------------------------------------------------------


class TopicState(StrEnum):
    """What the topic's icon shows: the most urgent state among the member's open requests in
    that chat; DONE when none is open (the topic is then closed)."""

    NEW = "new"
    NEED_INFO = "need_info"
    IN_PROGRESS = "in_progress"
    DONE = "done"


_URGENCY = (
    (RequestStatus.NEW, TopicState.NEW),
    (RequestStatus.NEED_INFO, TopicState.NEED_INFO),
    (RequestStatus.IN_PROGRESS, TopicState.IN_PROGRESS),
)


def state_of(statuses: Iterable[str]) -> TopicState | None:
    """None when there is no request at all (a topic for a support chat only)."""
    present = set(statuses)
    if not present:
        return None
    for status, state in _URGENCY:
        if status in present:
            return state
    return TopicState.DONE


async def state_in_chat(
    session: AsyncSession, member_id: int, chat_id: int, default_chat_id: int | None
) -> TopicState | None:
    """The state of a member's requests routed to `chat_id` (a request not yet routed counts
    for the default chat)."""
    statuses = await requests_repo.statuses_in_chat(session, member_id, chat_id, default_chat_id)
    return state_of(statuses)


async def mark(
    session: AsyncSession, topic: AdminTopic, state: TopicState | None, closed: bool
) -> None:
    topic.state = state.value if state else None
    topic.closed = closed
    session.add(topic)
    await session.flush()
