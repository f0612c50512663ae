from sqlalchemy import select

from storage.models import Member
from tests.dialogs.requests_helpers import (
    linked_family,
    member_with_active_card,
    send_document,
    send_photo,
    stored_documents,
    stored_requests,
)

HOME = "Almaty, Abay Ave 10, flat 3"


async def _open_form(member, session_factory, home_address: str | None = None) -> None:
    await member_with_active_card(member, session_factory)
    if home_address:
        async with session_factory.begin() as session:
            stored = (await session.execute(select(Member))).scalar_one()
            stored.home_address = home_address
    await member.click("📝 New request")
    await member.click("🧪 Lab tests")
    assert "doctor’s referral" in member.text()


async def test_lab_tests_typed_list_calendar_date_and_home_address(member, session_factory):
    await _open_form(member, session_factory, home_address=HOME)
    assert "➡️ Next" not in member.buttons()
    await member.send("!!!")
    assert "The list cannot be empty" in member.text()
    await member.send("Complete blood count, TSH")
    assert "Your list of tests:\nComplete blood count, TSH" in member.text()
    await member.click("➡️ Next")

    assert "On which day would you like to take the tests?" in member.text()
    await member.send("01.11.2026")
    assert "That day has already passed" in member.text()
    assert "On which day" in member.text()  # the same step
    await member.send("31.02.2027")
    assert "could not read that date" in member.text()
    await member.send("23.11.2027")
    assert "more than a year ahead" in member.text()
    # the calendar follows the bot's clock: November 2026, days before the 22nd not offered
    assert "🗓 November 2026" in member.buttons()
    assert "21" not in member.buttons()
    await member.click("25")

    assert "find a laboratory nearby" in member.text()
    await member.click(f"🏠 Use {HOME}")
    summary = member.text()
    assert "Tests: Complete blood count, TSH" in summary
    assert "Preferred date: November 25, 2026" in summary
    assert f"Address: {HOME}" in summary
    assert "Referral:" not in summary

    await member.click("✏️ Date")  # edit one field, then straight back to the summary
    await member.send("22.11.2026")  # today is fine
    assert "Preferred date: November 22, 2026" in member.text()
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert f"Request {request.number} is sent" in member.text()
    assert (request.kind, request.status) == ("lab_tests", "new")
    assert request.details == {
        "referral": "Complete blood count, TSH",
        "preferred_date": "2026-11-22",
        "address": HOME,
    }
    assert await stored_documents(session_factory, request.id) == []


async def test_referral_files_alone_and_typed_address(member, session_factory):
    await _open_form(member, session_factory)
    await send_document(member, "referral.zip", mime="application/zip")
    assert "I accept PDF, JPEG, PNG and HEIC" in member.text()
    assert "➡️ Next" not in member.buttons()
    await send_document(member, "referral.pdf")
    for name in ("page-1", "page-2", "page-3"):
        await send_photo(member, name, group="album-7")
    assert "Documents attached: 4 of 20" in member.text()
    await member.click("➡️ Next")
    await member.send("2026-12-03")

    assert not any(b.startswith("🏠 Use") for b in member.buttons())  # no address in profile
    await member.send("Kyiv")
    assert "An address needs 5 to 300 characters" in member.text()
    await member.send("Kyiv, Lesi Ukrainky Blvd 20")
    summary = member.text()
    assert "Tests:" not in summary
    assert "Preferred date: December 3, 2026" in summary
    assert "Referral: 4 photos or files" in summary
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert request.details == {
        "referral": "",
        "preferred_date": "2026-12-03",
        "address": "Kyiv, Lesi Ukrainky Blvd 20",
    }
    docs = await stored_documents(session_factory, request.id)
    assert [
        (d.file_id, d.file_unique_id, d.kind, d.file_name, d.mime_type, d.file_size) for d in docs
    ] == [
        (
            "file-referral.pdf",
            "u-referral.pdf",
            "document",
            "referral.pdf",
            "application/pdf",
            200_000,
        ),
        ("page-1", "u-page-1", "photo", None, "image/jpeg", 300_000),
        ("page-2", "u-page-2", "photo", None, "image/jpeg", 300_000),
        ("page-3", "u-page-3", "photo", None, "image/jpeg", 300_000),
    ]
    assert {d.media_group_id for d in docs[1:]} == {"album-7"}


async def test_a_photo_instead_of_a_date_is_refused(member, session_factory):
    await _open_form(member, session_factory)
    await member.send("Vitamin D")
    await member.click("➡️ Next")
    await send_photo(member, "not-a-date")
    assert "Please type your answer as a text message" in member.text()
    assert "On which day" in member.text()


