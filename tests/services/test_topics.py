"""Topic reservations: one row per member and chat, a dead creator's reservation taken over once,
a lost topic matched by the token in its name, and the state a topic shows."""

from datetime import UTC, datetime, timedelta

from bot.services import topics
from bot.services.topics import Found, Reserved, TopicState
from storage.models import RequestStatus
from tests.factories import make_member

NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)
STALE = timedelta(minutes=1)
CHAT, OTHER = -1001, -1002


def test_a_title_ends_with_the_token_and_fits_telegrams_128_characters():
    assert topics.topic_title("Olena  Kovalenko\n", 42) == "Olena Kovalenko · #42"
    assert topics.topic_title("Olena", 42, attempt=3) == "Olena · #42.3"
    long = topics.topic_title("Ю" * 64 + " " + "Я" * 64, 7, attempt=2)
    assert len(long) == 128
    assert long.endswith("… · #7.2")
    assert topics.parse_title(long) == (7, 2)
    assert topics.parse_title("Olena Kovalenko · #42") == (42, 1)
    assert topics.parse_title("Registry questions") is None
    assert topics.topic_link(-1001234567890, 15) == "https://t.me/c/1234567890/15"
    assert topics.message_link(-1001234567890, 99, 15) == "https://t.me/c/1234567890/15/99"
    assert topics.message_link(-1001234567890, 99) == "https://t.me/c/1234567890/99"
    assert topics.message_link(-4012345678, 99) is None  # a basic group: no links


async def test_one_reservation_per_member_and_chat(session):
    member = await make_member(session)
    first, what = await topics.reserve(session, member, CHAT, "Olena", NOW, STALE)
    assert what is Reserved.MINE
    again, what = await topics.reserve(session, member, CHAT, "Olena", NOW, STALE)
    assert (again.id, what) == (first.id, Reserved.BUSY)  # being created by the first caller
    elsewhere, what = await topics.reserve(session, member, OTHER, "Olena", NOW, STALE)
    assert what is Reserved.MINE and elsewhere.id != first.id  # another chat: its own topic
    assert await topics.set_thread(session, first, 15)
    ready, what = await topics.reserve(session, member, CHAT, "Olena", NOW, STALE)
    assert (ready.thread_id, what) == (15, Reserved.READY)


async def test_a_dead_creators_reservation_is_taken_over_once_with_a_new_token(session):
    member = await make_member(session)
    await topics.reserve(session, member, CHAT, "Olena", NOW, STALE)
    later = NOW + timedelta(minutes=2)
    taken, what = await topics.reserve(session, member, CHAT, "Olena", later, STALE)
    assert what is Reserved.MINE
    assert (taken.attempt, taken.title) == (2, f"Olena · #{member.id}.2")
    # a second process at the same moment finds it taken (attempt 2 is fresh)
    _, what = await topics.reserve(session, member, CHAT, "Olena", later, STALE)
    assert what is Reserved.BUSY


async def test_a_lost_topic_is_adopted_while_its_row_waits_and_a_late_creator_yields(session):
    member = await make_member(session)
    topic, _ = await topics.reserve(session, member, CHAT, "Olena", NOW, STALE)
    title = topic.title
    found = await topics.reconcile(session, CHAT, 21, title)
    assert found.found is Found.ADOPTED and topic.thread_id == 21
    # the creator that made topic 21 comes back too late with another one: it is the duplicate
    assert not await topics.set_thread(session, topic, 30)
    assert topic.thread_id == 21
    # a third topic with the member's token: a duplicate of 21
    dup = await topics.reconcile(session, CHAT, 40, f"Olena · #{member.id}.2")
    assert dup.found is Found.DUPLICATE and dup.topic is not None and dup.topic.thread_id == 21
    assert (await topics.reconcile(session, CHAT, 41, "Staff chat")).found is Found.UNKNOWN
    assert (await topics.reconcile(session, OTHER, 42, title)).found is Found.UNKNOWN


def test_the_topic_state_is_the_most_urgent_open_request():
    s = RequestStatus
    assert topics.state_of([]) is None
    assert topics.state_of([s.DONE, s.IN_PROGRESS, s.NEW]) is TopicState.NEW
    assert topics.state_of([s.IN_PROGRESS, s.NEED_INFO]) is TopicState.NEED_INFO
    assert topics.state_of([s.IN_PROGRESS, s.CANCELLED]) is TopicState.IN_PROGRESS
    assert topics.state_of([s.DONE, s.REJECTED, s.CANCELLED]) is TopicState.DONE
