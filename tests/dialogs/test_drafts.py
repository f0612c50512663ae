"""A request form left for the menu is kept, and "✏️ Continue" goes on with it.

`dialogs/drafts.py`."""

from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card, send_document, stored_requests

DRAFT_LINE = "✏️ You have an unfinished request: 🩺 Doctor appointment · Dentist"
CONTINUE = "✏️ Continue: 🩺 Doctor appointment · Dentist"


async def _to_the_date_step(member, session_factory) -> None:
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.click("Dentist")
    await member.send("Almaty, City Clinic No. 4")
    assert "Which day would suit you?" in member.text()


async def test_a_form_left_for_the_menu_is_kept_and_goes_on_where_it_was_left(
    member, session_factory
):
    """Halfway through an appointment, /start (or /mydata, or a status message's "Open
    request") reset the dialog stack: the doctor and the clinic were gone without a word. The
    form is kept with the menu, stays while the member moves about, and "Continue" opens it at
    the step it was left on, with its answers; sent, it is kept no more."""
    await _to_the_date_step(member, session_factory)
    await member.send("/start")
    assert DRAFT_LINE in member.text()
    assert CONTINUE in member.buttons()
    await member.send("/mydata")
    await member.click("⬅️ Back")
    assert CONTINUE in member.buttons()
    await member.send("/menu")
    assert CONTINUE in member.buttons()

    await member.click(CONTINUE)
    assert "Which day would suit you?" in member.text()
    await member.send("05.12.2026")
    await member.click("🌅 Morning, 8:00–12:00")
    await member.click("⏭ Skip")
    assert "City / clinic: Almaty, City Clinic No. 4" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["specialty"] == "dentist"
    assert request.details["clinic"] == "Almaty, City Clinic No. 4"
    assert request.details["preferred_date"] == "2026-12-05"
    await member.send("/start")
    assert "unfinished request" not in member.text()
    assert not any(b.startswith("✏️ Continue") for b in member.buttons())


async def test_a_form_cancelled_is_not_kept(member, session_factory):
    """/cancel and the form's own "Cancel" leave it on purpose: nothing is offered back. A
    form opened and left with no answer is not kept either."""
    await _to_the_date_step(member, session_factory)
    await member.send("/cancel")
    assert "unfinished request" not in member.text()
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.send("/start")  # the first step, unanswered
    assert "unfinished request" not in member.text()

    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.click("Dentist")
    await member.send("/start")
    await member.click(CONTINUE)
    await member.click("✖️ Cancel")
    assert "unfinished request" not in member.text()
    assert not any(b.startswith("✏️ Continue") for b in member.buttons())


async def test_a_draft_is_kept_as_long_as_an_unfinished_form(member, session_factory, clock):
    """DRAFT_TTL_HOURS (72 by default, docs/privacy.md): after that the retention sweep deletes
    it, and the menu offers it no more."""
    await _to_the_date_step(member, session_factory)
    await member.send("/start")
    clock.advance(hours=71)
    await member.send("/start")
    assert CONTINUE in member.buttons()
    clock.advance(hours=2)
    await member.send("/start")
    assert "unfinished request" not in member.text()
    assert not any(b.startswith("✏️ Continue") for b in member.buttons())


async def test_a_doctor_typed_by_the_member_is_shown_as_typed(member, session_factory):
    """A specialty not listed is the member's own text: shown as typed, in the menu's line
    (HTML) and on the button (plain)."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.click("✍️ Another specialty")
    await member.send("Allergist & <Immunologist>")
    await member.send("/start")
    assert "unfinished request: 🩺 Doctor appointment · Allergist & <Immunologist>." in (
        member.text()
    )
    await member.click(r"✏️ Continue: 🩺 Doctor appointment · Allergist & <Immunologist>")
    assert "In which city?" in member.text()


async def test_a_draft_survives_a_restart(member, session_factory, build_dp, messages):
    """Kept with the dialog state (the database here; Redis: tests/dialogs/test_redis_state.py),
    so a deploy between leaving the form and coming back loses nothing."""
    await _to_the_date_step(member, session_factory)
    await member.send("/start")
    restarted = MemberClient(build_dp(), messages)
    await restarted.send("/start")
    await restarted.click(CONTINUE)
    assert "Which day would suit you?" in restarted.text()


async def test_a_form_under_a_screen_opened_over_it_is_kept(member, session_factory):
    """ "📄 Show in full" (a list too long for its step) and the language open a screen over the
    form; /start reset the stack with that screen on top, and the form under it was lost."""
    items = "Paracetamol 500 mg × 20\n" * 120
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💊 Medicines")
    await member.send(items.strip())
    await member.click("📄 Show in full")
    assert "Page 1 of" in member.text()
    await member.send("/start")
    assert "✏️ You have an unfinished request: 💊 Medicines" in member.text()
    await member.click("✏️ Continue: 💊 Medicines")
    assert "Your list:\nParacetamol 500 mg × 20\n" in member.text()

    await member.send("/language")
    await member.send("/start")
    await member.click("✏️ Continue: 💊 Medicines")
    await member.click("➡️ Next")
    await member.send("Kyiv, Main St 1")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details == {"items": items.strip(), "address": "Kyiv, Main St 1"}


async def test_a_form_opened_with_answers_goes_on_where_it_was_left(member, session_factory):
    """A claim asked for with its date and amount opens at the documents; left at the IBAN,
    "Continue" opened it at the documents again (the form's opening ran again): it opens where
    it was left."""
    await member_with_active_card(member, session_factory)
    await member.send("I want a refund: I paid 1 234,50 UAH yesterday")
    await member.click("📝 New request: 💵 Reimbursement")
    await send_document(member, "receipt.pdf")
    await member.click("✅ Done with documents")
    assert "IBAN" in member.text()
    await member.send("/start")
    await member.click("✏️ Continue: 💵 Reimbursement")
    assert "IBAN" in member.text()
    assert "Send photos or files" not in member.text()
