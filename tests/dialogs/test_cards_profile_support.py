from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from storage.models import InsuredPerson, Member, Request
from tests.conftest import failing_commits
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import linked_family as _linked_family
from tests.dialogs.requests_helpers import member_with_active_card
from tests.factories import make_person, make_policy


async def _appointment_on_the_child_s_card(member, session_factory, child_id) -> None:
    """From the appointment's clinic step, opened for the child: the child's card is the
    active one, and the summary names him."""
    assert "In which city?" in member.text()
    assert (await _member(session_factory)).active_card_id == child_id
    await member.send("Kyiv")
    await member.send("на 25-е")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Insured person: Taras Kovalenko" in member.text()


async def _pediatrician_then_ent_for_the_child(member, session_factory, child_id) -> None:
    """From the pediatrician's clinic step, opened for the child: both appointments sent on the
    child's card, the ENT pressed where "request sent" offers it."""
    await _appointment_on_the_child_s_card(member, session_factory, child_id)
    assert "Specialty: Pediatrician" in member.text()
    await member.click("✅ Send")
    await member.click("📝 New request: 🩺 Doctor appointment · ENT · Taras")
    await _appointment_on_the_child_s_card(member, session_factory, child_id)
    assert "Specialty: ENT" in member.text()
    await member.click("✅ Send")


async def _member(session_factory) -> Member:
    async with session_factory() as session:
        return (await session.execute(select(Member))).scalar_one()


async def test_cards_list_marks_active_and_change_policy(member, session_factory):
    child_id = await _linked_family(member, session_factory)
    await member.click("💳 My cards")
    assert "Your insurance cards (3)" in member.text()
    assert "✅ Olena Kovalenko · SIP-2026-0001" in member.buttons()
    assert "Taras Kovalenko · SIP-2026-0001" in member.buttons()

    await member.click("Olena Kovalenko · SIP-2024-0002 · ⚪️")  # marked: its coverage ended
    text = member.text()
    assert "Policy SIP-2024-0002" in text
    assert "Coverage: January 1, 2024 – December 31, 2024" in text
    assert "expired" in text

    await member.click("⬅️ Back")
    await member.click("Taras Kovalenko · SIP-2026-0001")
    text = member.text()
    assert "Insured person: Taras Kovalenko (child)" in text
    assert "Program: Family Plus (individual)" in text
    assert "active" in text
    await member.click("🔄 Change policy")
    assert "This is your active card" in member.text()
    assert "🔄 Change policy" not in member.buttons()
    assert (await _member(session_factory)).active_card_id == child_id

    await member.send("/menu")
    assert "Active card: SIP-2026-0001 · Taras Kovalenko" in member.text()


async def test_profile_prefilled_from_own_card_and_edited_with_validation(member, session_factory):
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    assert "Full name: Olena Kovalenko" in member.text()
    assert "Date of birth: March 5, 1984" in member.text()

    await member.click("✏️ Home address")
    await member.send("12")
    assert "An address needs 5 to 300 characters" in member.text()
    assert "Type your home address" in member.text()  # the same step
    await member.send("Kyiv, Khreshchatyk St 1, apt 5")
    assert "Saved" in member.text()
    assert "Home address: Kyiv, Khreshchatyk St 1, apt 5" in member.text()

    await member.click("✏️ Date of birth")
    await member.send("30.11.2026")
    assert "not in the future" in member.text()
    await member.send("1984-03-06")

    await member.click("✏️ Gender")
    await member.click("Female")
    assert "Gender: Female" in member.text()

    await member.click("✏️ Additional address")
    await member.send("Kyiv, Lesi Ukrainky Blvd 26, office 3")

    stored = await _member(session_factory)
    assert stored.home_address == "Kyiv, Khreshchatyk St 1, apt 5"
    assert stored.extra_address == "Kyiv, Lesi Ukrainky Blvd 26, office 3"
    assert stored.birth_date == date(1984, 3, 6)
    assert stored.gender == "female"


async def test_a_change_typed_on_the_profile_is_made(member, session_factory):
    """ "мой адрес: Киев, Крещатик 1" and "изменить адрес" on the profile were "Messages are
    not taken on this screen", beside the very buttons that do it: a field named with its new
    value saves it, as if typed on its step (its errors there); named alone, its step opens;
    what the profile does not hold (an e-mail) is still for support."""
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.send("мой адрес: Киев, Крещатик 1, кв 2")
    assert "Saved" in member.text()
    assert "Home address: Киев, Крещатик 1, кв 2" in member.text()
    await member.send("изменить дополнительный адрес на Киев, Саксаганского 5, офис 3")
    assert "Additional address: Киев, Саксаганского 5, офис 3" in member.text()
    await member.send("дата рождения: 31.02.1984")
    assert "Type your date of birth" in member.text()  # its step, with why
    assert "Saved" not in member.text()
    await member.click("⬅️ Back")
    await member.send("изменить пол")
    await member.click("Female")
    assert "Gender: Female" in member.text()
    await member.send("поменяйте мой email на olena@example.com")
    assert "Send this to support?" in member.text()

    stored = await _member(session_factory)
    assert stored.home_address == "Киев, Крещатик 1, кв 2"
    assert stored.extra_address == "Киев, Саксаганского 5, офис 3"
    assert stored.birth_date == date(1984, 3, 5)
    assert stored.gender == "female"


