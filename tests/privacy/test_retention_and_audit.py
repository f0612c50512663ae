"""The retention job on a moved clock, its line in /stats, and /audit with its workbook."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from openpyxl import load_workbook
from sqlalchemy import select

from bot.scheduler import RETENTION_JOB, add_retention_job
from bot.services.staff.audit import audit
from bot.services.staff.audit_view import safe_cell
from storage.models import (
    AuditEntry,
    FsmRecord,
    Notification,
    Request,
    RequestDocument,
    RequestEvent,
    RequestRating,
    StaffNote,
)
from storage.repositories import privacy as privacy_repo
from tests.privacy.conftest import ASKAR, FORUM, IRYNA, OLENA, PrivacyWorld


def _card(world: PrivacyWorld, number: str) -> dict:
    return next(m for m in reversed(world.bot_messages(FORUM)) if number in m.get("text", ""))


async def _sweep(world: PrivacyWorld) -> None:
    """The scheduler's retention job, run once (what APScheduler does every hour)."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    add_retention_job(scheduler, world.sessions, world.clock, world.settings)
    job = scheduler.get_job(RETENTION_JOB)
    assert job is not None
    await job.func()


async def _rows(world: PrivacyWorld, model: type) -> list:
    async with world.sessions() as session:
        return list((await session.execute(select(model))).scalars())


async def test_retention_anonymises_old_closed_requests_and_drops_old_audit(world):
    member = await world.member_with_card()
    closed = await world.submit(member, topic="My private question")
    open_one = await world.submit(member, topic="Still open")
    await world.deliver()
    async with world.sessions.begin() as session:
        session.add(
            RequestDocument(
                request_id=closed.id or 0,
                file_id="BQAC-doc",
                file_unique_id="u-doc",
                kind="document",
                file_name="referral.pdf",
                created_at=world.clock(),
            )
        )
    await world.press(_card(world, closed.number), "🙋 Take")
    await world.press(_card(world, closed.number), "⛔️ Reject")
    prompt = world.bot_messages(FORUM)[-1]
    world.state.send_text(
        FORUM,
        "Not covered: see clause 7 about my diagnosis",
        user_id=IRYNA,
        thread_id=prompt.get("message_thread_id"),
        reply_to_message_id=prompt["message_id"],
    )
    await world.settled()
    await world.deliver()
    statuses = {r.id: r.status for r in await _rows(world, Request)}  # no order without ORDER BY
    assert statuses[closed.id] == "rejected"

    # before RETENTION_DAYS nothing is touched
    world.clock.advance(days=world.settings.retention_days - 1)
    await _sweep(world)
    assert len(await _rows(world, RequestDocument)) == 1

    world.clock.advance(days=2)
    await _sweep(world)
    requests = {r.id: r for r in await _rows(world, Request)}
    assert requests[closed.id].details == {"time_window": "any"}
    assert requests[open_one.id].details["topic"] == "Still open"  # open: kept whole
    events = [e for e in await _rows(world, RequestEvent) if e.request_id == closed.id]
    assert [e.comment for e in events] == [None] * len(events)
    assert await _rows(world, RequestDocument) == []

    # the audit entries of the staff actions are older than AUDIT_RETENTION_DAYS later
    world.clock.advance(days=world.settings.audit_retention_days)
    await _sweep(world)
    actions = [a.action for a in await _rows(world, AuditEntry)]
    assert "request_take" not in actions and "request_reject" not in actions
    assert actions[-1] == "retention"

    await world.say("/stats", chat_id=FORUM, user_id=ASKAR)
    # the figures (the chart, a photo, may follow them)
    stats = next(m["text"] for m in reversed(world.bot_messages(FORUM)) if "text" in m)
    assert "Retention, last run" in stats
    assert "audit entries dropped" in stats


async def _last_counts(world: PrivacyWorld) -> dict:
    return [a for a in await _rows(world, AuditEntry) if a.action == "retention"][-1].details


async def _to_sweep(world: PrivacyWorld) -> list[int]:
    async with world.sessions() as session:
        before = world.clock() - timedelta(days=world.settings.retention_days)
        return await privacy_repo.to_sweep(session, before)


