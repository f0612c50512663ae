"""`python -m storage.migrate`: the child process of `storage.db.migrate_apart`, which applies
the migrations to the database whose URL it is given in its environment, and exits."""

from __future__ import annotations

import asyncio
import os

from storage.db import _CHILD_URL, migrate

if __name__ == "__main__":
    asyncio.run(migrate(os.environ[_CHILD_URL]))
