import asyncio
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.services.activation import (
    ActivationRules,
    LockScope,
    Outcome,
    activate,
    activation_opens_on,
    fold_insured_id,
    looks_like_insured_id,
    read_birth_date,
    split_birth_date,
)
from storage.models import ActivationAttempt, CardLink, Reminder
from tests.factories import make_member, make_person, make_policy

TZ = ZoneInfo("Asia/Almaty")
RULES = ActivationRules()
SECRET = b"test-secret"
NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)  # 10:00 in Almaty


@pytest.mark.parametrize(
    ("holder_type", "signed", "opens"),
    [
        ("individual", date(2026, 11, 15), date(2026, 11, 30)),
        ("corporate", date(2026, 11, 21), date(2026, 11, 24)),
        ("individual", date(2026, 12, 20), date(2027, 1, 4)),
        ("corporate", date(2024, 2, 27), date(2024, 3, 1)),  # leap year
    ],
)
async def test_waiting_period_date_is_exact_for_both_holder_types(
    session, holder_type, signed, opens
):
    policy = await make_policy(session, holder_type=holder_type, contract_signed=signed)
    assert activation_opens_on(policy, RULES) == opens


async def test_correct_pair_links_card_and_makes_it_active(session):
    policy = await make_policy(session)
    person = await make_person(session, policy, insured_id="KZ-100001")
    member = await make_member(session)
    result = await activate(
        session, member, " kz-100001 ", date(1984, 3, 5), NOW, TZ, RULES, SECRET
    )
    assert result.outcome is Outcome.LINKED
    assert member.active_card_id == person.id
    links = (await session.execute(select(CardLink))).scalars().all()
    assert [(link.card_id, link.via) for link in links] == [(person.id, "activation")]
    assert member.full_name == "Olena Kovalenko"


async def test_wrong_pair_is_neutral_and_counts_down(session):
    policy = await make_policy(session)
    await make_person(session, policy, insured_id="KZ-100001")
    member = await make_member(session)
    wrong_date = await activate(
        session, member, "KZ-100001", date(1984, 3, 6), NOW, TZ, RULES, SECRET
    )
    wrong_id = await activate(
        session, member, "KZ-999999", date(1984, 3, 5), NOW, TZ, RULES, SECRET
    )
    # the same answer whichever half was wrong
    assert wrong_date.outcome is wrong_id.outcome is Outcome.WRONG
    assert (wrong_date.attempts_left, wrong_id.attempts_left) == (4, 3)
    assert member.active_card_id is None


async def test_lock_after_five_failures_shows_unlock_time_and_refuses_even_right_pair(session):
    policy = await make_policy(session)
    await make_person(session, policy, insured_id="KZ-100001")
    member = await make_member(session)
    results = []
    for minute in range(5):
        at = NOW + timedelta(minutes=minute)
        results.append(
            await activate(session, member, "KZ-100001", date(2000, 1, 1), at, TZ, RULES, SECRET)
        )
    assert [r.outcome for r in results] == [Outcome.WRONG] * 4 + [Outcome.LOCKED]
    assert results[-1].locked_until == NOW + timedelta(hours=1)
    right = await activate(
        session,
        member,
        "KZ-100001",
        date(1984, 3, 5),
        NOW + timedelta(minutes=30),
        TZ,
        RULES,
        SECRET,
    )
    assert right.outcome is Outcome.LOCKED
    after = await activate(
        session,
        member,
        "KZ-100001",
        date(1984, 3, 5),
        NOW + timedelta(hours=1, seconds=1),
        TZ,
        RULES,
        SECRET,
    )
    assert after.outcome is Outcome.LINKED


async def test_five_strangers_wrong_pairs_do_not_lock_the_owner_out(session):
    policy = await make_policy(session)
    await make_person(session, policy, insured_id="KZ-100001")
    for n in range(RULES.max_failures):
        guesser = await make_member(session, telegram_id=5000 + n)
        await activate(session, guesser, "KZ-100001", date(1990, 1, n + 1), NOW, TZ, RULES, SECRET)
    owner = await make_member(session, telegram_id=42)
    result = await activate(session, owner, "KZ-100001", date(1984, 3, 5), NOW, TZ, RULES, SECRET)
    assert result.outcome is Outcome.LINKED


