from datetime import date

import pytest
from sqlalchemy import select

from bot.services import requests
from storage.models import ActorKind, Member, Notification, RequestStatus
from tests.dialogs.requests_helpers import (
    linked_family,
    member_with_active_card,
    send_voice,
    stored_requests,
)
from tests.factories import make_person, make_policy


async def test_callback_request_end_to_end(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    assert "New request on card SIP-2026-0001 (Olena Kovalenko)" in member.text()
    await member.click("📞 Call-back")
    assert "Type it, or use your confirmed number" in member.text()
    await member.send("12")
    assert "does not look like a phone number" in member.text()
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🌆 Evening, 16:00–20:00")
    await member.send("?")
    assert "at least a few characters" in member.text()
    await member.send("Question about my dental limit")
    summary = member.text()
    assert "Phone: +380 50 111 2233" in summary  # (stored as E.164, read in groups)
    assert "Time: 🌆 Evening, 16:00–20:00" in summary
    # a Sunday: the call centre is closed all day
    monday = "📅 We will call you on November 23, 2026 (Monday): the first day the call centre"
    assert monday in summary

    await member.click("✏️ Phone")  # edit one field, then straight back to the summary
    await member.send("8 701 123 45 67")  # as people write it in Kazakhstan
    assert "Phone: +7 701 123 4567" in member.text()
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert f"Request {request.number} is sent" in member.text()
    assert monday in member.text()
    assert request.number == "R-000001"
    assert (request.kind, request.status) == ("callback", "new")
    assert request.details == {
        # the number to call, changed from the member's Ukrainian one, is Kazakh: the evening
        # is the call centre's own (`test_the_times_of_day_are_those_of_the_number_to_call`)
        "phone": "+77011234567",
        "time_window": "evening",
        "topic": "Question about my dental limit",
        # the day the member was told, for staff (`tests/staff/test_callback_zones.py`)
        "call_date": "2026-11-23",
    }


async def test_waiting_card_cannot_take_requests_and_says_from_when(member, session_factory):
    await member_with_active_card(member, session_factory, coverage_start=date(2026, 12, 1))
    await member.click("📝 New request")
    assert "Coverage on your active card starts on December 1, 2026" in member.text()
    assert "📞 Call-back" not in member.buttons()


async def test_expired_card_cannot_take_requests(member, session_factory):
    await member_with_active_card(member, session_factory, coverage_end=date(2026, 10, 31))
    await member.click("📝 New request")
    assert "ended on October 31, 2026" in member.text()


async def _callback_without_a_phone(member, session_factory) -> None:
    """A member activated by insured ID (no confirmed phone) opens the call-back form."""
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0007")
        await make_person(
            session, policy, insured_id="KZ-100001", phone=None, birth_date=date(1984, 3, 5)
        )
    await member.send("/start")
    await member.click("🪪 Activate by insured ID")
    await member.send("KZ-100001")
    await member.send("05.03.1984")
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("📞 Call-back")


async def test_a_member_without_a_confirmed_phone_is_not_offered_one(member, session_factory):
    """Activated by insured ID, the member has no confirmed number: the step asks for one with
    an example, and neither its text nor a button offers "your confirmed number"."""
    await _callback_without_a_phone(member, session_factory)
    assert "Which number should we call? Type it, e.g. +380 50 123 45 67." in member.text()
    assert "confirmed" not in member.text()
    assert not [label for label in member.buttons() if label.startswith("📱")]
    await member.send("+380 50 123 45 67")
    assert "When is it convenient to call you?" in member.text()


async def test_a_member_whose_zone_is_not_known_is_told_whose_times_of_day_they_are(
    member, session_factory
):
    """A member with no confirmed phone reads times in the call centre's zone, named; the times
    of day for a call were not: "Morning, 8:00–12:00" of whose clock? When the number to call
    does not tell its zone either (a Russian mobile: the country's clocks disagree), the step
    and the summary say it, and nothing of a zone is stored (the times are the call centre's)."""
    await _callback_without_a_phone(member, session_factory)
    await member.send("+7 916 123 45 67")
    assert "The times are Almaty time." in member.text()
    await member.click("🌅 Morning, 8:00–12:00")
    await member.send("About my limit")
    assert "Time: 🌅 Morning, 8:00–12:00 (Almaty time)" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert "time_zone" not in request.details


async def test_the_times_of_day_are_those_of_the_number_to_call(member, session_factory):
    """The times of day were read in the member's zone, from their confirmed phone: with none
    (activated by insured ID) in the call centre's, named "Almaty time", though the number they
    typed to be called on is Kyiv's; with a Kyiv phone confirmed, also for a Kazakh number to
    call. Whoever answers is where the number is: its zone is the call's."""
    await _callback_without_a_phone(member, session_factory)
    await member.send("+380 50 123 45 67")
    assert "Almaty time" not in member.text()
    await member.click("🌅 Morning, 8:00–12:00")
    await member.send("About my limit")
    assert "Time: 🌅 Morning, 8:00–12:00" in member.text()
    assert "Almaty time" not in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["time_zone"] == "Europe/Kyiv"  # staff read it with Almaty's hours


async def _send_callback(member, topic: str = "Question about my dental limit") -> str:
    """A call-back to the confirmed number sent from the menu: the screen that says so."""
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🕘 Any time")
    await member.send(topic)
    await member.click("✅ Send")
    return member.text()


async def test_a_request_sent_while_support_is_away_says_when_they_are_back(
    member, session_factory, clock
):
    """Sent on a Sunday (the call centre's hours: Monday to Friday 9–21, Saturday 10–16, the
    insurer's time), the member is told support will take it on Monday morning, so that no
    answer is waited for all day; sent on Monday at noon, nothing of the kind is said."""
    await member_with_active_card(member, session_factory)
    sunday = await _send_callback(member)
    assert "Request R-000001 is sent" in sunday
    assert "🌙 Support is not at work now. They will take it from" in sunday
    assert "November 23, 2026" in sunday and "06:00" in sunday  # 9:00 in Almaty, her Kyiv's 6:00
    clock.advance(hours=26)  # Monday, 12:00 in Almaty
    monday = await _send_callback(member, "Question about my claim")  # (another: no "the same")
    assert "Request R-000002 is sent" in monday
    assert "Support is not at work" not in monday


async def test_the_sent_screen_drawn_again_says_nothing_of_support_away_once_it_is_taken(
    member, session_factory, clock
):
    """Sent on a Sunday: "Support is not at work, they will take it from Monday". The member
    writes on that screen after staff took it (a weekend shift): the screen drawn again said
    the same of a request already at work; now it does not."""
    await member_with_active_card(member, session_factory)
    assert "Support is not at work now" in await _send_callback(member)
    [request] = await stored_requests(session_factory)
    async with session_factory.begin() as session:
        await requests.change_status(
            session, request.id, RequestStatus.IN_PROGRESS, ActorKind.STAFF, 900, clock(), None
        )
    await member.send("Any news?")
    assert "Request R-000001 is sent" in member.text()
    assert "Support is not at work now" not in member.text()


async def test_the_sent_screen_drawn_again_says_the_status_the_request_has_now(
    member, session_factory, clock
):
    """Staff did the call-back and marked it done; the member, told "✅ done", writes on the
    screen still showing "Request R-000001 is sent. I will tell you here when its status
    changes" (and the day of the call). Drawn again, it said so of a request done; it says its
    status now, and no day the call is still to be made."""
    await member_with_active_card(member, session_factory)
    sent = await _send_callback(member)
    assert "I will tell you here when its status changes" in sent
    assert "We will call you on" in sent
    [request] = await stored_requests(session_factory)
    for status in (RequestStatus.IN_PROGRESS, RequestStatus.DONE):
        async with session_factory.begin() as session:
            await requests.change_status(
                session, request.id, status, ActorKind.STAFF, 900, clock(), None
            )
    await member.send("спасибо, всё решили")
    text = member.text()
    assert "Request R-000001 is sent. Its status now: ✅ done." in text
    assert "I will tell you here when its status changes" not in text
    assert "We will call you on" not in text
    [stored] = await stored_requests(session_factory)
    assert stored.status == RequestStatus.DONE  # the thank-you changed nothing


async def test_a_time_of_day_turned_down_is_not_taken_for_that_time(member, session_factory):
    """ "только не утром" on the time step was the morning: its words name the morning, and
    the call was booked for the one time the member could not take it. A time turned down is
    said back and asked again; one asked for beside it ("утром не могу, лучше вечером"), or
    with a reason after it ("ввечері, бо вдень працюю"), or with a bound ("не раньше обеда"),
    is taken."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    for said in (
        "только не утром",
        "I can't in the morning",
        "вранці не можу",
        "кроме утра",
        "любое время, кроме утра",  # ("any time" holds the morning: not taken)
    ):
        await member.send(said)
        assert "👌 Not 🌅 Morning, 8:00–12:00, then. Which time suits you?" in member.text()
        assert "🌆 Evening, 16:00–20:00" in member.buttons()  # the same step
    await member.send("утром не могу, лучше вечером")
    await member.send("Question about my dental limit")
    assert "Time: 🌆 Evening, 16:00–20:00" in member.text()
    await member.click("✏️ Time")
    await member.send("ввечері, бо вдень працюю")
    assert "Time: 🌆 Evening, 16:00–20:00" in member.text()
    await member.click("✏️ Time")
    await member.send("мне было бы удобнее всего после обеда")
    assert "Time: ☀️ Afternoon, 12:00–16:00" in member.text()
    await member.click("✏️ Time")
    await member.send("не раньше обеда")  # a bound: the afternoon, not the afternoon turned down
    assert "Time: ☀️ Afternoon, 12:00–16:00" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["time_window"] == "afternoon"


async def test_a_day_named_beside_a_time_turned_down_is_kept_for_the_call(member, session_factory):
    """ "в пятницу, только не утром" on the time step: the morning turned down was said back,
    and the Friday was lost (the call was made the first day the centre worked). The day is
    kept, said so, and goes with the time picked next, as "в пятницу вечером" would."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.send("в пятницу, только не утром")
    assert "📅 November 27, 2026: noted as the day of the call." in member.text()
    assert "👌 Not 🌅 Morning, 8:00–12:00, then. Which time suits you?" in member.text()
    await member.click("🌆 Evening, 16:00–20:00")
    await member.send("Question about my limit")
    assert "Time: 🌆 Evening, 16:00–20:00 · “в пятницу”" in member.text()
    assert "We will call you on November 27, 2026 (Friday)" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["time_window"], request.details["call_date"]) == (
        "evening",
        "2026-11-27",
    )


