"""Registry import across batch boundaries (issue 12, goal 2): the rules across rows and the
outcomes of a policy hold when a family's rows fall in two batches, while the import keeps what it
has seen outside Python's heap (memory flat in the row count)."""

from __future__ import annotations

import gc
import random
import tracemalloc
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.phones import normalize_phone
from bot.services.registry import COLUMNS, child
from bot.services.registry.importer import ImportReport, import_registry
from bot.services.registry.rows import (
    RegistryRow,
    RejectedRow,
    RowChecker,
    canonical_id,
    mask_id,
    validate_row,
)
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
        assert seen.add([("B", "x"), ("A", 5)]) == 1  # A was known
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
        checker._dates.clear()
        checker._phones.clear()
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
    finally:
        checker.close()
    assert grown < 20_000 * 10


# --- the checker against the rules told row by row ------------------------------------------

TODAY = date(2026, 11, 22)
# each column's texts: valid ones first, then what a file gets wrong (spaces, case, blanks,
# lengths, dates that are not, births out of range, phones that are not, choices that are not)
VALUES = {
    "policy_number": (["SIP-1", "sip-1", " SIP 1 ", "SIP-2", "SIP-3"], ["", "X" * 65]),
    "program": (["Family Plus", "Family  Plus ", "Premium"], ["", "P" * 201]),
    "holder_type": (["individual", " Corporate "], ["bogus", ""]),
    "contract_signed": (
        ["2026-01-01", "2026-02-01"],
        ["2027-06-01", "01.01.2026", "", "2026-02-30"],
    ),
    "coverage_start": (["2026-01-16", "2026-03-01"], ["", "2026-13-01", "2027-02-01"]),
    "coverage_end": (["2026-12-31", "2027-01-15"], ["2026-01-10", ""]),
    "insured_id": (["UA-1", "ua-1", "UA 2", "UA-3"], ["", "Z" * 65]),
    "full_name": (["Anna  Ivanova", " Olga "], ["", "N" * 201]),
    "birth_date": (
        ["1980-01-01", "1900-01-01", "2026-11-22"],
        ["1899-12-31", "2026-11-23", "1.1.1980", ""],
    ),
    "phone": (
        ["+380501112233", "050 111 22 33", "", "8 701 123 45 67", "+77011234567"],
        ["12345", "+1 800 234 567", "abc"],
    ),
    "relation": (["self", "Child", " spouse"], ["cousin", ""]),
}
POLICY_COLUMNS = list(VALUES)[:6]


def messy_file(rng: random.Random, count: int) -> Rows:
    """Rows as files come: a policy's rows together (most of the time), each column mostly
    valid, insured IDs that repeat, a column now and then missing from a row."""

    def text(name: str) -> str:
        valid, wrong = VALUES[name]
        return rng.choice(wrong if rng.random() < 0.06 else valid)

    rows: Rows = []
    for line in range(2, count + 2):
        if rows and rng.random() < 0.6:  # the previous row's policy, perhaps written otherwise
            raw = {name: rows[-1][1].get(name, "") for name in POLICY_COLUMNS}
            if rng.random() < 0.1:
                changed = rng.choice(POLICY_COLUMNS)
                raw[changed] = text(changed)
        else:  # a new policy, now and then one written before (or written otherwise)
            raw = {name: text(name) for name in POLICY_COLUMNS}
            if rng.random() < 0.85:
                raw["policy_number"] = f"SIP-{line}"
        raw |= {name: text(name) for name in list(VALUES)[6:]}
        raw["insured_id"] = (
            f"UA-{rng.randrange(count * 2)}" if rng.random() < 0.9 else text("insured_id")
        )
        if rng.random() < 0.03:
            del raw[rng.choice(list(VALUES))]
        rows.append((line, raw))
    return rows


def told_row_by_row(rows: Rows) -> list[RegistryRow | RejectedRow]:
    """The rules as the import tells them, one row after another: the row's own reasons (in
    `validate_row`'s order), then an insured ID seen before, then a policy whose columns differ
    from its first accepted row's."""
    id_lines: dict[str, int] = {}
    policies: dict[str, tuple[int, tuple[object, ...]]] = {}
    told: list[RegistryRow | RejectedRow] = []
    for line, raw in rows:
        result = validate_row(raw, TODAY)
        reasons = list(result) if isinstance(result, list) else []
        raw_id = canonical_id(raw.get("insured_id", ""))
        if raw_id and id_lines.setdefault(raw_id, line) != line:
            reasons.append(f"duplicate insured_id, first seen on line {id_lines[raw_id]}")
        if isinstance(result, RegistryRow):
            first = policies.get(result.policy_number)
            fields = result[1:6]  # POLICY_FIELDS
            if first is not None and first[1] != fields:
                names = [
                    n
                    for n, a, b in zip(POLICY_COLUMNS[1:], first[1], fields, strict=True)
                    if a != b
                ]
                verb = "differs" if len(names) == 1 else "differ"
                reasons.append(
                    f"policy {result.policy_number}: {', '.join(names)} {verb} from line {first[0]}"
                )
            if not reasons and first is None:
                policies[result.policy_number] = (line, fields)
        told.append(RejectedRow(line, mask_id(raw_id), tuple(reasons)) if reasons else result)
    return told


@pytest.mark.parametrize("seed", range(40))
def test_the_checker_tells_each_row_what_the_rules_row_by_row_tell(seed: int) -> None:
    """A batch is checked a column at a time (rows.RowChecker): for files with every kind of
    mistake, read in batches of any size, each row's outcome is the row-by-row one, typed values
    and reasons (their order too) alike."""
    rng = random.Random(seed)
    rows = messy_file(rng, rng.randrange(150, 400))
    checker = RowChecker(TODAY)
    checked: list[RegistryRow | RejectedRow] = []
    try:
        start = 0
        while start < len(rows):
            size = rng.choice((1, 2, 7, 30, 120))
            checked += checker.check_many(rows[start : start + size])
            start += size
    finally:
        checker.close()
    expected = told_row_by_row(rows)
    assert checked == expected
    # the same rows as the child reads them (`read_cells`: texts in COLUMNS' order, untrimmed)
    cells = [(line, tuple(raw.get(name, "") for name in COLUMNS)) for line, raw in rows]
    checker = RowChecker(TODAY)
    try:
        assert checker.check_many(cells[:150]) + checker.check_many(cells[150:]) == expected
    finally:
        checker.close()
    assert [type(result) for result in checked] == [type(result) for result in expected]
    kinds = {
        reason.split(":")[0].split(",")[0]
        for r in expected
        if isinstance(r, RejectedRow)
        for reason in r.reasons
    }
    assert sum(isinstance(r, RegistryRow) for r in expected) > len(rows) / 4
    assert {"duplicate insured_id", "birth_date", "phone"} <= kinds
