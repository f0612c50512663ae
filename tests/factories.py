"""Test data builders."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InsuredPerson, Member, Policy

_seq = itertools.count(1)
# rows made by the factories are stamped with a fixed moment, never the machine's clock
STAMP = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


async def make_policy(
    session: AsyncSession,
    *,
    number: str | None = None,
    holder_type: str = "individual",
    contract_signed: date = date(2026, 1, 10),
    coverage_start: date = date(2026, 1, 25),
    coverage_end: date = date(2026, 12, 31),
    program: str = "Standard",
) -> Policy:
    policy = Policy(
        # (above the numbers tests write out, "SPH-2026-0042": a test that stores one and a
        # default policy never has the two collide, whatever the order tests run in)
        number=number or f"SPH-2026-{10_000 + next(_seq)}",
        program=program,
        holder_type=holder_type,
        contract_signed=contract_signed,
        coverage_start=coverage_start,
        coverage_end=coverage_end,
        updated_at=STAMP,
    )
    session.add(policy)
    await session.flush()
    return policy


async def make_person(
    session: AsyncSession,
    policy: Policy,
    *,
    insured_id: str | None = None,
    full_name: str = "Olena Kovalenko",
    birth_date: date = date(1984, 3, 5),
    phone: str | None = "+380501112233",
    relation: str = "self",
) -> InsuredPerson:
    assert policy.id is not None
    person = InsuredPerson(
        insured_id=insured_id or f"UA-{200000 + next(_seq)}",
        policy_id=policy.id,
        full_name=full_name,
        birth_date=birth_date,
        phone=phone,
        relation=relation,
        updated_at=STAMP,
    )
    session.add(person)
    await session.flush()
    return person


async def make_member(session: AsyncSession, telegram_id: int = 1001, **fields: object) -> Member:
    fields.setdefault("created_at", STAMP)
    member = Member(telegram_id=telegram_id, language="en", **fields)  # type: ignore[arg-type]
    session.add(member)
    await session.flush()
    return member
