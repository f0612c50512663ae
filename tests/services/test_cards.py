from datetime import UTC, date, datetime

from sqlalchemy import select

from bot.services.cards import (
    CardStatus,
    card_status,
    confirm_phone,
    list_cards,
    relink_phones,
    set_active_card,
)
from storage.models import CardLink
from tests.factories import make_member, make_person, make_policy

NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)
TODAY = date(2026, 11, 22)


async def test_card_status_boundaries(session):
    policy = await make_policy(
        session, coverage_start=date(2026, 1, 1), coverage_end=date(2026, 12, 31)
    )
    assert card_status(policy, date(2025, 12, 31)) is CardStatus.WAITING
    assert card_status(policy, date(2026, 1, 1)) is CardStatus.ACTIVE
    assert card_status(policy, date(2026, 12, 31)) is CardStatus.ACTIVE
    assert card_status(policy, date(2027, 1, 1)) is CardStatus.EXPIRED


async def test_family_cards_sharing_a_phone_are_all_linked_own_card_active(session):
    policy = await make_policy(session)
    child = await make_person(
        session, policy, full_name="Taras Kovalenko", relation="child", birth_date=date(2015, 6, 1)
    )
    own = await make_person(session, policy, full_name="Olena Kovalenko", relation="self")
    spouse = await make_person(session, policy, full_name="Ivan Kovalenko", relation="spouse")
    other_policy = await make_policy(session)
    await make_person(session, other_policy, full_name="Someone Else", phone="+380671234567")
    member = await make_member(session)

    found = await confirm_phone(session, member, "+380501112233", NOW)

    assert found == 3
    cards = await list_cards(session, member, TODAY)
    assert {c.card_id for c in cards} == {child.id, own.id, spouse.id}
    assert cards[0].card_id == own.id  # own card first
    assert member.active_card_id == own.id
    assert member.phone == "+380501112233"
    assert member.full_name == "Olena Kovalenko"


async def test_no_card_for_phone(session):
    member = await make_member(session)
    assert await confirm_phone(session, member, "+380999999999", NOW) == 0
    assert await list_cards(session, member, TODAY) == []
    assert member.phone_confirmed_at == NOW


async def test_change_policy_only_to_a_linked_card(session):
    policy = await make_policy(session)
    own = await make_person(session, policy, relation="self")
    child = await make_person(session, policy, relation="child", full_name="Taras Kovalenko")
    stranger = await make_person(
        session, policy, phone="+380671234567", full_name="Petro Shevchenko"
    )
    member = await make_member(session)
    await confirm_phone(session, member, "+380501112233", NOW)
    assert member.active_card_id == own.id
    assert await set_active_card(session, member, child.id) is True
    assert member.active_card_id == child.id
    assert await set_active_card(session, member, stranger.id) is False
    assert member.active_card_id == child.id


async def test_relink_after_registry_phone_fix_adds_and_removes_phone_links(session):
    policy = await make_policy(session)
    card = await make_person(session, policy, phone="+380670000000")
    member = await make_member(session)
    await confirm_phone(session, member, "+380501112233", NOW)
    assert await list_cards(session, member, TODAY) == []

    card.phone = "+380501112233"  # staff fix the registry
    gained = await relink_phones(session, {"+380501112233", "+380670000000"}, NOW)
    assert [(m.id, [p.id for p in cards]) for m, cards in gained] == [(member.id, [card.id])]
    assert member.active_card_id == card.id

    card.phone = "+380670000000"  # and move it away again
    assert await relink_phones(session, {"+380501112233"}, NOW) == []
    assert (await session.execute(select(CardLink))).first() is None
    assert member.active_card_id is None
