import re
from datetime import UTC, date, datetime

import pytest
from aiogram.methods import SendMessage
from babel.dates import format_date

from bot import render
from bot.factory import create_dispatcher
from bot.i18n import TranslatorHub
from storage.db import create_engine, create_session_factory
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card, send_photo, stored_requests

SPECIALTY_PROMPT = "Which doctor do you need?"
CLINIC_PROMPT = "In which city?"
DATE_PROMPT = "Which day would suit you?"
TIME_PROMPT = "What time of day suits you best?"
COMMENT_PROMPT = "Anything the clinic should know"
PAST = "That day has already passed"


def day(n: int) -> str:
    """A calendar day button (the server's today is shown as `[ n ]`)."""
    return rf"(\[ )?{n}( \])?"


async def open_form(member, session_factory) -> None:
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")


async def to_summary(member, specialty: str = "Dentist") -> None:
    await member.click(specialty)
    await member.send("Almaty, City Clinic No. 4")
    await member.send("05.12.2026")
    await member.click("🌅 Morning, 8:00–12:00")
    await member.send("Toothache since Monday")


async def to_date_step(member, session_factory) -> None:
    """The form opened and answered up to its date step: the dentist, a clinic in Almaty."""
    await open_form(member, session_factory)
    await member.click("Dentist")
    await member.send("Almaty, City Clinic No. 4")


async def clinic_day_any_time(member, clinic: str = "Kyiv") -> None:
    """From the clinic step through the day and the time: the clinic, the 25th, any time (on
    to the comment, or the summary when the comment is told already)."""
    await member.send(clinic)
    await member.send("на 25-е")
    await member.click("🕘 Any time")


async def summary_from_clinic(member, clinic: str = "Kyiv") -> str:
    """From the clinic step to the summary: the clinic, the 25th, any time, no comment."""
    await clinic_day_any_time(member, clinic)
    await member.click("⏭ Skip")
    return member.text()


async def test_appointment_request_end_to_end(member, session_factory):
    await open_form(member, session_factory)
    assert SPECIALTY_PROMPT in member.text()
    assert {"Therapist (GP)", "Dentist", "ENT", "✍️ Another specialty"} <= set(member.buttons())
    await member.send("dentist")  # typed, it names a button: taken as its press

    assert CLINIC_PROMPT in member.text()
    assert "I did not expect" not in member.text()
    await member.send("A")
    assert "city and, if you like, the clinic in 2 to 200 characters" in member.text()
    assert CLINIC_PROMPT in member.text()
    await member.send("Almaty, City Clinic No. 4")

    assert DATE_PROMPT in member.text()
    assert "🗓 November 2026" in member.buttons()  # the calendar opens at the insurer's month
    await member.send("31.11.2026")
    assert "could not read that date" in member.text()
    await member.send("21.11.2026")
    assert PAST in member.text()
    assert DATE_PROMPT in member.text()
    assert "21" not in member.buttons()  # past days are not offered on the calendar
    assert "[ 22 ]" in member.buttons()
    await member.send("05.12.2027")
    assert "more than a year ahead" in member.text()
    await member.click("Dec 2026 »")
    await member.click(day(5))

    assert TIME_PROMPT in member.text()
    await member.click("🌅 Morning, 8:00–12:00")
    assert COMMENT_PROMPT in member.text()
    assert "⏭ Skip" in member.buttons()
    await member.send("!")
    assert "comment in 2 to 1,000 characters" in member.text()
    await member.send("Toothache since Monday, <b>urgent</b>")

    summary = member.text()
    assert "🩺 Doctor appointment" in summary
    assert "👤 Insured person: Olena Kovalenko · policy " in summary
    assert "Specialty: Dentist" in summary
    assert "City / clinic: Almaty, City Clinic No. 4" in summary
    assert "Preferred date: December 5, 2026 (Saturday)" in summary  # planned by the weekday
    assert "Time: 🌅 Morning, 8:00–12:00" in summary
    assert "Comment: Toothache since Monday, <b>urgent</b>" in summary  # escaped, shown as typed
    assert "⚠️" not in summary
    assert {"✅ Send", "✏️ Specialty", "✏️ Date", "✏️ Comment", "✖️ Cancel"} <= set(member.buttons())
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert f"Request {request.number} is sent" in member.text()
    assert request.number == "R-000001"
    assert (request.kind, request.status) == ("appointment", "new")
    assert request.details == {
        "specialty": "dentist",
        "clinic": "Almaty, City Clinic No. 4",
        "preferred_date": "2026-12-05",
        "time_window": "morning",
        "comment": "Toothache since Monday, <b>urgent</b>",
    }


async def test_other_specialty_is_typed_and_the_comment_can_be_skipped(member, session_factory):
    await open_form(member, session_factory)
    await member.click("✍️ Another specialty")
    assert "Type the specialty you need" in member.text()
    await send_photo(member, "selfie")
    assert "type your answer as a text message" in member.text()
    await member.send("?")
    assert "specialty in 2 to 100 characters" in member.text()
    await member.click("⬅️ Back")  # the list again, without the old error
    assert SPECIALTY_PROMPT in member.text()
    assert "⚠️" not in member.text()
    await member.click("✍️ Another specialty")
    await member.send("  Allergist ")
    await member.send("Kyiv")
    await member.send("22.11.2026")  # today is fine
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")

    summary = member.text()
    assert "Specialty: Allergist" in summary
    assert "Preferred date: November 22, 2026" in summary
    assert "Comment" not in summary
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert request.details == {
        "specialty": "Allergist",
        "clinic": "Kyiv",
        "preferred_date": "2026-11-22",
        "time_window": "any",
        "comment": None,
    }


async def test_editing_one_field_returns_straight_to_the_summary(member, session_factory):
    await open_form(member, session_factory)
    await to_summary(member)

    await member.click("✏️ Specialty")
    assert SPECIALTY_PROMPT in member.text()
    await member.click("Cardiologist")
    assert "Specialty: Cardiologist" in member.text()

    await member.click("✏️ Date")
    await member.send("01.11.2026")
    assert PAST in member.text()
    assert DATE_PROMPT in member.text()
    await member.send("2027-01-15")
    summary = member.text()
    assert "Preferred date: January 15, 2027" in summary
    assert "Comment: Toothache since Monday" in summary
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    details = request.details
    assert (details["specialty"], details["preferred_date"]) == ("cardiologist", "2027-01-15")
    assert details["clinic"] == "Almaty, City Clinic No. 4"


async def test_a_day_of_next_week_typed_is_that_week_s_day(member, session_factory):
    """ "в субботу на следующей неделе", as people plan a visit, was "I could not read that
    date", and so was "в ближайшие дни". Today is Sunday, November 22: next week's Saturday is
    the 28th; the coming days are as soon as possible, the earliest day."""
    await to_date_step(member, session_factory)
    await member.send("в субботу на следующей неделе")
    assert TIME_PROMPT in member.text()
    await member.click("🌅 Morning, 8:00–12:00")
    await member.click("⏭ Skip")
    assert "Preferred date: November 28, 2026 (Saturday)" in member.text()
    # "in the coming days": as soon as possible, the earliest day
    await member.click("✏️ Date")
    await member.send("в ближайшие дни")
    assert "the earliest day: noted." in member.text()
    assert "Preferred date: November 22, 2026" in member.text()
    await member.click("✏️ Date")
    await member.send("в субботу на следующей неделе")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["preferred_date"] == "2026-11-28"


