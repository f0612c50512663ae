"""With REDIS_URL, the erase clears the member's dialog state in Redis too, and every key
expires after DRAFT_TTL_HOURS (an abandoned form is forgotten there as well)."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.factory import create_dispatcher
from tests.conftest import REDIS_URL
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card

pytestmark = [
    pytest.mark.skipif(
        not REDIS_URL, reason="set TEST_REDIS_URL (a Redis database the test may empty)"
    ),
]


@pytest.fixture
async def redis_settings(db_url: str):
    settings = Settings(
        bot_token="123456:TEST-token",
        database_url=db_url,
        redis_url=REDIS_URL,
        draft_ttl_hours=2,
        _env_file=None,  # type: ignore[call-arg]
    )
    from redis.asyncio import Redis

    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    yield settings, redis
    await redis.flushdb()
    await redis.aclose()


async def _dump(redis) -> str:
    values = [await redis.get(k) for k in await redis.keys("fsm:*")]
    return " ".join(v.decode() for v in values if v)


async def test_erase_clears_the_state_in_redis_and_keys_expire(
    redis_settings, session_factory, clock, messages
):
    settings, redis = redis_settings
    dp, _ = create_dispatcher(settings, session_factory, clock=clock, message_manager=messages)
    member = MemberClient(dp, messages)
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.click("Neurologist")
    await member.send("Almaty Central Clinic")
    assert "Almaty Central Clinic" in await _dump(redis)
    keys = await redis.keys("fsm:*")
    ttls = [await redis.ttl(k) for k in keys]
    assert keys and all(0 < ttl <= 2 * 3600 for ttl in ttls)

    await member.send("/mydata")
    await member.click("🗑 Delete my data")
    await member.click("🗑 Yes, delete everything")
    assert "Your data has been erased" in member.text()
    left = await _dump(redis)
    assert "Almaty" not in left and "Neurologist" not in left
    assert "PrivacySG:erased" in left  # only the screen that says so
    await dp.storage.close()
