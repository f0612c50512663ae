"""Helpdesk tools as staff and members use them: internal notes, every member file tagged with
its request and the card's counts refreshed, edits synced both ways, canned replies, the rating
after "done"."""

from __future__ import annotations

from sqlalchemy import select

from bot.i18n import TranslatorHub
from bot.services import requests
from bot.services.documents import Attachment
from bot.services.support_chat import send_to_support
from bot.textfit import CAPTION_LIMIT, MESSAGE_LIMIT, units
from storage.models import (
    AuditEntry,
    Member,
    Notification,
    ReplyTemplate,
    Request,
    RequestEvent,
    RequestKind,
    RequestRating,
    StaffNote,
)
from tests.staff.conftest import FORUM, IRYNA, OLENA
from tests.staff.member_steps import press, said, shown
from tgsandbox import OutgoingFile

EN = TranslatorHub().get("en")


def _card(world, number):
    return next(
        m
        for m in world.bot_messages(FORUM)
        if number in m.get("text", "") and "Status" in m["text"]
    )


async def _request_on_card(world):
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    thread = _card(world, request.number).get("message_thread_id")
    return member, request, thread


async def _rows(world, model):
    async with world.sessions() as session:
        return (await session.execute(select(model).order_by(model.id))).scalars().all()


async def _staff_says(world, text, thread, **extra):
    sent = world.state.send_text(FORUM, text, user_id=IRYNA, thread_id=thread, **extra)
    await world.settled()
    await world.deliver()
    return sent


# --- internal notes ----------------------------------------------------------------------------


async def test_a_note_stays_in_the_topic_is_stored_and_never_reaches_the_member(world):
    _, request, thread = await _request_on_card(world)
    told_before = len(world.bot_messages(OLENA))

    bang = await _staff_says(world, "!Called her twice, no answer", thread)
    command = await _staff_says(world, "/note She prefers mornings", thread)

    kept = [
        m for m in world.bot_messages(FORUM, thread) if "Internal note kept" in m.get("text", "")
    ]
    assert [m["reply_to_message"]["message_id"] for m in kept] == [
        bang["message_id"],
        command["message_id"],
    ]
    notes = await _rows(world, StaffNote)
    assert [(n.text, n.request_id, n.staff_telegram_id) for n in notes] == [
        ("Called her twice, no answer", request.id, IRYNA),
        ("She prefers mornings", request.id, IRYNA),
    ]
    assert len(world.bot_messages(OLENA)) == told_before  # nothing went to the member
    copies = [n for n in await _rows(world, Notification) if n.kind == "staff_copy"]
    assert copies == []
    assert [a.action for a in await _rows(world, AuditEntry)] == ["note", "note"]

    # an ordinary line afterwards still reaches the member
    await _staff_says(world, "We are on it.", thread)
    assert world.bot_messages(OLENA)[-1]["text"] == "We are on it."


async def test_an_edited_note_is_stored_with_its_new_text_and_still_not_sent(world):
    _, _, thread = await _request_on_card(world)
    note = await _staff_says(world, "!Call back at 5", thread)
    world.state.edit_message(FORUM, note["message_id"], "!Call back at 6", user_id=IRYNA)
    await world.settled()
    await world.deliver()
    [stored] = await _rows(world, StaffNote)
    assert stored.text == "Call back at 6"
    assert not any("Call back" in m.get("text", "") for m in world.bot_messages(OLENA))


# --- every member file tagged, the card's counts refreshed ------------------------------------


async def test_what_a_member_wrote_under_a_file_is_under_its_copy_cut_to_fit(world):
    """A request's documents go with its card, each tagged; what the member wrote under each
    follows the tag, escaped, and cut with "…" when the two would not fit Telegram's 1,024."""
    member = await world.member_with_card()
    sent = world.state.send_files(OLENA, "photo", [OutgoingFile(), OutgoingFile()])
    await world.settled()  # (handled before the request is sent: then they go to no request)
    written = ["Receipt <front>", "back side " * 102 + "END"]  # the second one 1,023 long
    photos = [
        Attachment(m["photo"][-1]["file_id"], m["photo"][-1]["file_unique_id"], "photo",
                   caption=text)
        for m, text in zip(sent, written, strict=True)
    ]  # fmt: skip
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        request = await requests.submit(
            session, fresh, RequestKind.MEDICINES, {"items": "Ibuprofen"}, photos,
            world.clock(), world.clock().date(),
        )  # fmt: skip
    await world.deliver()
    copies = [m for m in world.bot_messages(FORUM) if "photo" in m]
    tag = f"📎 Olena Kovalenko · {request.number}"
    assert [c["caption"].split("\n", 1)[0] for c in copies] == [tag, tag]
    assert copies[0]["caption"].endswith("\nReceipt <front>")
    cut = copies[1]["caption"]  # at a word, as Telegram counts (📎 is two units)
    assert 1000 < units(cut) <= CAPTION_LIMIT and cut.endswith(" back side…")


async def test_member_files_on_a_request_are_tagged_and_the_card_counts_them(world):
    """Two photos sent in the chat a moment after the request (both sides of the referral)
    go to it: each reaches the topic tagged, and the card counts them."""
    _, request, thread = await _request_on_card(world)
    # a request with no file says nothing of files: no "Documents: 0" under an appointment
    assert "📎" not in _card(world, request.number)["text"]
    world.state.send_files(OLENA, "photo", [OutgoingFile(), OutgoingFile()],
                           caption="Both sides of the referral")  # fmt: skip
    await world.settled()
    await world.deliver()
    topic = world.bot_messages(FORUM, thread)
    tagged = [m for m in topic if "photo" in m]
    assert len(tagged) == 2
    assert all(request.number in m["caption"] and "Olena" in m["caption"] for m in tagged)
    assert "Documents: 2" in _card(world, request.number)["text"]


# --- edits both ways --------------------------------------------------------------------------


async def _member_wrote(world, member, text):
    """`text` sent to support, as "Write to support" does, from a message in her chat (long
    after her request was sent: otherwise the message would go on to the request)."""
    world.clock.advance(hours=1)
    sent = world.state.send_text(OLENA, text)
    await world.settled()
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        await send_to_support(session, fresh, text, [], sent["message_id"], world.clock())
    await world.deliver()
    return sent


async def test_a_member_edit_edits_the_copy_in_the_topic(world):
    member, _, thread = await _request_on_card(world)
    sent = await _member_wrote(world, member, "My policy is SIP-2026-1000")
    copy = world.bot_messages(FORUM, thread)[-1]
    assert "SIP-2026-1000" in copy["text"]

    world.state.edit_message(OLENA, sent["message_id"], "Sorry: my policy is <SIP-2026-1001>")
    await world.settled()
    await world.deliver()
    edited = world.state.chats[FORUM].messages[copy["message_id"]]
    assert "&lt;" not in edited["text"]  # shown as text, parsed from escaped HTML
    assert "my policy is <SIP-2026-1001>" in edited["text"] and "edited" in edited["text"]
    assert "edit_date" in edited


