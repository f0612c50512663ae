"""The registry's tables in bulk: policies by number and cards by insured ID, a batch at a time.

Core statements (no ORM objects): an import of 100,000 rows reads and writes plain tuples.
Portable SQL: reads by `IN` lists of keys, padded, and INSERT and UPDATE as the driver's
executemany of a one-row statement (`storage/sql.py:execute_many`), so a batch's statements are a
few texts whatever its counts. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InsuredPerson, Policy
from storage.sql import execute_many, select_many

_policies = Policy.__table__  # type: ignore[attr-defined]
_persons = InsuredPerson.__table__  # type: ignore[attr-defined]

POLICY_COLUMNS = ("program", "holder_type", "contract_signed", "coverage_start", "coverage_end")
PERSON_COLUMNS = ("policy_id", "full_name", "birth_date", "phone", "relation")


@lru_cache(maxsize=16)
def _by_key_statement(table: Table, key: str, names: tuple[str, ...]) -> Select[Any]:
    """The read of `_by_key`, built once: its keys go in as one expanding parameter (an `IN`
    list written as values, `.in_(keys)`, is coerced into a bound parameter per key each time
    the statement is built: a tenth of a registry import's writing CPU)."""
    columns = [table.c[name] for name in names]
    return select(table.c[key], table.c.id, *columns).where(
        table.c[key].in_(bindparam("keys", expanding=True))
    )


async def _by_key(
    session: AsyncSession, table: Table, key: str, names: tuple[str, ...], keys: Collection[str]
) -> dict[str, tuple[int, tuple[Any, ...]]]:
    """key → (id, the named columns) of the rows whose `key` column is one of `keys`."""
    if not keys:
        return {}
    rows = await select_many(session, _by_key_statement(table, key, names), "keys", keys)
    return {found: (id_, tuple(rest)) for found, id_, *rest in rows}


async def policies_by_number(
    session: AsyncSession, numbers: Collection[str]
) -> dict[str, tuple[int, tuple[Any, ...]]]:
    """number → (id, (program, holder_type, contract_signed, coverage_start, coverage_end))."""
    return await _by_key(session, _policies, "number", POLICY_COLUMNS, numbers)


async def persons_by_insured_id(
    session: AsyncSession, insured_ids: Collection[str]
) -> dict[str, tuple[int, tuple[Any, ...]]]:
    """insured_id → (id, (policy_id, full_name, birth_date, phone, relation))."""
    return await _by_key(session, _persons, "insured_id", PERSON_COLUMNS, insured_ids)


# the rows the bulk writes take: tuples of these columns, in this order
NEW_POLICY = ("number", *POLICY_COLUMNS)
NEW_PERSON = ("insured_id", *PERSON_COLUMNS)
CHANGED_POLICY = ("key", *POLICY_COLUMNS)  # the key: the policy's id
CHANGED_PERSON = ("key", *PERSON_COLUMNS)  # the card's id


async def insert_policies(
    session: AsyncSession, rows: Sequence[tuple[Any, ...]], updated_at: datetime
) -> dict[str, int]:
    """Rows of NEW_POLICY; number → id of each new policy.

    The driver's executemany, then one read of the new ids by number (padded, as every bulk
    read): SQLAlchemy's many-row `INSERT … RETURNING` builds and processes its parameters per
    row, and cost the writing process more than the INSERT itself (docs/performance.md,
    "Registry import")."""
    if not rows:
        return {}
    stamp = {"updated_at": updated_at}
    await execute_many(session, _INSERT_POLICIES, NEW_POLICY, rows, stamp)
    created = await _by_key(session, _policies, "number", (), [row[0] for row in rows])
    return {number: id_ for number, (id_, _) in created.items()}


_INSERT_POLICIES = insert(_policies)
_INSERT_PERSONS = insert(_persons)
_UPDATE_POLICIES = update(_policies).where(_policies.c.id == bindparam("key"))
_UPDATE_PERSONS = update(_persons).where(_persons.c.id == bindparam("key"))


async def insert_persons(
    session: AsyncSession, rows: Sequence[tuple[Any, ...]], updated_at: datetime
) -> None:
    """Rows of NEW_PERSON."""
    stamp = {"updated_at": updated_at}
    await execute_many(session, _INSERT_PERSONS, NEW_PERSON, rows, stamp)


async def update_policies(
    session: AsyncSession, rows: Sequence[tuple[Any, ...]], updated_at: datetime
) -> None:
    """Rows of CHANGED_POLICY."""
    stamp = {"updated_at": updated_at}
    await execute_many(session, _UPDATE_POLICIES, CHANGED_POLICY, rows, stamp)


async def update_persons(
    session: AsyncSession, rows: Sequence[tuple[Any, ...]], updated_at: datetime
) -> None:
    """Rows of CHANGED_PERSON."""
    stamp = {"updated_at": updated_at}
    await execute_many(session, _UPDATE_PERSONS, CHANGED_PERSON, rows, stamp)
