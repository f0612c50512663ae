"""The sandbox's demo registry tells the same stories on whatever day it is run."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.sandbox.demo import DEMO_AS_OF, DEMO_REGISTRY, demo_registry_for
from bot.services.activation import ActivationRules, activation_opens_on
from bot.services.cards import CardStatus, card_status
from bot.services.registry import read_rows
from bot.services.registry.importer import import_registry
from storage.models import InsuredPerson, Policy


def test_on_its_own_day_the_file_is_the_demo_file_unchanged(tmp_path: Path) -> None:
    written = demo_registry_for(DEMO_AS_OF, tmp_path)
    assert written.read_bytes() == DEMO_REGISTRY.read_bytes()


@pytest.mark.parametrize("today", [DEMO_AS_OF, date(2027, 6, 15), date(2030, 2, 28)])
async def test_waiting_active_and_expired_policies_stay_so_on_any_day(
    tmp_path: Path, session_factory, today: date
) -> None:
    rows = read_rows(demo_registry_for(today, tmp_path))
    async with session_factory.begin() as session:
        report = await import_registry(session, rows, datetime.now(UTC))
    async with session_factory() as session:
        policies = {p.number: p for p in (await session.scalars(select(Policy)))}
        people = {p.insured_id: p for p in (await session.scalars(select(InsuredPerson)))}

    # the bad rows are rejected on the same lines, the 30 good ones are added
    assert [r.line for r in report.rejected] == [32, 33, 34, 35]
    assert report.added == 30
    statuses = {number: card_status(p, today) for number, p in policies.items()}
    assert statuses.pop("SIP-2026-0002") == CardStatus.WAITING
    assert statuses.pop("SPH-2026-0003") == CardStatus.WAITING
    assert statuses.pop("SIP-2025-0007") == CardStatus.EXPIRED
    assert set(statuses.values()) == {CardStatus.ACTIVE}
    # activation opens in 8 days (individual) and in 2 days (corporate), as on the demo's day
    rules = ActivationRules()
    assert (activation_opens_on(policies["SIP-2026-0002"], rules) - today).days == 8
    assert (activation_opens_on(policies["SPH-2026-0003"], rules) - today).days == 2
    # a birth date is what a member types to activate: it never moves
    assert people["KZ-100301"].birth_date == date(1982, 6, 6)
