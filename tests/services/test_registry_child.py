"""A registry file read and checked in a child process while the parent writes (issue 12, goal
2): the same rows, reports and refusals as an import read in one process, the child stopped when
the import stops early."""

from __future__ import annotations

import asyncio
import csv
import gc
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from bot.services.registry import COLUMNS, RegistryFormatError
from bot.services.registry.child import CheckedFile
from bot.services.registry.importer import import_registry, open_registry
from bot.services.registry.reader import Problem, ReadLimits
from tests.fresh_interpreter import run_for_json
from tests.hostile_files import entity_bomb_xlsx, valid_xlsx
from tests.services.test_registry_batches import (
    NOW,
    Factory,
    Rows,
    family_file,
    outcome,
    person,
    stored,
)


def write_csv(path: Path, rows: Rows) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows([[values[name] for name in COLUMNS] for _, values in rows])
    return path


def with_bad_rows() -> Rows:
    """The family file, a duplicate insured ID (line 10, first on line 2), an invalid phone on
    line 11 (phonenumbers refuses it), a policy whose later row differs (line 12)."""
    rows = family_file()
    rows.append((10, {**person(2, "SIP-4", "+380500000010", "self")}))
    rows.append((11, person(11, "SIP-5", "+380 12 345", "self")))
    changed = {**person(12, "SIP-3", "+380500000012"), "program": "Other"}
    rows.append((12, changed))
    return rows


async def test_the_child_imports_what_one_process_imports(
    session_factory: Factory, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "registry.csv", with_bad_rows())
    # batches of 4: the family on lines 4-7 is split between two, the rules hold across them
    checked = CheckedFile(path, NOW.date(), batch_size=4).start()
    async with session_factory() as session, session.begin():
        in_child = await import_registry(session, checked, NOW)
    assert checked.finished and checked.child_peak_mb > 0
    cards, policies = await stored(session_factory)

    assert outcome(in_child) == (8, 0, 0, 3)
    assert [(r.line, r.reasons) for r in in_child.rejected] == [
        (10, ("duplicate insured_id, first seen on line 2",)),
        (11, ("phone: not a valid phone number",)),
        (12, ("policy SIP-3: program differs from line 8",)),
    ]
    assert in_child.originals[11]["phone"] == "+380 12 345"
    assert sorted(policies) == ["SIP-1", "SIP-2", "SIP-3"]
    assert {cards[f"UA-{800000 + line}"].phone for line in range(4, 8)} == {"+380501112233"}

    # the same file read in this process, imported again: all unchanged, the same rejections
    async with session_factory() as session, session.begin():
        again = await import_registry(session, open_registry(path, in_child=False), NOW)
    assert outcome(again) == (0, 0, 8, 3)
    assert [r.reasons for r in again.rejected] == [r.reasons for r in in_child.rejected]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
async def test_a_smaller_first_batch_gets_the_writer_going_and_changes_nothing(
    session_factory: Factory, tmp_path: Path, suffix: str
) -> None:
    """The child's first batch is smaller (the writer waits for it); the rest are full, and the
    import is the one of equal batches, rejections and all."""
    rows = with_bad_rows()
    path = tmp_path / f"registry{suffix}"
    if suffix == ".csv":
        write_csv(path, rows)
    else:
        path.write_bytes(valid_xlsx([[values[name] for name in COLUMNS] for _, values in rows]))
    checked = CheckedFile(path, NOW.date(), batch_size=4, first_batch_size=2).start()
    taken = []
    while not checked.finished:
        batch, rejected, count = await asyncio.to_thread(checked.next_batch)
        taken.append(count)
        assert len(batch) + len(rejected) == count

    assert taken == [2, 4, 4, 1]  # the file's 11 rows

    checked = CheckedFile(path, NOW.date(), batch_size=4, first_batch_size=2).start()
    async with session_factory() as session, session.begin():
        report = await import_registry(session, checked, NOW)
    assert outcome(report) == (8, 0, 0, 3)
    assert [r.line for r in report.rejected] == [10, 11, 12]


