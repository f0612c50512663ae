"""`storage/sql.py:execute_many`: a bulk INSERT or UPDATE sent to the driver stores each value
as SQLAlchemy's own `session.execute(statement, rows)` stores it (dates, enums, aware datetimes
in another zone), on SQLite and PostgreSQL: the rows are compared as the driver reads them back;
and `select_many`, a read by keys sent to the driver, returns what `session.execute` returns."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, insert, select, text, update

from storage import sql as storage_sql
from storage.models import AuditEntry, InsuredPerson, Relation
from storage.sql import _processed, execute_many, select_many
from tests.factories import make_policy

_persons = InsuredPerson.__table__  # type: ignore[attr-defined]
ALMATY = datetime(2026, 12, 3, 14, 0, tzinfo=ZoneInfo("Asia/Almaty"))


def _row(policy_id: int, n: int) -> dict[str, object]:
    return {
        "insured_id": f"UA-{n}",
        "policy_id": policy_id,
        "full_name": f"Person {n} «Ї»",
        "birth_date": date(1980, 2, n),
        "phone": None if n % 2 else f"+38050000000{n}",
        "relation": Relation.CHILD if n % 2 else Relation.SELF,
        "updated_at": ALMATY,
    }


def _tuples(rows: list[dict[str, object]]) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """Mappings of the same keys as `execute_many` takes them: the keys once, each row's values."""
    keys = tuple(rows[0])
    return keys, [tuple(row[key] for key in keys) for row in rows]


async def _stored(session, ids: list[str]) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    connection = await session.connection()
    found = await connection.exec_driver_sql(
        "SELECT insured_id, full_name, birth_date, phone, relation, updated_at"
        " FROM insured_persons ORDER BY insured_id"
    )
    return [tuple(rest) for insured_id, *rest in found if insured_id in ids]


async def test_rows_are_stored_as_sqlalchemy_stores_them(session) -> None:  # type: ignore[no-untyped-def]
    policy = await make_policy(session)
    assert policy.id is not None
    ours = [_row(policy.id, n) for n in (1, 2, 3)]
    theirs = [{**row, "insured_id": f"X{row['insured_id']}"} for row in ours]
    # the value every row shares given once
    shared = {"updated_at": ours[0]["updated_at"]}
    mine = [{key: value for key, value in row.items() if key not in shared} for row in ours]
    await execute_many(session, insert(_persons), *_tuples(mine), shared)
    await session.execute(insert(_persons), theirs)
    assert await _stored(session, ["UA-1", "UA-2", "UA-3"]) == await _stored(
        session, ["XUA-1", "XUA-2", "XUA-3"]
    )
    assert (await _stored(session, ["UA-1"]))[0][0] == "Person 1 «Ї»"

    # an UPDATE by key
    statement = update(_persons).where(_persons.c.id == bindparam("key"))
    found = await session.execute(text("SELECT insured_id, id FROM insured_persons"))
    ids = {row[0]: row[1] for row in found}
    later = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    change = {"full_name": "Renamed", "relation": Relation.SPOUSE, "updated_at": later}
    await execute_many(
        session,
        statement,
        *_tuples([{"key": ids["UA-2"], **change}, {"key": ids["UA-3"], **change}]),
    )
    await session.execute(
        statement, [{"key": ids["XUA-2"], **change}, {"key": ids["XUA-3"], **change}]
    )
    assert await _stored(session, ["UA-2", "UA-3"]) == await _stored(session, ["XUA-2", "XUA-3"])
    assert (await _stored(session, ["UA-2"]))[0][0] == "Renamed"
    assert await _stored(session, ["UA-1"]) == await _stored(session, ["XUA-1"])  # untouched


async def test_rows_as_tuples_with_their_keys_are_stored_as_mappings_are(session) -> None:  # type: ignore[no-untyped-def]
    """A registry import hands its rows as tuples, their keys named once, and repeats its dates
    and enumerations: each stored as SQLAlchemy stores the same rows as mappings."""
    policy = await make_policy(session)
    assert policy.id is not None
    ours = [{**_row(policy.id, n % 3 + 1), "insured_id": f"R-{n}"} for n in range(9)]
    theirs = [{**row, "insured_id": f"XR-{n}"} for n, row in enumerate(ours)]
    keys = ("insured_id", "policy_id", "full_name", "birth_date", "phone", "relation")
    stamp = {"updated_at": ALMATY}
    await execute_many(
        session, insert(_persons), keys, [tuple(row[key] for key in keys) for row in ours], stamp
    )
    await session.execute(insert(_persons), theirs)
    mine = await _stored(session, [f"R-{n}" for n in range(9)])
    assert mine == await _stored(session, [f"XR-{n}" for n in range(9)])
    assert len(mine) == 9 and len({row[1] for row in mine}) == 3  # three birth dates, thrice


async def test_no_rows_send_nothing(session) -> None:  # type: ignore[no-untyped-def]
    await execute_many(session, insert(_persons), ("insured_id",), [])
    assert await _stored(session, ["UA-1"]) == []


