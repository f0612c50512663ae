from sqlalchemy import select

from bot.services import requests
from bot.services.documents import Attachment
from storage.models import AuditEntry, Member, Request, RequestEvent, RequestKind
from tests.staff.conftest import ASKAR, FORUM, INTRUDER, IRYNA, OLENA
from tgsandbox import OutgoingFile


def _card(world, number):
    return next(m for m in world.bot_messages(FORUM) if number in m.get("text", ""))


async def _stored(world, request_id):
    async with world.sessions() as session:
        request = await session.get(Request, request_id)
        events = (
            (
                await session.execute(
                    select(RequestEvent)
                    .where(RequestEvent.request_id == request_id)
                    .order_by(RequestEvent.id)
                )
            )
            .scalars()
            .all()
        )
        return request, events


async def _request_on_card(world):
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    return member, request


async def test_a_second_take_of_a_taken_request_is_refused_and_names_who_has_it(world):
    """Two staff press "Take" on one card at once: the second press reaches the bot after the
    first, from the card as it was. The first keeps the request; the second is told who has
    it. Before, the second silently took it over, both were told "Saved" and the member's
    request changed hands."""
    _, request = await _request_on_card(world)
    card = _card(world, request.number)
    assert (await world.press(card, "🙋 Take", user_id=ASKAR))["text"] == "✅ Saved"
    answer = await world.forge_press(card, f"st:{request.id}:take", user_id=IRYNA)
    assert answer["text"] == "Askar Operator has already taken this request."
    assert answer["show_alert"] is True
    stored, _ = await _stored(world, request.id)
    assert (stored.assignee_telegram_id, stored.assignee_name) == (ASKAR, "Askar Operator")
    async with world.sessions() as session:
        audited = (await session.execute(select(AuditEntry.staff_telegram_id))).scalars().all()
    assert audited == [ASKAR]
    # a second press by the one who has it changes nothing and says so
    assert (await world.forge_press(card, f"st:{request.id}:take", user_id=ASKAR))["text"] == (
        "✅ Saved"
    )
    stored, _ = await _stored(world, request.id)
    assert stored.assignee_telegram_id == ASKAR


async def test_two_staff_asking_at_once_both_questions_reach_the_member(world):
    """Iryna and Askar both press "❓ Need info" on one card and each types a question. The
    first moves the request to "need info"; the second, which the status no longer allows,
    used to be refused and lost. It now reaches the member as a line of the topic, and Askar
    is told why it went so."""
    _, request = await _request_on_card(world)
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    card = _card(world, request.number)
    await world.press(card, "❓ Need info", user_id=IRYNA)
    iryna_prompt = world.bot_messages(FORUM)[-1]
    await world.press(card, "❓ Need info", user_id=ASKAR)
    askar_prompt = world.bot_messages(FORUM)[-1]
    thread = card.get("message_thread_id")
    world.state.send_text(FORUM, "Which clinic?", user_id=IRYNA, thread_id=thread,
                          reply_to_message_id=iryna_prompt["message_id"])  # fmt: skip
    await world.settled()
    asked = world.state.send_text(FORUM, "And which day suits you?", user_id=ASKAR,
                                  thread_id=thread,
                                  reply_to_message_id=askar_prompt["message_id"])  # fmt: skip
    await world.settled()
    told = world.bot_messages(FORUM)[-1]
    assert told["reply_to_message"]["message_id"] == asked["message_id"]
    assert told["text"].startswith("ℹ️ The member has already been asked")
    await world.deliver()
    member_sees = [m.get("text", "") for m in world.bot_messages(OLENA)]
    assert any("Which clinic?" in t for t in member_sees)
    assert member_sees[-1] == "And which day suits you?"
    stored, _ = await _stored(world, request.id)
    assert stored.status == "need_info"


