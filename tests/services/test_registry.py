from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import event, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.cli import run_import
from bot.config import Settings
from bot.sandbox.demo import DEMO_REGISTRY
from bot.services import tickets
from bot.services.phones import normalize_phone
from bot.services.registry import COLUMNS, RegistryFormatError, child, read_rows
from bot.services.registry.importer import ImportReport, import_registry
from bot.services.registry.reader import read_cells
from bot.services.registry.rows import RegistryRow, as_read, validate_row
from bot.services.registry_report import rejected_csv
from storage.db import create_engine, create_session_factory, migrate
from storage.models import CardLink, InsuredPerson, Notification, Policy, SupportTicket
from tests.factories import make_member

DEMO = DEMO_REGISTRY
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
FAMILY_PHONE = "+380501112233"
DEMO_REJECTED = [
    (32, "UA-•••01", ("birth_date: not a date in YYYY-MM-DD",)),
    (33, "UA-•••02", ("phone: not a valid phone number",)),
    (34, "KZ-•••01", ("holder_type: must be individual or corporate",)),
    (35, "", ("insured_id: empty",)),
]

DATE_COLUMNS = {"contract_signed", "coverage_start", "coverage_end", "birth_date"}

Rows = list[tuple[int, dict[str, str]]]
Factory = async_sessionmaker[AsyncSession]


@pytest.fixture
def db(session_factory: Factory) -> Factory:
    # the shared database: SQLite, and PostgreSQL too when TEST_POSTGRES_URL is set
    return session_factory


async def run(
    db: Factory, rows: Iterable[tuple[int, dict[str, str]]], now: datetime = NOW
) -> ImportReport:
    async with db() as session, session.begin():
        return await import_registry(session, rows, now)


async def persons(db: Factory) -> dict[str, InsuredPerson]:
    async with db() as session:
        found = (await session.execute(select(InsuredPerson))).scalars()
        return {person.insured_id: person for person in found}


async def policies(db: Factory) -> dict[str, Policy]:
    async with db() as session:
        return {p.number: p for p in (await session.execute(select(Policy))).scalars()}


def demo_rows() -> Rows:
    return list(read_rows(DEMO))


def cli_settings(tmp_path: Path) -> Settings:
    """What `run_bot.py import-registry` reads, on an SQLite file of the test's own."""
    return Settings(
        bot_token="123456:TEST-token",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/cli.db",
        _env_file=None,  # type: ignore[call-arg]
    )


def rejected(report: ImportReport) -> list[tuple[int, str, tuple[str, ...]]]:
    return [(r.line, r.insured_id, r.reasons) for r in report.rejected]


def row(**overrides: str) -> dict[str, str]:
    base = {
        "policy_number": "SIP-2026-0500",
        "program": "Standard",
        "holder_type": "individual",
        "contract_signed": "2026-01-01",
        "coverage_start": "2026-01-16",
        "coverage_end": "2026-12-31",
        "insured_id": "UA-500001",
        "full_name": "Тест Тестович",
        "birth_date": "1980-01-01",
        "phone": "+380500005001",
        "relation": "self",
    }
    return base | overrides


