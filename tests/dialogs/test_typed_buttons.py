"""A screen's button typed as its label reads, in any of the bot's languages ("сменить полис"
for "🔄 Change policy", "show this card"), on a screen that asks nothing: pressed. It was
"⚠️ Messages are not taken on this screen. Send this to support?"."""

from __future__ import annotations

from aiogram.methods import SendDocument, SendPhoto
from sqlalchemy import select

from storage.models import Member
from tests.dialogs.requests_helpers import linked_family as _linked_family
from tests.dialogs.requests_helpers import member_with_active_card

TARAS = "Taras Kovalenko · SIP-2026-0001"


async def _active_card_id(session_factory) -> int | None:
    async with session_factory() as session:
        return (await session.execute(select(Member.active_card_id))).scalar_one()


async def test_a_card_s_buttons_typed_are_pressed(member, session_factory, clock):
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("💳 My cards")
    await member.click(TARAS)
    await member.send("сменить полис")  # "🔄 Change policy", in Russian
    assert "This is your active card" in member.text()
    assert await _active_card_id(session_factory) == child_id
    assert "🔄 Change policy" not in member.buttons()
    await member.send("Змінити поліс")  # no longer on the screen: not pressed
    assert "Send this to support?" in member.text()
    await member.send("show this card")
    (photo,) = member.bot.of(SendPhoto)
    assert photo.caption.startswith("🪪 Insurance card: Taras Kovalenko")


async def test_support_s_button_typed_opens_the_chat(member, session_factory, clock):
    await member_with_active_card(member, session_factory)
    await member.click("☎️ Support")
    await member.send("Написать в поддержку")
    assert "Each message goes to support at once" in member.text()


async def test_my_data_export_typed_sends_the_file(member, session_factory, clock):
    """A button whose handler answers a press ("📄 Export"): typed, it works from the message."""
    await member_with_active_card(member, session_factory)
    await member.send("/mydata")
    await member.send("Export (JSON file)")
    (sent,) = member.bot.of(SendDocument)
    assert sent.document.filename.startswith("mydata_")