async def test_a_member_caption_edit_on_a_tagged_photo_comes_as_a_marked_correction(world):
    member, _, thread = await _request_on_card(world)
    world.clock.advance(hours=1)  # (a photo sent just after the request would go to it)
    sent = world.state.send_files(OLENA, "photo", [OutgoingFile()])
    await world.settled()
    photo = sent[0]["photo"][-1]
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        await send_to_support(
            session,
            fresh,
            None,
            [Attachment(photo["file_id"], photo["file_unique_id"], "photo")],
            sent[0]["message_id"],
            world.clock(),
        )
    await world.deliver()
    posted = world.bot_messages(FORUM, thread)[-1]
    assert "photo" in posted

    world.state.edit_message(OLENA, sent[0]["message_id"], "This is the prescription")
    await world.settled()
    await world.deliver()
    correction = world.bot_messages(FORUM, thread)[-1]
    assert "corrected this message" in correction["text"]
    assert "This is the prescription" in correction["text"]
    assert correction["reply_to_message"]["message_id"] == posted["message_id"]


async def test_a_staff_edit_edits_the_members_copy(world):
    _, _, thread = await _request_on_card(world)
    said = await _staff_says(world, "Your appointment is at 10:00", thread)
    copy = world.bot_messages(OLENA)[-1]
    assert copy["text"] == "Your appointment is at 10:00"

    world.state.edit_message(
        FORUM, said["message_id"], "Your appointment is at 11:00", user_id=IRYNA
    )
    await world.settled()
    await world.deliver()
    now = world.state.chats[OLENA].messages[copy["message_id"]]
    assert now["text"] == "Your appointment is at 11:00"
    assert "edit_date" in now
    assert world.bot_messages(OLENA)[-1]["message_id"] == copy["message_id"]  # no new message


async def test_a_long_member_edit_reaches_staff_whole_as_a_correction_in_parts(world):
    """A member message of 3,700 characters reached the topic in two parts (its header takes
    room); the member edits it to 4,090: no message can carry that with its header, so staff
    get a marked correction in reply to the first part, going on in as many parts as it needs."""
    member, _, thread = await _request_on_card(world)
    sent = await _member_wrote(world, member, ("Я хочу уточнити. " * 220).strip())
    parts = world.bot_messages(FORUM, thread)[-2:]
    counts = [p["text"].count("уточнити") for p in parts]
    assert sum(counts) == 220 and min(counts) > 0

    new = ("<b>виправлення</b> " * 200)[:4090].strip()  # as long as Telegram lets a member write
    world.state.edit_message(OLENA, sent["message_id"], new)
    await world.settled()
    await world.deliver()
    assert [m["text"] for m in world.bot_messages(FORUM, thread)[-4:-2]] == [
        p["text"] for p in parts
    ]  # the parts as they were
    correction = world.bot_messages(FORUM, thread)[-2:]
    assert "corrected this message" in correction[0]["text"]
    assert all(c["reply_to_message"]["message_id"] == parts[0]["message_id"] for c in correction)
    said = correction[0]["text"].split(":\n", 1)[1] + " " + correction[1]["text"]
    assert said == new  # whole, as typed (escaped on the way, shown as text)
    [edit] = [n for n in await _rows(world, Notification) if n.kind == "member_edit"]
    assert edit.status == "sent"

    # staff answer it by replying to the correction's last part: it reaches the member
    await _staff_says(
        world, "Thank you, noted", thread, reply_to_message_id=correction[1]["message_id"]
    )
    assert world.bot_messages(OLENA)[-1]["text"] == "Thank you, noted"


async def test_a_short_edit_of_a_message_sent_in_parts_is_a_correction_not_half_an_edit(world):
    member, _, thread = await _request_on_card(world)
    sent = await _member_wrote(world, member, ("Я хочу уточнити. " * 220).strip())
    parts = world.bot_messages(FORUM, thread)[-2:]
    world.state.edit_message(OLENA, sent["message_id"], "Never mind, all clear")
    await world.settled()
    await world.deliver()
    correction = world.bot_messages(FORUM, thread)[-1]
    assert "corrected this message" in correction["text"]
    assert correction["text"].endswith("Never mind, all clear")
    assert correction["reply_to_message"]["message_id"] == parts[0]["message_id"]
    kept = [world.state.chats[FORUM].messages[p["message_id"]] for p in parts]
    assert [k["text"] for k in kept] == [p["text"] for p in parts]
    assert not any("edit_date" in k for k in kept)


async def test_a_staff_edit_too_long_to_carry_its_mark_comes_as_mark_then_text(world):
    """The member deleted the copy, so it cannot be edited: the correction follows, and with
    a text of 4,090 characters the mark goes in a message of its own before it."""
    _, _, thread = await _request_on_card(world)
    said = await _staff_says(world, "Your appointment is at 10:00", thread)
    copy = world.bot_messages(OLENA)[-1]
    del world.state.chats[OLENA].messages[copy["message_id"]]

    new = ("Your appointment moved to 11:00. " * 124)[:4090]
    world.state.edit_message(FORUM, said["message_id"], new, user_id=IRYNA)
    await world.settled()
    await world.deliver()
    mark, text = world.bot_messages(OLENA)[-2:]
    assert mark["text"] == EN("helpdesk-correction", text="").strip()
    assert text["text"] == new
    [edit] = [n for n in await _rows(world, Notification) if n.kind == "staff_edit"]
    assert edit.status == "sent"


# --- the member answers by replying to the bot's message ---------------------------------------


async def _asked(world, request, question: str) -> dict:
    """Staff take the request and ask the member `question` (❓ Need info); the notification
    as the member got it."""
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, request.number), "❓ Need info")
    prompt = world.bot_messages(FORUM)[-1]
    world.state.send_text(FORUM, question, user_id=IRYNA, thread_id=prompt.get("message_thread_id"),
                          reply_to_message_id=prompt["message_id"])  # fmt: skip
    await world.settled()
    await world.deliver()
    return world.bot_messages(OLENA)[-1]


async def test_a_reply_to_need_info_goes_to_staff_on_the_request_and_resumes_it(world):
    """Staff ask; the member answers the way Telegram invites: a reply to the bot's message
    with the question, text, then a photo with a caption. Both reach the topic tagged with the
    request, the request is back in progress, the photo is counted on the card."""
    _, request, thread = await _request_on_card(world)
    asked = await _asked(world, request, "Which clinic do you prefer?")
    assert "Which clinic do you prefer?" in asked["text"]

    world.state.send_text(OLENA, "Dobrobut on Pushkinska", reply_to_message_id=asked["message_id"])
    await world.settled()
    said = world.bot_messages(OLENA)[-1]
    assert said["text"] == EN("reply-sent-to", number=request.number)
    async with world.sessions() as session:
        stored = await session.get(Request, request.id)
        assert stored is not None and stored.status == "in_progress"
    await world.deliver()
    [copy] = [m for m in world.bot_messages(FORUM, thread) if "Dobrobut" in m.get("text", "")]
    assert request.number in copy["text"]

    # staff answer her line (so theirs is about the request too); she answers with a photo
    await _staff_says(world, "Booked for Friday 10:00. Referral?", thread,
                      reply_to_message_id=copy["message_id"])  # fmt: skip
    copied = world.bot_messages(OLENA)[-1]
    assert copied["text"] == "Booked for Friday 10:00. Referral?"
    sent = world.state.send_files(OLENA, "photo", [OutgoingFile()], caption="The referral",
                                  reply_to_message_id=copied["message_id"])  # fmt: skip
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=request.number)
    await world.deliver()
    photo = [m for m in world.bot_messages(FORUM, thread) if "photo" in m][-1]
    assert photo["caption"].endswith("\nThe referral") and request.number in photo["caption"]
    assert photo["photo"][-1]["file_unique_id"] == sent[0]["photo"][-1]["file_unique_id"]
    assert "Documents: 1" in _card(world, request.number)["text"]


