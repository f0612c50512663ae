"""Staff's /stats: requests by status and type, time to the first staff action, failures."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.privacy.retention import RetentionRun, last_run
from storage.models import RequestKind, RequestStatus
from storage.repositories import stats as stats_repo


@dataclass(frozen=True)
class Stats:
    total: int
    by_status: list[tuple[str, int]]  # status order of the lifecycle, zero counts left out
    by_kind: list[tuple[str, int]]
    median_first_action: timedelta | None
    with_first_action: int
    failed_notifications: int
    retention: RetentionRun | None = None  # the last retention sweep (docs/privacy.md)


def _ordered(counts: dict[str, int], order: Iterable[str]) -> list[tuple[str, int]]:
    known = [(name, counts[name]) for name in order if counts.get(name)]
    rest = sorted((name, n) for name, n in counts.items() if name not in dict(known) and n)
    return known + rest


async def stats(session: AsyncSession) -> Stats:
    """Requests by status and by type, the median time from creation to the first staff
    action (computed in Python, so it is the same on SQLite and PostgreSQL), and how many
    notifications could never be sent."""
    by_status = await stats_repo.requests_by_status(session)
    by_kind = await stats_repo.requests_by_kind(session)
    seconds = [
        max((first - created).total_seconds(), 0.0)
        for created, first in await stats_repo.first_staff_actions(session)
    ]
    failed = await stats_repo.failed_notifications(session)
    return Stats(
        total=sum(by_status.values()),
        by_status=_ordered(by_status, (s.value for s in RequestStatus)),
        by_kind=_ordered(by_kind, (k.value for k in RequestKind)),
        median_first_action=timedelta(seconds=statistics.median(seconds)) if seconds else None,
        with_first_action=len(seconds),
        failed_notifications=failed,
        retention=await last_run(session),
    )


def duration_parts(value: timedelta) -> tuple[int, int, int]:
    """(days, hours, minutes), rounded to the nearest minute."""
    minutes = round(value.total_seconds() / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    return days, hours, minutes
