""" "Show my card" sends the active card as an image a clinic can read (issue 15)."""

import io
from datetime import date

import pytest
from aiogram.methods import SendPhoto
from PIL import Image
from sqlalchemy import select

from bot.ecard import HEIGHT, WIDTH, ECard, draw_card
from storage.models import ECardImage, Member
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card
from tests.factories import make_person, make_policy

zxingcpp = pytest.importorskip("zxingcpp")


def _png(call: SendPhoto) -> bytes:
    return call.photo.data  # a BufferedInputFile


def _qr(png: bytes) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


async def test_show_my_card_sends_an_image_with_a_qr_of_the_policy(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.click("💳 My cards")
    await member.click("🪪 Show my card")
    (sent,) = member.bot.of(SendPhoto)
    assert sent.caption.startswith("🪪 Your insurance card")
    png = _png(sent)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.size == (WIDTH, HEIGHT)
    assert _qr(png) == ["SIP-2026-0001"]
    assert "Your insurance cards" in member.text()  # the cards again, below the image


async def test_a_child_s_card_is_shown_from_its_page_and_the_active_card_stays(
    member, session_factory
):
    """A parent at the clinic with a child: "Show this card" on the child's card's page sends
    that card, named in the caption, without making it the active one."""
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        own = await make_person(session, policy, full_name="Olena Kovalenko", relation="self")
        child = await make_person(
            session, policy, full_name="Taras <Kovalenko>", relation="child", insured_id="C-1"
        )
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    await member.send("/menu")
    await member.click("💳 My cards")
    await member.click("Taras <Kovalenko> · SIP-2026-0001")
    await member.click("🪪 Show this card")
    (sent,) = member.bot.of(SendPhoto)
    assert sent.caption == (
        "🪪 Insurance card: Taras &lt;Kovalenko&gt;. Show it at the clinic's reception."
    )
    assert _qr(_png(sent)) == ["SIP-2026-0001"]
    assert "Insured person: Taras <Kovalenko> (child)" in member.text()  # its page, below
    async with session_factory() as session:
        [(card_id,)] = (await session.execute(select(ECardImage.card_id))).all()
        stored = await session.get(Member, (await session.scalars(select(Member.id))).one())
    assert card_id == child.id  # the child's card was drawn
    assert stored is not None and stored.active_card_id == own.id

    await member.click("⬅️ Back")
    await member.click("🪪 Show my card")  # the list's: the active card, hers
    assert member.bot.of(SendPhoto)[-1].caption.startswith("🪪 Your insurance card")


def _pixels_of(png: bytes, colour: tuple[int, int, int]) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return (
        sum(
            1
            for x in range(image.width)
            for y in range(0, image.height, 4)
            if image.getpixel((x, y)) == colour
        )
        * 4
    )


async def test_a_waiting_card_says_so_on_the_image_in_kazakh(build_dp, messages, session_factory):
    async with session_factory.begin() as session:
        policy = await make_policy(
            session,
            number="SPH-2026-0007",
            contract_signed=date(2026, 11, 20),
            coverage_start=date(2026, 12, 5),
        )
        await make_person(session, policy, full_name="Садыкова Айгерим Нурлановна")
    member = MemberClient(build_dp(), messages, language_code="kk")
    await member.send("/start")
    await member.click("📱 .*")
    await member.share_contact("380501112233")
    await member.send("/menu")
    await member.click("💳 Менің карталарым")
    await member.click("🪪 Картамды көрсету")
    (sent,) = member.bot.of(SendPhoto)
    png = _png(sent)
    assert _qr(png) == ["SPH-2026-0007"]
    assert _pixels_of(png, (0xE3, 0x74, 0x00)) > 5000  # the waiting colour: badge and band


def test_every_letter_of_the_four_languages_is_drawn():
    """DejaVu has Kazakh letters: a glyph missing would draw as the same empty box."""
    base = ECard("Sphera", "t", (("a", "b"),), "active", "s", "", "24/7", "X-1")
    widths = set()
    for letters in ("әғқңөұүһі", "ґєїщ", "ёыэъ"):
        png = draw_card(ECard(**{**base.__dict__, "title": letters * 3}))
        widths.add(len(png))
        assert Image.open(io.BytesIO(png)).size == (WIDTH, HEIGHT)
    assert len(widths) == 3


async def test_the_card_shows_the_insured_id_and_its_note_clear_of_the_hotline(
    member, session_factory, monkeypatch
):
    """The insured ID (what a corporate client's plastic card carries, and a clinic may ask
    for) was on no screen: the e-card draws it in a row of its own, and five rows still leave
    the status's note above the hotline's band."""
    drawn: list[ECard] = []

    def spy(card: ECard) -> bytes:
        drawn.append(card)
        return draw_card(card)

    monkeypatch.setattr("dialogs.ecard.draw_card", spy)
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        await make_person(session, policy, full_name="Olena Kovalenko", insured_id="UA-100101")
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    await member.send("/menu")
    await member.click("💳 My cards")
    await member.click("🪪 Show my card")
    (card,) = drawn
    assert card.rows[1:3] == (("Insured person", "Olena Kovalenko"), ("Insured ID", "UA-100101"))

    waiting = ECard(
        "Sphera", "Card", card.rows, "waiting", "WAITING", "Coverage starts on 1 February 2027",
        "24/7: +7 727 000", "P-1",
    )  # fmt: skip
    orange = (0xE3, 0x74, 0x00)  # the waiting colour, the note's too
    with_note = _pixels_of(draw_card(waiting), orange)
    without = _pixels_of(draw_card(ECard(**{**waiting.__dict__, "status_note": ""})), orange)
    assert with_note - without > 500  # the note is drawn, not under the hotline's band