async def test_the_first_day_that_will_do_is_taken_said_so(member, session_factory):
    """Days offered as alternatives ("в четверг или пятницу"), the last day that will do ("до
    пятницы"), the first ("после 10 декабря", "с 10 по 12 декабря"), a part of a week ("в
    начале следующей недели") and a day "if possible" on the date step were "I could not read
    that date". Today is Sunday, November 22: the first day that will do is taken, and the
    member told so."""
    await to_date_step(member, session_factory)
    await member.send("в четверг или пятницу")
    assert "📅 November 26, 2026, the first of those days: noted." in member.text()
    await member.click("🌅 Morning, 8:00–12:00")
    await member.click("⏭ Skip")
    assert "Preferred date: November 26, 2026 (Thursday)" in member.text()
    for typed, shown in [
        ("всё-таки до пятницы", "November 22, 2026 (Sunday)"),
        ("после 10 декабря", "December 11, 2026 (Friday)"),
        ("с 10 по 12 декабря", "December 10, 2026 (Thursday)"),
        ("в начале следующей недели", "November 23, 2026 (Monday)"),
        ("10 желтоқсаннан кейін", "December 11, 2026 (Friday)"),  # (Kazakh: after the 10th)
        ("келесі аптаның соңында", "November 27, 2026 (Friday)"),
        ("завтра, если можно", "November 23, 2026 (Monday)"),
    ]:
        await member.click("✏️ Date")
        await member.send(typed)
        assert "I could not read that date" not in member.text(), typed
        assert f"Preferred date: {shown}" in member.text(), typed
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["preferred_date"] == "2026-11-23"


async def test_a_draft_whose_day_has_passed_asks_for_another_day_when_sent(
    member, session_factory, clock
):
    """Drafts are kept: one filled in for 5 December and sent on the 7th would have reached
    staff as an appointment in the past. Sending it opens the date step with the reason, and
    the summary comes back after it, the other answers kept."""
    await open_form(member, session_factory)
    await to_summary(member)  # 5 December; today is 22 November
    clock.advance(days=15)  # 7 December

    await member.click("✅ Send")
    assert await stored_requests(session_factory) == []
    shown = member.text()
    assert "The day you chose, December 5, 2026, has already passed" in shown
    assert DATE_PROMPT in shown
    await member.send("8.12.2026")
    summary = member.text()
    assert "Preferred date: December 8, 2026" in summary
    assert "Comment: Toothache since Monday" in summary
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["preferred_date"] == "2026-12-08"


async def test_on_today_only_the_times_of_day_not_over_are_offered(member, session_factory, clock):
    """At 13:30 in Almaty the morning is over: today's appointment offers the afternoon, the
    evening and any time; after 20:00 no time is left today and the day is refused."""
    clock.now = datetime(2026, 11, 22, 8, 30, tzinfo=UTC)  # 13:30 in Almaty
    await to_date_step(member, session_factory)
    await member.send("22.11.2026")
    assert TIME_PROMPT in member.text()
    offered = member.buttons()
    assert "🌅 Morning, 8:00–12:00" not in offered
    assert {"☀️ Afternoon, 12:00–16:00", "🌆 Evening, 16:00–20:00", "🕘 Any time"} <= set(offered)

    await member.click("✖️ Cancel")  # back to the kinds of request
    clock.now = datetime(2026, 11, 22, 15, 30, tzinfo=UTC)  # 20:30 in Almaty
    await member.click("🩺 Doctor appointment")
    await member.click("Dentist")
    await member.send("Almaty, City Clinic No. 4")
    await member.send("22.11.2026")
    assert "No time of day is left on November 22, 2026 for a visit" in member.text()
    assert DATE_PROMPT in member.text()
    await member.send("23.11.2026")
    assert "🌅 Morning, 8:00–12:00" in member.buttons()


async def test_a_draft_for_this_morning_sent_in_the_afternoon_asks_for_another_time(
    member, session_factory, clock
):
    await open_form(member, session_factory)  # 10:00 in Almaty
    await member.click("Dentist")
    await member.send("Almaty, City Clinic No. 4")
    await member.send("22.11.2026")
    await member.click("🌅 Morning, 8:00–12:00")
    await member.click("⏭ Skip")
    clock.advance(hours=3)  # 13:00

    await member.click("✅ Send")
    assert await stored_requests(session_factory) == []
    shown = member.text()
    assert "That time of day on November 22, 2026 has already passed" in shown
    assert TIME_PROMPT in shown
    assert "🌅 Morning, 8:00–12:00" not in member.buttons()
    await member.click("☀️ Afternoon, 12:00–16:00")
    assert "Time: ☀️ Afternoon, 12:00–16:00" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["preferred_date"], request.details["time_window"]) == (
        "2026-11-22",
        "afternoon",
    )


async def test_answers_typed_instead_of_pressed_are_taken_when_they_name_a_button(
    member, session_factory, clock
):
    """Some members type rather than tap: "allergist" is a specialty not listed (taken as
    "another specialty"), "вечером"/"evening" names a time of day. A time of day already over
    today is not offered, so naming it is not taken either: the member is told it has passed
    (as "в 10" is), where "I did not expect that here" said nothing of why."""
    clock.now = datetime(2026, 11, 22, 8, 30, tzinfo=UTC)  # 13:30 in Almaty
    await open_form(member, session_factory)
    await member.send("Allergist")
    assert CLINIC_PROMPT in member.text()
    await member.send("Almaty, City Clinic No. 4")
    await member.send("22.11.2026")
    await member.send("morning")  # over at noon
    assert "That time of day on November 22, 2026 has already passed" in member.text()
    assert TIME_PROMPT in member.text()
    await member.send("evening")
    assert COMMENT_PROMPT in member.text()
    await member.click("⏭ Skip")
    summary = member.text()
    assert "Specialty: Allergist" in summary
    assert "Time: 🌆 Evening, 16:00–20:00" in summary
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["specialty"], request.details["time_window"]) == (
        "Allergist",
        "evening",
    )


async def test_cancel_leaves_no_request(member, session_factory):
    await open_form(member, session_factory)
    await member.click("Dentist")
    await member.click("✖️ Cancel")
    assert await stored_requests(session_factory) == []


async def test_restart_mid_form_continues_at_the_same_step(
    member, session_factory, settings, clock, messages, db_url
):
    await open_form(member, session_factory)
    await member.click("Neurologist")
    await member.send("Almaty")
    assert DATE_PROMPT in member.text()

    # a new process: new engine, new dispatcher, same database
    engine = create_engine(db_url)
    dp, _ = create_dispatcher(
        settings, create_session_factory(engine), clock=clock, message_manager=messages
    )
    restarted = MemberClient(dp, messages)
    await restarted.send("10.12.2026")
    assert TIME_PROMPT in restarted.text()
    await restarted.click("☀️ Afternoon, 12:00–16:00")
    await restarted.send("Headaches")
    assert "Specialty: Neurologist" in restarted.text()
    await restarted.click("✅ Send")
    await engine.dispose()

    [request] = await stored_requests(session_factory)
    assert request.details == {
        "specialty": "neurologist",
        "clinic": "Almaty",
        "preferred_date": "2026-12-10",
        "time_window": "afternoon",
        "comment": "Headaches",
    }


