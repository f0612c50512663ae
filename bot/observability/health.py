"""/healthz: the database answers and is at the newest migration, Redis (when used) answers."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.db import alembic_config
from storage.repositories import health

if TYPE_CHECKING:
    from redis.asyncio import Redis

CHECK_TIMEOUT = 3.0


@dataclass
class HealthCheck:
    session_factory: async_sessionmaker[AsyncSession]
    database_url: str
    redis: Redis | None = None
    _heads: set[str] = field(default_factory=set)

    def heads(self) -> set[str]:
        if not self._heads:
            # Alembic is imported at the first /healthz, not when every role starts: the
            # polling role migrates in a child process and never needs it otherwise
            from alembic.script import ScriptDirectory

            script = ScriptDirectory.from_config(alembic_config(self.database_url))
            self._heads = set(script.get_heads())
        return self._heads

    async def run(self) -> tuple[bool, dict[str, Any]]:
        """(healthy, what each check found); no check takes longer than CHECK_TIMEOUT."""
        report: dict[str, Any] = {}
        try:
            async with asyncio.timeout(CHECK_TIMEOUT), self.session_factory() as session:
                revision = await health.schema_revision(session)
            report["database"] = "ok"
            report["migrations"] = "ok" if revision in self.heads() else f"at {revision}"
        except Exception as exc:
            report["database"] = f"unreachable ({type(exc).__name__})"
        if self.redis is not None:
            try:
                async with asyncio.timeout(CHECK_TIMEOUT):
                    await self.redis.ping()
                report["redis"] = "ok"
            except Exception as exc:
                report["redis"] = f"unreachable ({type(exc).__name__})"
        return all(value == "ok" for value in report.values()) and len(report) > 1, report