async def test_take_assigns_moves_to_work_edits_card_and_tells_member(world):
    _, request = await _request_on_card(world)
    answer = await world.press(_card(world, request.number), "🙋 Take")
    assert answer["text"] == "✅ Saved"
    stored, events = await _stored(world, request.id)
    assert (stored.status, stored.assignee_telegram_id, stored.assignee_name) == (
        "in_progress",
        IRYNA,
        "Iryna Support",
    )
    assert (events[-1].actor_kind, events[-1].actor_telegram_id) == ("staff", IRYNA)

    await world.deliver()
    card = _card(world, request.number)
    assert "Status: 🔧 in progress" in card["text"]
    assert "Assignee: Iryna Support" in card["text"]
    labels = [b["text"] for row in card["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["❓ Need info", "✅ Done", "⛔️ Reject", "📞 Show phone"]
    told = world.bot_messages(OLENA)[-1]
    assert f"Request {request.number}" in told["text"]
    assert "in progress" in told["text"]
    assert "Iryna" not in told["text"]  # staff names stay hidden
    async with world.sessions() as session:
        audit = (await session.execute(select(AuditEntry))).scalars().all()
    assert [(a.staff_telegram_id, a.action, a.target) for a in audit] == [
        (IRYNA, "request_take", request.number)
    ]


async def test_need_info_asks_staff_for_the_question_which_reaches_the_member(world):
    _, request = await _request_on_card(world)
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, request.number), "❓ Need info")
    prompt = world.bot_messages(FORUM)[-1]
    assert "question for the member" in prompt["text"]
    thread = prompt.get("message_thread_id")
    world.state.send_text(
        FORUM,
        "Which clinic do you prefer?",
        user_id=IRYNA,
        thread_id=thread,
        reply_to_message_id=prompt["message_id"],
    )
    await world.settled()

    stored, events = await _stored(world, request.id)
    assert stored.status == "need_info"
    assert events[-1].comment == "Which clinic do you prefer?"
    await world.deliver()
    told = world.bot_messages(OLENA)[-1]["text"]
    assert "more information needed" in told
    assert "Which clinic do you prefer?" in told


async def test_done_and_reject_with_a_reason(world):
    member, first = await _request_on_card(world)
    await world.press(_card(world, first.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, first.number), "✅ Done", user_id=ASKAR)
    stored, _ = await _stored(world, first.id)
    assert stored.status == "done"

    second = await world.submit(member, "Another one")
    await world.deliver()
    await world.press(_card(world, second.number), "⛔️ Reject")
    prompt = world.bot_messages(FORUM)[-1]
    world.state.send_text(
        FORUM,
        "Not covered by your program",
        user_id=IRYNA,
        thread_id=prompt.get("message_thread_id"),
    )
    await world.settled()
    stored, events = await _stored(world, second.id)
    assert (stored.status, events[-1].comment) == ("rejected", "Not covered by your program")
    await world.deliver()
    assert "reply_markup" not in _card(world, second.number)  # no buttons on a closed request
    assert "Not covered by your program" in world.bot_messages(OLENA)[-1]["text"]


async def test_a_reject_pressed_by_mistake_is_cancelled_and_the_next_line_reaches_the_member(
    world,
):
    """After "⛔️ Reject" the staff member's next line in the topic is the reason the member is
    told. Pressed by mistake, there was no way back: /cancel (or any command) got "Only support
    staff can do this here", and the next line rejected the request. /cancel drops the prompt."""
    _, request = await _request_on_card(world)
    await world.press(_card(world, request.number), "⛔️ Reject")
    thread = world.bot_messages(FORUM)[-1].get("message_thread_id")

    async def staff_write(text):
        world.state.send_text(FORUM, text, user_id=IRYNA, thread_id=thread)
        await world.settled()
        return world.bot_messages(FORUM)[-1]["text"]

    assert await staff_write("/cancel") == (
        "↩️ Cancelled: nothing was sent to the member, and the request is as it was."
    )
    assert (
        await staff_write("Good morning! Which clinic suits you?")
        != "✅ Saved; the member is told."
    )
    await world.deliver()
    stored, events = await _stored(world, request.id)
    assert stored.status == "new"
    # the line is no rejection's reason (a line to the member, in the request's history)
    assert all(
        e.comment != "Good morning! Which clinic suits you?" or e.to_status is None for e in events
    )
    told = world.bot_messages(OLENA)[-1]["text"]
    assert "Which clinic suits you?" in told and "rejected" not in told
    assert await staff_write("/cancel") == (
        "ℹ️ Nothing to cancel: the bot is not waiting for a question or a reason from you."
    )


