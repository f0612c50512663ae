from dataclasses import astuple
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.cards import (
    CardStatus,
    card_status,
    confirm_phone,
    list_cards,
    relink_phones,
    set_active_card,
)
from storage.models import CardLink, HolderType, LinkVia, Member, Relation
from storage.repositories.cards import (
    PhoneCard,
    add_link,
    cards_of,
    link,
    linked_to,
    links_of,
    with_phone,
)
from storage.sqlite_inline import member_update_inline
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

    found = await confirm_phone(session, member, "+380501112233", NOW, TODAY)

    assert found == 3
    cards = await list_cards(session, member, TODAY)
    assert {c.card_id for c in cards} == {child.id, own.id, spouse.id}
    assert cards[0].card_id == own.id  # own card first
    assert member.active_card_id == own.id
    assert member.phone == "+380501112233"
    assert member.full_name == "Olena Kovalenko"


async def test_a_confirmed_phone_writes_the_member_once(session, engine):
    """The phone, its confirmation, the card made active and the profile from it: one UPDATE
    after the reads of the registry and the links, not a flush ahead of the first read."""
    policy = await make_policy(session)
    own = await make_person(session, policy, full_name="Olena Kovalenko", relation="self")
    member = await make_member(session)
    await session.commit()
    updates: list[str] = []

    def note(_conn, _cursor, statement, _params, _context, _many):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("UPDATE MEMBERS"):
            updates.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", note)
    assert await confirm_phone(session, member, "+380501112233", NOW, TODAY) == 1
    await session.commit()
    assert len(updates) == 1, updates
    assert "phone_confirmed_at" in updates[0] and "active_card_id" in updates[0]
    async with AsyncSession(engine) as other:
        stored = await other.get(Member, member.id)
        assert stored is not None
        assert (stored.phone, stored.phone_confirmed_at) == ("+380501112233", NOW)
        assert (stored.active_card_id, stored.full_name) == (own.id, "Olena Kovalenko")


async def test_no_card_for_phone(session):
    member = await make_member(session)
    assert await confirm_phone(session, member, "+380999999999", NOW, TODAY) == 0
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
    await confirm_phone(session, member, "+380501112233", NOW, TODAY)
    assert member.active_card_id == own.id
    assert await set_active_card(session, member, child.id) is True
    assert member.active_card_id == child.id
    assert await set_active_card(session, member, stranger.id) is False
    assert member.active_card_id == child.id


async def test_relink_after_registry_phone_fix_adds_and_removes_phone_links(session):
    policy = await make_policy(session)
    card = await make_person(session, policy, phone="+380670000000")
    member = await make_member(session)
    await confirm_phone(session, member, "+380501112233", NOW, TODAY)
    assert await list_cards(session, member, TODAY) == []

    card.phone = "+380501112233"  # staff fix the registry
    gained = await relink_phones(session, {"+380501112233", "+380670000000"}, NOW)
    assert [(m.id, [p.id for p in cards]) for m, cards in gained] == [(member.id, [card.id])]
    assert member.active_card_id == card.id

    card.phone = "+380670000000"  # and move it away again
    assert await relink_phones(session, {"+380501112233"}, NOW) == []
    assert (await session.execute(select(CardLink))).first() is None
    assert member.active_card_id is None


@pytest.mark.parametrize("in_member_update", [False, True], ids=["sqlalchemy", "driver"])
async def test_a_members_cards_as_rows_match_the_orm_read_in_order_and_types(
    session, in_member_update
):
    """`cards_of` (the menu's plain rows) and `links_of` say what `linked_to`'s objects say,
    also when a member's update on SQLite reads them by the driver (storage/driver_lane.py)."""
    token = member_update_inline.set(in_member_update)
    try:
        await _cards_as_rows_match_the_orm_read(session)
    finally:
        member_update_inline.reset(token)


async def _cards_as_rows_match_the_orm_read(session):  # type: ignore[no-untyped-def]
    early = await make_policy(session, coverage_start=date(2026, 12, 1))
    late = await make_policy(session, holder_type="corporate")
    child = await make_person(session, late, relation="child", full_name="Taras Kovalenko")
    own = await make_person(session, early, relation="self")
    member = await make_member(session)
    assert member.id is not None and own.id is not None and child.id is not None
    await link(session, member.id, child.id, LinkVia.ACTIVATION, NOW)
    await link(session, member.id, own.id, LinkVia.PHONE, NOW + timedelta(minutes=1))
    other = await make_member(session, telegram_id=2002)
    assert other.id is not None
    await link(session, other.id, own.id, LinkVia.PHONE, NOW)

    rows = await cards_of(session, member.id)
    objects = await linked_to(session, member.id)
    assert [row.card_id for row in rows] == [child.id, own.id]  # in the order they were linked
    for row, (person, policy, _link) in zip(rows, objects, strict=True):
        assert astuple(row) == (
            person.id,
            policy.number,
            policy.program,
            policy.holder_type,
            person.full_name,
            person.relation,
            policy.coverage_start,
            policy.coverage_end,
            person.insured_id,
        )
    assert rows[0].holder_type is HolderType.CORPORATE and rows[0].relation is Relation.CHILD
    assert isinstance(rows[1].coverage_start, date)
    assert sorted(await links_of(session, member.id)) == sorted(
        [(child.id, LinkVia.ACTIVATION), (own.id, LinkVia.PHONE)]
    )
    cards = await list_cards(session, member, TODAY)
    assert [(c.card_id, c.status) for c in cards] == [
        (own.id, CardStatus.WAITING),  # own card first
        (child.id, CardStatus.ACTIVE),
    ]