async def test_the_calendar_opens_at_the_insurers_month(member, session_factory, clock):
    clock.advance(days=28)  # 20 December 2026, whatever the server's date
    await open_form(member, session_factory)
    await member.click("ENT")
    await member.send("Almaty")
    assert "🗓 December 2026" in member.buttons()
    assert "19" not in member.buttons()  # before today by the bot's clock
    await member.click(day(20))
    assert TIME_PROMPT in member.text()


@pytest.mark.parametrize("locale", ["uk", "ru", "kk"])
async def test_the_form_speaks_the_members_language(member, session_factory, locale):
    t = TranslatorHub().get(locale)
    await member_with_active_card(member, session_factory)
    await member.send("/language")
    await member.click(re.escape(t(f"language-name-{locale}")))
    await member.send("/menu")
    await member.click(re.escape(t("btn-new-request")))
    await member.click(re.escape(t("request-kind-appointment")))
    assert t("appointment-specialty-prompt") in member.text()
    await member.click(re.escape(t("specialty-therapist")))
    await member.send("A")
    assert t("appointment-clinic-invalid", max=200) in member.text()
    await member.send("Алматы")
    await member.send("21.11.2026")
    assert t("appointment-date-past") in member.text()
    await member.send("05.12.2026")
    await member.click(re.escape(t("time-window-evening")))
    await member.click(re.escape(t("btn-skip")))

    summary = member.text()
    assert f"{t('field-specialty')}: {t('specialty-therapist')}" in summary
    when = format_date(date(2026, 12, 5), format="long", locale=locale)
    assert f"{t('field-preferred_date')}: {when}" in summary
    await member.click(re.escape(t("btn-send")))
    [request] = await stored_requests(session_factory)
    assert request.details["specialty"] == "therapist"


async def test_an_unknown_command_is_answered_and_never_taken_as_an_answer(member, session_factory):
    """ "/foo" on the specialty step became the specialty, on the comment step the comment."""
    await open_form(member, session_factory)
    await member.send("/foo")
    assert "I do not know that command" in _replies(member)[-1]
    assert SPECIALTY_PROMPT in member.text()  # the step stays
    await member.click("Dentist")
    await member.send("Almaty, City Clinic No. 4")
    await member.send("05.12.2026")
    await member.click("🌅 Morning, 8:00–12:00")
    await member.send("/strat")
    assert "I do not know that command" in _replies(member)[-1]
    assert COMMENT_PROMPT in member.text()
    await member.click("⏭ Skip")
    summary = member.text()
    assert "Specialty: Dentist" in summary and "/strat" not in summary


def _replies(member) -> list[str]:
    """What the bot sent as messages of their own (not the dialog's screens)."""
    return [m.text or "" for m in member.bot.of(SendMessage)]


async def test_a_time_of_day_written_as_people_say_it_or_as_an_hour_is_taken(
    member, session_factory, clock
):
    """ "после обеда", "в 10", "14:30" were "I did not expect that here". Now each is the time
    of day it names; an hour of a time already over today is told so, as its button is."""
    clock.now = datetime(2026, 11, 22, 8, 30, tzinfo=UTC)  # 13:30 in Almaty
    await to_date_step(member, session_factory)
    await member.send("22.11.2026")
    await member.send("в 10")  # the morning: over
    assert "That time of day on November 22, 2026 has already passed" in member.text()
    assert TIME_PROMPT in member.text()
    await member.send("после обеда")
    assert COMMENT_PROMPT in member.text()
    await member.click("⏭ Skip")
    assert "Time: ☀️ Afternoon, 12:00–16:00" in member.text()
    await member.click("✏️ Time")
    await member.send("at 17:30, after work")
    assert "Time: 🌆 Evening, 16:00–20:00" in member.text()
    await member.click("✏️ Time")
    await member.send("в 3 часа")  # no hour of a time of day: not guessed, the hours told
    assert "arranged between 8:00 and 20:00" in member.text()  # (was "I did not expect that")
    assert TIME_PROMPT in member.text()
    await member.send("всё равно")
    assert "Time: 🕘 Any time" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["time_window"] == "any"


async def test_an_hour_typed_for_the_visit_is_kept_as_the_member_wrote_it(member, session_factory):
    """ "в среду после 17" was the evening, 16:00-20:00, and "после 17" was lost: support could
    book the visit at 16:00. The member's words stay beside the time of day, on the summary,
    the stored request and the staff card; a time picked instead drops them, and one typed as
    an hour on the time step keeps its own."""
    await open_form(member, session_factory)
    await member.click("Dentist")
    await member.send("Kyiv, Dobrobut")
    await member.send("в среду после 17")
    assert COMMENT_PROMPT in member.text()  # the day and the time of day answered at once
    await member.click("⏭ Skip")
    assert "Time: 🌆 Evening, 16:00–20:00 · “после 17”" in member.text()
    await member.click("✏️ Time")
    await member.click("🌆 Evening, 16:00–20:00")
    assert "Time: 🌆 Evening, 16:00–20:00\n" in member.text() + "\n"
    assert "после 17" not in member.text()
    await member.click("✏️ Time")
    await member.send("до 12")  # the morning: the hour it ends by ("до 12" was the afternoon)
    assert "Time: 🌅 Morning, 8:00–12:00 · “до 12”" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["time_window"] == "morning"
    assert request.details["time_said"] == "до 12"
    staff = render.detail_lines(request.details, TranslatorHub().get("ru"))
    assert "Время: 🌅 Утро, 8:00–12:00 · «до 12»" in staff
    assert len(staff.splitlines()) == 4  # specialty, clinic, date, time: the words on its line


async def test_hours_from_and_to_and_halves_of_the_day_are_times_of_day(member, session_factory):
    """On the time step "с 14 до 16" and "в 9 утра" were "I did not expect that here" (their
    numbers were read as the 14th and the 9th, unreadable days); so were "во второй половине
    дня", "у першій половині дня", "lunchtime" and "как получится". Each is the time of day
    it names, the hours kept as typed; "завтра в первой половине дня" on the date step gives
    the day and the time."""
    await open_form(member, session_factory)
    await member.click("Dentist")
    await member.send("Kyiv, Dobrobut")
    await member.send("25.11.2026")
    await member.send("с 14 до 16")
    assert COMMENT_PROMPT in member.text()
    await member.click("⏭ Skip")
    assert "Time: ☀️ Afternoon, 12:00–16:00 · “с 14 до 16”" in member.text()
    assert "Preferred date: November 25, 2026" in member.text()  # (not the 14th)
    for typed, shown in [
        ("в 9 утра", "🌅 Morning, 8:00–12:00"),
        ("во второй половине дня", "☀️ Afternoon, 12:00–16:00"),
        ("у першій половині дня", "🌅 Morning, 8:00–12:00"),
        ("lunchtime", "☀️ Afternoon, 12:00–16:00"),
        ("как получится", "🕘 Any time"),
        # two offered: the first, the words kept beside it for staff ("I did not expect that")
        ("утром или днем", "🌅 Morning, 8:00–12:00 · “утром или днем”"),
    ]:
        await member.click("✏️ Time")
        await member.send(typed)
        assert f"Time: {shown}" in member.text(), typed
    await member.click("✏️ Date")
    await member.send("завтра в первой половине дня")
    assert "Preferred date: November 23, 2026" in member.text()
    assert "Time: 🌅 Morning, 8:00–12:00" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["preferred_date"], request.details["time_window"]) == (
        "2026-11-23",
        "morning",
    )


