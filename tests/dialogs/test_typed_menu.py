"""The menu's buttons typed rather than pressed ("мои заявки", "профиль", "help"): each opens
its screen, in any of the bot's languages, as its button does; only those the menu shows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Member, RequestEvent
from tests.dialogs.requests_helpers import member_with_active_card, stored_requests


@pytest.mark.parametrize(
    ("typed", "screen"),
    [
        ("мои заявки", "You have no requests yet"),
        ("Мої заявки, будь ласка", "You have no requests yet"),
        ("менің өтініштерім", "You have no requests yet"),
        ("новая заявка", "What do you need?"),
        ("my cards", "Your insurance cards (1)"),
        ("профиль", "Full name: Olena Kovalenko"),
        ("поддержка", "Call centre"),
        ("поменять язык", "Choose your language"),
        ("помощь", "/mydata"),
        ("добавить карту", "Type your insured ID"),
        # a screen as members ask to see it: the policy, its number; support's numbers
        ("где мой полис?", "Your insurance cards (1)"),
        ("покажите мою карту", "Your insurance cards (1)"),
        ("мій номер поліса", "Your insurance cards (1)"),
        ("show my policy", "Your insurance cards (1)"),
        ("телефон поддержки", "24/7 dispatcher line"),
        ("номер диспетчера", "24/7 dispatcher line"),
        ("гаряча лінія", "24/7 dispatcher line"),
        # a question support's screen answers: its hours, how to reach it (each was offered
        # to support as a question, "I cannot answer that myself")
        ("до скольки вы работаете?", "24/7 dispatcher line"),
        ("ви працюєте сьогодні?", "24/7 dispatcher line"),
        ("what are your working hours?", "24/7 dispatcher line"),
        ("как связаться с оператором?", "24/7 dispatcher line"),
        ("номер телефона горячей линии", "24/7 dispatcher line"),
        ("есть ли у вас e-mail?", "24/7 dispatcher line"),
        # a person asked for, not the bot ("I could not tell what to do with this")
        ("I want to talk to a human", "24/7 dispatcher line"),
        ("I want to speak to a human", "24/7 dispatcher line"),
        ("I want to see my cards", "Your insurance cards (1)"),
        ("Можно поговорить с живым человеком?", "24/7 dispatcher line"),
        ("хочу поговорити з оператором", "24/7 dispatcher line"),
        ("оператормен сөйлесу", "24/7 dispatcher line"),
        ("I want to talk to an operator", "24/7 dispatcher line"),
        ("Оператормен сөйлескім келеді", "24/7 dispatcher line"),
        # asked how it is done: the screen that does it ("…: I cannot answer that myself")
        ("как добавить ребенка?", "Type your insured ID"),
        ("как поменять язык?", "Choose your language"),
        ("how to add a card?", "Type your insured ID"),
        ("як додати картку?", "Type your insured ID"),
    ],
)
async def test_a_menu_button_typed_opens_its_screen(member, session_factory, typed, screen):
    """ "мои заявки", "профиль" or "помощь" typed on the menu was "Messages are not taken on
    this screen", though the menu's buttons say just that."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert screen in member.text(), typed
    assert "I could not tell what to do with this" not in member.text()


@pytest.mark.parametrize(
    "typed",
    [
        "вы можете мне перезвонить?",
        "у вас есть стоматолог в Алматы?",
        "мой номер телефона изменился",
    ],
)
async def test_what_only_mentions_support_or_a_phone_does_not_open_support(
    member, session_factory, typed
):
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert "24/7 dispatcher line" not in member.text(), typed


async def test_a_button_the_menu_does_not_show_is_not_taken(member):
    """With no card the menu shows no "My requests": typed, it is kept for support as any
    message, and no screen of requests opens."""
    await member.send("/start")
    await member.send("мои заявки")
    assert "Send this to support?" in member.text()
    assert "You have no requests yet" not in member.text()
    await member.send("подтвердить телефон")
    assert "Share my phone number" in member.text()


