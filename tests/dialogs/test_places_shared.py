"""A place shared from Telegram's attachment menu where an address or a clinic is asked: a
venue is taken as its name and address were typed; a location alone, which says no building,
flat or clinic, is asked to be typed. Both were "Please type your answer as a text message"."""

from __future__ import annotations

import itertools

from aiogram.types import Location, Update, Venue
from sqlalchemy import select

from storage.models import Member
from tests.dialogs.requests_helpers import _message, member_with_active_card, stored_requests

_ids = itertools.count(95_000)
KYIV = Location(latitude=50.4501, longitude=30.5234)


async def _share(member, *, venue: Venue | None = None) -> None:
    content = {"venue": venue, "location": KYIV} if venue else {"location": KYIV}
    message = _message(member, **content)
    await member.dp.feed_update(member.client.bot, Update(update_id=next(_ids), message=message))


def _venue(title: str, address: str) -> Venue:
    return Venue(location=KYIV, title=title, address=address)


async def test_a_venue_shared_for_a_delivery_is_its_address(member, session_factory, clock):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💊 Medicines")
    await member.send("Нурофен")
    await member.click("➡️ Next")
    await _share(member)  # a location alone
    assert "A location does not say the building and flat" in member.text()
    await _share(member, venue=_venue("ЖК Комфорт Таун", "вулиця Регенераторна, 4, Київ"))
    assert "Address: ЖК Комфорт Таун, вулиця Регенераторна, 4, Київ" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["address"] == "ЖК Комфорт Таун, вулиця Регенераторна, 4, Київ"


async def test_a_clinic_shared_as_a_venue_is_the_clinic(member, session_factory, clock):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.click("Dentist")
    await _share(member)
    assert "A location does not name the city and clinic" in member.text()
    # a venue whose name its address holds already is its address alone
    await _share(member, venue=_venue("Kyiv", "Kyiv, City Clinic No. 4"))
    assert "Which day would suit you?" in member.text()
    await member.send("завтра")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "City / clinic: Kyiv, City Clinic No. 4" in member.text()


async def test_a_venue_shared_for_the_home_address_is_saved(member, session_factory, clock):
    await member_with_active_card(member, session_factory)
    await member.click("👤 Profile")
    await member.click("✏️ Full name")
    await _share(member, venue=_venue("Home", "Khreshchatyk 1, Kyiv"))
    assert "Please type your answer as a text message" in member.text()  # not a name
    await member.click("⬅️ Back")
    await member.click("✏️ Home address")
    await _share(member, venue=_venue("Home", "Khreshchatyk 1, Kyiv"))
    assert "Home address: Home, Khreshchatyk 1, Kyiv" in member.text()
    async with session_factory() as session:
        member_row = (await session.execute(select(Member))).scalar_one()
    assert member_row.home_address == "Home, Khreshchatyk 1, Kyiv"
