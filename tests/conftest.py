"""Shared fixtures: a fresh SQLite database per test, settings, a controllable clock."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest
import sqlalchemy as sa
from sqlalchemy import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlmodel import SQLModel

from bot.config import Settings
from storage.db import create_engine, create_session_factory
from tests.privacy.logscan import JOURNEYS, logscan  # noqa: F401 (the fixture, for every test)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    # 10:00 in Almaty (UTC+5) on a Sunday
    return FakeClock(datetime(2026, 11, 22, 5, 0, tzinfo=UTC))


TESTS = Path(__file__).parent

# Markers by where a test lives (registered in pyproject.toml; `postgres` is set per run below).
# `calendar`: the tests bound to the date or the zone, which .ci/run repeats under faketime.
MARKED = {
    "e2e": ["e2e/"],
    "browser": ["e2e/test_browser.py"],
    "slow": [
        "e2e/test_kill.py",
        "e2e/test_burst.py",
        "e2e/test_shutdown.py",
        "e2e/test_browser.py",
        "e2e/test_bench_runner.py",
    ],
    "calendar": [
        "dialogs/test_dates_and_zones.py",
        "dialogs/test_calendar_cache.py",
        "dialogs/test_activation.py",
        "dialogs/test_cards_profile_support.py",
        "dialogs/test_request_appointment.py",
        "dialogs/test_request_lab_tests.py",
        "dialogs/test_request_reimbursement.py",
        "dialogs/test_redelivery.py",
        "e2e/test_member_journeys.py",
        "e2e/test_sandbox_clock.py",
    ],
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        where = item.path.relative_to(TESTS).as_posix()
        if where in JOURNEYS:
            item.add_marker("logscan")
        for marker, prefixes in MARKED.items():
            if any(where.startswith(prefix) for prefix in prefixes):
                item.add_marker(marker)
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("db_url") == "postgresql":
            item.add_marker("postgres")


def _worker_database(url: str) -> str:
    """Under pytest-xdist each worker has a database of its own (`bot_test_gw0`, …): the tests
    drop and create the schema. Created here when missing (the role needs CREATEDB)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    base = make_url(url)
    name = f"{base.database}_{worker}"

    async def create() -> None:
        conn = await asyncpg.connect(
            user=base.username,
            password=base.password,
            host=base.host,
            port=base.port,
            database=base.database,
        )
        try:
            if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
                await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    asyncio.run(create())
    return base.set(database=name).render_as_string(hide_password=False)


# With TEST_POSTGRES_URL set (e.g. postgresql+asyncpg://bot:bot@localhost/bot_test, as .ci/run
# sets it), every test that uses the database runs twice: on SQLite and on PostgreSQL.
POSTGRES_URL = _worker_database(os.environ.get("TEST_POSTGRES_URL", ""))


def _worker_redis(url: str) -> str:
    """Under pytest-xdist each worker empties a Redis database of its own: the one named in
    TEST_REDIS_URL for the first worker, the ones below it for the others (Redis has 16)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not url or not worker.startswith("gw"):
        return url
    base = make_url(url)
    number = int(base.database or 0)
    return base.set(database=str((number - int(worker[2:])) % 16)).render_as_string(
        hide_password=False
    )


# a Redis database the tests may empty (tests/dialogs/test_redis_state.py, tests/e2e/test_burst.py)
REDIS_URL = _worker_redis(os.environ.get("TEST_REDIS_URL", ""))
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say which backing services this run used (also under -q)."""
    databases = (
        "SQLite and PostgreSQL (TEST_POSTGRES_URL)"
        if POSTGRES_URL
        else "SQLite only (set TEST_POSTGRES_URL to run on PostgreSQL too)"
    )
    redis = "tested (TEST_REDIS_URL)" if os.environ.get("TEST_REDIS_URL") else "skipped"
    terminalreporter.write_line(f"databases: {databases}; dialog state in Redis: {redis}")


