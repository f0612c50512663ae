"""Prometheus metrics (prometheus-client): counters the process keeps, gauges read from the
database when /metrics is scraped (the outbox and the requests are shared by every process,
so any one of them can report them).

No aiogram here: `import-registry` counts its rows with `count_import` in a process that never
talks to Telegram (aiogram alone is some 170 MB of RSS). The aiogram middlewares that count
updates and 429s are in `bot/middlewares/observability.py`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.repositories import health, stats

REGISTRY = CollectorRegistry(auto_describe=True)

UPDATES = Counter(
    "bot_updates_total",
    "Updates handled, by type and outcome (ok, error)",
    ["type", "outcome"],
    registry=REGISTRY,
)
HANDLING = Histogram(
    "bot_update_handling_seconds",
    "Time to handle one update (its session, handlers and commit)",
    ["type"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=REGISTRY,
)
RETRY_AFTER = Counter(
    "bot_telegram_429_total", "Bot API calls answered 429 (Too Many Requests)", registry=REGISTRY
)
IMPORT_ROWS = Counter(
    "bot_registry_import_rows_total",
    "Registry rows imported by this process, by outcome",
    ["outcome"],
    registry=REGISTRY,
)
OUTBOX_BACKLOG = Gauge(
    "bot_outbox_backlog", "Notifications waiting to be sent (pending or sending)", registry=REGISTRY
)
OUTBOX_OLDEST_AGE = Gauge(
    "bot_outbox_oldest_age_seconds",
    "Age of the oldest notification waiting to be sent (0 when none waits)",
    registry=REGISTRY,
)
NOTIFICATIONS = Gauge(
    "bot_notifications", "Notifications stored, by status (sent, failed, held…)", ["status"],
    registry=REGISTRY,
)  # fmt: skip
OPEN_REQUESTS = Gauge("bot_requests", "Requests stored, by status", ["status"], registry=REGISTRY)


async def refresh_from_database(
    session_factory: async_sessionmaker[AsyncSession], now: datetime
) -> None:
    """Set the gauges that describe what every process shares (read at scrape time)."""
    async with session_factory() as session:
        by_status = await health.notifications_by_status(session)
        oldest = await health.oldest_waiting(session)
        requests = await stats.requests_by_status(session)
    OUTBOX_BACKLOG.set(by_status.get("pending", 0) + by_status.get("sending", 0))
    OUTBOX_OLDEST_AGE.set(max(0.0, (now - _aware(oldest, now)).total_seconds()) if oldest else 0)
    for status, count in by_status.items():
        NOTIFICATIONS.labels(status).set(count)
    for status, count in requests.items():
        OPEN_REQUESTS.labels(status).set(count)


def _aware(moment: datetime, now: datetime) -> datetime:
    # SQLite gives naive UTC back
    return moment if moment.tzinfo else moment.replace(tzinfo=now.tzinfo)


def count_import(report: Any) -> None:
    """An import's rows by outcome (an `ImportReport`: added, updated, unchanged, rejected)."""
    IMPORT_ROWS.labels("added").inc(report.added)
    IMPORT_ROWS.labels("updated").inc(report.updated)
    IMPORT_ROWS.labels("unchanged").inc(report.unchanged)
    IMPORT_ROWS.labels("rejected").inc(len(report.rejected))
