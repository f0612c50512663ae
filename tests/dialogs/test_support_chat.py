"""\"Write to support\": what the member sends is queued for the staff chat at once."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from aiogram.types import Chat, Message, PhotoSize, Sticker, Update
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy import select

from bot.services import requests
from storage.models import (
    ActorKind,
    Member,
    Notification,
    Request,
    RequestEvent,
    RequestKind,
    RequestStatus,
)
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import (
    member_with_active_card,
    send_document,
    send_photo,
    stored_documents,
    stored_requests,
)

_ids = itertools.count(70_000)


async def _open_chat(member: MemberClient) -> None:
    await member.send("/start")
    await member.click("☎️ Support")
    await member.click("✉️ Write to support")
    assert "Type your question, record a voice message, or send photos and files" in member.text()


async def _feed(member: MemberClient, message_id: int | None = None, **content) -> None:
    message = Message(
        message_id=message_id or next(_ids),
        date=datetime.now(UTC),
        chat=Chat(id=member.user.id, type="private"),
        from_user=member.user,
        **content,
    )
    await member.dp.feed_update(member.client.bot, Update(update_id=next(_ids), message=message))


async def _queued(session_factory) -> list[Notification]:
    async with session_factory() as session:
        rows = await session.execute(select(Notification).order_by(Notification.id))
        return list(rows.scalars())


async def _member_id(session_factory) -> int:
    async with session_factory() as session:
        member = (await session.execute(select(Member))).scalar_one()
    assert member.id is not None
    return member.id


async def test_text_photo_album_and_pdf_reach_staff_at_once(member, session_factory):
    await _open_chat(member)

    await member.send("  My card does not open in the clinic app  ")
    assert "✅ Sent to support; the answer comes here in this chat" in member.text()
    # a Sunday: the call centre (and support) is closed, and she is told when they are back
    assert "🌙 Support is not at work now. They will answer from" in member.text()
    assert "⬅️ Back" in member.buttons()
    [note] = await _queued(session_factory)
    assert (note.audience, note.kind, note.request_id, note.status) == (
        "staff",
        "member_message",
        None,
        "pending",
    )
    assert note.member_id == await _member_id(session_factory)
    # the member's own message id goes along, so an edit of it can follow into the topic
    assert isinstance(note.payload.pop("member_message_id"), int)
    assert note.payload == {
        "text": "My card does not open in the clinic app",
        "attachments": [],
    }

    await send_photo(member, "screen")
    await send_photo(member, "front", group="album-1")
    await send_photo(member, "back", group="album-1")
    await send_document(member, "referral.pdf")
    assert "✅ Sent to support" in member.text()

    notes = await _queued(session_factory)
    assert len(notes) == 5
    assert {(n.audience, n.kind) for n in notes} == {("staff", "member_message")}
    payloads = [n.payload for n in notes[1:]]
    assert [p["text"] for p in payloads] == [None, None, None, None]
    assert payloads[0]["attachments"] == [
        {
            "file_id": "screen",
            "file_unique_id": "u-screen",
            "kind": "photo",
            "file_name": None,
            "mime_type": "image/jpeg",
            "file_size": 300_000,
            "media_group_id": None,
            "caption": None,  # the support chat's caption is the message's text
        }
    ]
    album = [p["attachments"][0] for p in payloads[1:3]]
    assert [(a["file_id"], a["media_group_id"]) for a in album] == [
        ("front", "album-1"),
        ("back", "album-1"),
    ]
    assert payloads[3]["attachments"] == [
        {
            "file_id": "file-referral.pdf",
            "file_unique_id": "u-referral.pdf",
            "kind": "document",
            "file_name": "referral.pdf",
            "mime_type": "application/pdf",
            "file_size": 200_000,
            "media_group_id": None,
            "caption": None,
        }
    ]


async def test_a_caption_goes_with_its_photo(member, session_factory):
    await _open_chat(member)
    photo = [PhotoSize(file_id="rx", file_unique_id="u-rx", width=800, height=600)]
    await _feed(member, photo=photo, caption=" The prescription ")
    [note] = await _queued(session_factory)
    payload = note.payload
    assert payload["text"] == "The prescription"
    assert [a["file_id"] for a in payload["attachments"]] == ["rx"]


async def test_a_sticker_is_refused_with_a_clear_message(member, session_factory):
    await _open_chat(member)
    sticker = Sticker(
        file_id="st",
        file_unique_id="u-st",
        type="regular",
        width=512,
        height=512,
        is_animated=False,
        is_video=False,
    )
    await _feed(member, sticker=sticker)
    assert "I can pass on text, voice messages, photos and files" in member.text()
    assert "Type your question" in member.text()  # still in the chat
    assert await _queued(session_factory) == []

    await member.send("Hello")
    assert "I can pass on" not in member.text()
    assert "✅ Sent to support" in member.text()


async def test_unsupported_file_and_bad_text_are_not_sent(member, session_factory):
    await _open_chat(member)
    await send_document(member, "notes.docx", mime="application/msword")
    assert "I accept PDF, JPEG, PNG and HEIC files" in member.text()
    await send_document(member, "scan.pdf", size=30 * 1024 * 1024)
    assert "larger than 20 MB" in member.text()
    await member.send("x" * 4001)
    assert "up to 4000 characters" in member.text()
    await member.send("...")
    assert "write your question in words" in member.text()
    assert await _queued(session_factory) == []

    await member.send("x" * 4000)
    [note] = await _queued(session_factory)
    assert len(note.payload["text"]) == 4000
    await member.send("y" * 4001)  # after one sent: refused, and not shown as sent
    assert "up to 4000 characters" in member.text()
    assert "✅ Sent to support" not in member.text()


async def test_the_same_telegram_message_is_queued_once(member, session_factory):
    await _open_chat(member)
    await _feed(member, message_id=777, text="Please call me back")
    await _feed(member, message_id=777, text="Please call me back")
    [note] = await _queued(session_factory)
    assert note.dedup_key == "chat:1001:777"  # relay.support_key


async def test_back_leaves_the_chat(member, session_factory):
    await _open_chat(member)
    await member.send("A question")
    await member.click("⬅️ Back")
    assert "☎️ Support" in member.text()
    assert "✉️ Write to support" in member.buttons()


async def test_an_answer_delivered_twice_is_added_to_the_request_once(
    member, session_factory, clock
):
    """Support asked about her request; she answers in "Write to support", and Telegram
    delivers the message again (the bot stopped after storing it, before Telegram heard it was
    handled). The request has it once: one line in its history, one message for staff."""
    await member_with_active_card(member, session_factory)
    async with session_factory.begin() as session:
        olena = (await session.execute(select(Member))).scalar_one()
        request = await requests.submit(
            session, olena, RequestKind.CALLBACK,
            {"phone": "+380501112233", "time_window": "any", "topic": "Limits"}, [],
            clock(), clock().date(),
        )  # fmt: skip
        for status, comment in ((RequestStatus.IN_PROGRESS, None), (RequestStatus.NEED_INFO, "?")):
            await requests.change_status(
                session, request.id, status, ActorKind.STAFF, 7, clock(), comment
            )
    await _open_chat(member)
    await _feed(member, message_id=778, text="Dobrobut on Pushkinska")
    assert "so your message was added to it" in member.text()
    await _feed(member, message_id=778, text="Dobrobut on Pushkinska")
    async with session_factory() as session:
        lines = (
            (
                await session.execute(
                    select(RequestEvent.comment).where(RequestEvent.actor_kind == ActorKind.MEMBER)
                )
            )
            .scalars()
            .all()
        )
        stored = await session.get(Request, request.id)
    assert lines.count("Dobrobut on Pushkinska") == 1
    assert stored is not None and stored.status == "in_progress"
    staff = [n for n in await _queued(session_factory) if n.kind == "member_message"]
    assert [n.payload["text"] for n in staff] == ["Dobrobut on Pushkinska"]


async def test_a_question_typed_on_the_menu_is_sent_to_support_with_one_press(
    member, session_factory
):
    """A member types a question on the menu, as people do. It was answered with the way to
    "Write to support", and had to be typed there again. Now it is kept, with the one before
    it, and "Send it to support" sends both, each once."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("Hello, a question about my limit")
    assert "Send this to support?" in member.text()
    assert member.buttons()[0] == "✉️ Send it to support"  # first, above the menu
    await member.send("Is dentistry covered?")
    assert await _queued(session_factory) == []  # nothing goes without the press
    await member.click("✉️ Send it to support")
    assert "✅ Sent to support; the answer comes here in this chat" in member.text()
    notes = await _queued(session_factory)
    assert [n.payload["text"] for n in notes] == [
        "Hello, a question about my limit",
        "Is dentistry covered?",
    ]
    assert {(n.audience, n.kind, n.request_id) for n in notes} == {
        ("staff", "member_message", None)
    }
    await member.click("⬅️ Back")  # the menu again, with nothing kept
    assert "✉️ Send it to support" not in member.buttons()
    assert "I could not tell what to do with this" not in member.text()