async def test_the_number_or_time_corrected_under_the_summary_is_changed(member, session_factory):
    """ "не на этот номер, а на 0671234567" and "не вечером, а утром" under the call-back's
    summary were "I did not expect that here": each changes its field (the number to call,
    the time) to the value it gives, and the summary comes back."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🌆 Evening, 16:00–20:00")
    await member.send("Question about my limit")
    await member.send("не на этот номер, а на 0671234567")
    assert "Phone: +380 67 123 4567" in member.text()
    await member.send("не вечером, а утром")
    assert "Time: 🌅 Morning, 8:00–12:00" in member.text()
    assert "Is everything right?" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["phone"], request.details["time_window"]) == (
        "+380671234567",
        "morning",
    )


async def test_the_time_for_a_call_back_typed_as_an_hour(member, session_factory):
    """ "з 9 до 11" is the morning, and the hours the member gave are kept as typed beside it
    (support would otherwise call at 11:30); a time pressed after drops them."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.send("з 9 до 11")
    await member.send("Question about my dental limit")
    assert "Time: 🌅 Morning, 8:00–12:00 · “з 9 до 11”" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["time_window"] == "morning"
    assert request.details["time_said"] == "з 9 до 11"


async def test_the_kind_of_request_typed_on_the_chooser_opens_its_form(member, session_factory):
    """ "лекарства", "к врачу", "refund" on "What do you need?" were "I did not expect that
    here"; each now opens the form it names."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.send("лекарства")
    assert "💊 Medicines" in member.text()
    await member.click("✖️ Cancel")
    await member.send("к врачу")
    assert "Which doctor do you need?" in member.text()
    await member.click("✖️ Cancel")
    await member.send("I paid for a visit myself, is it covered?")  # a question, no request
    assert "I cannot answer that myself; support can. Send this to support?" in member.text()
    assert "What do you need?" in member.text()  # no form opened
    # (asked after what is told, after a comma: the refund, `forms.polite_request`)
    await member.send("I paid for a visit myself, can I get the money back?")
    assert "💵 Reimbursement" in member.text()
    await member.click("✖️ Cancel")
    await member.send("кровь из носа")  # a nosebleed, not lab tests
    assert "What do you need?" in member.text()  # no form opened
    assert "🧪 Lab tests" not in member.text()
    await member.send("refund")
    assert "💵 Reimbursement" in member.text()
    await member.click("✖️ Cancel")
    await member.send("перезвоните мне")  # a short answer around a kind's word
    assert "Which number should we call?" in member.text()


async def test_what_the_chooser_does_not_make_is_offered_to_support(member, session_factory):
    """ "справка для бассейна", "консультация онлайн" on "What do you need?" were "I did not
    expect that here", and the member was left with the buttons of requests that are not
    theirs: each is offered to support with one press, as on the menu; pressed, it is sent.
    A request named with its money first ("деньги вернуть") is the refund."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.send("справка для бассейна")
    assert "Send this to support?" in member.text()
    assert "✉️ Send it to support" in member.buttons()
    assert "💊 Medicines" in member.buttons()  # the kinds still there to press
    await member.click("✉️ Send it to support")
    assert "✅ Sent to support; the answer comes here in this chat" in member.text()
    async with session_factory() as session:
        queued = (await session.execute(select(Notification))).scalars().all()
    assert [(n.kind, n.payload["text"]) for n in queued] == [
        ("member_message", "справка для бассейна")
    ]
    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("деньги вернуть")
    assert "💵 Reimbursement" in member.text()