async def test_repeated_and_unhashable_values_are_stored_as_sqlalchemy_stores_them(
    session,  # type: ignore[no-untyped-def]
) -> None:
    """A column's distinct values go through its type's processor once, and a column of values
    that cannot be told apart by hash (JSON) one by one: each stored as SQLAlchemy stores it."""
    policy = await make_policy(session)
    assert policy.id is not None
    ours = [{**_row(policy.id, n % 3 + 1), "insured_id": f"R-{n}"} for n in range(9)]
    theirs = [{**row, "insured_id": f"XR-{n}"} for n, row in enumerate(ours)]
    await execute_many(session, insert(_persons), *_tuples(ours))
    await session.execute(insert(_persons), theirs)
    mine = await _stored(session, [f"R-{n}" for n in range(9)])
    assert mine == await _stored(session, [f"XR-{n}" for n in range(9)])
    assert len({row[1] for row in mine}) == 3  # the birth dates, three times each

    audit = AuditEntry.__table__  # type: ignore[attr-defined]
    entries = [
        {
            "staff_telegram_id": 7,
            "action": "import",
            "details": {"rows": n, "list": [n]},
            "created_at": ALMATY,
        }
        for n in (1, 2, 1)
    ]
    await execute_many(session, insert(audit), *_tuples(entries))
    await session.execute(insert(audit), [{**entry, "staff_telegram_id": 8} for entry in entries])
    connection = await session.connection()
    found = await connection.exec_driver_sql(
        "SELECT staff_telegram_id, details, created_at FROM audit_log ORDER BY id"
    )
    stored = [tuple(row) for row in found]
    assert [rest for staff, *rest in stored if staff == 7] == [
        rest for staff, *rest in stored if staff == 8
    ]


async def test_a_read_by_keys_returns_what_sqlalchemy_returns(session) -> None:  # type: ignore[no-untyped-def]
    """`select_many`: a SELECT with an expanding list of keys, sent to the driver, returns the
    rows `session.execute` returns, its values typed the same (dates, enumerations), keys found
    or not, with as many keys as a batch of an import asks for; and it sees what the session has
    not flushed yet, as `session.execute` does."""
    policy = await make_policy(session)
    assert policy.id is not None
    await execute_many(session, insert(_persons), *_tuples([_row(policy.id, n) for n in (1, 2, 3)]))
    statement = select(
        _persons.c.insured_id, _persons.c.birth_date, _persons.c.relation, _persons.c.phone
    ).where(_persons.c.insured_id.in_(bindparam("keys", expanding=True)))
    keys = ["UA-1", "UA-3", "nobody", *(f"K{n}" for n in range(1500))]
    ours = await select_many(session, statement, "keys", keys)
    theirs = (await session.execute(statement, {"keys": keys})).all()
    assert sorted(ours) == sorted(tuple(row) for row in theirs)
    assert sorted(ours) == [
        ("UA-1", date(1980, 2, 1), Relation.CHILD, None),
        ("UA-3", date(1980, 2, 3), Relation.CHILD, None),
    ]
    assert await select_many(session, statement, "keys", ["nobody"]) == []
    assert await select_many(session, statement, "keys", []) == []

    session.add(
        InsuredPerson(
            insured_id="UA-9",
            policy_id=policy.id,
            full_name="Not flushed",
            birth_date=date(2001, 5, 6),
            phone="+380501112299",
            relation=Relation.SPOUSE,
            updated_at=ALMATY,
        )
    )
    assert await select_many(session, statement, "keys", ["UA-9"]) == [
        ("UA-9", date(2001, 5, 6), Relation.SPOUSE, "+380501112299")
    ]


def test_a_bulk_write_processes_each_distinct_value_once_across_batches(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`_processed` keeps a processor's answers from one batch to the next (a registry's dates
    repeat across batches), within bounds: values that cannot be hashed go one by one, a
    processor keeps at most `_KEPT` answers and at most `_PROCESSORS` processors keep any."""
    monkeypatch.setattr(storage_sql, "_DONE", {})
    calls: list[object] = []

    def process(value: object) -> str:
        calls.append(value)
        return f"<{value}>"

    assert _processed([1, 2, 1], process) == ["<1>", "<2>", "<1>"]
    assert _processed([2, 3, 3], process) == ["<2>", "<3>", "<3>"]
    assert sorted(calls) == [1, 2, 3]  # 2 was not processed again in the second batch
    assert _processed([[1], [1]], process) == ["<[1]>", "<[1]>"]  # JSON: one by one

    monkeypatch.setattr(storage_sql, "_KEPT", 4)
    calls.clear()
    assert _processed([4, 5], process) == ["<4>", "<5>"]  # 3 kept + 2 new > 4: begun again
    assert _processed([1, 4], process) == ["<1>", "<4>"]
    assert sorted(calls) == [1, 4, 5]

    monkeypatch.setattr(storage_sql, "_PROCESSORS", 1)
    other = str
    assert _processed([7], other) == ["7"]
    assert list(storage_sql._DONE) == [other]  # the oldest processor's answers made room
