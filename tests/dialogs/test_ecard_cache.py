""" "Show my card" draws and uploads the e-card once, then sends it by the `file_id` Telegram
gave it until something drawn on it changes (issue 15): the bot runs against the emulator,
whose recorded calls tell an upload (a file) from a send by file_id (a string)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from bot.ecard import DRAWING_VERSION, ECard, draw_card, fingerprint
from bot.services.registry.importer import import_file
from storage.models import ECardImage, InsuredPerson, Member, Policy
from tests.privacy.conftest import OLENA, PrivacyWorld, world, world_settings

__all__ = ["world", "world_settings"]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The policy number of every card drawn (the drawing is spied on, not replaced)."""
    seen: list[str] = []

    def spy(card: Any) -> bytes:
        seen.append(card.qr_data)
        return draw_card(card)

    monkeypatch.setattr("dialogs.ecard.draw_card", spy)
    return seen


def photos(world: PrivacyWorld) -> list[str]:
    """Each sendPhoto: "upload" (aiogram attaches a file as `attach://<part>`) or the file_id
    it was sent by; refused ones too."""
    out = []
    for call in world.calls("sendPhoto"):
        photo = call["params"]["photo"]
        kind = "upload" if photo.startswith("attach://") else photo
        out.append(kind if call["ok"] else f"refused {kind}")
    return out


def buttons(world: PrivacyWorld) -> list[str]:
    markup = next(m for m in reversed(world.bot_messages(OLENA)) if m.get("reply_markup"))
    return [b["text"] for row in markup["reply_markup"]["inline_keyboard"] for b in row]


async def show_card(world: PrivacyWorld) -> dict[str, Any]:
    """From the menu, or from the cards screen shown again below the last image."""
    if "🪪 Show my card" not in buttons(world):
        await world.tap("💳 My cards")
    await world.tap("🪪 Show my card")
    return next(m for m in reversed(world.bot_messages(OLENA)) if "photo" in m)


async def cached(world: PrivacyWorld) -> list[ECardImage]:
    async with world.sessions() as session:
        return list((await session.execute(select(ECardImage))).scalars())


def largest(message: dict[str, Any]) -> str:
    return str(message["photo"][-1]["file_id"])


async def test_the_second_show_sends_the_stored_file_id_without_drawing(world, drawn):
    member = await world.member_with_card()
    await world.say("/menu")
    first = await show_card(world)
    assert first["caption"].startswith("🪪 Your insurance card")
    assert photos(world) == ["upload"] and drawn == ["SIP-2026-10001"]
    [row] = await cached(world)
    assert (row.member_id, row.language, row.file_id) == (member.id, "en", largest(first))

    second = await show_card(world)
    assert photos(world) == ["upload", largest(first)]
    assert drawn == ["SIP-2026-10001"]  # not drawn again
    assert largest(second) == largest(first)  # the same image, shown in the chat
    assert "Your insurance cards" in world.last(OLENA)["text"]  # the cards below it
    assert [r.file_id for r in await cached(world)] == [largest(first)]


async def test_the_day_a_waiting_card_opens_it_is_drawn_again(world, drawn):
    await world.member_with_card()
    async with world.sessions.begin() as session:  # today is 22 November: waiting until the 25th
        await session.execute(update(Policy).values(coverage_start=date(2026, 11, 25)))
    await world.say("/menu")
    waiting = await show_card(world)
    await show_card(world)
    assert photos(world) == ["upload", largest(waiting)]

    world.clock.advance(days=3)  # 25 November in Almaty: the card is active
    active = await show_card(world)
    assert photos(world) == ["upload", largest(waiting), "upload"]
    assert len(drawn) == 2 and largest(active) != largest(waiting)
    [row] = await cached(world)
    assert row.file_id == largest(active)
    await show_card(world)
    assert photos(world)[-1] == largest(active)


async def test_a_registry_import_with_a_new_end_date_draws_it_again(world, drawn):
    await world.member_with_card()
    await world.say("/menu")
    before = await show_card(world)
    line = {
        "policy_number": "SIP-2026-10001", "program": "Standard", "holder_type": "individual",
        "contract_signed": "2026-01-10", "coverage_start": "2026-01-25",
        "coverage_end": "2027-06-30", "insured_id": "UA-10001", "full_name": "Olena Kovalenko",
        "birth_date": "1984-03-05", "phone": "+380500010001", "relation": "self",
    }  # fmt: skip
    async with world.sessions.begin() as session:
        outcome = await import_file(session, [(2, line)], world.clock())
    assert outcome.report.updated == 1
    after = await show_card(world)
    assert photos(world) == ["upload", "upload"] and len(drawn) == 2
    [row] = await cached(world)
    assert row.file_id == largest(after) != largest(before)