async def test_an_address_typed_after_its_word_is_saved_and_a_removal_asked_opens_its_step(
    member, session_factory
):
    """ "мой адрес Алматы, Абая 10, кв 5" (no colon) opened the address step and dropped the
    address typed, and "удалить адрес" was "I could not tell what to do with this": an address
    with its house's number after the word for it is saved, and a removal asked opens the
    field's step, which says how (nothing is removed on a word alone)."""
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.send("мой адрес Алматы, Абая 10, кв 5")
    assert "Home address: Алматы, Абая 10, кв 5" in member.text()
    assert (await _member(session_factory)).home_address == "Алматы, Абая 10, кв 5"
    await member.send("удалить адрес")
    assert "To remove it, send “-”" in member.text()
    await member.send("-")
    assert "Home address: —" in member.text()
    assert (await _member(session_factory)).home_address is None


async def test_a_birth_date_or_a_gender_said_on_the_profile_is_saved(member, session_factory):
    """ "мой день рождения 5 марта 1990" opened the date step and dropped the date typed; "я
    мужчина" was "I could not tell what to do with this", and "пол женский" offered a visit
    to the gynecologist. Each is saved, as if typed or pressed on its step; a date that is no
    date is refused on that step; "I'm" alone says no gender."""
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.send("мой день рождения 5 марта 1990")
    assert "✅ Saved." in member.text() and "Date of birth: March 5, 1990" in member.text()
    assert (await _member(session_factory)).birth_date == date(1990, 3, 5)
    await member.send("я мужчина")
    assert "Gender: Male" in member.text()
    await member.send("пол женский")
    assert "Gender: Female" in member.text()
    assert not any("Gynecologist" in b for b in member.buttons())
    assert (await _member(session_factory)).gender == "female"
    await member.send("I'm a man")
    assert (await _member(session_factory)).gender == "male"
    await member.send("I'm")
    assert (await _member(session_factory)).gender == "male"
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.send("дата рождения 31.02.1990")
    assert "Type your date of birth" in member.text()  # its step, with the date refused
    assert (await _member(session_factory)).birth_date == date(1990, 3, 5)


async def test_a_name_typed_in_small_letters_is_stored_as_a_card_writes_it(member, session_factory):
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Full name")
    await member.send("kovalenko olena petrivna")
    assert "Full name: Kovalenko Olena Petrivna" in member.text()
    assert (await _member(session_factory)).full_name == "Kovalenko Olena Petrivna"
    await member.send("/menu")
    assert "Olena" in member.text().splitlines()[0]
    # "Меня зовут …" was stored as part of the name
    await member.click("👤 Profile")
    await member.click("✏️ Full name")
    await member.send("Меня зовут Олена Коваленко")
    assert (await _member(session_factory)).full_name == "Олена Коваленко"


async def test_profile_text_is_escaped(member, session_factory):
    await member.send("/start")
    await member.click("👤 Profile")
    await member.click("✏️ Home address")
    await member.send("Kyiv <b>street</b> & 5")
    assert "Kyiv &lt;b&gt;street&lt;/b&gt; &amp; 5" in member.html()


async def test_support_page_shows_closed_on_sunday_and_next_opening(member, clock):
    await member.send("/start")
    await member.click("☎️ Support")
    text = member.text()
    assert "closed now. It opens on November 23, 2026, 09:00 (Almaty time)" in text
    assert "Mon–Fri: 09:00–21:00" in text
    assert "Sun: closed" in text
    assert "24/7 dispatcher line" in text


async def test_support_page_open_on_a_weekday(member, clock):
    clock.now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # Monday 11:00 in Almaty
    await member.send("/start")
    await member.click("☎️ Support")
    assert "The call centre is open now, until 21:00 (Almaty time)." in member.text()


async def test_support_command_opens_the_support_page_from_anywhere(member, session_factory):
    """ "/support", as bots commonly have it, was "I do not know that command". It opens the
    support page over the menu, from a form too; "Back" is the menu."""
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Full name")
    await member.send("/support")
    assert "24/7 dispatcher line" in member.text()
    assert "I do not know that command" not in member.text()
    await member.click("⬅️ Back")
    assert "Active card" in member.text()


async def test_cancel_leaves_a_form_and_keeps_confirmed_data(member, session_factory):
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Full name")
    await member.send("/cancel")
    assert "Cancelled" in member.text()
    assert (await _member(session_factory)).full_name == "Olena Kovalenko"


async def test_unexpected_input_repeats_the_step(member, session_factory):
    """A message on a screen that asks nothing (the menu, support's page) is answered with the
    way to write to support, not with "answer the question above": there is none."""
    await member.send("/start")
    await member.send("hello?")
    assert "I could not tell what to do with this myself" in member.text()
    assert "“✉️ Send it to support”" in member.text()  # a text is kept for support
    assert "Welcome" in member.text()
    await member.click("☎️ Support")
    await member.send("are you open?")
    # on support's own page a message is one to support: offered, not refused
    assert "✉️ Send this to support? Tap “✉️ Send it to support”." in member.text()
    assert "I could not tell what to do with this myself" not in member.text()
    assert "⚠️" not in member.text()
    assert "Call centre" in member.text()
    await member.click("⬅️ Back")
    assert "I could not tell what to do with this" not in member.text()
    await member.click("🪪 Activate by insured ID")
    await member.click("⬅️ Back")
    assert "Welcome" in member.text()