async def test_a_preferred_date_without_a_year_is_the_next_such_day(member, session_factory):
    """Today is 22 November 2026: "5.1" is next January's, "25 листопада" this month's, and
    yesterday's "21 ноября" has passed (not a day a year away)."""
    await _open_form(member, session_factory, home_address=HOME)
    await member.send("Complete blood count")
    await member.click("➡️ Next")
    await member.send("5.1")
    assert "find a laboratory nearby" in member.text()
    await member.click(f"🏠 Use {HOME}")
    assert "Preferred date: January 5, 2027" in member.text()
    await member.click("✏️ Date")
    await member.send("завтра")  # tomorrow, the 23rd
    assert "Preferred date: November 23, 2026" in member.text()
    await member.click("✏️ Date")
    await member.send("21 ноября")
    assert "That day has already passed" in member.text()
    await member.send("25 листопада")
    assert "Preferred date: November 25, 2026" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["preferred_date"] == "2026-11-25"


async def test_a_draft_whose_day_has_passed_asks_for_another_day_when_sent(
    member, session_factory, clock
):
    await _open_form(member, session_factory, home_address=HOME)
    await member.send("Complete blood count")
    await member.click("➡️ Next")
    await member.send("23.11.2026")
    await member.click(f"🏠 Use {HOME}")
    clock.advance(days=3)  # 25 November: the draft's day has passed

    await member.click("✅ Send")
    assert await stored_requests(session_factory) == []
    assert "The day you chose, November 23, 2026, has already passed" in member.text()
    assert "On which day would you like to take the tests?" in member.text()
    await member.send("26.11.2026")
    assert "Preferred date: November 26, 2026" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["preferred_date"] == "2026-11-26"


async def test_a_time_of_day_typed_with_the_day_is_kept_on_the_request(member, session_factory):
    """The lab tests form has no time step: "завтра утром" was "I could not read that date".
    The day is taken and the time of day kept on the request (a blood test in the morning);
    a time already over today is said so; a day typed alone later drops the time."""
    await _open_form(member, session_factory, home_address=HOME)  # Sunday, 10:00 in Almaty
    await member.send("Complete blood count")
    await member.click("➡️ Next")
    await member.send("сегодня утром")  # until 12:00: still left
    await member.click(f"🏠 Use {HOME}")
    summary = member.text()
    assert "Preferred date: November 22, 2026 (Sunday)" in summary
    assert "Time: 🌅 Morning, 8:00–12:00" in summary

    await member.click("✏️ Date")
    await member.send("сегодня ночью")  # not a time of day the bot knows: not a date either
    assert "could not read that date" in member.text()
    await member.send("tomorrow evening")
    assert "Preferred date: November 23, 2026 (Monday)" in member.text()
    assert "Time: 🌆 Evening, 16:00–20:00" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["preferred_date"], request.details["time_window"]) == (
        "2026-11-23",
        "evening",
    )


async def test_an_hour_typed_with_the_day_is_kept_as_typed(member, session_factory):
    """ "завтра в 10:30" kept the morning and lost "10:30". The hour is kept beside it, as
    typed; a day picked after drops both."""
    await _open_form(member, session_factory, home_address=HOME)
    await member.send("Complete blood count")
    await member.click("➡️ Next")
    await member.send("завтра в 10:30")
    await member.click(f"🏠 Use {HOME}")
    assert "Time: 🌅 Morning, 8:00–12:00 · “в 10:30”" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["time_window"], request.details["time_said"]) == ("morning", "в 10:30")


async def test_a_day_typed_alone_after_a_time_drops_the_time(member, session_factory, clock):
    await _open_form(member, session_factory, home_address=HOME)
    await member.send("Complete blood count")
    await member.click("➡️ Next")
    clock.advance(hours=3)  # 13:00 in Almaty: the morning is over
    await member.send("сегодня утром")
    assert "That time of day on November 22, 2026 has already passed" in member.text()
    await member.send("завтра утром")
    await member.click(f"🏠 Use {HOME}")
    assert "Time: 🌅 Morning" in member.text()
    await member.click("✏️ Date")
    await member.send("25.11.2026")
    assert "Preferred date: November 25, 2026 (Wednesday)" in member.text()
    assert "Time:" not in member.text()


