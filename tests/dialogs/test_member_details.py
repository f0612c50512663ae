"""What a member notices (issue 15): greetings, waiting cards, documents, amounts, addresses."""

import asyncio
import re
from datetime import date

import pytest
from aiogram.methods import SendChatAction

import dialogs.common.notes
from bot.services import cards as cards_service
from bot.services.names import given_name
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import (
    member_with_active_card,
    send_document,
    send_photo,
    stored_requests,
)
from tests.factories import make_person, make_policy


@pytest.mark.parametrize(
    ("full_name", "given"),
    [
        ("Коваленко Марія Іванівна", "Марія"),  # the registry: surname first
        ("Садыкова Айгерим Нурлановна", "Айгерим"),
        ("Ахметов Бауыржан Нұрланұлы", "Бауыржан"),
        ("Марія Іванівна Коваленко", "Марія"),
        ("Olena Kovalenko", "Olena"),  # the profile: "name and surname"
        ("Kovalenko Olena", "Olena"),
        ("Петрова Ирина", "Ирина"),
        ("Ирина Петрова", "Ирина"),
        ("Айгерим", "Айгерим"),
        ("", ""),
    ],
)
def test_the_given_name_of_one_to_three_words(full_name, given):
    assert given_name(full_name) == given


@pytest.mark.parametrize(
    ("language", "full_name", "greeting"),
    [
        ("uk", "Коваленко Марія Іванівна", "Вітаємо, Марія!"),
        ("ru", "Садыкова Айгерим Нурлановна", "Здравствуйте, Айгерим!"),
        ("kk", "Абенов Нурлан Серикович", "Сәлеметсіз бе, Нурлан!"),
        ("en", "Kovalenko Olena", "Hello, Olena!"),
    ],
)
async def test_the_greeting_uses_the_given_name(
    build_dp, messages, session_factory, language, full_name, greeting
):
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        await make_person(session, policy, full_name=full_name, relation="self")
    member = MemberClient(build_dp(), messages, language_code=language)
    await member.send("/start")
    await member.click(".*")  # the phone button is the first one shown to a new member
    await member.share_contact("380501112233")
    await member.send("/menu")
    assert greeting in member.text()
    assert full_name.split()[0] + "!" not in member.text()


async def test_a_waiting_card_found_by_phone_shows_when_it_opens(
    build_dp, messages, session_factory
):
    async with session_factory.begin() as session:
        policy = await make_policy(
            session,
            number="SIP-2026-0002",
            contract_signed=date(2026, 11, 20),
            coverage_start=date(2026, 12, 5),
        )
        await make_person(session, policy, full_name="Коваленко Марія Іванівна", relation="self")
    member = MemberClient(build_dp(), messages, language_code="uk")
    await member.send("/start")
    await member.click("📱 Підтвердити телефон")
    await member.share_contact("380501112233")
    assert "SIP-2026-0002" in member.text()
    assert "— з 5 грудня 2026" in member.text()


async def _reimbursement_to_documents(member: MemberClient, session_factory) -> None:
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        await make_person(session, policy, full_name="Коваленко Марія Іванівна", relation="self")
        await make_person(session, policy, full_name="Коваленко Тарас Іванович", relation="child")
    await member.send("/start")
    await member.click("📱 Підтвердити телефон")
    await member.share_contact("380501112233")
    await member.send("/menu")
    await member.click("📝 Нова заявка")
    await member.click("💵 Відшкодування витрат")
    await member.send("15.11.2026")
    await member.send("1 234,50")


async def test_reimbursement_in_ukrainian_explains_shows_whose_claim_and_hryvnias(
    build_dp, messages, session_factory
):
    member = MemberClient(build_dp(), messages, language_code="uk")
    await _reimbursement_to_documents(member, session_factory)
    await member.send("злотий")  # typed, naming no button
    assert "Тут очікується інша відповідь" in member.text()
    assert "валют" in member.text()  # the same step, explained
    await member.send("гривня")  # typed, naming one: taken as its press
    full = member.text()
    assert "Надішліть фото або файли" in full

    await send_photo(member, "receipt")
    after_one = member.text()
    assert "Надішліть фото або файли" not in after_one  # the instructions once, then short
    assert "Отримано: 1 з 20" in after_one
    await send_photo(member, "receipt")  # the same photo again
    assert "Цей файл уже отримано" in member.text()
    assert "Отримано: 1 з 20" in member.text()

    await member.click("✅ .*")
    await member.send("UA213223130000026007233566001")
    await member.click("⏭ .*")
    summary = member.text()
    assert "Застрахована особа: Коваленко Марія Іванівна · поліс SIP-2026-0001" in summary
    assert "1\u00a0234,50\u00a0₴" in summary
    await member.send("так, але сума інша")  # typed on the summary: not a whole "yes"
    assert "Скільки Ви сплатили?" in member.text()  # the amount it names, to change
    await member.send("1 234,50")
    assert "Застрахована особа" in member.text()
    await member.send("так, усе вірно, надсилайте")  # a "yes" in a few words: sent, as "Send"
    assert "Заявку R-000001 надіслано" in member.text()