async def test_yes_typed_under_the_summary_sends_the_request(member, session_factory):
    """ "Is everything correct?" answered "да" was "I did not expect that here"; now it sends,
    as "Send" does. A "yes" with more to it ("да, но время другое") sends nothing: it names
    what to change, whose step opens."""
    await open_form(member, session_factory)
    await to_summary(member)
    await member.send("да, но время другое")
    assert TIME_PROMPT in member.text()
    assert await stored_requests(session_factory) == []
    await member.click("🕘 Any time")
    assert "Is everything right?" in member.text()
    await member.send("Да!")
    [request] = await stored_requests(session_factory)
    assert f"Request {request.number} is sent" in member.text()


async def test_a_day_of_the_week_typed_for_the_visit_is_the_next_one(member, session_factory):
    """A day of the week, "в понедельник", was "I could not read that date"; on Sunday it is
    tomorrow."""
    await open_form(member, session_factory)  # Sunday, November 22, 10:00 in Almaty
    await member.click("Dentist")
    await member.send("Almaty, City Clinic No. 4")
    await member.send("в понедельник")
    assert TIME_PROMPT in member.text()
    await member.click("🌅 Morning, 8:00–12:00")
    await member.click("⏭ Skip")
    assert "Preferred date: November 23, 2026" in member.text()
    # "this Friday" in its forms, and the Ukrainian "next Monday" (of a day: its genitive)
    for typed, day in (("в эту пятницу", "November 27"), ("наступного понеділка", "November 23")):
        await member.click("✏️ Date")
        await member.send(typed)
        assert f"Preferred date: {day}, 2026" in member.text(), typed


async def test_a_comment_answered_no_or_nothing_is_skipped(member, session_factory):
    """ "Anything the clinic should know?" answered "нет" or "-" was stored as the comment
    ("Comment: нет" on the clinic's request); a whole "no", "nothing", "that's all" or a dash
    is the press of "Skip"."""
    await open_form(member, session_factory)
    await member.click("✍️ Another specialty")
    await member.send("Allergist")
    await member.send("Kyiv")
    await member.send("22.11.2026")
    await member.click("🕘 Any time")
    await member.send("Нет")
    assert "Comment" not in member.text()
    assert "Is everything right?" in member.text()
    await member.click("✏️ Comment")
    await member.send("—")
    assert "Comment" not in member.text()
    for typed in ("нет комментария", "Ні, дякую", "пікір жоқ"):  # ("Comment: нет комментария")
        await member.click("✏️ Comment")
        await member.send(typed)
        assert "Comment" not in member.text(), typed
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["comment"] is None


async def test_a_day_typed_as_the_day_of_the_month_or_a_span(member, session_factory):
    """ "на 25-е" and "через неделю" were "I could not read that date"; today is 22 November."""
    await open_form(member, session_factory)
    await member.click("✍️ Another specialty")
    await member.send("Allergist")
    await member.send("Kyiv")
    await member.send("на 25-е")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Preferred date: November 25, 2026" in member.text()
    await member.click("✏️ Date")
    await member.send("через неделю")
    assert "Preferred date: November 29, 2026" in member.text()


async def test_a_doctor_named_on_the_chooser_opens_the_appointment_with_that_specialty(
    member, session_factory
):
    """ "к стоматологу" on "What do you need?" was "I did not expect that here": it is an
    appointment with the dentist, the form at its next step."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.send("к стоматологу")
    assert "Which doctor do you need?" not in member.text()
    assert "Specialty: Dentist" in await summary_from_clinic(member, "Kyiv, Dobrobut")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.kind, request.details["specialty"]) == ("appointment", "dentist")


@pytest.mark.parametrize(
    ("typed", "specialty"),
    [("тіс дәрігеріне жазылу керек", "Dentist"), ("мне нужен зубной врач", "Dentist"),
     ("запис до дитячого лікаря", "Pediatrician"), ("eye doctor", "Ophthalmologist")],
)  # fmt: skip
async def test_a_doctor_named_as_people_say_it_opens_the_appointment_with_that_specialty(
    member, session_factory, typed, specialty
):
    """A doctor named not by the specialty but as people say it ("зубной", "тіс дәрігері": the
    tooth doctor), with the words for a visit or not: the appointment with that doctor at its
    next step. "тіс дәрігеріне жазылу керек" was "I did not expect that here", and "мне нужен
    зубной врач" the form from its first step."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.send(typed)
    assert "Which doctor do you need?" not in member.text()
    assert f"Specialty: {specialty}" in await summary_from_clinic(member, "Kyiv, Dobrobut")


async def test_a_visit_without_a_doctor_named_opens_the_form_at_its_first_step(
    member, session_factory
):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.send("нужна запись к врачу")
    assert "Which doctor do you need?" in member.text()
    await member.send("зубы болят")  # on the list's step, as people say it: its button
    assert "In which city?" in member.text()
    assert "Specialty: Dentist" in await summary_from_clinic(member, "Kyiv")


async def test_a_doctor_named_on_a_card_not_yet_open_opens_nothing(member, session_factory):
    await member_with_active_card(
        member, session_factory, coverage_start=date(2026, 12, 1), coverage_end=date(2027, 11, 30)
    )
    await member.click("📝 New request")
    await member.send("стоматолог")
    assert "requests open from that day" in member.text()
    assert await stored_requests(session_factory) == []


async def test_a_listed_specialty_typed_in_another_language_is_its_button(member, session_factory):
    """A member with the bot in English who types "к лору" (as doctors are named where they
    live) was given "another specialty: к лору"; it is the ENT button."""
    await open_form(member, session_factory)
    await member.send("к лору")
    assert "Specialty: ENT" in await summary_from_clinic(member, "Kyiv")


async def test_cancel_or_menu_typed_in_words_leaves_the_form(member, session_factory):
    """ "Отмена" typed on the specialty step was stored as "another specialty: Отмена"; a
    command in words, the whole message, is that command."""
    await open_form(member, session_factory)
    await member.send("Отмена")
    assert "✖️ Cancelled." in member.text()
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.send("Allergist")
    await member.send("главное меню")
    assert "Active card" in member.text()
    assert await stored_requests(session_factory) == []