async def test_a_day_named_with_the_tests_answers_the_date_step(member, session_factory):
    """ "Need a blood test tomorrow morning" on the menu offered the lab tests, whose date step
    then asked the day again. The day (and the time of day) is kept, said so, and answers the
    date step once the referral is given; the form goes on at the address."""
    await _open_form(member, session_factory, home_address=HOME)
    await member.send("/start")
    await member.send("Need a blood test tomorrow morning")
    await member.click("📝 New request: 🧪 Lab tests")
    assert "📅 November 23, 2026, 🌅 Morning, 8:00–12:00: noted as the day for the tests." in (
        member.text()
    )
    await member.send("Complete blood count")
    await member.click("➡️ Next")
    assert f"🏠 Use {HOME}" in member.buttons()  # the address step: the day was answered
    await member.click(f"🏠 Use {HOME}")
    summary = member.text()
    assert "Preferred date: November 23, 2026 (Monday)" in summary
    assert "Time: 🌅 Morning, 8:00–12:00" in summary

    await member.send("/start")  # a day of the week, in Russian ("сдать кровь": to give blood)
    # (the test named, "кровь на сахар", is the list's first line)
    await member.send("нужно сдать кровь на сахар в понедельник утром")
    await member.click("📝 New request: 🧪 Lab tests")
    assert "📝 Your list of tests:\nкровь на сахар\n" in member.text()
    assert (
        "📅 November 23, 2026, 🌅 Morning, 8:00–12:00: noted as the day for the tests, and your "
        "list as well." in member.text()
    )
    await member.send("/start")  # an hour: said as typed
    await member.send("нужно сдать кровь на сахар завтра в 8:30")
    await member.click("📝 New request: 🧪 Lab tests")
    assert (
        "📅 November 23, 2026, 🌅 Morning, 8:00–12:00 · “в 8:30”: noted as the day for the tests, "
        "and your list as well." in member.text()
    )
    await member.send("/start")  # what the member typed is escaped in the notice's HTML:
    await member.send("нужно сдать кровь завтра <b>в 8:30")
    await member.click("📝 New request: 🧪 Lab tests")
    # shown as typed, not taken for a tag
    assert "· “<b>в 8:30”: noted as the day for the tests." in member.text()


async def test_a_list_given_after_a_colon_is_the_list(member, session_factory, clock):
    """ "Lab tests tomorrow: complete blood count, glucose" gave the list too: it is the list's
    first line, with the day kept; "Good morning: I need lab tests" gives none."""
    await _open_form(member, session_factory, home_address=HOME)
    await member.send("/cancel")
    await member.send("Need lab tests tomorrow: complete blood count, glucose")
    await member.click("📝 New request: 🧪 Lab tests")
    assert "📅 November 23, 2026: noted as the day for the tests, and your list as well." in (
        member.text()
    )
    assert "complete blood count, glucose" in member.text()
    await member.click("➡️ Next")
    await member.click(f"🏠 Use {HOME}")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["referral"] == "complete blood count, glucose"
    assert request.details["preferred_date"] == "2026-11-23"

    await member.send("/menu")
    clock.advance(minutes=31)  # (a line a moment after a request goes to it)
    await member.send("Good morning: I need lab tests")
    await member.click("📝 New request: 🧪 Lab tests")
    assert "noted" not in member.text()


async def test_the_named_tests_with_the_word_for_them_are_the_list(member, session_factory, clock):
    """ "сдать анализы крови и ферритин завтра" kept the day and lost the tests: the form asked
    for the list as if none was given. The tests named after the word for them are the list's
    first line, the day kept beside; the word alone ("сдать анализы завтра") gives none."""
    await _open_form(member, session_factory, home_address=HOME)
    await member.send("/cancel")
    await member.send("сдать анализы крови и ферритин завтра")
    await member.click("📝 New request: 🧪 Lab tests")
    assert "📝 Your list of tests:\nанализы крови и ферритин\n" in member.text()
    assert "📅 November 23, 2026: noted as the day for the tests, and your list as well." in (
        member.text()
    )
    await member.send("витамин D")  # more typed: added to the list
    await member.click("➡️ Next")
    await member.click(f"🏠 Use {HOME}")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["referral"] == "анализы крови и ферритин\nвитамин D"
    assert request.details["preferred_date"] == "2026-11-23"

    await member.send("/menu")
    clock.advance(minutes=31)  # (a line a moment after a request goes to it)
    await member.send("сдать анализы завтра")
    await member.click("📝 New request: 🧪 Lab tests")
    assert "📅 November 23, 2026: noted as the day for the tests. First, the referral" in (
        member.text()
    )
    assert "Your list of tests" not in member.text()

    # in Kazakh the tests come before the word for them ("a general blood test tomorrow")
    await member.send("/cancel")
    await member.send("ертең жалпы қан анализін тапсырғым келеді")
    await member.click("📝 New request: 🧪 Lab tests")
    assert "📝 Your list of tests:\nжалпы қан анализін\n" in member.text()
    assert "📅 November 23, 2026: noted as the day for the tests, and your list as well." in (
        member.text()
    )


