import itertools
from datetime import UTC, datetime

import pytest
from aiogram.types import Chat, Message, PhotoSize, Sticker, Update
from sqlalchemy import select

from storage.models import Member
from tests.dialogs.requests_helpers import (
    linked_family,
    member_with_active_card,
    send_document,
    send_photo,
    send_voice,
    stored_documents,
    stored_requests,
)

HOME = "Kyiv, Khreshchatyk St 1, apt 5"
_ids = itertools.count(70_000)


async def _open_form(member, session_factory) -> None:
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💊 Medicines")
    assert "Type the list of medicines" in member.text()


async def _set_home_address_in_profile(member) -> None:
    await member.send("/menu")
    await member.click("👤 Profile")
    await member.click("✏️ Home address")
    await member.send(HOME)
    assert "Saved" in member.text()
    await member.send("/menu")


async def _send(member, **content) -> None:
    message = Message(
        message_id=next(_ids),
        date=datetime.now(UTC),
        chat=Chat(id=member.user.id, type="private"),
        from_user=member.user,
        **content,
    )
    await member.dp.feed_update(member.client.bot, Update(update_id=next(_ids), message=message))


async def _send_photo_with_caption(member, name: str, caption: str) -> None:
    photo = [PhotoSize(file_id=name, file_unique_id=f"u-{name}", width=800, height=600)]
    await _send(member, photo=photo, caption=caption)


async def test_medicines_request_end_to_end_with_home_address(member, session_factory):
    await member_with_active_card(member, session_factory)
    await _set_home_address_in_profile(member)
    await member.click("📝 New request")
    await member.click("💊 Medicines")
    assert "➡️ Next" not in member.buttons()

    await member.send("...")
    assert "The list cannot be empty" in member.text()
    assert "Type the list of medicines" in member.text()  # the same step
    assert "➡️ Next" not in member.buttons()
    await member.send("Paracetamol 500 mg × 20\nIbuprofen 200 mg")
    assert "Your list:\nParacetamol 500 mg × 20\nIbuprofen 200 mg" in member.text()
    assert "cannot be empty" not in member.text()
    await send_photo(member, "rx-1")
    assert "Documents attached: 1 of 20" in member.text()
    await member.click("➡️ Next")

    assert "Where should we deliver the medicines?" in member.text()
    await member.click(f"🏠 Use {HOME}")
    summary = member.text()
    assert "Medicines: Paracetamol 500 mg × 20\nIbuprofen 200 mg" in summary
    assert f"Address: {HOME}" in summary
    assert "Prescription: 1 photo or file" in summary

    await member.click("✏️ Medicines")  # edit one field, then straight back to the summary
    await member.click("🗑 Clear the list")  # a new message adds to the list: start it again
    assert "Your list" not in member.text()
    await member.send("Amoxicillin 500 mg")
    await member.click("➡️ Next")
    assert "Medicines: Amoxicillin 500 mg" in member.text()
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert f"Request {request.number} is sent" in member.text()
    assert (request.kind, request.status) == ("medicines", "new")
    assert request.details == {"items": "Amoxicillin 500 mg", "address": HOME}
    [doc] = await stored_documents(session_factory, request.id)
    assert (doc.file_id, doc.file_unique_id, doc.kind) == ("rx-1", "u-rx-1", "photo")
    assert (doc.file_name, doc.mime_type, doc.file_size) == (None, "image/jpeg", 300_000)


async def test_prescription_album_alone_is_enough_and_address_is_typed(member, session_factory):
    await _open_form(member, session_factory)
    for name in ("rx-a", "rx-b", "rx-c"):
        await send_photo(member, name, group="album-1")
    assert "Documents attached: 3 of 20" in member.text()
    assert "Your list" not in member.text()
    await member.click("➡️ Next")

    assert not any(b.startswith("🏠 Use") for b in member.buttons())  # no address in profile
    await member.send("12")
    assert "An address needs 5 to 300 characters" in member.text()
    assert "Where should we deliver the medicines?" in member.text()
    await member.send("Almaty,   Abay Ave 10, flat 3")
    summary = member.text()
    assert "Address: Almaty, Abay Ave 10, flat 3" in summary
    assert "Medicines:" not in summary
    assert "Prescription: 3 photos or files" in summary
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert request.details == {"items": "", "address": "Almaty, Abay Ave 10, flat 3"}
    docs = await stored_documents(session_factory, request.id)
    assert [(d.file_id, d.media_group_id) for d in docs] == [
        ("rx-a", "album-1"),
        ("rx-b", "album-1"),
        ("rx-c", "album-1"),
    ]