def write_csv(path: Path, rows: Rows, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(COLUMNS)
        writer.writerows([[values[name] for name in COLUMNS] for _, values in rows])
    return path


# --- the demo file ---------------------------------------------------------------------------


async def test_demo_file_imports_30_people_and_reports_the_4_bad_rows(db: Factory) -> None:
    report = await run(db, demo_rows())

    assert (report.added, report.updated, report.unchanged) == (30, 0, 0)
    assert rejected(report) == DEMO_REJECTED
    stored = await persons(db)
    assert len(stored) == 30
    assert len(await policies(db)) == 13
    family = sorted(pid for pid, p in stored.items() if p.phone == FAMILY_PHONE)
    assert family == ["UA-200101", "UA-200102", "UA-200103"]
    assert stored["UA-200103"].relation == "child"
    assert sorted(pid for pid, p in stored.items() if p.phone is None) == [
        "KZ-100301",
        "UA-200006",
    ]
    assert report.touched_phones == {p.phone for p in stored.values() if p.phone}
    assert len(report.touched_phones) == 26
    assert all(p.updated_at == NOW for p in stored.values())


async def test_demo_waiting_and_expired_policies_carry_their_dates(db: Factory) -> None:
    await run(db, demo_rows())

    stored = await policies(db)
    assert stored["SIP-2026-0002"].contract_signed == date(2026, 11, 15)
    assert stored["SIP-2026-0002"].coverage_start == date(2026, 11, 30)
    assert stored["SPH-2026-0003"].holder_type == "corporate"
    assert stored["SPH-2026-0003"].contract_signed == date(2026, 11, 21)
    assert stored["SIP-2025-0007"].coverage_end == date(2025, 12, 31)


async def test_reimporting_the_same_file_changes_nothing(db: Factory) -> None:
    await run(db, demo_rows())

    report = await run(db, demo_rows(), now=LATER)

    assert (report.added, report.updated, report.unchanged) == (0, 0, 30)
    assert rejected(report) == DEMO_REJECTED
    assert report.touched_phones == set()
    assert all(p.updated_at == NOW for p in (await persons(db)).values())
    assert all(p.updated_at == NOW for p in (await policies(db)).values())


async def test_reimport_of_unchanged_rows_reads_in_batches_and_writes_nothing(
    db: Factory, engine: AsyncEngine
) -> None:
    rows = [
        (line, row(policy_number=f"SIP-2026-{line // 3:04d}", insured_id=f"UA-{700000 + line}"))
        for line in range(2, 2502)
    ]
    await run(db, rows)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement.split(None, 1)[0].upper())

    event.listen(engine.sync_engine, "before_cursor_execute", seen)
    try:
        report = await run(db, rows, now=LATER)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", seen)

    assert report.unchanged == 2500
    assert "INSERT" not in statements
    assert "UPDATE" not in statements
    # policies and cards looked up once each per batch (of child.BATCH rows at most)
    batches = -(-2500 // child.BATCH)
    assert statements.count("SELECT") <= batches * 2 + 1


async def test_each_distinct_phone_is_parsed_once(
    db: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []

    def counting(text: str, region: str = "UA") -> str | None:
        parsed.append(text)
        return normalize_phone(text, region)

    monkeypatch.setattr("bot.services.registry.rows.normalize_phone", counting)
    rows = demo_rows()

    await run(db, rows)

    phones = [values["phone"].strip() for _, values in rows if values["phone"].strip()]
    assert len(phones) > len(set(phones))  # families share a phone in the demo file
    assert sorted(parsed) == sorted(set(phones))


async def test_changed_phone_and_name_are_updated_and_touch_old_and_new_phones(
    db: Factory,
) -> None:
    await run(db, demo_rows())
    rows = demo_rows()
    by_id = {values["insured_id"]: values for _, values in rows}
    by_id["UA-200001"]["phone"] = "050 000 99 99"
    by_id["KZ-100002"]["full_name"] = "Абенов Нурлан"
    by_id["KZ-100001"]["phone"] = "8 701 000 01 01"  # the same number, as Kazakh files write it

    report = await run(db, rows, now=LATER)

    assert (report.added, report.updated, report.unchanged) == (0, 2, 28)
    assert report.touched_phones == {"+380500000101", "+380500009999", "+77020000202"}
    stored = await persons(db)
    assert stored["UA-200001"].phone == "+380500009999"
    assert stored["KZ-100002"].full_name == "Абенов Нурлан"
    assert stored["KZ-100001"].phone == "+77010000101"
    assert stored["UA-200001"].updated_at == LATER
    assert stored["UA-200002"].updated_at == NOW


async def test_phone_removed_from_a_card_touches_the_old_phone(db: Factory) -> None:
    await run(db, [(2, row())])

    report = await run(db, [(2, row(phone=""))], now=LATER)

    assert report.updated == 1
    assert report.touched_phones == {"+380500005001"}
    assert (await persons(db))["UA-500001"].phone is None


async def test_changed_policy_dates_update_every_card_of_the_policy(db: Factory) -> None:
    await run(db, demo_rows())
    rows = demo_rows()
    for _, values in rows:
        if values["policy_number"] == "SIP-2026-0001":
            values["coverage_end"] = "2027-06-30"

    report = await run(db, rows, now=LATER)

    assert (report.updated, report.unchanged) == (3, 27)
    assert report.touched_phones == {FAMILY_PHONE}
    policy = (await policies(db))["SIP-2026-0001"]
    assert policy.coverage_end == date(2027, 6, 30)
    assert policy.updated_at == LATER
    assert (await persons(db))["UA-200101"].updated_at == NOW


async def test_card_moved_to_another_policy_is_updated(db: Factory) -> None:
    await run(db, [(2, row())])

    report = await run(db, [(2, row(policy_number="SIP-2026-0501"))], now=LATER)

    assert report.updated == 1
    stored = await policies(db)
    assert (await persons(db))["UA-500001"].policy_id == stored["SIP-2026-0501"].id


# --- rules across rows -----------------------------------------------------------------------


async def test_second_row_with_the_same_insured_id_is_rejected(db: Factory) -> None:
    rows = [
        (2, row(full_name="Перший Запис")),
        (3, row(insured_id="UA-500002", phone="+380500005002")),
        (4, row(insured_id=" ua-500001 ", full_name="Другий Запис")),
    ]

    report = await run(db, rows)

    assert report.added == 2
    assert rejected(report) == [(4, "UA-•••01", ("duplicate insured_id, first seen on line 2",))]
    assert (await persons(db))["UA-500001"].full_name == "Перший Запис"


async def test_row_disagreeing_with_an_earlier_row_of_its_policy_is_rejected(
    db: Factory,
) -> None:
    rows = [
        (2, row()),
        (3, row(insured_id="UA-500002", program="Premium", coverage_end="2027-01-31")),
        (4, row(insured_id="UA-500003", relation="child")),
    ]

    report = await run(db, rows)

    assert report.added == 2
    assert rejected(report) == [
        (3, "UA-•••02", ("policy SIP-2026-0500: program, coverage_end differ from line 2",))
    ]
    assert (await policies(db))["SIP-2026-0500"].program == "Standard"


async def test_all_reasons_of_a_row_are_reported_together(db: Factory) -> None:
    rows = [(7, row(insured_id="", birth_date="01.02.1980", phone="123", relation="cousin"))]

    report = await run(db, rows)

    assert rejected(report) == [
        (
            7,
            "",
            (
                "insured_id: empty",
                "relation: must be self, spouse, child or other",
                "birth_date: not a date in YYYY-MM-DD",
                "phone: not a valid phone number",
            ),
        )
    ]
    assert await persons(db) == {}


async def test_import_does_not_commit(db: Factory) -> None:
    async with db() as session:
        report = await import_registry(session, demo_rows(), NOW)
        assert report.added == 30
    # The session closed without a commit: the caller owns the transaction.

    assert await persons(db) == {}
    assert await policies(db) == {}


# --- a database error costs only its own row ---------------------------------------------------


async def _fail_on(db: Factory, when: str, sql_event: str = "INSERT") -> None:
    """A trigger plays the failing database (neither engine fails a valid row by itself)."""
    async with db() as session, session.begin():
        if session.bind.dialect.name == "postgresql":
            await session.execute(
                text(
                    "CREATE OR REPLACE FUNCTION fail_one() RETURNS trigger LANGUAGE plpgsql AS "
                    f"$$ BEGIN IF {when} THEN RAISE EXCEPTION 'simulated failure'; END IF; "
                    "RETURN NEW; END $$"
                )
            )
            await session.execute(
                text(
                    f"CREATE TRIGGER fail_one BEFORE {sql_event} ON insured_persons "
                    "FOR EACH ROW EXECUTE FUNCTION fail_one()"
                )
            )
            return
        await session.execute(
            text(
                f"CREATE TRIGGER fail_one BEFORE {sql_event} ON insured_persons "
                f"WHEN {when} BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"
            )
        )


async def test_database_error_on_one_insert_rolls_back_only_that_row(db: Factory) -> None:
    await _fail_on(db, "NEW.insured_id = 'UA-200201'")

    report = await run(db, demo_rows())

    assert (report.added, report.updated) == (29, 0)
    assert (18, "UA-•••01", ("database error: simulated failure",)) in rejected(report)
    assert len(report.rejected) == 5
    assert "UA-200201" not in await persons(db)
    # UA-200201 was the only card of SIP-2026-0002: its policy went with it, nothing partial.
    assert "SIP-2026-0002" not in await policies(db)
    assert "+380970000606" not in report.touched_phones


async def test_a_row_the_database_refused_is_in_the_rejected_file_and_imports_from_it(
    db: Factory, tmp_path: Path
) -> None:
    """A valid row's text as read does not travel with it (docs/performance.md, "Registry
    import"): the CSV of rejected rows writes it out again from its values, and staff send that
    file back once the cause is gone."""
    await _fail_on(db, "NEW.insured_id = 'UA-200201'")
    rows = demo_rows()
    as_read = dict(rows)[18]

    report = await run(db, rows)

    assert report.originals[18] == as_read
    async with db() as session, session.begin():
        await session.execute(
            text("DROP TRIGGER fail_one ON insured_persons")
            if session.bind.dialect.name == "postgresql"
            else text("DROP TRIGGER fail_one")
        )
    sent_back = tmp_path / "rejected.csv"
    sent_back.write_bytes(rejected_csv(report, report.originals))
    again = await run(
        db,
        [
            (line, values)
            for line, values in read_rows(sent_back)
            if values["insured_id"] == "UA-200201"
        ],
    )
    assert (again.added, again.rejected) == (1, [])
    stored = (await persons(db))["UA-200201"]
    assert (stored.full_name, stored.birth_date, stored.phone) == (
        "Савчук Марія Юріївна",
        date(1991, 4, 4),
        "+380970000606",
    )


async def test_database_error_on_one_update_keeps_the_stored_card(db: Factory) -> None:
    await run(db, demo_rows())
    await _fail_on(db, "NEW.insured_id = 'UA-200001'", sql_event="UPDATE")
    rows = demo_rows()
    by_id = {values["insured_id"]: values for _, values in rows}
    by_id["UA-200001"]["phone"] = "+380500009999"
    by_id["UA-200002"]["phone"] = "+380500008888"

    report = await run(db, rows, now=LATER)

    assert (report.updated, report.unchanged) == (1, 28)
    assert (9, "UA-•••01", ("database error: simulated failure",)) in rejected(report)
    assert report.touched_phones == {"+380670000202", "+380500008888"}
    stored = await persons(db)
    assert stored["UA-200001"].phone == "+380500000101"
    assert stored["UA-200002"].phone == "+380500008888"


async def test_error_in_a_later_batch_loses_no_other_row(db: Factory) -> None:
    # 1200 rows cross the 500-row batches; rows share policies across a batch boundary.
    rows = [
        (
            line,
            row(
                policy_number=f"SIP-2026-{(line - 2) // 3:04d}",
                insured_id=f"UA-{600000 + line}",
                phone=f"+38050{1000000 + line:07d}",
                relation="self" if line % 3 == 2 else "child",
            ),
        )
        for line in range(2, 1202)
    ]
    await _fail_on(db, "NEW.insured_id = 'UA-600700'")

    report = await run(db, rows)

    assert report.added == 1199
    assert rejected(report) == [(700, "UA-•••00", ("database error: simulated failure",))]
    stored = await persons(db)
    assert len(stored) == 1199
    assert len(await policies(db)) == 400
    assert stored["UA-600701"].policy_id == (await policies(db))["SIP-2026-0233"].id


# --- reading files -----------------------------------------------------------------------------


def test_demo_rows_carry_the_line_numbers_a_person_sees() -> None:
    rows = demo_rows()

    assert [line for line, _ in rows] == list(range(2, 36))
    assert rows[0][1]["insured_id"] == "KZ-100001"


def test_missing_columns_raise_a_format_error_naming_them(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text("policy_number,program,holder_type\nSIP-1,Standard,individual\n")

    with pytest.raises(RegistryFormatError) as error:
        list(read_rows(path))

    assert error.value.missing == COLUMNS[3:]
    assert "insured_id" in str(error.value)


def test_unreadable_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(RegistryFormatError):
        list(read_rows(tmp_path / "absent.csv"))
    (tmp_path / "fake.xlsx").write_text("not a zip")
    with pytest.raises(RegistryFormatError):
        list(read_rows(tmp_path / "fake.xlsx"))
    (tmp_path / "cp1251.csv").write_bytes(",".join(COLUMNS).encode() + "\nПолис".encode("cp1251"))
    with pytest.raises(RegistryFormatError):
        list(read_rows(tmp_path / "cp1251.csv"))


def test_bom_semicolons_and_loose_headers_read_like_the_demo(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    header = ";".join(f"  {name.upper()} " for name in COLUMNS)
    body = [";".join(values[name] for name in COLUMNS) for _, values in demo_rows()]
    path.write_text(header + "\r\n" + "\r\n".join(body) + "\r\n", encoding="utf-8-sig")

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert list(read_rows(path)) == demo_rows()


def test_blank_lines_and_multiline_cells_keep_human_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    first = ",".join(row().values())
    second = ",".join(row(insured_id="UA-500002", program='"Two\nlines"').values())
    third = ",".join(row(insured_id="UA-500003").values())
    path.write_text(f"{','.join(COLUMNS)}\n{first}\n\n{second}\n,,,\n{third}\n")

    lines = [(line, values["insured_id"]) for line, values in read_rows(path)]

    assert lines == [(2, "UA-500001"), (4, "UA-500002"), (7, "UA-500003")]


def test_cells_are_the_rows_as_read_in_column_order_with_their_spaces(tmp_path: Path) -> None:
    """`read_cells` (the child's reader): the same rows and lines as `read_rows`, each as its
    texts in COLUMNS' order, not trimmed; a line of blank cells is still skipped."""
    path = tmp_path / "cells.csv"
    shuffled = list(reversed(COLUMNS))
    first = row(full_name="  Олена   Коваль ")
    second = row(insured_id="UA-500002", program='"Two\nlines"')
    body = [",".join(values[name] for name in shuffled) for values in (first, second)]
    path.write_text(f"{','.join(shuffled)},notes\n{body[0]},x\n \t, ,\n{body[1]}\n")

    cells = list(read_cells(path))
    rows = list(read_rows(path))

    assert [line for line, _ in cells] == [line for line, _ in rows] == [2, 4]
    assert cells[0][1] == tuple(first[name] for name in COLUMNS)
    assert cells[0][1][COLUMNS.index("full_name")] == "  Олена   Коваль "
    assert [as_read(values) for _, values in cells] == [values for _, values in rows]


def _as_spreadsheet_cell(name: str, value: str) -> object:
    """Real spreadsheets hold dates as dates and phones typed without `+` as numbers."""
    if name in DATE_COLUMNS:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    if name == "phone" and value.startswith("+7"):
        return int(value[1:])
    return value


async def test_xlsx_gives_the_same_result_as_csv(tmp_path: Path, db: Factory) -> None:
    path = tmp_path / "registry.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([name.title() for name in COLUMNS])
    for _, values in demo_rows():
        sheet.append([_as_spreadsheet_cell(name, values[name]) for name in COLUMNS])
    workbook.save(path)

    expected = demo_rows()
    for _, values in expected:
        if values["phone"].startswith("+7"):
            values["phone"] = values["phone"][1:]
    assert list(read_rows(path)) == expected
    report = await run(db, read_rows(path))
    assert (report.added, report.updated, report.unchanged) == (30, 0, 0)
    assert rejected(report) == DEMO_REJECTED
    assert (await persons(db))["KZ-100001"].phone == "+77010000101"


# --- one row -----------------------------------------------------------------------------------


def test_valid_row_is_trimmed_and_typed() -> None:
    result = validate_row(
        row(
            insured_id=" ua-500001 ",
            full_name="  Тест   Тестович ",
            holder_type=" Corporate ",
            phone=" 050 000 50 01 ",
            relation="SPOUSE",
        ),
        today=date(2026, 11, 22),
    )

    assert isinstance(result, RegistryRow)
    assert result.insured_id == "UA-500001"
    assert result.full_name == "Тест Тестович"
    assert result.holder_type == "corporate"
    assert result.phone == "+380500005001"
    assert result.relation == "spouse"
    assert result.coverage_end == date(2026, 12, 31)


def test_empty_phone_is_allowed() -> None:
    result = validate_row(row(phone=""), today=date(2026, 11, 22))

    assert isinstance(result, RegistryRow)
    assert result.phone is None


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"coverage_end": "2026-01-10"}, "coverage_end is before coverage_start"),
        ({"birth_date": "2026-11-23"}, "birth_date: in the future"),
        ({"birth_date": "1980-1-1"}, "birth_date: not a date in YYYY-MM-DD"),
        ({"coverage_start": "20260116"}, "coverage_start: not a date in YYYY-MM-DD"),
        ({"contract_signed": "2027-02-01"}, "contract_signed is after coverage_end"),
        ({"full_name": "   "}, "full_name: empty"),
        ({"insured_id": "X" * 65}, "insured_id: longer than 64 characters"),
    ],
)
def test_invalid_row_reason(overrides: dict[str, str], reason: str) -> None:
    assert validate_row(row(**overrides), today=date(2026, 11, 22)) == [reason]


