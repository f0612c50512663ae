"""`python -m bench --smoke` runs every benchmark and prints one table (no time is asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.clock_env import clock_env

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("psutil")
pytest.importorskip("matplotlib")


def test_bench_runner_prints_the_table_of_ratios_and_draws_the_chart(tmp_path: Path) -> None:
    chart = tmp_path / "bench.png"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
        # the smoke run on SQLite only: the PostgreSQL and Redis columns are the full bench's
        **clock_env(),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--chart", str(chart)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("bench "))
    table = lines[header + 2 :]
    for measure in ("phone shared", "/start menu", "month calendar", "typed date"):
        assert any(measure in line and "x" in line for line in table), measure
        # the decided stack's floor beside the project: measured, not judged against the aim
        bare = [line for line in table if line.startswith("steps (aiogram-dialog)")]
        assert any(measure in line and "(a baseline)" in line for line in bare), measure
        ours = [line for line in table if line.startswith("steps (sqlite)") and measure in line]
        assert ours and "the bare aiogram-dialog bot" in ours[0], measure
    for bench in (
        "memory",
        "delivery, members busy",
        "delivery alone",
        "staff at work",
        "phone lookup",
        "Bot API client",
        "calendar page",
        "retention sweep",
    ):
        assert any(line.startswith(bench) for line in table), bench
    assert chart.stat().st_size > 0
