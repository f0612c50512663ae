from datetime import date

from sqlalchemy import select

from bot.textfit import MESSAGE_LIMIT, visible_length
from storage.models import CardLink, Member, Notification, SupportTicket
from tests.factories import make_person, make_policy


async def _family(session_factory):
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        await make_person(session, policy, full_name="Olena Kovalenko", relation="self")
        await make_person(session, policy, full_name="Ivan Kovalenko", relation="spouse")
        await make_person(
            session,
            policy,
            full_name="Taras Kovalenko",
            relation="child",
            birth_date=date(2015, 6, 1),
        )


async def _stored(session_factory, telegram_id=1001):
    async with session_factory() as session:
        member = (
            await session.execute(select(Member).where(Member.telegram_id == telegram_id))
        ).scalar_one()
        links = (
            (await session.execute(select(CardLink).where(CardLink.member_id == member.id)))
            .scalars()
            .all()
        )
        return member, links


async def test_own_contact_links_every_family_card(member, session_factory):
    await _family(session_factory)
    await member.send("/start")
    await member.click("📱 Confirm phone")
    assert "Share my phone number" in member.text()
    assert member.reply_buttons() == ["📱 Share my phone number", "⬅️ Back"]

    await member.share_contact("380501112233")

    text = member.text()
    assert "Phone +380 50 111 2233 is confirmed" in text
    assert "I found 3 insurance cards" in text
    for name in ("Olena Kovalenko", "Ivan Kovalenko", "Taras Kovalenko"):
        assert name in text
    stored, links = await _stored(session_factory)
    assert stored.phone == "+380501112233"
    assert len(links) == 3
    assert {link.via for link in links} == {"phone"}


async def test_a_phone_on_many_cards_names_ten_and_sends_to_my_cards(member, session_factory):
    """A registry that puts one phone on 60 cards (a company's contact number): the screen
    names the first ten and counts the rest, in a message Telegram takes; all 60 are linked
    and "My cards" pages them."""
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0900")
        for n in range(60):
            await make_person(
                session, policy, relation="self" if n == 0 else "spouse",
                full_name=f"Kovalenko-Shevchenko-Ivanenko Oleksandra Volodymyrivna {n:02}",
            )  # fmt: skip
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")

    text = member.text()
    assert "I found 60 insurance cards" in text
    assert "Volodymyrivna 09" in text and "Volodymyrivna 10" not in text
    assert "… and 50 more, all of them in “💳 My cards”." in text
    assert visible_length(member.last().html_text) <= MESSAGE_LIMIT
    _, links = await _stored(session_factory)
    assert len(links) == 60
    await member.click("💳 My cards")
    assert "Volodymyrivna 00" in " ".join(member.buttons())


async def test_own_contact_shared_at_the_menu_confirms_the_phone_too(member, session_factory):
    """Shared from Telegram's attach menu, not the "Confirm phone" button: the same check and
    the same screen; someone else's contact is refused there as well."""
    await _family(session_factory)
    await member.send("/start")
    await member.share_contact("380679998877", owner_id=4242)  # a contact picked from the book
    assert "not your own contact" in member.text()
    _, links = await _stored(session_factory)
    assert links == []

    await member.share_contact("380501112233")
    assert "Phone +380 50 111 2233 is confirmed" in member.text()
    assert "I found 3 insurance cards" in member.text()
    stored, links = await _stored(session_factory)
    assert stored.phone == "+380501112233" and len(links) == 3
    await member.click("💳 My cards")
    assert "Taras Kovalenko" in " ".join(member.buttons())


async def test_forwarded_contact_is_refused(member, session_factory):
    await _family(session_factory)
    await member.send("/start")
    await member.click("📱 Confirm phone")

    await member.share_contact("380501112233", owner_id=777)

    assert "This is not your own contact" in member.text()
    assert "📱 Share my phone number" in member.reply_buttons()  # the same step again
    stored, links = await _stored(session_factory)
    assert stored.phone is None
    assert links == []


async def test_picked_contact_without_user_id_is_refused(member, session_factory):
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233", owner_id=None)
    assert "This is not your own contact" in member.text()
    stored, _ = await _stored(session_factory)
    assert stored.phone_confirmed_at is None


async def test_a_member_who_does_not_know_the_policy_number_can_still_write(
    member, session_factory
):
    """Many members do not have their contract at hand. Typing "don't know" as the policy
    number was taken as one; now it is refused with the way on, a button that sends the
    ticket without a number."""
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("+380 67 000 00 00")
    await member.click("✉️ Write to support")
    await member.send("don't know")
    assert "If you do not know it, press “🤷 I do not know it”" in member.text()
    await member.click("🤷 I do not know it")
    await member.send("Olena Kovalenko")
    assert "Policy: not known" in member.text()
    await member.click("✅ Send")
    assert "is with support" in member.text()
    async with session_factory() as session:
        ticket = (await session.execute(select(SupportTicket))).scalar_one()
    assert (ticket.policy_number, ticket.full_name) == (None, "Olena Kovalenko")