async def test_the_request_page_lists_the_files_sent_with_their_dates(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💵 Reimbursement")
    await member.send("15.11.2026")
    await member.send("100")
    await member.click(re.escape(member.buttons()[0]))
    await send_photo(member, "check", caption="Fiscal check,\n the  pharmacy")
    await send_document(member, "receipt <1>.pdf")
    await member.click("✅ Done with documents")
    await member.send("UA213223130000026007233566001")
    await member.click("⏭ Skip")
    await member.click("✅ Send")
    await member.click("📋 My requests")
    await member.click("R-000001 .*")
    page = member.text()
    assert "\n📎 Documents: 2\n• 🖼 photo" in page  # on its own line, under the details
    assert "• 🖼 photo · Fiscal check, the pharmacy — November 22, 2026" in page  # its caption
    assert "• 📄 receipt <1>.pdf — November 22, 2026" in page  # escaped in the HTML
    assert "receipt &lt;1&gt;.pdf" in member.html()
    assert "Sent on November 22, 2026, 07:00" in page  # dates written one way (Babel's long)


async def _to_address(member, kind: str = "💊 Medicines") -> None:
    """From the menu to a new request's address step (lab tests: after the day)."""
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click(kind)
    await member.send("Ibuprofen 200 mg")
    await member.click("➡️ Next")
    if kind == "🧪 Lab tests":
        await member.send("25.12.2026")


async def test_the_address_step_offers_the_home_address_only_when_there_is_one(
    member, session_factory
):
    await member_with_active_card(member, session_factory)
    await _to_address(member)
    assert "Where should we deliver" in member.text()
    assert "home address" not in member.text()  # the profile has none
    assert not any(b.startswith("🏠 Use") for b in member.buttons())

    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Home address")
    await member.send("Kyiv, Khreshchatyk 1, flat 2")
    await _to_address(member)
    assert "use your home address" in member.text()
    assert "🏠 Use Kyiv, Khreshchatyk 1, flat 2" in member.buttons()


async def test_the_address_step_offers_the_work_address_and_the_last_one_used(
    member, session_factory
):
    """Medicines delivered to the office last time: the next delivery offers that address,
    and the profile's additional (work) one, each once; the one picked is stored whole."""

    await member_with_active_card(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Additional address")
    await member.send("Kyiv, Lesi Ukrainky Blvd 26, office 3")
    await _to_address(member)
    assert "use an address you gave before" in member.text()
    assert member.buttons()[:2] == ["🏢 Use Kyiv, Lesi Ukrainky Blvd 26, office 3", "✖️ Cancel"]

    pharmacy_run = "Kyiv, Velyka Vasylkivska St 100, apartment 17, entrance 2, floor 5, code 17K"
    await member.send(pharmacy_run)
    await member.click("✅ Send")

    await _to_address(member, "🧪 Lab tests")  # a lab visit at home is delivered to the same places
    shown = "🕘 As last time: Kyiv, Velyka Vasylkivska St 100, apartment 17, entrance 2,…"
    assert member.buttons()[:3] == [
        "🏢 Use Kyiv, Lesi Ukrainky Blvd 26, office 3",
        shown,
        "✖️ Cancel",
    ]
    await member.click(re.escape(shown))
    assert f"Address: {pharmacy_run}" in member.text()
    assert "👤 Insured person: Olena Kovalenko · policy " in member.text()
    await member.click("✅ Send")
    stored = await stored_requests(session_factory)
    assert [r.details["address"] for r in stored] == [pharmacy_run, pharmacy_run]

    # the work address used: offered once, as the work address
    await _to_address(member)
    await member.click("🏢 Use Kyiv, Lesi Ukrainky Blvd 26, office 3")
    await member.click("✅ Send")
    await _to_address(member)
    assert member.buttons()[:2] == ["🏢 Use Kyiv, Lesi Ukrainky Blvd 26, office 3", "✖️ Cancel"]


@pytest.mark.parametrize(
    ("language", "greeting"),
    [
        ("uk", "Вітаємо в сервісі {} для застрахованих осіб"),
        ("ru", "Добро пожаловать в сервис {} для застрахованных лиц"),
        ("kk", "{} сақтандырылған тұлғаларға арналған сервисіне қош келдіңіз"),
        ("en", "Welcome to the {} member service"),
    ],
)
async def test_the_greeting_names_the_insurer(build_dp, messages, settings, language, greeting):
    member = MemberClient(build_dp(), messages, language_code=language)
    await member.send("/start")
    assert greeting.format(settings.insurer_name) in member.text()


async def test_slow_steps_show_typing(member, session_factory, monkeypatch):
    # linking cards by phone takes more than the moment here: "typing…" is shown
    monkeypatch.setattr(dialogs.common.notes, "TYPING_AFTER_SECONDS", 0.05)
    confirm = cards_service.confirm_phone

    async def slow_confirm(*args, **kwargs):
        await asyncio.sleep(0.5)
        return await confirm(*args, **kwargs)

    monkeypatch.setattr(cards_service, "confirm_phone", slow_confirm)
    await member_with_active_card(member, session_factory)
    assert [c.action for c in member.bot.of(SendChatAction)] == ["typing"]
    assert {c.chat_id for c in member.bot.of(SendChatAction)} == {member.user.id}

    # storing the request is answered within the moment: no "typing…", no call for it
    monkeypatch.setattr(dialogs.common.notes, "TYPING_AFTER_SECONDS", 60)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use .*")
    await member.click("🕘 Any time")
    await member.send("Limits for dentistry")
    await member.click("✅ Send")
    assert "is sent" in member.text()
    assert [c.action for c in member.bot.of(SendChatAction)] == ["typing"]