async def _call_back_sent(member, session_factory) -> None:
    """A member with a card who has just sent a call-back: on "Request sent"."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🕘 Any time")
    await member.send("About my limits")
    await member.click("✅ Send")


async def test_a_menu_button_typed_under_request_sent_opens_its_screen(member, session_factory):
    """ "мои заявки" typed on "Request sent" a moment after it was a line for support on the
    new request (a message a moment after a request goes to it): a menu button's words are the
    button, wherever a screen asks nothing."""
    await _call_back_sent(member, session_factory)
    assert "is sent" in member.text()
    await member.send("мои заявки")
    assert "R-000001 · 📞 Call-back · 🆕 new" in member.buttons()
    async with session_factory() as session:
        lines = (await session.execute(select(RequestEvent.comment))).scalars().all()
    assert "мои заявки" not in lines
    await member.send("помощь")  # from the list of requests: the help screen, over the menu
    assert "/mydata" in member.text()
    await member.click("⬅️ Back")
    assert "Active card: SIP-2026-0001" in member.text()


@pytest.mark.parametrize(
    ("typed", "code", "menu"),
    [
        ("на русском", "ru", "Новая заявка"),
        ("говорите по-украински", "uk", "Нова заявка"),
        ("можна українською?", "uk", "Нова заявка"),
        ("қазақша", "kk", "Жаңа өтініш"),
        # the verb last, as Kazakh says it ("…: messages are not taken on this screen")
        ("қазақша сөйлесейік", "kk", "Жаңа өтініш"),
        ("орыс тілінде жазыңызшы", "ru", "Новая заявка"),
        ("на русском, пожалуйста", "ru", "Новая заявка"),
        ("вы говорите по-английски?", "en", "New request"),
        ("а на казахском?", "kk", "Жаңа өтініш"),
        ("Здравствуйте! Можно на русском?", "ru", "Новая заявка"),  # a greeting first
        # the language to change to named ("…: I could not tell what to do with this")
        ("хочу поменять язык на казахский", "kk", "Жаңа өтініш"),
        ("змініть мову на українську", "uk", "Нова заявка"),
        ("тілді орысшаға ауыстырыңыз", "ru", "Новая заявка"),
    ],
)
async def test_a_language_asked_for_on_the_menu_is_spoken(
    member, session_factory, typed, code, menu
):
    """ "на русском" on the menu was "Messages are not taken on this screen": the bot speaks
    it now, as if picked on /language, and remembers it."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert any(menu in button for button in member.buttons()), typed
    async with session_factory() as session:
        assert (await session.execute(select(Member.language))).scalar_one() == code


@pytest.mark.parametrize(
    "typed", ["Hallo, sprechen Sie Deutsch?", "по-узбекски можно?", "Do you speak Polish?"]
)
async def test_a_language_the_bot_does_not_speak_is_answered_with_those_it_does(
    member, session_factory, typed
):
    """ "Sprechen Sie Deutsch?" got "I cannot answer that myself; support can": the bot says
    which languages it speaks, and how to choose one; nothing is kept for support, and the
    language stays."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert (
        "🌐 Sorry, I speak only Ukrainian, Russian, Kazakh and English. To choose one: /language."
        in member.text()
    )
    assert "✉️ Send it to support" not in member.buttons()
    async with session_factory() as session:
        assert (await session.execute(select(Member.language))).scalar_one() == "en"


async def test_the_language_spoken_already_is_said_so(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.send("English please")
    assert "We are speaking English already" in member.text()
    assert "✉️ Send it to support" not in member.buttons()


async def test_another_request_or_a_cancel_typed_under_request_sent(member, session_factory):
    """ "ещё одну" and "хочу отменить" a moment after a request were lines for support on it
    (a message a moment after a request goes to it): another request is the chooser, and a
    cancel asked is the request's "Cancel request …?"."""
    await _call_back_sent(member, session_factory)
    await member.send("ещё одну")
    assert "What do you need?" in member.text()
    await member.send("/menu")
    await member.send("хочу отменить")
    assert "Cancel request R-000001?" in member.text()
    await member.send("да")
    [request] = await stored_requests(session_factory)
    assert request.status == "cancelled"
    async with session_factory() as session:
        lines = (await session.execute(select(RequestEvent.comment))).scalars().all()
    assert "ещё одну" not in lines and "хочу отменить" not in lines