async def test_a_request_named_on_the_menu_is_offered_beside_support(member, session_factory):
    """ "мне нужен стоматолог" typed on the menu was only offered to support, where staff would
    send the member back to "New request". The request it names is offered too, one press
    away: the appointment with the dentist, at its next step. A question about it ("?", or no
    word of wanting in more than two words) is not taken for a request, and the offer goes with
    the next press."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("мне нужен стоматолог")
    assert "Is this a new request? Tap “📝 New request: 🩺 Doctor appointment · Dentist”" in (
        member.text()
    )
    assert "⚠️" not in member.text()  # a question of the bot's, not a warning
    assert member.buttons()[:2] == [
        "✉️ Send it to support",
        "📝 New request: 🩺 Doctor appointment · Dentist",
    ]
    await member.click("📝 New request: 🩺 Doctor appointment · Dentist")
    assert "In which city?" in member.text()
    await member.send("/menu")
    for question in ("Is dentistry covered?", "лимит по стоматологии"):
        await member.send(question)
        assert "Send this to support?" in member.text()
        assert not any(b.startswith("📝 New request:") for b in member.buttons())
    await member.send("лекарства")
    assert "📝 New request: 💊 Medicines" in member.buttons()
    await member.click("📋 My requests")
    await member.click("⬅️ Back")
    assert not any(b.startswith("📝 New request:") for b in member.buttons())
    assert await _queued(session_factory) == []  # nothing went to support without the press


async def test_two_requests_named_in_one_message_are_both_offered(member, session_factory, clock):
    """ "мне нужно сдать анализы завтра и записаться к гинекологу в пятницу" was offered the lab
    tests only: the gynecologist was lost, and the member had to ask again from the menu. Both
    are offered, each with the day its own part names; the one not pressed is offered again on
    the "request sent" screen of the other. A list joined by "и" is one request, and so is
    what a refund is for."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("мне нужно сдать анализы завтра и записаться к гинекологу в пятницу")
    assert (
        "Are these new requests? Tap “📝 New request: 🧪 Lab tests” or “📝 New request: 🩺 "
        "Doctor appointment · Gynecologist”" in member.text()
    )
    assert member.buttons()[:3] == [
        "✉️ Send it to support",
        "📝 New request: 🧪 Lab tests",
        "📝 New request: 🩺 Doctor appointment · Gynecologist",
    ]
    await member.click("📝 New request: 🧪 Lab tests")
    assert "📅 November 23, 2026: noted as the day for the tests." in member.text()
    await member.send("Complete blood count")
    await member.click("➡️ Next")
    await member.send("Kyiv, Khreshchatyk 1, apt 5")
    assert "Preferred date: November 23, 2026 (Monday)" in member.text()
    await member.click("✅ Send")
    assert "You also asked for 🩺 Doctor appointment · Gynecologist" in member.text()
    await member.click("📝 New request: 🩺 Doctor appointment · Gynecologist")
    assert "📅 November 27, 2026: noted for the day of the visit" in member.text()
    [tests] = await stored_requests(session_factory)
    assert tests.kind == RequestKind.LAB_TESTS

    await member.send("/menu")
    clock.advance(minutes=31)  # (a line a moment after a request goes to it)
    await member.send("нужны лекарства: парацетамол и ибупрофен")
    offers = [b for b in member.buttons() if b.startswith("📝 New request:")]
    assert offers == ["📝 New request: 💊 Medicines"]
    # after a refund, what the money was for is not a request of its own; a request asked
    # for in its own words is
    for typed, more in (
        ("хочу вернуть деньги за анализы и лекарства", []),
        ("верните деньги за анализы и запишите к лору", ["🩺 Doctor appointment · ENT"]),
    ):
        await member.send(typed)
        offers = [b for b in member.buttons() if b.startswith("📝 New request:")]
        assert offers == [f"📝 New request: {o}" for o in ["💵 Reimbursement", *more]], typed


