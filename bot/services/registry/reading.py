"""The registry file's child process: what it runs, and nothing it does not need.

The child is a fresh interpreter started by `child.CheckedFile` on `main` (not multiprocessing's
`spawn`, which would first import the parent's `__main__` again: the bot's entry point). It
imports this module, the packages above it and what this module imports: the reader and the
standard library (`bot.services.registry`'s own `__init__` is the reader too). So an XLSX's child
loads openpyxl and defusedxml, not SQLAlchemy, SQLModel, phonenumbers or the storage layer (0.6 s
of CPU before the first row: docs/performance.md, "Registry import"). A CSV's child checks its
rows as well, so it imports the checker (`rows`) when it starts checking.
"""

from __future__ import annotations

import gc
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import date
from itertools import chain, islice, repeat
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bot.services.registry.reader import ReadLimits, RegistryFormatError, read_cells

AHEAD = 4  # batches read (and checked) waiting for the parent at most
_POLL = 1.0  # seconds between looks at whether the sending thread is still there


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM), 0 where /proc is not there."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    line = next((line for line in status.splitlines() if line.startswith("VmHWM:")), "")
    return int(line.split()[1]) / 1024 if line else 0.0


def _error(exc: RegistryFormatError) -> tuple[str, Any]:
    return "error", (str(exc), exc.missing, exc.problem.value, exc.details)


def read_file(
    path: str,
    limits: ReadLimits,
    today: date,
    region: str,
    sizes: tuple[int, int],
    check: bool,
    send: Callable[[Any], None],
) -> None:
    """The child's whole life: the header, then every batch (checked, or as read when the parent
    checks), then its peak RSS, CPU time and the top-level packages it loaded (for the bench and
    the tests), each sent with `send`."""
    try:
        rows = read_cells(Path(path), limits)
        send(("ready", None))
        if check:
            _send_checked(rows, today, region, sizes, send)
        else:
            for size in batch_sizes(sizes):
                lines = list(islice(rows, size))
                send(("batch", lines))
                if len(lines) < size:
                    break
        loaded = sorted({name.partition(".")[0] for name, module in sys.modules.items() if module})
        send(("end", (peak_rss_mb(), time.process_time(), loaded)))
    except RegistryFormatError as exc:
        send(_error(exc))
    except BaseException:  # a bug: its traceback, not a hang
        send(("crash", traceback.format_exc()))


def batch_sizes(sizes: tuple[int, int]) -> Iterator[int]:
    """The first batch's size, then the others' again and again."""
    first, then = sizes
    return chain((first,), repeat(then))


def _send_checked(
    rows: Any, today: date, region: str, sizes: tuple[int, int], send: Callable[[Any], None]
) -> None:
    # the checker and what it needs (phonenumbers, storage.models), only in a child that checks
    from bot.services.registry.child import check_batch, sent
    from bot.services.registry.rows import RowChecker

    checker = RowChecker(today, region)
    try:
        for size in batch_sizes(sizes):
            batch = check_batch(rows, checker, size)
            send(("batch", sent(batch)))
            if batch[2] < size:
                break
    finally:
        checker.close()


def main(fd: int) -> None:
    """The child process (`python -c`, see `child._CHILD`): its orders, then the file, over the
    pipe whose end is `fd`. A thread of its own sends the batches, so the child reads on while
    the parent is busy, up to `AHEAD` batches (memory stays flat)."""
    # openpyxl imports numpy when it is installed, only to know numpy's numbers when it is asked
    # to write one; this process only reads: 0.15 s of CPU and 12 MB saved (an import of a
    # module set to None in sys.modules fails, and openpyxl goes on without it)
    sys.modules.setdefault("numpy", None)  # type: ignore[arg-type]
    # No cyclic garbage collector: this process lives as long as one file, and what it makes
    # (rows, their checks, batches) is freed by reference counting as each batch is sent. The
    # collector's passes walked the checker's caches and the batches waiting, again and again:
    # 0.2 s of 2.5 s of CPU for 100,000 rows (docs/performance.md, "Registry import"; the bench
    # prints the child's peak RSS, which stays flat in the row count)
    gc.disable()
    with Connection(fd) as connection:
        path, limits, today, region, sizes, check = connection.recv()
        ahead: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
        sender = threading.Thread(target=_send_all, args=(ahead, connection), daemon=True)
        sender.start()

        def send(item: Any) -> None:
            while True:
                try:
                    ahead.put(item, timeout=_POLL)
                    return
                except queue.Full:
                    if not sender.is_alive():  # the parent has gone: nobody reads any more
                        raise BrokenPipeError("the registry import stopped reading") from None

        try:
            read_file(path, limits, today, region, sizes, check, send)
            send(None)  # the sending thread's last item
        except BrokenPipeError:  # the parent has gone without stopping this process
            sys.exit(1)
        sender.join()


def _send_all(ahead: queue.Queue[Any], connection: Connection) -> None:
    try:
        while (item := ahead.get()) is not None:
            connection.send(item)
    except OSError:  # the parent closed its end: `send` in `main` sees this thread gone
        return