@pytest.mark.parametrize("in_member_update", [False, True], ids=["sqlalchemy", "driver"])
async def test_the_cards_with_a_phone_are_rows_of_what_linking_needs_oldest_first(
    session, in_member_update
):
    """`with_phone` (the phone step's registry lookup) gives each card with the phone as the
    row linking needs, typed, oldest first, also when a member's update on SQLite reads it by
    the driver; a change not yet flushed is flushed first, as the ORM's read did."""
    policy = await make_policy(session)
    child = await make_person(
        session, policy, full_name="Taras Kovalenko", relation="child", birth_date=date(2015, 6, 1)
    )
    own = await make_person(session, policy, full_name="Olena Kovalenko", relation="self")
    await make_person(session, policy, phone="+380671234567", full_name="Petro Shevchenko")
    assert child.id is not None and own.id is not None
    own.full_name = "Olena Petrenko"  # not flushed yet
    token = member_update_inline.set(in_member_update)
    try:
        found = await with_phone(session, "+380501112233")
    finally:
        member_update_inline.reset(token)
    cover = (policy.coverage_start, policy.coverage_end)
    assert found == [
        PhoneCard(child.id, Relation.CHILD, "Taras Kovalenko", date(2015, 6, 1), *cover),
        PhoneCard(own.id, Relation.SELF, "Olena Petrenko", own.birth_date, *cover),
    ]
    assert found[0].relation is Relation.CHILD and type(found[0].birth_date) is date
    assert type(found[0].coverage_end) is date


async def test_a_link_another_transaction_made_first_is_left_and_the_update_goes_on(
    session_factory,
):
    """Two updates of the same member link the same card at once (a contact sent twice): the
    second finds it linked, says so, and its transaction goes on (no error to roll back)."""
    async with session_factory.begin() as session:
        policy = await make_policy(session)
        person = await make_person(session, policy, relation="self")
        member = await make_member(session)
        ids = (member.id, person.id)
    async with session_factory() as first, session_factory() as second:
        assert await add_link(first, *ids, LinkVia.PHONE, NOW)
        await first.commit()
        assert not await add_link(second, *ids, LinkVia.ACTIVATION, NOW)
        assert await links_of(second, ids[0]) == [(ids[1], LinkVia.PHONE)]  # still usable
        await second.commit()
    async with session_factory() as session:
        rows = (await session.execute(select(CardLink))).scalars().all()
        assert [(r.member_id, r.card_id, r.via) for r in rows] == [(*ids, LinkVia.PHONE)]


async def _card_of(session, number, start, end, relation="self", **fields):
    policy = await make_policy(session, number=number, coverage_start=start, coverage_end=end)
    return await make_person(session, policy, relation=relation, **fields)


async def test_the_card_made_active_is_the_own_one_covering_today(session):
    """Last year's policy, a relative's and one that opens later carry the same phone, the
    oldest first in the registry: the member's own card covering today is made active."""
    await _card_of(session, "SIP-2025-0001", date(2025, 1, 1), date(2025, 12, 31), insured_id="A1")
    await _card_of(session, "SIP-2026-0009", date(2026, 1, 1), date(2026, 12, 31),
                   relation="child", full_name="Taras Kovalenko", insured_id="C1")  # fmt: skip
    await _card_of(session, "SIP-2027-0001", date(2027, 1, 1), date(2027, 12, 31), insured_id="A3")
    current = await _card_of(
        session, "SIP-2026-0001", date(2026, 1, 1), date(2026, 12, 31), insured_id="A2"
    )
    member = await make_member(session)
    assert await confirm_phone(session, member, "+380501112233", NOW, TODAY) == 4
    assert member.active_card_id == current.id


async def test_with_no_own_card_covering_today_the_next_to_open_then_the_last_to_end(session):
    ended = await _card_of(session, "P-1", date(2024, 1, 1), date(2024, 12, 31), insured_id="A1")
    later = await _card_of(session, "P-2", date(2025, 1, 1), date(2025, 12, 31), insured_id="A2")
    member = await make_member(session)
    await confirm_phone(session, member, "+380501112233", NOW, TODAY)
    assert member.active_card_id == later.id != ended.id

    coming = await _card_of(session, "P-3", date(2027, 3, 1), date(2028, 2, 28), insured_id="A3")
    await _card_of(session, "P-4", date(2027, 6, 1), date(2028, 5, 31), insured_id="A4")
    await relink_phones(session, {"+380501112233"}, NOW)
    # the active card had ended: the renewal imported since takes its place
    assert member.active_card_id == coming.id


async def test_a_card_the_member_chose_stays_active_when_cards_are_added(session):
    own = await _card_of(session, "P-1", date(2026, 1, 1), date(2026, 12, 31), insured_id="A1")
    child = await _card_of(session, "P-2", date(2026, 1, 1), date(2026, 12, 31),
                           relation="child", insured_id="C1")  # fmt: skip
    member = await make_member(session)
    await confirm_phone(session, member, "+380501112233", NOW, TODAY)
    assert member.active_card_id == own.id
    await set_active_card(session, member, child.id)
    await _card_of(session, "P-3", date(2026, 1, 1), date(2026, 12, 31), insured_id="A3")
    await relink_phones(session, {"+380501112233"}, NOW)
    assert member.active_card_id == child.id  # covering today: the member's choice holds