async def test_unsupported_file_is_refused_and_pdf_accepted(member, session_factory):
    await _open_form(member, session_factory)
    await send_document(member, "prescription.zip", mime="application/zip")
    assert "I accept PDF, JPEG, PNG and HEIC" in member.text()
    assert "➡️ Next" not in member.buttons()
    await send_document(member, "huge.pdf", size=25 * 1024 * 1024)
    assert "larger than 20 MB" in member.text()
    await send_document(member, "prescription.pdf")
    assert "Documents attached: 1 of 20" in member.text()
    assert "I accept" not in member.text()

    await member.click("🗑 Remove the documents")
    assert "Documents attached" not in member.text()
    assert "➡️ Next" not in member.buttons()
    await send_document(member, "prescription.pdf")
    await member.click("➡️ Next")
    await member.send("Almaty, Abay Ave 10, flat 3")
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    [doc] = await stored_documents(session_factory, request.id)
    assert (doc.file_id, doc.file_unique_id, doc.kind) == (
        "file-prescription.pdf",
        "u-prescription.pdf",
        "document",
    )
    assert (doc.file_name, doc.mime_type, doc.file_size) == (
        "prescription.pdf",
        "application/pdf",
        200_000,
    )


async def test_photo_caption_becomes_the_list_and_home_address_from_db(member, session_factory):
    await _open_form(member, session_factory)
    async with session_factory.begin() as session:
        stored = (await session.execute(select(Member))).scalar_one()
        stored.home_address = HOME
    await _send_photo_with_caption(member, "rx-cap", "Metformin 850 mg")
    assert "Your list:\nMetformin 850 mg" in member.text()
    await member.click("➡️ Next")
    await member.click(f"🏠 Use {HOME}")
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert request.details == {"items": "Metformin 850 mg", "address": HOME}
    assert len(await stored_documents(session_factory, request.id)) == 1


async def test_digits_blank_text_or_a_sticker_is_not_a_list(member, session_factory):
    await _open_form(member, session_factory)
    sticker = Sticker(
        file_id="st",
        file_unique_id="u-st",
        type="regular",
        width=512,
        height=512,
        is_animated=False,
        is_video=False,
    )
    await _send(member, sticker=sticker)
    assert "I did not expect that here" in member.text()
    assert "Type the list of medicines" in member.text()
    await member.send("12345")
    assert "The list cannot be empty" in member.text()
    await member.send("   ")
    assert "The list cannot be empty" in member.text()
    assert "➡️ Next" not in member.buttons()


async def test_each_message_adds_to_the_list(member, session_factory):
    """People send one medicine a message: "Paracetamol", then "and ibuprofen". The second
    replaced the first, which was lost; now each adds its lines, one message counted once,
    without the "and" that joins it to the line before (`forms.list_line`)."""
    await _open_form(member, session_factory)
    await member.send("Paracetamol 500 mg × 20")
    await member.send("and Ibuprofen 200 mg")
    assert "Your list:\nParacetamol 500 mg × 20\nIbuprofen 200 mg" in member.text()
    await member.send("x" * 4080)  # the list would be longer than a message
    assert "The list would be longer than 4,096 characters" in member.text()
    await member.click("➡️ Next")
    await member.send("Kyiv, Khreshchatyk 1")
    assert "Medicines: Paracetamol 500 mg × 20\nIbuprofen 200 mg" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["items"] == "Paracetamol 500 mg × 20\nIbuprofen 200 mg"


