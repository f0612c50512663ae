"""Dialog state that forgets what a finished form no longer needs.

aiogram-dialog keeps each open dialog's context (`dialog_data`, and `widget_data` where a
`TextInput` leaves the last text typed) until the dialog is closed. A form that has ended but
still shows its last screen ("sent", "linked") would keep the typed insured ID, date of birth,
IBAN or free text for as long as the member leaves it there. `ForgetfulStorage` wraps any aiogram
storage (the database's or Redis) and, when a context is saved in one of the `finished` states,
keeps only the `dialog_data` keys that screen needs and drops the typed texts from `widget_data`
(a scroll's page, a number, stays). Unfinished forms left alone are dropped after DRAFT_TTL_HOURS
(`bot/services/privacy/retention.py`; Redis keys expire)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from sqlalchemy.ext.asyncio import AsyncSession

from storage.fsm import Prefetching


class ForgetfulStorage(BaseStorage):
    """`inner` with contexts of `finished` states trimmed to the `keep` keys when saved."""

    def __init__(self, inner: BaseStorage, finished: frozenset[str], keep: frozenset[str]) -> None:
        self.inner = inner
        self._finished = finished
        self._keep = keep
        # decided once: a protocol check on each update costs microseconds
        self._prefetch = inner.prefetch if isinstance(inner, Prefetching) else None

    def trimmed(self, data: Mapping[str, Any]) -> dict[str, Any]:
        result = dict(data)
        if result.get("state") not in self._finished:
            return result
        dialog = result.get("dialog_data") or {}
        result["dialog_data"] = {k: v for k, v in dialog.items() if k in self._keep}
        widgets = result.get("widget_data") or {}
        result["widget_data"] = {k: v for k, v in widgets.items() if not isinstance(v, str)}
        return result

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self.inner.set_data(key, self.trimmed(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return await self.inner.get_data(key)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        await self.inner.set_state(key, state)

    async def get_state(self, key: StorageKey) -> str | None:
        return await self.inner.get_state(key)

    async def prefetch(
        self, session: AsyncSession, key: StorageKey, intent_id: str | None = None
    ) -> None:
        """The inner storage's `prefetch` (storage/fsm.py), where it has one."""
        if self._prefetch is not None:
            await self._prefetch(session, key, intent_id)

    async def close(self) -> None:
        await self.inner.close()