async def test_saved_shows_once_and_every_step_answers_what_it_does_not_take(
    member, session_factory
):
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Home address")
    await member.share_contact("380501112233")  # a step that takes text only
    assert "Please type your answer as a text message." in member.text()
    await member.send("Kyiv, Khreshchatyk St 1, apt 5")
    assert "✅ Saved." in member.text()
    await member.send("thanks")  # the view asks nothing: a thank-you is answered, the note goes
    assert "✅ Saved." not in member.text()
    assert "🙏 You are welcome!" in member.text()
    assert "Home address: Kyiv, Khreshchatyk St 1, apt 5" in member.text()
    await member.send("Why can I not change my policy number?")  # kept for support
    assert "✉️ Send it to support" in member.buttons()
    await member.click("✏️ Gender")  # a press clears the offer
    assert "✉️ Send it to support" not in member.buttons()
    await member.share_contact("380501112233")
    assert "I did not expect that here" in member.text()
    await member.click("Female")
    assert "✅ Saved." in member.text()
    await member.click("✏️ Full name")
    assert "✅ Saved." not in member.text()


async def test_a_gender_typed_rather_than_pressed_is_taken(member, session_factory):
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Gender")
    await member.send("муж")
    assert "Gender: Male" in member.text()
    assert (await _member(session_factory)).gender == "male"
    await member.click("✏️ Gender")
    await member.send("жінка")
    assert "Gender: Female" in member.text()
    await member.click("✏️ Gender")
    await member.send("both")
    assert "I did not expect that here" in member.text()
    assert (await _member(session_factory)).gender == "female"
    # the buttons' labels in the other languages ("Чоловіча", "Әйел") were not expected from a
    # member the bot speaks English to
    for typed, shown in (("Чоловіча", "Male"), ("әйел", "Female"), ("мужской", "Male")):
        await member.send(typed)
        assert f"Gender: {shown}" in member.text(), typed
        await member.click("✏️ Gender")


async def test_a_card_named_on_the_card_list_opens(member, session_factory):
    """ "Taras" typed on "My cards" opens his card; "Kovalenko" names all three and opens none:
    the text is kept for support, as on any screen that asks nothing."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("💳 My cards")
    await member.send("Taras")
    assert "Insured person: Taras Kovalenko (child)" in member.text()
    await member.click("⬅️ Back")
    await member.send("Kovalenko")
    assert "Send this to support?" in member.text()
    assert "Your insurance cards" in member.text()
    # a family member named by who they are ("карта сына" was kept for support)
    await member.send("карта сына")
    assert "Insured person: Taras Kovalenko (child)" in member.text()
    assert "✅ This is your active card" not in member.text()
    # asked to switch to it, it is made the active card ("переключи" opened it and no more)
    await member.click("⬅️ Back")
    await member.send("переключи на карту сына")
    assert "✅ This is your active card: new requests use it." in member.text()
    assert (await _member(session_factory)).active_card_id == child_id


async def test_the_menu_and_the_linked_cards_say_when_a_card_opens_or_ended(
    member, session_factory
):
    """A waiting card's status comes with the day it opens, an expired one's with the day its
    coverage ended: on the menu and on the list shown when the phone is confirmed. The card
    made active is the one covering today."""
    async with session_factory.begin() as session:
        coming = await make_policy(
            session,
            number="SIP-2027-0003",
            coverage_start=date(2026, 12, 7),
            coverage_end=date(2027, 12, 6),
        )
        await make_person(session, coming, full_name="Olena Kovalenko", insured_id="UA-NEW-3")
    await _linked_family(member, session_factory)
    linked = member.text()
    assert "SIP-2027-0003 (⏳ waiting for coverage to start — from December 7, 2026)" in linked
    assert "SIP-2024-0002 (⚪️ expired — coverage ended December 31, 2024)" in linked
    assert "SIP-2026-0001 (🟢 active)" in linked
    # made active: her own card covering today, not the first of hers in the registry
    await member.send("/menu")
    assert "Active card: SIP-2026-0001 · Olena Kovalenko\nStatus: 🟢 active" in member.text()

    for label, status in (
        (
            "Olena Kovalenko · SIP-2027-0003 · ⏳",
            "⏳ waiting for coverage to start — from December 7, 2026",
        ),
        ("Olena Kovalenko · SIP-2024-0002 · ⚪️", "⚪️ expired — coverage ended December 31, 2024"),
    ):
        await member.send("/menu")
        await member.click("💳 My cards")
        await member.click(label)
        await member.click("🔄 Change policy")
        await member.send("/menu")
        assert f"Status: {status}" in member.text()


async def test_a_request_for_a_child_named_on_the_menu_is_made_on_the_child_s_card(
    member, session_factory
):
    """ "need a pediatrician for Taras" typed on the menu: the request offered is on the child's
    card ("… · Taras"), which the press makes the active card, and the summary names him. A
    name of the family with two cards (this year's and last year's) is the one in force."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send("need a pediatrician for Taras")
    offer = "📝 New request: 🩺 Doctor appointment · Pediatrician · Taras"
    assert offer in member.buttons()
    await member.click(offer)
    await _appointment_on_the_child_s_card(member, session_factory, child_id)

    await member.send("/menu")
    await member.send("Olena needs a dentist")
    offer = "📝 New request: 🩺 Doctor appointment · Dentist · Olena"
    await member.click(offer)
    stored = await _member(session_factory)
    assert stored.active_card_id not in (child_id, None)
    await member.send("/menu")
    assert "Active card: SIP-2026-0001 · Olena Kovalenko" in member.text()