async def test_a_date_typed_with_its_time_of_day_answers_both(member, session_factory, clock):
    """ "завтра утром" on the date step was "I could not read that date"; it is the day and the
    time of day at once, and the form goes on past the time step. A time of day already over
    on that day is asked for again."""
    await open_form(member, session_factory)
    await member.click("✍️ Another specialty")
    await member.send("Allergist")
    await member.send("Kyiv")
    await member.send("завтра утром")
    assert "Anything the clinic should know" in member.text()  # the time step skipped
    await member.click("⏭ Skip")
    summary = member.text()
    assert "Preferred date: November 23, 2026" in summary
    assert "Time: 🌅 Morning, 8:00–12:00" in summary
    clock.advance(hours=3)  # 13:00 in Almaty: this morning is over
    await member.click("✏️ Date")
    await member.send("today at 9")
    assert "That time of day on November 22, 2026 has already passed" in member.text()
    assert "🌅 Morning, 8:00–12:00" not in member.buttons()
    await member.click("🌆 Evening, 16:00–20:00")
    summary = member.text()  # back to the summary being edited
    assert "Preferred date: November 22, 2026" in summary and "Evening" in summary


async def test_a_day_typed_where_the_clinic_is_asked_is_kept_for_the_date_step(
    member, session_factory
):
    """ "в понеділок зранку" typed on the city and clinic step went on the request as its
    clinic ("City / clinic: в понеділок зранку"). It is the day and the time of day: kept, the
    member told that the place comes first, and the date and time steps answered by it once the
    clinic is given. Changing only the clinic from the summary, a day is refused with why."""
    await open_form(member, session_factory)
    await member.click("Dentist")
    await member.send("в понеділок зранку")
    assert (
        "📅 November 23, 2026, 🌅 Morning, 8:00–12:00: noted for the day of the visit. First, "
        "where: choose the city or "
        "type the clinic." in member.text()
    )
    assert "⚠️" not in member.text()
    assert CLINIC_PROMPT in member.text()
    await member.send("Medikom 12")  # a clinic with a number in its name is a clinic
    assert COMMENT_PROMPT in member.text()  # the date and the time of day: answered
    await member.send("-")
    summary = member.text()
    assert "City / clinic: Medikom 12" in summary
    assert "Preferred date: November 23, 2026 (Monday)" in summary
    assert "Time: 🌅 Morning" in summary
    await member.click("✏️ City / clinic")
    await member.send("завтра")
    assert "is the day of the visit: I ask for it next" in member.text()
    await member.send("Dobrobut")
    assert "City / clinic: Dobrobut" in member.text()
    assert "Preferred date: November 23, 2026 (Monday)" in member.text()


async def test_a_place_and_a_day_typed_together_answer_both_steps(member, session_factory):
    """ "Almaty, Medikom, в понедельник утром" on the clinic step was stored whole as the
    clinic. The place is the clinic; the day and time after the last comma answer their
    steps. A number after the comma is the building's, not a day."""
    await open_form(member, session_factory)
    await member.click("Dentist")
    await member.send("Almaty, Medikom, в понедельник утром")
    assert COMMENT_PROMPT in member.text()
    await member.send("-")
    summary = member.text()
    assert "City / clinic: Almaty, Medikom\n" in summary + "\n"
    assert "Preferred date: November 23, 2026 (Monday)" in summary
    assert "Time: 🌅 Morning" in summary
    await member.click("✏️ City / clinic")
    await member.send("Dobrobut, 15")
    assert "City / clinic: Dobrobut, 15" in member.text()


async def test_a_doctor_typed_on_the_chooser_with_a_day_keeps_the_day(member, session_factory):
    """ "к стоматологу завтра утром" typed where the kind of request is asked opened the
    dentist's form, and the day was lost: asked again after the clinic. It is kept, said so,
    and answers the date and the time of day once the clinic is given."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.send("к стоматологу завтра утром")
    # the time of day kept with it is said too (it answers the time step)
    assert "📅 November 23, 2026, 🌅 Morning, 8:00–12:00: noted for the day of the visit" in (
        member.text()
    )
    await member.send("Kyiv, Medikom")
    assert "Anything the clinic should know" in member.text()  # date and time answered
    await member.click("⏭ Skip")
    text = member.text()
    assert "Specialty: Dentist" in text
    assert "Preferred date: November 23, 2026 (Monday)" in text
    assert "Time: 🌅 Morning, 8:00–12:00" in text


async def test_a_doctor_the_list_does_not_hold_named_in_words(member, session_factory, clock):
    """ "запишите к урологу на завтра" offered nothing: the urologist is not on the specialty
    list, and the form takes one as "Another specialty". A doctor named so is the appointment's
    specialty as it reads, on the menu and where the kind of request is asked, with its day."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("запишите к урологу на завтра")
    await member.click("📝 New request: 🩺 Doctor appointment · Уролог")
    assert CLINIC_PROMPT in member.text()
    assert "📅 November 23, 2026: noted for the day of the visit" in member.text()
    await member.send("Kyiv")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Specialty: Уролог" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["specialty"] == "Уролог"
    assert request.details["preferred_date"] == "2026-11-23"

    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("хирург")
    assert CLINIC_PROMPT in member.text()
    await member.send("Kyiv")
    await member.send("25.12.2026")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Specialty: Хирург" in member.text()


async def test_as_soon_as_possible_is_the_earliest_day_and_two_days_are_asked_as_one(
    member, session_factory, clock
):
    """ "как можно скорее" on the date step was "I could not read that date", and "15-16
    декабря" was "That day has already passed" (the 15th of December 2016). As soon as possible
    is the earliest day a visit can be on (today, or tomorrow once no time of day is left
    today), said so; two days are asked for as one."""
    clock.now = datetime(2026, 11, 22, 8, 30, tzinfo=UTC)  # 13:30 in Almaty
    await to_date_step(member, session_factory)
    await member.send("15-16 декабря")
    assert "That is more than one day. Please choose one" in member.text()
    assert DATE_PROMPT in member.text()
    assert PAST not in member.text()
    await member.send("как можно скорее, пожалуйста")
    assert "📅 November 22, 2026, the earliest day: noted." in member.text()
    assert TIME_PROMPT in member.text()
    await member.click("☀️ Afternoon, 12:00–16:00")
    await member.click("⏭ Skip")
    assert "Preferred date: November 22, 2026" in member.text()

    clock.now = datetime(2026, 11, 22, 15, 30, tzinfo=UTC)  # 20:30: no time left today
    await member.click("✏️ Date")
    await member.send("asap")
    assert "Preferred date: November 23, 2026" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["preferred_date"] == "2026-11-23"


async def test_a_change_typed_under_the_summary_opens_that_step(member, session_factory):
    """ "нет" and "изменить дату" under "Is everything right?" were "I did not expect that
    here": a field named to change opens its step, as its "✏️" does, and the summary comes
    back after it; a "no" asks what to change."""
    await open_form(member, session_factory)
    await to_summary(member)
    await member.send("нет")
    assert "What should be changed? Tap “✏️” next to it" in member.text()
    assert "Is everything right?" in member.text()
    await member.send("изменить дату")
    assert DATE_PROMPT in member.text()
    await member.send("25.11.2026")
    assert "Preferred date: November 25, 2026" in member.text()
    await member.send("другой врач")
    await member.click("Cardiologist")
    assert "Specialty: Cardiologist" in member.text()
    await member.send("да")
    [request] = await stored_requests(session_factory)
    assert (request.details["specialty"], request.details["preferred_date"]) == (
        "cardiologist",
        "2026-11-25",
    )