async def test_a_refund_named_by_its_two_words_and_what_it_was_for_is_the_refund(
    member, session_factory, clock
):
    """ "вернуть деньги за анализы и лекарства" (no "хочу") offered the medicines, and "вернуть
    деньги за анализы" nothing: the refund's name is two words, and only a first word was read
    for the request a message begins with. On the chooser it was "I did not expect that here".
    A call-back asked beside a refund is a request of its own, not what the money was for."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    for typed, more in (
        ("вернуть деньги за анализы и лекарства", []),
        ("вернуть деньги за анализы", []),
        ("повернути гроші за ліки та аналізи", []),
        ("верните деньги и перезвоните", ["📞 Call-back"]),
        ("refund and a call back", ["📞 Call-back"]),
    ):
        await member.send(typed)
        offers = [b for b in member.buttons() if b.startswith("📝 New request:")]
        assert offers == [f"📝 New request: {o}" for o in ["💵 Reimbursement", *more]], typed

    await member.click("📝 New request")
    await member.send("вернуть деньги за анализы и лекарства")
    assert "On what date did you receive the medical service?" in member.text()
    assert "noted as the claim’s comment" in member.text()


async def test_the_second_of_two_requests_offered_may_be_pressed_first(member, session_factory):
    """Of "сдать анализы завтра и записаться к гинекологу в пятницу", the gynecologist pressed
    first: that form, with Friday; once it is sent, the lab tests are offered, with their own
    day (tomorrow)."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("сдать анализы завтра и записаться к гинекологу в пятницу")
    await member.click("📝 New request: 🩺 Doctor appointment · Gynecologist")
    assert "📅 November 27, 2026: noted for the day of the visit" in member.text()
    await member.send("Kyiv, Medikom")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    await member.click("✅ Send")
    assert "You also asked for 🧪 Lab tests" in member.text()
    await member.click("📝 New request: 🧪 Lab tests")
    assert "📅 November 23, 2026: noted as the day for the tests." in member.text()
    [visit] = await stored_requests(session_factory)
    assert (visit.kind, visit.details["preferred_date"]) == (
        RequestKind.APPOINTMENT,
        "2026-11-27",
    )


