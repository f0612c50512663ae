"""`bench.harness.running_bot`'s deployed shape (`replicas`) runs this tree's project as deployed:
what it cannot honour is refused before anything starts, not silently dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("psutil")

from bench.harness import ECHO, PROJECT, ROOT, running_bot
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