async def test_a_message_delivered_twice_adds_its_line_once(member, session_factory):
    """Telegram hands an update over again when its handling was not acknowledged (a crash
    after the commit): the same message must not put its line in the list twice."""
    await _open_form(member, session_factory)
    message = Message(
        message_id=next(_ids),
        date=datetime(2026, 11, 22, 5, 0, tzinfo=UTC),
        chat=Chat(id=member.user.id, type="private"),
        from_user=member.user,
        text="Paracetamol 500 mg × 20",
    )
    for _ in range(2):
        update = Update(update_id=next(_ids), message=message)
        await member.dp.feed_update(member.client.bot, update)
    await member.send("Ibuprofen 200 mg")
    assert "Your list:\nParacetamol 500 mg × 20\nIbuprofen 200 mg\n" in member.text() + "\n"
    assert member.text().count("Paracetamol") == 1


async def test_that_s_all_typed_is_next_and_never_a_line_of_the_list(member, session_factory):
    """ "Готово" typed under the list was added to it as a medicine; a whole "that's all"
    (`forms.DONE_WORDS`) is now the press of "Next", and asks for the list while it is empty."""
    await _open_form(member, session_factory)
    await member.send("Готово")
    assert "Type the list of medicines" in member.text()
    assert "Your list" not in member.text()  # nothing added
    await member.send("Paracetamol 500 mg × 20")
    await member.send("that's all")
    assert "Where should we deliver the medicines?" in member.text()
    await member.send("Kyiv, Khreshchatyk 1")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["items"] == "Paracetamol 500 mg × 20"


@pytest.mark.parametrize(
    "typed", ["всё, спасибо", "больше ничего", "отправить", "це все, дякую", "спасибо", "ok"]
)
async def test_that_s_all_with_thanks_or_send_is_next(member, session_factory, typed):
    """ "всё, спасибо", "больше ничего", "отправить", a thank-you or an "ok" alone were added to
    the list as medicines."""
    await _open_form(member, session_factory)
    await member.send("Paracetamol 500 mg × 20")
    await member.send(typed)
    assert "Where should we deliver the medicines?" in member.text()
    await member.send("Kyiv, Khreshchatyk 1")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["items"] == "Paracetamol 500 mg × 20"


async def test_a_list_given_after_a_colon_is_the_list(member, session_factory):
    """ "ліки: нурофен 200 мг, 1 упаковка" on the menu offered the medicines, whose list step
    then asked for the list again: it is the list's first line, said so; more can be added."""
    await member_with_active_card(member, session_factory)
    await member.send("ліки: нурофен 200 мг, 1 упаковка")
    await member.click("📝 New request: 💊 Medicines")
    assert "📝 Noted as your list: add more, or press “Next”." in member.text()
    await member.send("Paracetamol 500 mg")
    await member.click("➡️ Next")
    await member.send(HOME)
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["items"] == "нурофен 200 мг, 1 упаковка\nParacetamol 500 mg"


@pytest.mark.parametrize(
    ("said", "listed"),
    [
        ("заказать инсулин", "инсулин"),
        ("нужны таблетки от давления", "таблетки от давления"),
        ("потрібен антибіотик для горла", "антибіотик для горла"),  # ("для": whom for, as a rule)
        ("болит горло, нужны таблетки от кашля", "таблетки от кашля"),
        # where drops go is part of their name, not where or whom they are for
        ("нужны капли в нос для сына", "капли в нос"),
        ("потрібні краплі для очей", "краплі для очей"),
        ("I need tablets for my throat", "tablets for my throat"),
        # by the names pharmacies sell them by, with the dose or how many typed after it
        ("нужен нурофен и но-шпа", "нурофен и но-шпа"),
        ("ибупрофен 400", "ибупрофен 400"),
        ("need paracetamol", "paracetamol"),
    ],
)
async def test_medicines_named_in_words_are_the_list_s_first_line(
    member, session_factory, said, listed
):
    """ "заказать инсулин" offered the medicines, whose list step then asked what medicines:
    the medicine named (by name, or a word for medicines with what it is for) is the list's
    first line, said so, as one after a colon is."""
    await member_with_active_card(member, session_factory)
    await member.send(said)
    await member.click("📝 New request: 💊 Medicines")
    assert "📝 Noted as your list: add more, or press “Next”." in member.text(), said
    await member.click("➡️ Next")
    await member.send(HOME)
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["items"] == listed