async def test_a_request_named_with_no_card_linked_says_to_link_one_first(member):
    """ "I need a dentist appointment" from a member with no card was told "Messages are not
    taken on this screen", as if the bot did not read it. It says a request is made on a card
    and to link one first, beside sending it to support; a message that names no request is
    still only kept for support."""
    await member.send("/start")
    await member.send("I need a dentist appointment")
    assert (
        "📝 🩺 Doctor appointment · Dentist: a request is made on an insurance card, and none "
        "is linked to you yet. Link yours first with the buttons below" in member.text()
    )
    assert "I could not tell what to do with this myself" not in member.text()
    assert "✉️ Send it to support" in member.buttons()
    assert not any(b.startswith("📝 New request") for b in member.buttons())
    await member.send("hello?")
    assert "I could not tell what to do with this myself" in member.text()


async def test_a_request_asked_for_in_a_sentence_is_offered_on_the_menu(member, session_factory):
    """ "хочу вернуть деньги за анализы" named no request: five words are more than a choice's,
    and it names a refund and lab tests at once; "лекарства для ребенка" has no word of wanting.
    A refund named with what it was for is the refund, words of asking are left out, and a
    message that begins with the request asks for it; a question still does not."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    for question in ("компенсация за анализы была?", "лимит на лекарства"):
        await member.send(question)
        assert not any(b.startswith("📝 New request:") for b in member.buttons()), question
    for typed, offer in (
        ("Я хочу вернуть деньги за анализы", "💵 Reimbursement"),
        ("компенсация за лекарства", "💵 Reimbursement"),
        ("I need a refund for my blood test please", "💵 Reimbursement"),
        ("лекарства для ребенка", "💊 Medicines"),
        # begins with the request once "please" is left out; Kazakh asks with the verb last
        ("please call me in the evening", "📞 Call-back"),
        ("маған кешке қоңырау шалыңыз", "📞 Call-back"),
        ("Хочу повернути гроші за ліки", "💵 Reimbursement"),
        ("I'd like to see a doctor", "🩺 Doctor appointment"),
        ("need to refill my prescription", "💊 Medicines"),
        ("please arrange a call back this afternoon", "📞 Call-back"),
        ("I want to claim money for a dentist visit", "💵 Reimbursement"),
        ("стоматологқа жазғым келеді", "🩺 Doctor appointment · Dentist"),
        ("дәрілердің ақшасын қайтарыңыз", "💵 Reimbursement"),
        ("компенсуйте мені витрати на МРТ", "💵 Reimbursement"),
        # "запишите" is a word of asking as "записаться" is
        ("запишите меня к невропатологу на 12 декабря", "🩺 Doctor appointment · Neurologist"),
        ("анализы для мамы", "🧪 Lab tests"),
    ):
        await member.send(typed)
        assert f"📝 New request: {offer}" in member.buttons(), typed
    await member.click("📝 New request: 🧪 Lab tests")
    assert "referral" in member.text()
    assert await _queued(session_factory) == []


async def test_a_message_about_a_request_made_offers_no_new_one(member, session_factory):
    """ "хочу отменить запись к стоматологу" (cancel my dentist appointment) offered a new
    appointment with the dentist, and "перенесите запись на пятницу" a new appointment: a
    member who pressed it made a second request instead of changing the first. A message
    about a request already made (to cancel or move it, or to know where it is) offers none,
    and says where requests are and that support changes them; a call-back asked about one
    is still offered."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    for typed in (
        "хочу отменить запись к стоматологу",
        "перенесите запись на пятницу",
        "статус заявки",
        "where is my request?",
        "когда мне перезвонят?",
    ):
        await member.send(typed)
        assert not any(b.startswith("📝 New request:") for b in member.buttons()), typed
        assert "Your requests and their status are under “📋 My requests” in the menu" in (
            member.text()
        )
        assert member.buttons()[0] == "✉️ Send it to support"
    await member.click("✉️ Send it to support")  # kept for support, as any message
    texts = [note.payload.get("text") for note in await _queued(session_factory)]
    assert "where is my request?" in texts
    await member.send("/menu")
    for typed in ("перезвоните насчёт отмены записи", "перезвоните мне, когда сможете"):
        await member.send(typed)
        assert "📝 New request: 📞 Call-back" in member.buttons(), typed
    # typed where the kind of a new request is asked, it opened a new dentist's form
    await member.send("/menu")
    await member.click("📝 New request")
    for typed in ("отменить запись к стоматологу", "статус заявки"):
        await member.send(typed)
        assert "What do you need?" in member.text()
        assert "This screen makes a new request. Requests already made and their status are" in (
            member.text()
        )
    assert await stored_requests(session_factory) == []


