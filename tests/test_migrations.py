"""The Alembic migrations build exactly the schema the models describe."""

import asyncio

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

from storage.db import migrate


async def _empty(url: str) -> None:
    """The other tests build their schema from the models; the migrations start from nothing."""
    if url.startswith("postgresql"):
        engine = create_async_engine(url)
        async with engine.begin() as connection:
            await connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            await connection.exec_driver_sql("CREATE SCHEMA public")
        await engine.dispose()


async def test_migrations_match_models(db_url):
    url = db_url
    await _empty(url)
    await migrate(url)
    await migrate(url)  # a second run is a no-op
    engine = create_async_engine(url)

    def diff(connection):
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)

    async with engine.connect() as connection:
        assert await connection.run_sync(diff) == []
    await engine.dispose()


def test_migrate_runs_outside_an_event_loop(tmp_path):
    asyncio.run(migrate(f"sqlite+aiosqlite:///{tmp_path}/m2.sqlite3"))
