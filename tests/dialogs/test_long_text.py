"""Every free-text step at its longest accepted answer: the member sees the screen (one Telegram
message), the answer is stored whole; one character more is "too long", never "too short"."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.services.support_chat import TEXT_MAX as CHAT_MAX
from bot.textfit import units
from storage.models import Member, Notification, RequestEvent, SupportTicket
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card, send_document, stored_requests

SORRY = "could not show this screen"


def _text(length: int, line: str = "Paracetamol <500 mg> & co × 20") -> str:
    """Lines of `line` (with <, & and >), exactly `length` characters, ending in a letter."""
    return ((line + "\n") * (length // len(line) + 1))[: length - 1] + "Z"


def _fits(member: MemberClient) -> str:
    """The screen as the member sees it, after checking it is one sendable message."""
    text = member.text()
    assert units(text) <= 4096, units(text)
    assert SORRY not in text
    return text


def _too_long(member: MemberClient, most: int) -> None:
    text = _fits(member)
    assert f"That text is too long: at most {most} characters" in text
    assert "at least" not in text


async def test_medicines_list_of_4096_characters(member, session_factory):
    items, address = _text(4096), _text(300, "Kyiv & <Main> St 1").replace("\n", " ")
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💊 Medicines")

    await member.send(items + "x")
    _too_long(member, 4096)
    await member.send(items)
    step = _fits(member)
    assert "Your list:\nParacetamol <500 mg> & co × 20\n" in step and "…" in step
    await member.click("📄 Show in full")
    first = _fits(member)
    assert "Page 1 of 2" in first
    await member.click("▶️")
    second = _fits(member)
    assert "Page 2 of 2" in second
    assert items.replace("\n", "") in (
        first.split("\n\n", 1)[1] + second.split("\n\n", 1)[1]
    ).replace("\n", "")
    await member.click("⬅️ Back")
    assert "Your list:" in _fits(member)
    await member.click("➡️ Next")

    await member.send(address + "x")
    _too_long(member, 300)
    await member.send(address)
    summary = _fits(member)
    assert "Medicines request" in summary and f"Address: {address}" in summary
    assert "📄 Show in full" in member.buttons()
    await member.click("✅ Send")
    assert "Request R-000001 is sent" in _fits(member)

    [request] = await stored_requests(session_factory)
    assert request.details == {"items": items, "address": address}

    await member.click("📋 My requests")
    await member.click("R-000001.*")
    page = _fits(member)
    assert "Medicines: Paracetamol" in page and "…" in page
    await member.click("📄 Show in full")
    assert "Page 1 of 2" in _fits(member)


async def test_lab_list_of_4096_characters(member, session_factory):
    referral = _text(4096, "Complete blood count <CBC> & ferritin")
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🧪 Lab tests")
    await member.send(referral)
    _fits(member)
    await member.click("➡️ Next")
    await member.send("25.11.2026")
    await member.send("Kyiv, Khreshchatyk St 1, apt 5")
    assert "Lab tests request" in _fits(member)
    await member.click("✅ Send")
    assert "is sent" in _fits(member)
    [request] = await stored_requests(session_factory)
    assert request.details["referral"] == referral


async def _longest_answer_is_sent(member, session_factory, text: str, label: str, key: str):
    """One character over is refused with the limit; the longest accepted answer shows in the
    summary and is stored whole when sent."""
    await member.send(text + "x")
    _too_long(member, len(text))
    await member.send(text)
    assert f"{label}: {text}" in _fits(member)
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details[key] == text


async def test_callback_topic_of_1000_characters(member, session_factory):
    topic = _text(1000, "About my limits <and> the clinic & more")
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🕘 Any time")
    await _longest_answer_is_sent(member, session_factory, topic, "Topic", "topic")


async def test_reimbursement_comment_of_1000_characters(member, session_factory):
    comment = _text(1000, "Dental <filling> & X-ray")
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💵 Reimbursement")
    await member.send("15.11.2026")
    await member.send("1 234,50")
    await member.click("₴ Ukrainian hryvnia \\(UAH\\)")
    await send_document(member, "receipt.pdf")
    await member.click("✅ Done with documents")
    await member.send("UA213223130000026007233566001")
    await _longest_answer_is_sent(member, session_factory, comment, "Comment", "comment")


async def test_appointment_answers_at_their_longest(member, session_factory):
    specialty, clinic = _text(100, "Allergist <kids> & co"), _text(200, "Almaty & <Clinic>")
    comment = _text(1000, "Toothache <since Monday> & fever")
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.click("✍️ Another specialty")
    await member.send(specialty + "x")
    _too_long(member, 100)
    await member.send(specialty)
    await member.send(clinic + "x")
    _too_long(member, 200)
    await member.send(clinic)
    await member.send("05.12.2026")
    await member.click("🌅 Morning, 8:00–12:00")
    await member.send(comment + "x")
    _too_long(member, 1000)
    await member.send(comment)
    assert f"Comment: {comment}" in _fits(member)
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    details = request.details
    assert (details["specialty"], details["clinic"], details["comment"]) == (
        specialty,
        clinic,
        comment,
    )


async def test_support_chat_message_of_4000_characters(member, session_factory):
    text = _text(CHAT_MAX, "My card <does not> open & fails")
    await member.send("/start")
    await member.click("☎️ Support")
    await member.click("✉️ Write to support")
    await member.send(text)
    _fits(member)
    async with session_factory() as session:
        [note] = (await session.execute(select(Notification))).scalars().all()
    assert note.payload["text"] == text


async def test_profile_fields_at_their_longest(member, session_factory):
    name = ("Olena" + "o" * 94) + " " + ("Kovalenko" + "o" * 91)
    address = _text(300, "Kyiv & <Main> St 1")
    await member.send("/start")
    await member.click("👤 Profile")
    for button, value, most in (
        ("✏️ Full name", name, 200),
        ("✏️ Home address", address, 300),
        ("✏️ Additional address", address.replace("\n", " "), 300),
    ):
        await member.click(button)
        await member.send(value + "x")
        _too_long(member, most)
        await member.send(value)
        assert "Saved" in _fits(member)
    async with session_factory() as session:
        stored = (await session.execute(select(Member))).scalars().one()
    assert stored.full_name == name
    assert stored.home_address == " ".join(address.split())
    assert stored.extra_address == " ".join(address.split())


async def test_ticket_answers_at_their_longest(member, session_factory):
    policy, name = "P" * 63 + "1", "Olena" + "o" * 95 + " " + "K" * 99
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("+380 67 000 00 00")
    await member.click("✉️ Write to support")
    await member.send(policy + "X")
    _too_long(member, 64)
    await member.send(policy)
    await member.send(name + "x")
    _too_long(member, 200)
    await member.send(name)
    _fits(member)
    await member.click("✅ Send")
    async with session_factory() as session:
        ticket = (await session.execute(select(SupportTicket))).scalar_one()
    assert (ticket.policy_number, ticket.full_name) == (policy, name)


async def _callback_request(member: MemberClient) -> None:
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🕘 Any time")
    await member.send("Please call me")
    await member.click("✅ Send")
    await member.click("📋 My requests")
    await member.click("R-000001.*")


async def test_a_30_message_history_pages_and_keeps_every_reply(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _callback_request(member)
    replies = [_text(1000, f"Reply {n:02} <b>x</b> & y") for n in range(30)]
    await member.click("✉️ Add a message or documents")
    await member.send(replies[0] + "x")
    _too_long(member, 1000)
    for n, reply in enumerate(replies):
        if n:
            await member.click("✉️ Add a message or documents")
        await member.send(reply)
        await member.click("✅ Send")
        page = _fits(member)
        assert "Your message was added" in page
        assert reply.splitlines()[-1] in page  # the latest part shows the latest reply

    async with session_factory() as session:
        events = (await session.execute(select(RequestEvent))).scalars().all()
    assert [e.comment for e in events if e.to_status is None] == replies

    latest = _fits(member)
    [(last, total)] = re.findall(r"History: part (\d+) of (\d+)", latest)
    assert last == total and int(total) >= 8  # about 3 replies of 1,000 characters a part
    assert "Later ▶️" not in member.buttons()
    parts = [latest]
    while "◀️ Earlier" in member.buttons():
        await member.click("◀️ Earlier")
        parts.append(_fits(member))
    assert len(parts) == int(total) and f"History: part 1 of {total}" in parts[-1]
    shown = "".join(parts).replace("\n", "")
    for reply in replies:
        assert reply.replace("\n", "") in shown  # nothing lost
    await member.click("Later ▶️")
    assert f"History: part 2 of {total}" in _fits(member)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in member.html()  # escaped, shown as typed


async def test_a_screen_that_fails_to_render_apologises_and_keeps_the_reply(
    member, session_factory, monkeypatch
):
    await member_with_active_card(member, session_factory)
    await _callback_request(member)
    await member.click("✉️ Add a message or documents")
    await member.send("Here is the referral number: 12345")

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in a getter")

    monkeypatch.setattr("dialogs.requests.my_requests._history_line", broken)
    await member.click("✅ Send")
    assert "Sorry, I could not show this screen. Everything you sent is saved." in member.text()
    async with session_factory() as session:
        events = (await session.execute(select(RequestEvent))).scalars().all()
    assert events[-1].comment == "Here is the referral number: 12345"

    monkeypatch.undo()
    await member.send("/menu")
    assert "📋 My requests" in member.buttons()