async def test_tests_on_an_empty_stomach_are_the_morning_s(member, session_factory):
    """ "завтра натощак" (tomorrow, fasting) was "I could not read that date": a blood test on
    an empty stomach is taken in the morning."""
    await _open_form(member, session_factory, home_address=HOME)
    await member.send("Glucose")
    await member.click("➡️ Next")
    await member.send("завтра натощак")
    await member.click(f"🏠 Use {HOME}")
    assert "Preferred date: November 23, 2026 (Monday)" in member.text()
    assert "Time: 🌅 Morning, 8:00–12:00" in member.text()


async def test_a_home_visit_asked_in_words_is_at_the_home_address(member, session_factory):
    """ "выезд на дом" on the address step was stored as the address: it is the home address
    from the profile."""
    await _open_form(member, session_factory, home_address=HOME)
    await member.send("Glucose")
    await member.click("➡️ Next")
    await member.send("завтра")
    await member.send("выезд на дом")
    assert f"Address: {HOME}" in member.text()


async def test_the_referral_named_is_asked_for_and_never_a_line_of_the_list(
    member, session_factory
):
    await _open_form(member, session_factory)
    await member.send("по направлению")
    assert "Please send the referral here as a photo or file" in member.text()
    assert "Your list of tests" not in member.text()
    assert "➡️ Next" not in member.buttons()  # nothing to send yet

    await send_photo(member, "referral-1", caption="направление")  # the caption says the photo
    assert "Documents attached: 1" in member.text()
    assert "Your list of tests" not in member.text()
    await member.send("направление приложила")
    assert "The referral is attached. Add more, type the tests, or press “➡️ Next”" in member.text()
    await member.send("направление на ОАК")  # the tests named with it are the list's line
    assert "Your list of tests:\nнаправление на ОАК" in member.text()
    await member.click("➡️ Next")
    await member.click("25")
    await member.send("Almaty, Abay Ave 10, flat 3")
    await member.click("✅ Send")

    (request,) = await stored_requests(session_factory)
    assert request.details["referral"] == "направление на ОАК"
    assert [doc.file_id for doc in await stored_documents(session_factory, request.id)] == [
        "referral-1"
    ]


async def test_a_month_named_for_the_day_turns_the_calendar_to_it(member, session_factory):
    await _open_form(member, session_factory)
    await member.send("ОАК")
    await member.click("➡️ Next")
    await member.send("в январе")
    assert "📅 January 2027: which day? Pick it on the calendar below" in member.text()
    assert "🗓 January 2027" in member.buttons()
    await member.send("в декабре 2027")  # beyond a year ahead: said so
    assert "more than a year ahead" in member.text()
    await member.click("15")
    assert "find a laboratory nearby" in member.text()


async def test_an_address_given_with_the_list_of_tests_answers_the_address_step(
    member, session_factory
):
    """The lab tests' list step reads an address given after the tests, as the medicines' does
    ("ОАК, ТТГ. адрес: Абая 10, кв 5"): said, and the address step, after the date, passed
    over to the summary."""
    await _open_form(member, session_factory)
    await member.send("ОАК, ТТГ. адрес: Абая 10, кв 5")
    assert "🏠 Абая 10, кв 5: noted as the address." in member.text()
    assert "Your list of tests:\nОАК, ТТГ" in member.text()
    await member.click("➡️ Next")
    await member.click("25")
    assert "Address: Абая 10, кв 5" in member.text()  # the summary, the address step passed
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["referral"] == "ОАК, ТТГ"
    assert request.details["address"] == "Абая 10, кв 5"


async def test_a_line_that_names_whom_the_tests_are_for_moves_the_request_to_their_card(
    member, session_factory
):
    """ "ОАК для сына" on the referral step went on the mother's card as a line: the son's
    card takes the request (said so), and the line is "ОАК"."""
    child_id = await linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("🧪 Lab tests")
    await member.send("ОАК для сына")
    assert "This request is now made on the card of Taras Kovalenko" in member.text()
    assert "ОАК\n" in member.text() and "для сына" not in member.text()
    async with session_factory() as session:
        stored = (await session.execute(select(Member))).scalar_one()
    assert stored.active_card_id == child_id


async def test_a_line_sent_after_others_is_kept_without_the_word_that_joins_it(
    member, session_factory
):
    """People send a list a message an item, the next ones joined on: "и ферритин", "і ще
    вітамін D", "also TSH". The list support reads held those words ("Tests: общий анализ
    крови / и ферритин"); it holds the items."""
    await _open_form(member, session_factory, home_address=HOME)
    for line in ("общий анализ крови", "и ферритин", "і ще вітамін D", "also TSH"):
        await member.send(line)
    assert "общий анализ крови\nферритин\nвітамін D\nTSH" in member.text()
    await member.click("➡️ Next")
    await member.click("25")
    await member.click(f"🏠 Use {HOME}")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["referral"] == "общий анализ крови\nферритин\nвітамін D\nTSH"