async def test_requests_for_two_people_in_one_message_are_each_on_their_card(
    member, session_factory
):
    """ "book Taras to a pediatrician on Monday and me to a dentist on Tuesday" named two
    doctors, so the message as a whole named neither and nothing was offered. Each part is
    offered, named with whose it is, and each is made on that card with its own day, the second
    from the "request sent" screen of the first (where the child's card is the active one)."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send("book Taras to a pediatrician on Monday and me to a dentist on Tuesday")
    assert member.buttons()[1:3] == [
        "📝 New request: 🩺 Doctor appointment · Pediatrician · Taras",
        "📝 New request: 🩺 Doctor appointment · Dentist · Olena",
    ]
    await member.click("📝 New request: 🩺 Doctor appointment · Pediatrician · Taras")
    assert "📅 November 23, 2026: noted for the day of the visit" in member.text()
    await member.send("Kyiv, Medikom")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Insured person: Taras Kovalenko" in member.text()
    await member.click("✅ Send")
    assert (await _member(session_factory)).active_card_id == child_id
    await member.click("📝 New request: 🩺 Doctor appointment · Dentist · Olena")
    assert "📅 November 24, 2026: noted for the day of the visit" in member.text()
    await member.send("Kyiv, Medikom")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Insured person: Olena Kovalenko" in member.text()
    assert "Preferred date: November 24, 2026 (Tuesday)" in member.text()


async def test_a_request_asked_for_oneself_is_made_on_one_s_own_card(member, session_factory):
    """After a request for the child, his card is the active one, and "book me to a dentist"
    was offered on it: the member's own request on the child's card. Asked for oneself ("me",
    "мене", "мне"), it is offered on the member's own card, named ("… · Olena"); a family member
    named besides is theirs ("мне нужны лекарства для сына"); on one's own active card nothing
    changes."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send("мне нужен стоматолог")
    assert "📝 New request: 🩺 Doctor appointment · Dentist" in member.buttons()  # hers already
    await member.send("need a pediatrician for Taras")
    await member.click("📝 New request: 🩺 Doctor appointment · Pediatrician · Taras")
    assert (await _member(session_factory)).active_card_id == child_id
    await member.send("/menu")

    await member.send("мне нужны лекарства для сына")
    assert "📝 New request: 💊 Medicines · Taras" in member.buttons()
    await member.send("запишіть мене до стоматолога")
    offer = "📝 New request: 🩺 Doctor appointment · Dentist · Olena"
    assert offer in member.buttons()
    await member.send("book me to a dentist")
    await member.click(offer)
    stored = await _member(session_factory)
    assert stored.active_card_id not in (child_id, None)
    await member.send("Kyiv")
    await member.send("на 25-е")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Insured person: Olena Kovalenko" in member.text()


async def test_a_request_for_a_family_member_named_by_who_they_are(member, session_factory):
    """ "лекарства для ребенка" was made on the active card, the parent's: only a given name
    named whose. "ребенка", "сину", "for my son" name the family's one child (the doctor named
    by it stays: "к врачу для ребенка" is the pediatrician); a relation nobody on the cards has
    ("для жены") names no one."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send("лекарства для ребенка")
    assert "📝 New request: 💊 Medicines · Taras" in member.buttons()
    await member.send("I need a dentist for my son's teeth")
    assert "📝 New request: 🩺 Doctor appointment · Dentist · Taras" in member.buttons()
    await member.send("нужно к врачу для ребенка")
    offer = "📝 New request: 🩺 Doctor appointment · Pediatrician · Taras"
    assert offer in member.buttons()
    await member.click(offer)
    assert (await _member(session_factory)).active_card_id == child_id
    await member.send("/menu")
    await member.send("лекарства для жены")
    assert "📝 New request: 💊 Medicines" in member.buttons()  # on the active card


async def test_a_request_typed_on_the_chooser_for_a_family_member_is_made_on_their_card(
    member, session_factory
):
    """ "к педиатру для сына" typed where the kind of request is asked opened the pediatrician's
    form on the active card, the parent's: the request would have been made on the wrong
    person's card. The family member it names (by who they are, or by name) is made the active
    card first, as "👥 For another person" does."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("к педиатру для сына")
    await _appointment_on_the_child_s_card(member, session_factory, child_id)


