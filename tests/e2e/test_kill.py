"""Commit, then speak, under SIGKILL: the real bot process is killed at the moment a member is
shown "Request R-… is sent" (before the bot hears back) and at random moments, and restarted.
`python -m bench.kill_bench` runs the same with 100 members. Once the outbox has drained, the
forum is counted too: cards per request, topics per member."""

from __future__ import annotations

from pathlib import Path

from bench.kill_bench import run


async def test_every_number_a_member_saw_exists_belongs_to_them_exactly_once(
    db_url: str, tmp_path: Path
) -> None:
    report = await run(6, db_url, tmp_path, kills_at_confirmation=2, kills_at_random=1, within=400)
    assert report.kills_at_confirmation >= 1, report.lines()
    assert report.unfinished == [], report.lines()
    assert report.missing == [], report.lines()
    assert report.foreign == [], report.lines()
    assert report.not_exactly_once == {}, report.lines()
    # staff see one card per request (a re-post after a lost answer says so) and one open
    # topic per member (issue 17)
    assert report.staff is not None, report.lines()
    assert report.staff.without_card == 0, report.lines()
    assert report.staff.twice_unmarked == 0, report.lines()
    assert report.staff.open_topics == report.staff.members, report.lines()
