"""The event lock per key: one update at a time, and nothing kept once a key's updates are done."""

from __future__ import annotations

import asyncio

from aiogram.fsm.storage.base import StorageKey

from storage.fsm import KeyLocks


def _key(user: int) -> StorageKey:
    return StorageKey(bot_id=1, chat_id=user, user_id=user)


async def _update(locks: KeyLocks, user: int, name: str, order: list[str]) -> None:
    """An update of `user`'s that notes when it got the lock and when it let it go."""
    async with locks.lock(_key(user)):
        order.append(f"{name} in")
        await asyncio.sleep(0.01)
        order.append(f"{name} out")


async def test_updates_of_one_key_run_one_after_another() -> None:
    locks = KeyLocks()
    order: list[str] = []
    await asyncio.gather(_update(locks, 1, "a", order), _update(locks, 1, "b", order))
    assert order == ["a in", "a out", "b in", "b out"]


async def test_other_keys_do_not_wait() -> None:
    locks = KeyLocks()
    async with locks.lock(_key(1)):
        async with asyncio.timeout(1):
            async with locks.lock(_key(2)):
                pass


async def test_no_lock_is_kept_for_a_member_once_their_updates_are_done() -> None:
    locks = KeyLocks()
    for user in range(1000):
        async with locks.lock(_key(user)):
            pass
    waiting = [asyncio.create_task(_hold(locks, 5)) for _ in range(3)]
    await asyncio.gather(*waiting)
    assert locks._held == {}


async def test_a_failed_update_releases_its_key() -> None:
    locks = KeyLocks()
    try:
        async with locks.lock(_key(7)):
            raise RuntimeError("handler failed")
    except RuntimeError:
        pass
    async with asyncio.timeout(1), locks.lock(_key(7)):
        pass
    assert locks._held == {}


async def test_closing_while_an_update_holds_a_key_keeps_its_lock() -> None:
    """aiogram closes the locks when the dispatcher shuts down; an update still running then
    (a page refreshed after a notification) failed with a KeyError when it released its key,
    and a second update of that key did not wait for it."""
    locks = KeyLocks()
    order: list[str] = []
    first = asyncio.create_task(_update(locks, 3, "a", order))
    await asyncio.sleep(0)
    await locks.close()
    await asyncio.gather(first, _update(locks, 3, "b", order))
    assert order == ["a in", "a out", "b in", "b out"]
    assert locks._held == {}


async def _hold(locks: KeyLocks, user: int) -> None:
    async with locks.lock(_key(user)):
        await asyncio.sleep(0)
