"""A registry file sent in the admin chat is imported in the background: members are answered
while it runs, its progress message is edited and becomes the report; hostile files are refused
in the staff member's language. Through the real dispatcher and the Bot API emulator, on SQLite
and PostgreSQL."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from bot.services.registry import child, importer
from bot.services.registry.reader import ReadLimits
from storage.models import AuditEntry, InsuredPerson, Policy
from tests.handlers import test_staff_commands as staff
from tests.handlers.test_staff_commands import UK, AdminChat, _csv, _row
from tests.hostile_files import entity_bomb_xlsx, zip_bomb_xlsx

admin_chat = staff.chat  # the admin chat, the dispatcher, the emulator (one per test)
MEMBER = 10002  # Aigerim, in a private chat with the bot (her Telegram speaks ru)


@pytest.fixture
def chat(admin_chat: AdminChat) -> AdminChat:
    return admin_chat


def _private_answers(chat: AdminChat) -> list[dict[str, Any]]:
    return [m for m in chat.state.history(MEMBER) if m["from"]["is_bot"]]


async def test_a_member_is_answered_while_a_large_import_runs(chat, monkeypatch):
    chat.imports.progress_every = 0.05
    # the import pauses before reading its second batch (the first is committed by then) until
    # the member has been answered: were it run inside the update handler (updates are handled
    # one at a time here), the member's /start would wait behind it and never be answered
    paused, go_on = threading.Event(), threading.Event()
    take = importer._InProcess.next_batch  # a file this small is read in the bot's process
    calls = 0

    def take_then_wait(source: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            paused.set()
            go_on.wait(60)
        return take(source)

    monkeypatch.setattr(importer._InProcess, "next_batch", take_then_wait)
    monkeypatch.setattr(child, "BATCH", 1000)  # three batches: 1,000, 1,000 and 500 rows
    rows = [_row(f"KZ-{600000 + n}") for n in range(2500)]
    try:
        sent = chat.drop_file("large.csv", _csv(rows))
        assert await asyncio.to_thread(paused.wait, 30)
        for _ in range(300):  # the first batch's commit
            if len(await chat.rows(InsuredPerson)) == 1000:
                break
            await asyncio.sleep(0.1)

        chat.state.send_text(MEMBER, "/start", user_id=MEMBER)
        await chat.state.wait_for(lambda: bool(_private_answers(chat)), within=15)

        assert chat.imports.busy  # still importing when the member got the answer
        assert [a.action for a in await chat.rows(AuditEntry)] == []
        assert len(await chat.rows(InsuredPerson)) == 1000
        progress = UK("import-progress", file="large.csv", rows=1000)
        await chat.state.wait_for(lambda: chat._replies_to(sent)[0]["text"] == progress, within=15)
    finally:
        go_on.set()
    await chat.imports.wait()
    [report] = [m["text"] for m in chat._replies_to(sent)]
    assert report == UK(
        "staffcmd-import-report",
        file="large.csv",
        rows=2500,
        added=2500,
        updated=0,
        unchanged=0,
        rejected=0,
    )
    assert len(await chat.rows(InsuredPerson)) == 2500
    assert [a.action for a in await chat.rows(AuditEntry)] == ["import"]


async def test_an_xml_entity_bomb_is_refused_in_the_staff_members_language(chat):
    replies = await chat.send_file("laughs.xlsx", entity_bomb_xlsx())

    assert replies == [
        UK("import-refused-xml", file="laughs.xlsx") + "\n" + UK("import-nothing-saved")
    ]
    assert await chat.rows(Policy) == []
    assert await chat.rows(AuditEntry) == []


async def test_a_zip_bomb_is_refused_unread(chat):
    replies = await chat.send_file("bomb.xlsx", zip_bomb_xlsx(300))

    assert replies == [
        UK("import-refused-unpacked", file="bomb.xlsx", size=300, limit=256)
        + "\n"
        + UK("import-nothing-saved")
    ]
    assert await chat.rows(Policy) == []


async def test_rows_past_the_cap_stop_the_import_and_say_what_was_stored(chat):
    chat.imports._limits = ReadLimits(max_rows=1500)
    rows = [_row(f"KZ-{610000 + n}") for n in range(1600)]

    replies = await chat.send_file("long.csv", _csv(rows))

    # a CSV's lines are counted before a row is read: nothing is stored
    assert replies == [
        UK("import-refused-rows", file="long.csv", limit=1500) + "\n" + UK("import-nothing-saved")
    ]
    assert await chat.rows(InsuredPerson) == []


async def test_a_csv_in_another_encoding_is_refused_naming_the_line(chat):
    data = _csv([_row("KZ-620001")]) + "Тест".encode("cp1251") + b",x\n"

    replies = await chat.send_file("cp1251.csv", data)

    assert replies == [
        UK("import-refused-encoding", file="cp1251.csv", line=3) + "\n" + UK("import-nothing-saved")
    ]
    assert await chat.rows(InsuredPerson) == []


async def test_a_large_file_is_read_by_the_child_process_and_reported_the_same(chat, monkeypatch):
    """From CHILD_FROM_BYTES on, the bot's import reads and checks the file in a child process
    (bot/services/registry/child.py) while it writes: the rows, the rejected line and the report
    are those of the in-process import. The threshold is lowered so a small file takes that path."""
    monkeypatch.setattr(importer, "CHILD_FROM_BYTES", 0)
    started: list[object] = []
    start = importer.CheckedFile.start

    def noting(self: Any) -> Any:
        started.append(self)
        return start(self)

    monkeypatch.setattr(importer.CheckedFile, "start", noting)
    rows = [_row(f"KZ-{700000 + n}") for n in range(1500)]
    rows.insert(10, _row("KZ-799999", birth="2030-01-01"))  # line 12: born after the policy
    sent = chat.drop_file("child.csv", _csv(rows))
    for _ in range(600):
        await asyncio.sleep(0.1)
        if chat._replies_to(sent) and not chat.imports.busy:
            break
    await chat.imports.wait()
    assert len(started) == 1  # the child read it
    report, attached = chat._replies_to(sent)
    assert report["text"] == UK(
        "staffcmd-import-report",
        file="child.csv",
        rows=1501,
        added=1500,
        updated=0,
        unchanged=0,
        rejected=1,
    )
    [rejected] = staff._rows_of(chat, attached)
    assert rejected["line"] == "12"
    assert rejected["reasons"] == "birth_date: in the future"
    assert len(await chat.rows(InsuredPerson)) == 1500
    assert len(await chat.rows(Policy)) == 1