async def test_a_kind_turned_down_on_the_chooser_is_said_back_not_opened(member, session_factory):
    """ "не лекарства" on "What do you need?" opened the medicines form, the one request the
    member had ruled out. It is said back and the kinds are asked again; one asked for beside
    it ("не лекарства, а анализы") is opened."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.send("не лекарства")
    assert "👌 Not 💊 Medicines, then. Which one is it?" in member.text()
    assert "What do you need?" in member.text()  # no form opened
    await member.send("не лекарства, а анализы")
    assert "🧪 Lab tests" in member.text()


async def test_a_call_back_turned_down_in_a_sentence_is_said_back_not_opened(
    member, session_factory
):
    """ "not a call-back", "не хочу звонок" and "без звонка" on "What do you need?" opened the
    call-back, the one request the member had ruled out; "мне не звонок нужен, а запись к
    врачу" was offered to support. The first are said back, the last opens what it asks for.
    "не могу записаться" (the member cannot book it themselves) is no refusal of the booking.
    On the menu, "не хочу звонок" offered the call-back."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    for typed in ("not a call-back", "не хочу звонок", "без звонка", "қоңырау керек емес"):
        await member.send(typed)
        assert "👌 Not 📞 Call-back, then. Which one is it?" in member.text(), typed
        assert "What do you need?" in member.text()  # no form opened
    await member.send("мне не звонок нужен, а запись к врачу")
    assert "Which doctor do you need?" in member.text()
    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("не могу записаться")
    assert "Not 🩺 Doctor appointment" not in member.text()
    # on the menu too: nothing offered for the refused one, the other one offered
    await member.send("/menu")
    await member.send("не хочу звонок")
    assert "📝 New request: 📞 Call-back" not in member.buttons()
    await member.send("не лекарства, а анализы")
    assert "📝 New request: 🧪 Lab tests" in member.buttons()
    assert await stored_requests(session_factory) == []


