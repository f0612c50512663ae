"""Registry import across batch boundaries (issue 12, goal 2): the rules across rows and the
outcomes of a policy hold when a family's rows fall in two batches, while the import keeps what it
has seen outside Python's heap (memory flat in the row count)."""

from __future__ import annotations

import gc
import tracemalloc
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.phones import normalize_phone
from bot.services.registry import child
from bot.services.registry.importer import ImportReport, import_registry
from bot.services.registry.rows import RegistryRow, RowChecker
from bot.services.registry.seen import Seen
from storage.models import InsuredPerson, Policy

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
Factory = async_sessionmaker[AsyncSession]
Rows = list[tuple[int, dict[str, str]]]
BATCH = 4  # rows read per batch in these tests: a family of four straddles lines 4-7


def person(line: int, policy: str, phone: str, relation: str = "child") -> dict[str, str]:
    return {
        "policy_number": policy,
        "program": "Family Plus",
        "holder_type": "individual",
        "contract_signed": "2026-01-01",
        "coverage_start": "2026-01-16",
        "coverage_end": "2026-12-31",
        "insured_id": f"UA-{800000 + line}",
        "full_name": f"Person {line}",
        "birth_date": "1980-01-01",
        "phone": phone,
        "relation": relation,
    }


def family_file() -> Rows:
    """Lines 2-3 one policy; lines 4-7 a family of four on one phone (national form), split by
    the batch boundary after line 5; lines 8-9 another policy."""
    rows = [
        (2, person(2, "SIP-1", "+380500000002", "self")),
        (3, person(3, "SIP-1", "+380500000003", "spouse")),
    ]
    rows += [
        (line, person(line, "SIP-2", "050 111 22 33", "self" if line == 4 else "child"))
        for line in range(4, 8)
    ]
    rows += [(8, person(8, "SIP-3", "+380500000008", "self"))]
    rows += [(9, person(9, "SIP-3", "+380500000009", "spouse"))]
    return rows


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(child, "BATCH", BATCH)


async def run(db: Factory, rows: Rows, now: datetime = NOW) -> ImportReport:
    async with db() as session, session.begin():
        return await import_registry(session, rows, now)


async def stored(db: Factory) -> tuple[dict[str, InsuredPerson], dict[str, Policy]]:
    async with db() as session:
        cards = (await session.execute(select(InsuredPerson))).scalars()
        policies = (await session.execute(select(Policy))).scalars()
        return {c.insured_id: c for c in cards}, {p.number: p for p in policies}


def outcome(report: ImportReport) -> tuple[int, int, int, int]:
    return report.added, report.updated, report.unchanged, len(report.rejected)


@pytest.mark.usefixtures("small_batches")
async def test_a_family_split_by_the_batch_boundary_is_one_policy_with_one_phone(
    session_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []

    def counting(text: str, region: str = "UA") -> str | None:
        parsed.append(text)
        return normalize_phone(text, region)

    monkeypatch.setattr("bot.services.registry.rows.normalize_phone", counting)

    report = await run(session_factory, family_file())

    assert outcome(report) == (8, 0, 0, 0)
    cards, policies = await stored(session_factory)
    assert sorted(policies) == ["SIP-1", "SIP-2", "SIP-3"]
    family = [cards[f"UA-{800000 + line}"] for line in range(4, 8)]
    assert {card.policy_id for card in family} == {policies["SIP-2"].id}
    # the family's phone, written once in the national form, parsed once, stored for each row
    assert [card.phone for card in family] == ["+380501112233"] * 4
    assert parsed.count("050 111 22 33") == 1
    assert len(parsed) == len(set(parsed))


@pytest.mark.usefixtures("small_batches")
async def test_reimport_unchanged_across_batches_writes_nothing(session_factory: Factory) -> None:
    await run(session_factory, family_file())

    report = await run(session_factory, family_file(), now=LATER)

    assert outcome(report) == (0, 0, 8, 0)
    assert report.touched_phones == set()
    cards, policies = await stored(session_factory)
    assert {card.updated_at for card in cards.values()} == {NOW}
    assert {policy.updated_at for policy in policies.values()} == {NOW}


@pytest.mark.usefixtures("small_batches")
async def test_a_policy_changed_in_one_batch_counts_as_changed_for_its_rows_in_the_next(
    session_factory: Factory,
) -> None:
    await run(session_factory, family_file())
    rows = family_file()
    for _, values in rows:
        if values["policy_number"] == "SIP-2":
            values["coverage_end"] = "2027-06-30"

    report = await run(session_factory, rows, now=LATER)

    # the policy is written by the first batch; its cards in the second are still "updated"
    assert outcome(report) == (0, 4, 4, 0)
    cards, policies = await stored(session_factory)
    assert policies["SIP-2"].coverage_end == date(2027, 6, 30)
    assert policies["SIP-2"].updated_at == LATER
    assert cards["UA-800007"].updated_at == NOW  # the card itself did not change


@pytest.mark.usefixtures("small_batches")
async def test_rules_across_rows_hold_across_batches(session_factory: Factory) -> None:
    rows = family_file()
    rows[5][1]["program"] = "Premium"  # line 7, second batch: differs from line 4
    rows.append((10, rows[0][1] | {"full_name": "Someone Else"}))  # line 2's insured ID again

    report = await run(session_factory, rows)

    assert outcome(report) == (7, 0, 0, 2)
    assert [(r.line, r.reasons) for r in report.rejected] == [
        (7, ("policy SIP-2: program differs from line 4",)),
        (10, ("duplicate insured_id, first seen on line 2",)),
    ]
    cards, policies = await stored(session_factory)
    assert policies["SIP-2"].program == "Family Plus"
    assert cards["UA-800002"].full_name == "Person 2"


def test_seen_keeps_the_first_value_of_each_key_and_forgets_on_request() -> None:
    seen = Seen()
    try:
        assert seen.first("A", 2) is None
        assert seen.first("A", 9) == 2
        seen.add([("B", "x"), ("A", 5)])
        assert seen.many(["A", "B", "C"]) == {"A": 2, "B": "x"}
        assert seen.many([f"K{n}" for n in range(1200)]) == {}  # more keys than one IN list
        seen.forget(["A"])
        assert seen.get("A") is None
        assert len(seen) == 1
    finally:
        seen.close()


def test_the_checker_keeps_no_python_object_per_row() -> None:
    """What the rules across rows remember stays out of Python's heap: checking 20,000 rows
    leaves well under 10 bytes a row there (the dicts of before kept some 250)."""

    def lines(start: int) -> Rows:
        return [
            (line, person(line, f"SIP-{line // 3}", f"+38050{line:07d}"))
            for line in range(start, start + 1000)
        ]

    checker = RowChecker(date(2026, 11, 22))
    try:
        assert all(isinstance(r, RegistryRow) for r in checker.check_many(lines(2)))
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for start in range(1002, 21002, 1000):
            assert all(isinstance(r, RegistryRow) for r in checker.check_many(lines(start)))
        checker._date.cache_clear()
        checker._phone.cache_clear()
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
    finally:
        checker.close()
    assert grown < 20_000 * 10
