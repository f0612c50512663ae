"""The process's long-lived heap set aside from the garbage collector (the bot's roles after
start-up, the shell's registry import before its rows)."""

from __future__ import annotations

import gc
import logging

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