async def test_the_id_ceiling_across_accounts_stops_distributed_guessing(session):
    policy = await make_policy(session)
    await make_person(session, policy, insured_id="KZ-100001")
    outcomes = []
    for n in range(RULES.max_failures_per_id + 1):
        guesser = await make_member(session, telegram_id=5000 + n)
        at = NOW + timedelta(minutes=1)
        result = await activate(
            session, guesser, "KZ-100001", date(1990, 1, n + 1), at, TZ, RULES, SECRET
        )
        outcomes.append((result.outcome, result.lock))
    # the 20th wrong pair reaches the ceiling; from then on the ID is closed to everyone new
    assert outcomes[: RULES.max_failures_per_id - 1] == [(Outcome.WRONG, None)] * 19
    assert outcomes[-2:] == [(Outcome.LOCKED, LockScope.INSURED_ID)] * 2
    newcomer = await make_member(session, telegram_id=42)
    right = await activate(session, newcomer, "KZ-100001", date(1984, 3, 5), NOW, TZ, RULES, SECRET)
    assert (right.outcome, right.lock) == (Outcome.LOCKED, LockScope.INSURED_ID)
    assert right.locked_until == NOW + timedelta(hours=1, minutes=1)
    failures = (await session.scalars(select(ActivationAttempt))).all()
    assert len(failures) == RULES.max_failures_per_id  # nothing checked past the ceiling


async def test_an_owner_who_proved_the_pair_is_not_held_by_the_id_ceiling(session):
    """The owner gave the right pair in the waiting period; strangers then flood the ID; on the
    opening day the owner still activates."""
    policy = await make_policy(
        session, contract_signed=date(2026, 11, 15), coverage_start=date(2026, 11, 30)
    )
    await make_person(session, policy, insured_id="KZ-100002")
    owner = await make_member(session, telegram_id=42)
    first = await activate(session, owner, "KZ-100002", date(1984, 3, 5), NOW, TZ, RULES, SECRET)
    assert first.outcome is Outcome.WAITING
    opening = datetime(2026, 11, 30, 5, 0, tzinfo=UTC)
    for n in range(RULES.max_failures_per_id):
        guesser = await make_member(session, telegram_id=5000 + n)
        await activate(
            session, guesser, "KZ-100002", date(1990, 1, n + 1), opening, TZ, RULES, SECRET
        )
    stranger = await make_member(session, telegram_id=77)
    refused = await activate(
        session, stranger, "KZ-100002", date(1984, 3, 5), opening, TZ, RULES, SECRET
    )
    assert refused.lock is LockScope.INSURED_ID
    result = await activate(
        session, owner, "KZ-100002", date(1984, 3, 5), opening, TZ, RULES, SECRET
    )
    assert result.outcome is Outcome.LINKED


async def test_attempt_log_never_holds_the_typed_id(session):
    member = await make_member(session)
    await activate(session, member, "KZ-555555", date(1990, 1, 1), NOW, TZ, RULES, SECRET)
    attempt = (await session.execute(select(ActivationAttempt))).scalar_one()
    assert "555555" not in attempt.insured_key
    assert len(attempt.insured_key) == 64


async def test_waiting_period_stores_reminder_and_links_the_card(session):
    policy = await make_policy(
        session, contract_signed=date(2026, 11, 15), coverage_start=date(2026, 11, 30)
    )
    person = await make_person(session, policy, insured_id="KZ-100002")
    member = await make_member(session)
    result = await activate(session, member, "KZ-100002", date(1984, 3, 5), NOW, TZ, RULES, SECRET)
    assert result.outcome is Outcome.WAITING
    assert result.opens_on == date(2026, 11, 30)
    reminder = (await session.execute(select(Reminder))).scalar_one()
    assert (reminder.member_id, reminder.kind, reminder.card_id, reminder.due_on) == (
        member.id,
        "activation_opens",
        person.id,
        date(2026, 11, 30),
    )
    # linked as the phone links it (issue 15, item 4); it opens on the date above
    link = (await session.execute(select(CardLink))).scalar_one()
    assert (link.member_id, link.card_id, link.via) == (member.id, person.id, "activation")
    # asking again does not create a second reminder
    await activate(session, member, "KZ-100002", date(1984, 3, 5), NOW, TZ, RULES, SECRET)
    assert len((await session.execute(select(Reminder))).all()) == 1


async def test_waiting_period_ends_on_the_opening_day_in_insurer_time(session):
    policy = await make_policy(session, holder_type="corporate", contract_signed=date(2026, 11, 19))
    await make_person(session, policy, insured_id="KZ-100003")
    member = await make_member(session)
    # 2026-11-21 20:30 UTC is already 2026-11-22 01:30 in Almaty: the opening day
    late = datetime(2026, 11, 21, 20, 30, tzinfo=UTC)
    result = await activate(session, member, "KZ-100003", date(1984, 3, 5), late, TZ, RULES, SECRET)
    assert result.outcome is Outcome.LINKED


