"""The process's long-lived heap set aside from the garbage collector (the bot's roles after
start-up, the shell's registry import before its rows), and the collector's pace while a
registry import writes."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)


def settle_heap() -> None:
    """Take what start-up built out of the garbage collector's sight, once, before serving (or,
    in the shell, before a registry file's rows: there every full collection walked the 120,000
    objects of the modules, SQLAlchemy's among them, 0.26 s of 1.9 s of the writing process's
    CPU for 100,000 rows; docs/performance.md, "Registry import").

    The modules, the dialogs and the Bot API's types live as long as the process: some 370,000
    objects, which every full collection walked again (0.4–0.5 s each under load; 20–50 ms once
    they are set aside, measured in `bench.steps_bench`, issue 12). `gc.freeze()` moves every
    object alive now to a generation the collector never scans; what updates allocate later is
    collected as before.
    """
    gc.collect()
    gc.freeze()
    log.info("heap: %d objects set aside from garbage collection", gc.get_freeze_count())


# Allocations (less deallocations) between two collections of the youngest generation while a
# registry import writes. At Python's default (700) the writing process ran some 990 of them,
# 90 of the middle generation and 8 full ones for 100,000 rows: 0.13 s of 1.5 s of its CPU,
# walking batches that reference counting frees a moment later anyway. At 10,000: 4, 0.006 s
# (docs/performance.md, "Registry import"). Cycles still get collected, a few MB later.
IMPORT_THRESHOLD = 10_000


_blocks = 0  # fewer_collections blocks running now
_before = gc.get_threshold()  # the thresholds before the first of them began


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The youngest generation collected every IMPORT_THRESHOLD allocations (never more often
    than before) while the block runs; the thresholds as before once the last such block has
    ended (an import may overlap another task's)."""
    global _blocks, _before
    if not _blocks:
        _before = gc.get_threshold()
        gc.set_threshold(max(IMPORT_THRESHOLD, _before[0]), *_before[1:])
    _blocks += 1
    try:
        yield
    finally:
        _blocks -= 1
        if not _blocks:
            gc.set_threshold(*_before)