async def test_two_requests_typed_on_the_chooser_open_the_first_and_offer_the_second(
    member, session_factory, clock
):
    """ "педиатр и лор для сына" typed where the kind of request is asked said "I did not expect
    that here", and "ліки та аналізи" opened the medicines and lost the tests, though the menu
    offers both of each. The first opens, on the card of whom it is for, and the second is
    offered once it is sent, on its own card."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("педиатр и лор для сына")
    await _pediatrician_then_ent_for_the_child(member, session_factory, child_id)

    # the first for the member, the second for the son: each on its own card
    await member.send("/menu")
    clock.advance(minutes=31)
    await member.click("📝 New request")  # (the child's card is the active one now)
    await member.send("мне ліки та аналізи для сина")
    assert "Medicines" in member.text()
    await member.send("Nurofen 200 mg, 1 pack")
    await member.click("➡️ Next")
    assert "Where should we deliver the medicines?" in member.text()
    await member.send("Kyiv, Khreshchatyk 1")
    assert "👤 Insured person: Olena Kovalenko" in member.text()
    await member.click("✅ Send")
    await member.click("📝 New request: 🧪 Lab tests · Taras")
    assert "Lab tests" in member.text()
    assert (await _member(session_factory)).active_card_id == child_id
    async with session_factory() as session:
        sent = (await session.execute(select(Request).order_by(Request.id))).scalars().all()
    assert [(r.kind, r.details.get("specialty"), r.card_id == child_id) for r in sent] == [
        ("appointment", "pediatrician", True),
        ("appointment", "ent", True),
        ("medicines", None, False),
    ]


async def test_a_request_for_a_child_is_made_from_the_new_request_screen(member, session_factory):
    """A parent books the child's doctor without going through "My cards": the request
    screen offers the family's cards, the one picked becomes the active card and the request
    is made on it."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("📝 New request")
    assert "New request on card SIP-2026-0001 (Olena Kovalenko)" in member.text()
    await member.click("👥 For another person")
    assert "Whose card is the request for?" in member.text()
    assert member.buttons()[:3] == [
        "✅ Olena Kovalenko · SIP-2026-0001",
        "Olena Kovalenko · SIP-2024-0002 · ⚪️",
        "Taras Kovalenko · SIP-2026-0001",
    ]
    await member.send("Taras")  # typed, as the name reads
    assert "New request on card SIP-2026-0001 (Taras Kovalenko)" in member.text()
    assert (await _member(session_factory)).active_card_id == child_id

    await member.click("👥 For another person")
    await member.click("Olena Kovalenko · SIP-2024-0002 · ⚪️")  # last year's: no request on it
    assert "Coverage on your active card ended on December 31, 2024" in member.text()
    assert "👥 For another person" in member.buttons()
    await member.send("Olena")  # two cards of hers: the family's list, to pick from
    assert "Whose card is the request for?" in member.text()
    await member.click("⬅️ Back")
    await member.send("Taras")  # a name typed on the request screen itself
    assert "New request on card SIP-2026-0001 (Taras Kovalenko)" in member.text()
    await member.click("📞 Call-back")
    assert (await _member(session_factory)).active_card_id == child_id
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🕘 Any time")
    await member.send("Taras's vaccination")
    # the summary names whose card it goes on, as every form's summary does
    assert "👤 Insured person: Taras Kovalenko · policy SIP-2026-0001" in member.text()
    await member.click("✅ Send")
    async with session_factory() as session:
        [request] = (await session.execute(select(Request))).scalars().all()
    assert request.card_id == child_id
    # a family's requests say whose they are: in the list by the given name, on the page
    await member.click("📋 My requests")
    assert "R-000001 · Taras · 📞 Call-back · 🆕 new" in member.buttons()
    await member.click("R-000001.*")
    assert "👤 Insured person: Taras Kovalenko · policy SIP-2026-0001" in member.text()


