"""What a member notices (issue 15): greetings, waiting cards, documents, amounts, addresses."""

from datetime import date

import pytest

from bot.services.names import given_name
from tests.dialogs.harness import MemberClient
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