async def test_a_contact_shared_for_the_number_to_call_is_taken(member, session_factory):
    """ "Which number should we call?" answered with a contact from the address book (a
    mother's, no Telegram account of hers): it was "send your answer as a text message"; a
    number to call proves nothing, so the contact's number is taken whoever's it is."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.share_contact("77015550000", owner_id=None)  # no +, as Telegram sends it
    assert "When is it convenient to call you?" in member.text()
    await member.click("🕘 Any time")
    await member.send("My mother's dental limit")
    assert "Phone: +7 701 555 0000" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["phone"] == "+77015550000"
    # the confirmed phone is still hers
    async with session_factory() as session:
        stored = (await session.execute(select(Member))).scalar_one()
    assert stored.phone == "+380501112233"


async def test_a_call_back_asked_for_after_the_call_centre_closes_says_the_day_it_can_be(
    member, session_factory, clock
):
    """Saturday at 10:00 (the call centre works until 16:00, not on Sunday): a call in the
    morning is today, and nothing more is said; one in the evening is on Monday, and the
    summary says so while the time can still be changed."""
    await member_with_active_card(member, session_factory)
    clock.advance(days=6)  # Saturday, November 28, 10:00 in Almaty
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🌆 Evening, 16:00–20:00")
    await member.send("Question about my dental limit")
    assert "📅 We will call you on November 30, 2026 (Monday)" in member.text()
    assert member.text().endswith("at that time.\n\nIs everything right?")  # said before it
    await member.click("✏️ Time")
    await member.click("🌅 Morning, 8:00–12:00")
    assert "Time: 🌅 Morning, 8:00–12:00" in member.text()
    assert "We will call you on" not in member.text()
    await member.click("✅ Send")
    assert "Request R-000001 is sent" in member.text()
    assert "We will call you on" not in member.text()


async def test_a_request_named_under_request_sent_is_offered(member, session_factory, clock):
    """ "ще аналізи треба" typed under "Request R-000001 is sent", once what the member writes
    no longer goes to that request (`requests.FOLLOW_UP`), was only offered to support; the
    request it names is offered too (a finished form's screen keeps only what it needs from one
    update to the next: the offer is among it)."""
    await member_with_active_card(member, session_factory)
    assert "Request R-000001 is sent" in await _send_callback(member)
    clock.advance(minutes=31)
    await member.send("ще аналізи треба")
    assert "📝 New request: 🧪 Lab tests" in member.buttons()
    await member.click("📝 New request: 🧪 Lab tests")
    assert "referral" in member.text()


async def test_a_time_of_day_asked_for_with_the_call_back_answers_its_time_step(
    member, session_factory
):
    """ "перезвоните мне вечером" on the menu offered the call-back, and the form asked "When
    is it convenient to call you?" as if nothing had been said. The time of day it names is
    kept, said so, and the time step is not asked; named on the request screen, too."""
    await member_with_active_card(member, session_factory)
    await member.send("перезвоните мне вечером")
    await member.click("📝 New request: 📞 Call-back")
    assert "🌆 Evening, 16:00–20:00: noted as the time for the call." in member.text()
    await member.click("📱 Use \\+380 50 111 2233")
    assert "What would you like to talk about?" in member.text()  # the time step answered
    await member.send("My dental limit")
    assert "Time: 🌆 Evening, 16:00–20:00" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["time_window"] == "evening"

    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("call me back in the morning please")
    assert "🌅 Morning, 8:00–12:00: noted as the time for the call." in member.text()
    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("перезвоните мне")  # no time of day: asked as before
    await member.click("📱 Use \\+380 50 111 2233")
    assert "When is it convenient to call you?" in member.text()


async def test_an_hour_asked_for_with_the_call_back_answers_its_time_step_as_typed(
    member, session_factory
):
    """ "перезвоните мне после 18 по поводу записи" opened the call-back and asked "When is it
    convenient to call you?" again: an hour in a sentence was not read (only the words for a
    time of day were). It is the evening, kept as typed, said so; a number that is no hour
    ("15 декабря") is not taken for one."""
    await member_with_active_card(member, session_factory)
    said = "перезвоните мне после 18 по поводу записи"
    await member.send(said)
    await member.click("📝 New request: 📞 Call-back")
    assert (
        "🌆 Evening, 16:00–20:00 · “после 18”: noted as the time for the call, and your "
        "message as its topic." in member.text()
    )
    await member.click("📱 Use \\+380 50 111 2233")
    assert "Time: 🌆 Evening, 16:00–20:00 · “после 18”" in member.text()  # the summary
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["time_window"], request.details["time_said"]) == (
        "evening",
        "после 18",
    )

    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("перезвоните 15 декабря")
    await member.click("📱 Use \\+380 50 111 2233")
    assert "When is it convenient to call you?" in member.text()


async def test_a_call_back_asked_for_about_a_doctor_is_the_call_back(
    member, session_factory, clock
):
    """ "передзвоніть мені після обіду щодо ліміту на стоматологію" (call me back after lunch
    about my dentistry limit) named the call-back and the dentist, and nothing was offered: a
    sentence that begins with the verb of a request asks for that one, and what follows may
    be its topic. A doctor named after "appointment" is still the appointment's."""
    await member_with_active_card(member, session_factory)
    said = "передзвоніть мені завтра після обіду щодо ліміту на стоматологію"
    await member.send(said)
    await member.click("📝 New request: 📞 Call-back")
    assert (  # the day said with the time kept beside it
        "☀️ Afternoon, 12:00–16:00 · “завтра після обіду”: noted as the time for the call, and "
        "your message as its topic." in member.text()
    )
    # the message said what the call is about: the topic is not asked
    await member.click("📱 Use \\+380 50 111 2233")
    assert f"Topic: {said}" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["time_window"], request.details["topic"]) == ("afternoon", said)

    await member.send("/menu")
    clock.advance(minutes=31)  # (a line a moment after a request goes to it)
    await member.send("call me about my claim please")  # no time of day: asked, then summary
    await member.click("📝 New request: 📞 Call-back")
    assert "💬 Your message is noted as the topic of the call." in member.text()
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🌅 Morning, 8:00–12:00")
    assert "Topic: call me about my claim please" in member.text()

    await member.send("/cancel")  # Kazakh puts the verb last: "call me about the MRI claim"
    await member.send("маған МРТ өтемақысы туралы қоңырау шалыңыз")
    await member.click("📝 New request: 📞 Call-back")
    assert "💬 Your message is noted as the topic of the call." in member.text()

    await member.send("/cancel")
    await member.send("appointment with a dermatologist next Tuesday")
    assert "📝 New request: 🩺 Doctor appointment · Dermatologist" in member.buttons()


