"""The collector's pace while a registry import writes (bot/heap.py): fewer collections of the
youngest generation during the import, the thresholds as they were once it has ended, whatever
overlaps it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.heap import IMPORT_THRESHOLD, fewer_collections
from bot.sandbox.demo import DEMO_REGISTRY
from bot.services.registry import read_rows
from bot.services.registry.importer import import_registry

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def default_pace() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_the_youngest_generation_waits_longer_inside_and_as_before_after() -> None:
    with fewer_collections():
        assert gc.get_threshold() == (IMPORT_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_pace_already_slower_is_kept() -> None:
    gc.set_threshold(IMPORT_THRESHOLD * 2, 5, 5)
    with fewer_collections():
        assert gc.get_threshold() == (IMPORT_THRESHOLD * 2, 5, 5)
    assert gc.get_threshold() == (IMPORT_THRESHOLD * 2, 5, 5)


def test_overlapping_blocks_restore_the_pace_only_when_the_last_ends() -> None:
    first, second = fewer_collections(), fewer_collections()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first to start ends first
    assert gc.get_threshold() == (IMPORT_THRESHOLD, 10, 10)
    second.__exit__(None, None, None)
    assert gc.get_threshold() == (700, 10, 10)


async def test_an_import_writes_at_the_slower_pace_and_restores_it(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    seen: list[tuple[int, int, int]] = []
    async with session_factory() as session, session.begin():
        report = await import_registry(
            session, read_rows(DEMO_REGISTRY), NOW, lambda _done: seen.append(gc.get_threshold())
        )
    assert report.added > 0
    assert seen and set(seen) == {(IMPORT_THRESHOLD, 10, 10)}
    assert gc.get_threshold() == (700, 10, 10)


async def test_a_failed_import_restores_the_pace(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    def broken(_done: int) -> None:
        raise RuntimeError("progress failed")

    async with session_factory() as session:
        with pytest.raises(RuntimeError):
            await import_registry(session, read_rows(DEMO_REGISTRY), NOW, broken)
        await session.rollback()
    assert gc.get_threshold() == (700, 10, 10)
