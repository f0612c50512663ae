"""Where a bot process spends its time during a burst: py-spy samples, summed by library.

``Profiler(path)`` records the bot process (py-spy's raw collapsed stacks) while a measured step
runs; `by_library` sums each sample under the library of its innermost frame that is not the
standard library's asyncio or selectors plumbing, so the table reads "SQLAlchemy 31 %, pydantic
12 %, ..."; `by_phase` sums them by what the step was doing (a Bot API call, the database,
rendering the screen, the rest), which is what a step's cost is made of against the echo bot's
(one Bot API call, or two for a button). py-spy comes with the bench extra; without it (or
without the right to trace) the bench runs unprofiled.

Not every sample is work. py-spy leaves out the threads it sees idle, but not aiosqlite's
connection threads waiting for their next call (a C-level queue wait): those samples, and the
event loop's own wait in `select`, are counted apart as waiting and left out of the shares. The
loop's own bookkeeping (a sample with no frame inside a callback) is "the event loop", not the
frame that started it (`bot/main.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import re
import shutil
import signal
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

# a frame's top-level package or module (py-spy names files relative to sys.path) -> label
LIBRARIES = {
    "sqlalchemy": "SQLAlchemy",
    "sqlmodel": "SQLAlchemy",
    "aiosqlite": "aiosqlite + sqlite3",
    "sqlite3": "aiosqlite + sqlite3",
    "asyncpg": "asyncpg",
    "redis": "redis",
    "pydantic": "pydantic",
    "pydantic_core": "pydantic",
    "aiogram_dialog": "aiogram-dialog",
    "aiogram": "aiogram",
    "aiohttp": "aiohttp + json",
    "json": "aiohttp + json",
    "multidict": "aiohttp + json",
    "yarl": "aiohttp + json",
    "fluent": "Fluent",
    "babel": "Babel",
    "phonenumbers": "phonenumbers",
    "apscheduler": "APScheduler",
    "bot": "the bot's own code",
    "dialogs": "the bot's own code",
    "storage": "the bot's own code",
}
PLUMBING = {"asyncio", "selectors.py", "threading.py", "concurrent", "queue.py", "contextlib.py"}
FRAME = re.compile(r"\((?P<file>[^:()]+):(?P<line>\d+)\)$")
WAITING = "waiting (idle threads, the loop's select)"
EVENT_LOOP = "the event loop"
# the event loop's frames that run callbacks: a sample whose innermost non-plumbing frame is
# above one of these (the script that started the loop) is the loop's own work
_LOOP_RUNS = ("BaseEventLoop._run_once ", "BaseEventLoop.run_forever ")


def _worker_wait() -> tuple[str, int] | None:
    """aiosqlite's connection thread waiting for its next call: the file and line of its
    queue's `get` (a C-level wait py-spy does not see as idle)."""
    try:
        from aiosqlite import core
    except ImportError:  # pragma: no cover - aiosqlite is a dependency of the bot
        return None
    lines, first = inspect.getsourcelines(core._connection_worker_thread)
    for offset, text in enumerate(lines):
        if "tx.get()" in text:
            return "aiosqlite/core.py", first + offset
    return None  # pragma: no cover - another aiosqlite: its waits count as its own


_WORKER_WAIT = _worker_wait()


class Profiler:
    """py-spy recording one process until stopped."""

    def __init__(self, pid: int, path: Path) -> None:
        self.pid = pid
        self.path = path
        self.process: asyncio.subprocess.Process | None = None

    async def __aenter__(self) -> Profiler:
        # beside this interpreter when the venv is not on PATH
        spy = shutil.which("py-spy") or shutil.which(
            "py-spy", path=str(Path(sys.executable).parent)
        )
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


def _package(frame: str) -> str | None:
    """A frame's top-level package or module (`sqlalchemy`, `storage`, `selectors.py`)."""
    match = FRAME.search(frame)
    return match.group("file").lstrip("/").split("/")[0] if match is not None else None


def library(stack: str) -> str:
    """The library a sample's time belongs to: its innermost frame outside the plumbing,
    `WAITING` for a thread or loop waiting, `EVENT_LOOP` for the loop's own work."""
    frames = stack.split(";")
    innermost = FRAME.search(frames[-1])
    if innermost is not None:
        where = (innermost.group("file").lstrip("/"), int(innermost.group("line")))
        if where == _WORKER_WAIT or frames[-1].startswith("EpollSelector.select "):
            return WAITING
    for frame in reversed(frames):
        if frame.startswith(_LOOP_RUNS):
            return EVENT_LOOP
        top = _package(frame)
        if top is None or top in PLUMBING:
            continue
        return LIBRARIES.get(top, "Python and other")
    return EVENT_LOOP


def _shares(path: Path, label_of: Callable[[str], str]) -> list[tuple[str, float]]:
    """Each label's share of the samples at work (waiting left out), largest first."""
    counts: Counter[str] = Counter()
    if not path.exists():
        return []
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            counts[label_of(stack)] += int(count)
    counts.pop(WAITING, None)
    total = sum(counts.values()) or 1
    return [(label, n / total) for label, n in counts.most_common()]


def by_library(path: Path) -> list[tuple[str, float]]:
    """Each library's share of the samples at work (waiting left out), largest first."""
    return _shares(path, library)


BOT_API = "Bot API calls"
DATABASE = "database and dialog state"
RENDERING = "rendering the screen"
GET_UPDATES = "reading updates (getUpdates)"
THE_REST = "dispatch, dialogs, middlewares, handlers"
# the packages whose frames are the database's work (`storage` is the bot's own layer over it)
_DATABASE = {"sqlalchemy", "sqlmodel", "aiosqlite", "sqlite3", "asyncpg", "redis", "storage"}
# aiohttp's callbacks that carry a request's body out or its answer in (in no handler's stack)
_HTTP_CALLBACKS = ("ClientRequest.write_bytes ", "_SelectorSocketTransport._read_ready ")


def phase(stack: str) -> str:
    """What a sample's time went to: `WAITING`, reading updates, a Bot API call (encoding,
    aiohttp, parsing the answer), the database (a frame of SQLAlchemy, a driver, Redis or
    `storage/`, or a stack outside the event loop's: SQLAlchemy's greenlets, aiosqlite's
    thread), rendering the screen, or the rest."""
    if library(stack) == WAITING:
        return WAITING
    frames = stack.split(";")
    if any(frame.startswith("UpdatePoller._fetch_loop ") for frame in frames):
        return GET_UPDATES
    if any(frame.startswith(("Bot.__call__ ", *_HTTP_CALLBACKS)) for frame in frames):
        return BOT_API
    tops = {_package(frame) for frame in frames}
    in_loop = any(frame.startswith(_LOOP_RUNS) for frame in frames)
    if tops & _DATABASE or not in_loop:
        return DATABASE
    if any(frame.startswith(("Dialog.render ", "Window.render ")) for frame in frames):
        return RENDERING
    return THE_REST


def by_phase(path: Path) -> list[tuple[str, float]]:
    """Each phase's share of the samples at work (waiting left out), largest first."""
    return _shares(path, phase)