async def test_a_request_asked_for_by_its_name_is_offered(member, session_factory):
    """ "новая заявка на лекарства", "оформить заявку на возмещение", "new request for
    medicines": a request asked for by the name the bot's own buttons give it ("📝 New
    request") offered nothing but support; it is offered as "нужны лекарства" is."""
    await member_with_active_card(member, session_factory)
    for typed, offer in (
        ("новая заявка на лекарства", "💊 Medicines"),
        ("нова заявка на ліки", "💊 Medicines"),
        ("заявка на аналізи", "🧪 Lab tests"),
        ("оформить заявку на возмещение", "💵 Reimbursement"),
        ("заявка на дзвінок", "📞 Call-back"),
        ("new request for medicines", "💊 Medicines"),
        ("дәріге өтініш", "💊 Medicines"),  # (for medicines: "дәрігер", a doctor, but one letter)
        ("создать заявку к стоматологу", "🩺 Doctor appointment · Dentist"),
    ):
        await member.send("/menu")
        await member.send(typed)
        assert f"📝 New request: {offer}" in member.buttons(), typed
    await member.click("📝 New request: 🩺 Doctor appointment · Dentist")
    assert "In which city?" in member.text()


async def test_requests_asked_for_as_members_write_them(member, session_factory):
    """Ways members ask that offered nothing, or the wrong request: an amount to give back
    named with what it paid for ("хочу вернуть 5000 тенге за лекарства" offered medicines),
    "прошу …" before the verb ("прошу перезвонить", "прошу відшкодувати"), a call-back's verb
    in its infinitive, and a request asked as a question ("can you call me back?", "можно
    записаться к лору на завтра?"), which was taken for a question about it. A question that
    asks about a request, not for one, still offers none."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    for typed, offer in (
        ("хочу вернуть 5000 тенге за лекарства", "💵 Reimbursement"),
        ("хочу повернути 800 гривень за ліки", "💵 Reimbursement"),
        ("вернуть 1200 грн за анализы", "💵 Reimbursement"),
        ("прошу відшкодувати витрати на ліки", "💵 Reimbursement"),
        ("прошу возместить расходы на стоматолога", "💵 Reimbursement"),
        ("прошу перезвонить по поводу компенсации", "📞 Call-back"),
        ("прошу перетелефонувати", "📞 Call-back"),
        ("can you call me back?", "📞 Call-back"),
        ("could you book me a dentist?", "🩺 Doctor appointment · Dentist"),
        ("можете перезвонить?", "📞 Call-back"),
        ("можно записаться к лору на завтра?", "🩺 Doctor appointment · ENT"),
        ("чи можна записатися до стоматолога?", "🩺 Doctor appointment · Dentist"),
        ("ертең терапевтке жазылуға бола ма?", "🩺 Doctor appointment · Therapist (GP)"),
        ("Can I get reimbursed for 500 UAH?", "💵 Reimbursement"),
        ("дәрі үшін ақша қайтару", "💵 Reimbursement"),  # "money back for medicines"
        # "can I get …", "можно оформить …": the thing had, named after the verb (each was
        # "I cannot answer that myself")
        ("hi, can I get a refund for a dentist visit?", "💵 Reimbursement"),
        ("можно оформить возмещение за анализы?", "💵 Reimbursement"),
        ("могу ли я получить компенсацию за лекарства?", "💵 Reimbursement"),
        ("чи можна отримати відшкодування за ліки?", "💵 Reimbursement"),
        ("can I make an appointment with a dentist?", "🩺 Doctor appointment · Dentist"),
        ("can I get a call back tomorrow?", "📞 Call-back"),
    ):
        await member.send(typed)
        offers = [b for b in member.buttons() if b.startswith("📝 New request:")]
        assert offers == [f"📝 New request: {offer}"], typed
    for question in (
        "is dentistry covered?",
        "сколько стоит прием у лора?",
        "лимит 5000 тенге?",
        "can I get my policy?",
    ):
        await member.send(question)
        assert not any(b.startswith("📝 New request:") for b in member.buttons()), question

    # the refund, with the amount kept for its step
    await member.send("хочу вернуть 5000 тенге за лекарства")
    await member.click("📝 New request: 💵 Reimbursement")
    assert "💰 KZT\u00a05,000.00: noted" in member.text()
    # the day asked with a question kept too, on the menu and where the kind is asked
    await member.send("/menu")
    await member.send("можно записаться к лору на завтра?")
    await member.click("📝 New request: 🩺 Doctor appointment · ENT")
    assert "In which city?" in member.text()
    assert "📅 November 23, 2026: noted for the day of the visit" in member.text()
    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("можно записаться к лору на завтра?")
    assert "In which city?" in member.text()
    assert "📅 November 23, 2026: noted for the day of the visit" in member.text()
    await member.send("/menu")  # a day in numbers, kept as typed
    await member.send("можно записаться к лору на 25.12?")
    await member.click("📝 New request: 🩺 Doctor appointment · ENT")
    assert "📅 December 25, 2026: noted for the day of the visit" in member.text()
    assert await _queued(session_factory) == []


async def test_a_doctor_and_a_day_named_in_a_sentence_open_the_appointment_with_both(
    member, session_factory
):
    """ "I need to see a dermatologist next Tuesday" named nothing (seven words are more than a
    choice's). The doctor named in it is offered, and the day it names is kept for the date
    step, said so when the form opens, and answers that step once the clinic is given."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("I need to see a dermatologist next Tuesday")
    await member.click("📝 New request: 🩺 Doctor appointment · Dermatologist")
    assert "📅 November 24, 2026: noted for the day of the visit" in member.text()
    await member.send("Kyiv, Medikom")
    assert "What time of day" in member.text()  # the date step answered by the day kept
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Preferred date: November 24, 2026 (Tuesday)" in member.text()


async def test_a_doctor_named_by_a_label_of_two_parts_is_offered_with_the_doctor(
    member, session_factory
):
    """ "Хочу записатися до терапевта" was offered an appointment with no doctor, and
    "записатися до терапевта сьогодні ввечері" nothing: the therapist's label is "Терапевт
    (сімейний лікар)", held by neither. The specialty's own name now names it in a sentence,
    with the day and time of day it gives."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("Хочу записатися до терапевта")
    assert "📝 New request: 🩺 Doctor appointment · Therapist (GP)" in member.buttons()
    await member.send("записатися до терапевта завтра ввечері")
    await member.click(r"📝 New request: 🩺 Doctor appointment · Therapist \(GP\)")
    assert "📅 November 23, 2026, 🌆 Evening, 16:00–20:00: noted for the day of the visit" in (
        member.text()
    )
    await member.send("Kyiv, Medikom")
    assert "Anything the clinic should know" in member.text()  # date and time were answered
    await member.click("⏭ Skip")
    assert "Preferred date: November 23, 2026 (Monday)" in member.text()
    assert "Evening" in member.text()


async def test_no_request_is_offered_on_a_card_that_takes_none_yet(member, session_factory):
    """A card waiting for its coverage was offered "📝 New request: 🩺 Doctor appointment ·
    Dentist" for "I need a dentist tomorrow", and the press only said that requests open on
    December 1 (an earlier test held that as meant: a dead end one press away). Only support is
    offered; the menu says when the coverage starts, and the notice, which said "Messages are
    not taken on this screen", says when the request asked for can be made."""
    await member_with_active_card(
        member, session_factory, coverage_start=date(2026, 12, 1), coverage_end=date(2027, 11, 30)
    )
    await member.send("I need a dentist tomorrow")
    assert (
        "⏳ 🩺 Doctor appointment · Dentist: requests on this card open on December 1, 2026, when"
        " its coverage starts. Send this to support now?" in member.text()
    )
    assert "I could not tell what to do with this" not in member.text()
    assert "waiting for coverage to start — from December 1, 2026" in member.text()
    assert not any(b.startswith("📝 New request:") for b in member.buttons())
    await member.click("✉️ Send it to support")
    notes = await _queued(session_factory)
    assert [n.payload["text"] for n in notes] == ["I need a dentist tomorrow"]


async def test_a_request_asked_for_on_an_ended_card_is_told_the_coverage_ended(
    member, session_factory
):
    """On a card whose coverage ended, "need medicines: ibuprofen" was told "Messages are not
    taken on this screen"; it is told why no request is offered, and support still is."""
    await member_with_active_card(
        member, session_factory, coverage_start=date(2025, 1, 1), coverage_end=date(2025, 12, 31)
    )
    await member.send("need medicines: ibuprofen 400")
    assert (
        "💊 Medicines: coverage on this card ended on December 31, 2025, so it takes no requests."
        in member.text()
    )
    assert not any(b.startswith("📝 New request:") for b in member.buttons())
    await member.click("✉️ Send it to support")
    notes = await _queued(session_factory)
    assert [n.payload["text"] for n in notes] == ["need medicines: ibuprofen 400"]


async def test_a_prescription_sent_on_the_menu_opens_medicines_with_its_photos(
    member, session_factory
):
    """The prescription's photos sent on the menu with "рецепт на ліки" under them were only
    kept for support; the medicines form offered (the caption names it) would have asked for
    them again. It opens with them as its documents, the caption kept with its photo."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await send_photo(member, "rx-1", group="album-1", caption="рецепт на ліки")
    await send_photo(member, "rx-2", group="album-1")  # the album's next photo keeps the offer
    assert "📝 New request: 💊 Medicines" in member.buttons()
    await member.click("📝 New request: 💊 Medicines")
    assert "📎 Documents attached: 2 of 20." in member.text()
    await member.click("➡️ Next")
    await member.send("Kyiv, Khreshchatyk 1")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    documents = await stored_documents(session_factory, request.id)
    assert [(d.file_id, d.caption) for d in documents] == [
        ("rx-1", "рецепт на ліки"),
        ("rx-2", None),
    ]
    queued = await _queued(session_factory)
    assert [n.kind for n in queued] == ["request_card"]  # nothing went to support on its own


async def test_a_thank_you_on_the_menu_is_answered_not_offered_to_support(member, session_factory):
    """ "Спасибо большое!" after an answer was met with a warning ("Messages are not taken on
    this screen") and an offer to send it to support. A thank-you is now answered, and nothing
    is kept; a thank-you with a question still goes the questions' way."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("Спасибо большое!")
    assert "🙏 You are welcome!" in member.text()
    assert "⚠️" not in member.text()
    assert "✉️ Send it to support" not in member.buttons()
    await member.send("Thanks, but where is my card?")
    assert "Send this to support?" in member.text()
    await member.click("✉️ Send it to support")
    notes = await _queued(session_factory)
    assert [n.payload["text"] for n in notes] == ["Thanks, but where is my card?"]


async def test_a_text_kept_for_support_goes_when_the_member_moves_on(member, session_factory):
    """Kept only while the member decides: any other press drops it, and a button drawn
    before (pressed later) sends nothing."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("never mind")
    drawn = member.last()
    assert "✉️ Send it to support" in member.buttons()
    await member.click("👤 Profile")
    await member.click("⬅️ Back")
    assert "✉️ Send it to support" not in member.buttons()
    await member.client.click(drawn, InlineButtonTextLocator("✉️ Send it to support"))
    assert await _queued(session_factory) == []


async def test_photos_sent_on_the_menu_are_sent_to_support_with_one_press(member, session_factory):
    """A receipt's two pages sent as an album on the menu, one with a caption: kept and sent
    by the same press, by `file_id`. A sticker is not kept: the way to write to support."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await send_photo(member, "page-1", group="album-7", caption="My receipt from the clinic")
    await send_photo(member, "page-2", group="album-7")
    await member.click("✉️ Send it to support")
    assert "✅ Sent to support" in member.text()
    notes = await _queued(session_factory)
    assert [n.payload["text"] for n in notes] == ["My receipt from the clinic", None]
    assert [n.payload["attachments"][0]["file_id"] for n in notes] == ["page-1", "page-2"]

    await member.click("⬅️ Back")
    sticker = Sticker(
        file_id="st", file_unique_id="u-st", type="regular", width=512, height=512,
        is_animated=False, is_video=False,
    )  # fmt: skip
    await _feed(member, sticker=sticker)
    assert "“✉️ Write to support”" in member.text()
    assert "✉️ Send it to support" not in member.buttons()


async def test_a_kept_text_longer_than_support_takes_is_refused_with_the_others_sent(
    member, session_factory
):
    """Telegram takes 4,096 characters; a message to support 4,000. A longer text kept on the
    menu is refused when "Send it to support" is pressed, with the limit, and the short one
    kept with it still goes."""
    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.send("A short question")
    await member.send("x" * 4050)
    await member.click("✉️ Send it to support")
    assert "up to 4000 characters" in member.text()
    assert [n.payload["text"] for n in await _queued(session_factory)] == ["A short question"]