async def test_a_change_typed_with_its_new_value_is_made_at_once(member, session_factory):
    """ "изменить дату: 15 декабря" under the summary opened the date step, where the day had
    to be typed again: the new value given with the change (after a colon, or "на", "to") is
    that step's answer, checked as there, and the summary comes back with it."""
    await open_form(member, session_factory)
    await to_summary(member)
    await member.send("изменить дату: 15 декабря")
    assert "Preferred date: December 15, 2026" in member.text()
    assert "Is everything right?" in member.text()
    await member.send("поменяйте время на вечер")
    assert "Time: 🌆 Evening, 16:00–20:00" in member.text()
    await member.send("change the city to Lviv")
    assert "City / clinic: Lviv" in member.text()
    await member.send("дату на 21.11.2026")  # refused as on its step, which stays open
    assert PAST in member.text()
    assert DATE_PROMPT in member.text()
    await member.send("16.12.2026")
    await member.send("да")
    [request] = await stored_requests(session_factory)
    assert (request.details["preferred_date"], request.details["time_window"]) == (
        "2026-12-16",
        "evening",
    )


async def test_a_change_asked_with_smenit_is_a_change(member, session_factory):
    """ "сменить дату" under the summary was "I did not expect that here": "сменить" was no
    word of changing (`forms.changes`), as "изменить" and "поменять" were."""
    await open_form(member, session_factory)
    await to_summary(member)
    await member.send("сменить дату")
    assert DATE_PROMPT in member.text()
    await member.send("25.11.2026")
    assert "Preferred date: November 25, 2026" in member.text()


async def test_a_day_with_its_hours_is_not_taken_for_two_days(member, session_factory):
    """ "завтра 10-12" is tomorrow from 10 to 12 (the morning, its hours kept), not two days
    as "15-16 декабря" is."""
    await to_date_step(member, session_factory)
    await member.send("завтра 10-12")
    assert COMMENT_PROMPT in member.text()
    await member.click("⏭ Skip")
    assert "Preferred date: November 23, 2026" in member.text()
    assert "Time: 🌅 Morning, 8:00–12:00 · “10-12”" in member.text()


async def test_an_examination_named_in_words_is_booked_as_a_visit(member, session_factory, clock):
    """ "нужно сделать УЗИ" and "запишите на МРТ" offered nothing: an examination made at a
    clinic by appointment is booked as a doctor's visit is, under its usual name, on the menu
    and where the kind of request is asked."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("нужно сделать УЗИ завтра")
    await member.click("📝 New request: 🩺 Doctor appointment · УЗИ")
    assert CLINIC_PROMPT in member.text()
    await member.send("Kyiv")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Specialty: УЗИ" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["specialty"], request.details["preferred_date"]) == (
        "УЗИ",
        "2026-11-23",
    )

    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("на МРТ")
    assert CLINIC_PROMPT in member.text()


async def test_what_an_examination_is_of_is_kept_with_its_name(member, session_factory, clock):
    """ "мне нужно УЗИ брюшной полости" was booked as "УЗИ": the clinic did not know what to
    examine. The words after the examination's name, up to a day, whom it is for or another
    request, are kept with it."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("мне нужно УЗИ брюшной полости завтра")
    await member.click("📝 New request: 🩺 Doctor appointment · УЗИ брюшной полости")
    assert CLINIC_PROMPT in member.text()
    await member.send("Kyiv")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Specialty: УЗИ брюшной полости" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["specialty"], request.details["preferred_date"]) == (
        "УЗИ брюшной полости",
        "2026-11-23",
    )

    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("на МРТ колена")
    assert CLINIC_PROMPT in member.text()
    await summary_from_clinic(member)
    assert "Specialty: МРТ колена" in member.text()


async def test_days_named_together_or_any_day_take_the_first(member, session_factory, clock):
    """ "в выходные" and "в любой день" on the date step were "I could not read that date":
    the first of those days is taken (today, the 22nd, is a Sunday), and the step says so."""
    await open_form(member, session_factory)
    await member.click("Dentist")
    await member.send("Kyiv")
    await member.send("в выходные")
    assert "November 28, 2026, the first of those days: noted" in member.text()
    assert TIME_PROMPT in member.text()
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Preferred date: November 28, 2026" in member.text()
    await member.click("✏️ Date")
    await member.send("в любой день")
    assert "Preferred date: November 22, 2026" in member.text()


async def test_a_doctor_typed_with_a_slip_is_the_listed_one(member, session_factory):
    """ "стамотолог" typed on the specialty step was "Another specialty: Стамотолог", and
    "к терпевту" on the chooser was not read."""
    await open_form(member, session_factory)
    await member.send("стамотолог")
    summary = await summary_from_clinic(member)
    assert "Dentist" in summary
    await member.click("✅ Send")
    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("к терпевту")
    await summary_from_clinic(member)
    await member.click("✅ Send")
    first, second = await stored_requests(session_factory)
    assert (first.details["specialty"], second.details["specialty"]) == ("dentist", "therapist")


async def test_a_day_typed_on_the_time_step_changes_the_visit_s_day(member, session_factory):
    """ "в пятницу" or "15.12" on the time step were "I did not expect that here": the member
    changes their mind about the day there. The day is the visit's now, said so, and the time
    is asked again; with a time of day, "в пятницу утром", both are taken."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.click("Dentist")
    await member.send("Kyiv, Dobrobut")
    await member.send("в 25 ноября")  # (was "I could not read that date", as "на" was read)
    assert "What time of day suits you best?" in member.text()
    await member.send("15.12")
    assert "📅 The day of the visit is now December 15, 2026." in member.text()
    assert "What time of day suits you best?" in member.text()
    await member.send("в пятницу утром")
    assert "Anything the clinic should know" in member.text()
    await member.click("⏭ Skip")
    assert "Preferred date: November 27, 2026 (Friday)" in member.text()
    assert "Time: 🌅 Morning, 8:00–12:00" in member.text()


async def test_a_day_typed_on_the_specialty_step_is_kept_for_the_date_step(member, session_factory):
    """ "в 15 декабря" typed where the doctor is asked was stored as the doctor, "в 15
    декабря" (found walking the quick start): it is the visit's day, kept and said so, and the
    date step is answered by it once the clinic is given."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.send("в 15 декабря")
    assert "📅 December 15, 2026: noted for the day of the visit. First, which doctor" in (
        member.text()
    )
    await member.click("Dentist")
    await member.send("Kyiv, Dobrobut")
    assert "What time of day suits you best?" in member.text()  # the date step answered
    await member.click("🌅 Morning.*")
    await member.click("⏭ Skip")
    assert "Specialty: Dentist" in member.text()
    assert "Preferred date: December 15, 2026 (Tuesday)" in member.text()


async def _sent_comment(session_factory) -> str | None:
    return (await stored_requests(session_factory))[-1].details.get("comment")


