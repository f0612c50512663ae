"""Writing registry rows: policies by number, then cards by insured ID, a batch at a time.

Each batch is compared by key with what the database holds (a few columns as tuples, never
ORM objects) and only new or changed rows are written, with one INSERT and one UPDATE per
table. Outcomes are judged against the database as it was before the import, so a policy
changed by an earlier batch still counts as changed for its cards in a later one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from operator import itemgetter
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.registry.rows import RegistryRow
from bot.services.registry.seen import Seen
from storage.repositories import registry as repo


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class Written:
    outcome: Outcome
    old_phone: str | None = None  # the card's phone before an update


# a row's policy number and policy's columns (RegistryRow's order)
_NUMBER = itemgetter(0)
_POLICY_FIELDS = itemgetter(slice(1, 6))
# the outcomes without an old phone, shared by every row they are told of
ADDED = Written(Outcome.ADDED)
_UNCHANGED = Written(Outcome.UNCHANGED)


def _state(policy_id: int, changed: bool) -> int:
    """A policy's state as one int, as `Seen` keeps it: its id, and in the lowest bit whether it
    changed (new, or its fields differ from what the database held before the import)."""
    return policy_id * 2 + changed


@dataclass
class Upserter:
    """Upserts batches of valid rows in the caller's transaction (no commit)."""

    session: AsyncSession
    now: datetime
    # policy number -> packed state, for every policy this import has written or found unchanged
    # (a `Seen`: a policy's rows in a later batch keep the outcome of its first; memory stays flat)
    _policies: Seen = field(default_factory=Seen)

    def close(self) -> None:
        self._policies.close()

    async def write(self, rows: Sequence[RegistryRow]) -> list[Written]:
        """Write these rows (each insured ID at most once); the outcome of each, in order.

        When the database fails, nothing of this call is remembered: the caller rolls the
        batch back (a SAVEPOINT) and may retry its rows one by one.
        """
        learned: list[str] = []
        try:
            policies = await self._write_policies(rows, learned)
            return await self._write_persons(rows, policies)
        except BaseException:
            self._policies.forget(learned)
            raise

    async def _write_policies(
        self, rows: Sequence[RegistryRow], learned: list[str]
    ) -> dict[str, int]:
        """The `_state` of each policy of these rows, written first where new or changed; the
        numbers this import meets for the first time are added to `learned`."""
        numbers = list(map(_NUMBER, rows))
        known = self._policies.many(set(numbers))
        states = {number: int(value) for number, value in known.items()}
        # each policy's first row in the batch (the last of the pairs read backwards)
        firsts = dict(zip(reversed(numbers), reversed(rows), strict=True))
        wanted: dict[str, tuple[Any, ...]] = {
            number: _POLICY_FIELDS(firsts[number])
            for number in dict.fromkeys(numbers)
            if number not in states
        }
        if not wanted:
            return states
        stored = await repo.policies_by_number(self.session, wanted)
        new: list[tuple[Any, ...]] = []  # repo.NEW_POLICY
        changed: list[tuple[Any, ...]] = []  # repo.CHANGED_POLICY
        for number, fields in wanted.items():
            found = stored.get(number)
            if found is None:
                new.append((number, *fields))
            elif found[1] != fields:
                changed.append((found[0], *fields))
                states[number] = _state(found[0], changed=True)
            else:
                states[number] = _state(found[0], changed=False)
        await repo.update_policies(self.session, changed, self.now)
        created = await repo.insert_policies(self.session, new, self.now)
        for number, policy_id in created.items():
            states[number] = _state(policy_id, changed=True)
        self._policies.add(zip(wanted, map(states.__getitem__, wanted), strict=True))
        learned.extend(wanted)
        return states

    async def _write_persons(
        self, rows: Sequence[RegistryRow], policies: dict[str, int]
    ) -> list[Written]:
        columns = list(zip(*rows, strict=True))  # RegistryRow's, a tuple each
        ids = columns[6]
        stored = await repo.persons_by_insured_id(self.session, ids)
        policy_ids = {number: state >> 1 for number, state in policies.items()}
        # each row's columns as stored: policy id, full name, birth date, phone, relation
        stored_columns = (list(map(policy_ids.__getitem__, columns[0])), *columns[7:])
        if not stored:  # all new (a first import)
            new_rows = list(zip(ids, *stored_columns, strict=True))
            await repo.insert_persons(self.session, new_rows, self.now)
            return [ADDED] * len(rows)
        fields = zip(*stored_columns, strict=True)
        new: list[tuple[Any, ...]] = []  # repo.NEW_PERSON
        changed: list[tuple[Any, ...]] = []  # repo.CHANGED_PERSON
        written: list[Written] = []
        for row, insured_id, row_fields in zip(rows, ids, fields, strict=True):
            found = stored.get(insured_id)
            if found is None:
                new.append((insured_id, *row_fields))
                written.append(ADDED)
            elif found[1] != row_fields:
                changed.append((found[0], *row_fields))
                written.append(Written(Outcome.UPDATED, found[1][3]))
            elif policies[row.policy_number] & 1:  # its policy changed
                written.append(Written(Outcome.UPDATED, found[1][3]))
            else:
                written.append(_UNCHANGED)
        await repo.update_persons(self.session, changed, self.now)
        await repo.insert_persons(self.session, new, self.now)
        return written