@pytest.mark.parametrize(
    "said", ["нужны лекарства", "купить лекарства по рецепту", "ліки на завтра"]
)
async def test_a_word_for_medicines_alone_is_no_line_of_the_list(member, session_factory, said):
    await member_with_active_card(member, session_factory)
    await member.send(said)
    await member.click("📝 New request: 💊 Medicines")
    assert "Noted as your list" not in member.text(), said


async def _medicines_again(member) -> None:
    """The medicines form opened again from the menu."""
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("💊 Medicines")


async def test_an_address_given_with_the_list_is_the_delivery_address(member, session_factory):
    """ "ліки для Софії: нурофен дитячий, аквамарис. доставка на Хрещатик 22, кв 5" kept the
    address as a line of the list, and the address step asked for it again: the address is
    the delivery address, said so, and its step is passed over; on the list step too, and in
    a prescription's caption. A day the delivery is asked for ("доставка на завтра") is no
    address."""
    await member_with_active_card(member, session_factory)
    await member.send("ліки: нурофен дитячий, аквамарис. доставка на Хрещатик 22, кв 5")
    await member.click("📝 New request: 💊 Medicines")
    assert (
        "📝 Noted as your list, and 🏠 Хрещатик 22, кв 5 as the address: add more, or press"
        in member.text()
    )
    await member.click("➡️ Next")
    assert "Address: Хрещатик 22, кв 5" in member.text()  # the summary, the step passed over
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["items"] == "нурофен дитячий, аквамарис"
    assert request.details["address"] == "Хрещатик 22, кв 5"

    await _medicines_again(member)
    await member.send("Paracetamol 500 mg, 2 packs, deliver to 5 Baker St, London, please")
    assert "🏠 5 Baker St, London: noted as the address." in member.text()
    await member.send("доставка на завтра")  # a day, no address: a line as any other
    await member.click("➡️ Next")
    assert "Address: 5 Baker St, London" in member.text()
    await member.click("✅ Send")
    second = (await stored_requests(session_factory))[-1]
    assert second.details["items"] == "Paracetamol 500 mg, 2 packs\nдоставка на завтра"
    assert second.details["address"] == "5 Baker St, London"

    await _medicines_again(member)
    await _send_photo_with_caption(member, "rx-1", "нурофен. адрес: Абая 10, кв 5")
    await member.click("➡️ Next")
    assert "Address: Абая 10, кв 5" in member.text()
    await member.click("✅ Send")
    third = (await stored_requests(session_factory))[-1]
    assert third.details["items"] == "нурофен"
    assert third.details["address"] == "Абая 10, кв 5"


async def test_an_address_named_in_words_is_the_one_saved(member, session_factory):
    """ "домой" on the address step was stored as the address, and so was "туда же": staff
    got a delivery to "домой". Home in words is the profile's home address, "the same" the last
    delivery's; with none saved, the member is asked to type it."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💊 Medicines")
    await member.send("Nurofen 200 mg")
    await member.click("➡️ Next")
    await member.send("домой, пожалуйста")
    assert "I do not have your home address yet. Please type it" in member.text()
    await member.send("туда же")
    assert "I have no earlier delivery address of yours yet" in member.text()
    await member.click("✖️ Cancel")
    await member.click("⬅️ Back")

    await _set_home_address_in_profile(member)
    office = "Kyiv, Lesi Ukrainky Blvd 10, office 4"
    for medicines, said, address in (
        ("Nurofen 200 mg", "додому", HOME),
        ("Paracetamol 500 mg", office, office),
        ("Aspirin 100 mg", "as last time", office),  # the last delivery's, not home
        # the profile's named ("на адрес из профиля" was stored as the address itself)
        ("Ibuprofen 400 mg", "на адрес из профиля", HOME),
    ):
        await member.click("📝 New request")
        await member.click("💊 Medicines")
        await member.send(medicines)
        await member.click("➡️ Next")
        await member.send(said)
        assert f"Address: {address}" in member.text(), said
        await member.click("✅ Send")
        await member.click("🏠 Main menu")
    sent = await stored_requests(session_factory)
    assert [r.details["address"] for r in sent] == [HOME, office, office, HOME]


async def test_the_list_changed_in_words(member, session_factory, clock):
    """ "убрать нурофен", "удалить последнее" and "очистить список" were added to the list as
    medicines: they change it."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💊 Medicines")
    for line in ("Нурофен, Аспирин", "Витамин D", "ещё парацетамол"):
        await member.send(line)
    # (the "ещё" joining the last line is left out: `forms.list_line`)
    assert "📝 Your list:\nНурофен, Аспирин\nВитамин D\nпарацетамол" in member.text()
    await member.send("убрать нурофен")
    await member.send("удалить последнее")
    assert "📝 Your list:\nАспирин\nВитамин D" in member.text()
    await member.send("убрать валидол")  # no such item: the list as it was
    assert "I found no such item in your list" in member.text()
    await member.send("очистить список")
    assert "📝 Your list" not in member.text()
    await member.send("Но-шпа")
    await member.click("➡️ Next")
    await member.send("Kyiv, Khreshchatyk 1, flat 5")
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.details["items"] == "Но-шпа"