async def test_one_card_has_no_other_person_to_choose(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    assert "👥 For another person" not in member.buttons()


async def test_a_child_s_form_left_for_the_menu_goes_on_on_the_child_s_card(
    member, session_factory
):
    """A form kept for "✏️ Continue" (dialogs/drafts.py) is made on the card it was begun on:
    the parent who made their own card active again in the meantime would have sent the
    child's appointment on their own card. The menu names whose it is; "Continue" makes that
    card the active one again."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("📝 New request")
    await member.send("к педиатру для сына")
    assert (await _member(session_factory)).active_card_id == child_id
    await member.send("/start")
    await member.click("💳 My cards")
    await member.click("Olena Kovalenko · SIP-2026-0001")
    await member.click("🔄 Change policy")
    assert (await _member(session_factory)).active_card_id != child_id
    await member.send("/menu")
    await member.click("✏️ Continue: 🩺 Doctor appointment · Pediatrician · Taras")
    await _appointment_on_the_child_s_card(member, session_factory, child_id)


async def test_a_doctor_named_for_the_child_by_the_word_for_a_child_is_that_doctor(
    member, session_factory
):
    """ "дитині треба до лора завтра" offered nothing: the word for the child names the
    pediatrician too, and with the ENT that was two doctors. The doctor named besides it is the
    one, on the child's card, on the menu and where the kind of request is asked."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send("дитині треба до лора завтра")
    await member.click("📝 New request: 🩺 Doctor appointment · ENT · Taras")
    await _appointment_on_the_child_s_card(member, session_factory, child_id)
    assert "Specialty: ENT" in member.text()

    await member.click("✖️ Cancel")
    await member.click("📝 New request")
    await member.send("дитині до окуліста")
    assert "In which city?" in member.text()
    await member.send("Kyiv")
    await member.send("на 25-е")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Specialty: Ophthalmologist" in member.text()
    assert "Insured person: Taras Kovalenko" in member.text()

    await member.send("/menu")  # in Kazakh: "I want to book my child (acc.) to the pediatrician"
    await member.send("баламды педиатрға жазғым келеді")
    assert "📝 New request: 🩺 Doctor appointment · Pediatrician · Taras" in member.buttons()
    # whom it is for first, then the request
    await member.send("сыну к стоматологу")
    assert "📝 New request: 🩺 Doctor appointment · Dentist · Taras" in member.buttons()
    await member.send("for Taras: medicines")
    assert "📝 New request: 💊 Medicines · Taras" in member.buttons()


async def test_whom_one_part_of_a_message_names_is_whom_every_part_asks_for(
    member, session_factory, clock
):
    """ "педиатр и лор для сына" offered the pediatrician on the parent's own card and the ENT
    on the son's: "для сына" ends the list and is said of both. A part that names no one is
    for the family member the message names; a part that names someone itself (the member,
    "мне") keeps its own."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send("педиатр и лор для сына")
    offered = [b for b in member.buttons() if b.startswith("📝 New request:")]
    assert offered == [
        "📝 New request: 🩺 Doctor appointment · Pediatrician · Taras",
        "📝 New request: 🩺 Doctor appointment · ENT · Taras",
    ]
    await member.click("📝 New request: 🩺 Doctor appointment · Pediatrician · Taras")
    await _pediatrician_then_ent_for_the_child(member, session_factory, child_id)
    async with session_factory() as session:
        sent = (await session.execute(select(Request).order_by(Request.id))).scalars().all()
    assert [(r.details["specialty"], r.card_id) for r in sent] == [
        ("pediatrician", child_id),
        ("ent", child_id),
    ]

    await member.send("/menu")
    clock.advance(minutes=31)  # (a line a moment after a request goes to it)
    await member.send("мне к терапевту и к лору для сына")
    offered = [b for b in member.buttons() if b.startswith("📝 New request:")]
    assert offered == [
        "📝 New request: 🩺 Doctor appointment · Therapist (GP) · Olena",
        "📝 New request: 🩺 Doctor appointment · ENT · Taras",
    ]


async def test_a_list_given_for_a_child_after_her_name_and_a_colon_is_the_list(
    member, session_factory
):
    """ "medicines for Taras: Nurofen syrup" lost its list: the child's name was taken out of
    the words with the colon after it."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send("medicines for Taras: Nurofen for children, 1 bottle")
    await member.click("📝 New request: 💊 Medicines · Taras")
    assert "📝 Noted as your list" in member.text()
    assert "Nurofen for children, 1 bottle" in member.text()
    assert (await _member(session_factory)).active_card_id == child_id


async def test_a_list_given_for_someone_the_member_holds_no_card_of_keeps_for_whom(
    member, session_factory, clock
):
    """ "medicines for my mother: Paracetamol" (no card of hers) opened the medicines on the
    member's own card with "Paracetamol" as the list: whom it was for was dropped, and support
    would have read a list for the member. The list is then the message as typed; a list for a
    family member whose card the member holds stays the list alone."""
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send("medicines for my mother: Paracetamol 500 mg, 2 packs")
    await member.click("📝 New request: 💊 Medicines")
    assert "📝 Noted as your list" in member.text()
    await member.click("➡️ Next")
    await member.send("Kyiv, Khreshchatyk 1")
    await member.click("✅ Send")
    async with session_factory() as session:
        [request] = (await session.execute(select(Request))).scalars().all()
    assert request.details["items"] == "medicines for my mother: Paracetamol 500 mg, 2 packs"

    await member.send("/menu")
    clock.advance(minutes=31)  # (a line a moment after a request goes to it)
    await member.send("medicines for Taras: Nurofen for children, 1 bottle")
    await member.click("📝 New request: 💊 Medicines · Taras")
    await member.click("➡️ Next")
    await member.click("🕘 As last time: Kyiv, Khreshchatyk 1")
    await member.click("✅ Send")
    async with session_factory() as session:
        found = (await session.execute(select(Request).order_by(Request.id))).scalars().all()
    assert found[-1].details["items"] == "Nurofen for children, 1 bottle"


async def test_an_address_is_removed_by_asking_so(member, session_factory):
    """ "удалить" typed for the additional address was stored as it ("Additional address:
    удалить"), and no address could be removed: "удалить", "-" or "нет" removes it."""
    await member.send("/start")
    await member.click("👤 Profile")
    await member.click("✏️ Additional address")
    assert "To remove it, send “-”" in member.text()
    await member.send("Kyiv, Khreshchatyk 1, office 5")
    assert "Additional address: Kyiv, Khreshchatyk 1, office 5" in member.text()
    for typed in ("удалить", "-"):
        await member.click("✏️ Additional address")
        await member.send(typed)
        assert "🗑 Removed." in member.text(), typed
        assert "Additional address: —" in member.text()
    assert (await _member(session_factory)).extra_address is None


async def test_an_address_named_as_the_other_one_is_copied(member, session_factory):
    """ "тот же, что и рабочий" typed for the home address was stored as the address."""
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Home address")
    await member.send("тот же, что и рабочий")  # no other address yet: said so, the same step
    assert "Your other address in the profile is empty" in member.text()
    await member.click("⬅️ Back")
    await member.click("✏️ Additional address")
    await member.send("Kyiv, Lesi Ukrainky Blvd 26, office 3")
    await member.click("✏️ Home address")
    await member.send("тот же, что и рабочий")
    assert "Home address: Kyiv, Lesi Ukrainky Blvd 26, office 3" in member.text()
    stored = await _member(session_factory)
    assert stored.home_address == stored.extra_address == "Kyiv, Lesi Ukrainky Blvd 26, office 3"


async def test_the_gender_can_be_left_unsaid(member, session_factory):
    """ "не скажу" on the gender step was "I did not expect that here", and a gender once given
    could not be taken back."""
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Gender")
    await member.click("Female")
    assert "Gender: Female" in member.text()
    await member.click("✏️ Gender")
    await member.send("не скажу")
    assert "Gender: —" in member.text()
    assert (await _member(session_factory)).gender is None
    await member.click("✏️ Gender")
    await member.click("Male")
    await member.click("✏️ Gender")
    await member.click("Prefer not to say")
    assert "Gender: —" in member.text()
    assert (await _member(session_factory)).gender is None


async def test_a_card_named_by_its_number_or_its_holder_in_the_other_script(
    member, session_factory
):
    """ "SIP-2024-0002" and "Тараса" (the registry writes "Taras Kovalenko") typed on "My
    cards" were "Messages are not taken on this screen"."""
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("💳 My cards")
    await member.send("sip 2024 0002")
    assert "Policy SIP-2024-0002" in member.text()
    await member.click("⬅️ Back")
    await member.send("сделай активной карту Тараса")
    assert "Insured person: Taras Kovalenko (child)" in member.text()
    await member.click("⬅️ Back")
    await member.send("полис SIP-2026-0001")  # a family's policy: the member's own card
    assert "Insured person: Olena Kovalenko (main insured person)" in member.text()


async def test_a_question_about_a_card_s_dates_opens_its_page(member, session_factory):
    """ "коли почне діяти моя картка?" and "до какого числа действует полис?" were offered to
    support, though the card's page says it: they open the active card's page (a family
    member named, theirs); "why" is a fault, still for support."""
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send("до какого числа действует полис?")
    assert "Policy SIP-2026-0001\nInsured person: Olena Kovalenko" in member.text()
    assert "Coverage: " in member.text()
    await member.click("⬅️ Back")
    assert "Your insurance cards (3)" in member.text()

    await member.send("/menu")
    await member.send("до якого числа діє поліс")  # no "?": a question all the same
    assert "Policy SIP-2026-0001\nInsured person: Olena Kovalenko" in member.text()

    await member.send("/menu")
    await member.send("when does Taras's coverage end?")
    assert "Insured person: Taras Kovalenko (child)" in member.text()
    # (shown, not made the active card: a question changes nothing)
    assert (await _member(session_factory)).active_card_id != child_id

    await member.send("/menu")
    await member.send("почему карта не действует?")
    assert "Send this to support?" in member.text()
    assert "Policy SIP-2026-0001" not in member.text()


@pytest.mark.parametrize(
    ("said", "opens"),
    [
        ("какой у меня номер полиса?", True),
        ("який у мене номер поліса?", True),
        ("what's my policy number?", True),
        ("полис нөмірім қандай?", True),
        ("подскажите номер моей страховки", True),
        ("какая у меня программа страхования?", True),
        ("яка в мене програма?", True),
        # another number said with a card's word, one said not to work, what a program covers
        ("на какой номер карты придут деньги?", False),
        ("какой номер телефона привязан к полису?", False),
        ("номер полиса не подходит", False),
        ("почему номер полиса не находится?", False),
        ("что входит в мою программу?", False),
        ("можно ли поменять программу страхования?", False),
    ],
)
async def test_a_question_about_the_policy_number_or_program_opens_the_card_s_page(
    member, session_factory, said, opens
):
    """ "какой у меня номер полиса?", "какая у меня программа страхования?" were offered to
    support, though the card's page shows the number and the program: they open the active
    card's page. Another number said with a card's word (the bank card a claim is paid to, a
    phone's) or one said not to work, and what a program covers or a change of it, stay with
    support."""
    await _linked_family(member, session_factory)
    await member.send("/menu")
    await member.send(said)
    assert ("Policy SIP-2026-0001\nInsured person: Olena Kovalenko" in member.text()) is opens
    assert ("Send this to support?" in member.text()) is not opens


@pytest.mark.parametrize(
    ("said", "opens"),
    [
        ("какой у меня ID застрахованного?", True),
        ("мій ідентифікатор застрахованої особи?", True),
        ("what is my insured ID?", True),
        ("ID нөмірім қандай?", True),
        ("мой айди", True),
        # the ID itself typed, another's ID, one said not to work
        ("мой ID UA-200001", False),
        ("какой ID у заявки?", False),
        ("ID не подходит", False),
    ],
)
async def test_a_question_about_the_insured_id_opens_the_card_s_page_which_shows_it(
    member, session_factory, said, opens
):
    """ "какой у меня ID застрахованного?" was offered to support, and no screen showed the
    insured ID (what activation asks for, and the plastic card of a corporate client carries):
    the card's page shows it now, and the question opens the active card's page."""
    await _linked_family(member, session_factory)
    async with session_factory() as session:
        member_row = (await session.execute(select(Member))).scalar_one()
        own = await session.get(InsuredPerson, member_row.active_card_id)
        assert own is not None
    await member.send("/menu")
    await member.send(said)
    shown = f"Insured person: Olena Kovalenko (main insured person)\nInsured ID: {own.insured_id}"
    assert (shown in member.text()) is opens
    assert ("Send this to support?" in member.text()) is not opens


async def test_a_family_member_s_card_asked_for_by_words_opens_or_becomes_active(
    member, session_factory
):
    """On the menu "перемкни на картку доньки" and "картка Софії" were "Messages are not taken
    on this screen", beside the button that opens the cards: a family member's card named by
    who they are or by name opens its page, and becomes the active card when switching is
    asked ("переключи на карту сына", "switch to Taras's card"); "мою" names one's own card
    back. More said of the card is for support; a relative with no card here opens nothing."""
    child_id = await _linked_family(member, session_factory)
    own_id = (await _member(session_factory)).active_card_id
    assert own_id not in (child_id, None)

    await member.send("/menu")
    await member.send("картка Тараса")
    assert "Insured person: Taras Kovalenko (child)" in member.text()
    assert "✅ This is your active card" not in member.text()
    assert (await _member(session_factory)).active_card_id == own_id  # shown, not switched
    assert "🔄 Change policy" in member.buttons()

    await member.send("/menu")
    await member.send("переключи на карту сына")
    assert "Insured person: Taras Kovalenko (child)" in member.text()
    assert "✅ This is your active card: new requests use it." in member.text()
    assert (await _member(session_factory)).active_card_id == child_id

    await member.send("/menu")
    await member.send("перемкни на мою картку")
    assert "Insured person: Olena Kovalenko" in member.text()
    assert "✅ This is your active card" in member.text()
    assert (await _member(session_factory)).active_card_id == own_id

    await member.send("/menu")
    await member.send("switch to Taras's card please")
    assert (await _member(session_factory)).active_card_id == child_id
    await member.send("/menu")
    await member.send("ұлымның картасына ауыстырыңыз")  # (already his: shown, still his)
    assert "Insured person: Taras Kovalenko (child)" in member.text()
    assert (await _member(session_factory)).active_card_id == child_id

    for said in ("карта сына не работает", "переключи на карту мужа"):
        await member.send("/menu")
        await member.send(said)
        assert "Send this to support?" in member.text(), said
        assert "Insured person:" not in member.text(), said
    assert (await _member(session_factory)).active_card_id == child_id


async def test_a_family_member_named_alone_on_the_menu_opens_their_card(member, session_factory):
    """On the menu a family member's name alone ("Тарас", "Taras?") or who they are ("сын") was
    kept for support, though the cards' list opens the same card for it: it opens their card's
    page, shown and not made active, and offers no request. A name that is no card's, or a name
    with more said, is not a card asked for."""
    child_id = await _linked_family(member, session_factory)
    own_id = (await _member(session_factory)).active_card_id
    for said in ("Тарас", "Taras?", "сын"):
        await member.send("/menu")
        await member.send(said)
        assert "Insured person: Taras Kovalenko (child)" in member.text(), said
        assert "🔄 Change policy" in member.buttons(), said
        assert "could not tell" not in member.text(), said
        assert not any(b.startswith("📝 New request:") for b in member.buttons()), said
    assert (await _member(session_factory)).active_card_id == own_id != child_id

    for said in ("Петро", "Тарас захворів"):
        await member.send("/menu")
        await member.send(said)
        assert "Insured person:" not in member.text(), said


async def test_a_card_switch_asked_in_words_that_is_not_saved_says_so(
    build_dp, messages, engine, session_factory
):
    """Commit, then speak: when the switch asked for in words cannot be stored, the card's page
    (which would say "✅ This is your active card") is not shown; the menu says it was not
    saved, and the active card stays."""
    plan: list[bool] = []
    member = MemberClient(build_dp(failing_commits(engine, plan)), messages)
    child_id = await _linked_family(member, session_factory)
    await member.send("/menu")
    plan.append(True)  # the switch's commit fails
    await member.send("переключи на карту сына")
    assert "✅ This is your active card" not in member.text()
    assert "could not be saved" in member.text()
    assert (await _member(session_factory)).active_card_id != child_id
    await member.send("переключи на карту сына")  # again, and stored
    assert "✅ This is your active card" in member.text()
    assert (await _member(session_factory)).active_card_id == child_id
