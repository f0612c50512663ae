"""A script run by this interpreter in a process of its own, reporting what it found as JSON on
its last line of output (what it imported, what it read): the tests that must see a fresh
`sys.modules` use it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def run_for_json(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float | None = 120
) -> tuple[Any, subprocess.CompletedProcess[str]]:
    """`python *args` in `cwd`; it must exit 0. The JSON of its last line, and the process."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), done