async def test_an_xlsx_is_read_by_the_child_and_checked_here(
    session_factory: Factory, tmp_path: Path
) -> None:
    path = tmp_path / "registry.xlsx"
    rows = with_bad_rows()
    path.write_bytes(valid_xlsx([[values[name] for name in COLUMNS] for _, values in rows]))
    checked = CheckedFile(path, NOW.date(), batch_size=4).start()
    assert checked.check_in_child is False  # openpyxl's parse is the heavier half

    async with session_factory() as session, session.begin():
        report = await import_registry(session, checked, NOW)

    assert checked.finished and checked._checker is None
    assert outcome(report) == (8, 0, 0, 3)
    # the lines are the sheet's rows: the family file's lines 2-12 (line 10 follows line 9)
    assert [r.line for r in report.rejected] == [10, 11, 12]
    assert [r.reasons for r in report.rejected] == [
        ("duplicate insured_id, first seen on line 2",),
        ("phone: not a valid phone number",),
        ("policy SIP-3: program differs from line 8",),
    ]


def test_a_header_without_the_columns_is_refused_before_open_returns(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_text("policy_number,program\nSIP-1,Standard\n", encoding="utf-8")

    with pytest.raises(RegistryFormatError) as caught:
        open_registry(path, today=NOW.date(), in_child=True)

    assert caught.value.problem is Problem.COLUMNS
    assert "insured_id" in caught.value.missing


def test_an_entity_bomb_is_refused_by_the_child_as_in_one_process(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(entity_bomb_xlsx())

    with pytest.raises(RegistryFormatError) as caught:
        open_registry(path, today=NOW.date(), in_child=True)

    assert caught.value.problem is Problem.XML_ENTITIES
    assert str(caught.value) == (
        "laughs.xlsx declares XML entities or a DTD (EntitiesForbidden); refused unread"
    )


def test_the_row_cap_refuses_the_file_with_its_details(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "registry.csv", family_file())
    checked = CheckedFile(path, NOW.date(), limits=ReadLimits(max_rows=5), batch_size=4)

    with pytest.raises(RegistryFormatError) as caught:
        checked.start()

    assert caught.value.problem is Problem.TOO_MANY_ROWS
    assert caught.value.details == {"limit": 5}
    assert checked.finished and checked._process is None


async def test_a_stopped_import_stops_its_child(session_factory: Factory, tmp_path: Path) -> None:
    # 5,000 policies in batches of one: more than the pipe holds, so the child is still reading
    rows = [(line, person(line, f"SIP-{line}", "+380500000002", "self")) for line in range(2, 5002)]
    path = write_csv(tmp_path / "registry.csv", rows)
    checked = CheckedFile(path, NOW.date(), batch_size=1).start()
    process = checked._process
    assert process is not None and process.poll() is None
    assert checked.next_batch()[2] == 1

    checked.close()  # what import_registry does when it stops half-way (cancelled, failed)

    assert checked._process is None and checked._connection is None
    assert process.returncode == -signal.SIGTERM  # stopped, not done, and reaped


async def test_the_next_batch_is_taken_while_the_one_before_is_committed(
    session_factory: Factory, tmp_path: Path
) -> None:
    """The commit waits for the disk: the next batch comes off the pipe meanwhile (issue 12,
    goal 2). Every batch but the last is committed while the next is being taken, and nothing
    is taken after the last."""
    path = write_csv(tmp_path / "registry.csv", with_bad_rows())
    checked = CheckedFile(path, NOW.date(), batch_size=4).start()
    started = [threading.Event() for _ in range(4)]  # the first batch taken, the second, ...
    taken = []
    next_batch = checked.next_batch

    def watched() -> Any:
        started[len(taken)].set()
        batch = next_batch()
        taken.append(batch[2])
        return batch

    checked.next_batch = watched  # type: ignore[method-assign]
    seen: list[bool] = []
    async with session_factory() as session:

        async def checkpoint() -> None:
            # the batch after this one, if any, is on its way before this one is committed
            after = started[len(seen) + 1]
            seen.append(await asyncio.to_thread(after.wait, 0 if checked.finished else 10))
            await session.commit()

        report = await import_registry(session, checked, NOW, checkpoint=checkpoint)

    assert taken == [4, 4, 3] and seen == [True, True, False]
    assert outcome(report) == (8, 0, 0, 3)
    cards, _policies = await stored(session_factory)
    assert len(cards) == 8


async def test_an_import_that_fails_at_a_commit_stops_its_child_with_that_error(
    session_factory: Factory, tmp_path: Path
) -> None:
    """A batch is on its way when the commit fails: the error raised is the commit's, the batch
    is let in before the pipe closes, and the child is stopped."""
    rows = [(line, person(line, f"SIP-{line}", "+380500000002", "self")) for line in range(2, 5002)]
    checked = CheckedFile(write_csv(tmp_path / "registry.csv", rows), NOW.date(), batch_size=1)
    checked.start()
    process = checked._process
    assert process is not None

    async def checkpoint() -> None:
        raise OSError("disk full")

    loop = asyncio.get_running_loop()
    unhandled: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: unhandled.append(context))
    try:
        async with session_factory() as session:
            with pytest.raises(OSError, match="disk full"):
                await import_registry(session, checked, NOW, checkpoint=checkpoint)
        await asyncio.sleep(0.2)  # a batch still being taken would be done by now
        gc.collect()  # and a task of it, failed and never awaited, reported
    finally:
        loop.set_exception_handler(None)

    assert unhandled == []
    assert checked._process is None and checked._connection is None
    assert process.returncode == -signal.SIGTERM  # stopped, not done, and reaped


async def test_a_cancelled_import_lets_the_batch_on_its_way_come_before_closing_the_pipe(
    session_factory: Factory, tmp_path: Path
) -> None:
    """Cancelled (the bot shutting down) while a batch comes off the pipe in a worker thread:
    the pipe is closed, and the child stopped, only once that thread is done with it."""
    rows = [(line, person(line, f"SIP-{line}", "+380500000002", "self")) for line in range(2, 5002)]
    checked = CheckedFile(write_csv(tmp_path / "registry.csv", rows), NOW.date(), batch_size=1)
    checked.start()
    process = checked._process
    assert process is not None
    calls = 0
    taking, second = threading.Event(), threading.Event()
    closed_while_taking: list[bool] = []
    next_batch, close = checked.next_batch, checked.close

    def slow_next_batch() -> Any:
        nonlocal calls
        calls += 1
        taking.set()
        try:
            if calls == 2:
                second.set()
                time.sleep(0.5)  # the second batch is slow to come
            return next_batch()
        finally:
            taking.clear()

    def watched_close() -> None:
        closed_while_taking.append(taking.is_set())
        close()

    checked.next_batch = slow_next_batch  # type: ignore[method-assign]
    checked.close = watched_close  # type: ignore[method-assign]
    async with session_factory() as session:
        task = asyncio.ensure_future(import_registry(session, checked, NOW))
        assert await asyncio.to_thread(second.wait, 10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    assert closed_while_taking == [False]
    assert checked._process is None and checked._connection is None
    assert process.returncode == -signal.SIGTERM  # stopped, not done, and reaped


def test_a_child_whose_parent_has_gone_ends(tmp_path: Path) -> None:
    """The parent's end closed without the child being stopped (the parent killed): the child
    does not wait for a reader for ever."""
    rows = [(line, person(line, f"SIP-{line}", "+380500000002", "self")) for line in range(2, 5002)]
    checked = CheckedFile(write_csv(tmp_path / "registry.csv", rows), NOW.date(), batch_size=1)
    checked.start()
    process, connection = checked._process, checked._connection
    assert process is not None and connection is not None and process.poll() is None

    try:
        connection.close()
        assert process.wait(timeout=30) == 1  # it ended by itself, not stopped by a signal
    finally:
        checked._connection = None
        checked.close()  # kills it if it did not end


def test_a_child_that_dies_stops_the_import_with_its_exit_code(tmp_path: Path) -> None:
    rows = [(line, person(line, f"SIP-{line}", "+380500000002", "self")) for line in range(2, 5002)]
    checked = CheckedFile(write_csv(tmp_path / "registry.csv", rows), NOW.date(), batch_size=1)
    checked.start()
    assert checked._process is not None
    checked._process.kill()

    def take_all() -> None:
        for _ in rows:  # what it sent before it died is taken first
            checked.next_batch()

    with pytest.raises(RuntimeError, match=r"the registry reader stopped \(exit code -9\)"):
        take_all()
    assert checked.finished
    checked.close()


# what an XLSX's child must not load: the database layer, the bot's storage, Telegram, phone
# parsing (the parent checks the rows), numpy (openpyxl's, for writing) -- each 0.1-0.6 s of CPU
# to import before the first row
NOT_IN_THE_XLSX_CHILD = (
    "aiogram",
    "numpy",
    "phonenumbers",
    "pydantic",
    "sqlalchemy",
    "sqlmodel",
    "storage",
)

READ_AS_THE_BOT_DOES = """
import json, sys
from datetime import date
from pathlib import Path

from bot.main import main  # what the console script and run_bot.py import before anything
from bot.services.registry.child import CheckedFile

if __name__ == "__main__":
    checked = CheckedFile(Path(sys.argv[1]), date(2026, 11, 22)).start()
    taken = 0
    while not checked.finished:
        taken += checked.next_batch()[2]
    print(json.dumps({"rows": taken, "packages": checked.child_packages}))
"""


def test_an_xlsx_child_imports_the_reader_not_the_bot(tmp_path: Path) -> None:
    """A fresh interpreter whose `__main__` is a script importing the bot's entry point, as the
    console script is: the child it starts for an XLSX lists the packages it loaded."""
    path = tmp_path / "registry.xlsx"
    rows = family_file()
    path.write_bytes(valid_xlsx([[values[name] for name in COLUMNS] for _, values in rows]))
    script = tmp_path / "read_as_the_bot.py"
    script.write_text(READ_AS_THE_BOT_DOES, encoding="utf-8")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()  # not the checkout: the child finds the bot's packages all the same

    result, _ = run_for_json([str(script), str(path)], cwd=elsewhere)

    assert result["rows"] == len(rows)
    assert "openpyxl" in result["packages"]  # the child read the sheet: the list is its own
    assert sorted(set(NOT_IN_THE_XLSX_CHILD) & set(result["packages"])) == []


# what a CSV's child must not load: it checks the rows (phonenumbers, the registry's values of
# `storage`), but types them without the database layer (0.35 s of CPU before its first batch)
NOT_IN_THE_CSV_CHILD = ("aiogram", "numpy", "pydantic", "sqlalchemy", "sqlmodel")


def test_a_csv_child_checks_the_rows_without_the_database_layer(tmp_path: Path) -> None:
    rows = family_file()
    path = write_csv(tmp_path / "registry.csv", rows)
    script = tmp_path / "read_as_the_bot.py"
    script.write_text(READ_AS_THE_BOT_DOES, encoding="utf-8")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()

    result, _ = run_for_json([str(script), str(path)], cwd=elsewhere)

    assert result["rows"] == len(rows)
    assert "phonenumbers" in result["packages"]  # the child checked the rows
    assert sorted(set(NOT_IN_THE_CSV_CHILD) & set(result["packages"])) == []


def test_small_files_are_read_in_process_large_ones_by_a_child(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "registry.csv", family_file())
    small = open_registry(path, today=NOW.date())
    assert not isinstance(small, CheckedFile)
    large = open_registry(path, today=NOW.date(), in_child=True)
    try:
        assert isinstance(large, CheckedFile)
    finally:
        large.close()
