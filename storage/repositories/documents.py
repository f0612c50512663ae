"""Copies of request documents on disk (DOWNLOAD_DOCUMENTS): which are due, claims, results.

Never commits; every statement is portable (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import RequestDocument
from storage.sql import in_chunks


async def due(
    session: AsyncSession, now: datetime, max_attempts: int, limit: int
) -> list[RequestDocument]:
    """Documents with no copy yet, tries left, and no try running or waiting."""
    query = (
        select(RequestDocument)
        .where(
            col(RequestDocument.local_path).is_(None),
            col(RequestDocument.download_attempts) < max_attempts,
            or_(
                col(RequestDocument.download_after).is_(None),
                col(RequestDocument.download_after) <= now,
            ),
        )
        .order_by(col(RequestDocument.id))
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def _set(session: AsyncSession, document_id: int, *where: Any, **values: Any) -> bool:
    result = await session.execute(
        update(RequestDocument)
        .where(col(RequestDocument.id) == document_id, *where)
        .values(**values)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def claim(
    session: AsyncSession, document: RequestDocument, until: datetime, attempts: int
) -> bool:
    """Take one try of this document until `until`, unless another process took it since it
    was read (its count of tries moved) or its copy was made."""
    assert document.id is not None
    return await _set(
        session,
        document.id,
        col(RequestDocument.download_attempts) == document.download_attempts,
        col(RequestDocument.local_path).is_(None),
        download_attempts=attempts,
        download_after=until,
    )


async def copied(session: AsyncSession, document_id: int, path: str, now: datetime) -> bool:
    """The copy is at `path`; False when the row is gone (erased meanwhile)."""
    return await _set(session, document_id, local_path=path, downloaded_at=now, download_after=None)


async def retry_after(session: AsyncSession, document_id: int, when: datetime) -> None:
    await _set(session, document_id, download_after=when)


async def existing(session: AsyncSession, document_ids: list[int]) -> set[tuple[int, int]]:
    """Which of these documents still exist, as (request id, document id)."""
    found: set[tuple[int, int]] = set()
    for chunk in in_chunks(document_ids):
        query = select(RequestDocument.request_id, RequestDocument.id).where(
            col(RequestDocument.id).in_(chunk)
        )
        found.update((int(r), int(i)) for r, i in (await session.execute(query)).all())
    return found
