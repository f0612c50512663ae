"""Where a bot process spends its time during a burst: py-spy samples, summed by library.

``Profiler(path)`` records the bot process (py-spy's raw collapsed stacks) while a measured step
runs; `by_library` sums each sample under the library of its innermost frame that is not the
standard library's asyncio or selectors plumbing, so the table reads "SQLAlchemy 31 %, pydantic
12 %, ...". py-spy comes with the bench extra; without it (or without the right to trace) the
bench runs unprofiled.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil
import signal
from collections import Counter
from pathlib import Path

# (label, what a frame's file path contains), the first match wins
LIBRARIES = (
    ("SQLAlchemy", "/sqlalchemy/"),
    ("SQLModel", "/sqlmodel/"),
    ("aiosqlite + sqlite3", "/aiosqlite/"),
    ("aiosqlite + sqlite3", "/sqlite3/"),
    ("asyncpg", "/asyncpg/"),
    ("redis", "/redis/"),
    ("pydantic", "/pydantic"),
    ("aiogram-dialog", "/aiogram_dialog/"),
    ("aiogram", "/aiogram/"),
    ("aiohttp + json", "/aiohttp/"),
    ("aiohttp + json", "/json/"),
    ("Fluent", "/fluent/"),
    ("Babel", "/babel/"),
    ("phonenumbers", "/phonenumbers/"),
    ("APScheduler", "/apscheduler/"),
    ("the bot's own code", "/bot/"),
    ("the bot's own code", "/dialogs/"),
    ("the bot's own code", "/storage/"),
)
PLUMBING = ("/asyncio/", "/selectors.py", "/threading.py", "/concurrent/")
FRAME = re.compile(r"\((?P<file>[^:()]+):\d+\)$")


class Profiler:
    """py-spy recording one process until stopped."""

    def __init__(self, pid: int, path: Path) -> None:
        self.pid = pid
        self.path = path
        self.process: asyncio.subprocess.Process | None = None

    async def __aenter__(self) -> Profiler:
        spy = shutil.which("py-spy")
        if spy is not None:
            self.process = await asyncio.create_subprocess_exec(
                spy,
                "record",
                "--pid",
                str(self.pid),
                "--format",
                "raw",
                "--rate",
                "200",
                "--output",
                str(self.path),
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGINT)  # py-spy writes what it has and exits
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.process.wait(), 30)


def library(stack: str) -> str:
    """The library a sample's time belongs to: its innermost frame outside the plumbing."""
    for frame in reversed(stack.split(";")):
        match = FRAME.search(frame)
        if match is None:
            continue
        file = match.group("file")
        if any(part in file for part in PLUMBING):
            continue
        for label, part in LIBRARIES:
            if part in file:
                return label
        return "Python and other"
    return "event loop (idle or waiting)"


def by_library(path: Path) -> list[tuple[str, float]]:
    """Each library's share of the samples, largest first."""
    counts: Counter[str] = Counter()
    if not path.exists():
        return []
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            counts[library(stack)] += int(count)
    total = sum(counts.values()) or 1
    return [(label, n / total) for label, n in counts.most_common()]
