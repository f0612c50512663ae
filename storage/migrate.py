"""The child process of `storage.db.migrate_apart`: applies the migrations to the database whose
URL it is given in its environment, then exits (and Alembic's memory with it)."""

from __future__ import annotations

import asyncio
import os

from storage.db import CHILD_URL, migrate


def main() -> None:
    asyncio.run(migrate(os.environ[CHILD_URL]))