async def test_cli_imports_and_reports_with_line_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = cli_settings(tmp_path)

    assert await run_import(settings, DEMO, clock=lambda: NOW) == 0
    out = capsys.readouterr().out
    assert "added: 30\n" in out
    assert "rejected: 4\n" in out
    assert "line 33 (UA-•••02): phone: not a valid phone number\n" in out
    assert "line 35: insured_id: empty\n" in out

    assert await run_import(settings, DEMO, clock=lambda: LATER) == 0
    assert "unchanged: 30\n" in capsys.readouterr().out


async def test_cli_exits_2_with_one_line_on_a_format_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = cli_settings(tmp_path)
    path = write_csv(tmp_path / "ok.csv", demo_rows())
    path.write_text(path.read_text().replace("relation", "relationship", 1))

    assert await run_import(settings, path, clock=lambda: NOW) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"Cannot import {path}: missing column(s): relation"


async def test_cli_saves_nothing_when_card_linking_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken_relink(session: AsyncSession, phones: set[str], now: datetime) -> list[object]:
        raise OperationalError("relink", {}, Exception("database is gone"))

    monkeypatch.setattr("bot.services.registry.importer.relink_phones", broken_relink)
    settings = cli_settings(tmp_path)

    assert await run_import(settings, DEMO, clock=lambda: NOW) == 1
    err = capsys.readouterr().err
    assert err.startswith("Import failed:") and err.strip().endswith("(nothing was saved)")
    engine = create_engine(settings.database_url)
    async with engine.connect() as conn:
        count = (await conn.execute(text("SELECT count(*) FROM insured_persons"))).scalar()
    await engine.dispose()
    assert count == 0