async def test_another_request_a_moment_after_one_reads_the_cards_once(
    member, session_factory, monkeypatch
):
    """ "I also need a dentist tomorrow" a moment after a call-back request: the member's cards
    are read to tell it is another request, and that list makes the offer (it was read twice)."""
    from bot.services import cards

    await member_with_active_card(member, session_factory)
    assert "Request R-000001 is sent" in await _send_callback(member)
    read = cards.list_cards
    calls: list[int] = []

    async def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return await read(*args, **kwargs)

    monkeypatch.setattr(cards, "list_cards", counted)
    await member.send("I also need a dentist tomorrow")
    assert "📝 New request: 🩺 Doctor appointment · Dentist" in member.buttons()
    assert len(calls) == 1


async def test_another_request_asked_as_a_question_a_moment_after_one_is_offered(
    member, session_factory
):
    """ "а можна ще й аналізи здати?" a moment after a call-back went to that call-back as a
    line for support: a question that asks for a request of another kind (after "а", "and")
    is that request offered, as the same words without the question are."""
    await member_with_active_card(member, session_factory)
    assert "Request R-000001 is sent" in await _send_callback(member)
    await member.send("а можна ще й аналізи здати?")
    assert "📝 New request: 🧪 Lab tests" in member.buttons()
    assert await _member_lines(session_factory) == []  # (kept for the offer, not passed on)


async def test_a_thank_you_a_moment_after_sending_is_answered_not_passed_on(
    member, session_factory
):
    """ "дякую" under "Request R-000001 is sent" went to support as a line of that request,
    and the member was told nothing: it is answered as on any screen, and stays with the
    bot. After a line from staff, a thank-you is theirs, and goes to them."""
    await member_with_active_card(member, session_factory)
    assert "Request R-000001 is sent" in await _send_callback(member)
    await member.send("дякую")
    assert "You are welcome!" in member.text()
    [request] = await stored_requests(session_factory)
    assert await _member_lines(session_factory) == []

    async with session_factory.begin() as session:
        from bot.services import relay

        stored = await session.get(type(request), request.id)
        relay.staff_line(session, stored, 7, "We will call you at 15:00", stored.created_at)
    await member.send("спасибо!")
    assert await _member_lines(session_factory) == ["спасибо!"]