async def test_where_a_request_is_asked_a_moment_after_it_opens_its_page(member, session_factory):
    """ "где моя заявка?" a moment after a request went to support as a line on it, for them
    to answer what its page says: it opens the request's page, with its status; a message
    saying more is still a line on it."""
    await _call_back_sent(member, session_factory)
    for typed in ("где моя заявка?", "when will you call me?"):
        await member.send(typed)
        assert "R-000001 · 📞 Call-back" in member.text(), typed
        assert "Status: 🆕 new" in member.text(), typed
        await member.send("/menu")
    await member.send("забыла сказать: лучше после обеда")
    async with session_factory() as session:
        lines = (await session.execute(select(RequestEvent.comment))).scalars().all()
    assert "забыла сказать: лучше после обеда" in lines
    assert "где моя заявка?" not in lines and "when will you call me?" not in lines


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("покажи электронную карту", "💳 Your insurance cards"),
        ("e-card", "💳 Your insurance cards"),  # was "Doctor appointment · Cardiologist"
        ("QR-код", "💳 Your insurance cards"),
        # the card lost or left at home: the cards, whose e-card is shown at the clinic
        ("я потеряла карту", "💳 Your insurance cards"),
        ("lost my insurance card", "💳 Your insurance cards"),
        ("картамды жоғалттым", "💳 Your insurance cards"),
        ("удалить мои данные", "🔐 What the bot stores about you"),
        ("delete my account", "🔐 What the bot stores about you"),
        ("мой профиль", "👤 Profile"),
        # the label of "🔐 My data" in Russian: that screen (it opened the profile)
        ("мои данные", "🔐 What the bot stores about you"),
    ],
)
async def test_the_e_card_and_the_stored_data_asked_for_open_their_screens(
    member, session_factory, typed: str, shown: str
):
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert shown in member.text()


async def test_a_command_with_a_capital_first_letter_is_taken(member, session_factory):
    """A phone's keyboard makes the first letter a capital: "/Menu" was "I don't know that
    command", and the screen stayed."""
    await member_with_active_card(member, session_factory)
    await member.click("👤 Profile")
    await member.send("/Menu")
    assert "👋 Hello, Olena!" in member.text()


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        # erasing what the bot stores, in words of one's own: "🔐 My data", whose "Delete" asks
        ("удалите мои данные", "🔐 What the bot stores about you"),
        ("видаліть, будь ласка, всі мої дані", "🔐 What the bot stores about you"),
        ("please delete all my data", "🔐 What the bot stores about you"),
        ("деректерімді өшіріңіз", "🔐 What the bot stores about you"),
        # how to use the bot, what it can do: the help
        ("как пользоваться ботом?", "/mydata"),
        ("що вміє цей бот?", "/mydata"),
        ("what can you do?", "/mydata"),
        ("бот не істей алады?", "/mydata"),  # (the Kazakh "не" asks what: no "not")
        # a number changed: the profile's "Change phone number", which asks for the new one
        ("мой номер телефона изменился", "If it has changed, tap “📱 Share my phone number”"),
        ("у мене тепер інший номер", "If it has changed, tap “📱 Share my phone number”"),
        ("I changed my phone number", "If it has changed, tap “📱 Share my phone number”"),
        # the policy asked to be sent: the cards, whose "Show my card" sends it (no e-mail)
        ("пришлите полис на почту", "💳 Your insurance cards"),
        ("send me my insurance card", "💳 Your insurance cards"),
    ],
)
async def test_a_screen_asked_for_in_words_of_one_s_own_opens(
    member, session_factory, typed: str, shown: str
):
    """ "удалите мои данные", "как пользоваться ботом?" and "мой номер телефона изменился"
    were "I could not tell what to do with this" (a moment after a request, a line on it for
    support): the words matched no menu item's name alone. They open the stored data, the help
    and the number's change."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert shown in member.text()
    assert "Send this to support?" not in member.text()


@pytest.mark.parametrize(
    "typed", ["что с моей заявкой?", "що з моїм запитом?", "what happened to my request?"]
)
async def test_what_became_of_a_request_asked_a_moment_after_opens_its_page(
    member, session_factory, typed
):
    """ "что с моей заявкой?" a moment after a call-back was sent went to support as a line on
    it, as "где моя заявка?" no longer does: it opens the request's page, with its status."""
    await _call_back_sent(member, session_factory)
    await member.send(typed)
    assert "R-000001 · 📞 Call-back" in member.text()
    assert "Status: 🆕 new" in member.text()
    async with session_factory() as session:
        lines = (await session.execute(select(RequestEvent.comment))).scalars().all()
    assert typed not in lines
