"""The delivery benchmark's core with a tiny count and limits scaled up, so it cannot rot."""

from __future__ import annotations

from pathlib import Path

from bench.deliver_bench import deliver, parse_args, report
from bot.services.pacing import Pacer, unlimited
from tgsandbox import RateLimits


async def test_bench_core_delivers_everything_once_within_the_limits(tmp_path: Path) -> None:
    # ten times Telegram's speed: 300 a second overall, ten a second per chat
    limits = RateLimits(per_second=300, private_interval=0.1, group_per_minute=200)
    pacer = Pacer(per_second=300, private_interval=0.1, group_per_minute=200)

    baseline = await deliver("baseline", 60, 6, limits=None, pacer=unlimited(), workdir=tmp_path)
    paced = await deliver("paced", 60, 6, limits=limits, pacer=pacer, workdir=tmp_path)

    for run in (baseline, paced):
        assert (run.delivered, run.duplicates) == (60, 0)
        assert len(run.log) == 60  # sends Telegram accepted
    assert paced.peak_in_a_second() <= 300
    assert paced.worst_chat_gap() > 0.05  # the pacer spaces each chat (up to timing jitter)
    assert paced.peak_in_a_second(per_chat=True) <= 11
    assert limits.refused == paced.refused
    lines = report(baseline, paced, cap=300)
    assert lines[0].startswith("baseline")
    assert any("/ 300/s cap" in line for line in lines)


def test_bench_options() -> None:
    assert (parse_args([]).count, parse_args([]).members) == (10_000, 1_000)
    assert parse_args(["--quick"]).count == 600
    assert parse_args(["--count", "50", "--members", "7"]).members == 7