async def test_a_reply_with_a_refused_file_or_too_long_a_text_is_told_why_and_adds_nothing(world):
    _, request, thread = await _request_on_card(world)
    asked = await _asked(world, request, "Which clinic?")
    before = len(world.bot_messages(FORUM, thread))

    program = OutgoingFile("setup.exe", b"MZ", "application/x-msdownload")
    world.state.send_files(OLENA, "document", [program], reply_to_message_id=asked["message_id"])
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("docs-bad-type")
    world.state.send_text(OLENA, "x " * 600, reply_to_message_id=asked["message_id"])
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("input-too-long", max=1000)

    await world.deliver()
    assert len(world.bot_messages(FORUM, thread)) == before  # nothing reached staff
    async with world.sessions() as session:
        stored = await session.get(Request, request.id)
        assert stored is not None and stored.status == "need_info"  # still waiting for her


async def test_a_reply_about_a_closed_request_or_no_request_goes_to_support_a_screen_s_not(world):
    _, request, thread = await _request_on_card(world)
    asked = await _asked(world, request, "Which clinic?")
    await world.press(_card(world, request.number), "⛔️ Reject")
    prompt = world.bot_messages(FORUM)[-1]
    world.state.send_text(FORUM, "Not covered", user_id=IRYNA, thread_id=thread,
                          reply_to_message_id=prompt["message_id"])  # fmt: skip
    await world.settled()
    await world.deliver()

    world.state.send_text(OLENA, "But why?", reply_to_message_id=asked["message_id"])
    await world.settled()
    answer = world.bot_messages(OLENA)[-1]["text"]
    assert answer == EN("reply-closed-to-support", number=request.number)
    await world.deliver()
    assert any("But why?" in m.get("text", "") for m in world.bot_messages(FORUM, thread))

    # a line staff wrote in the topic about no request: a reply to it goes to support
    await _staff_says(world, "Anything else we can do?", thread)
    world.state.send_text(
        OLENA, "No, thanks", reply_to_message_id=world.bot_messages(OLENA)[-1]["message_id"]
    )
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-to-support")
    await world.deliver()
    assert "No, thanks" in [m for m in world.bot_messages(FORUM, thread) if "text" in m][-1]["text"]

    # what goes to support is held to support's limit (4,000), not a request's (1,000)
    long = "Details: " + "x" * 1500
    world.state.send_text(OLENA, long, reply_to_message_id=asked["message_id"])
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN(
        "reply-closed-to-support", number=request.number
    )
    await world.deliver()
    assert any(long in m.get("text", "") for m in world.bot_messages(FORUM, thread))

    # a reply to a screen of the bot's dialogs is the dialogs' (here: the menu's) to answer
    # (an hour after the rejection: a line just after it would go to support)
    world.clock.advance(hours=1)
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    menu = world.bot_messages(OLENA)[-1]
    world.state.send_text(OLENA, "hello?", reply_to_message_id=menu["message_id"])
    await world.settled()
    assert EN("input-not-asked-offer") in world.bot_messages(OLENA)[-1]["text"]


# --- the member answers by simply writing in the chat --------------------------------------


async def _status(world, request) -> str:
    async with world.sessions() as session:
        stored = await session.get(Request, request.id)
        assert stored is not None
        return stored.status


def _member_lines(world, thread) -> list[str]:
    return [m.get("text") or m.get("caption") or "" for m in world.bot_messages(FORUM, thread)]


async def test_an_answer_written_in_the_chat_goes_to_the_request_that_asked_for_it(world):
    """Staff ask for a photo; the member, on the menu, just sends it, no Telegram reply (the
    notification says she may). It reaches the topic on the request, which is back in work,
    and so does the back side a minute later. Once staff close the request, a line on the
    menu is not taken for it."""
    _, request, thread = await _request_on_card(world)
    asked = await _asked(world, request, "Please send a photo of the referral")
    assert asked["text"].endswith(EN("notify-need-info-how"))
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    world.state.push_update(  # a sticker: not one to pass on, and she is told what is
        "message",
        {"chat": {"id": OLENA, "type": "private"}, "from": {"id": OLENA, "is_bot": False,
         "first_name": "Olena"}, "message_id": world.state.next_id(), "date": 1796000000,
         "sticker": {"file_id": "s1", "file_unique_id": "us1", "type": "regular", "width": 512,
                     "height": 512, "is_animated": False, "is_video": False}},
    )  # fmt: skip
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("support-chat-unsupported")

    world.state.send_files(OLENA, "photo", [OutgoingFile()], caption="The referral")
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=request.number)
    assert await _status(world, request) == "in_progress"
    world.clock.advance(minutes=1)
    world.state.send_files(OLENA, "photo", [OutgoingFile()], caption="Its back side")
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=request.number)
    await world.deliver()
    photos = [m["caption"] for m in world.bot_messages(FORUM, thread) if "photo" in m]
    tag = f"📎 Olena Kovalenko · {request.number}"
    assert photos == [f"{tag}\nThe referral", f"{tag}\nIts back side"]
    assert "Documents: 2" in _card(world, request.number)["text"]

    await world.press(_card(world, request.number), "✅ Done")
    await world.deliver()
    before = len(world.bot_messages(FORUM, thread))
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    world.state.send_text(OLENA, "Thanks!")  # a thank-you: answered, sent to no one
    await world.settled()
    assert EN("input-thanks") in world.bot_messages(OLENA)[-1]["text"]
    world.state.send_text(OLENA, "One more thing about it")  # the request is done: not its line
    await world.settled()
    assert EN("input-not-asked-offer") in world.bot_messages(OLENA)[-1]["text"]
    await world.deliver()
    assert len(world.bot_messages(FORUM, thread)) == before


async def test_another_request_asked_for_a_moment_after_one_is_offered_not_added_to_it(world):
    """ "I also need a dentist tomorrow", written a moment after a call-back request, went into
    that request as one more line of it, and no appointment was offered. A message that asks
    for a request of another kind is kept, with that request offered, as at any other moment;
    a line that names the request's own kind still goes to it; and an answer support asked for
    goes to its request whatever it names."""
    _, request, thread = await _request_on_card(world)
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    world.clock.advance(minutes=5)
    offered = await said(
        world,
        lambda: world.state.send_text(OLENA, "I also need a dentist tomorrow"),
        "📝 New request: 🩺 Doctor appointment · Dentist",
    )
    assert "✉️ Send it to support" in shown(offered)
    world.state.send_text(OLENA, "call me back in the evening instead")
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=request.number)
    await world.deliver()
    lines = _member_lines(world, thread)
    assert not any("dentist" in line for line in lines)
    assert any("in the evening instead" in line for line in lines)

    await _asked(world, request, "Which dentist do you mean?")
    world.state.send_text(OLENA, "I need a dentist at City Clinic No. 4")
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=request.number)
    await world.deliver()
    assert any("City Clinic No. 4" in line for line in _member_lines(world, thread))


async def test_an_album_sent_as_the_answer_is_acknowledged_once(world):
    """The three pages of a referral sent as one album arrive as three messages: each reaches
    the topic, and the member is told once, not three times."""
    _, request, thread = await _request_on_card(world)
    await _asked(world, request, "Please send the referral, every page")
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    told_before = len(world.bot_messages(OLENA))

    world.state.send_files(OLENA, "photo", [OutgoingFile(), OutgoingFile(), OutgoingFile()])
    await world.settled()
    told = world.bot_messages(OLENA)[told_before:]
    assert [m["text"] for m in told] == [EN("reply-sent-to", number=request.number)]
    await world.deliver()
    assert len([m for m in world.bot_messages(FORUM, thread) if "photo" in m]) == 3
    assert "Documents: 3" in _card(world, request.number)["text"]


