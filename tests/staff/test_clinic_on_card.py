"""The clinic a member picked in the appointment form reaches staff on the request card, with
the directory's phone of the clinic to book the visit by: the member walks the form in the
emulator (the real bot process's dialogs), the deliverer posts the card in the member's forum
topic."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.i18n import TranslatorHub
from bot.services import clinics
from storage.models import Request
from tests.staff.conftest import FORUM, OLENA, StaffWorld
from tests.staff.member_steps import press, said

T = TranslatorHub().get("en")
DIRECTORY = """city;name;address;specialties;phone
Kyiv;Clinic One;1 Garden St;therapist;
Kyiv;Clinic <Two> & Co;2 Garden St;therapist;044 000 0225
Lviv;Lviv Health;120 Horodotska St;therapist;
"""


async def test_the_clinic_picked_in_the_form_is_on_the_card_in_the_topic(
    world: StaffWorld, tmp_path: Path
) -> None:
    path = tmp_path / "clinics.csv"
    path.write_text(DIRECTORY, encoding="utf-8")
    async with world.sessions.begin() as session:
        await clinics.import_clinics(session, clinics.read_clinics(path), world.clock())
    await world.member_with_card()

    await said(world, lambda: world.state.send_text(OLENA, "/menu"), T("btn-new-request"))
    await press(world, T("btn-new-request"), T("request-kind-appointment"))
    await press(world, T("request-kind-appointment"), T("specialty-therapist"))
    await press(world, T("specialty-therapist"), T("clinics-city-prompt"))
    await press(world, "Kyiv", T("clinics-pick-prompt", city="Kyiv"))
    await press(world, "Clinic <Two> & Co · 2 Garden St", T("appointment-date-prompt"))
    await said(
        world, lambda: world.state.send_text(OLENA, "05.12.2026"), T("appointment-time-prompt")
    )
    await press(world, T("time-window-morning"), T("appointment-comment-prompt"))
    summary = await press(world, T("btn-skip"), T("field-clinic"))
    assert f"{T('field-clinic')}: Clinic <Two> & Co, 2 Garden St, Kyiv" in summary["text"]
    assert f"{T('field-clinic_phone')}: +380 44 000 0225" in summary["text"]
    await press(world, T("btn-send"), "R-0000")

    async with world.sessions() as session:
        [request] = (await session.execute(select(Request))).scalars().all()
    assert request.details["clinic"] == "Clinic <Two> & Co, 2 Garden St, Kyiv"
    assert request.details["clinic_phone"] == "+380 44 000 0225"
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
    # the directory's phone beside it: staff book the visit by it
    assert f"{T('field-clinic_phone')}: +380 44 000 0225" in lines
