"""`bench.harness.running_bot`'s deployed shape (`replicas`) runs this tree's project as deployed:
what it cannot honour is refused before anything starts, not silently dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("psutil")

from bench.harness import ECHO, PROJECT, ROOT, _ephemeral_start, free_port, running_bot
from tgsandbox.limits import RateLimits


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"bot": ECHO}, "bot"),
        ({"limits": RateLimits()}, "limits"),
        ({"extra_env": {"UPDATE_CONCURRENCY": "4"}}, "extra_env"),
        ({"root": ROOT / "worktree"}, "root"),
        ({"limits": RateLimits(), "root": ROOT / "worktree"}, "limits, root"),
    ],
)
async def test_replicas_refuse_what_the_fleet_would_ignore(
    tmp_path: Path, options: dict[str, Any], named: str
) -> None:
    bot = str(options.get("bot", PROJECT))
    rest = {name: value for name, value in options.items() if name != "bot"}
    with pytest.raises(ValueError, match=f"not with: {named}$"):
        async with running_bot(bot, [], tmp_path, replicas=2, **rest):
            pytest.fail("the fleet started")


def test_ports_for_bot_processes_are_drawn_apart_from_the_system_s_and_each_worker_s(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A port the system may hand to any connection before the bot process binds it makes the
    process exit at start-up; two xdist workers drawing the same port do the same."""
    ephemeral = _ephemeral_start()
    drawn: dict[str, set[int]] = {}
    for worker in ("gw0", "gw1", "gw9"):
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
        drawn[worker] = {free_port() for _ in range(20)}
    every = set().union(*drawn.values())
    assert len(every) == 60  # none drawn twice
    assert all(10000 <= port < ephemeral for port in every)
    assert not drawn["gw0"] & drawn["gw1"]
    assert max(drawn["gw0"]) < min(drawn["gw1"])
    assert not drawn["gw1"] & drawn["gw9"]
