from sqlalchemy import select

from bot.services import requests
from storage.models import ActorKind, RequestEvent, RequestStatus
from tests.dialogs.requests_helpers import (
    member_with_active_card,
    send_document,
    send_voice,
    stored_documents,
    stored_requests,
)


async def _callback_request(member, topic: str) -> None:
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🕘 Any time")
    await member.send(topic)
    await member.click("✅ Send")


async def _staff_moves(session_factory, request_id, *targets, comment=None, clock=None):
    async with session_factory.begin() as session:
        for target in targets:
            await requests.change_status(
                session, request_id, target, ActorKind.STAFF, 900, clock(), comment
            )


async def test_list_is_paged_newest_first_and_opens_a_page(member, session_factory):
    await member_with_active_card(member, session_factory)
    for n in range(6):
        await _callback_request(member, f"Topic number {n}")
    await member.send("/menu")
    await member.click("📋 My requests")
    assert "page 1 of 2" in member.text()
    labels = [b for b in member.buttons() if b.startswith("R-")]
    assert labels[0] == "R-000006 · 📞 Call-back · 🆕 new"
    assert len(labels) == 5
    await member.click("▶️")
    assert [b for b in member.buttons() if b.startswith("R-")] == [
        "R-000001 · 📞 Call-back · 🆕 new"
    ]

    await member.click("R-000001 · 📞 Call-back · 🆕 new")
    text = member.text()
    assert "R-000001 · 📞 Call-back" in text
    assert "Status: 🆕 new" in text
    assert "Topic: Topic number 0" in text
    assert "History" in text
    assert "✖️ Cancel the request" in member.buttons()


async def test_member_cancels_a_new_request(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call me")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.click("✖️ Cancel the request")
    assert "Cancel request R-000001?" in member.text()
    await member.click("✖️ Yes, cancel it")
    assert "Status: ✖️ cancelled" in member.text()
    assert "✖️ Cancel the request" not in member.buttons()
    assert "✉️ Add a message or documents" not in member.buttons()
    [request] = await stored_requests(session_factory)
    assert request.status == "cancelled"


async def test_cancel_answered_by_typing_yes_or_no(member, session_factory):
    """ "Cancel request R-000001?" answered "no" or "так" in words was "I did not expect that
    here": "no" keeps the request, "так" (yes) cancels it; other words keep asking."""
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call me")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.click("✖️ Cancel the request")
    await member.send("no")
    assert "Status: 🆕 new" in member.text()  # its page again, the request kept
    await member.click("✖️ Cancel the request")
    await member.send("cancel")  # the question's word here, not the /cancel command's
    assert "Cancel request R-000001?" in member.text()
    await member.send("maybe later")
    assert "I did not expect that here" in member.text()
    assert "Cancel request R-000001?" in member.text()
    [request] = await stored_requests(session_factory)
    assert request.status == "new"
    await member.send("Так!")
    assert "Status: ✖️ cancelled" in member.text()
    [request] = await stored_requests(session_factory)
    assert request.status == "cancelled"


async def test_answer_to_need_info_with_text_and_document_resumes_work(
    member, session_factory, clock
):
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "About my referral")
    [request] = await stored_requests(session_factory)
    await _staff_moves(
        session_factory,
        request.id,
        RequestStatus.IN_PROGRESS,
        RequestStatus.NEED_INFO,
        comment="Which clinic?",
        clock=clock,
    )

    await member.send("/menu")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    text = member.text()
    assert "❓ more information needed: Which clinic?" in text
    assert "✖️ Cancel the request" not in member.buttons()
    await member.click("✉️ Add a message or documents")
    await member.click("⬅️ Back")
    await member.click("✉️ Add a message or documents")
    assert "✅ Send" not in member.buttons()
    await member.send("City clinic No. 3")
    await member.send("on Monday, if possible")  # a second message adds; it replaced the first
    assert "Ready to send: City clinic No. 3\non Monday, if possible" in member.text()
    assert "Documents" not in member.text()  # none yet: no "Documents: 0"
    await send_document(member, "referral.pdf")
    assert "📎 Documents: 1" in member.text()
    await send_voice(member, "directions")  # and how to find the clinic, said aloud
    # counted apart, as the request's page and the staff card count it
    assert "📎 Documents: 1\n🎤 Voice messages: 1" in member.text()
    await member.click("✅ Send")
    text = member.text()
    assert "Your message was added" in text
    assert "💬 you: City clinic No. 3\non Monday, if possible" in text
    assert "Status: 🔧 in progress" in text
    assert "🎤 voice message" in text

    [request] = await stored_requests(session_factory)
    assert request.status == "in_progress"
    doc, voice = await stored_documents(session_factory, request.id)
    assert (doc.file_name, doc.mime_type, doc.kind) == (
        "referral.pdf",
        "application/pdf",
        "document",
    )
    assert (voice.file_id, voice.mime_type, voice.kind) == (
        "voice-directions",
        "audio/ogg",
        "voice",
    )