async def test_another_status_button_drops_the_reason_asked_for(world):
    """Staff press "⛔️ Reject", change their mind and press "🙋 Take" instead. The bot went on
    waiting for the reason: the next line in the topic ("Good morning! I will call at 3 pm")
    rejected the request and reached the member as the reason."""
    _, request = await _request_on_card(world)
    await world.press(_card(world, request.number), "⛔️ Reject")
    thread = world.bot_messages(FORUM)[-1].get("message_thread_id")
    await world.press(_card(world, request.number), "🙋 Take")
    world.state.send_text(
        FORUM, "Good morning! I will call at 3 pm", user_id=IRYNA, thread_id=thread
    )
    await world.settled()
    await world.deliver()

    stored, events = await _stored(world, request.id)
    assert stored.status == "in_progress"
    assert [e.to_status for e in events if e.to_status] == ["new", "in_progress"]
    told = world.bot_messages(OLENA)[-1]["text"]
    assert "I will call at 3 pm" in told and "rejected" not in told


async def test_a_reply_to_the_member_while_a_reason_is_asked_for_goes_to_the_member(world):
    """After "⛔️ Reject" the reason is a reply to the bot's prompt or a plain line in the topic.
    A reply to the member's own message ("Could you send the receipt?") is said to the member,
    as any line there: it used to reject the request with that text as the reason."""
    member, request = await _request_on_card(world)
    async with world.sessions.begin() as session:
        await requests.add_member_message(
            session, member, request.id, "Here is what I paid", [], world.clock(), None
        )
    await world.deliver()
    theirs = next(
        m for m in world.bot_messages(FORUM) if "Here is what I paid" in m.get("text", "")
    )
    await world.press(_card(world, request.number), "⛔️ Reject")
    prompt = world.bot_messages(FORUM)[-1]
    thread = prompt.get("message_thread_id")

    world.state.send_text(FORUM, "Could you send the receipt?", user_id=IRYNA, thread_id=thread,
                          reply_to_message_id=theirs["message_id"])  # fmt: skip
    await world.settled()
    await world.deliver()
    stored, _ = await _stored(world, request.id)
    assert stored.status == "new"
    told = world.bot_messages(OLENA)[-1]["text"]
    assert "Could you send the receipt?" in told and "rejected" not in told

    # the reason, in reply to the prompt, is still taken
    await _rejected_in_reply_to(world, request, prompt)


async def test_the_reason_may_be_a_reply_to_the_request_s_card(world):
    _, request = await _request_on_card(world)
    card = _card(world, request.number)
    await world.press(card, "⛔️ Reject")
    await _rejected_in_reply_to(world, request, card)


async def _rejected_in_reply_to(world, request, replied):
    """Staff write the reason in reply to `replied`: the request is rejected with it."""
    world.state.send_text(FORUM, "Not covered by your program", user_id=IRYNA,
                          thread_id=replied.get("message_thread_id"),
                          reply_to_message_id=replied["message_id"])  # fmt: skip
    await world.settled()
    stored, events = await _stored(world, request.id)
    assert (stored.status, events[-1].comment) == ("rejected", "Not covered by your program")


async def test_a_line_written_long_after_the_prompt_is_not_taken_for_the_reason(world):
    """Staff pressed "⛔️ Reject", went to another topic (or home) and came back hours later:
    their next line there ("Good evening, Olena!") rejected the request. After PROMPT_TTL the
    line is neither the reason nor sent; staff are told, and the line after it is relayed."""
    _, request = await _request_on_card(world)
    await world.press(_card(world, request.number), "⛔️ Reject")
    thread = world.bot_messages(FORUM)[-1].get("message_thread_id")
    told_before = len(world.bot_messages(OLENA))
    world.clock.advance(minutes=31)

    world.state.send_text(FORUM, "Good evening, Olena!", user_id=IRYNA, thread_id=thread)
    await world.settled()
    assert world.bot_messages(FORUM)[-1]["text"].startswith(
        "⏰ The bot asked you for a question or a reason more than 30 minutes ago"
    )
    await world.deliver()
    stored, _ = await _stored(world, request.id)
    assert stored.status == "new"
    assert len(world.bot_messages(OLENA)) == told_before

    world.state.send_text(FORUM, "Good evening, Olena!", user_id=IRYNA, thread_id=thread)
    await world.settled()
    await world.deliver()
    assert "Good evening, Olena!" in world.bot_messages(OLENA)[-1]["text"]
    assert (await _stored(world, request.id))[0].status == "new"