async def test_typing_instead_of_sharing_asks_for_the_button(member):
    """A number typed is told why the button is needed; anything else, only to use it."""
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.send("+380501112233")
    assert "A typed number cannot be checked" in member.text()
    assert "📱 Share my phone number" in member.reply_buttons()
    await member.send("hello")
    assert "Please use the button below" in member.text()
    assert "📱 Share my phone number" in member.reply_buttons()


async def test_an_insured_id_typed_on_the_phone_step_goes_on_to_activation(member, session_factory):
    """A member who would rather not share the phone types the insured ID and date of birth
    where the button is: it was "use the button below"; it is the other way in."""
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0007")
        await make_person(
            session, policy, insured_id="KZ-100001", full_name="Aigerim Serikova", phone=None,
            birth_date=date(1984, 3, 5),
        )  # fmt: skip
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.send("KZ-100001 05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()
    assert member.reply_buttons() == []  # the phone's button is gone


async def test_a_phone_number_typed_on_the_menu_opens_the_phone_step(member, session_factory):
    """A new member types their number in reply to the welcome, as people do. It was answered
    "Messages are not taken on this screen"; now the phone step opens, saying why the number
    must come from the button, and the button links the cards."""
    await _family(session_factory)
    await member.send("/start")
    await member.send("050 111 22 33")
    assert "A typed number cannot be checked" in member.text()
    assert "📱 Share my phone number" in member.reply_buttons()
    stored, links = await _stored(session_factory)
    assert (stored.phone, links) == (None, [])  # typed, not proved: nothing linked
    await member.share_contact("380501112233")
    assert "I found 3 insurance cards" in member.text()


async def test_a_phone_number_in_a_sentence_on_the_menu_opens_the_phone_step(member):
    """ "мой номер +380501112233" was "Messages are not taken on this screen", though the
    number typed alone opens the phone step."""
    await member.send("/start")
    await member.send("мой номер +380 50 111 22 33, карту не вижу")
    assert "A typed number cannot be checked" in member.text()
    assert "📱 Share my phone number" in member.reply_buttons()


async def test_words_or_a_foreign_number_on_the_menu_are_not_taken(member, session_factory):
    """Only a number of the insurers' countries is taken for the member's phone; a member
    with cards typing one is told where messages go, as before."""
    await member.send("/start")
    await member.send("+93 62 545 0123")
    assert "I could not tell what to do with this myself" in member.text()
    await member.send("hello, I need help")
    assert "I could not tell what to do with this myself" in member.text()
    await _family(session_factory)
    await member.share_contact("380501112233")
    await member.send("/menu")
    await member.send("0501112233")
    assert "I could not tell what to do with this myself" in member.text()


async def test_no_card_path_opens_a_ready_support_ticket(member, session_factory):
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("+380 67 000 00 00")
    assert "no card registered to it" in member.text()
    assert "✉️ Write to support" in member.buttons()

    await member.click("✉️ Write to support")
    await member.send("x")
    assert "A policy number has digits" in member.text()
    await member.send("sip-2026-0099")
    await member.send("Olena")
    assert "name and surname" in member.text()
    await member.send("Olena Kovalenko")
    summary = member.text()
    assert "SIP-2026-0099" in summary
    assert "+380 67 000 0000" in summary
    assert "Olena Kovalenko" in summary
    await member.click("✅ Send")
    assert "is with support" in member.text()

    async with session_factory() as session:
        ticket = (await session.execute(select(SupportTicket))).scalar_one()
    assert (ticket.kind, ticket.policy_number, ticket.phone, ticket.full_name) == (
        "no_card",
        "SIP-2026-0099",
        "+380670000000",
        "Olena Kovalenko",
    )
    # "message", not "request": requests are numbered R-000042 and listed in My requests
    assert f"Your message no. {ticket.id} is with support" in member.text()

    async with session_factory() as session:
        note = (await session.execute(select(Notification))).scalar_one()
    assert (note.audience, note.kind, note.member_id) == ("staff", "ticket", ticket.member_id)
    assert note.payload == {"ticket_id": ticket.id}


async def test_a_member_whose_phone_is_confirmed_is_not_sent_back_to_confirm_it(member):
    """The phone found no card; typing it on the menu again does not reopen the phone step."""
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("+380 67 000 00 00")
    await member.send("/menu")
    await member.send("067 000 00 00")
    assert "I could not tell what to do with this myself" in member.text()
    assert "📱 Share my phone number" not in member.reply_buttons()


async def test_the_no_card_ticket_is_sent_with_a_typed_yes(member, session_factory):
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("+380 67 000 00 00")
    await member.click("✉️ Write to support")
    await member.send("SIP-2026-0042")
    await member.send("Olena Kovalenko")
    await member.send("так")
    assert "is with support" in member.text()
    async with session_factory() as session:
        ticket = (await session.execute(select(SupportTicket))).scalar_one()
    assert ticket.policy_number == "SIP-2026-0042"


async def test_a_card_waiting_for_its_coverage_is_told_when_requests_open(member, session_factory):
    """The phone finds a card whose coverage starts in nine days: the screen says when
    requests open and that the member will be told that morning (`reminders`). A phone whose
    cards all cover now is not told so."""
    async with session_factory.begin() as session:
        policy = await make_policy(
            session, number="SIP-2026-0002", coverage_start=date(2026, 12, 1)
        )
        await make_person(session, policy, full_name="Mariia Savchuk", phone="+380970000606")
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("+380970000606")
    text = member.text()
    assert "Mariia Savchuk — SIP-2026-0002 (⏳ waiting for coverage to start" in text
    assert "open on the day it starts. I will tell you here that morning." in text


async def test_cards_that_cover_now_are_not_told_about_waiting(member, session_factory):
    await _family(session_factory)
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    assert "I found 3 insurance cards" in member.text()
    assert "I will tell you here" not in member.text()


async def test_a_question_typed_after_the_cards_are_found_is_offered_to_support(
    member, session_factory
):
    """Right after "I found 3 insurance cards" the member types what they came for. It was "I
    did not expect that here", and lost; the screen asks nothing, so it is kept and sent to
    support with one press, as on the menu, and a thank-you is answered."""
    await _family(session_factory)
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    await member.send("Thank you!")
    assert "🙏 You are welcome!" in member.text()
    await member.send("I need a pediatrician for Taras")
    # the request it names is offered beside (`dialogs/suggest.py`); support is one press too
    assert "Or send it to support" in member.text()
    assert "📝 New request: 🩺 Doctor appointment · Pediatrician · Taras" in member.buttons()
    await member.click("✉️ Send it to support")
    assert "✅ Sent to support" in member.text()
    async with session_factory() as session:
        notes = (await session.execute(select(Notification))).scalars().all()
    assert [(n.kind, n.payload["text"]) for n in notes] == [
        ("member_message", "I need a pediatrician for Taras")
    ]


async def test_a_policy_number_typed_with_its_label_or_the_name_after_it(member, session_factory):
    """ "полис SIP-2026-0099" was sent to support as the number "ПОЛИС SIP-2026-0099", and
    "SIP-2026-0099, Олена Коваленко" as "SIP-2026-0099, ОЛЕНА КОВАЛЕНКО", the name asked
    again. The label is left out; a name after a comma is the full name's answer too."""
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("+380 67 000 00 00")
    await member.click("✉️ Write to support")
    await member.send("номер полиса: SIP-2026-0099, Олена Коваленко")
    assert "Policy: SIP-2026-0099\n" in member.text()
    assert "Full name: Олена Коваленко" in member.text()
    await member.click("✅ Send")
    async with session_factory() as session:
        ticket = (await session.execute(select(SupportTicket))).scalar_one()
    assert (ticket.policy_number, ticket.full_name) == ("SIP-2026-0099", "Олена Коваленко")


async def test_a_changed_number_is_confirmed_from_the_profile_or_asked_for_in_words(
    member, session_factory
):
    """A member whose number changed had no way to share the new one: "Confirm phone" leaves
    the menu once a phone is confirmed, and "изменить номер телефона" went to support. The
    profile shows the confirmed number with "📱 Change phone number", which asks for the new
    one with the same button; the cards registered to the new number are linked, and those
    registered only to the old one leave the list (the registry says whose they are)."""
    await _family(session_factory)
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0077")
        await make_person(
            session, policy, full_name="Olena Kovalenko", phone="+380671234567", relation="self"
        )
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    await member.send("/menu")
    await member.click("👤 Profile")
    assert "Phone: +380 50 111 2233" in member.text()
    await member.click("📱 Change phone number")
    text = member.text()
    assert "Your confirmed number is +380 50 111 2233" in text
    assert "cards registered only to the old number" in text
    assert member.reply_buttons() == ["📱 Share my phone number", "⬅️ Back"]

    await member.share_contact("380671234567")
    assert "Phone +380 67 123 4567 is confirmed" in member.text()
    # (shared from the attach menu on the profile itself, the same)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.share_contact("380671234567")
    assert "Phone +380 67 123 4567 is confirmed" in member.text()
    assert "I found one insurance card" in member.text()
    stored, links = await _stored(session_factory)
    assert stored.phone == "+380671234567"
    assert len(links) == 1  # (the three of the old number's family left)

    await member.send("/menu")
    for typed in ("изменить номер телефона", "у меня новый номер", "change my phone number"):
        await member.send(typed)
        assert "Your confirmed number is +380 67 123 4567" in member.text(), typed
        await member.send("/menu")


async def test_someone_else_s_contact_shared_on_the_profile_opens_the_button_it_names(
    member, session_factory
):
    """Another person's contact shared from the attach menu on the profile was refused there
    with "Please tap the button below", under a screen with no such button: the refusal is
    said on the phone step, where the button is, and nothing is linked."""
    await _family(session_factory)
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.share_contact("380671234567", owner_id=777)
    assert "This is not your own contact" in member.text()
    assert member.reply_buttons() == ["📱 Share my phone number", "⬅️ Back"]
    stored, links = await _stored(session_factory)
    assert stored.phone == "+380501112233"
    assert len(links) == 3