async def test_a_line_written_just_after_sending_a_request_goes_to_it_and_later_not(world):
    """ "Sent, and one more thing": a line written on the "sent" screen's place a moment after
    the request goes to it; once staff have acted on it, or half an hour later, it does not."""
    member, request, thread = await _request_on_card(world)
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    world.clock.advance(minutes=5)
    world.state.send_text(OLENA, "I forgot: mornings only, please")
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=request.number)
    await world.deliver()
    assert any("mornings only" in line for line in _member_lines(world, thread))
    assert await _status(world, request) == "new"  # more from her: it stays as it was

    world.clock.advance(minutes=31)
    world.state.send_text(OLENA, "Hello?")
    await world.settled()
    assert EN("input-not-asked-offer") in world.bot_messages(OLENA)[-1]["text"]

    other = await world.submit(member, topic="Another")
    await world.deliver()
    await world.press(_card(world, other.number), "🙋 Take")  # staff acted on it first
    world.state.send_text(OLENA, "And another thing")
    await world.settled()
    assert EN("input-not-asked-offer") in world.bot_messages(OLENA)[-1]["text"]
    await world.deliver()
    assert not any("Hello?" in line or "another thing" in line
                   for line in _member_lines(world, thread))  # fmt: skip


async def _taken_long_ago(world):
    """A request staff took 40 minutes ago (it last changed then), and its topic."""
    _, request, thread = await _request_on_card(world)
    await world.press(_card(world, request.number), "🙋 Take")
    world.clock.advance(minutes=40)
    return request, thread


async def _photo_a_minute_later(world, caption: str, request) -> None:
    """The member, on the menu, sends a photo a minute later: it goes to `request`."""
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    world.clock.advance(minutes=1)
    world.state.send_files(OLENA, "photo", [OutgoingFile()], caption=caption)
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=request.number)


async def test_a_line_written_just_after_staff_wrote_on_the_request_goes_to_it(world):
    """Staff take the request and write in the topic, "Please send the second page of the
    referral", without "❓ Need info". The member's photo a minute later, on the menu, was met
    with "Messages are not taken on this screen" and a button: now it answers the line, on its
    request, as a line a moment after her own does. Half an hour later it does not."""
    request, thread = await _taken_long_ago(world)
    await _staff_says(world, "Please send the second page of the referral", thread)
    assert world.bot_messages(OLENA)[-1]["text"] == "Please send the second page of the referral"
    await _photo_a_minute_later(world, "Page two", request)
    await world.deliver()
    tag = f"📎 Olena Kovalenko · {request.number}"
    assert [m["caption"] for m in world.bot_messages(FORUM, thread) if "photo" in m] == [
        f"{tag}\nPage two"
    ]
    assert await _status(world, request) == "in_progress"

    world.clock.advance(minutes=31)
    world.state.send_text(OLENA, "Hello?")
    await world.settled()
    assert EN("input-not-asked-offer") in world.bot_messages(OLENA)[-1]["text"]


async def _rejected(world, reason: str):
    """A request sent and rejected with `reason`; the member back on the menu."""
    _, request, thread = await _request_on_card(world)
    await world.press(_card(world, request.number), "⛔️ Reject")
    prompt = world.bot_messages(FORUM)[-1]
    await _staff_says(world, reason, thread, reply_to_message_id=prompt["message_id"])
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    return request, thread


async def test_a_line_written_just_after_a_rejection_goes_to_support(world):
    """Rejected, the member writes "But why?" on the menu: it goes to support, as a reply to
    the rejection does; an hour later a line is not taken for it."""
    request, thread = await _rejected(world, "Not covered by your program")
    world.clock.advance(minutes=10)

    world.state.send_text(OLENA, "But why? It was covered last year")
    await world.settled()
    said_back = world.bot_messages(OLENA)[-1]["text"]
    assert said_back == EN("reply-closed-to-support", number=request.number)
    await world.deliver()
    assert any("covered last year" in line for line in _member_lines(world, thread))

    world.clock.advance(hours=1)
    world.state.send_text(OLENA, "Hello?")
    await world.settled()
    assert EN("input-not-asked-offer") in world.bot_messages(OLENA)[-1]["text"]


async def test_a_request_of_the_same_kind_asked_for_after_a_rejection_is_offered(world):
    """Rejected with "send a new request for the right number", the member writes "OK, then
    please call me back tomorrow morning": it went to support as a question, for a request of
    the kind rejected. A request asked for after a rejection is offered, whatever its kind,
    with support beside it, and nothing goes to support unasked."""
    request, thread = await _rejected(world, "Wrong number: send a new request with the right one")
    before = len(_member_lines(world, thread))

    world.state.send_text(OLENA, "OK, then please call me back tomorrow morning")
    await world.settled()
    offer = world.bot_messages(OLENA)[-1]
    buttons = [b["text"] for row in offer["reply_markup"]["inline_keyboard"] for b in row]
    assert "📝 New request: 📞 Call-back" in buttons
    assert "✉️ Send it to support" in buttons
    assert EN("reply-closed-to-support", number=request.number) != offer["text"]
    await world.deliver()
    assert len(_member_lines(world, thread)) == before


async def test_with_two_requests_asking_a_line_in_the_chat_asks_which_and_sends_nothing(world):
    member, first, thread = await _request_on_card(world)
    second = await world.submit(member, topic="My limits for dentistry")
    await world.deliver()
    await _asked(world, first, "Which phone should we call?")
    asked = await _asked(world, second, "Which clinic?")
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    before = len(world.bot_messages(FORUM, thread))

    world.state.send_text(OLENA, "+380501234567")
    await world.settled()
    numbers = f"{first.number}, {second.number}"
    assert world.bot_messages(OLENA)[-1]["text"] == EN("answer-which-request", numbers=numbers)
    world.state.send_text(OLENA, "/nonsense")  # a command is never passed on
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("member-unknown-command")
    await world.deliver()
    assert len(world.bot_messages(FORUM, thread)) == before
    assert [await _status(world, r) for r in (first, second)] == ["need_info", "need_info"]

    # as the message says: a reply to the question picks the request
    world.state.send_text(OLENA, "Dobrobut", reply_to_message_id=asked["message_id"])
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=second.number)
    assert [await _status(world, r) for r in (first, second)] == ["need_info", "in_progress"]


async def test_a_line_written_on_a_request_s_page_goes_to_that_request(world):
    """Support asked about the first request; the member opens the second's page (the button
    under its status message) and writes there: the line is about the request on the page."""
    member, first, thread = await _request_on_card(world)
    second = await world.submit(member, topic="My limits for dentistry")
    await world.deliver()
    await _asked(world, first, "Which phone should we call?")
    await world.press(_card(world, second.number), "🙋 Take")
    await world.deliver()
    taken = world.bot_messages(OLENA)[-1]
    assert second.number in taken["text"]
    await press(world, "📋 Open the request", "History")

    world.state.send_text(OLENA, "Is the implant covered?")
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=second.number)
    await world.deliver()
    [line] = [m for m in _member_lines(world, thread) if "implant" in m]
    assert second.number in line
    assert [await _status(world, r) for r in (first, second)] == ["need_info", "in_progress"]


async def _write_to_support(world) -> None:
    """Olena opens "☎️ Support → ✉️ Write to support" from the menu."""
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    await press(world, "☎️ Support", "✉️ Write to support")
    await press(world, "✉️ Write to support", "Type your question")


