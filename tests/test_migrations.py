"""The Alembic migrations build exactly the schema the models describe."""

import asyncio

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel

from storage.db import migrate


async def test_migrations_match_models(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/m.sqlite3"
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
