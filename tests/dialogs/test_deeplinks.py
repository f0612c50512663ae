"""`/start <payload>` links open a request page, the cards, activation or support (issue 15)."""

from aiogram.methods import SendMessage

from bot.services.deeplinks import DeepLink, LinkKind, parse
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card
from tests.factories import make_person, make_policy


def test_payloads_are_read_without_trusting_them():
    assert parse("r_42") == DeepLink(LinkKind.REQUEST, request_id=42)
    assert parse("r_000042") == DeepLink(LinkKind.REQUEST, request_id=42)
    assert parse("cards").kind is LinkKind.CARDS
    assert parse("support").kind is LinkKind.SUPPORT
    assert parse("activate_kz-100001") == DeepLink(LinkKind.ACTIVATE, insured_id="KZ-100001")
    for unknown in ("", "r_", "r_x", "activate_<b>", "activate_a", "hello", "cards2"):
        assert parse(unknown).kind is LinkKind.MENU, unknown


async def _callback_request(member: MemberClient) -> None:
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use .*")
    await member.click("🕘 Any time")
    await member.send("Limits for dentistry")
    await member.click("✅ Send")


async def test_a_request_link_opens_that_request_page(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _callback_request(member)
    await member.send("/start r_1")
    assert "R-000001" in member.text()
    assert "History" in member.text()


async def test_someone_elses_request_link_opens_the_menu_with_a_note(
    member, build_dp, messages, session_factory
):
    await member_with_active_card(member, session_factory)
    await _callback_request(member)
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0009")
        await make_person(
            session, policy, full_name="Petro Shevchenko", phone="+380671234567", insured_id="X-9"
        )
    other = MemberClient(build_dp(), messages, user_id=2002, language_code="uk")
    await other.send("/start")
    await other.click("📱 Підтвердити телефон")
    await other.share_contact("380671234567")
    await other.send("/start r_1")
    assert "не Ваша" in other.text()
    assert "R-000001" not in other.text()
    assert "📝 Нова заявка" in other.buttons()  # the menu


async def test_a_link_waits_for_onboarding_then_lands_where_it_pointed(member, session_factory):
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        await make_person(session, policy, full_name="Kovalenko Olena", relation="self")
    await member.send("/start cards")  # a new member: the phone first
    assert "Share my phone number" in member.text()
    await member.share_contact("380501112233")
    assert "Your insurance cards" in member.text()  # where the link pointed
    assert any("SIP-2026-0001" in b for b in member.buttons())


async def test_back_from_the_phone_step_a_link_opened_leads_to_the_menu(member):
    """The phone step a link opens for a new member was the only screen: its "Back" left the
    chat with no buttons. The menu is under it."""
    await member.send("/start cards")
    assert "Share my phone number" in member.text()
    await member.click("⬅️ Back")
    assert "📱 Confirm phone" in member.buttons()  # the menu of a member with no card


async def test_an_activation_link_fills_the_insured_id(member, session_factory):
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0001")
        await make_person(session, policy, insured_id="KZ-100001", phone=None)
    await member.send("/start activate_KZ-100001")
    # on the date step itself: not a message of its own above it
    said = [m.text for m in member.bot.of(SendMessage)]
    assert "🪪 Insured ID from your link: <b>KZ-100001</b>." not in said
    assert "🪪 Insured ID from your link: <b>KZ-100001</b>." in member.html()
    assert "date of birth" in member.text()
    await member.click("⬅️ Back")  # another ID typed is not "from your link"
    await member.send("KZ-100002")
    assert "🪪 Insured ID: KZ-100002." in member.text()
    assert "from your link" not in member.text()
    await member.click("⬅️ Back")
    await member.send("KZ-100001")
    await member.send("05.03.1984")
    assert "SPH-2026-0001" in member.text()  # linked with the ID from the link


async def test_support_and_unknown_links(member):
    await member.send("/start support")
    assert "☎️" in member.text() or "Support" in member.text()
    await member.send("/start something_else")
    assert "Welcome to the" in member.text()