async def test_a_refused_file_id_is_drawn_again_and_replaced(world, drawn):
    await world.member_with_card()
    await world.say("/menu")
    await show_card(world)
    async with world.sessions.begin() as session:  # a file_id Telegram no longer knows
        await session.execute(update(ECardImage).values(file_id="AgACAgIAAxkBAAI-gone"))
    again = await show_card(world)
    assert photos(world) == ["upload", "refused AgACAgIAAxkBAAI-gone", "upload"]
    assert len(drawn) == 2
    assert again["caption"].startswith("🪪 Your insurance card")
    [row] = await cached(world)
    assert row.file_id == largest(again)


async def test_a_language_change_draws_the_card_in_the_new_language(world, drawn):
    member = await world.member_with_card()
    await world.say("/menu")
    await show_card(world)
    async with world.sessions.begin() as session:
        await session.execute(update(Member).where(Member.id == member.id).values(language="uk"))
    await world.say("/menu")
    await world.tap("💳 Мої картки")
    await world.tap("🪪 Показати мою картку")
    assert photos(world) == ["upload", "upload"]
    assert sorted(r.language for r in await cached(world)) == ["en", "uk"]


async def test_a_failed_commit_loses_only_the_cache(world, drawn, monkeypatch):
    await world.member_with_card()
    await world.say("/menu")

    async def refuse(self) -> bool:
        await self.session.rollback()
        return False

    monkeypatch.setattr("storage.uow.UnitOfWork.commit", refuse)
    await show_card(world)
    assert photos(world) == ["upload"]
    assert "Your insurance cards" in world.last(OLENA)["text"]  # no error: the card was shown
    assert "not saved" not in world.last(OLENA)["text"]
    assert await cached(world) == []


async def test_mydata_export_and_erase_include_the_cached_image(world, drawn):
    member = await world.member_with_card()
    await world.say("/menu")
    shown = await show_card(world)
    await world.say("/mydata")
    assert (
        "E-card images sent to you (kept so the card is not drawn again): 1"
        in world.last(OLENA)["text"]
    )
    await world.tap("📄 Export (JSON file)")
    sent = [m for m in world.bot_messages(OLENA) if "document" in m][-1]
    data = json.loads(world.state.files.require(sent["document"]["file_id"]).data)
    [image] = data["ecard_images"]
    assert set(image) == set(ECardImage.model_fields)
    assert (image["member_id"], image["file_id"]) == (member.id, largest(shown))

    await world.tap("🗑 Delete my data")
    await world.tap("🗑 Yes, delete everything")
    assert "Your data has been erased" in world.last(OLENA)["text"]
    assert await cached(world) == []


async def test_a_card_deleted_from_the_registry_takes_its_cached_image(world, drawn):
    await world.member_with_card()
    await world.say("/menu")
    await show_card(world)
    assert len(await cached(world)) == 1
    async with world.sessions.begin() as session:  # the foreign key cascades on both databases
        await session.execute(delete(InsuredPerson))
    assert await cached(world) == []


def test_the_fingerprint_changes_with_anything_drawn_and_the_drawing_version(monkeypatch):
    base = ECard(
        "Sphera", "Card", (("Program", "Gold"), ("Policy", "P-1")), "active", "ACTIVE", "",
        "24/7: +7 727 000", "P-1",
    )  # fmt: skip
    changed = [
        replace(base, insurer="Sphera Life"),
        replace(base, title="Картка"),
        replace(base, rows=(("Program", "Silver"), ("Policy", "P-1"))),
        replace(base, status_kind="expired"),
        replace(base, status="EXPIRED"),
        replace(base, status_note="Expired on 31 December"),
        replace(base, hotline="24/7: +7 727 111"),
        replace(base, qr_data="P-2"),
    ]
    prints = {fingerprint(card) for card in [base, *changed]}
    assert len(prints) == 1 + len(changed)
    assert fingerprint(replace(base)) == fingerprint(base)
    before = fingerprint(base)
    monkeypatch.setattr("bot.ecard.DRAWING_VERSION", DRAWING_VERSION + 1)
    assert fingerprint(base) != before
