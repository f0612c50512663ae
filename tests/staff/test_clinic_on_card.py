"""The clinic a member picked in the appointment form reaches staff on the request card: the
member walks the form in the emulator (the real bot process's dialogs), the deliverer posts the
card in the member's forum topic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.i18n import TranslatorHub
from bot.services import clinics
from storage.models import Request
from tests.staff.conftest import FORUM, OLENA, StaffWorld

T = TranslatorHub().get("en")
DIRECTORY = """city;name;address;specialties;phone
Kyiv;Clinic One;1 Garden St;therapist;
Kyiv;Clinic <Two> & Co;2 Garden St;therapist;
Lviv;Lviv Health;120 Horodotska St;therapist;
"""


def _shown(message: dict[str, Any]) -> str:
    """A message's text and its buttons' labels."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return "\n".join([message.get("text", ""), *(b["text"] for row in rows for b in row)])


async def _said(world: StaffWorld, action: Any, contains: str) -> dict[str, Any]:
    """Do `action` as Olena and wait for the bot's message (new or edited) showing `contains`."""
    before = {(m["message_id"], _shown(m)) for m in world.bot_messages(OLENA)}
    action()
    found: dict[str, Any] = await world.state.wait_for(
        lambda: next(
            (
                m
                for m in reversed(world.bot_messages(OLENA))
                if (m["message_id"], _shown(m)) not in before and contains in _shown(m)
            ),
            None,
        ),
        within=10,
    )
    return found


async def _press(world: StaffWorld, label: str, then: str) -> dict[str, Any]:
    shown = world.bot_messages(OLENA)[-1]
    return await _said(
        world,
        lambda: world.state.press_button(OLENA, shown["message_id"], text=label),
        then,
    )


async def test_the_clinic_picked_in_the_form_is_on_the_card_in_the_topic(
    world: StaffWorld, tmp_path: Path
) -> None:
    path = tmp_path / "clinics.csv"
    path.write_text(DIRECTORY, encoding="utf-8")
    async with world.sessions.begin() as session:
        await clinics.import_clinics(session, clinics.read_clinics(path), world.clock())
    await world.member_with_card()

    await _said(world, lambda: world.state.send_text(OLENA, "/menu"), T("btn-new-request"))
    await _press(world, T("btn-new-request"), T("request-kind-appointment"))
    await _press(world, T("request-kind-appointment"), T("specialty-therapist"))
    await _press(world, T("specialty-therapist"), T("clinics-city-prompt"))
    await _press(world, "Kyiv", T("clinics-pick-prompt", city="Kyiv"))
    await _press(world, "Clinic <Two> & Co · 2 Garden St", T("appointment-date-prompt"))
    await _said(
        world, lambda: world.state.send_text(OLENA, "05.12.2026"), T("appointment-time-prompt")
    )
    await _press(world, T("time-window-morning"), T("appointment-comment-prompt"))
    summary = await _press(world, T("btn-skip"), T("field-clinic"))
    assert f"{T('field-clinic')}: Clinic <Two> & Co, 2 Garden St, Kyiv" in summary["text"]
    await _press(world, T("btn-send"), "R-0000")

    async with world.sessions() as session:
        [request] = (await session.execute(select(Request))).scalars().all()
    assert request.details["clinic"] == "Clinic <Two> & Co, 2 Garden St, Kyiv"
    await world.deliver()

    [topic] = world.state.chats[FORUM].topics.values()
    [card] = [
        m
        for m in world.bot_messages(FORUM, topic.message_thread_id)
        if m.get("text", "").startswith(request.number)
    ]
    lines = card["text"].splitlines()
    # the member's text is escaped into the card's HTML: staff read it as typed
    assert f"{T('field-clinic')}: Clinic <Two> & Co, 2 Garden St, Kyiv" in lines
    assert not any("clinic_id" in line for line in lines)  # the id is for staff tools only