async def test_a_thank_you_for_a_request_done_is_answered_not_offered_to_support(
    member, session_factory, clock
):
    """Told "✅ done", the member writes "спасибо, всё решили" on the screen still showing the
    request: "I could not tell what to do with this myself. Send this to support?". A thank-you
    that says the matter is done is answered as "спасибо" is; one that says it is not, "спасибо,
    но мне так и не перезвонили", is still offered to support."""
    await member_with_active_card(member, session_factory)
    await _send_callback(member)
    [request] = await stored_requests(session_factory)
    for status in (RequestStatus.IN_PROGRESS, RequestStatus.DONE):
        async with session_factory.begin() as session:
            await requests.change_status(
                session, request.id, status, ActorKind.STAFF, 900, clock(), None
            )
    for said in ("спасибо, всё решили", "дякую, мені вже передзвонили", "thanks, all sorted"):
        await member.send(said)
        assert "You are welcome!" in member.text()
        assert "✉️ Send it to support" not in member.buttons()
    await member.send("спасибо, но мне так и не перезвонили")
    assert "✉️ Send it to support" in member.buttons()
    assert await _member_lines(session_factory) == []  # nothing went to support unasked


async def test_a_goodbye_a_moment_after_sending_is_answered_not_passed_on(member, session_factory):
    """ "до свидания" under "Request R-000001 is sent" went to support as a line of that
    request, as "дякую" no longer does: it is answered, and stays with the bot."""
    await member_with_active_card(member, session_factory)
    assert "Request R-000001 is sent" in await _send_callback(member)
    await member.send("до свидания")
    assert "Goodbye! If you need anything else" in member.text()
    assert await _member_lines(session_factory) == []


async def test_a_thank_you_on_the_page_of_a_request_just_sent_is_answered_not_passed_on(
    member, session_factory
):
    """ "спасибо", "до свидания", "ок" on the page of a request just sent went to support as
    lines of it ("✅ Your message was added to request R-000001"), as the menu no longer
    sends them: answered on the page, kept from support. After a line from staff, a
    thank-you there is theirs, and goes to them."""
    await member_with_active_card(member, session_factory)
    assert "Request R-000001 is sent" in await _send_callback(member)
    await member.send("/menu")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.send("спасибо")
    assert "You are welcome!" in member.text()
    await member.send("до свидания")
    assert "Goodbye!" in member.text()
    assert "R-000001 · 📞 Call-back" in member.text()  # the page stays
    assert await _member_lines(session_factory) == []

    [request] = await stored_requests(session_factory)
    async with session_factory.begin() as session:
        from bot.services import relay

        stored = await session.get(type(request), request.id)
        relay.staff_line(session, stored, 7, "We will call you at 15:00", stored.created_at)
    await member.send("спасибо!")
    assert await _member_lines(session_factory) == ["спасибо!"]


async def _member_lines(session_factory) -> list[str]:
    from storage.models import RequestEvent

    async with session_factory() as session:
        rows = await session.execute(
            select(RequestEvent.comment).where(RequestEvent.actor_kind == ActorKind.MEMBER)
        )
        return [line for line in rows.scalars() if line]


async def test_the_number_to_call_typed_in_a_sentence_is_taken(member, session_factory):
    """ "мой номер 0501112233" was "not a phone number": a member writes the number to call as
    a sentence. The one number a message holds is taken; a message with two, or with an
    extension the number would lose, is asked again."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    for typed in ("номер +380501112233 или 0671234567", "+38 (050) 111-22-33 доб. 12"):
        await member.send(typed)
        assert "does not look like a phone number" in member.text(), typed
    await member.send("звоните на 8 701 123 45 67")
    assert "When is it convenient to call you?" in member.text()
    await member.click("🕘 Any time")
    await member.send("About my dental limit")
    assert "Phone: +7 701 123 4567" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["phone"] == "+77011234567"


async def test_the_number_and_time_of_a_call_back_as_members_say_them(member, session_factory):
    """ "мой номер" on the phone step was "That does not look like a phone number"; "завтра
    утром" and "прямо сейчас" on the time step, and "утром" from a member the bot speaks
    English to, were "I did not expect that here". The own number is the confirmed one; a
    window said in any of the four languages is taken, a day said with it kept as typed for
    staff, and "now" is the first time there is."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.send("звоните на этот номер")  # ("does not look like a phone number")
    assert "When is it convenient to call you?" in member.text()
    await member.send("назад")  # (the phone step again)
    assert "Which number should we call" in member.text()
    await member.send("на этот же, пожалуйста")
    assert "When is it convenient to call you?" in member.text()
    await member.send("завтра утром")
    await member.send("Question about my dental limit")
    assert "Phone: +380 50 111 2233" in member.text()
    assert "Time: 🌅 Morning, 8:00–12:00 · “завтра утром”" in member.text()
    await member.click("✏️ Time")
    await member.send("утром")
    assert "Time: 🌅 Morning, 8:00–12:00\n" in member.text()
    await member.click("✏️ Time")
    await member.send("прямо сейчас")
    assert "Time: 🕘 Any time" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["phone"] == "+380501112233"
    assert request.details["time_window"] == "any"
    assert "time_said" not in request.details or request.details["time_said"] is None