async def test_a_message_in_write_to_support_answers_the_request_support_asked_about(world):
    """Support asked about her request; the member answers through "☎️ Support → ✉️ Write to
    support", where she thinks support is. It goes to the request, which is back in work (no
    reminder follows), and she is told where it went. The next line, with nothing asked, goes
    to support as before. A line too long for a request's message goes to support whole."""
    _, request, thread = await _request_on_card(world)
    await _asked(world, request, "Which clinic do you prefer?")
    await _write_to_support(world)

    await said(world, lambda: world.state.send_text(OLENA, "Dobrobut on Pushkinska"),
               EN("support-chat-added", number=request.number).split("\n")[0])  # fmt: skip
    assert await _status(world, request) == "in_progress"
    await world.deliver()
    [line] = [m for m in _member_lines(world, thread) if "Dobrobut" in m]
    assert request.number in line

    await said(world, lambda: world.state.send_text(OLENA, "And when is it?"),
               EN("support-chat-sent").split("\n")[0])  # fmt: skip
    await world.deliver()
    [line] = [m for m in _member_lines(world, thread) if "when is it" in m]
    assert request.number not in line
    assert await _status(world, request) == "in_progress"

    await world.press(_card(world, request.number), "❓ Need info")
    prompt = world.bot_messages(FORUM)[-1]
    await _staff_says(world, "Which day?", prompt.get("message_thread_id"),
                      reply_to_message_id=prompt["message_id"])  # fmt: skip
    long = "Any weekday after 15:00 suits me. " * 40  # 1,360 characters: more than a request's
    await said(world, lambda: world.state.send_text(OLENA, long.strip()),
               EN("support-chat-sent").split("\n")[0])  # fmt: skip
    assert await _status(world, request) == "need_info"


async def test_support_away_is_not_said_to_a_member_staff_are_answering(world):
    """A Sunday: support is away, and a message to it says when they are back. An agent on
    duty answers her all the same; under her reply "support is not at work now" would be
    untrue, so it is not said. Once staff have been quiet for half an hour, it is again."""
    _, _request, thread = await _request_on_card(world)
    world.clock.advance(hours=1)  # (a line just after the request would go to it)
    await _write_to_support(world)
    sent = EN("support-chat-sent").split("\n")[0]

    async def writes(text: str) -> str:
        await said(world, lambda: world.state.send_text(OLENA, text), sent)
        await world.settled()  # (the step's last message loses its buttons first: an edit)
        step = shown(world.bot_messages(OLENA)[-1])
        assert step.startswith(sent)
        return step

    assert "🌙 Support is not at work now" in await writes("Is a dentist covered?")

    await _staff_says(world, "I am on duty today: yes, a check-up is covered.", thread)
    await world.deliver()
    assert (
        world.bot_messages(OLENA)[-1]["text"] == "I am on duty today: yes, a check-up is covered."
    )
    world.clock.advance(minutes=10)
    assert "🌙" not in await writes("And a filling?")
    await world.deliver()
    assert [m for m in _member_lines(world, thread) if "And a filling?" in m]

    world.clock.advance(minutes=31)
    assert "🌙 Support is not at work now" in await writes("Hello?")


async def test_with_two_requests_asking_write_to_support_goes_to_support(world):
    member, first, thread = await _request_on_card(world)
    second = await world.submit(member, topic="My limits for dentistry")
    await world.deliver()
    await _asked(world, first, "Which phone should we call?")
    await _asked(world, second, "Which tooth?")
    await _write_to_support(world)
    await said(world, lambda: world.state.send_text(OLENA, "Call me on this number"),
               EN("support-chat-sent").split("\n")[0])  # fmt: skip
    await world.deliver()
    [line] = [m for m in _member_lines(world, thread) if "this number" in m]
    assert first.number not in line and second.number not in line
    assert [await _status(world, r) for r in (first, second)] == ["need_info", "need_info"]


async def test_a_voice_message_reaches_staff_as_one_on_the_request_or_to_support(world):
    """Members here often answer by voice. A voice note sent as the answer support asked for
    reaches the topic as a voice message (by file_id, tagged with the request) and puts the
    request back in work; the request's page lists it. One sent in "Write to support" with
    nothing asked reaches the topic too. A form's document step does not take one."""
    _, request, thread = await _request_on_card(world)
    await _asked(world, request, "Which clinic do you prefer?")
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    [sent] = world.state.send_files(OLENA, "voice", [OutgoingFile()])
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=request.number)
    assert await _status(world, request) == "in_progress"
    await world.deliver()
    [copy] = [m for m in world.bot_messages(FORUM, thread) if "voice" in m]
    assert copy["voice"]["file_unique_id"] == sent["voice"]["file_unique_id"]
    assert copy["caption"] == f"📎 Olena Kovalenko · {request.number}"
    card = _card(world, request.number)["text"]
    assert "limits\n🎤 Voice messages: 1\n\n" in card  # no "Documents: 0" beside it
    assert "Documents" not in card
    # staff answer the voice message by replying to its copy: it reaches her
    await _staff_says(world, "Noted, Dobrobut it is", thread,
                      reply_to_message_id=copy["message_id"])  # fmt: skip
    assert world.bot_messages(OLENA)[-1]["text"] == "Noted, Dobrobut it is"
    # and she answers that line by voice, as a Telegram reply to it: on the request again
    staff_line = world.bot_messages(OLENA)[-1]
    world.state.send_files(OLENA, "voice", [OutgoingFile()],
                           reply_to_message_id=staff_line["message_id"])  # fmt: skip
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("reply-sent-to", number=request.number)
    await world.deliver()
    assert len([m for m in world.bot_messages(FORUM, thread) if "voice" in m]) == 2

    world.clock.advance(hours=1)
    await _write_to_support(world)
    await said(world, lambda: world.state.send_files(OLENA, "voice", [OutgoingFile()],
                                                     caption="about my limits"),
               EN("support-chat-sent").split("\n")[0])  # fmt: skip
    await world.deliver()
    voices = [m for m in world.bot_messages(FORUM, thread) if "voice" in m]
    assert len(voices) == 3
    assert voices[2]["caption"] == "📎 Olena Kovalenko"  # what she wrote came just before it
    assert "about my limits" in _member_lines(world, thread)[-2]
    # her request's page lists the one on it
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    listed = await press(world, "📋 My requests", request.number)
    label = next(b["text"] for row in listed["reply_markup"]["inline_keyboard"] for b in row
                 if request.number in b["text"])  # fmt: skip
    page = await press(world, label, "History")
    assert "🎤 voice message" in page["text"]


async def test_a_request_s_page_opened_from_its_status_message_goes_back_to_the_menu(world):
    """The page opened by "📋 Open the request" was the only screen: "Back" to the list and
    "Back" again closed it and left the chat with no buttons. The menu is under it now."""
    _, request, _thread = await _request_on_card(world)
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    await press(world, "📋 Open the request", "History")
    await press(world, "⬅️ Back", "My requests")
    menu = await press(world, "⬅️ Back", "📝 New request")
    assert "Active card" in menu["text"]


