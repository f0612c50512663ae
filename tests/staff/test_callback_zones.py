"""A call-back's time of day, chosen by a member in another zone than the call centre's."""

from __future__ import annotations

from bot.services import requests
from storage.models import Member, RequestKind
from tests.staff.conftest import FORUM, StaffWorld


async def _card_text(world: StaffWorld, details: dict[str, str]) -> str:
    member = await world.member_with_card()
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        assert fresh is not None
        await requests.submit(
            session, fresh, RequestKind.CALLBACK, details, [], world.clock(), world.clock().date()
        )
    await world.deliver()
    return next(
        m["text"] for m in world.bot_messages(FORUM) if m.get("text", "").startswith("R-000001")
    )


async def test_a_time_of_day_in_the_member_s_zone_is_shown_in_the_call_centre_s_too(
    world: StaffWorld,
) -> None:
    """A Kyiv member's "Morning, 8:00–12:00" reached staff in Almaty as it was, and a call at
    8:00 there is 5:00 in Kyiv. The card says whose morning it is and its hours in Almaty."""
    text = await _card_text(
        world,
        {
            "phone": "+380501112233",
            "time_window": "morning",
            "time_zone": "Europe/Kyiv",
            "topic": "Limits",
        },
    )
    assert "Time: 🌅 Morning, 8:00–12:00 (Kyiv time; 11:00–15:00 in Almaty)" in text


async def test_a_time_of_day_in_the_call_centre_s_zone_is_shown_as_it_is(
    world: StaffWorld,
) -> None:
    text = await _card_text(
        world, {"phone": "+77010000101", "time_window": "morning", "topic": "Limits"}
    )
    assert "Time: 🌅 Morning, 8:00–12:00\n" in text


async def test_the_day_the_member_was_told_the_call_will_be_is_on_the_card(
    world: StaffWorld,
) -> None:
    """A call-back asked for on a Saturday evening, after the call centre closed: the member was
    told "We will call you on Monday", and the card showed staff only "Evening". It says the
    day too, as the member was told it."""
    text = await _card_text(
        world,
        {
            "phone": "+77010000101",
            "time_window": "evening",
            "topic": "Limits",
            "call_date": "2026-11-23",
        },
    )
    assert "Call on: November 23, 2026 (Monday)" in text
