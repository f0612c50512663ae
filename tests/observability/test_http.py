"""/healthz and /metrics as a monitoring system reads them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.observability.metrics import count_import
from bot.observability.server import add_routes
from bot.services.registry.importer import ImportReport
from storage.db import create_engine, create_session_factory, migrate
from storage.models import Audience, Notification, NotificationKind, NotificationStatus
from tests.factories import make_member


class DeadRedis:
    async def ping(self) -> None:
        raise ConnectionError("no redis here")


async def _client(runtime: Any) -> TestClient:
    app = web.Application()
    add_routes(app, runtime)
    client = TestClient(TestServer(app))
    await client.start_server()
    return client


def _runtime(session_factory: Any, url: str, clock: Any, redis: Any = None) -> SimpleNamespace:
    return SimpleNamespace(
        session_factory=session_factory,
        settings=SimpleNamespace(database_url=url),
        redis=redis,
        clock=clock,
    )


async def test_healthz_is_ok_on_a_migrated_database_and_503_otherwise(tmp_path: Path, clock):
    migrated = f"sqlite+aiosqlite:///{tmp_path}/migrated.sqlite3"
    await migrate(migrated)
    behind = f"sqlite+aiosqlite:///{tmp_path}/empty.sqlite3"
    engines = [create_engine(migrated), create_engine(behind)]
    try:
        ok = await _client(_runtime(create_session_factory(engines[0]), migrated, clock))
        answer = await ok.get("/healthz")
        assert answer.status == 200
        assert (await answer.json()) == {"status": "ok", "database": "ok", "migrations": "ok"}
        await ok.close()

        not_migrated = await _client(_runtime(create_session_factory(engines[1]), behind, clock))
        answer = await not_migrated.get("/healthz")
        assert answer.status == 503
        assert (await answer.json())["migrations"] == "at None"
        await not_migrated.close()

        no_redis = await _client(
            _runtime(create_session_factory(engines[0]), migrated, clock, DeadRedis())
        )
        answer = await no_redis.get("/healthz")
        assert answer.status == 503
        assert (await answer.json())["redis"].startswith("unreachable")
        await no_redis.close()
    finally:
        for engine in engines:
            await engine.dispose()


async def test_metrics_show_the_outbox_requests_and_import_rows(session_factory, db_url, clock):
    async with session_factory.begin() as session:
        member = await make_member(session)
        for number, status in enumerate(
            [NotificationStatus.PENDING, NotificationStatus.PENDING, NotificationStatus.SENT,
             NotificationStatus.FAILED, NotificationStatus.HELD]
        ):  # fmt: skip
            session.add(
                Notification(
                    audience=Audience.MEMBER,
                    member_id=member.id,
                    kind=NotificationKind.STAFF_COPY,
                    payload={},
                    dedup_key=f"metrics-{number}",
                    status=status,
                    next_attempt_at=clock(),
                    created_at=clock() - timedelta(minutes=10 - number),
                )
            )
    count_import(ImportReport(added=3, updated=1, unchanged=2))
    client = await _client(_runtime(session_factory, db_url, clock))
    try:
        answer = await client.get("/metrics")
        assert answer.status == 200
        text = await answer.text()
    finally:
        await client.close()
    lines = dict(
        line.rsplit(" ", 1) for line in text.splitlines() if line and not line.startswith("#")
    )
    assert float(lines["bot_outbox_backlog"]) == 2
    # the oldest pending row was queued ten minutes before the clock's now
    assert float(lines["bot_outbox_oldest_age_seconds"]) == 600
    assert float(lines['bot_notifications{status="sent"}']) == 1
    assert float(lines['bot_notifications{status="failed"}']) == 1
    assert float(lines['bot_notifications{status="held"}']) == 1
    assert float(lines['bot_registry_import_rows_total{outcome="added"}']) >= 3
    assert "bot_updates_total" in text
    assert "bot_update_handling_seconds" in text
    assert "bot_telegram_429_total" in text