async def _cli_database(
    tmp_path: Path,
) -> tuple[Settings, AsyncEngine, async_sessionmaker[AsyncSession]]:
    """The CLI's settings on a migrated database of its own, and sessions on it."""
    settings = cli_settings(tmp_path)
    await migrate(settings.database_url)
    engine = create_engine(settings.database_url)
    return settings, engine, create_session_factory(engine)


async def test_cli_links_a_waiting_members_cards_and_queues_their_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Olena confirmed her phone before the insurer sent the registry with her family on it
    settings, engine, factory = await _cli_database(tmp_path)
    async with factory.begin() as session:
        member = await make_member(session, 5005, phone=FAMILY_PHONE, phone_confirmed_at=NOW)

    assert await run_import(settings, DEMO, clock=lambda: NOW) == 0
    assert "members who gained cards: 1 (the bot tells them)\n" in capsys.readouterr().out
    async with factory() as session:
        links = (
            await session.scalars(select(CardLink).where(CardLink.member_id == member.id))
        ).all()
        queued = (await session.scalars(select(Notification))).all()
    assert len(links) == 3
    assert [(n.member_id, n.kind, n.payload) for n in queued] == [
        (member.id, "cards_linked", {"count": 3})
    ]

    # the same file again links nothing new and tells nobody twice
    assert await run_import(settings, DEMO, clock=lambda: LATER) == 0
    assert "members who gained" not in capsys.readouterr().out
    async with factory() as session:
        assert len((await session.scalars(select(Notification))).all()) == 1
    await engine.dispose()


async def test_an_import_that_links_cards_answers_the_member_s_card_not_found_ticket(
    tmp_path: Path,
) -> None:
    """Olena wrote "card not found"; the insurer's next registry has her family on her phone:
    she is told, her ticket is answered and staff are told so in her topic."""
    settings, engine, factory = await _cli_database(tmp_path)
    async with factory.begin() as session:
        member = await make_member(session, 5005, phone=FAMILY_PHONE, phone_confirmed_at=NOW)
        ticket = await tickets.open_no_card_ticket(
            session, member, "SIP-2026-0001", "Kovalenko Olena", NOW
        )

    assert await run_import(settings, DEMO, clock=lambda: NOW) == 0
    async with factory() as session:
        queued = (await session.scalars(select(Notification).order_by(Notification.id))).all()
        stored = await session.get(SupportTicket, ticket.id)
    assert [(n.audience, n.kind, n.payload) for n in queued] == [
        ("staff", "ticket", {"ticket_id": ticket.id}),
        ("member", "cards_linked", {"count": 3}),
        ("staff", "ticket_answered", {"ticket_ids": [ticket.id], "cards": 3}),
    ]
    assert stored is not None and stored.status == "answered"
    await engine.dispose()