async def test_cancel_asked_in_words_on_a_request_s_page(member, session_factory, clock):
    """ "отмените, пожалуйста" written on a new request's page went to support as a message,
    and the request waited for staff to cancel it, though the member could. A short message
    that only asks to cancel asks "Cancel request …?", as the button does; once support has
    started on it, or with more said, it goes to support as any message on the page."""
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call me")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.send("отмените, пожалуйста")
    assert "Cancel request R-000001?" in member.text()
    await member.send("ні")  # kept
    assert "Status: 🆕 new" in member.text()
    await member.send("отмените, пожалуйста, и перезвоните мне завтра утром")  # says more
    assert "Cancel request R-000001?" not in member.text()
    await member.send("скасуйте заявку")
    await member.send("так")
    assert "Status: ✖️ cancelled" in member.text()
    [request] = await stored_requests(session_factory)
    assert request.status == "cancelled"
    async with session_factory() as session:
        lines = await session.execute(
            select(RequestEvent.comment).where(RequestEvent.actor_kind == ActorKind.MEMBER)
        )
    assert "отмените, пожалуйста, и перезвоните мне завтра утром" in [line for (line,) in lines]

    clock.advance(hours=1)
    await member.send("/menu")
    await _callback_request(member, "About my limit")
    [_, second] = await stored_requests(session_factory)
    await _staff_moves(session_factory, second.id, RequestStatus.IN_PROGRESS, clock=clock)
    await member.click("📋 My requests")
    await member.click("R-000002.*")
    await member.send("cancel it please")  # support has started: support reads it
    assert "Cancel request R-000002?" not in member.text()
    async with session_factory() as session:
        lines = await session.execute(
            select(RequestEvent.comment).where(
                RequestEvent.request_id == second.id, RequestEvent.actor_kind == ActorKind.MEMBER
            )
        )
    assert "cancel it please" in [line for (line,) in lines]


async def test_a_request_asked_after_on_the_menu_opens_when_it_is_the_one_open(
    member, session_factory, clock
):
    """ "когда мне перезвонят?" on the menu was told where requests are, though the member has
    one open and its page says when: that page opens. "отмените заявку" asks "Cancel request
    …?"; once support has started on it, its page says why it cannot be. With two open, or to
    move one (support does), the menu says where requests are."""
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call me")
    clock.advance(hours=1)  # (a line just after sending a request would go to it)
    await member.send("/menu")
    await member.send("когда мне перезвонят?")
    assert "R-000001" in member.text() and "Status: 🆕 new" in member.text()
    assert "Call on: November 23, 2026 (Monday)" in member.text()
    await member.send("/menu")
    await member.send("отмените заявку")
    assert "Cancel request R-000001?" in member.text()
    await member.send("нет")
    assert "Status: 🆕 new" in member.text()
    [request] = await stored_requests(session_factory)
    await _staff_moves(session_factory, request.id, RequestStatus.IN_PROGRESS, clock=clock)
    await member.send("/menu")
    await member.send("отмените заявку")
    assert "can no longer be cancelled" in member.text()
    assert "R-000001" in member.text()
    for typed in ("перенесите звонок на завтра", "поменяйте время звонка"):
        await member.send("/menu")
        await member.send(typed)
        assert "Your requests and their status are under" in member.text(), typed
        assert member.buttons()[0] == "✉️ Send it to support"

    await _callback_request(member, "Another question")
    clock.advance(hours=1)
    await member.send("/menu")
    await member.send("когда мне перезвонят?")  # two open: which is not guessed
    assert "Your requests and their status are under" in member.text()
    [first, second] = await stored_requests(session_factory)
    assert (first.status, second.status) == ("in_progress", "new")


