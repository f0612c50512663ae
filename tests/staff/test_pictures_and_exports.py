"""/stats sends a chart; /export sends an XLSX of requests in which no cell runs as a formula."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

from openpyxl import load_workbook
from sqlalchemy import select

from bot.handlers.admin.command_texts import chart_labels
from bot.i18n import TranslatorHub
from bot.services.staff.chart import NO_VALUE, ChartData, chart_data, render, times_panel
from storage.models import AuditEntry, Member, RequestStatus
from tests.staff.conftest import FORUM, IRYNA, OLENA

EVIL_TOPIC = '=HYPERLINK("http://evil.example","click")'


def _card(world, number):
    return next(
        m
        for m in world.bot_messages(FORUM)
        if number in m.get("text", "") and "Status" in m["text"]
    )


async def _staff_says(world, text, within=5.0):
    world.state.send_text(FORUM, text, user_id=IRYNA)
    await world.state.wait_delivered(within)


async def _done_and_rated(world):
    member = await world.member_with_card()
    request = await world.submit(member, topic=EVIL_TOPIC)
    await world.deliver()
    world.clock.advance(hours=2)
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    world.clock.advance(hours=1)
    await world.press(_card(world, request.number), "✅ Done")
    await world.deliver()
    ask = next(m for m in world.bot_messages(OLENA) if "How did we do" in m.get("text", ""))
    world.state.press_button(OLENA, ask["message_id"], text="5 ⭐")
    await world.settled()
    return member, request


async def test_stats_sends_the_figures_and_a_chart(world):
    await _done_and_rated(world)
    # drawing runs in a worker thread; the first matplotlib import is slow on a busy machine
    await _staff_says(world, "/stats", within=120)
    photo = world.bot_messages(FORUM)[-1]
    assert "The last 14 days: 1 request." in photo["caption"]
    stored = world.state.files.get(photo["photo"][-1]["file_id"])
    assert stored is not None and stored.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert any("Requests" in m.get("text", "") for m in world.bot_messages(FORUM)[-3:])


async def test_chart_figures_count_days_statuses_times_and_ratings(world):
    await _done_and_rated(world)
    async with world.sessions() as session:
        data = await chart_data(session, world.clock().date(), world.settings.tz)
    assert data.requests == 1
    assert data.per_day[RequestStatus.DONE][-1] == 1
    assert data.median_first_action == timedelta(hours=2)
    assert data.median_done == timedelta(hours=3)
    assert data.ratings == [0, 0, 0, 0, 1]
    labels = chart_labels(TranslatorHub().get("uk"))
    panel = times_panel(data, labels)
    assert (panel.unit, panel.heights, panel.texts) == ("години", [2.0, 3.0], ["2 год", "3 год"])
    empty = ChartData(
        data.days, {s: [0] * len(data.days) for s in RequestStatus}, None, None, [0] * 5
    )
    assert render(empty, labels).startswith(b"\x89PNG")


def test_a_team_that_answers_in_minutes_reads_minutes_and_a_time_not_had_yet_is_no_bar():
    """Taken 8 minutes after it came and not done yet: the chart read "0.1" and "0.0" hours."""
    labels = chart_labels(TranslatorHub().get("en"))
    days = [date(2026, 12, 5)]
    quick = ChartData(days, {}, timedelta(minutes=8), None, [0] * 5)
    panel = times_panel(quick, labels)
    assert (panel.unit, panel.heights, panel.texts) == ("minutes", [8.0, 0.0], ["8 min", NO_VALUE])
    at_once = times_panel(ChartData(days, {}, timedelta(seconds=8), None, [0] * 5), labels)
    assert at_once.texts == ["under 1 min", NO_VALUE]  # it read "0 min"
    slow = ChartData(days, {}, timedelta(minutes=50), timedelta(days=1, hours=3), [0] * 5)
    panel = times_panel(slow, labels)
    assert panel.unit == "hours"
    assert panel.heights[1] == 27.0
    assert panel.texts == ["50 min", "1 d 3 h"]


async def test_export_sends_masked_requests_and_no_cell_is_a_formula(world):
    member, request = await _done_and_rated(world)
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        fresh.full_name = "@SUM(1+1)"
        session.add(fresh)
    day = world.clock().astimezone(world.settings.tz).date()
    await _staff_says(world, f"/export {day.isoformat()} {day.isoformat()}")
    sent = world.bot_messages(FORUM)[-1]
    assert "Requests from" in sent["caption"] and ": 1" in sent["caption"]
    data = world.state.files.get(sent["document"]["file_id"]).data

    sheet = load_workbook(io.BytesIO(data)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header, line = rows[0], rows[1]
    assert header[:4] == ["Number", "Created", "Kind", "Status"]
    values = dict(zip(header, line, strict=True))
    assert values["Number"] == request.number
    assert values["Member"] == "@SUM(1+1)"
    assert values["Rating"] == 5
    assert member.phone not in " ".join(str(v) for v in line)  # masked as on the card
    assert values["Phone (masked)"] != member.phone
    assert EVIL_TOPIC in values["Answers"]
    answers = sheet.cell(row=2, column=header.index("Answers") + 1)
    name = sheet.cell(row=2, column=header.index("Member") + 1)
    for cell in (answers, name):
        assert cell.data_type == "s"
    assert name.quotePrefix
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml  # no formula anywhere

    async with world.sessions() as session:
        audit = (await session.execute(select(AuditEntry).order_by(AuditEntry.id))).scalars().all()
    assert (audit[-1].action, audit[-1].target, audit[-1].details) == (
        "export",
        f"{day.isoformat()}..{day.isoformat()}",
        {"rows": 1},
    )


async def test_an_answer_starting_like_a_formula_is_written_as_text(world):
    member = await world.member_with_card()
    await world.submit(member, topic="-1+2")
    day = world.clock().astimezone(world.settings.tz).date()
    await _staff_says(world, f"/export {day.isoformat()}")  # one date: that day
    assert (
        f"from {day.isoformat()} to {day.isoformat()}: 1"
        in (world.bot_messages(FORUM)[-1]["caption"])
    )
    data = world.state.files.get(world.bot_messages(FORUM)[-1]["document"]["file_id"]).data
    sheet = load_workbook(io.BytesIO(data)).active
    header = [c.value for c in sheet[1]]
    details = sheet.cell(row=2, column=header.index("Answers") + 1)
    assert details.data_type == "s" and "topic: -1+2" in details.value


async def test_export_days_as_staff_type_them(world):
    """ "/export yesterday" and "/export 20.11 22.11" were "Usage": staff type days as people
    do; a day without its year is the last such day (an export is of days gone)."""
    today = world.clock().astimezone(world.settings.tz).date()  # 22 November 2026
    await _staff_says(world, "/export yesterday")
    assert "from 2026-11-21 to 2026-11-21: 0" in world.bot_messages(FORUM)[-1]["caption"]
    await _staff_says(world, "/export 20.11 сегодня")
    assert f"from 2026-11-20 to {today.isoformat()}" in world.bot_messages(FORUM)[-1]["caption"]
    # a span written as one ("1-15 ноября", "с 1 по 15 ноября", "10.11-20.11") was "Usage"
    for typed, first, last in (
        ("1-15 ноября", "2026-11-01", "2026-11-15"),
        ("с 1 по 15 ноября", "2026-11-01", "2026-11-15"),
        ("10.11-20.11", "2026-11-10", "2026-11-20"),
        # a month or a week named ("за ноябрь", "last week" were "Usage"): a month up to today
        ("за октябрь", "2026-10-01", "2026-10-31"),
        ("ноябрь", "2026-11-01", "2026-11-22"),
        ("last week", "2026-11-09", "2026-11-15"),
        ("за неделю", "2026-11-16", "2026-11-22"),
    ):
        await _staff_says(world, f"/export {typed}")
        assert f"from {first} to {last}" in world.bot_messages(FORUM)[-1]["caption"], typed


async def test_export_with_bad_dates_says_how_and_sends_nothing(world):
    await _staff_says(world, "/export someday")
    assert "Usage: /export FROM TO" in world.bot_messages(FORUM)[-1]["text"]
    await _staff_says(world, "/export 2026-11-01 2026-11-15 2026-11-30")
    assert "Usage: /export FROM TO" in world.bot_messages(FORUM)[-1]["text"]
    await _staff_says(world, "/export 2026-11-30 2026-11-01")
    assert "must not be after" in world.bot_messages(FORUM)[-1]["text"]
    async with world.sessions() as session:
        assert (await session.execute(select(AuditEntry))).scalars().all() == []