async def test_retention_takes_rating_comments_and_notes_and_each_request_once(world):
    member = await world.member_with_card()
    request = await world.rated_and_noted(member, comment="Dr. Petrenko", note="Has asthma")
    world.clock.advance(days=world.settings.retention_days + 1)
    assert await _to_sweep(world) == [request.id]
    await _sweep(world)
    [rating] = await _rows(world, RequestRating)
    assert (rating.score, rating.comment) == (4, None)  # the score stays, the text goes
    assert await _rows(world, StaffNote) == []
    assert [n for n in await _rows(world, Notification) if n.request_id == request.id] == []
    assert (await _last_counts(world))["requests"] == 1
    [swept] = await _rows(world, Request)
    assert swept.anonymised_at == world.clock()

    # the next sweeps do not take it again
    world.clock.advance(hours=1)
    assert await _to_sweep(world) == []

    # a comment written later (in reply to the old prompt) is taken by the next sweep; the
    # staff card's refresh it queued still waits, so the request is taken once more after that
    await world.comment_rating("Still grateful to Dr. Petrenko")
    assert await _to_sweep(world) == [request.id]
    await _sweep(world)
    assert [r.comment for r in await _rows(world, RequestRating)] == [None]
    assert (await _last_counts(world))["requests"] == 1
    assert (await _rows(world, Request))[0].anonymised_at is None
    await world.deliver()
    await _sweep(world)
    assert [n for n in await _rows(world, Notification) if n.request_id == request.id] == []
    assert (await _last_counts(world))["notifications"] == 1
    assert (await _rows(world, Request))[0].anonymised_at == world.clock()
    assert await _to_sweep(world) == []


async def test_a_note_or_a_canned_reply_on_a_swept_request_brings_it_back(world):
    member = await world.member_with_card()
    request = await world.rated_and_noted(member, comment="Fine", note="First call")
    world.clock.advance(days=world.settings.retention_days + 1)
    await _sweep(world)
    assert await _to_sweep(world) == []

    async def staff_reply_to_card(text: str) -> None:
        card = world.card(request.number)
        world.state.send_text(
            FORUM,
            text,
            user_id=IRYNA,
            thread_id=card.get("message_thread_id"),
            reply_to_message_id=card["message_id"],
        )
        await world.settled()
        await world.deliver()

    await staff_reply_to_card("!She called about it again")
    assert [(n.request_id, n.text) for n in await _rows(world, StaffNote)] == [
        (request.id, "She called about it again")
    ]
    assert await _to_sweep(world) == [request.id]
    await _sweep(world)
    assert await _rows(world, StaffNote) == []
    assert await _to_sweep(world) == []

    await world.say("/template add thanks en Thank you, {name}, for {request}.", chat_id=FORUM,
                    user_id=IRYNA)  # fmt: skip
    await staff_reply_to_card("/reply thanks")
    assert "Thank you" in world.last(OLENA)["text"]
    assert await _to_sweep(world) == [request.id]
    await _sweep(world)
    assert [n for n in await _rows(world, Notification) if n.request_id == request.id] == []
    assert await _to_sweep(world) == []


@pytest.mark.parametrize("meanwhile", ["to_sweep", "waiting_about"])
async def test_a_comment_written_while_the_sweep_runs_goes_with_the_next_one(
    world, monkeypatch, meanwhile
):
    """The member comments on an old rating while the sweep is at work on that request: just
    after the sweep read which requests are due (`to_sweep`), or once it has taken them and asks
    which have a message on its way (`waiting_about`; the comment queued a card refresh). Either
    way the request is left for the next sweep, which drops the comment and the sent refresh."""
    member = await world.member_with_card()
    request = await world.rated_and_noted(member, comment="Fine", note="First call")
    world.clock.advance(days=world.settings.retention_days + 1)

    async def comments() -> list[str | None]:
        return [r.comment for r in await _rows(world, RequestRating)]

    original = getattr(privacy_repo, meanwhile)

    async def comment_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = await original(*args, **kwargs)
        monkeypatch.setattr(privacy_repo, meanwhile, original)
        prompt = next(
            m for m in reversed(world.bot_messages(OLENA)) if "reply to this" in m.get("text", "")
        )
        world.state.send_text(OLENA, "Still grateful", reply_to_message_id=prompt["message_id"])
        # stored at once, or waiting for the sweep's lock until it commits
        for _ in range(50):
            if await comments() == ["Still grateful"]:
                break
            await asyncio.sleep(0.02)
        return result

    monkeypatch.setattr(privacy_repo, meanwhile, comment_meanwhile)
    await _sweep(world)
    await world.settled()
    assert await _rows(world, StaffNote) == []
    assert (await _rows(world, Request))[0].anonymised_at is None
    assert await _to_sweep(world) == [request.id]

    await world.deliver()
    await _sweep(world)
    assert await comments() == [None]
    assert [n for n in await _rows(world, Notification) if n.request_id == request.id] == []
    assert (await _rows(world, Request))[0].anonymised_at == world.clock()
    assert await _to_sweep(world) == []


