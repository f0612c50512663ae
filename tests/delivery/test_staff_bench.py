"""The staff bench's core with five members, so it cannot rot (no time is asserted)."""

from __future__ import annotations

from bench.staff_bench import measure, report


async def test_staff_bench_delivers_every_member_message_within_the_limits() -> None:
    result = await measure(members=5, spread=0.5)

    assert (result.delivered, result.expected) == (10, 10)
    assert result.refused == 0
    assert result.shortest_chat_gap >= 1.0  # one a second per member
    assert result.group_minute_peak <= 20
    assert result.refreshes <= 5  # each taken card edited at most once (folded)
    lines = report(result)
    assert "10/10" in lines[1]
    assert "ideal / measured" in lines[2]
    assert "median" in lines[3]
    # the emulator's CPU time (Telegram's side) is told apart from the bot's
    assert result.cpu > 0
    assert "the emulator (Telegram's side)" in lines[-1] or "not readable" in lines[-1]
