"""Places in forms survive SIGKILL on SQLite and PostgreSQL (issue 17): members walk a form while
the real bot process is killed at random moments, then it is killed once more with every member
mid-form; after the restart each member's next answer continues the form.
`python -m bench.mid_form_kill` runs the same with 45 members."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.mid_form_kill import run

pytestmark = pytest.mark.slow


async def test_members_mid_form_continue_after_kill_and_restart(
    db_url: str, tmp_path: Path
) -> None:
    report = await run(4, db_url, tmp_path, kills=3)
    assert report.kills >= 2, report.lines()
    assert report.at_topic_step == 4, report.lines()
    assert report.continued == 4, report.lines()
    assert report.expired_notices == 0, report.lines()
    assert not report.broken, report.lines()