@pytest.mark.parametrize(
    ("step", "said"),
    [
        ("phone", "мне неудобно говорить, напишите"),
        ("phone", "I can't talk, text me please"),
        ("time", "а можно в чат?"),
        ("time", "сөйлесе алмаймын, жазыңыз"),
    ],
)
async def test_a_member_who_would_rather_be_written_to_is_offered_support_s_chat(
    member, session_factory, step, said
):
    """ "мне неудобно говорить, напишите" on the call-back's number step was "That does not
    look like a phone number", and on its time step "I did not expect that here": the step
    says a call-back is a call and offers "Write to support", whose answer comes in this chat;
    the question written there reaches staff, and the form is where it was after it."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    if step == "time":
        await member.click("📱 Use \\+380 50 111 2233")
    prompt = member.text().split("\n")[0]
    await member.send(said)
    assert "A call-back is a phone call. To be answered in writing, tap “✉️ Write to support”" in (
        member.text()
    )
    assert "does not look like a phone number" not in member.text()
    assert prompt in member.text()  # the same step
    await member.click("✉️ Write to support")
    await member.send("Please explain my dental limit")
    assert "✅ Sent to support; the answer comes here in this chat" in member.text()
    async with session_factory() as session:
        [note] = (await session.execute(select(Notification))).scalars().all()
    assert (note.audience, note.kind) == ("staff", "member_message")
    await member.click("⬅️ Back")
    assert prompt in member.text()  # the call-back's step, as it was left
    assert await stored_requests(session_factory) == []


async def test_the_day_a_call_back_is_asked_for_is_kept_and_called_on(member, session_factory):
    """ "перезвоните в среду утром" kept the morning and lost Wednesday: the summary said "We
    will call you on Monday" and staff saw no day. The day is kept as typed beside the time,
    and the call is made from that day on; "перезвоніть" (as many write "передзвоніть") asks
    for a call-back too."""
    await member_with_active_card(member, session_factory)  # Sunday, November 22
    await member.send("перезвоніть мені завтра ввечері")
    assert "📝 New request: 📞 Call-back" in member.buttons()
    await member.send("перезвоните в среду утром")
    await member.click("📝 New request: 📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.send("About my dental limit")
    assert "Time: 🌅 Morning, 8:00–12:00 · “в среду утром”" in member.text()
    assert "📅 We will call you on November 25, 2026 (Wednesday)" in member.text()
    # "15.12" typed for the time is the 15th of December, any time that day (it was read as
    # 15:12, a minute no call is set at); "15.30" is half past three, from the first day again
    await member.click("✏️ Time")
    await member.send("15.12")
    assert "Time: 🕘 Any time · “15.12”" in member.text()
    assert "📅 We will call you on December 15, 2026 (Tuesday)" in member.text()
    await member.click("✏️ Time")
    await member.send("15.30")
    assert "Time: ☀️ Afternoon, 12:00–16:00 · “15.30”" in member.text()
    assert "📅 We will call you on November 23, 2026 (Monday)" in member.text()
    await member.click("✏️ Time")
    await member.send("в среду утром")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["time_said"], request.details["call_date"]) == (
        "в среду утром",
        "2026-11-25",
    )


async def test_an_hour_outside_the_windows_is_told_their_hours(member, session_factory, clock):
    """ "в 21:00" on the time step was "I did not expect that here": the hours calls are
    arranged in are told, and the step stays."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.send("в 21:00")
    assert "arranged between 8:00 and 20:00. Please pick a time of day below" in member.text()
    assert "I did not expect" not in member.text()
    await member.send("Show this card")  # not an hour: as on any step
    assert "I did not expect that here" in member.text()
    await member.send("в 19")
    assert "What would you like to talk about?" in member.text()


