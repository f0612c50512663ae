"""A registry file read and checked in a child process while this one writes.

Reading (csv or openpyxl) and checking (phonenumbers, dates, the rules across rows) is pure
Python, and so is writing (SQLAlchemy, the driver): in one process they only take turns on the
GIL (a worker thread did not help). A child process of its own (`spawn`: safe beside the event
loop's threads) reads and checks batch after batch and hands them over through a bounded queue;
the parent writes one batch while the child checks the next, on two cores.

The child runs the same `read_rows` and `RowChecker` as an import in one process: the file's
limits (size, unpacked size, rows, encoding, defusedxml) and every check are the same, and a
`RegistryFormatError` in the child is raised again here with its problem and details. The header
is checked before `CheckedFile.start` returns (nothing is written before).

The heavier half goes to the child: a CSV is read and checked there (csv's parse is cheap,
phonenumbers is not), an XLSX only read (openpyxl's parse, 0.5 ms a row, outweighs the checks
and the writes together: the parent checks and writes while the child parses the next rows).
"""

from __future__ import annotations

import multiprocessing
import queue
import time
import traceback
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from bot.services.registry.reader import (
    XLSX_SUFFIXES,
    Problem,
    ReadLimits,
    RegistryFormatError,
    read_rows,
)
from bot.services.registry.rows import RegistryRow, RejectedRow, RowChecker

BATCH = 1000  # rows read and checked at a time (the importer writes them as one batch)
_AHEAD = 4  # checked batches waiting in the queue at most (memory stays flat)
_POLL = 1.0  # seconds between looks at whether the child is still alive

Item = tuple[int, RegistryRow, dict[str, str]]
Rejected = tuple[RejectedRow, dict[str, str]]
Batch = tuple[list[Item], list[Rejected], int]


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM), 0 where /proc is not there."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    line = next((line for line in status.splitlines() if line.startswith("VmHWM:")), "")
    return int(line.split()[1]) / 1024 if line else 0.0


def check_batch(rows: Any, checker: RowChecker, size: int | None = None) -> Batch:
    """The next `size` (BATCH) rows of `rows`, checked: the valid ones, the rejected ones, how
    many (0: the file is done)."""
    lines = list(islice(rows, size or BATCH))
    batch: list[Item] = []
    rejected: list[Rejected] = []
    for (line, raw), result in zip(lines, checker.check_many(lines), strict=True):
        if isinstance(result, RejectedRow):
            rejected.append((result, raw))
        else:
            batch.append((line, result, raw))
    return batch, rejected, len(lines)


def _error(exc: RegistryFormatError) -> tuple[str, Any]:
    return "error", (str(exc), exc.missing, exc.problem.value, exc.details)


def _child(
    path: str, limits: ReadLimits, today: date, region: str, size: int, check: bool, out: Any
) -> None:
    """The child's whole life: the header, then every batch (checked, or as read when the parent
    checks), then its peak RSS and CPU time."""
    try:
        rows = read_rows(Path(path), limits)
        out.put(("ready", None))
        checker = RowChecker(today, region) if check else None
        try:
            while True:
                if checker is None:
                    lines = list(islice(rows, size))
                    out.put(("batch", lines))
                    taken = len(lines)
                else:
                    batch = check_batch(rows, checker, size)
                    out.put(("batch", batch))
                    taken = batch[2]
                if taken < size:
                    break
        finally:
            if checker is not None:
                checker.close()
        out.put(("end", (peak_rss_mb(), time.process_time())))
    except RegistryFormatError as exc:
        out.put(_error(exc))
    except BaseException:  # a bug: its traceback, not a hang
        out.put(("crash", traceback.format_exc()))


@dataclass
class CheckedFile:
    """A registry file being read and checked by a child process, a batch at a time."""

    path: Path
    today: date
    region: str = "UA"
    limits: ReadLimits = field(default_factory=ReadLimits)
    batch_size: int = BATCH
    # who checks the rows: the child (a CSV: csv's parse is cheap, the checks are not) or this
    # process (an XLSX: openpyxl's parse alone outweighs checking and writing, so the child only
    # reads); None: by the file's suffix
    check_in_child: bool | None = None
    # the child's peak RSS and CPU seconds, known once it has finished (for the bench)
    child_peak_mb: float = 0.0
    child_cpu_s: float = 0.0
    _process: BaseProcess | None = None
    _checker: RowChecker | None = None
    _queue: Any = None
    finished: bool = False  # the last batch was taken

    def start(self) -> CheckedFile:
        """Start the child and wait for the header's check (RegistryFormatError if it fails)."""
        if self.check_in_child is None:
            self.check_in_child = self.path.suffix.lower() not in XLSX_SUFFIXES
        if not self.check_in_child:
            self._checker = RowChecker(self.today, self.region)
        context = multiprocessing.get_context("spawn")
        self._queue = context.Queue(maxsize=_AHEAD)
        self._process = context.Process(
            target=_child,
            args=(
                str(self.path),
                self.limits,
                self.today,
                self.region,
                self.batch_size,
                self.check_in_child,
                self._queue,
            ),
            name="registry-reader",
            daemon=True,
        )
        self._process.start()
        try:
            self._next("ready")
        except BaseException:
            self.close()
            raise
        return self

    def next_batch(self) -> Batch:
        """The next checked batch (blocking: call it from a worker thread); none taken (0) once
        the file is done."""
        if self.finished:
            return [], [], 0
        payload = self._next("batch")
        if self._checker is None:
            batch: Batch = payload
        else:
            batch = check_batch(iter(payload), self._checker, self.batch_size)
        if batch[2] < self.batch_size:
            self.child_peak_mb, self.child_cpu_s = self._next("end")
            self.finished = True
            self.close()
        return batch

    def _next(self, expected: str) -> Any:
        assert self._process is not None
        while True:
            try:
                kind, payload = self._queue.get(timeout=_POLL)
                break
            except queue.Empty:
                if not self._process.is_alive():
                    raise RuntimeError(
                        f"the registry reader stopped (exit code {self._process.exitcode})"
                    ) from None
        if kind == "error":
            message, missing, problem, details = payload
            self.finished = True
            raise RegistryFormatError(message, missing, problem=Problem(problem), **details)
        if kind == "crash":
            self.finished = True
            raise RuntimeError(f"the registry reader failed:\n{payload}")
        if kind != expected:  # pragma: no cover (the child's order is fixed)
            raise RuntimeError(f"the registry reader sent {kind!r}, not {expected!r}")
        return payload

    def close(self) -> None:
        """Stop the child if it still runs (an import cancelled or failed half-way)."""
        checker, self._checker = self._checker, None
        if checker is not None:
            checker.close()
        process, self._process = self._process, None
        if process is None:
            return
        if process.is_alive() and not self.finished:
            process.terminate()
        process.join(timeout=5)
        if process.is_alive():  # pragma: no cover
            process.kill()
            process.join()
        process.close()
        if self._queue is not None:
            self._queue.close()
            self._queue.join_thread()