async def test_how_the_member_feels_asks_for_the_doctor_and_is_the_clinic_s_comment(
    member, session_factory, clock
):
    """ "у меня болит зуб" on the menu was "I could not tell what to do with this", though it
    names the dentist, and "болит горло, температура 38" names no doctor but asks for one:
    a complaint offers the appointment (with the doctor it names), and the message, which
    tells the clinic what it should know, is the form's comment, said so and not asked
    again."""
    await member_with_active_card(member, session_factory)
    await member.send("у меня болит зуб")
    await member.click("📝 New request: 🩺 Doctor appointment · Dentist")
    assert CLINIC_PROMPT in member.text()
    assert "💬 Your message is noted as the comment for the clinic" in member.text()
    await clinic_day_any_time(member, "Kyiv, Medikom")
    assert COMMENT_PROMPT not in member.text()  # (told already)
    assert "Comment: у меня болит зуб" in member.text()
    await member.click("✅ Send")
    assert await _sent_comment(session_factory) == "у меня болит зуб"

    await member.send("/menu")
    clock.advance(minutes=31)  # (a line just after a request goes to it)
    await member.send("Болит горло, температура 38 второй день")
    await member.click("📝 New request: 🩺 Doctor appointment")
    assert SPECIALTY_PROMPT in member.text()
    assert "noted as the comment for the clinic" in member.text()
    await member.click(r"Therapist \(GP\)")
    await clinic_day_any_time(member)
    assert "Comment: Болит горло, температура 38 второй день" in member.text()


async def test_a_doctor_asked_for_after_the_complaint_keeps_the_message_whole(
    member, session_factory
):
    """ "температура 39, можно врача на дом?" was a question for support: asked after what is
    told first, after a comma, it asks for the doctor; the comment is the message as written,
    the temperature too."""
    await member_with_active_card(member, session_factory)
    await member.send("температура 39, можно врача на дом?")
    await member.click("📝 New request: 🩺 Doctor appointment")
    await member.click(r"Therapist \(GP\)")
    await clinic_day_any_time(member)
    assert "Comment: температура 39, можно врача на дом?" in member.text()


async def test_a_doctor_asked_home_is_asked_and_said_to_the_clinic(member, session_factory):
    """ "вызвать врача на дом" was kept for support: to call a doctor out asks for one, and
    that the visit is at home is what the clinic must know (the comment)."""
    await member_with_active_card(member, session_factory)
    await member.send("вызвать врача на дом, температура у ребенка")
    await member.click("📝 New request: 🩺 Doctor appointment · Pediatrician")  # ("ребенка")
    assert "noted as the comment for the clinic" in member.text()
    await clinic_day_any_time(member)
    await member.click("✅ Send")
    assert await _sent_comment(session_factory) == "вызвать врача на дом, температура у ребенка"


@pytest.mark.parametrize(
    ("said", "offered"),
    [
        ("my tooth hurts", "📝 New request: 🩺 Doctor appointment · Dentist"),
        ("тісім ауырады", "📝 New request: 🩺 Doctor appointment · Dentist"),
        ("I have a headache and a fever", "📝 New request: 🩺 Doctor appointment"),
        ("у меня аллергия на пыльцу", "📝 New request: 🩺 Doctor appointment"),
        # the doctor a complaint in two parts names, once ("і" joins no two requests here)
        ("у дитини висипка і температура", "📝 New request: 🩺 Doctor appointment · Pediatrician"),
        # a complaint of one word, with what to do asked about it
        ("заболел, что делать?", "📝 New request: 🩺 Doctor appointment"),
        ("захворіла дитина, що робити?", "📝 New request: 🩺 Doctor appointment · Pediatrician"),
        # a child's word (Kazakh too) names the pediatrician, unless the complaint names another
        ("Баламның қызуы бар", "📝 New request: 🩺 Doctor appointment · Pediatrician"),
        ("баламның тісі ауырады", "📝 New request: 🩺 Doctor appointment · Dentist"),
        ("у ребенка болит зуб", "📝 New request: 🩺 Doctor appointment · Dentist"),
        # something broken: a tooth, a filling, a limb
        ("у меня сломался зуб", "📝 New request: 🩺 Doctor appointment · Dentist"),
        ("выпала пломба", "📝 New request: 🩺 Doctor appointment · Dentist"),
        ("I broke my arm", "📝 New request: 🩺 Doctor appointment"),
    ],
)
async def test_a_complaint_in_any_language_offers_the_doctor_it_names(
    member, session_factory, said, offered
):
    await member_with_active_card(member, session_factory)
    await member.send(said)
    assert [b for b in member.buttons() if b.startswith("📝 New request:")] == [offered], said


@pytest.mark.parametrize(
    "said",
    [
        "почему болит зуб после пломбы?",
        "лимит на стоматологию",
        "болит",
        "Спасибо, зуб больше не болит",  # (a pain gone)
        "it doesn't hurt anymore",
        "сломалась кнопка",  # (broken, but nothing of theirs)
    ],
)
async def test_a_question_about_a_complaint_or_a_word_of_pain_alone_offers_no_doctor(
    member, session_factory, said
):
    await member_with_active_card(member, session_factory)
    await member.send(said)
    assert not any(b.startswith("📝 New request:") for b in member.buttons()), said


