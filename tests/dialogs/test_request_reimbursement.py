import re
from datetime import date

import pytest

from bot.factory import create_dispatcher
from storage.db import create_engine, create_session_factory
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import (
    member_with_active_card,
    send_document,
    send_photo,
    send_voice,
    stored_documents,
    stored_requests,
)
from tests.factories import make_person, make_policy

UA_IBAN = "UA213223130000026007233566001"
UA_IBAN_SHOWN = "UA21 3223 1300 0002 6007 2335 6600 1"  # as IBANs are printed
UAH = "₴ Ukrainian hryvnia \\(UAH\\)"
DONE = "✅ Done with documents"


async def _open_form(member: MemberClient) -> None:
    await member.click("📝 New request")
    await member.click("💵 Reimbursement")


async def _to_documents(member: MemberClient) -> None:
    await _open_form(member)
    await member.send("15.11.2026")
    await member.send("1 234,50")
    await member.click(UAH)


async def _finish(member: MemberClient) -> None:
    await member.click(DONE)
    await member.send(UA_IBAN)
    await member.click("⏭ Skip")
    await member.click("✅ Send")


async def _to_summary(member: MemberClient, service_date: str) -> None:
    """From the menu to the summary of a claim for a service on `service_date`: 1 234,50 UAH,
    one receipt, the IBAN, no comment."""
    await _open_form(member)
    await member.send(service_date)
    await member.send("1 234,50")
    await member.click(UAH)
    await send_document(member, "receipt.pdf")
    await member.click(DONE)
    await member.send(UA_IBAN)
    await member.click("⏭ Skip")


async def _claim_from_amount(member: MemberClient, session_factory):
    """From the amount step on, a claim sent with one receipt: the requests stored."""
    assert "How much did you pay?" in member.text()
    await member.send("1 234,50")
    await member.click(UAH)
    await send_document(member, "receipt.pdf")
    await _finish(member)
    return await stored_requests(session_factory)


