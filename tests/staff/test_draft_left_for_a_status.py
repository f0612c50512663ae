"""A form left halfway for the "📋 Open request" button under a status message is kept: the
member walks the form in the emulator (the real bot process's dialogs), staff take an earlier
request, and the member follows the status message and comes back (`dialogs/drafts.py`)."""

from __future__ import annotations

from bot.i18n import TranslatorHub
from tests.staff.conftest import FORUM, OLENA, StaffWorld
from tests.staff.member_steps import press, said

T = TranslatorHub().get("en")


async def test_a_form_left_for_a_status_message_s_button_goes_on_where_it_was(
    world: StaffWorld,
) -> None:
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()

    await said(world, lambda: world.state.send_text(OLENA, "/menu"), T("btn-new-request"))
    await press(world, T("btn-new-request"), T("request-kind-appointment"))
    await press(world, T("request-kind-appointment"), T("specialty-dentist"))
    await press(world, T("specialty-dentist"), T("appointment-clinic-prompt"))
    await said(
        world, lambda: world.state.send_text(OLENA, "Kyiv, Medikom"), T("appointment-date-prompt")
    )

    # staff take the earlier request: its status message reaches the member mid-form
    [card] = [m for m in world.bot_messages(FORUM) if m.get("text", "").startswith(request.number)]
    await world.press(card, "🙋 Take")
    await world.deliver()
    status = world.bot_messages(OLENA)[-1]
    assert status["text"].startswith("🔔")
    page = await said(
        world,
        lambda: world.state.press_button(OLENA, status["message_id"], text=T("btn-open-request")),
        T("btn-back"),  # the request's page
    )
    assert page["text"].startswith(request.number)
    # the page's "Back" leads to "My requests", whose "Back" leads to the menu
    await said(
        world,
        lambda: world.state.press_button(OLENA, page["message_id"], text=T("btn-back")),
        T("btn-new-request"),
    )
    label = T("btn-draft-continue", draft="🩺 Doctor appointment · Dentist")
    await press(world, T("btn-back"), label)
    await press(world, label, T("appointment-date-prompt"))
