"""A registry import's bulk statements come in a few sizes whatever its batches' counts
(storage/sql.py): the driver prepares each statement text once and keeps it, and texts made for
each count of keys or rows (a read of 1,000 keys, an INSERT of 1,000 rows) filled sqlite3's
statement cache with 20-30 MB of compiled programs, kept in the pool after the import.

Driven through `import_file` (as the bot and the command import a file) on a file whose batches
each hold another number of valid rows (rejected rows between them); what reaches the driver is
read from SQLAlchemy's cursor events."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.services.registry import child
from bot.services.registry.importer import import_file
from bot.services.registry.seen import Seen
from storage.sql import padded

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
BATCH = 250  # rows read per batch here
BAD_ROWS = {2: 9, 3: 31}  # batch -> rows with an unreadable phone, so each batch has its count


def person(line: int, phone: str) -> dict[str, str]:
    return {
        "policy_number": f"SP-{line}",  # a policy of its own: every valid row adds one
        "program": "Standard",
        "holder_type": "individual",
        "contract_signed": "2026-01-01",
        "coverage_start": "2026-01-16",
        "coverage_end": "2026-12-31",
        "insured_id": f"UA-{700000 + line}",
        "full_name": f"Person {line}",
        "birth_date": "1980-01-01",
        "phone": phone,
        "relation": "self",
    }


def registry_file() -> list[tuple[int, dict[str, str]]]:
    rows = []
    for batch in range(3):
        for n in range(BATCH):
            line = 2 + batch * BATCH + n
            bad = n < BAD_ROWS.get(batch + 1, 0)
            rows.append((line, person(line, "not a phone" if bad else f"+38050{line:07d}")))
    return rows


class Sent:
    """What SQLAlchemy hands the driver: each statement's text and how many values it carries
    (an executemany: how many rows)."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, int]] = []

    def __call__(
        self, _c: Any, _cur: Any, statement: str, parameters: Any, _x: Any, many: bool
    ) -> None:
        self.statements.append((" ".join(statement.split()), len(parameters or ())))

    def starting(self, *words: str) -> list[tuple[str, int]]:
        return [(text, n) for text, n in self.statements if text.upper().startswith(words)]


@pytest.fixture
def batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(child, "BATCH", BATCH)


@pytest.mark.usefixtures("batches")
async def test_an_imports_in_lists_and_inserts_come_in_a_few_sizes(
    engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    sent = Sent()
    event.listen(engine.sync_engine, "before_cursor_execute", sent)
    try:
        async with session_factory() as session:  # as the bot and the command import a file
            outcome = await import_file(session, registry_file(), NOW, checkpoint=session.commit)
            await session.commit()
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", sent)
    report = outcome.report
    assert (report.added, len(report.rejected)) == (3 * BATCH - 40, 40)

    # each batch (250, 241 and 219 valid rows) looks up its policies and its cards by key, the
    # ids of the policies it added, and the members with its phones: 12 lists of 3 lengths,
    # padded to 256 (and the few SELECTs' texts, whatever the counts: 4)
    in_lists = [(text, n) for text, n in sent.starting("SELECT") if " IN (" in text]
    assert len(in_lists) == 12
    assert {n for _, n in in_lists} == {256}
    assert len({text for text, _ in in_lists}) == 4

    # every valid row added its own policy: one executemany a batch, one text whatever its rows
    inserts = sent.starting("INSERT INTO POLICIES")
    assert [n for _, n in inserts] == [250, 241, 219]
    assert len({text for text, _ in inserts}) == 1


def test_padded_keys_match_the_same_rows_in_powers_of_two() -> None:
    assert padded([]) == []
    assert padded(["a"]) == ["a"] * 8
    for size in (1, 7, 8, 9, 250, 512, 513, 1000):
        keys = [f"K{n}" for n in range(size)]
        listed = padded(keys)
        assert listed[:size] == keys and set(listed) == set(keys)
        assert len(listed) in {8 * 2**n for n in range(8)} and len(listed) < max(16, 2 * size)
    assert padded({"x", "y", "z"}) and set(padded({"x", "y", "z"})) == {"x", "y", "z"}


def test_seen_asks_for_any_number_of_keys_with_one_statement() -> None:
    seen = Seen()
    texts: set[str] = set()
    seen._db.set_trace_callback(texts.add)
    try:
        seen.add((f"K{n}", n) for n in range(1500))
        texts.clear()
        for count in (1, 3, 100, 511, 700, 1300):
            keys = [f"K{n}" for n in range(0, 2 * count, 2)]
            assert seen.many(keys) == {key: int(key[1:]) for key in keys if int(key[1:]) < 1500}
    finally:
        seen.close()
    # sqlite3 traces each statement with its values in place: every list is 512 long
    lists = [text.partition(" IN (")[2] for text in texts if text.startswith("SELECT")]
    assert len(lists) >= 6
    assert {text.count(",") + 1 for text in lists} == {512}