async def test_illegal_move_is_refused_with_the_reason(world):
    _, request = await _request_on_card(world)
    card = _card(world, request.number)
    await world.press(card, "🙋 Take")
    await world.deliver()
    # "in progress" while already in progress (the button is not on the card any more)
    answer = await world.forge_press(card, f"st:{request.id}:progress")
    assert "Not possible while the request is 🔧 in progress" in answer["text"]


async def test_non_staff_button_press_changes_nothing(world):
    _, request = await _request_on_card(world)
    answer = await world.press(_card(world, request.number), "🙋 Take", user_id=INTRUDER)
    assert answer["text"] == "⛔️ Only support staff can do this here."
    stored, events = await _stored(world, request.id)
    assert stored.status == "new"
    assert stored.assignee_telegram_id is None
    assert len(events) == 1


async def test_malformed_callback_data_is_refused(world):
    _, request = await _request_on_card(world)
    card = _card(world, request.number)
    for forged in (f"st:{request.id}:delete", "st:abc:take", "st:1", "x" * 64):
        answer = await world.forge_press(card, forged)
        assert "out of date" in answer["text"] or "Only support staff" in answer["text"]
    stored, _ = await _stored(world, request.id)
    assert stored.status == "new"


async def test_show_phone_is_audited(world):
    member, request = await _request_on_card(world)
    await world.press(_card(world, request.number), "📞 Show phone")
    reply = world.bot_messages(FORUM)[-1]["text"]
    assert member.phone in reply
    async with world.sessions() as session:
        audit = (await session.execute(select(AuditEntry))).scalars().all()
    assert [(a.action, a.target) for a in audit] == [("view_phone", request.number)]


async def test_relay_both_ways_with_text_and_a_document(world):
    member, request = await _request_on_card(world)
    thread = _card(world, request.number).get("message_thread_id")

    # staff write in the member's topic: the member gets a copy, without staff names
    world.state.send_text(
        FORUM, "Hello! We are checking your limits.", user_id=IRYNA, thread_id=thread
    )
    await world.settled()
    await world.deliver()
    copied = world.bot_messages(OLENA)[-1]
    assert copied["text"] == "Hello! We are checking your limits."
    assert copied["from"]["is_bot"]

    # a staff document is copied too
    world.state.send_files(FORUM, "document", [OutgoingFile()], user_id=ASKAR, thread_id=thread)
    await world.settled()
    await world.deliver()
    assert "document" in world.bot_messages(OLENA)[-1]

    # the member answers on the request with text and a document: it lands in the topic
    sent = world.state.send_files(OLENA, "document", [OutgoingFile()])  # a file Telegram knows
    file_id = sent[0]["document"]["file_id"]
    pdf = Attachment(
        file_id,
        sent[0]["document"]["file_unique_id"],
        "document",
        "referral.pdf",
        "application/pdf",
        1000,
    )
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        await requests.add_member_message(
            session, fresh, request.id, "Here is my referral", [pdf], world.clock()
        )
    await world.deliver()
    topic = world.bot_messages(FORUM, thread)
    assert any(
        "Here is my referral" in m.get("text", "") and request.number in m["text"] for m in topic
    )
    assert topic[-1]["document"]["file_id"] == file_id


async def test_member_photo_alone_reaches_the_topic_with_who_sent_it(world):
    from bot.services.support_chat import send_to_support

    # the photo is in her chat before the request (sent after it, it would go to the request);
    # she is a member first, and the bot has read the photo before the request is made (the
    # bot's own handling of it and the test's writing her row raced)
    member = await world.member_with_card()
    sent = world.state.send_files(OLENA, "photo", [OutgoingFile()])
    await world.settled()
    request = await world.submit(member)
    await world.deliver()
    thread = _card(world, request.number).get("message_thread_id")
    photo = sent[0]["photo"][-1]
    attachment = Attachment(photo["file_id"], photo["file_unique_id"], "photo")
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        await send_to_support(
            session, fresh, None, [attachment], sent[0]["message_id"], world.clock()
        )
    await world.deliver()
    last = world.bot_messages(FORUM, thread)[-1]
    assert "photo" in last
    assert last["caption"] == "📎 Olena Kovalenko"  # who sent it, and no "said:" before nothing


