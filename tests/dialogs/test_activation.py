from datetime import date

from sqlalchemy import delete, select

from bot.factory import create_dispatcher
from bot.services.activation import ActivationRules, activate, insured_key
from storage.db import create_engine, create_session_factory
from storage.models import ActivationAttempt, CardLink, Member, Reminder
from tests.dialogs.harness import MemberClient
from tests.factories import make_member, make_person, make_policy


async def _card(session_factory, **policy_fields):
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0007", **policy_fields)
        person = await make_person(
            session,
            policy,
            insured_id="KZ-100001",
            full_name="Aigerim Serikova",
            phone=None,
            birth_date=policy_fields.pop("birth", date(1984, 3, 5)),
        )
        return person.id


async def _open_activation(member):
    await member.send("/start")
    await member.click("🪪 Activate by insured ID")
    assert "insured ID" in member.text()


async def test_activation_links_the_card(member, session_factory):
    card_id = await _card(session_factory)
    await _open_activation(member)
    await member.send("kz-100001")
    assert "date of birth" in member.text()
    await member.send("05/03/1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()
    async with session_factory() as session:
        stored = (await session.execute(select(Member))).scalar_one()
        link = (await session.execute(select(CardLink))).scalar_one()
    assert stored.active_card_id == card_id
    assert (link.card_id, link.via) == (card_id, "activation")


async def test_wrong_pair_gets_one_neutral_message_and_the_first_step_again(member):
    await _open_activation(member)
    await member.send("KZ-100001")
    await member.send("1984-03-05")
    text = member.text()
    assert "do not match our records" in text
    assert "4 attempts left" in text
    assert "Type your insured ID" in text  # the first step again


async def test_unreadable_date_is_asked_again(member, session_factory):
    await _card(session_factory)
    await _open_activation(member)
    await member.send("KZ-100001")
    await member.send("31.02.1984")
    assert "could not read that date" in member.text()
    assert "Now type your date of birth" in member.text()


async def test_lock_after_repeated_wrong_pairs_shows_the_unlock_time(member, session_factory):
    await _card(session_factory)
    await _open_activation(member)
    for _ in range(4):
        await member.send("KZ-100001")
        await member.send("01.01.2000")
        assert "do not match" in member.text()
    await member.send("KZ-100001")
    await member.send("01.01.2000")
    # clock: 10:00 Almaty; locked for an hour from the first failure
    assert "locked until 11:00 (Almaty time)" in member.text()


async def test_waiting_period_shows_exact_date_and_stores_reminder(member, session_factory):
    await _card(
        session_factory, contract_signed=date(2026, 11, 15), coverage_start=date(2026, 11, 30)
    )
    await _open_activation(member)
    await member.send("KZ-100001")
    await member.send("05.03.1984")
    assert "your card is linked" in member.text()
    assert "It opens after the waiting period, on November 30, 2026" in member.text()
    async with session_factory() as session:
        reminder = (await session.execute(select(Reminder))).scalar_one()
        assert (await session.execute(select(CardLink))).scalar_one().via == "activation"
    assert (reminder.kind, reminder.due_on) == ("activation_opens", date(2026, 11, 30))


async def test_date_picked_on_the_calendar(member, session_factory):
    async with session_factory.begin() as session:
        policy = await make_policy(session)
        await make_person(
            session,
            policy,
            insured_id="KZ-100009",
            full_name="Dana Serikova",
            relation="child",
            birth_date=date(2026, 11, 3),
            phone=None,
        )
    await _open_activation(member)
    await member.send("KZ-100009")
    await member.click("📅 Pick on the calendar")
    for decade in ("1990", "2000", "2010", "2020"):  # it opens on the 1980s
        await member.click(f"{decade} »")
    await member.click(r"\[ 2026 \]")
    await member.click(r"\[ November \]")
    await member.click("3")
    assert "(Dana Serikova) is linked and active" in member.text()


async def test_restart_mid_form_continues_at_the_same_step(
    member, session_factory, settings, clock, messages, db_url
):
    await _card(session_factory)
    await _open_activation(member)
    await member.send("KZ-100001")
    assert "date of birth" in member.text()

    # a new process: new engine, new dispatcher, same database
    engine = create_engine(db_url)
    dp, _ = create_dispatcher(
        settings, create_session_factory(engine), clock=clock, message_manager=messages
    )
    restarted = MemberClient(dp, messages)
    await restarted.send("05.03.1984")
    assert "is linked and active" in restarted.text()
    await engine.dispose()


async def test_strangers_wrong_pairs_do_not_lock_the_owner_out(
    member, session_factory, clock, settings
):
    """Five other accounts type the owner's insured ID with wrong dates; the owner then
    activates at once (only their own mistakes lock them)."""
    await _card(session_factory)
    async with session_factory.begin() as session:
        rules = ActivationRules()
        for n in range(rules.max_failures):
            stranger = await make_member(session, telegram_id=7000 + n)
            await activate(
                session,
                stranger,
                "KZ-100001",
                date(1990, 1, n + 1),
                clock(),
                settings.tz,
                rules,
                settings.activation_key(),
            )
    await _open_activation(member)
    await member.send("KZ-100001")
    await member.send("05.03.1984")
    assert "is linked and active" in member.text()


async def test_a_locked_out_member_is_offered_the_phone_path_and_support(member, session_factory):
    await _card(session_factory)
    await _open_activation(member)
    for _ in range(5):
        await member.send("KZ-100001")
        await member.send("01.01.2000")
    assert "Too many unsuccessful attempts from your account" in member.text()
    assert "locked until 11:00 (Almaty time)" in member.text()
    assert member.buttons() == ["📱 Confirm phone", "☎️ Support", "🏠 Main menu"]
    await member.click("📱 Confirm phone")
    assert member.reply_buttons()[0] == "📱 Share my phone number"


async def test_an_id_locked_by_many_accounts_says_so_in_the_members_language(
    build_dp, messages, session_factory, clock, settings
):
    await _card(session_factory)
    async with session_factory.begin() as session:
        rules = ActivationRules()
        for n in range(rules.max_failures_per_id):
            stranger = await make_member(session, telegram_id=7000 + n)
            await activate(
                session,
                stranger,
                "KZ-100001",
                date(1990, 1, n + 1),
                clock(),
                settings.tz,
                rules,
                settings.activation_key(),
            )
    member = MemberClient(build_dp(), messages, user_id=1002, language_code="ru")
    await member.send("/start")
    await member.click("🪪 Активировать по ID застрахованного")
    await member.send("KZ-100001")
    await member.send("05.03.1984")
    assert "С этим ID застрахованного было слишком много неудачных попыток" in member.text()
    assert member.buttons() == ["📱 Подтвердить телефон", "☎️ Поддержка", "🏠 Главное меню"]
    await member.click("☎️ Поддержка")
    assert "Поддержка" in member.text()
    async with session_factory() as session:
        assert (await session.execute(select(CardLink))).first() is None


async def test_a_date_of_birth_typed_with_the_month_s_name_or_a_short_year(member, session_factory):
    """ "5 березня 84" is the same date of birth as 05.03.1984, in whatever language the bot
    speaks to the member."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("KZ-100001")
    await member.send("5 березня 84")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()


async def test_the_insured_id_typed_without_its_dash_or_with_another_one_is_found(
    member, session_factory
):
    """The card says "KZ-100001"; people type "kz100001", "KZ 100001" or, on a phone that
    turns a hyphen into a dash, "KZ–100001". Each is that ID, and wrong guesses in any of
    these forms count against the one ID's limit."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("KZ–100001")  # an en dash
    await member.send("01.01.2000")
    assert "4 attempts left" in member.text()
    await member.send("kz 100001")
    await member.send("01.01.2001")
    assert "3 attempts left" in member.text()
    await member.send("kz100001")
    await member.send("05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()


async def test_an_id_that_two_cards_differ_from_only_in_separators_finds_neither(
    member, session_factory
):
    """ "A-1234" and "A1-234" both fold to "A1234": typed as "A1234", neither is taken."""
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0008")
        for insured_id in ("A-1234", "A1-234"):
            await make_person(session, policy, insured_id=insured_id, full_name="Twin",
                              phone=None, birth_date=date(1984, 3, 5))  # fmt: skip
    await _open_activation(member)
    await member.send("A1234")
    await member.send("05.03.1984")
    assert "do not match our records" in member.text()
    await member.send("A1-234")  # typed as on the card: found
    await member.send("05.03.1984")
    assert "Card SPH-2026-0008 (Twin) is linked and active" in member.text()


async def test_an_id_written_with_its_label_is_that_id(member, session_factory):
    """Copied from a letter or written as said: "ID: KZ-100001", "мой айди KZ-100001", "№
    KZ-100001". Each is the ID after the label; the attempts count against that ID, whatever
    the label (`insured_key`)."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("мой айди KZ-100001")
    await member.send("01.01.2000")
    assert "4 attempts left" in member.text()
    await member.send("№ KZ-100001")
    await member.send("01.01.2001")
    assert "3 attempts left" in member.text()
    await member.send("ID: KZ-100001")
    await member.send("05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()
    secret = b"s" * 32
    assert {
        insured_key(typed, secret)
        for typed in ("ID: KZ-100001", "мой айди KZ-100001", "№ KZ-100001", "kz 100001")
    } == {insured_key("KZ-100001", secret)}


async def test_an_id_that_begins_like_a_label_is_found_as_it_is(member, session_factory):
    """A registry may hold IDs such as "ID-2026-7" or "NO5501": typed as on the card, or as
    "NO 5501", nothing is taken off them."""
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0009")
        await make_person(session, policy, insured_id="NO5501", full_name="Nora",
                          phone=None, birth_date=date(1984, 3, 5))  # fmt: skip
        await make_person(session, policy, insured_id="ID-2026-7", full_name="Ida",
                          phone=None, birth_date=date(1990, 1, 2))  # fmt: skip
    await _open_activation(member)
    await member.send("NO 5501")
    await member.send("05.03.1984")
    assert "Card SPH-2026-0009 (Nora) is linked and active" in member.text()
    await member.send("/menu")
    await member.click("➕ Add a card by insured ID")
    await member.send("ID-2026-7")
    await member.send("02.01.1990")
    assert "Card SPH-2026-0009 (Ida)" in member.text()


async def test_the_id_and_the_date_of_birth_in_one_message_are_checked_together(
    member, session_factory
):
    """ "KZ-100001 05.03.1984" in one message was taken whole for the ID; the date asked next
    then met "do not match" and cost an attempt. Now the pair is checked at once, the date
    after the ID or before it, in figures or with the month's name."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("KZ-100001 01.01.2000")
    assert "do not match our records" in member.text()
    assert "4 attempts left" in member.text()  # one attempt, for one wrong pair
    await member.send("5 March 1984, kz 100001")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()


async def test_a_date_of_birth_typed_for_the_id_is_not_taken_for_one(member, session_factory):
    await _card(session_factory)
    await _open_activation(member)
    await member.send("05.03.1984")
    assert "This looks like a date of birth" in member.text()
    assert "Type your insured ID" in member.text()  # the same step
    await member.send("KZ-100001")
    assert "Insured ID: KZ-100001" in member.text()
    await member.send("05.03.1984")
    assert "is linked and active" in member.text()
    assert await _attempts(session_factory) == 1  # the date typed for the ID cost none


async def test_an_insured_id_typed_on_the_menu_starts_activation_with_it(member, session_factory):
    """A member with no card who types the ID (with the date of birth or not) on the welcome
    was told "Messages are not taken on this screen"; now activation goes on with it. The ID
    is shown back on the date step."""
    await _card(session_factory)
    await member.send("/start")
    await member.send("ID: KZ-100001")
    assert "<b>KZ-100001</b>" in member.html()
    assert "Now type your date of birth" in member.text()
    await member.send("05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()


async def test_an_id_typed_where_the_phone_found_no_card_starts_activation(member, session_factory):
    """The phone found no card and the screen offers activation by insured ID: the member
    types the ID there. That was "I did not expect that here"; it goes on to
    activation with it, as on the menu. Other words are offered to support, as on the menu."""
    await _card(session_factory)
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("+380 67 000 00 00")
    assert "no card registered to it" in member.text()
    await member.send("please help")
    assert "Send this to support?" in member.text()
    assert "✉️ Send it to support" in member.buttons()
    await member.send("kz-100001")
    assert "<b>kz-100001</b>" in member.html()
    assert "Now type your date of birth" in member.text()
    await member.send("05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()


async def test_a_question_typed_after_activation_is_offered_to_support(member, session_factory):
    """ "Card … is linked and active" asks nothing: a question typed there is kept for support,
    as on the menu (it was "I did not expect that here")."""
    await _card(session_factory)
    await member.send("/start")
    await member.send("KZ-100001 05.03.1984")
    assert "is linked and active" in member.text()
    await member.send("Does it cover dentistry?")
    assert "Send this to support?" in member.text()
    assert member.buttons()[0] == "✉️ Send it to support"


async def test_an_id_with_the_date_typed_on_the_menu_is_checked_at_once(member, session_factory):
    await _card(session_factory)
    await member.send("/start")
    await member.send("KZ-100001 01.01.2000")
    assert "do not match our records" in member.text()
    assert "Type your insured ID" in member.text()
    await member.send("/start")
    await member.send("05.03.1984 KZ-100001")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()
    # with a card, the menu takes no ID alone (it may be a question's): "Add a card" does
    await member.send("/menu")
    await member.send("KZ-100002")
    assert "I could not tell what to do with this myself" in member.text()


async def test_with_a_card_an_id_and_date_typed_on_the_menu_add_that_card(member, session_factory):
    """A member with a card who types another insured ID with its date of birth on the menu
    (a child's, as "Add a card by insured ID" asks) adds it: the pair was kept for support."""
    await _card(session_factory)
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0008")
        await make_person(
            session, policy, insured_id="KZ-100002", full_name="Dana Serikova",
            relation="child", phone=None, birth_date=date(2015, 2, 1),
        )  # fmt: skip
    await _open_activation(member)
    await member.send("KZ-100001 05.03.1984")
    await member.send("/menu")
    await member.send("KZ-100002 01.02.2015")
    assert "Card SPH-2026-0008 (Dana Serikova) is linked and active" in member.text()
    async with session_factory() as session:
        assert len((await session.execute(select(CardLink))).all()) == 2


async def _attempts(session_factory):
    async with session_factory() as session:
        return len((await session.execute(select(ActivationAttempt))).scalars().all())


async def test_the_id_typed_again_with_the_date_on_the_date_step_is_taken(member, session_factory):
    """Asked for the date, a member types both again ("KZ-100001 05.03.1984"): it was "could
    not read that date"; now the pair is checked, the ID as typed now."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("KZ-100002")  # a typo
    assert "Insured ID: KZ-100002" in member.text()
    await member.send("KZ-100001 05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()
    assert await _attempts(session_factory) == 1


async def test_an_id_typed_on_a_cyrillic_keyboard_is_found(member, session_factory):
    """IDs are Latin; a member on a Russian or Kazakh keyboard types "кз-100001" (the country
    as it is said) or "ЛЯ100001" (the same keys in the Cyrillic layout). Both were "do not
    match our records", costing an attempt each; both are KZ-100001."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("кз-100001 05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()
    await member.send("/menu")
    await member.click("➕ Add a card by insured ID")
    await member.send("ЛЯ100001")
    await member.send("05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()
    async with session_factory() as session:
        results = (await session.execute(select(ActivationAttempt.succeeded))).scalars().all()
    assert results == [True, True]  # no wrong attempt counted


async def test_a_request_named_after_activation_is_offered(member, session_factory):
    """ "ертең кардиологқа жазылу керек" typed on "Card … is linked and active" was "Messages
    are not taken on this screen", with only "Send it to support", while the menu offered the
    request it names. Every screen that asks nothing offers it: one press to the form."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("kz-100001")
    await member.send("05/03/1984")
    await member.send("ертең кардиологқа жазылу керек")
    assert "Is this a new request? Tap “📝 New request: 🩺 Doctor appointment · Cardiologist”" in (
        member.text()
    )
    assert member.buttons()[:2] == [
        "✉️ Send it to support",
        "📝 New request: 🩺 Doctor appointment · Cardiologist",
    ]
    await member.click("📝 New request: 🩺 Doctor appointment · Cardiologist")
    assert "In which city?" in member.text()


async def test_a_date_of_birth_said_with_its_name_is_read(member, session_factory):
    """ "дата рождения 05.03.1984" on the date step was "I could not read that date"."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("KZ-100001")
    await member.send("Дата рождения: 05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()


async def test_words_typed_for_the_insured_id_are_not_taken_for_one(member, session_factory):
    """ "не знаю", "у меня нет карты" or "Здравствуйте" on the ID step were taken as the ID:
    the date of birth asked next then cost an attempt on a pair that could never match. An ID
    has digits; the step says so, and where else to go."""
    await _card(session_factory)
    await _open_activation(member)
    for typed in ("не знаю", "у меня нет карты", "Здравствуйте"):
        await member.send(typed)
        assert "An insured ID has digits in it" in member.text(), typed
        assert "date of birth" not in member.text()
    assert await _attempts(session_factory) == 0
    # a label members write before it, their IIN's too, is left out
    await member.send("мой ИИН KZ-100001")
    assert "Insured ID: KZ-100001." in member.text()
    await member.send("050384")  # the date of birth in six digits, as forms are filled in
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()


async def test_the_id_and_the_date_of_birth_typed_with_their_labels_link_the_card(
    member, session_factory
):
    """ "мой ИИН …, дата рождения 05.03.1984" was "An insured ID has 3 to 64 letters or
    digits", and "дата рождения: 05.03.1984" on its own step "I could not read that date"."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("мой ИИН KZ-100001, дата рождения 05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()

    await member.send("/menu")
    async with session_factory.begin() as session:
        await session.execute(delete(CardLink))
    await _open_activation(member)
    await member.send("KZ-100001")
    await member.send("дата рождения: 05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()

    # in Kazakh, on the menu: "…: messages are not taken on this screen"
    await member.send("/menu")
    async with session_factory.begin() as session:
        await session.execute(delete(CardLink))
    await member.send("/menu")
    await member.send("менің ID нөмірім KZ-100001, туған күнім 5 наурыз 1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()


async def test_an_id_and_date_said_with_a_greeting_on_the_menu_are_checked(member, session_factory):
    """ "Здравствуйте! Мой ID KZ-100001, дата рождения 05.03.1984" on the menu was "I could not
    tell what to do with this": the greeting before it hid the ID. It is checked as the pair
    alone is; "my ID is …" too."""
    await _card(session_factory)
    for typed, told in (
        ("Hello! My ID is KZ-100001, DOB 01.01.2000", "do not match our records"),
        ("Сәлеметсіз бе, менің ID нөмірім KZ-100001, туған күнім 02.01.2000", "do not match"),
        (
            "Здравствуйте! Мой ID KZ-100001, дата рождения 05.03.1984",
            "Card SPH-2026-0007 (Aigerim Serikova) is linked and active",
        ),
    ):
        await member.send("/start")
        await member.send(typed)
        assert told in member.text(), typed
    async with session_factory() as session:
        assert len((await session.execute(select(CardLink))).all()) == 1


async def test_an_id_typed_with_a_greeting_on_its_own_step_is_the_id(member, session_factory):
    """ "Добрый день, KZ-100001" where the ID is asked was "this does not look like an insured
    ID": the greeting was read as part of it. It is the ID, asked its date of birth next."""
    await _card(session_factory)
    await _open_activation(member)
    await member.send("Добрый день, KZ-100001")
    assert "Insured ID: KZ-100001" in member.text()
    await member.send("05.03.1984")
    assert "Card SPH-2026-0007 (Aigerim Serikova) is linked and active" in member.text()