async def test_a_time_said_with_the_number_and_a_day_alone_are_kept(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.send("0671234567 завтра после 18")  # the time step is answered with it
    kept = "🌆 Evening, 16:00–20:00 · “завтра после 18”: noted as the time for the call."
    assert kept in member.text()
    assert "What would you like to talk about?" in member.text()
    await member.send("Question about my dental limit")
    assert "Phone: +380 67 123 4567" in member.text()
    assert "📅 We will call you on November 23, 2026 (Monday)" in member.text()

    await member.click("✏️ Time")
    await member.send("через неделю")  # a day alone: any time that day (a Sunday: Monday)
    assert "Time: 🕘 Any time · “через неделю”" in member.text()
    assert "📅 We will call you on November 30, 2026 (Monday)" in member.text()
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert request.details["time_window"] == "any"
    assert request.details["call_date"] == "2026-11-30"


async def test_the_own_number_named_with_the_time_after_a_comma(member, session_factory):
    """ "на мой, вечером" was "That does not look like a phone number"."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.send("на мой, вечером")
    assert "🌆 Evening, 16:00–20:00: noted as the time for the call." in member.text()
    await member.send("About my limit")
    assert "Phone: +380 50 111 2233" in member.text()
    assert "Time: 🌆 Evening, 16:00–20:00" in member.text()


async def test_the_topic_said_with_the_number_to_call_is_kept(member, session_factory):
    """ "на мой, по поводу лимита" kept the number and asked the topic again: what the call is
    about, said with the number, is its topic (the number's words left out), said so."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.send("на мой, по поводу лимита на стоматологию")
    assert "💬 Your message is noted as the topic of the call." in member.text()
    await member.click("🌅 Morning.*")
    summary = member.text()
    assert "Phone: +380 50 111 2233" in summary  # (stored as E.164, read in groups)
    assert "Topic: по поводу лимита на стоматологию" in summary

    await member.click("✖️ Cancel")  # (back to the kinds of request)
    await member.click("📞 Call-back")
    await member.send("0671234567, вечером, about my claim")
    assert (
        "🌆 Evening, 16:00–20:00: noted as the time for the call, and your message as its topic."
        in member.text()
    )
    summary = member.text()
    assert "Phone: +380 67 123 4567" in summary
    assert "Topic: about my claim" in summary


@pytest.mark.parametrize("typed", ["өз нөміріме", "на свой номер", "на свій", "мне", "бұл нөмірге"])
async def test_the_own_number_said_in_other_words_is_the_confirmed_one(
    member, session_factory, typed
):
    """ "өз нөміріме" (to my own number) and "на свой номер" on the phone step were "That does
    not look like a phone number"."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.send(typed)
    assert "When is it convenient to call you?" in member.text(), typed
    await member.click("🌅 Morning.*")
    await member.send("Question about my dental limit")
    assert "Phone: +380 50 111 2233" in member.text()


async def test_the_same_call_back_asked_for_twice_is_said_before_it_is_sent_again(
    member, session_factory, clock
):
    """The same call-back asked for again an hour later (the first not yet called) made a
    second request: staff got two cards for one call. The summary says the first is open,
    and "Send" pressed again sends the second anyway; another topic is another request, another
    time of day (or the topic's case) is not."""
    await member_with_active_card(member, session_factory)

    async def call_back(topic: str, when: str = "вечером") -> None:
        await member.send("/menu")
        clock.advance(minutes=40)  # (a line a moment after a request goes to it)
        await member.click("📝 New request")
        await member.click("📞 Call-back")
        await member.send("мой номер")
        await member.send(when)
        await member.send(topic)
        await member.click("✅ Send")

    await call_back("About my dental limit")
    assert "Request R-000001 is sent" in member.text()
    await call_back("About my dental limit")
    assert (
        "⚠️ The same request is already sent and still open: R-000001 (🆕 new). To send another "
        "one anyway, press “✅ Send” again" in member.text()
    )
    assert "Is everything right?" in member.text()  # the summary, still
    assert len(await stored_requests(session_factory)) == 1
    await member.click("✅ Send")
    assert "Request R-000002 is sent" in member.text()

    await call_back("About my claim")  # not the same
    assert "Request R-000003 is sent" in member.text()

    # the same call asked for at another time of day (once "вечером", then "после 18", or in
    # the morning) is the same call: said too
    await call_back("about my claim", "утром")
    assert "⚠️ The same request is already sent and still open: R-000003 (🆕 new)." in (
        member.text()
    )
    assert len(await stored_requests(session_factory)) == 3


async def test_another_request_asked_under_the_summary_is_offered_once_it_is_sent(
    member, session_factory
):
    """ "а для Тараса теж треба повернути гроші за аналізи" under a call-back's summary was "I
    did not expect that here", and lost: it is kept, said so, and offered on the "request
    sent" screen, on Taras's card, as a message naming two requests offers its second. The
    call-back itself asked again is no other request."""
    child_id = await linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use .*")
    await member.click("🕘 Any time")
    await member.send("About my limit")
    await member.send("перезвоните мне")
    assert "I did not expect that here" in member.text()
    await member.send("а для Тараса теж треба повернути гроші за аналізи")
    offer = "💵 Reimbursement · Taras"
    assert f"📝 Noted: once this request is sent, I will offer the next one: {offer}." in (
        member.text()
    )
    assert "Is everything right?" in member.text()  # the summary stays
    await member.click("✅ Send")
    assert "Request R-000001 is sent" in member.text()
    await member.click(f"📝 New request: {offer}")
    assert "Reimbursement" in member.text()
    async with session_factory() as session:
        stored = (await session.execute(select(Member))).scalar_one()
    assert stored.active_card_id == child_id
    [request] = await stored_requests(session_factory)
    assert request.kind == "callback"


async def test_a_voice_message_for_the_topic_is_told_to_be_typed(member, session_factory):
    """A voice message on the call-back's topic step was "Please type your answer as a text
    message", with no word of where a voice message is heard: it says so now (support's
    chat, or a sent request's page), and the step stays."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use .*")
    await member.click("🕘 Any time")
    await send_voice(member, "topic")
    assert "This step takes no voice message: please type your answer." in member.text()
    assert "What would you like to talk about?" in member.text()
    await member.send("About my limit")
    assert "Topic: About my limit" in member.text()
