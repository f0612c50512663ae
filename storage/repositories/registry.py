"""The registry's tables in bulk: policies by number and cards by insured ID, a batch at a time.

Core statements (no ORM objects): an import of 100,000 rows reads and writes plain tuples.
Portable SQL: `IN` lists of at most a batch of keys, multi-row INSERT and UPDATE by primary key
as executemany. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InsuredPerson, Policy

_policies = Policy.__table__  # type: ignore[attr-defined]
_persons = InsuredPerson.__table__  # type: ignore[attr-defined]

POLICY_COLUMNS = ("program", "holder_type", "contract_signed", "coverage_start", "coverage_end")
PERSON_COLUMNS = ("policy_id", "full_name", "birth_date", "phone", "relation")


async def policies_by_number(
    session: AsyncSession, numbers: Collection[str]
) -> dict[str, tuple[int, tuple[Any, ...]]]:
    """number → (id, (program, holder_type, contract_signed, coverage_start, coverage_end))."""
    if not numbers:
        return {}
    columns = [_policies.c[name] for name in POLICY_COLUMNS]
    result = await session.execute(
        select(_policies.c.number, _policies.c.id, *columns).where(
            _policies.c.number.in_(list(numbers))
        )
    )
    return {number: (id_, tuple(rest)) for number, id_, *rest in result.all()}


async def persons_by_insured_id(
    session: AsyncSession, insured_ids: Collection[str]
) -> dict[str, tuple[int, tuple[Any, ...]]]:
    """insured_id → (id, (policy_id, full_name, birth_date, phone, relation))."""
    if not insured_ids:
        return {}
    columns = [_persons.c[name] for name in PERSON_COLUMNS]
    result = await session.execute(
        select(_persons.c.insured_id, _persons.c.id, *columns).where(
            _persons.c.insured_id.in_(list(insured_ids))
        )
    )
    return {insured_id: (id_, tuple(rest)) for insured_id, id_, *rest in result.all()}


async def insert_policies(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Rows of `number`, the POLICY_COLUMNS and `updated_at`."""
    if rows:
        await session.execute(insert(_policies), list(rows))


async def insert_persons(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Rows of `insured_id`, the PERSON_COLUMNS and `updated_at`."""
    if rows:
        await session.execute(insert(_persons), list(rows))


async def update_policies(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Rows of `key` (the policy's id), the POLICY_COLUMNS and `updated_at`."""
    if rows:
        statement = update(_policies).where(_policies.c.id == bindparam("key"))
        await session.execute(statement, list(rows))


async def update_persons(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    """Rows of `key` (the card's id), the PERSON_COLUMNS and `updated_at`."""
    if rows:
        statement = update(_persons).where(_persons.c.id == bindparam("key"))
        await session.execute(statement, list(rows))
