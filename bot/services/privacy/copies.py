"""Copies of members' documents on disk, kept only with DOWNLOAD_DOCUMENTS (docs/privacy.md).

The bot downloads them in the background, after the update that stored the document has
committed (bot/delivery/documents.py); here are the rules: which document is due, where its
copy goes, how often a failed download is tried again, and removing the copies of documents an
erase or the retention job dropped, after their transaction committed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import RequestDocument
from storage.repositories import documents as repo

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# Telegram's getFile gives bots files up to 20 MB; a bigger one is never tried
DOWNLOAD_LIMIT = 20 * 1024 * 1024
# a try is the claimer's for this long (a process that dies mid-download leaves it to another)
LEASE = timedelta(minutes=10)
# the wait after a failed try: 1 min, then 4 times longer after each (1, 4, 16, 64 min)
FIRST_RETRY = timedelta(minutes=1)
BATCH = 20

_SAFE = re.compile(r"[^A-Za-z0-9_-]")
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}")


@dataclass(frozen=True)
class Download:
    """One claimed try: which file, and where its copy goes (relative to the directory)."""

    document_id: int
    file_id: str
    path: str
    attempt: int


@dataclass(frozen=True)
class Dropped:
    """A document an erase or the retention job removed, and its copy if one was made."""

    request_id: int
    local_path: str | None


def _extension(document: RequestDocument) -> str:
    suffix = PurePosixPath(document.file_name or "").suffix
    if _SUFFIX.fullmatch(suffix):
        return suffix.lower()
    if document.mime_type:
        guessed = mimetypes.guess_extension(document.mime_type.split(";")[0].strip())
        if guessed and _SUFFIX.fullmatch(guessed):
            return guessed
    return ".jpg" if document.kind == "photo" else ".bin"


def relative_path(document: RequestDocument) -> str:
    """`<request id>/<document id>-<file_unique_id><ext>`: nothing the member typed or named
    goes into the path but a checked extension."""
    unique = _SAFE.sub("", document.file_unique_id)[:64] or "file"
    return f"{document.request_id}/{document.id}-{unique}{_extension(document)}"


async def claim_due(session: AsyncSession, now: datetime) -> list[Download]:
    """Claim the next documents to download (at most BATCH). A file over Telegram's limit is
    given up at once, with a note in the log. The caller commits before downloading."""
    claimed = []
    for document in await repo.due(session, now, MAX_ATTEMPTS, BATCH):
        assert document.id is not None
        size = document.file_size or 0
        if size > DOWNLOAD_LIMIT:
            if await repo.claim(session, document, now, MAX_ATTEMPTS):
                log.info(
                    "document #%s: %.1f MB, over the %d MB a bot may download; no copy kept",
                    document.id, size / 2**20, DOWNLOAD_LIMIT // 2**20,
                )  # fmt: skip
            continue
        attempt = document.download_attempts + 1
        if await repo.claim(session, document, now + LEASE, attempt):
            claimed.append(
                Download(document.id, document.file_id, relative_path(document), attempt)
            )
    return claimed


async def copied(session: AsyncSession, download: Download, now: datetime) -> bool:
    """Record the copy; False when the document is gone (erased meanwhile): the caller deletes
    the file it just wrote."""
    return await repo.copied(session, download.document_id, download.path, now)


async def failed(session: AsyncSession, download: Download, now: datetime, reason: str) -> None:
    """Try again later, FIRST_RETRY × 4ⁿ; after MAX_ATTEMPTS tries, no more."""
    if download.attempt >= MAX_ATTEMPTS:
        log.warning(
            "document #%s: download failed (%s), try %d of %d; no copy kept",
            download.document_id, reason, download.attempt, MAX_ATTEMPTS,
        )  # fmt: skip
    else:
        log.warning(
            "document #%s: download failed (%s), try %d of %d; trying again later",
            download.document_id, reason, download.attempt, MAX_ATTEMPTS,
        )  # fmt: skip
    wait = FIRST_RETRY * 4 ** (download.attempt - 1)
    await repo.retry_after(session, download.document_id, now + wait)


def _remove(root: Path | None, dropped: Sequence[Dropped]) -> int:
    recorded = [d for d in dropped if d.local_path]
    if root is None:
        if recorded:
            log.warning(
                "%d document copies belong to removed documents, but DOWNLOAD_DOCUMENTS is not "
                "set: delete their request folders by hand (docs/privacy.md)",
                len(recorded),
            )
        return 0
    removed = 0
    for d in recorded:
        try:
            (root / str(d.local_path)).unlink(missing_ok=True)
            removed += 1
        except OSError as exc:  # the member was answered already; the sweep tries again
            log.warning("a document copy could not be deleted (%s)", type(exc).__name__)
    # each request's folder, with anything a download cut short left in it
    for request_id in sorted({d.request_id for d in dropped}):
        folder = root / str(request_id)
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
    return removed


def _listed(root: Path) -> dict[tuple[int, int], list[Path]]:
    """The files under the directory, by (request id, document id) from their folder and the
    start of their name (a document id SQLite reused for another request is told apart)."""
    found: dict[tuple[int, int], list[Path]] = {}
    for folder in root.iterdir() if root.is_dir() else ():
        if folder.is_dir() and folder.name.isdigit():
            for file in folder.iterdir():
                number = file.name.split("-", 1)[0]
                if number.isdigit():
                    found.setdefault((int(folder.name), int(number)), []).append(file)
    return found


def _delete(files: Sequence[Path]) -> None:
    for file in files:
        with contextlib.suppress(OSError):  # (logged by the caller's count; tried next run)
            file.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # a request folder goes once it is empty
            file.parent.rmdir()


async def remove_orphans(session: AsyncSession, root: Path) -> int:
    """Copies whose document no longer exists (a process that died between an erase's commit
    and deleting its copies; a download cut short): deleted. The files are listed first and the
    database asked after, so a copy made meanwhile is never taken for an orphan."""
    listed = await asyncio.to_thread(_listed, root)
    if not listed:
        return 0
    kept = await repo.existing(session, sorted({number for _, number in listed}))
    orphans = [file for key, files in listed.items() if key not in kept for file in files]
    if orphans:
        await asyncio.to_thread(_delete, orphans)
        log.info("document copies: %d left without their document deleted", len(orphans))
    return len(orphans)


async def remove(root: Path | None, dropped: Sequence[Dropped]) -> int:
    """Delete the copies of documents that were dropped (every document of their requests),
    and those requests' folders. Call only after the transaction that dropped them committed.
    Returns how many recorded copies were deleted."""
    if not dropped:
        return 0
    removed = await asyncio.to_thread(_remove, root, dropped)
    if removed:
        log.info("document copies: %d deleted with their documents", removed)
    return removed
