"""One clock: nothing in the product reads the machine's clock except `bot/clock.py`.

Every "now" and "today" must come from the injected clock (`Clock`), so tests and the sandbox can
set the time and a test passes on any date. The Bot API emulator (`tgsandbox/`) stands in for
Telegram and keeps its own world time, so it is outside this rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("bot", "dialogs", "storage")
ALLOWED = {Path("bot/clock.py")}
OUTSIDE_THE_PRODUCT = (Path("storage/migrations"),)

# attribute reads that ask the machine for the time, by the module or class they hang off
CLOCK_READS = {
    "datetime": {"now", "utcnow", "today", "fromtimestamp", "utcfromtimestamp"},
    "date": {"today", "fromtimestamp"},
    "time": {"time", "time_ns", "localtime", "gmtime", "ctime", "asctime", "strftime"},
}


def _product_files() -> list[Path]:
    files = []
    for top in CHECKED:
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative in ALLOWED or any(relative.is_relative_to(o) for o in OUTSIDE_THE_PRODUCT):
                continue
            files.append(relative)
    return files


def _owner(node: ast.expr) -> str | None:
    """`datetime` for `datetime.now` and for `datetime.datetime.now`; `time` for `time.time`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def clock_reads(source: str) -> list[str]:
    """Each place in `source` that reads the machine's clock, as `line: text`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            owner = _owner(node.value)
            if owner in CLOCK_READS and node.attr in CLOCK_READS[owner]:
                found.append(f"{node.lineno}: {owner}.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module in ("time", "datetime"):
            for alias in node.names:
                if alias.name in CLOCK_READS["time"] and node.module == "time":
                    found.append(f"{node.lineno}: from time import {alias.name}")
    return found


@pytest.mark.parametrize("path", _product_files(), ids=str)
def test_nothing_reads_the_machines_clock_but_the_clock_module(path: Path) -> None:
    assert clock_reads((ROOT / path).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "from datetime import datetime\nx = datetime.now()",
        "import datetime\nx = datetime.datetime.now(datetime.UTC)",
        "from datetime import date\nx = date.today()",
        "import time\nx = time.time()",
        "from time import time\n",
        "from datetime import datetime\nf = datetime.utcnow",
    ],
)
def test_the_check_finds_each_way_of_reading_the_clock(source: str) -> None:
    assert clock_reads(source) != []


def test_the_check_lets_through_what_does_not_read_the_clock() -> None:
    source = (
        "import time\nfrom datetime import datetime, date\n"
        "a = time.monotonic()\nb = datetime.fromisoformat('2026-01-01')\nc = date(2026, 1, 1)\n"
    )
    assert clock_reads(source) == []
