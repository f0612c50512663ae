"""A registry file read and checked in a child process while this one writes.

Reading (csv or openpyxl) and checking (phonenumbers, dates, the rules across rows) is pure
Python, and so is writing (SQLAlchemy, the driver): in one process they only take turns on the
GIL (a worker thread did not help). A child process of its own (this interpreter started on
`reading.main`: fork and exec in one call, safe beside the event loop's threads) reads and checks
batch after batch and hands them over through a pipe, at most `reading.AHEAD` batches ahead
(memory stays flat); the parent writes one batch while the child checks the next, on two cores.
The child imports only what reading needs (`reading`).

The child runs the same reader (`read_cells`: `read_rows`' rows as cells) and `RowChecker` as an
import in one process: the file's limits (size, unpacked size, rows, encoding, defusedxml) and
every check are the same, and a `RegistryFormatError` in the child is raised again here with its
problem and details. The header is checked before `CheckedFile.start` returns (nothing is written
before).

The heavier half goes to the child: a CSV is read and checked there (csv's parse is cheap,
phonenumbers is not), an XLSX only read (openpyxl's parse, 0.5 ms a row, outweighs the checks
and the writes together: the parent checks and writes while the child parses the next rows).
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice, repeat
from multiprocessing.connection import Connection
from operator import itemgetter
from pathlib import Path
from typing import Any

from bot.services.registry.reader import XLSX_SUFFIXES, Problem, ReadLimits, RegistryFormatError
from bot.services.registry.reading import batch_sizes
from bot.services.registry.rows import RegistryRow, RejectedRow, RowChecker, as_read

# rows read and checked at a time; the importer writes them as one batch and commits it (some
# 50 ms of SQLite's write lock a batch, 85 at most: a commit waits for the disk, and each batch
# costs statements and a SAVEPOINT; 2,000-row batches held it 28 ms and made the import of
# 100,000 rows some 5 % slower; docs/performance.md, "Registry import")
BATCH = 4000
# the child's first batch: until it comes the writer has nothing to do, and 4,000 rows take the
# child some 0.1 s to read and check (docs/performance.md, "Registry import")
FIRST_BATCH = 500
_POLL = 1.0  # seconds between looks at whether the child is still alive
# The child: this interpreter, running `reading.main` on its end of the pipe. Not
# multiprocessing's `spawn`, which would import this process's `__main__` again in the child
# (the bot's entry point, `bot.main`: settings, SQLAlchemy, SQLModel, 0.6 s of CPU) before the
# function's own module; `-P`: no current directory on sys.path. The folder this process found
# the bot's packages in comes last on the child's path: an install finds them first where it put
# them, a checkout run without one (from another working directory too) finds them there.
_CHILD = (
    "import sys; sys.path.append({root!r}); "
    "from bot.services.registry.reading import main; main({fd})"
)
_ROOT = str(Path(__file__).resolve().parents[3])

# A valid row with its line. Its text as read is not kept: the only use of it would be the rare
# row the database refuses after every check passed, and `rows.original` writes that one again
# from its values (the rows are a batch's largest part on the pipe, docs/performance.md).
Item = tuple[int, RegistryRow]
_LINE, _ROW = itemgetter(0), itemgetter(1)
Rejected = tuple[RejectedRow, dict[str, str]]
Batch = tuple[list[Item], list[Rejected], int]
# A batch as the child sends it: its rows' lines, then its rows as plain tuples, whose pickle
# costs a third of a named tuple's (a named tuple is pickled and made again through Python
# calls, row by row)
Sent = tuple[list[int], list[tuple[Any, ...]], list[Rejected], int]


def check_batch(rows: Any, checker: RowChecker, size: int | None = None) -> Batch:
    """The next `size` (BATCH) rows of `rows`, checked: the valid ones, the rejected ones, how
    many (0: the file is done)."""
    lines = list(islice(rows, size or BATCH))
    batch: list[Item] = []
    rejected: list[Rejected] = []
    for (line, raw), result in zip(lines, checker.check_many(lines), strict=True):
        if isinstance(result, RejectedRow):
            rejected.append((result, as_read(raw)))
        else:
            batch.append((line, result))
    return batch, rejected, len(lines)


def sent(batch: Batch) -> Sent:
    """`batch` as the child sends it (`received` makes it again)."""
    rows, rejected, taken = batch
    return list(map(_LINE, rows)), list(map(tuple, map(_ROW, rows))), rejected, taken


def received(batch: Sent) -> Batch:
    """A batch the child sent (`sent`), its rows made again."""
    lines, rows, rejected, taken = batch
    made = map(tuple.__new__, repeat(RegistryRow), rows)  # RegistryRow._make, without its calls
    return list(zip(lines, made, strict=True)), rejected, taken


@dataclass
class CheckedFile:
    """A registry file being read and checked by a child process, a batch at a time."""

    path: Path
    today: date
    region: str = "UA"
    limits: ReadLimits = field(default_factory=ReadLimits)
    batch_size: int = BATCH
    first_batch_size: int = FIRST_BATCH  # (at most batch_size)
    # who checks the rows: the child (a CSV: csv's parse is cheap, the checks are not) or this
    # process (an XLSX: openpyxl's parse alone outweighs checking and writing, so the child only
    # reads); None: by the file's suffix
    check_in_child: bool | None = None
    # the child's peak RSS and CPU seconds, known once it has finished (for the bench)
    child_peak_mb: float = 0.0
    child_cpu_s: float = 0.0
    child_packages: tuple[str, ...] = ()  # the top-level packages the child had loaded at its end
    _process: subprocess.Popen[bytes] | None = None
    _checker: RowChecker | None = None
    _connection: Connection | None = None
    _sizes_sent: Iterator[int] = field(default_factory=lambda: iter(()))  # as the child sends
    finished: bool = False  # the last batch was taken

    def start(self) -> CheckedFile:
        """Start the child and wait for the header's check (RegistryFormatError if it fails)."""
        if self.check_in_child is None:
            self.check_in_child = self.path.suffix.lower() not in XLSX_SUFFIXES
        if not self.check_in_child:
            self._checker = RowChecker(self.today, self.region)
        sizes = (min(self.first_batch_size, self.batch_size), self.batch_size)
        self._sizes_sent = batch_sizes(sizes)
        self._connection, theirs = multiprocessing.Pipe()
        try:
            with theirs:
                self._process = subprocess.Popen(  # noqa: S603 (this interpreter, our module)
                    [sys.executable, "-P", "-c", _CHILD.format(root=_ROOT, fd=theirs.fileno())],
                    stdin=subprocess.DEVNULL,
                    pass_fds=(theirs.fileno(),),
                )
            self._connection.send(
                (
                    str(self.path),
                    self.limits,
                    self.today,
                    self.region,
                    sizes,
                    self.check_in_child,
                )
            )
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
        size = next(self._sizes_sent)  # the size the child sent this batch at most
        if self._checker is None:
            batch = received(payload)
        else:
            batch = check_batch(iter(payload), self._checker, size)
        if batch[2] < size:  # the child's last
            self.child_peak_mb, self.child_cpu_s, packages = self._next("end")
            self.child_packages = tuple(packages)
            self.finished = True
            self.close()
        return batch

    def _next(self, expected: str) -> Any:
        assert self._process is not None and self._connection is not None
        try:
            while not self._connection.poll(_POLL):
                # ended: what it sent before it ended is read first
                if self._process.poll() is not None and not self._connection.poll(0):
                    raise EOFError
            kind, payload = self._connection.recv()
        except (EOFError, OSError):  # it ended, or closed its end, without a word
            self.finished = True
            code = self._process.wait(timeout=5)
            raise RuntimeError(f"the registry reader stopped (exit code {code})") from None
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
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()  # a child still sending gets EPIPE and ends
        if process is None:
            return
        if process.poll() is None and not self.finished:
            process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover
            process.kill()
            process.wait()