async def test_messages_held_for_a_blocked_member_are_dropped_once_released_and_sent(world):
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    await world.press(world.card(request.number), "🙋 Take")
    await world.deliver()
    world.state.set_blocked(OLENA, True)
    await world.settled()
    await world.press(world.card(request.number), "✅ Done")
    await world.deliver()

    def about(rows: list) -> list:
        return [(n.kind, n.status) for n in rows if n.request_id == request.id]

    held = about(await _rows(world, Notification))
    assert ("request_status", "held") in held

    # held rows wait for the member, not for the sweep: the request is taken once, and kept
    world.clock.advance(days=world.settings.retention_days + 1)
    await _sweep(world)
    assert (await _rows(world, Request))[0].anonymised_at == world.clock()
    assert about(await _rows(world, Notification)) == [n for n in held if n[1] == "held"]
    assert await _to_sweep(world) == []

    # the member writes again: what was held goes out, and the next sweep drops it
    world.state.set_blocked(OLENA, False)
    await world.say("/start")
    assert await _to_sweep(world) == [request.id]
    await world.deliver()
    await _sweep(world)
    assert about(await _rows(world, Notification)) == []
    assert await _to_sweep(world) == []


async def test_an_abandoned_form_is_forgotten_after_draft_ttl(world):
    await world.member_with_card()
    await world.say("/menu")
    await world.tap("➕ Add a card by insured ID")
    await world.say("KZ-777001")
    async with world.sessions() as session:
        rows = (await session.execute(select(FsmRecord))).scalars().all()
    assert any("KZ-777001" in str(r.data) for r in rows)
    world.clock.advance(hours=world.settings.draft_ttl_hours + 1)
    await _sweep(world)
    assert await _rows(world, FsmRecord) == []
    # the member who comes back gets a working menu
    await world.say("/menu")
    assert world.bot_messages(10001)[-1].get("reply_markup")


async def test_audit_is_for_owners_and_comes_as_a_safe_workbook(world):
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    await world.press(_card(world, request.number), "🙋 Take")
    await world.press(_card(world, request.number), "📞 Show phone")
    async with world.sessions.begin() as session:
        # a staff-supplied text that a spreadsheet would run as a formula
        await audit(session, ASKAR, "import", world.clock(), target="=HYPERLINK(1)")

    await world.say(f"/audit request {request.number}", chat_id=FORUM, user_id=ASKAR)
    assert "Only the owners" in world.bot_messages(FORUM)[-1]["text"]

    await world.say("/audit requests", chat_id=FORUM, user_id=IRYNA)
    assert "Usage" in world.bot_messages(FORUM)[-1]["text"]

    await world.say(f"/audit request {request.number}", chat_id=FORUM, user_id=IRYNA)
    messages = world.bot_messages(FORUM)
    listed = next(m for m in reversed(messages) if "Audit:" in m.get("text", ""))
    assert "request_take" in listed["text"] and "view_phone" in listed["text"]
    # at the time where staff work (10:00 in Almaty), not UTC's 05:00
    assert "2026-11-22 10:00 · 20001 · request_take" in listed["text"]
    book = messages[-1]
    assert book["document"]["file_name"].endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(world.state.files.require(book["document"]["file_id"]).data))
    rows = list(sheet.active.iter_rows(values_only=True))
    assert rows[0] == ("time_utc", "staff_telegram_id", "action", "target", "details")
    assert {(r[1], r[2], r[3]) for r in rows[1:]} == {
        (IRYNA, "view_phone", request.number),
        (IRYNA, "request_take", request.number),
    }

    await world.say(f"/audit staff {ASKAR}", chat_id=FORUM, user_id=IRYNA)
    book = world.bot_messages(FORUM)[-1]
    sheet = load_workbook(io.BytesIO(world.state.files.require(book["document"]["file_id"]).data))
    [_, row] = list(sheet.active.iter_rows(values_only=True))
    assert row[3] == "'=HYPERLINK(1)"  # kept as text


def test_formula_cells_are_neutralised():
    for text in ("=1+2", "+1", "-1", "@SUM(A1)", "\t=1"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("R-000001") == "R-000001"
    assert safe_cell(42) == 42