async def _appointment(world, member):
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        request = await requests.submit(
            session,
            fresh,
            RequestKind.APPOINTMENT,
            {
                "specialty": "pediatrician",
                "clinic": "Kyiv",
                "preferred_date": "2026-11-23",
                "time_window": "morning",
            },
            [],
            world.clock(),
            world.clock().date(),
        )
    await world.deliver()
    return request


async def test_an_appointment_done_with_nothing_said_reminds_staff_to_say_where_and_when(world):
    """Staff press "Done" on an appointment without having written to the member: the member
    gets "✅ done" and not where or when. The topic now says so, with the way to book the visit
    (`/visit`: the member is told and reminded); an appointment whose details were written to
    the member first, and a call-back, get no such line."""
    member = await world.member_with_card()
    request = await _appointment(world, member)
    card = _card(world, request.number)
    await world.press(card, "🙋 Take")
    await world.deliver()
    await world.press(_card(world, request.number), "✅ Done")
    hint = world.bot_messages(FORUM)[-1]
    assert hint["text"] == (
        f"ℹ️ Request {request.number} (🩺 Doctor appointment) is done, but nothing has been sent "
        "to the member since it came. Book the visit the clinic or laboratory gave: /visit "
        "09.12 17:30 here (the member is told and reminded the day before), or write where and "
        "when: it goes to them."
    )
    assert hint["message_thread_id"] == card["message_thread_id"]

    told = await _appointment(world, member)
    world.clock.advance(minutes=5)
    world.state.send_text(
        FORUM,
        "Booked: Dobrobut, Nov 23 at 10:00",
        user_id=IRYNA,
        thread_id=card["message_thread_id"],
    )
    await world.settled()
    await world.deliver()
    await world.press(_card(world, told.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, told.number), "✅ Done")
    callback = await world.submit(member)
    await world.deliver()
    await world.press(_card(world, callback.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, callback.number), "✅ Done")
    hints = [m for m in world.bot_messages(FORUM) if "is done, but" in m.get("text", "")]
    assert [h["message_id"] for h in hints] == [hint["message_id"]]


async def test_a_staff_line_goes_into_the_history_of_the_request_it_is_about(world):
    """What staff wrote in the topic reached the member as a message, but the request's page
    showed only the member's lines: an answer scrolled away in the chat was not where the
    member looks for it. A line about the member's one open request (or written in reply to
    one's message) is in its history, as "💬 support: …"; with two open and no reply, it is in
    neither. A line staff correct is corrected there too."""
    member, request = await _request_on_card(world)
    thread = _card(world, request.number).get("message_thread_id")
    line = world.state.send_text(
        FORUM, "We will call you at 15:00", user_id=IRYNA, thread_id=thread
    )
    await world.settled()
    await world.deliver()
    assert world.bot_messages(OLENA)[-1]["text"] == "We will call you at 15:00"
    # staff correct it: the member's copy, and the line in the history, say it as corrected
    world.state.edit_message(FORUM, line["message_id"], "We will call you at 16:00", user_id=IRYNA)
    await world.settled()
    await world.deliver()
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    world.state.send_text(OLENA, request.number)  # the page, as a notification's number opens it
    await world.settled()
    page = world.bot_messages(OLENA)[-1]["text"]
    assert "💬 support: We will call you at 16:00" in page
    assert "15:00" not in page
    _, events = await _stored(world, request.id)
    assert [(e.actor_kind, e.actor_telegram_id, e.to_status) for e in events[-1:]] == [
        ("staff", IRYNA, None)
    ]
    # the member's reply to that line goes to the request too
    copy = next(m for m in world.bot_messages(OLENA) if m.get("text", "").startswith("We will"))
    world.state.send_text(
        OLENA, "Thank you, 16:00 suits me", reply_to_message_id=copy["message_id"]
    )
    await world.settled()
    _, events = await _stored(world, request.id)
    assert [(e.actor_kind, e.comment) for e in events[-1:]] == [
        ("member", "Thank you, 16:00 suits me")
    ]

    second = await world.submit(member, "Another question")
    await world.deliver()
    world.state.send_text(FORUM, "Which one do you mean?", user_id=IRYNA, thread_id=thread)
    await world.settled()
    for number in (request.id, second.id):
        _, events = await _stored(world, number)
        assert all(e.comment != "Which one do you mean?" for e in events)