async def test_reimbursement_end_to_end_with_an_album_and_a_pdf(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    assert "On what date did you receive the medical service?" in member.text()
    assert "from August 24, 2026 to today" in member.text()

    await member.send("23.11.2026")
    assert "cannot be later than today, November 22, 2026" in member.text()
    await member.send("23.08.2026")
    assert "within 90 days of the service" in member.text()
    assert "the earliest date now is August 24, 2026" in member.text()
    await member.send("2026-11-15")

    await member.send("abc")
    assert "could not read that as an amount" in member.text()
    await member.send("1 234,50")

    assert "In which currency" in member.text()
    await member.click(UAH)

    assert "Send photos or files" in member.text()
    assert DONE not in member.buttons()  # at least one document first
    # an album arrives as one message per photo, its caption on the first
    await send_photo(member, "p1", group="album-1", caption="  Receipt and prescription ")
    for name in ("p2", "p3"):
        await send_photo(member, name, group="album-1")
    await send_document(member, "receipt.pdf")
    assert "Received: 4 of 20" in member.text()
    await member.click(DONE)

    await member.send("UA213223130000026007233566002")
    assert "not a valid IBAN" in member.text()
    await member.send("DE89370400440532013000")
    assert "only to a Ukrainian (UA…) or Kazakh (KZ…) bank account" in member.text()
    await member.send("ua21 3223 1300 0002 6007 2335 6600 1")

    await member.send("Dental filling, Dobrobut clinic")
    summary = member.text()
    assert "Service date: November 15, 2026" in summary
    assert "Amount: UAH\u00a01,234.50" in summary  # Babel's en, with CLDR's currency spacing
    assert "Insured person: Olena Kovalenko · policy SIP-2026-0001" in summary
    assert f"IBAN: {UA_IBAN_SHOWN}" in summary
    assert "Comment: Dental filling, Dobrobut clinic" in summary
    assert "Documents: 4" in summary

    await member.click("✏️ Amount")  # edit one field, then straight back to the summary
    await member.send("1234.5")
    assert "Amount: UAH\u00a01,234.50" in member.text()
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert "Request R-000001 is sent" in member.text()
    assert (request.number, request.kind, request.status) == ("R-000001", "reimbursement", "new")
    assert request.details == {
        "service_date": "2026-11-15",
        "amount": "1234.50",
        "currency": "UAH",
        "iban": UA_IBAN,
        "comment": "Dental filling, Dobrobut clinic",
    }
    docs = await stored_documents(session_factory, request.id)
    assert [
        (
            d.file_id,
            d.file_unique_id,
            d.kind,
            d.file_name,
            d.mime_type,
            d.file_size,
            d.media_group_id,
            d.caption,
        )
        for d in docs
    ] == [
        ("p1", "u-p1", "photo", None, "image/jpeg", 300_000, "album-1", "Receipt and prescription"),
        ("p2", "u-p2", "photo", None, "image/jpeg", 300_000, "album-1", None),
        ("p3", "u-p3", "photo", None, "image/jpeg", 300_000, "album-1", None),
        (
            "file-receipt.pdf",
            "u-receipt.pdf",
            "document",
            "receipt.pdf",
            "application/pdf",
            200_000,
            None,
            None,
        ),
    ]


async def test_date_before_coverage_names_the_coverage_start(member, session_factory):
    await member_with_active_card(member, session_factory, coverage_start=date(2026, 10, 1))
    await _open_form(member)
    assert "from October 1, 2026 to today" in member.text()
    await member.send("30.09.2026")
    assert "Coverage on your card started on October 1, 2026" in member.text()
    assert "On what date did you receive the medical service?" in member.text()
    await member.send("01.10.2026")
    assert "How much did you pay?" in member.text()


async def test_date_picked_on_the_calendar_is_checked_too(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    buttons = member.buttons()
    assert "[ 22 ]" in buttons  # today by the bot's clock
    assert "23" not in buttons  # a claim cannot name a day after today
    await member.click("15")
    assert "How much did you pay?" in member.text()


async def test_the_calendar_draws_no_week_without_a_day_to_pick(member, session_factory):
    """Today is Sunday, 22 November: the two weeks after it offer no day, and are not drawn as
    rows of blank buttons."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    markup = member.last().reply_markup
    assert markup is not None
    rows = [[b.text for b in row] for row in markup.inline_keyboard]
    assert [row for row in rows if not any(text.strip() for text in row)] == []
    weeks = [row for row in rows if any(text.strip("[ ]").isdigit() for text in row)]
    assert len(weeks) == 4 and weeks[-1][-1] == "[ 22 ]"
    assert weeks[0][-1] == "1"  # the month's first week, from Sunday the 1st


async def test_unreadable_date_and_non_text_answers_are_re_asked(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("some time last spring")
    assert "could not read that date" in member.text()
    await member.send("a week ago")  # a span of days back: 15 November
    await send_photo(member, "not-an-amount")
    assert "type your answer as a text message" in member.text()
    assert "How much did you pay?" in member.text()


async def test_thirty_documents_keep_twenty_and_say_so(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    for n in range(30):
        await send_document(member, f"scan-{n:02}.pdf")
    assert "Received: 20 of 20" in member.text()
    assert "more than 20 documents for one request; the extra ones were not added" in member.text()
    await _finish(member)

    [request] = await stored_requests(session_factory)
    docs = await stored_documents(session_factory, request.id)
    assert [d.file_name for d in docs] == [f"scan-{n:02}.pdf" for n in range(20)]
    assert "comment" not in request.details  # skipped


async def test_removing_the_documents_hides_done_until_one_is_sent(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await send_document(member, "wrong.pdf")
    await member.click("🗑 Remove the documents")
    assert DONE not in member.buttons()
    await member.send("here is the receipt")  # kept as the comment, and the receipt still asked
    assert "The documents are still needed: send them as photos or files" in member.text()
    await send_voice(member, "about-the-receipt")  # a voice message is not a document
    assert "Please send a photo or a file" in member.text()
    assert DONE not in member.buttons()
    await send_document(member, "receipt.pdf")
    await member.click(DONE)
    await member.send(UA_IBAN)  # the comment is answered: the summary
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert [d.file_name for d in await stored_documents(session_factory, request.id)] == [
        "receipt.pdf"
    ]
    assert request.details["comment"] == "here is the receipt"


async def test_currency_order_follows_a_ukrainian_phone(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("15.11.2026")
    await member.send("500")
    assert member.buttons()[:4] == [
        "₴ Ukrainian hryvnia (UAH)",
        "₸ Kazakhstani tenge (KZT)",
        "$ US dollar (USD)",
        "€ Euro (EUR)",
    ]


TENGE, HRYVNIA = "₸ Kazakhstani tenge (KZT)", "₴ Ukrainian hryvnia (UAH)"  # as shown


async def _first_currencies(member: MemberClient) -> list[str]:
    """From the menu to the claim's currency step: the first two currencies offered."""
    await member.send("/menu")
    await _open_form(member)
    await member.send("15.11.2026")
    await member.send("25 000")
    return member.buttons()[:2]


async def test_currency_order_follows_the_cards_phone_after_activation_by_id(
    member, session_factory
):
    """No phone was shared: the registry's phone on the card names the country."""
    async with session_factory.begin() as session:
        p = await make_policy(session, number="SIP-2026-0008")
        await make_person(
            session, p, insured_id="KZ-100301", full_name="Bauyrzhan Sultanov",
            birth_date=date(1982, 6, 6), phone="+77010009999",
        )  # fmt: skip
    await member.send("/start")
    await member.click("🪪 Activate by insured ID")
    await member.send("KZ-100301")
    await member.send("06.06.1982")
    assert await _first_currencies(member) == [TENGE, HRYVNIA]


async def test_currency_order_follows_a_kazakh_phone(member, session_factory):
    async with session_factory.begin() as session:
        p = await make_policy(session, number="SIP-2026-0007")
        await make_person(session, p, full_name="Aigerim Nurlanova", phone="+77011234567")
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("77011234567")
    assert await _first_currencies(member) == [TENGE, HRYVNIA]
    await member.click("₸ Kazakhstani tenge \\(KZT\\)")
    await send_photo(member, "check")
    await _finish(member)
    [request] = await stored_requests(session_factory)
    assert request.details["currency"] == "KZT"
    assert request.details["amount"] == "25000.00"


async def test_restart_mid_form_keeps_the_documents(
    member, session_factory, settings, clock, messages, db_url
):
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await send_photo(member, "p1", group="album-1")
    await send_photo(member, "p2", group="album-1")
    assert "Received: 2 of 20" in member.text()

    # a new process: new engine, new dispatcher, same database
    engine = create_engine(db_url)
    dp, _ = create_dispatcher(
        settings, create_session_factory(engine), clock=clock, message_manager=messages
    )
    restarted = MemberClient(dp, messages)
    await send_document(restarted, "receipt.pdf")
    assert "Received: 3 of 20" in restarted.text()
    await _finish(restarted)
    await engine.dispose()

    [request] = await stored_requests(session_factory)
    docs = await stored_documents(session_factory, request.id)
    assert [d.file_id for d in docs] == ["p1", "p2", "file-receipt.pdf"]


@pytest.mark.parametrize(
    ("language", "new_request", "kind", "too_old", "amount"),
    [
        (
            "🇺🇦 Українська",
            "📝 Нова заявка",
            "💵 Відшкодування витрат",
            "Строк подання заявки — 90 днів з дати послуги",
            r"Сума: 1\s234,50\s₴",
        ),
        (
            "🇷🇺 Русский",
            "📝 Новая заявка",
            "💵 Возмещение расходов",
            "Срок подачи заявки — 90 дней с даты услуги",
            r"Сумма: 1\s234,50\s₴",
        ),
        (
            "🇰🇿 Қазақша",
            "📝 Жаңа өтініш",
            "💵 Шығынды өтеу",
            "90 күн ішінде беріледі",
            r"1\s234,50\s(₴|UAH)",
        ),
    ],
)
async def test_the_form_speaks_the_members_language(
    member, session_factory, language, new_request, kind, too_old, amount
):
    await member_with_active_card(member, session_factory)
    await member.send("/language")
    await member.click(language)
    await member.click(new_request)
    await member.click(kind)
    await member.send("23.08.2026")
    assert too_old in member.text()
    await member.send("15.11.2026")
    await member.send("1 234,50")
    await member.click(re.escape(member.buttons()[0]))  # UAH first for a +380 phone
    await send_photo(member, "check")
    await member.click(re.escape(member.buttons()[0]))  # done with documents
    await member.send(UA_IBAN)
    await member.click(re.escape(member.buttons()[0]))  # skip the comment
    assert re.search(amount, member.text()), member.text()


@pytest.mark.parametrize(
    ("later", "typed", "day"),
    [
        # "1 грудня", next week, is not taken as last year's December, a year ago
        ("1 грудня", "15.11", "2026-11-15"),
        # "last Thursday" was "I could not read that date"; "next Monday" was taken for last
        # Monday, a day the member never named
        ("next Monday", "last Thursday", "2026-11-19"),
    ],
)
async def test_the_service_date_is_the_last_such_day_and_one_ahead_is_refused(
    member, session_factory, later: str, typed: str, day: str
):
    """Today is Sunday, 22 November 2026: a day ahead is refused as later than today; "15.11"
    is a week ago, "last Thursday" the 19th."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send(later)
    assert "cannot be later than today" in member.text()
    await member.send(typed)
    [request] = await _claim_from_amount(member, session_factory)
    assert request.details["service_date"] == day


async def test_an_amount_typed_with_its_currency_skips_the_currency_step(member, session_factory):
    """ "1 500 грн" says the currency: the documents are asked next; "✏️ Amount" with "$80"
    changes both; "1 500 руб" names a currency not reimbursed and is asked again."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("15.11.2026")
    await member.send("1 500 руб")
    assert "you may add the currency: UAH, KZT, USD or EUR" in member.text()
    await member.send("1 500 грн")
    assert "In which currency" not in member.text()
    assert "Send photos or files" in member.text()
    await send_document(member, "receipt.pdf")
    await member.click(DONE)
    await member.send(UA_IBAN)
    await member.click("⏭ Skip")
    assert "Amount: UAH\u00a01,500.00" in member.text()
    await member.click("✏️ Amount")
    await member.send("$80")
    assert "Amount: $80.00" in member.text()  # straight back to the summary, in dollars
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["amount"], request.details["currency"]) == ("80.00", "USD")


async def test_a_draft_sent_after_its_service_date_is_too_old_asks_for_the_date_again(
    member, session_factory, clock
):
    """The claim window moves on while a draft waits: a service on 25 August is within 90
    days on 22 November but not on the 27th. Sending then opens the date step with the reason
    (the earliest date now), and the summary comes back after it."""
    await member_with_active_card(member, session_factory)
    await _to_summary(member, "25.08.2026")
    clock.advance(days=5)  # 27 November

    await member.click("✅ Send")
    assert await stored_requests(session_factory) == []
    shown = member.text()
    assert "within 90 days of the service, so the earliest date now is August 29, 2026" in shown
    assert "On what date did you receive the medical service?" in shown
    await member.send("29.08.2026")
    assert "Service date: August 29, 2026" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["service_date"] == "2026-08-29"


async def test_a_card_number_typed_for_the_iban_is_named_and_the_step_stays(
    member, session_factory
):
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await send_document(member, "receipt.pdf")
    await member.click(DONE)
    await member.send("4149 4993 1234 5678")
    assert "That looks like a payment card number" in member.text()
    assert "Type the IBAN" in member.text()  # the same step
    await member.send(UA_IBAN)
    await member.click("⏭ Skip")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["iban"] == UA_IBAN


async def test_that_s_all_typed_on_the_documents_step_is_done(member, session_factory):
    """ "готово" typed after the receipt was "Please send a photo or a file"; a whole "that's
    all" is now "Done with documents", which still wants one document first."""
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await member.send("готово")
    assert "Please send a photo or a file" not in member.text()
    assert "Please attach at least one document" in member.text()
    await send_document(member, "receipt.pdf")
    await member.send("Готово!")
    assert "IBAN" in member.text()
    await member.send(UA_IBAN)
    await member.click("⏭ Skip")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert [d.file_name for d in await stored_documents(session_factory, request.id)] == [
        "receipt.pdf"
    ]


async def test_that_s_all_said_twice_over_on_the_documents_step_is_done(member, session_factory):
    """ "всё, больше нет" under the receipt ("that's all, no more") was kept as the claim's
    comment and the step asked for more documents: it is "Done with documents" now, and no
    comment is kept."""
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await send_document(member, "receipt.pdf")
    await member.send("всё, больше нет")
    assert "IBAN" in member.text()
    await member.send(UA_IBAN)
    assert "Anything to add for the claims team" in member.text()
    await member.click("⏭ Skip")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert "comment" not in request.details
    assert [d.file_name for d in await stored_documents(session_factory, request.id)] == [
        "receipt.pdf"
    ]


async def _sent_then_another_at_iban(member) -> None:
    """The claim at its IBAN step sent to UA_IBAN, then another one taken to its IBAN step."""
    await member.send(UA_IBAN)
    await member.click("⏭ Skip")
    await member.click("✅ Send")
    await member.send("/menu")
    await _to_documents(member)
    await send_document(member, "receipt-2.pdf")
    await member.click(DONE)


async def test_a_second_claim_offers_the_account_of_the_last_one(member, session_factory):
    """People claim to the same account: the IBAN step offers the last claim's, shortened on
    its button and shown whole on the summary; a first claim has no such button."""
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await send_document(member, "receipt-1.pdf")
    await member.click(DONE)
    assert not [b for b in member.buttons() if b.startswith("🏦")]  # no claim before
    await _sent_then_another_at_iban(member)
    await member.click("🏦 The same account as last time: UA21 … 6001")
    await member.click("⏭ Skip")
    assert f"IBAN: {UA_IBAN_SHOWN}" in member.text()
    await member.click("✅ Send")
    first, second = await stored_requests(session_factory)
    assert first.details["iban"] == second.details["iban"] == UA_IBAN


async def test_a_claim_s_comment_answered_nothing_is_skipped(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await send_document(member, "receipt.pdf")
    await member.click(DONE)
    await member.send(UA_IBAN)
    await member.send("nothing")
    assert "Comment" not in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert "comment" not in request.details


async def test_a_service_date_typed_with_its_time_of_day_is_that_day(member, session_factory):
    """ "вчера вечером" (the evening the doctor came) was "I could not read that date"; a
    claim needs the day only."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("вчера вечером")
    [request] = await _claim_from_amount(member, session_factory)
    assert request.details["service_date"] == "2026-11-21"


async def test_words_and_the_iban_typed_on_the_documents_step_are_kept(member, session_factory):
    """ "анализ крови в Инвитро" typed where the documents are asked (what the service was) was
    "Please send a photo or a file", and lost. It is kept as the claim's comment, and an IBAN
    typed early as its account: each said so, and their steps are not asked again. The
    documents are still required."""
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await member.send("анализ крови в Инвитро")
    assert "💬 Noted as the claim’s comment" in member.text()
    await member.send("анализ крови в Инвитро")  # sent twice: noted once
    assert "Please send a photo or a file" not in member.text()
    await member.send(UA_IBAN)
    assert "🏦 Noted as the account for the payment" in member.text()
    assert "The documents are still needed" in member.text()
    await member.send("готово")
    assert "Please attach at least one document" in member.text()
    await send_document(member, "receipt.pdf")
    await member.send("и ещё приём терапевта")
    assert "The documents are still needed" not in member.text()
    await member.click(DONE)
    assert f"IBAN: {UA_IBAN_SHOWN}" in member.text()  # the summary: no IBAN or comment step
    assert "Comment: анализ крови в Инвитро\nи ещё приём терапевта" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["iban"] == UA_IBAN
    assert request.details["comment"] == "анализ крови в Инвитро\nи ещё приём терапевта"


async def test_a_long_text_on_the_documents_step_is_refused_for_its_length(member, session_factory):
    """A description over the comment's 1,000 characters is refused as too long, not as no
    document; nothing of it is kept."""
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await member.send("очень " * 200)
    assert "too long" in member.text()
    await send_document(member, "receipt.pdf")
    await member.click(DONE)
    await member.send(UA_IBAN)
    assert "Anything to add for the claims team" in member.text()


async def test_the_date_and_amount_named_with_the_claim_answer_their_steps(member, session_factory):
    """ "I want a refund: I paid 1 234,50 UAH yesterday" typed on the menu offered the claim,
    which then asked for the date and the amount again. They answer their steps, the member is
    told so, and the form opens at the documents; one can still be changed on the summary."""
    await member_with_active_card(member, session_factory)
    await member.send("I want a refund: I paid 1 234,50 UAH yesterday")
    await member.click("📝 New request: 💵 Reimbursement")
    assert (
        "📅 November 21, 2026 and 💰 UAH\u00a01,234.50: noted as the date of the service and "
        "the amount paid." in member.text()
    )
    assert "Send photos or files" in member.text()
    await send_document(member, "receipt.pdf")
    await _finish(member)
    [request] = await stored_requests(session_factory)
    assert request.details["service_date"] == "2026-11-21"
    assert (request.details["amount"], request.details["currency"]) == ("1234.50", "UAH")


async def test_what_the_service_was_said_with_the_claim_is_its_comment(
    member, session_factory, clock
):
    """ "верните 15 000 тг за вчерашний прием у стоматолога" kept the date and the amount, then
    the comment step asked "what service you received", which the message had said. The message
    is the claim's comment, said so, and that step is not asked; it can be changed on the
    summary. A claim that says no service ("I paid … yesterday") still asks it."""
    await member_with_active_card(member, session_factory)
    await member.send("верните 15 000 тг за вчерашний прием у стоматолога")
    await member.click("📝 New request: 💵 Reimbursement")
    assert "Your message is noted as the claim’s comment for the claims team." in member.text()
    await send_document(member, "receipt.pdf")
    await member.click(DONE)
    await member.send(UA_IBAN)
    summary = member.text()
    assert "Anything to add for the claims team" not in summary
    assert "верните 15 000 тг за вчерашний прием у стоматолога" in summary
    assert "✏️ Comment" in member.buttons()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["comment"] == "верните 15 000 тг за вчерашний прием у стоматолога"

    await member.send("/menu")
    clock.advance(minutes=31)  # (a line a moment after a request goes to it)
    await member.send("I want a refund: I paid 1 234,50 UAH yesterday")
    await member.click("📝 New request: 💵 Reimbursement")
    assert "comment" not in member.text()
    await send_document(member, "receipt.pdf")
    await member.click(DONE)
    await member.send(UA_IBAN)
    assert "Anything to add for the claims team" in member.text()

    await member.send("/menu")  # what the service was, and nothing else: the date is asked
    await member.send("a refund for a blood test")
    await member.click("📝 New request: 💵 Reimbursement")
    assert "💬 Your message is noted as the claim’s comment" in member.text()
    assert "On what date did you receive the medical service?" in member.text()


async def test_an_amount_named_alone_with_the_claim_is_kept_for_after_the_date(
    member, session_factory
):
    """Only the amount named, on the chooser: the date is asked, then the documents (the
    amount and its currency are not asked again). A number without its currency is no amount
    ("2 tests"), and a day the claim window does not take is left for its step, unsaid."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.send("refund of 15 000 tenge for the dentist")
    assert "💰 KZT\u00a015,000.00: noted as the amount paid." in member.text()
    assert "On what date did you receive the medical service?" in member.text()
    await member.send("20.11.2026")
    assert "Send photos or files" in member.text()
    await member.send("/cancel")

    await member.send("a refund for yesterday's visit")  # the day alone: the amount is asked
    await member.click("📝 New request: 💵 Reimbursement")
    assert "📅 November 21, 2026: noted as the date of the service." in member.text()
    assert "How much did you pay?" in member.text()
    await member.send("/cancel")

    await member.send("a refund for 2 tests on June 3")
    await member.click("📝 New request: 💵 Reimbursement")
    assert "On what date did you receive the medical service?" in member.text()
    assert "noted as the date" not in member.text()
    assert "noted as the amount" not in member.text()
    assert "⚠️" not in member.text()
    # (what the service was, "tests", is said: the message is the claim's comment)
    assert "💬 Your message is noted as the claim’s comment" in member.text()
    await member.send("20.11.2026")
    assert "How much did you pay?" in member.text()


async def test_a_claim_asked_for_as_people_write_it(member, session_factory):
    """ "верните 15 000 тг за вчерашний прием у стоматолога" (give back 15,000 tenge for
    yesterday's visit to the dentist) offered nothing: "верните" was no word for a refund."""
    await member_with_active_card(member, session_factory)
    await member.send("верните 15 000 тг за вчерашний прием у стоматолога")
    await member.click("📝 New request: 💵 Reimbursement")
    assert "📅 November 21, 2026 and 💰 KZT\u00a015,000.00: noted" in member.text()
    await member.send("/start")

    # Kazakh puts the verb last: "8000 tenge for yesterday's visit, give it back"
    await member.send("кешегі қабылдау үшін 8000 теңгені қайтарыңыз")
    await member.click("📝 New request: 💵 Reimbursement")
    assert "📅 November 21, 2026 and 💰 KZT\u00a08,000.00: noted" in member.text()


async def test_an_amount_in_thousands_or_with_dots_between_them_is_read(member, session_factory):
    """ "5 тыс", "3 тис. грн" and "12.500" (a dot between the thousands, as receipts in
    Kazakhstan print it) were "I could not read that as an amount"."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("15.11.2026")
    await member.send("3 тис. грн")
    assert "Send photos or files of the documents" in member.text()
    await send_photo(member, "receipt")
    await _finish(member)
    for typed in ("5 тыс", "12.500"):
        await member.click("🏠 Main menu")
        await member.click("📝 New request")
        await member.click("💵 Reimbursement")
        await member.send("15.11.2026")
        await member.send(typed)
        assert "could not read" not in member.text(), typed
        await member.click("₸ Kazakhstani tenge \\(KZT\\)")
        await send_photo(member, "receipt")
        await _finish(member)
    sent = await stored_requests(session_factory)
    assert [(r.details["amount"], r.details["currency"]) for r in sent] == [
        ("3000.00", "UAH"),
        ("5000.00", "KZT"),
        ("12500.00", "KZT"),
    ]


async def test_an_iban_given_in_a_sentence_is_taken(member, session_factory):
    """ "IBAN: UA21…" and "мой счёт UA21… в Приватбанке" were "That is not a valid IBAN": the
    account is taken from the sentence it was typed in, on the documents step too."""
    await member_with_active_card(member, session_factory)
    await _to_documents(member)
    await send_photo(member, "receipt")
    await member.click(DONE)
    await member.send(f"мой счёт {UA_IBAN} в Приватбанке")
    assert "Anything to add for the claims team" in member.text()
    await member.click("⏭ Skip")
    assert "IBAN: UA21 3223 1300 0002 6007 2335 6600 1" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["iban"] == UA_IBAN


async def test_a_service_of_several_days_is_asked_for_one(member, session_factory):
    """ "10-12 ноября" (a stay of three days) was the 10th of November 2012: "coverage started
    later". The claim asks for one day."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("10-12 ноября")
    assert "That is more than one day. Please choose one" in member.text()
    await member.send("10 ноября")
    assert "How much did you pay?" in member.text()


async def test_a_service_day_not_said_opens_this_month_s_calendar(member, session_factory):
    """ "на днях", "a few days ago" and "середина октября" were "I could not read that date":
    the calendar of the month meant is shown and the day asked for (today is November 22)."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("на днях")
    assert "📅 November 2026: which day? Pick it on the calendar below" in member.text()
    await member.send("a few days ago")
    assert "📅 November 2026: which day?" in member.text()
    await member.send("середина октября")
    assert "📅 October 2026: which day?" in member.text()
    assert "could not read" not in member.text()
    await member.click("14")
    [request] = await _claim_from_amount(member, session_factory)
    assert request.details["service_date"] == "2026-10-14"


async def test_documents_asked_about_or_promised_later_are_answered(member, session_factory):
    """On the documents step "какие документы нужны?" and "можно без чека?" were kept as the
    claim's comment ("Noted as the claim's comment"): they are told what is needed. "чек потом
    пришлю" was kept as the comment too: the member is told the claim waits, for how long, and
    how to come back, and it does (nothing of it in the comment)."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("15.11.2026")
    await member.send("1 234,50")
    await member.click(UAH)
    for asked in ("какие документы нужны?", "можно без чека?", "what documents do you need"):
        await member.send(asked)
        assert "📎 Needed: the receipt or fiscal check for what you paid" in member.text(), asked
    await member.send("чек потом пришлю")
    assert "The claim will wait here for the documents" in member.text()
    assert "kept for 3 days" in member.text()
    assert "Noted as the claim’s comment" not in member.text()
    await member.send("/start")
    await member.click("✏️ Continue: 💵 Reimbursement")
    assert "Send photos or files of the documents" in member.text()
    await send_document(member, "receipt.pdf")
    await _finish(member)
    [request] = await stored_requests(session_factory)
    assert not request.details.get("comment")
    assert len(await stored_documents(session_factory, request.id)) == 1


async def test_a_month_named_for_the_day_opens_its_calendar_and_not_knowing_says_where(
    member, session_factory
):
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("в октябре")  # the calendar turned to October, the day asked for
    assert "📅 October 2026: which day? Pick it on the calendar below" in member.text()
    assert "🗓 October 2026" in member.buttons()
    assert "could not read" not in member.text()
    await member.send("в июле")  # past the claim window: said so, as for a day typed
    assert "the earliest date now is August 24, 2026" in member.text()
    await member.send("не помню")
    assert "printed on the receipt or fiscal check" in member.text()
    assert "🗓 October 2026" in member.buttons()  # (the month named stays shown)
    await member.click("12")
    assert "How much did you pay?" in member.text()
    await member.send("всего 1500 + 300")  # a label left out, the amounts added
    assert "➕ I added the amounts up: 1,800." in member.text()
    await member.click(UAH)
    await send_document(member, "receipt.pdf")
    await member.click(DONE)
    await member.send("тот же")  # no claim before: the IBAN is asked for
    assert "There is no earlier claim with an account yet" in member.text()
    await _sent_then_another_at_iban(member)
    await member.send("такой же как в прошлый раз")  # the last claim's account
    await member.click("⏭ Skip")
    await member.click("✅ Send")
    first, second = await stored_requests(session_factory)
    assert (first.details["service_date"], first.details["amount"]) == ("2026-10-12", "1800.00")
    assert first.details["iban"] == second.details["iban"] == UA_IBAN


async def test_a_receipt_sent_on_the_menu_offers_the_claim_and_is_its_document(
    member, session_factory
):
    """A photo of a receipt captioned "чек за анализы" was "Messages are not taken on this
    screen": a receipt named for its money offers the claim, and the photo is its first
    document ("чекап", a check-up, offers none)."""
    await member_with_active_card(member, session_factory)
    await send_photo(member, "checkup", caption="хочу пройти чекап")
    assert "📝 New request: 💵 Reimbursement" not in member.buttons()
    await member.send("/menu")
    await send_photo(member, "receipt", caption="чек за анализы")
    await member.click("📝 New request: 💵 Reimbursement")
    await member.send("15.11.2026")
    await member.send("1500 грн")
    assert "📎 Received: 1 of 20" in member.text()
    await member.click(DONE)
    await member.send(UA_IBAN)  # (the caption says what the service was: the comment's)
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["comment"] == "чек за анализы"
    assert [doc.file_id for doc in await stored_documents(session_factory, request.id)] == [
        "receipt"
    ]


async def test_an_amount_said_in_words_is_read(member, session_factory):
    """ "полторы тысячи гривен", as dictated, was "I could not read that as an amount"."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("15.11.2026")
    await member.send("полторы тысячи гривен")
    assert "📎 Send photos or files" in member.text()  # the currency named: not asked
    await send_document(member, "receipt.pdf")
    await _finish(member)
    [request] = await stored_requests(session_factory)
    assert (request.details["amount"], request.details["currency"]) == ("1500.00", "UAH")


async def test_a_currency_turned_down_is_said_back_not_taken_for_that_currency(
    member, session_factory
):
    """ "не в долларах" on the currency step was the dollar: its words name the dollar, and the
    claim was for the one currency the member had not paid in. A currency turned down is said
    back and asked again; one asked for beside it ("гривны, не доллары") is taken."""
    await member_with_active_card(member, session_factory)
    await _open_form(member)
    await member.send("15.11.2026")
    await member.send("1 234,50")
    for said in ("не в долларах", "not USD", "доллар емес"):
        await member.send(said)
        assert "👌 Not $ US dollar (USD), then. Which one is it?" in member.text()
        assert "In which currency" in member.text()  # the same step
    await member.send("гривны, не доллары")
    await send_document(member, "receipt.pdf")
    await _finish(member)
    [request] = await stored_requests(session_factory)
    assert (request.details["amount"], request.details["currency"]) == ("1234.50", "UAH")


async def test_a_value_corrected_under_the_claim_s_summary_changes_its_field(
    member, session_factory
):
    """ "не в гривнах, а в долларах" and "нет, не 15, а 16" under the claim's summary were "I
    did not expect that here": each changes its field (the currency, the service date) to the
    value it gives, and the summary comes back."""
    await member_with_active_card(member, session_factory)
    await _to_summary(member, "15.11.2026")
    await member.send("не в гривнах, а в долларах")
    assert "Amount: $1,234.50" in member.text()
    await member.send("нет, не 15, а 16")
    assert "Service date: November 16, 2026" in member.text()
    assert "Is everything right?" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert (request.details["service_date"], request.details["currency"]) == ("2026-11-16", "USD")