@pytest.fixture(autouse=True)
def _no_personal_data_in_logs(request: pytest.FixtureRequest) -> None:
    """The journeys' logs are scanned for their people's data (tests/privacy/logscan.py)."""
    if request.node.get_closest_marker("logscan") and "session_factory" in request.fixturenames:
        request.getfixturevalue("logscan")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    # each test starts from an empty schema (see `engine`)
    if request.param == "postgresql":
        return POSTGRES_URL
    return f"sqlite+aiosqlite:///{tmp_path}/test.sqlite3"


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(bot_token="123456:TEST-token", database_url=db_url, _env_file=None)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def sqlite_schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite database with the empty schema, made once per process: a test's database is a
    copy of it (0.3 ms, where creating the schema took 80–130 ms a test)."""
    path = tmp_path_factory.mktemp("schema") / "schema.sqlite3"
    made = sa.create_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(made)
    with made.connect() as conn:  # as storage/db.py's engine leaves a new file
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    made.dispose()  # the last connection closed: the WAL checkpointed into the file, and gone
    return path


# The statement that tells whether the worker's PostgreSQL database still has the schema its
# first test created (every table, column, default, constraint, index, sequence, enum, trigger
# and function of the public schema): a test may have migrated it (tests/test_migrations.py) or
# added to it (a trigger that fails a write, tests/services/test_registry.py).
PG_SCHEMA = """
SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
  SELECT c.relname::text || '.' || a.attname::text || ':' || format_type(a.atttypid, a.atttypmod)
         || a.attnotnull::text || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS x
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT conrelid::regclass::text || conname::text || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL
  SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT relname::text || relkind::text FROM pg_class
   WHERE relnamespace = 'public'::regnamespace
  UNION ALL
  SELECT t.typname::text || e.enumsortorder::text || e.enumlabel::text
    FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
  UNION ALL
  SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL
  SELECT oid::regprocedure::text || md5(prosrc) FROM pg_proc
   WHERE pronamespace = 'public'::regnamespace
) everything
"""
_pg_schema: list[str] = []  # the fingerprint after this process last created the schema


async def _empty_postgres(conn: AsyncConnection) -> None:
    """The schema's tables emptied and its sequences restarted, when the schema is the one this
    process created (a DELETE per table: 20 ms, where dropping and creating them took 140 ms);
    otherwise dropped and created again."""
    if _pg_schema and (await conn.scalar(sa.text(PG_SCHEMA))) == _pg_schema[0]:
        for table in reversed(SQLModel.metadata.sorted_tables):
            await conn.execute(table.delete())
        await conn.exec_driver_sql(
            "SELECT setval(oid, 1, false) FROM pg_class"
            " WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace"
        )
        return
    await conn.run_sync(SQLModel.metadata.drop_all)
    await conn.run_sync(SQLModel.metadata.create_all)
    _pg_schema[:] = [await conn.scalar(sa.text(PG_SCHEMA))]


@pytest.fixture
async def engine(db_url: str, request: pytest.FixtureRequest) -> AsyncIterator[AsyncEngine]:
    """The test's database with the empty schema: on SQLite a copy of `sqlite_schema`, on
    PostgreSQL the worker's database emptied (`_empty_postgres`)."""
    sqlite = db_url.startswith("sqlite")
    if sqlite:
        database = make_url(db_url).database
        assert database is not None
        shutil.copyfile(request.getfixturevalue("sqlite_schema"), database)
    engine = create_engine(db_url)
    async with engine.begin() as conn:  # and a connection left open in the pool, as before
        if not sqlite:
            await _empty_postgres(conn)
    yield engine
    await engine.dispose()


@pytest.fixture
def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_session_factory(engine)


@pytest.fixture
async def session(
    session_factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    async with session_factory() as session:
        yield session


def failing_commits(engine: AsyncEngine, plan: list[bool]) -> async_sessionmaker[AsyncSession]:
    """Sessions whose next commits fail as `plan` says (True: fail), then succeed."""

    class Failing(AsyncSession):
        async def commit(self) -> None:
            if plan and plan.pop(0):
                raise OperationalError("COMMIT", {}, Exception("disk I/O error"))
            await super().commit()

    return async_sessionmaker(engine, class_=Failing, expire_on_commit=False)
