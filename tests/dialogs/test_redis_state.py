"""With REDIS_URL set, dialog state lives in Redis and a restart mid-form loses nothing.

Runs when TEST_REDIS_URL points at a Redis server it may empty (e.g. redis://localhost:6379/15);
.ci/run starts one.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.config import Settings
from bot.factory import create_dispatcher
from storage.models import FsmRecord
from tests.conftest import REDIS_URL
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card, stored_requests

pytestmark = pytest.mark.skipif(
    not REDIS_URL, reason="set TEST_REDIS_URL (a Redis database the test may empty)"
)


@pytest.fixture
async def redis_settings(db_url: str):
    settings = Settings(
        bot_token="123456:TEST-token",
        database_url=db_url,
        redis_url=REDIS_URL,
        _env_file=None,  # type: ignore[call-arg]
    )
    from redis.asyncio import Redis

    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    yield settings, redis
    await redis.flushdb()
    await redis.aclose()


async def _neurologist_asked_for(settings, session_factory, clock, messages):
    """A dispatcher with its dialog state in Redis, and a member in the appointment form with
    the neurologist chosen."""
    dp, _ = create_dispatcher(settings, session_factory, clock=clock, message_manager=messages)
    member = MemberClient(dp, messages)
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.click("Neurologist")
    return dp, member


async def test_a_form_kept_in_redis_continues_after_a_restart(
    redis_settings, session_factory, clock, messages
):
    settings, redis = redis_settings
    dp, member = await _neurologist_asked_for(settings, session_factory, clock, messages)
    await member.send("Almaty")
    assert "Which day would suit you?" in member.text()

    # the state is in Redis, under the bot's keys, and not in the database
    assert await redis.keys("fsm:*")
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(FsmRecord)) == 0

    # a new process: the old storage closed, a new dispatcher on the same Redis
    await dp.storage.close()
    dp, _ = create_dispatcher(settings, session_factory, clock=clock, message_manager=messages)
    restarted = MemberClient(dp, messages)
    await restarted.send("10.12.2026")
    assert "What time of day suits you best?" in restarted.text()
    await restarted.click("☀️ Afternoon, 12:00–16:00")
    await restarted.send("Headaches")
    await restarted.click("✅ Send")
    await dp.storage.close()

    [request] = await stored_requests(session_factory)
    assert request.details["preferred_date"] == "2026-12-10"
    assert request.details["clinic"] == "Almaty"


async def test_a_form_left_for_the_menu_is_kept_in_redis_across_a_restart(
    redis_settings, session_factory, clock, messages
):
    """The draft kept for "✏️ Continue" (dialogs/drafts.py) is dialog state like the rest: in
    Redis, and there after a restart."""
    settings, redis = redis_settings
    dp, member = await _neurologist_asked_for(settings, session_factory, clock, messages)
    await member.send("/start")
    assert await redis.keys("fsm:*")
    await dp.storage.close()

    dp, _ = create_dispatcher(settings, session_factory, clock=clock, message_manager=messages)
    restarted = MemberClient(dp, messages)
    await restarted.send("/start")
    await restarted.click("✏️ Continue: 🩺 Doctor appointment · Neurologist")
    assert "In which city?" in restarted.text()
    await dp.storage.close()
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(FsmRecord)) == 0
