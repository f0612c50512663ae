"""DOWNLOAD_DOCUMENTS: copies of members' documents, made in the background (docs/privacy.md).

A job of the scheduler (the role that delivers the outbox), never a member's update: the member
was answered when the document was stored, and a download that fails changes nothing for them.
Each document is claimed in a short transaction, downloaded with `bot.download` (getFile, then
the file) into a `.part` file renamed into place, and recorded in another; the rules (which is
due, where it goes, when to try again) are in bot/services/privacy/copies.py."""

from __future__ import annotations

import logging
from pathlib import Path

import aiohttp
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.services.privacy import copies

log = logging.getLogger("bot.delivery.documents")

# a 20 MB file over a slow link; the try's lease (copies.LEASE) is far longer
DOWNLOAD_TIMEOUT = 180
FAILURES = (TelegramAPIError, aiohttp.ClientError, TimeoutError, OSError)


class DocumentCopier:
    def __init__(
        self,
        bot: Bot,
        session_factory: async_sessionmaker[AsyncSession],
        root: Path,
        clock: Clock,
    ) -> None:
        self.bot = bot
        self.sessions = session_factory
        self.root = root
        self.clock = clock

    async def run_once(self) -> int:
        """Download the documents due now; how many copies were made."""
        async with self.sessions.begin() as session:
            due = await copies.claim_due(session, self.clock())
        made = 0
        for download in due:
            made += await self._copy(download)
        return made

    async def _copy(self, download: copies.Download) -> bool:
        target = self.root / download.path
        partial = target.with_name(target.name + ".part")
        try:
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            await self.bot.download(download.file_id, partial, timeout=DOWNLOAD_TIMEOUT)
            partial.chmod(0o600)
            partial.replace(target)
        except FAILURES as exc:
            partial.unlink(missing_ok=True)
            async with self.sessions.begin() as session:
                await copies.failed(session, download, self.clock(), _reason(exc))
            return False
        async with self.sessions.begin() as session:
            kept = await copies.copied(session, download, self.clock())
        if not kept:  # the document was erased while it was downloaded
            target.unlink(missing_ok=True)
            log.info("document #%s: erased during its download; copy deleted", download.document_id)
        return kept


def _reason(exc: BaseException) -> str:
    """What went wrong, without the file's URL (it carries the bot token) or any text."""
    if isinstance(exc, aiohttp.ClientResponseError):
        return f"HTTP {exc.status}"
    if isinstance(exc, TelegramAPIError):
        return f"{type(exc).__name__}: {exc.message}"
    return type(exc).__name__