async def test_the_prescription_named_is_asked_for_and_never_a_line(member, session_factory):
    """ "по рецепту" was stored as the list of medicines."""
    await _open_form(member, session_factory)
    await member.send("по рецепту")
    assert "Please send the prescription here as a photo or file" in member.text()
    assert "Your list" not in member.text()
    await send_photo(member, "rx-1")
    await member.send("рецепт приложила")
    assert "The prescription is attached. Add more, type the medicines" in member.text()
    assert "Your list" not in member.text()
    # the list said to be in the photo: no line of it either ("Your list: список в фото")
    for said in ("список в фото", "see the photo"):
        await member.send(said)
        assert "The prescription is attached" in member.text(), said
        assert "Your list" not in member.text(), said


async def test_a_line_that_names_whom_the_medicines_are_for_moves_the_request_to_their_card(
    member, session_factory
):
    """ "нурофен для Тараса" on the list was stored as a line, and the request went on the
    active card, the mother's: it goes on Taras's card (made the active one, as "👥 For another
    person" does, and said so), and the line is "нурофен"; "лекарства для ребенка" adds no
    line. A relative with no card here ("для мамы") is a line as typed."""
    child_id = await linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("💊 Medicines")
    await member.send("лекарства для ребенка")
    moved = "👤 This request is now made on the card of Taras Kovalenko (SIP-2026-0001)."
    assert moved in member.text()
    assert "Your list" not in member.text()
    assert "➡️ Next" not in member.buttons()
    async with session_factory() as session:
        stored = (await session.execute(select(Member))).scalar_one()
    assert stored.active_card_id == child_id
    await member.send("нурофен для Тараса")
    assert "Your list:\nнурофен\n" in member.text()
    await member.send("для мамы нурофен")
    assert "Your list:\nнурофен\nдля мамы нурофен" in member.text()
    await member.click("➡️ Next")
    await member.send("Хрещатик 22, кв 5, Київ")
    assert "👤 Insured person: Taras Kovalenko" in member.text()
    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert request.card_id == child_id
    assert request.details["items"] == "нурофен\nдля мамы нурофен"


async def test_who_asks_on_a_list_for_a_child_keeps_the_child_s_card(member, session_factory):
    """ "мне нужен нурофен" on a list opened for Taras ("👥 For another person") says who
    asks, not whom for: the request stays on his card, and the line is as typed."""
    child_id = await linked_family(member, session_factory)
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("👥 For another person")
    await member.click("Taras Kovalenko · SIP-2026-0001")
    await member.click("💊 Medicines")
    await member.send("мне нужен нурофен")
    assert "Your list:\nмне нужен нурофен" in member.text()
    assert "This request is now made on the card of" not in member.text()
    async with session_factory() as session:
        stored = (await session.execute(select(Member))).scalar_one()
    assert stored.active_card_id == child_id


async def test_a_voice_message_on_the_list_is_told_where_voice_messages_go(member, session_factory):
    """A voice message dictating the list was "I did not expect that here": a step takes none
    (a form's documents are photos and files), and the member is told to type the list and
    where support listens to voice messages; the step stays, with nothing added."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💊 Medicines")
    await send_voice(member, "list")
    assert "This step takes no voice message: please type your answer." in member.text()
    assert "“✉️ Write to support”" in member.text() and "“📋 My requests”" in member.text()
    assert "Type the list of medicines" in member.text()
    assert "➡️ Next" not in member.buttons()