@pytest.mark.parametrize("ceiling", [5, 20])
async def test_guesses_sent_at_once_are_checked_one_after_another(session_factory, db_url, ceiling):
    """Thirty accounts guess one insured ID at the same instant, on SQLite and PostgreSQL: no
    more wrong pairs than the ID's limit are checked; every guess after them is refused."""
    rules = ActivationRules(max_failures_per_id=ceiling)
    async with session_factory() as session:
        policy = await make_policy(session)
        await make_person(session, policy, insured_id="KZ-100001", birth_date=date(1984, 3, 5))
        guessers = [await make_member(session, telegram_id=6000 + n) for n in range(30)]
        await session.commit()

    async def guess(n: int) -> Outcome:
        async with session_factory() as session:
            born = date(1990, 1, 1) + timedelta(days=n)
            result = await activate(session, guessers[n], "KZ-100001", born, NOW, TZ, rules, SECRET)
            await session.commit()
            return result.outcome

    outcomes = await asyncio.gather(*(guess(n) for n in range(30)))
    # the limit's last failure already answers "locked"
    assert outcomes.count(Outcome.WRONG) == ceiling - 1, outcomes
    assert outcomes.count(Outcome.LOCKED) == 30 - (ceiling - 1), outcomes
    async with session_factory() as session:
        failures = (
            await session.scalars(select(ActivationAttempt).where(~ActivationAttempt.succeeded))
        ).all()
        assert len(failures) == ceiling


async def test_one_account_guessing_many_ids_at_once_is_held_to_its_limit(session_factory):
    async with session_factory() as session:
        guesser = await make_member(session, telegram_id=6100)
        await session.commit()

    async def guess(n: int) -> Outcome:
        async with session_factory() as session:
            result = await activate(
                session, guesser, f"KZ-9{n:05d}", date(1990, 1, 1), NOW, TZ, RULES, SECRET
            )
            await session.commit()
            return result.outcome

    outcomes = await asyncio.gather(*(guess(n) for n in range(30)))
    assert outcomes.count(Outcome.WRONG) == RULES.max_failures - 1, outcomes
    async with session_factory() as session:
        assert len((await session.scalars(select(ActivationAttempt))).all()) == RULES.max_failures


TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("KZ-100003 25.06.1993", ("KZ-100003", date(1993, 6, 25))),
        ("KZ-100003, 25 June 1993", ("KZ-100003", date(1993, 6, 25))),
        ("25 маусым 1993 KZ-100003", ("KZ-100003", date(1993, 6, 25))),
        ("ID: UA 200201\n04/04/1991", ("ID: UA 200201", date(1991, 4, 4))),
        ("KZ-100003", ("KZ-100003", None)),
        # a date in figures alone may be the end of an ID
        ("KZ 04041991", ("KZ 04041991", None)),
        # what is left must have a digit to be an ID
        ("born 25.06.1993", ("born 25.06.1993", None)),
        # a date to come is no date of birth
        ("KZ-100003 25.06.2030", ("KZ-100003 25.06.2030", None)),
        # the date's label left out, after the ID or before the date
        (
            "мой ИИН 860305400123, дата рождения 05.03.1984",
            ("мой ИИН 860305400123", date(1984, 3, 5)),
        ),
        ("DOB 5 March 1984, KZ-100003", ("KZ-100003", date(1984, 3, 5))),
        ("KZ-100003 д.р. 05.03.1984", ("KZ-100003", date(1984, 3, 5))),
    ],
)
def test_the_date_of_birth_typed_with_the_id_is_split_off(typed, expected):
    assert split_birth_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "born"),
    [
        ("дата рождения: 05.03.1984", date(1984, 3, 5)),
        ("дата народження 5 березня 1984", date(1984, 3, 5)),
        ("DOB 05/03/1984", date(1984, 3, 5)),
        ("05.03.1984", date(1984, 3, 5)),
        ("дата рождения", None),
    ],
)
def test_a_date_of_birth_is_read_with_its_label(typed, born):
    assert read_birth_date(typed, TODAY) == born


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("KZ-100003", True),
        ("kz 100003", True),
        ("ID: UA-200201", True),
        ("930625450123", True),
        ("hello", False),
        ("Привет 123", False),
        ("I need a doctor at 10", False),
        ("12", False),
    ],
)
def test_an_id_is_told_from_words(typed, expected):
    assert looks_like_insured_id(typed) is expected


def test_an_id_folds_to_latin_from_a_cyrillic_keyboard():
    """The country as it is said ("кз", "уа"), the same keys in the Cyrillic layout ("ля",
    "гф"), Cyrillic letters that look Latin ("КZ"): one folded ID, one limit's key."""
    for typed in ("KZ-100003", "кз-100003", "ЛЯ 100003", "КZ–100003"):
        assert fold_insured_id(typed) == "KZ100003", typed
    for typed in ("UA-200201", "уа 200201", "гф-200201"):
        assert fold_insured_id(typed) == "UA200201", typed
    assert fold_insured_id("SPH-2026-0001") == "SPH20260001"  # a Latin ID as it was
