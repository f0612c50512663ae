"""`steps_bench --replicas N`: the deployed shape walked by the bench (bench/harness.py).

Two `web` processes and a `worker` on PostgreSQL and Redis, the emulator's webhook handing each
update to the next process in turn: every member is answered at every step of the bench's walk,
both `web` processes take updates, and the CPU the bench reads is the three processes' together.
No time is asserted.

Needs TEST_POSTGRES_URL and TEST_REDIS_URL (skipped otherwise); a database of its own is made.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import POSTGRES_URL, REDIS_URL

psutil = pytest.importorskip("psutil")

from bench.harness import (  # noqa: E402
    PROJECT,
    Fleet,
    cpu_seconds,
    fresh_database,
    running_bot,
    sibling_redis,
)
from bench.kill_bench import last_bot_message  # noqa: E402
from bench.steps_bench import _flush, member_users, seed_registry, walk  # noqa: E402

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not (POSTGRES_URL and REDIS_URL), reason="needs TEST_POSTGRES_URL and TEST_REDIS_URL"
    ),
]

MEMBERS = 6


@pytest.mark.slow
async def test_two_web_processes_answer_every_member_of_the_bench_walk(tmp_path: Path) -> None:
    url = await fresh_database(POSTGRES_URL, "fleet")
    redis = sibling_redis(REDIS_URL, 2)
    await seed_registry(url, MEMBERS)
    await _flush(redis)
    users = member_users(MEMBERS)
    chats = [u.id for u in users]
    async with running_bot(
        PROJECT, users, tmp_path, database_url=url, redis_url=redis, replicas=2
    ) as running:
        fleet = running.process
        assert isinstance(fleet, Fleet)
        assert len(fleet.processes) == 3  # two web, one worker
        results = await walk(running, chats, "fleet", every_step=True)
        state = running.state
        targets = list(state.webhook_targets)
        parts = [cpu_seconds(process) for process in fleet.processes]
        whole = cpu_seconds(fleet)

    assert [r.unanswered for r in results] == [0] * len(results)
    assert all(len(r.latencies) == MEMBERS for r in results)
    for chat in chats:  # the walk's last step, a typed date, moved each form on
        last = last_bot_message(state, chat)
        assert last is not None
        assert "laboratory" in last["text"]
    # the updates went to both web processes, none was refused
    assert len(targets) == 2
    assert {d["url"] for d in state.webhook_deliveries} == set(targets)
    assert state.webhook_errors == []
    # the CPU the bench reads is the fleet's: the sum of its processes' (read just after them,
    # all idle by then), not one process's
    assert min(parts) > 0
    assert whole == pytest.approx(sum(parts), abs=1.0)
    assert whole > max(parts) + 1.0