async def test_a_file_sent_in_a_form_is_the_form_s_not_the_request_s_that_asked(world):
    """In the middle of a new request's form, a message is that form's: here a photo on the
    call-back form's summary, which takes none, is refused there and goes nowhere."""
    _, request, thread = await _request_on_card(world)
    await _asked(world, request, "Which clinic?")
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    await press(world, "📝 New request", "What do you need?")
    await press(world, "📞 Call-back", "Which number")
    await said(world, lambda: world.state.send_text(OLENA, "+380501112233"), "convenient")
    await press(world, "🕘 Any time", "talk about")
    await said(world, lambda: world.state.send_text(OLENA, "My limits"), "✅ Send")
    before = len(world.bot_messages(FORUM, thread))

    world.state.send_files(OLENA, "photo", [OutgoingFile()])
    await world.settled()
    assert EN("input-unexpected") in world.bot_messages(OLENA)[-1]["text"]
    await world.deliver()
    assert len(world.bot_messages(FORUM, thread)) == before
    assert await _status(world, request) == "need_info"


# --- canned replies ----------------------------------------------------------------------------


async def test_canned_replies_are_managed_in_the_chat_and_sent_in_the_members_language(world):
    member, request, thread = await _request_on_card(world)
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        fresh.language = "uk"
        fresh.full_name = "Олена <b>K</b>"
        session.add(fresh)

    await _staff_says(
        world, "/template add docs en Hello {name}, please send documents for {request}.", None
    )
    await _staff_says(
        world, "/template add docs uk Вітаю, {name}! Надішліть документи до {request} <ok>.", None
    )
    added = world.bot_messages(FORUM)[-1]
    assert "added" in added["text"]
    await _staff_says(world, "/templates", None)
    listing = world.bot_messages(FORUM)[-1]["text"]
    assert "docs [en]" in listing and "docs [uk]" in listing

    await _staff_says(world, "/reply docs", thread)
    got = world.bot_messages(OLENA)[-1]
    assert got["text"] == f"Вітаю, Олена <b>K</b>! Надішліть документи до {request.number} <ok>."
    assert "entities" not in got  # the member's name and the template are text, not markup
    confirmation = world.bot_messages(FORUM, thread)[-1]["text"]
    assert "Canned reply (uk) queued" in confirmation

    await _staff_says(world, "/template remove docs", None)
    assert "removed in 2 languages" in world.bot_messages(FORUM)[-1]["text"]
    assert await _rows(world, ReplyTemplate) == []
    await _staff_says(world, "/reply docs", thread)
    assert "No canned reply is called" in world.bot_messages(FORUM, thread)[-1]["text"]
    actions = [a.action for a in await _rows(world, AuditEntry)]
    assert actions == ["template_add", "template_add", "canned_reply", "template_remove"]


async def test_a_canned_reply_is_a_line_of_its_request_that_the_member_may_answer(world):
    """A canned reply ("Please send the receipt for {request}") reached the member but not the
    request's history, and her answer a minute later was met with "Messages are not taken on
    this screen". It is a line on its request, as a typed one is: in its history, as the
    member read it, and what she writes a moment after answers it."""
    request, thread = await _taken_long_ago(world)
    template = "/template add receipt en Please send the receipt for {request}."
    await _staff_says(world, template, None)
    await _staff_says(world, "/reply receipt", thread)
    await _photo_a_minute_later(world, "The receipt", request)
    lines = [(e.actor_kind, e.comment) for e in await _rows(world, RequestEvent) if e.comment]
    assert ("staff", f"Please send the receipt for {request.number}.") in lines


async def test_a_canned_reply_with_a_placeholder_the_bot_does_not_fill_is_not_kept(world):
    """ "{number}" for "{request}" would reach members as it is; a language left out is named
    where it goes. Neither is kept, and the reply says what to write."""
    await _staff_says(world, "/template add docs Hello {name}, your {request}", None)
    said = world.bot_messages(FORUM)[-1]["text"]
    assert said.startswith("The language comes after the name: uk, ru, kk or en.")
    assert "/template add docs en Hello, {name}!" in said
    await _staff_says(
        world, "/template add docs en Hello {name}, send the receipt for {number}", None
    )
    assert world.bot_messages(FORUM)[-1]["text"] == (
        "{number} is not filled in: a text may say {name} (the member's name) and {request}"
        " (the request number)."
    )
    assert await _rows(world, ReplyTemplate) == []
    await _staff_says(world, "/template add docs en Hello {name}, the receipt for {request}", None)
    assert "added" in world.bot_messages(FORUM)[-1]["text"]


async def test_a_canned_reply_keeps_the_formatting_staff_gave_it(world):
    """Staff wrote a template with the hours in bold and a link to the clinic list. It was kept
    as plain text: the member got neither. Now the member gets both, and text that only looks
    like markup ("<ok>", "&") is still text; /templates previews the words alone."""
    member, _, thread = await _request_on_card(world)
    text = "/template add hours en Hi {name}! We work Mon-Fri, clinics here. <ok> & thanks"
    link = "https://example.org/clinics"
    entities = [
        {"type": "bold", "offset": text.index("Mon-Fri"), "length": 7},
        {"type": "text_link", "offset": text.index("here"), "length": 4, "url": link},
    ]
    await _staff_says(world, text, None, entities=entities)
    assert "added" in world.bot_messages(FORUM)[-1]["text"]
    await _staff_says(world, "/templates", None)
    listing = world.bot_messages(FORUM)[-1]["text"]
    assert "hours [en]: Hi {name}! We work Mon-Fri, clinics here. <ok> & thanks" in listing

    await _staff_says(world, "/reply hours", thread)
    got = world.bot_messages(OLENA)[-1]
    name = member.full_name
    assert got["text"] == f"Hi {name}! We work Mon-Fri, clinics here. <ok> & thanks"
    entities = [(e["type"], e.get("url")) for e in got["entities"]]
    assert entities == [("bold", None), ("text_link", "https://example.org/clinics")]
    bold = got["entities"][0]
    assert got["text"][bold["offset"] : bold["offset"] + bold["length"]] == "Mon-Fri"


async def test_a_long_list_of_canned_replies_comes_in_several_messages(world):
    """Twelve replies in four languages are 48 lines of up to 80 characters of preview: more
    than one message holds. Every one is listed, in messages Telegram takes."""
    async with world.sessions.begin() as session:
        for n in range(12):
            for language in ("uk", "ru", "kk", "en"):
                session.add(
                    ReplyTemplate(
                        name=f"reply{n:02}", language=language, text=f"{n} " + "word " * 40,
                        created_by=IRYNA, created_at=world.clock(), updated_at=world.clock(),
                    )
                )  # fmt: skip
    before = len(world.bot_messages(FORUM))
    await _staff_says(world, "/templates", None)
    listing = [m["text"] for m in world.bot_messages(FORUM)[before:]]
    assert len(listing) >= 2 and all(units(text) <= MESSAGE_LIMIT for text in listing)
    lines = "\n".join(listing)
    languages = ("uk", "ru", "kk", "en")
    assert all(f"reply{n:02} [{lang}]" in lines for n in range(12) for lang in languages)
    assert listing[-1].endswith(EN("helpdesk-templates-help").split("\n")[-1])


async def test_bad_template_commands_get_the_usage_and_change_nothing(world):
    await _staff_says(world, "/template add", None)
    assert "Usage" in world.bot_messages(FORUM)[-1]["text"]
    await _staff_says(world, "/template add x fr Bonjour", None)
    assert "uk, ru, kk or en" in world.bot_messages(FORUM)[-1]["text"]
    await _staff_says(world, "/template add Bad!Name en Hi", None)
    assert "1 to 32 characters" in world.bot_messages(FORUM)[-1]["text"]
    assert await _rows(world, ReplyTemplate) == []


# --- the rating after done --------------------------------------------------------------------


