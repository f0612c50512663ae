"""/mydata, its JSON export and "Delete my data", as the member and staff see them."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlmodel import SQLModel

from storage.models import (
    ActivationAttempt,
    AdminTopic,
    AuditEntry,
    CardLink,
    FsmRecord,
    InsuredPerson,
    Member,
    Notification,
    Policy,
    RelayLink,
    Reminder,
    ReminderKind,
    Request,
    RequestDocument,
    RequestEvent,
    RequestRating,
    StaffNote,
    SupportTicket,
    TicketKind,
)
from tests.privacy.conftest import FORUM, IRYNA, OLENA, PrivacyWorld

PHONE = "+380500010001"  # tests/staff/conftest.py: member_with_card
TOPIC = "Call me <b>now</b> about my limits"


def _card(world: PrivacyWorld, number: str) -> dict:
    return next(m for m in reversed(world.bot_messages(FORUM)) if number in m.get("text", ""))


async def _member_with_everything(world: PrivacyWorld) -> tuple[Member, Request]:
    """A member with a phone, a card, a profile, a request with a document taken by staff, a
    ticket, a reminder and an activation attempt."""
    member = await world.member_with_card()
    now = world.clock()
    async with world.sessions.begin() as session:
        m = await session.get(Member, member.id)
        assert m is not None
        m.full_name = "Olena <Kovalenko>"
        m.birth_date = date(1984, 3, 5)
        m.home_address = "Kyiv, Khreshchatyk 1, flat 5"
        card = (await session.execute(select(CardLink))).scalars().first()
        assert card is not None
        session.add_all(
            [
                SupportTicket(
                    member_id=m.id,
                    kind=TicketKind.NO_CARD,
                    policy_number="SIP-X-1",
                    phone=PHONE,
                    full_name="Olena Kovalenko",
                    text="I cannot find my card",
                    created_at=now,
                ),
                Reminder(
                    member_id=m.id,
                    kind=ReminderKind.ACTIVATION_OPENS,
                    card_id=card.card_id,
                    due_on=now.date(),
                    created_at=now,
                ),
                ActivationAttempt(telegram_id=OLENA, insured_key="k" * 64, created_at=now),
            ]
        )
    request = await world.submit(member, topic=TOPIC)
    await world.deliver()  # (the card goes out before the document below: it is no real file)
    async with world.sessions.begin() as session:
        session.add(
            RequestDocument(
                request_id=request.id or 0,
                file_id="BQACAgIAAxk-scan",
                file_unique_id="AgAD-scan",
                kind="document",
                file_name="scan <1>.pdf",
                created_at=now,
            )
        )
    await world.deliver()
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    return member, request


async def test_mydata_shows_everything_stored_people_text_escaped(world):
    _, request = await _member_with_everything(world)
    await world.say("/mydata")
    text = world.last(OLENA)["text"]
    for expected in (
        "What the bot stores about you",
        f"Telegram ID: {OLENA}",
        f"Confirmed phone: {PHONE}",
        "Full name: Olena <Kovalenko>",  # shown as typed: it was escaped, not taken for a tag
        "Home address: Kyiv, Khreshchatyk 1, flat 5",
        "Linked insurance cards: 1",
        "SIP-2026-10001",
        f"{request.number} · 📞 Call-back · 🔧 in progress",
        TOPIC,
        "📎 scan <1>.pdf",
        "Messages to support (card not found): 1",
        "I cannot find my card",
        "Reminders waiting: 1",
        "Activation attempts kept",
        "Support has a conversation topic with you: yes",
    ):
        assert expected in text, f"{expected!r} not in {text}"
    # the member's "<b>" is text, not bold
    bold = [e for e in world.last(OLENA).get("entities", []) if e["type"] == "bold"]
    assert all("now" not in text[e["offset"] : e["offset"] + e["length"]] for e in bold)


async def test_profile_screen_opens_mydata(world):
    await world.member_with_card()
    await world.say("/menu")
    await world.tap("👤 Profile")
    await world.tap("🔐 My data")
    assert "What the bot stores about you" in world.last(OLENA)["text"]
    await world.tap("⬅️ Back")
    assert "✏️ Full name" in _labels(world.last(OLENA))  # back to the profile


async def test_back_from_mydata_opened_by_its_command_leads_to_the_menu(world):
    """/mydata typed in the middle of anything: its "Back" closed the only screen and left
    the chat with no buttons at all. It leads to the menu now."""
    await world.member_with_card()
    await world.say("/menu")
    await world.tap("📝 New request")
    await world.say("/mydata")
    await world.tap("⬅️ Back")
    shown = world.last(OLENA)
    assert "Active card" in shown["text"]
    assert "📝 New request" in _labels(shown)


def _labels(message: dict) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


async def test_long_summary_is_paged_within_telegram_limits(world):
    member = await world.member_with_card()
    for n in range(12):
        await world.submit(member, topic=f"{n} " + "a long question about my limits " * 30)
    await world.say("/mydata")
    first = world.last(OLENA)
    assert "Page 1 of" in first["text"]
    pages = int(first["text"].split("Page 1 of ")[1].split()[0])
    assert pages >= 2
    seen = [first["text"]]
    for _ in range(pages - 1):
        await world.tap("More ▶️")
        seen.append(world.last(OLENA)["text"])
    assert all(len(t.encode("utf-16-le")) // 2 <= 4096 for t in seen)
    assert f"Page {pages} of {pages}" in seen[-1]
    assert "R-000001" in "".join(seen) and "R-000012" in "".join(seen)


def _columns(model: type[SQLModel]) -> set[str]:
    return set(model.model_fields)


async def test_export_is_a_json_file_with_every_stored_field(world):
    await _member_with_everything(world)
    await world.say("/mydata")
    await world.tap("📄 Export (JSON file)")
    sent = [m for m in world.bot_messages(OLENA) if "document" in m][-1]
    assert "Everything the bot stores about you" in sent["caption"]
    assert sent["document"]["file_name"].endswith(".json")
    data = json.loads(world.state.files.require(sent["document"]["file_id"]).data)
    assert data["schema_version"] == 1
    assert set(data["member"]) == _columns(Member)
    assert data["member"]["phone"] == PHONE
    [card] = data["cards"]
    assert set(card["link"]) == _columns(CardLink)
    assert set(card["card"]) == _columns(InsuredPerson)
    assert set(card["policy"]) == _columns(Policy)
    [req] = data["requests"]
    assert set(req) == _columns(Request) | {"number", "events", "documents", "rating"}
    assert req["rating"] is None
    assert req["details"]["topic"] == TOPIC
    assert {e["to_status"] for e in req["events"]} == {"new", "in_progress"}
    assert set(req["events"][0]) == _columns(RequestEvent)
    assert set(req["documents"][0]) == _columns(RequestDocument)
    for table, model in (
        ("support_tickets", SupportTicket),
        ("reminders", Reminder),
        ("notifications", Notification),
        ("activation_attempts", ActivationAttempt),
        ("admin_topics", AdminTopic),
        ("relay_links", RelayLink),
        ("dialog_state", FsmRecord),
    ):
        assert data[table], table
        assert set(data[table][0]) == _columns(model), table
    # the summary comes again below the file
    assert "What the bot stores about you" in world.last(OLENA)["text"]


async def _all(world: PrivacyWorld, model: type[SQLModel]) -> list:
    async with world.sessions() as session:
        return list((await session.execute(select(model))).scalars())


async def test_erase_leaves_nothing_personal_tells_staff_and_starts_afresh(world):
    member, request = await _member_with_everything(world)
    registry_before = [p.model_dump() for p in await _all(world, InsuredPerson)]
    await world.say("/mydata")
    await world.tap("🗑 Delete my data")
    assert "Delete your data?" in world.last(OLENA)["text"]
    await world.tap("⬅️ No, keep my data")
    assert (await _all(world, Member))[0].phone == PHONE
    await world.tap("🗑 Delete my data")
    await world.tap("🗑 Yes, delete everything")
    assert "Your data has been erased" in world.last(OLENA)["text"]

    # table by table
    [gone] = await _all(world, Member)
    assert gone.id == member.id and gone.telegram_id == -(member.id or 0)
    assert gone.erased_at is not None
    personal = ("language", "phone", "phone_confirmed_at", "full_name", "gender", "birth_date")
    assert all(getattr(gone, f) is None for f in personal)
    assert (gone.home_address, gone.extra_address, gone.active_card_id) == (None, None, None)
    for model in (CardLink, Reminder, SupportTicket, RelayLink, RequestDocument):
        assert await _all(world, model) == [], model.__name__
    assert [a for a in await _all(world, ActivationAttempt) if a.telegram_id == OLENA] == []
    [kept] = await _all(world, Request)
    assert kept.id == request.id and kept.details == {"time_window": "any"}
    assert all(e.comment is None for e in await _all(world, RequestEvent))
    # what stays of the dialog: the "erased" screen, nothing typed
    for record in await _all(world, FsmRecord):
        assert PHONE not in json.dumps(record.data) and "Olena" not in json.dumps(record.data)
    [topic] = await _all(world, AdminTopic)
    assert topic.title == f"Erased member · #{member.id}"
    [notice] = await _all(world, Notification)
    assert notice.kind == "member_erased" and notice.payload == {"requests_kept": 1}
    # the registry is the insurer's: untouched
    assert [p.model_dump() for p in await _all(world, InsuredPerson)] == registry_before
    # audited, with no personal data
    erased = [a for a in await _all(world, AuditEntry) if a.action == "member_erased"]
    assert [(a.staff_telegram_id, a.target) for a in erased] == [(0, f"member #{member.id}")]

    # staff see it in the member's topic, which loses the member's name
    await world.deliver()
    said = world.bot_messages(FORUM)[-1]
    assert "erased their data" in said["text"]
    assert said.get("message_thread_id") == topic.thread_id
    renamed = world.calls("editForumTopic")[-1]["params"]
    assert renamed["name"] == f"Erased member · #{member.id}"

    # coming back starts afresh (in the language Telegram reports: Ukrainian)
    await world.say("/start")
    members = await _all(world, Member)
    assert len(members) == 2
    fresh = next(m for m in members if m.telegram_id == OLENA)
    assert fresh.id != member.id and fresh.phone is None
    assert await _all(world, CardLink) == []

    # the owner reads it in the audit
    await world.say(f"/audit member {member.id}", chat_id=FORUM, user_id=IRYNA)
    listed = [m for m in world.bot_messages(FORUM) if "Audit:" in m.get("text", "")][-1]
    assert "member_erased" in listed["text"] and "request_take" in listed["text"]


async def test_yes_typed_under_the_question_shows_the_button_and_no_keeps_the_data(world):
    """ "yes" typed under "Delete your data?" was "I did not expect that here". What cannot be
    undone is done by its button only: the member is shown which; "no" keeps the data, as
    its button does."""
    await world.member_with_card()
    await world.say("/mydata")
    await world.tap("🗑 Delete my data")
    await world.say("yes")
    text = world.last(OLENA)["text"]
    assert "To delete everything, tap “🗑 Yes, delete everything” below" in text
    assert "did not expect" not in text
    [member] = await _all(world, Member)
    assert member.phone == PHONE and member.erased_at is None

    await world.say("нет")
    assert "What the bot stores about you" in world.last(OLENA)["text"]
    [member] = await _all(world, Member)
    assert member.phone == PHONE and member.erased_at is None
    assert len(await _all(world, CardLink)) == 1


async def test_a_failed_commit_erases_nothing_and_says_so(world, monkeypatch):
    await world.member_with_card()
    await world.say("/mydata")
    await world.tap("🗑 Delete my data")

    async def refuse(self) -> bool:
        await self.session.rollback()
        return False

    monkeypatch.setattr("storage.uow.UnitOfWork.commit", refuse)
    await world.tap("🗑 Yes, delete everything")
    assert "could not be saved" in world.last(OLENA)["text"].lower() or "not saved" in (
        world.last(OLENA)["text"].lower()
    )
    [member] = await _all(world, Member)
    assert member.phone == PHONE and member.erased_at is None
    assert len(await _all(world, CardLink)) == 1


async def test_the_rating_is_in_mydata_and_the_erase_takes_its_comment_and_staff_notes(world):
    member = await world.member_with_card()
    request = await world.rated_and_noted(
        member, comment="Dr. <Petrenko> was kind", note="She has asthma"
    )
    [note] = await _all(world, StaffNote)
    assert (note.request_id, note.text) == (request.id, "She has asthma")

    await world.say("/mydata")
    text = world.last(OLENA)["text"]
    assert "⭐ Your rating: 4/5: Dr. <Petrenko> was kind" in text  # escaped: shown as typed
    await world.tap("📄 Export (JSON file)")
    sent = [m for m in world.bot_messages(OLENA) if "document" in m][-1]
    [req] = json.loads(world.state.files.require(sent["document"]["file_id"]).data)["requests"]
    assert set(req["rating"]) == _columns(RequestRating)
    assert (req["rating"]["score"], req["rating"]["comment"]) == (4, "Dr. <Petrenko> was kind")

    await world.tap("🗑 Delete my data")
    await world.tap("🗑 Yes, delete everything")
    assert "Your data has been erased" in world.last(OLENA)["text"]
    [rating] = await _all(world, RequestRating)
    assert (rating.request_id, rating.score, rating.comment) == (request.id, 4, None)
    assert await _all(world, StaffNote) == []
