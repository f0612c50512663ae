"""The update's unit of work: commit what was stored before anything reports it."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

log = logging.getLogger(__name__)


class UnitOfWork:
    """The session of one update and its commit points.

    A handler that stored something a person will be told about calls `commit()` before the
    message or screen that says so; the update's remaining writes (dialog state, mostly) go in a
    second short transaction that the DB middleware commits at the end. The session stays usable
    after `commit()`: it begins a new transaction on its next statement.
    """

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def commit(self) -> bool:
        """Commit now. False (and everything since the last commit rolled back) when it failed:
        nothing of it was stored, and the caller says so instead of confirming."""
        try:
            await self.session.commit()
        except SQLAlchemyError:
            log.exception("commit failed; the change was not stored")
            await self.session.rollback()
            return False
        return True
