"""Which delivery processes are gone, so the rows they claimed go out again at once.

Every deliverer keeps a heartbeat row (`delivery_workers`). When one starts, and at each of its
heartbeats, the rows claimed by a process that is gone are released: a process that had this
worker's own id (its predecessor: the same host and pid, as in a restarted container), a process
of this host whose pid no longer runs, or one of any host whose heartbeat is older than
`dead_after`. The outbox lease stays the last resort (a process that never kept a heartbeat).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from storage.models import DeliveryWorker
from storage.repositories import workers as workers_repo

log = logging.getLogger("bot.delivery")


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this host (signal 0 checks, sends nothing)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True


@dataclass(frozen=True)
class Me:
    worker_id: str  # at most 48 characters: the claim tokens' prefix
    host: str
    pid: int
    dead_after: timedelta
    alive: Callable[[int], bool] = pid_alive

    def is_gone(self, other: DeliveryWorker, now: datetime, starting: bool) -> bool:
        if other.worker_id == self.worker_id:
            return starting  # a row under my id before I started is my predecessor's
        if other.heartbeat_at < now - self.dead_after:
            return True
        return other.host == self.host and not self.alive(other.pid)


async def heartbeat(session: AsyncSession, me: Me, now: datetime, *, starting: bool) -> int:
    """Release the rows of gone processes and record this one's heartbeat (its claimed rows'
    lease renewed with it); returns how many rows were released."""
    gone = [
        w.worker_id for w in await workers_repo.all_workers(session) if me.is_gone(w, now, starting)
    ]
    released = await outbox.release(session, gone, now)
    await workers_repo.forget(session, [g for g in gone if g != me.worker_id])
    await workers_repo.beat(session, me.worker_id, me.host, me.pid, now, starting=starting)
    await outbox.renew(session, me.worker_id, now)
    if released:
        log.warning("released %d rows claimed by gone processes: %s", released, ", ".join(gone))
    return released
