"""Members sending /start at once to the real bot process: every one of them is answered.

Before the polling loop was bounded (bot/polling.py) and the pools sized from the same setting,
266 of 3,000 got no answer on SQLite (their updates waited over 30 s for a database connection
and were dropped), and with REDIS_URL 398 of 500 ("Too many connections"). BURST_MEMBERS sets
another size for the SQLite run.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

import pytest

from tests.conftest import REDIS_URL
from tests.e2e.conftest import bot_env, start_bot, stop_bot
from tgsandbox import EmulatorState, SimUser, bound_url, start_emulator

MEMBERS = int(os.environ.get("BURST_MEMBERS", "3000"))
FIRST_ID = 500_000
log = logging.getLogger(__name__)


async def burst(tmp_path: Path, members: int, **settings: str) -> None:
    """`members` members send /start at once; each gets the greeting, every update is acked."""
    users = [SimUser(FIRST_ID + n, f"Member{n}", language_code="en") for n in range(members)]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    env = bot_env(bound_url(runner), tmp_path / "burst.sqlite3", tmp_path, **settings)
    bot = None
    try:
        bot = await start_bot(state, env, tmp_path)
        loop = asyncio.get_running_loop()
        began = loop.time()
        for user in users:
            state.send_text(user.id, "/start")
        waiting = {user.id for user in users}

        def answered(chat_id: int) -> bool:
            return any(
                m["from"]["is_bot"] and "Welcome" in m.get("text", "")
                for m in state.chats[chat_id].messages.values()
            )

        deadline = began + 900
        while waiting and loop.time() < deadline:
            await asyncio.sleep(0.5)
            waiting = {chat_id for chat_id in waiting if not answered(chat_id)}
        took = loop.time() - began
        log.warning("burst: %d of %d answered in %.1f s", members - len(waiting), members, took)
        assert not waiting, f"{len(waiting)} of {members} members got no answer"
        # and every /start was acknowledged: none comes again after a restart
        await state.wait_for(lambda: not state.pending, within=30)
    finally:
        if bot is not None:
            await stop_bot(bot)
        await runner.cleanup()


async def test_every_member_of_a_burst_of_start_commands_is_answered(tmp_path: Path) -> None:
    await burst(tmp_path, MEMBERS)


@pytest.mark.skipif(not REDIS_URL, reason="set TEST_REDIS_URL (a Redis database it may empty)")
async def test_a_burst_with_dialog_state_in_redis_is_answered(tmp_path: Path) -> None:
    from redis.asyncio import Redis

    redis = Redis.from_url(REDIS_URL)
    try:
        await redis.flushdb()
    finally:
        await redis.aclose()
    await burst(tmp_path, 500, redis_url=REDIS_URL)
