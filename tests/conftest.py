"""Shared fixtures: a fresh SQLite database per test, settings, a controllable clock."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlmodel import SQLModel

from bot.config import Settings
from storage.db import create_engine, create_session_factory


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


# With TEST_POSTGRES_URL set (e.g. postgresql+asyncpg://bot:bot@localhost/bot_test, as .ci/run
# sets it), every test that uses the database runs twice: on SQLite and on PostgreSQL.
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")
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


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    # each test starts from an empty schema (see `engine`)
    if request.param == "postgresql":
        return POSTGRES_URL
    return f"sqlite+aiosqlite:///{tmp_path}/test.sqlite3"


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(bot_token="123456:TEST-token", database_url=db_url, _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
async def engine(db_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(db_url)
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.drop_all)
        await conn.run_sync(SQLModel.metadata.create_all)
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
