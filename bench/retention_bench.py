"""The retention sweep, as its job runs it every hour: ``python -m bench.retention_bench
[--requests SMALL LARGE] [--rounds N]``.

For each size, a migrated SQLite file holds that many closed requests older than
RETENTION_DAYS, each with typed free text in its form, two history comments and a sent outbox
row (every tenth with a document). The first sweep takes them all (as the first run after
the upgrade to migration 0017 does); it is timed once, and its longest transaction (SQLite's
write lock is held for one transaction at most, members' writes wait that long). Then,
`--rounds` times, ten more requests close and the next sweep is timed. The line: that hourly
sweep at the large size against the small size, in the same run: about 1x when a sweep's work
grows with what is new, not with every request ever closed. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bot.services.privacy import retention
from storage.db import create_engine, create_session_factory, migrate
from storage.models import (
    InsuredPerson,
    Member,
    Notification,
    Policy,
    Request,
    RequestDocument,
    RequestEvent,
)

NOW = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)
RULES = retention.RetentionRules(
    retention=timedelta(days=365),
    audit_retention=timedelta(days=730),
    draft_ttl=timedelta(hours=72),
)
CLOSED_AT = NOW - timedelta(days=400)
NEW_PER_HOUR = 10


@dataclass(frozen=True)
class Sizes:
    requests: int
    first_s: float  # the sweep that takes every request
    longest_s: float  # its longest transaction (SQLite's write lock is held for one at most)
    hourly_s: float  # median of the sweeps that take NEW_PER_HOUR new ones


def _rows(first: int, count: int) -> dict[Any, list[dict[str, Any]]]:
    """Closed requests `first` .. `first + count - 1` of member 1, with what the sweep drops."""
    ids = range(first, first + count)
    old = CLOSED_AT
    return {
        Request.__table__: [
            {
                "id": i,
                "member_id": 1,
                "card_id": 1,
                "kind": "callback",
                "status": "done",
                "details": {"topic": f"my knee, call +38050{i:07d}", "time_window": "any"},
                "created_at": old,
                "updated_at": old,
            }
            for i in ids
        ],
        RequestEvent.__table__: [
            {
                "request_id": i,
                "from_status": frm,
                "to_status": to,
                "actor_kind": "staff",
                "actor_telegram_id": 7,
                "comment": f"called her about R-{i:06d}",
                "created_at": old,
            }
            for i in ids
            for frm, to in (("new", "in_progress"), ("in_progress", "done"))
        ],
        Notification.__table__: [
            {
                "audience": "member",
                "member_id": 1,
                "request_id": i,
                "kind": "request_status",
                "payload": {"status": "done", "comment": "see you"},
                "dedup_key": f"status:{i}",
                "status": "sent",
                "attempts": 1,
                "next_attempt_at": old,
                "created_at": old,
                "sent_at": old,
            }
            for i in ids
        ],
        RequestDocument.__table__: [
            {
                "request_id": i,
                "file_id": f"BQAC-{i}",
                "file_unique_id": f"u-{i}",
                "kind": "document",
                "created_at": old,
                "download_attempts": 0,
            }
            for i in ids
            if i % 10 == 0
        ],
    }


async def _registry_and_member(engine: Any) -> None:
    """Policy 1, its card 1 and member 1, whose requests they all are."""
    async with engine.begin() as connection:
        await connection.execute(
            sa.insert(Policy.__table__),
            {"id": 1, "number": "P-1", "program": "Gold", "holder_type": "corporate",
             "contract_signed": date(2026, 1, 1), "coverage_start": date(2026, 1, 1),
             "coverage_end": date(2026, 12, 31), "updated_at": CLOSED_AT},
        )  # fmt: skip
        await connection.execute(
            sa.insert(InsuredPerson.__table__),
            {"id": 1, "insured_id": "ID-1", "policy_id": 1, "full_name": "Olena",
             "birth_date": date(1990, 5, 5), "relation": "self", "updated_at": CLOSED_AT},
        )  # fmt: skip
        await connection.execute(
            sa.insert(Member.__table__), {"id": 1, "telegram_id": 501, "created_at": NOW}
        )


async def _close(engine: Any, first: int, count: int) -> None:
    async with engine.begin() as connection:
        for table, rows in _rows(first, count).items():
            if rows:
                await connection.execute(sa.insert(table), rows)


async def _sweep(sessions: Any, transactions: list[float] | None = None) -> float:
    """One sweep's time; each of its transactions' times added to `transactions`."""

    @asynccontextmanager
    async def begin() -> AsyncIterator[Any]:
        started = time.perf_counter()
        async with sessions.begin() as session:
            yield session
        if transactions is not None:
            transactions.append(time.perf_counter() - started)

    started = time.perf_counter()
    await retention.run(begin, NOW, RULES)
    return time.perf_counter() - started


async def measure(requests: int, rounds: int) -> Sizes:
    with tempfile.TemporaryDirectory(prefix="retention-bench-") as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.sqlite3'}"
        await migrate(url)
        engine = create_engine(url)
        try:
            await _registry_and_member(engine)
            await _close(engine, 1, requests)
            sessions = create_session_factory(engine)
            transactions: list[float] = []
            first = await _sweep(sessions, transactions)
            hourly = []
            for n in range(rounds):
                await _close(engine, requests + 1 + n * NEW_PER_HOUR, NEW_PER_HOUR)
                hourly.append(await _sweep(sessions))
        finally:
            await engine.dispose()
    return Sizes(requests, first, max(transactions), statistics.median(hourly))


async def run(small: int, large: int, rounds: int) -> tuple[Sizes, Sizes]:
    return await measure(small, rounds), await measure(large, rounds)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, nargs=2, default=[1_000, 100_000])
    parser.add_argument("--rounds", type=int, default=5)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    small, large = asyncio.run(run(*args.requests, args.rounds))
    for sizes in (small, large):
        print(  # noqa: T201
            f"{sizes.requests:>9,} closed requests: first sweep {sizes.first_s:7.2f} s "
            f"(longest transaction {sizes.longest_s:6.2f} s), "
            f"an hourly sweep with {NEW_PER_HOUR} new {sizes.hourly_s * 1000:8.1f} ms"
        )
    print(  # noqa: T201
        f"hourly sweep, {large.requests:,} against {small.requests:,}: "
        f"{large.hourly_s / small.hourly_s:.2f}x (aim: about 1x, flat)"
    )


if __name__ == "__main__":
    main()