async def test_cancel_refused_once_staff_took_it(member, session_factory, clock):
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.click("✖️ Cancel the request")
    [request] = await stored_requests(session_factory)
    await _staff_moves(session_factory, request.id, RequestStatus.IN_PROGRESS, clock=clock)
    await member.click("✖️ Yes, cancel it")
    assert "can no longer be cancelled" in member.text()
    [request] = await stored_requests(session_factory)
    assert request.status == "in_progress"


async def test_no_requests_yet(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.click("📋 My requests")
    assert "You have no requests yet" in member.text()


async def test_a_request_number_typed_on_the_menu_opens_its_page(member, session_factory, clock):
    """A member copies "R-000001" from a notification and sends it to the bot: it was "Messages
    are not taken on this screen"; now it opens that request's page. A number that is not the
    member's own opens nothing and is kept for support like any text."""
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call me about my limit")
    await member.send("/menu")
    await member.send("R-000001")
    assert "R-000001" in member.text()
    assert "Please call me about my limit" in member.text()
    assert "Documents" not in member.text()  # a call-back has none: no "Documents: 0"
    await member.click("⬅️ Back")  # the list of requests
    await member.send("/menu")
    await member.send("№ r1")
    assert "Please call me about my limit" in member.text()
    await member.send("/menu")
    await member.send("Заявка №1?")  # the word for a request, then its number: no "R" needed
    assert "Please call me about my limit" in member.text()
    await _callback_request(member, "A second question")
    await member.send("/menu")
    await member.send("R-000002")
    await member.send("R-000001")  # on R-000002's page: R-000001's, not a line of R-000002
    assert "Please call me about my limit" in member.text()
    [_, second] = await stored_requests(session_factory)
    async with session_factory() as session:
        lines = await session.execute(
            select(RequestEvent.comment).where(
                RequestEvent.request_id == second.id, RequestEvent.actor_kind == ActorKind.MEMBER
            )
        )
    assert "R-000001" not in [line for (line,) in lines]
    clock.advance(hours=1)  # (a line just after sending a request would go to it)
    await member.send("/menu")
    await member.send("R-000777")
    assert "Send this to support?" in member.text()
    await member.click("✉️ Send it to support")
    assert "✅ Sent to support" in member.text()


async def test_a_message_on_a_closed_request_s_page_is_kept_for_support(
    member, session_factory, clock
):
    """A cancelled request takes no message; one written on its page is not lost: "Send it to
    support" sends it there, about no request."""
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call me")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.click("✖️ Cancel the request")
    await member.click("✖️ Yes, cancel it")
    clock.advance(hours=1)  # (a line just after a request would go to it)
    await member.send("Sorry, I still need the call")
    assert "Or send it to support" in member.text()
    assert "📝 New request: 📞 Call-back" in member.buttons()  # a new one, one press away
    assert "Status: ✖️ cancelled" in member.text()  # the same page
    await member.click("✉️ Send it to support")
    assert "✅ Sent to support" in member.text()
    async with session_factory() as session:
        lines = await session.execute(
            select(RequestEvent.comment).where(RequestEvent.actor_kind == ActorKind.MEMBER)
        )
    assert "Sorry, I still need the call" not in [line for (line,) in lines]


async def test_a_word_that_leaves_a_form_leaves_it_and_on_a_page_asks_to_cancel(
    member, session_factory, clock
):
    """ "стоп", "передумал" or "отменить" typed on an appointment's clinic step was stored as
    the clinic ("City / clinic: отменить"). In a request form it leaves the form, as "отмена"
    does; on a request's page "отменить" still asks "Cancel request …?"."""
    await member_with_active_card(member, session_factory)
    for typed in ("стоп", "передумал", "отменить"):
        await member.click("📝 New request")
        await member.click("🩺 Doctor appointment")
        await member.click("Dentist")
        await member.send(typed)
        assert "Cancelled. Nothing you have already sent or confirmed was changed." in (
            member.text()
        ), typed
    await _callback_request(member, "Please call me")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.send("отменить")
    assert "Cancel request R-000001?" in member.text()
    [request] = await stored_requests(session_factory)
    assert request.kind == "callback"  # no appointment was made


async def test_a_request_deleted_or_added_to_in_words_on_its_page(member, session_factory):
    """ "удалить заявку", "уже не актуально" went to support as lines of the request, and
    "добавить документ" too, where the member meant the page's buttons."""
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call me")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.send("добавить документ")  # its "Add a message or documents"
    assert "Type a message and/or send photos, files" in member.text()
    await member.click("⬅️ Back")
    await member.send("удалить заявку")
    assert "Cancel request R-000001?" in member.text()
    await member.click("No")
    await member.send("уже не актуально")
    assert "Cancel request R-000001?" in member.text()
    await member.send("да")
    assert "Status: ✖️ cancelled" in member.text()
    await member.send("добавить фото")  # a cancelled request takes nothing more
    assert "Type a message and/or send photos" not in member.text()
    [request] = await stored_requests(session_factory)
    assert request.status == "cancelled"
    async with session_factory() as session:
        lines = await session.execute(
            select(RequestEvent.comment).where(RequestEvent.actor_kind == ActorKind.MEMBER)
        )
    assert [line for (line,) in lines if line] == []


async def test_a_request_asked_about_by_its_number_opens_its_page(member, session_factory):
    """ "#1", "что с заявкой R-000001?" were lines for support on the request just sent; a
    message that says more of it ("по заявке R-000001 прикладываю чек") still is."""
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call me")
    for typed in ("#1", "№ 1", "что с заявкой R-000001?", "статус заявки 1", "where is R1?"):
        await member.send("/menu")
        await member.send(typed)
        assert "R-000001 · 📞 Call-back" in member.text(), typed
        assert "Status: 🆕 new" in member.text()
    await member.send("/menu")
    await member.send("по заявке R-000001 прикладываю чек")
    async with session_factory() as session:
        lines = await session.execute(
            select(RequestEvent.comment).where(RequestEvent.actor_kind == ActorKind.MEMBER)
        )
    assert [line for (line,) in lines if line] == ["по заявке R-000001 прикладываю чек"]


async def test_another_request_asked_for_on_a_request_s_page_is_offered(member, session_factory):
    """ "і ще мені потрібен стоматолог" on a call-back's page went to support as a line of the
    call-back: a request of another kind asked for there is kept and offered, as on the menu;
    what is said of the request itself is still added to it."""
    await member_with_active_card(member, session_factory)
    await _callback_request(member, "Please call me")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.send("і ще мені потрібен стоматолог")
    assert "📝 New request: 🩺 Doctor appointment · Dentist" in member.buttons()
    await member.send("/menu")
    await member.click("📋 My requests")
    await member.click("R-000001.*")
    await member.send("краще після обіду, якщо можна")
    async with session_factory() as session:
        lines = await session.execute(
            select(RequestEvent.comment).where(RequestEvent.actor_kind == ActorKind.MEMBER)
        )
    assert [line for (line,) in lines if line] == ["краще після обіду, якщо можна"]
