"""Whom a request is for, named by who they are: "для сына" is the son, not his sister, told
apart by their patronymics; "для ребенка" with two children asks whose card it is for, where
it was made on the member's own card (a pediatrician booked for the mother)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.names import sex_of
from tests.dialogs.requests_helpers import stored_requests
from tests.factories import make_person, make_policy

SOFIA = "Коваленко Софія Олегівна · SIP-2026-0001"
TARAS = "Коваленко Тарас Олегович · SIP-2026-0001"
WHOSE = "Whose card is the request for?"
CLINIC = "In which city?"


async def _family(member, session_factory, *children: str) -> dict[str, int]:
    """The mother's card and her children's, linked by her phone; the cards' ids by name."""
    ids = {}
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001", program="Family Plus")
        await make_person(session, policy, full_name="Коваленко Олена Петрівна", relation="self")
        for at, name in enumerate(children):
            child = await make_person(
                session,
                policy,
                full_name=name,
                relation="child",
                birth_date=date(2015, 6, 1),
                insured_id=f"KID-{at}",
            )
            ids[name] = child.id
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    await member.send("/menu")
    return ids


async def _send_from_clinic(member) -> None:
    assert CLINIC in member.text()
    await member.send("Kyiv")
    await member.send("завтра")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    await member.click("✅ Send")


@pytest.mark.parametrize(
    ("full_name", "sex"),
    [
        ("Коваленко Софія Олегівна", "f"),
        ("Коваленко Тарас Олегович", "m"),
        ("Сериков Арман Нурланұлы", "m"),
        ("Садыкова Айгерим", "f"),
        ("Ivanova Anna", "f"),
        ("Taras Kovalenko", None),  # neither a patronymic nor a surname that says
        ("Коваленко Марина", None),  # (a given name that ends as a surname is not read)
    ],
)
def test_a_name_says_a_man_or_a_woman_by_its_patronymic_or_surname(full_name, sex):
    assert sex_of(full_name) == sex


async def test_a_son_is_not_his_sister(member, session_factory, clock):
    """ "педиатр для сына" offered the pediatrician for the first child the family has,
    his sister."""
    ids = await _family(
        member, session_factory, "Коваленко Софія Олегівна", "Коваленко Тарас Олегович"
    )
    await member.send("педиатр для сына")
    await member.click("📝 New request: 🩺 Doctor appointment · Pediatrician · Тарас")
    await _send_from_clinic(member)
    await member.send("/menu")
    await member.send("лекарства для дочки")
    assert "📝 New request: 💊 Medicines · Софія" in member.buttons()
    [request] = await stored_requests(session_factory)
    assert request.card_id == ids["Коваленко Тарас Олегович"]


async def test_a_son_where_only_a_daughter_has_a_card_asks_whose(member, session_factory, clock):
    """With only a daughter's card, "педиатр для сына" offered the pediatrician on her card;
    then (no one's matched) on the mother's. Whose card it is for is asked now."""
    ids = await _family(member, session_factory, "Коваленко Софія Олегівна")
    await member.send("педиатр для сына")
    await member.click("📝 New request: 🩺 Doctor appointment · Pediatrician")
    assert WHOSE in member.text()
    assert "📝 🩺 Doctor appointment · Pediatrician" in member.text()  # what it is for
    await member.click(SOFIA)
    await _send_from_clinic(member)
    [request] = await stored_requests(session_factory)
    assert (request.card_id, request.details["specialty"]) == (
        ids["Коваленко Софія Олегівна"],
        "pediatrician",
    )


async def test_a_child_of_two_asks_whose_on_the_chooser_too(member, session_factory, clock):
    ids = await _family(
        member, session_factory, "Коваленко Софія Олегівна", "Коваленко Тарас Олегович"
    )
    await member.click("📝 New request")
    await member.send("лекарства для ребенка")
    assert WHOSE in member.text()
    await member.send("назад")  # the chooser, and the medicines let go
    assert "What do you need?" in member.text()
    await member.click("👥 For another person")
    await member.click(SOFIA)
    assert "What do you need?" in member.text()  # the card picked, no form opened by itself
    assert "(Коваленко Софія Олегівна)" in member.text()

    await member.send("педиатр и лор для ребенка")  # two requests: whose, asked once
    assert WHOSE in member.text()
    await member.send("Тарас")
    await _send_from_clinic(member)
    assert "📝 New request: 🩺 Doctor appointment · ENT" in member.buttons()
    [request] = await stored_requests(session_factory)
    assert (request.card_id, request.details["specialty"]) == (
        ids["Коваленко Тарас Олегович"],
        "pediatrician",
    )


@pytest.mark.parametrize(
    "said",
    ["запишите маму к терапевту", "сыну нужен лор", "my mother needs a dentist"],
)
async def test_someone_with_no_card_here_is_told_it_goes_on_the_member_s(
    member, session_factory, said: str
):
    """ "запишите маму к терапевту" from a member with only her own card offered "New request"
    with nothing said: pressed, the visit was made on her own card, for her. The offer now
    says no card of theirs is here, that it would be made on the member's own card, and how to
    add theirs; pressed, it is still the member's own (as it says)."""
    await _family(member, session_factory)  # the mother's card alone
    await member.send(said)
    assert "I do not see a card of theirs among yours" in member.text()
    assert "➕ Add a card by insured ID" in member.text()
    [offer] = [b for b in member.buttons() if b.startswith("📝 New request:")]
    await member.click(offer.replace("(", r"\(").replace(")", r"\)"))
    assert CLINIC in member.text()  # the form, on her own card (her only one)
    await member.send("/menu")
    await member.send("мне нужен стоматолог")  # for herself: offered as before
    assert "I do not see a card of theirs" not in member.text()
