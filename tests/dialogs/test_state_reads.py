"""Dialog state is read once per update and written once, at the commit (issue 12).

aiogram's state and aiogram-dialog's stack are read together in one statement
(`SQLStorage.prefetch`), with the context of the dialog whose button was pressed, or that of
the open dialog (the one the stack names last) for a typed message; no key is read twice,
however often aiogram-dialog asks for it, and the stack and the context are written in one go
at the end.
"""

from __future__ import annotations

import json
import re

from sqlalchemy import event, text

from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card


def _fsm_statements(engine) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, str]] = []

    def note(_conn, _cursor, statement, params, _context, _many):  # type: ignore[no-untyped-def]
        if "fsm_records" in statement:
            verb = statement.split()[0]
            keys = re.findall(r"aiogd:\w+:\w*|:default", str(params))
            seen.append((verb, ",".join(sorted(set(keys)))))

    event.listen(engine.sync_engine, "before_cursor_execute", note)
    return seen


async def test_a_form_step_reads_each_key_once_and_writes_once(member, session_factory, engine):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🧪 Lab tests")
    await member.send("Complete blood count")
    seen = _fsm_statements(engine)

    await member.click("➡️ Next")  # the date step, with its month calendar
    assert "On which day" in member.text()
    reads = [keys for verb, keys in seen if verb == "SELECT"]
    writes = [keys for verb, keys in seen if verb != "SELECT"]
    # a press names its dialog: the state, the stack and that dialog's context together
    assert len(reads) == 1, seen
    assert ":default" in reads[0] and "aiogd:stack:" in reads[0]
    assert "aiogd:context:" in reads[0]
    assert len(writes) == 1, seen  # what changed, one statement at the commit

    seen.clear()
    await member.send("25.12.2026")  # a typed date: the context the stack names last, with it
    assert "find a laboratory nearby" in member.text()
    reads = [keys for verb, keys in seen if verb == "SELECT"]
    assert len(reads) == 1, seen
    assert ":default" in reads[0] and "aiogd:stack:" in reads[0]
    assert "aiogd:context:" in reads[0]


async def test_a_stack_stored_without_its_last_dialog_s_id_still_leads_to_its_context(
    member, session_factory, engine
):
    """A stack row written before the stack's row kept its last dialog's id (`state` empty):
    that dialog's context is read next, as aiogram-dialog asks for it, and the form goes on."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🧪 Lab tests")
    await member.send("Complete blood count")
    await member.click("➡️ Next")
    async with session_factory.begin() as session:
        await session.execute(
            text("UPDATE fsm_records SET state = NULL WHERE key LIKE '%aiogd:stack:%'")
        )
    seen = _fsm_statements(engine)

    await member.send("25.12.2026")
    assert "find a laboratory nearby" in member.text()
    reads = [keys for verb, keys in seen if verb == "SELECT"]
    assert len(reads) == 2, seen
    assert reads[1].startswith("aiogd:context:")
    async with session_factory() as session:
        stacks = (
            await session.execute(
                text("SELECT state, data FROM fsm_records WHERE key LIKE '%aiogd:stack:%'")
            )
        ).all()
    # the form's id (the stack's last), written back; ids are 40 random-looking bits, so their
    # length in the library's base 62 is not fixed (6 characters about one time in twenty)
    assert [top for top, _data in stacks] == [_json(stacks[0][1])["intents"][-1]]


async def test_a_restart_mid_form_reads_what_the_last_step_wrote(
    member, session_factory, build_dp, messages
):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🧪 Lab tests")
    await member.send("Complete blood count, TSH")
    await member.click("➡️ Next")
    restarted = MemberClient(build_dp(), messages)  # a new process: nothing held in memory
    await restarted.send("25.12.2026")
    assert "find a laboratory nearby" in restarted.text()
    await restarted.send("Almaty, Abay Ave 10, flat 3")
    assert "Tests: Complete blood count, TSH" in restarted.text()


async def test_the_menu_over_a_form_reads_only_the_open_context(member, session_factory, engine):
    """`/start` in the middle of a form resets the stack: the contexts it removes are deleted
    unread, in one statement, and the menu's new context is written without a read first (a
    dialog just opened has nothing stored)."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🧪 Lab tests")
    seen = _fsm_statements(engine)

    await member.send("/start")
    assert "📝 New request" in member.buttons()
    reads = [keys for verb, keys in seen if verb == "SELECT"]
    assert len(reads) == 1, seen  # the state, the stack and the open form's context
    assert "aiogd:context:" in reads[0]
    assert [verb for verb, _ in seen if verb != "SELECT"] == ["INSERT", "DELETE"], seen
    deleted = next(keys for verb, keys in seen if verb == "DELETE")
    assert deleted.count("aiogd:context:") == 3, seen  # the menu, "New request", the form


def _json(data: object) -> dict[str, object]:
    """A JSON column's value as SQLite (text) or PostgreSQL (decoded) hands it back."""
    return json.loads(data) if isinstance(data, str) else data  # type: ignore[return-value]