async def _done(world) -> tuple[Request, dict]:
    """Staff take a request and mark it done: the request, and the member's rating question."""
    _, request, _thread = await _request_on_card(world)
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, request.number), "✅ Done")
    await world.deliver()
    ask = next(m for m in world.bot_messages(OLENA) if "How did we do" in m.get("text", ""))
    return request, ask


async def _another_done(world) -> Request:
    """Another request of the member's, taken and done by staff."""
    [member] = await _rows(world, Member)
    request = await world.submit(member)
    await world.deliver()
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, request.number), "✅ Done")
    await world.deliver()
    return request


async def test_after_done_the_member_rates_and_comments_and_staff_see_it_on_the_card(world):
    request, ask = await _done(world)
    labels = [b["text"] for row in ask["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐"]
    # the member is told it is done once: by the status message, which the question follows
    said = [m.get("text", "") for m in world.bot_messages(OLENA)]
    assert sum("done" in text for text in said) == 1, said
    assert ask["text"] == f"⭐ How did we do with request {request.number}? Rate us from 1 to 5."

    pressed = world.state.press_button(OLENA, ask["message_id"], text="4 ⭐")
    await world.settled()
    assert world.state.callbacks[pressed["callback_query_id"]].answer["text"] == "Thank you!"
    assert "4/5" in world.state.chats[OLENA].messages[ask["message_id"]]["text"]
    prompt = world.bot_messages(OLENA)[-1]
    assert "reply to this message" in prompt["text"]

    world.state.send_text(OLENA, "Quick & <kind>", reply_to_message_id=prompt["message_id"])
    await world.settled()
    assert "comment is passed on" in world.bot_messages(OLENA)[-1]["text"]
    [rating] = await _rows(world, RequestRating)
    assert (rating.request_id, rating.score, rating.comment) == (request.id, 4, "Quick & <kind>")

    await world.deliver()
    card = _card(world, request.number)["text"]
    assert "Rating: ★★★★☆ (4/5)" in card
    assert "Quick & <kind>" in card


async def _rated(world, score: int) -> None:
    """Staff take a request and mark it done; the member presses `score` stars."""
    _, ask = await _done(world)
    world.state.press_button(OLENA, ask["message_id"], text=f"{score} ⭐")
    await world.settled()


async def test_a_comment_written_without_replying_to_the_prompt_is_still_the_comment(world):
    """The prompt opens a reply; a member who closes it and just writes a moment later is
    still writing the comment. Half an hour on, a line is not taken for it."""
    await _rated(world, 2)
    world.clock.advance(minutes=3)

    world.state.send_text(OLENA, "Too slow, three days")
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == EN("rating-comment-thanks")
    [rating] = await _rows(world, RequestRating)
    assert (rating.score, rating.comment) == (2, "Too slow, three days")

    world.state.send_text(OLENA, "One more thing")  # the comment has come: nothing waits
    await world.settled()
    [rating] = await _rows(world, RequestRating)
    assert rating.comment == "Too slow, three days"
    assert world.bot_messages(OLENA)[-1]["text"] != EN("rating-comment-thanks")


async def test_a_line_long_after_the_score_is_not_taken_for_the_comment(world):
    await _rated(world, 5)
    world.clock.advance(minutes=31)

    world.state.send_text(OLENA, "Where is my card?")
    await world.settled()
    [rating] = await _rows(world, RequestRating)
    assert rating.comment is None
    assert world.bot_messages(OLENA)[-1]["text"] != EN("rating-comment-thanks")


async def test_a_score_typed_after_how_did_we_do_rates_the_request(world):
    """ "5" typed under "How did we do?" was kept for support as a message; a whole score
    ("5", "⭐⭐⭐⭐", "4/5") rates the request just done, as its button does, and the comment
    is asked for; a number in words is not a score."""
    request, _ask = await _done(world)
    world.clock.advance(minutes=10)
    world.state.send_text(OLENA, "5 минут")  # not a score: nothing rated
    await world.settled()
    assert await _rows(world, RequestRating) == []

    world.state.send_text(OLENA, "⭐⭐⭐⭐")
    await world.settled()
    thanks, prompt = world.bot_messages(OLENA)[-2:]
    assert thanks["text"] == EN("rating-thanks", stars="⭐⭐⭐⭐", score=4)
    assert "reply to this message" in prompt["text"]
    [rating] = await _rows(world, RequestRating)
    assert (rating.request_id, rating.score) == (request.id, 4)

    world.state.send_text(OLENA, "Quick and polite")  # the comment, as after a press
    await world.settled()
    [rating] = await _rows(world, RequestRating)
    assert rating.comment == "Quick and polite"
    await world.deliver()
    assert "Rating: ★★★★☆ (4/5)" in _card(world, request.number)["text"]


async def test_a_score_said_among_a_few_words_rates_the_request_with_them_as_its_comment(world):
    """ "Всё отлично, спасибо! 5" and "2, nobody called back" under "How did we do?" were
    kept for support (or "not taken on this screen"): a score that is one part of a short
    message rates the request, the other words its comment (a thank-you alone is none), and a
    low one is told to staff once, with them; a number inside words is no score."""
    request, _ask = await _done(world)
    world.clock.advance(minutes=10)
    world.state.send_text(OLENA, "у меня 2 вопроса")  # a number in a sentence: no score
    await world.settled()
    assert await _rows(world, RequestRating) == []

    world.state.send_text(OLENA, "Спасибо! 5")
    await world.settled()
    thanks, prompt = world.bot_messages(OLENA)[-2:]
    assert thanks["text"] == EN("rating-thanks", stars="⭐" * 5, score=5)
    assert "reply to this message" in prompt["text"]  # a thank-you is no comment: asked
    [rating] = await _rows(world, RequestRating)
    assert (rating.request_id, rating.score, rating.comment) == (request.id, 5, None)

    other = await _another_done(world)
    general_before = len(world.bot_messages(FORUM, "general"))
    world.clock.advance(minutes=40)  # (the first one's comment is no longer awaited)
    world.state.send_text(OLENA, "2, nobody called back")
    await world.settled()
    assert world.bot_messages(OLENA)[-1]["text"] == (
        EN("rating-thanks", stars="⭐⭐", score=2) + "\n" + EN("rating-comment-thanks")
    )
    rating = next(r for r in await _rows(world, RequestRating) if r.request_id == other.id)
    assert (rating.score, rating.comment) == (2, "nobody called back")
    await world.deliver()
    told = world.bot_messages(FORUM, "general")[general_before:]
    assert len(told) == 1
    assert "💬 Member's comment: nobody called back" in told[0]["text"]


async def test_a_score_given_with_its_verb_inside_a_sentence_rates_the_request(world):
    """ "всё хорошо ставлю пять" (no comma) was kept for support: the score it gives with its
    verb rates the request, the other words are its comment."""
    request, _ask = await _done(world)
    world.clock.advance(minutes=10)
    world.state.send_text(OLENA, "всё хорошо ставлю пять")
    await world.settled()
    [rating] = await _rows(world, RequestRating)
    assert (rating.request_id, rating.score, rating.comment) == (request.id, 5, "всё хорошо")
    assert world.bot_messages(OLENA)[-1]["text"] == (
        EN("rating-thanks", stars="⭐" * 5, score=5) + "\n" + EN("rating-comment-thanks")
    )


async def test_a_score_in_reply_to_how_did_we_do_rates_it_not_a_question_to_support(world):
    """ "5" sent as a Telegram reply to "How did we do?" went to support as a new question
    about a closed request; it is that request's score, and may change it."""
    request, ask = await _done(world)
    world.state.send_text(OLENA, "5", reply_to_message_id=ask["message_id"])
    await world.settled()
    assert world.bot_messages(OLENA)[-2]["text"] == EN("rating-thanks", stars="⭐" * 5, score=5)
    world.state.send_text(OLENA, "4/5", reply_to_message_id=ask["message_id"])
    await world.settled()
    [rating] = await _rows(world, RequestRating)
    assert (rating.request_id, rating.score) == (request.id, 4)
    await world.deliver()
    topic = world.bot_messages(FORUM, _card(world, request.number).get("message_thread_id"))
    assert not any(m.get("text", "").endswith("\n5") for m in topic)  # nothing relayed


async def test_a_score_typed_a_day_after_done_or_when_rated_is_not_taken(world):
    await _rated(world, 5)
    world.clock.advance(minutes=40)
    world.state.send_text(OLENA, "3")  # rated already: "3" is no new score
    await world.settled()
    [rating] = await _rows(world, RequestRating)
    assert rating.score == 5

    await _another_done(world)
    world.clock.advance(hours=25)
    world.state.send_text(OLENA, "4")  # a day on: not taken for its score
    await world.settled()
    assert len(await _rows(world, RequestRating)) == 1


async def test_a_low_rating_and_its_comment_are_told_in_the_general_topic(world):
    """The card, scrolled far up its topic, is edited with any rating; a low one (3 or less)
    is also told in the General topic where everyone sees it, and then why, with one tap to
    the card. A 4 or a 5 is not."""
    request, ask = await _done(world)
    general_before = len(world.bot_messages(FORUM, "general"))
    world.state.press_button(OLENA, ask["message_id"], text="2 ⭐")
    await world.settled()
    prompt = world.bot_messages(OLENA)[-1]
    world.state.send_text(OLENA, "Nobody called <back>", reply_to_message_id=prompt["message_id"])
    await world.settled()
    await world.deliver()
    told = world.bot_messages(FORUM, "general")[general_before:]
    assert [m["text"].split("\n")[0] for m in told] == [
        f"👎 Olena Kovalenko rated {request.number} (📞 Call-back): ⭐⭐ (2/5).",
    ] * 2
    assert told[1]["text"].split("\n")[1] == "💬 Member's comment: Nobody called <back>"
    # why, in reply to the score told before it: the two read as one
    assert told[1]["reply_to_message"]["message_id"] == told[0]["message_id"]
    assert all(m["text"].endswith("↗️ Open its card") for m in told)
    # staff answer it with a reply there: it reaches the member
    world.state.send_text(FORUM, "Sorry, Olena: we will call today", user_id=IRYNA,
                          reply_to_message_id=told[1]["message_id"])  # fmt: skip
    await world.settled()
    await world.deliver()
    assert world.bot_messages(OLENA)[-1]["text"] == "Sorry, Olena: we will call today"


async def test_a_good_rating_is_on_the_card_only(world):
    await _rated(world, 4)
    await world.deliver()
    assert not any("rated" in m.get("text", "") for m in world.bot_messages(FORUM, "general"))


async def test_a_request_not_done_cannot_be_rated_by_a_forged_button(world):
    _, request, _ = await _request_on_card(world)
    menu = world.state.chats[OLENA]
    message = world.bot_messages(OLENA)[-1] if world.bot_messages(OLENA) else None
    assert menu is not None
    from bot.callbacks import RateRequest
    from tgsandbox.core import CallbackRecord

    query_id = f"forged-{world.state.next_id()}"
    data = RateRequest(request_id=request.id, score=5).pack()
    target = message or {"message_id": 1, "chat": {"id": OLENA, "type": "private"}}
    world.state.callbacks[query_id] = CallbackRecord(
        query_id, OLENA, target["message_id"], OLENA, data
    )
    world.state.push_update(
        "callback_query",
        {
            "id": query_id,
            "from": world.state.users[OLENA].to_api(),
            "message": target,
            "chat_instance": world.state.chat_instance(menu),
            "data": data,
        },
    )
    await world.settled()
    assert "cannot be rated" in world.state.callbacks[query_id].answer["text"]
    assert await _rows(world, RequestRating) == []


async def _reply_on_the_request_page(world, request, text):
    """Olena opens "My requests", her request, "Add a message", types `text` and sends it."""
    await said(world, lambda: world.state.send_text(OLENA, "/menu"), EN("btn-my-requests"))
    await press(world, EN("btn-my-requests"), request.number)
    await press(world, f"{request.number} · 📞 Call-back · 🆕 new", EN("btn-reply"))
    await press(world, EN("btn-reply"), EN("reply-prompt"))
    typed = world.state.send_text(OLENA, text)
    await said(world, lambda: None, EN("btn-send"))
    await press(world, EN("btn-send"), EN("reply-sent"))
    return typed


async def test_a_member_edit_of_a_reply_on_a_request_edits_the_copy_in_the_topic(world):
    _, request, thread = await _request_on_card(world)
    typed = await _reply_on_the_request_page(world, request, "The referral is from Dr Shevchenko")
    await world.deliver()
    copy = world.bot_messages(FORUM, thread)[-1]
    assert "Dr Shevchenko" in copy["text"] and request.number in copy["text"]

    world.state.edit_message(OLENA, typed["message_id"], "The referral is from Dr <Shevchuk>")
    await world.settled()
    await world.deliver()
    edited = world.state.chats[FORUM].messages[copy["message_id"]]
    assert "Dr <Shevchuk>" in edited["text"] and "edited" in edited["text"]
    assert request.number in edited["text"]
    assert "edit_date" in edited


async def test_an_edit_of_a_form_s_answer_is_not_read_and_the_member_is_told(world):
    """Telegram lets a member edit a date already typed; the form has taken the old one. The
    bot said nothing, and the member believed the edit counted. It says now that it does not,
    and how to change an answer; what the form holds is unchanged."""
    await world.member_with_card()
    world.state.send_text(OLENA, "/menu")
    await world.settled()
    await press(world, "📝 New request", "What do you need?")
    await press(world, "📞 Call-back", "Which number")
    typed = world.state.send_text(OLENA, "+380501112233")
    await world.settled()
    world.state.edit_message(OLENA, typed["message_id"], "+380671234567")
    await world.settled()
    told = world.bot_messages(OLENA)[-1]
    assert told["text"] == EN("edit-not-read")
    assert told["reply_to_message"]["message_id"] == typed["message_id"]
    step = next(m for m in reversed(world.bot_messages(OLENA)) if m.get("reply_markup"))

    def any_time() -> None:
        world.state.press_button(OLENA, step["message_id"], text="🕘 Any time")

    await said(world, any_time, "talk about")
    summary = await said(world, lambda: world.state.send_text(OLENA, "Limits"), "✅ Send")
    assert "+380 50 111 2233" in summary["text"] and "+380 67 123 4567" not in summary["text"]


async def test_a_member_edit_of_a_reply_still_queued_changes_what_staff_get(world):
    _, request, thread = await _request_on_card(world)
    typed = await _reply_on_the_request_page(world, request, "Call me after 6")
    world.state.edit_message(OLENA, typed["message_id"], "Call me after 7")
    await world.settled()
    await world.deliver()
    texts = [m.get("text", "") for m in world.bot_messages(FORUM, thread)]
    assert any("Call me after 7" in t and request.number in t for t in texts)
    assert not any("after 6" in t for t in texts)