async def test_a_doctor_asked_for_with_no_complaint_still_asks_the_comment(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.send("мне нужен стоматолог")
    await member.click("📝 New request: 🩺 Doctor appointment · Dentist")
    assert "noted as the comment" not in member.text()
    await clinic_day_any_time(member)
    assert COMMENT_PROMPT in member.text()


async def test_a_complaint_with_a_doctor_and_a_day_says_each_kept(member, session_factory):
    """The day named with a complaint is said kept, and the comment under it: two things one
    message answered, each said (`also_notice`). Typed where the kind of request is asked, a
    complaint opens the appointment the same way."""
    await member_with_active_card(member, session_factory)
    await member.send("болит зуб, запишите к стоматологу на завтра")
    await member.click("📝 New request: 🩺 Doctor appointment · Dentist")
    text = member.text()
    assert "📅 November 23, 2026: noted for the day of the visit" in text
    assert "💬 Your message is noted as the comment for the clinic" in text
    assert text.index("noted for the day") < text.index("noted as the comment")

    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("болит горло и кашель")
    assert SPECIALTY_PROMPT in member.text()
    assert "noted as the comment for the clinic" in member.text()


async def test_a_day_named_with_a_visit_whose_doctor_is_not_named_is_kept(member, session_factory):
    """ "my back hurts, need a doctor on Monday" opened the form at the doctor, and Monday was
    asked again after the clinic: the day is kept and said so, as one typed on the doctor's
    step is, and answers the date step once the clinic is given."""
    await member_with_active_card(member, session_factory)
    await member.send("my back hurts, need a doctor on Monday")
    await member.click("📝 New request: 🩺 Doctor appointment")
    text = member.text()
    assert SPECIALTY_PROMPT in text
    assert "📅 November 23, 2026: noted for the day of the visit. First, which doctor" in text
    assert "noted as the comment for the clinic" in text
    await member.click("Neurologist")
    await member.send("Kyiv, Medikom")
    assert TIME_PROMPT in member.text()  # (the date step answered)
    await member.click("🕘 Any time")
    text = member.text()
    assert "Preferred date: November 23, 2026 (Monday)" in text
    assert "Comment: my back hurts, need a doctor on Monday" in text

    await member.send("/menu")
    await member.send("к врачу на понедельник")  # (no complaint: a day all the same)
    await member.click("📝 New request: 🩺 Doctor appointment")
    assert "📅 November 23, 2026: noted for the day of the visit" in member.text()
    assert "comment" not in member.text()


@pytest.mark.parametrize(
    ("said", "offered"),
    [
        ("ребенку нужен кардиолог", "📝 New request: 🩺 Doctor appointment · Cardiologist"),
        ("дитині потрібен окуліст", "📝 New request: 🩺 Doctor appointment · Ophthalmologist"),
        ("сыну нужен лор", "📝 New request: 🩺 Doctor appointment · ENT"),
    ],
)
async def test_a_doctor_named_for_a_child_by_a_member_with_one_card_is_offered(
    member, session_factory, said, offered
):
    """ "сыну нужен лор" offered the ENT, but "ребенку нужен кардиолог" was "I could not tell
    what to do with this": the word for a child names the pediatrician too, and two doctors
    named none. The child's word is read past, as for a member with the child's card."""
    await member_with_active_card(member, session_factory)
    await member.send(said)
    assert [b for b in member.buttons() if b.startswith("📝 New request:")] == [offered], said


async def test_a_day_turned_down_is_said_back_not_taken_for_that_day(member, session_factory):
    """ "запишите к терапевту, только не в пятницу" on the menu was "📅 November 27 (a
    Friday): noted for the day of the visit", the one day the member could not come; on the
    date step "только не в пятницу" was "I could not read that date". A day turned down is no
    day kept; on the date step it is said back and the day asked again, and a day asked for
    beside it ("не в понедельник, лучше во вторник") is taken."""
    await member_with_active_card(member, session_factory)
    await member.send("запишите к терапевту, только не в пятницу")
    await member.click("📝 New request: 🩺 Doctor appointment · Therapist \\(GP\\)")
    assert CLINIC_PROMPT in member.text()
    assert "noted for the day of the visit" not in member.text()
    await member.send("Almaty, City Clinic No. 4")
    assert DATE_PROMPT in member.text()
    for said in ("только не в пятницу", "в пятницу не могу"):
        await member.send(said)
        assert "👌 Not November 27, 2026, then. Which day would suit you?" in member.text()
        assert "⚠️" not in member.text()
        assert DATE_PROMPT in member.text()  # the same step
    await member.send("не в понедельник, лучше во вторник")
    assert TIME_PROMPT in member.text()
    await member.send("только не утром")
    assert "👌 Not 🌅 Morning, 8:00–12:00, then." in member.text()
    await member.send("не могу утром, давайте вечером")
    await member.send("-")
    summary = member.text()
    assert "Preferred date: November 24, 2026 (Tuesday)" in summary
    assert "Time: 🌆 Evening, 16:00–20:00" in summary
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["preferred_date"] == "2026-11-24"
    assert request.details["time_window"] == "evening"


async def test_a_doctor_turned_down_is_said_back_not_taken_as_another_specialty(
    member, session_factory
):
    """ "не к терапевту" on the doctor's step was "another specialty" named "не к терапевту"
    (in the member's English, the Russian word is no button's): support would read it as a
    doctor asked for. "not the dentist" was the dentist. A doctor turned down is said back and
    the list asked again; one asked for beside it ("не терапевт, а кардиолог") is taken."""
    await open_form(member, session_factory)
    for said, label in (("не к терапевту", "Therapist (GP)"), ("not the dentist", "Dentist")):
        await member.send(said)
        assert f"👌 Not {label}, then. Which one is it?" in member.text()
        assert SPECIALTY_PROMPT in member.text()  # the same step
    await member.send("не терапевт, а кардиолог")
    assert CLINIC_PROMPT in member.text()
    await summary_from_clinic(member)
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["specialty"] == "cardiologist"


async def test_a_day_named_beside_a_time_turned_down_is_the_visit_s_day(member, session_factory):
    """ "в пятницу, только не утром" on the time step: the morning turned down was said back,
    and the Friday was lost (the visit stayed on the day given before). The day is the visit's
    day now, said so with the time turned down, and the time is asked again."""
    await to_date_step(member, session_factory)
    await member.send("05.12.2026")
    assert TIME_PROMPT in member.text()
    await member.send("в пятницу, только не утром")
    assert "📅 The day of the visit is now November 27, 2026." in member.text()
    assert "👌 Not 🌅 Morning, 8:00–12:00, then." in member.text()
    assert TIME_PROMPT in member.text()  # the time asked again
    await member.click("☀️ Afternoon, 12:00–16:00")
    await member.click("⏭ Skip")
    assert "Preferred date: November 27, 2026 (Friday)" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["preferred_date"], request.details["time_window"]) == (
        "2026-11-27",
        "afternoon",
    )


async def test_a_clinic_corrected_under_the_summary_is_changed(member, session_factory):
    """Under "Is everything right?", "клиника не City Clinic No. 4, а Medeu Clinic" (a field
    named, a value turned down and another given) was "I did not expect that here": the
    clinic is the one given, the summary back. A correction naming no field, of a value the
    bot cannot place, asks which field ("not City Clinic but Medeu", was "I did not expect
    that here")."""
    await open_form(member, session_factory)
    await to_summary(member)  # Almaty, City Clinic No. 4
    await member.send("клиника не City Clinic No. 4, а Medeu Clinic")
    assert "City / clinic: Medeu Clinic" in member.text()
    assert "Is everything right?" in member.text()
    await member.send("not Medeu but Sunkar")
    assert "What should be changed?" in member.text()
    assert "I did not expect that here" not in member.text()
    await member.send("клиника не Medeu Clinic, а Astana, Green Clinic")
    assert "City / clinic: Astana, Green Clinic" in member.text()
    await member.send("да")
    [request] = await stored_requests(session_factory)
    assert request.details["clinic"] == "Astana, Green Clinic"


async def test_a_value_corrected_under_the_summary_changes_its_field(member, session_factory):
    """Under "Is everything right?", "не утром, а вечером", "не стоматолог, а терапевт" and "не
    утром" (a correction by the value, no word for its field) and "время не подходит" were "I
    did not expect that here". A correction opens its field's step answered with it (the
    summary back when it is taken, the step asking again when it only turns one down); a field
    said not to suit opens its step."""
    await open_form(member, session_factory)
    await to_summary(member)  # the dentist, December 5, the morning
    await member.send("не утром, а вечером")
    assert "Time: 🌆 Evening, 16:00–20:00" in member.text()
    assert "Is everything right?" in member.text()
    await member.send("не стоматолог, а терапевт")
    assert "Specialty: Therapist (GP)" in member.text()
    await member.send("не вечером")
    assert "👌 Not 🌆 Evening, 16:00–20:00, then." in member.text()
    assert TIME_PROMPT in member.text()
    await member.click("☀️ Afternoon, 12:00–16:00")
    await member.send("дата не подходит")
    assert DATE_PROMPT in member.text()
    await member.send("07.12.2026")
    # a value given "rather" than the one shown, with no "не" ("I did not expect that here")
    await member.send("давайте лучше на 8 декабря")
    assert "Preferred date: December 8, 2026 (Tuesday)" in member.text()
    await member.send("краще ввечері")
    assert "Time: 🌆 Evening, 16:00–20:00" in member.text()
    await member.send("да")
    [request] = await stored_requests(session_factory)
    assert (
        request.details["specialty"],
        request.details["preferred_date"],
        request.details["time_window"],
    ) == ("therapist", "2026-12-08", "evening")
