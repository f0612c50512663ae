from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.handlers.admin.command_texts import split_message
from bot.services.cards import CardStatus, confirm_phone
from bot.services.linked import linked_dedup_key
from bot.services.registry import COLUMNS, RegistryFormatError
from bot.services.registry.importer import import_file
from bot.services.staff import audit_view, find, phone_fix
from bot.services.staff import stats as staff_stats
from storage.models import AuditEntry, CardLink, InsuredPerson, Notification, Policy, Request
from tests.factories import make_member, make_person, make_policy

NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)
TODAY = date(2026, 11, 22)
STAFF = 20001


async def _audit(session) -> list[AuditEntry]:
    return list((await session.execute(select(AuditEntry).order_by(AuditEntry.id))).scalars())


async def _notifications(session) -> list[Notification]:
    return list((await session.execute(select(Notification))).scalars())


async def _family(session):
    policy = await make_policy(session, number="SPH-2026-0042", program="Family Plus")
    own = await make_person(session, policy, insured_id="UA-300001", phone="+380501112233")
    child = await make_person(
        session,
        policy,
        insured_id="UA-300002",
        full_name="Taras Kovalenko",
        relation="child",
        birth_date=date(2015, 6, 1),
        phone="+380501112233",
    )
    member = await make_member(session, telegram_id=10001)
    await confirm_phone(session, member, "+380501112233", NOW, NOW.date())
    return policy, own, child, member


async def test_find_by_phone_shows_member_and_cards_masked(session):
    _, own, child, member = await _family(session)

    result = await find.find(session, "+380 50 111 22 33", STAFF, NOW, TODAY)

    assert [m.member_id for m in result.members] == [member.id]
    [hit] = result.members
    assert hit.phone == "+380 ••• ••• 22 33"
    assert hit.full_name == "Olena Kovalenko"
    assert hit.birth_year == 1984
    assert hit.cards == (("SPH-2026-0042", "UA-•••01"), ("SPH-2026-0042", "UA-•••02"))
    assert [c.card_id for c in result.cards] == [own.id, child.id]
    assert result.cards[1].insured_id == "UA-•••02"
    assert result.cards[1].birth_year == 2015
    assert result.cards[1].status is CardStatus.ACTIVE
    assert result.cards[1].member_ids == (member.id,)
    assert "+380501112233" not in repr(result)
    assert "UA-300001" not in repr(result)
    assert "1984-03-05" not in repr(result)
    [entry] = await _audit(session)
    assert (entry.staff_telegram_id, entry.action, entry.target) == (
        STAFF,
        "find",
        "+380 ••• ••• 22 33",
    )
    assert (entry.details or {}) == {"members": 1, "cards": 2}


async def test_find_by_policy_number_ignores_case_and_spaces(session):
    await _family(session)
    other = await make_policy(session)
    await make_person(session, other, insured_id="UA-399999", phone=None)

    result = await find.find(session, " sph-2026- 0042 ", STAFF, NOW, TODAY)

    assert [c.insured_id for c in result.cards] == ["UA-•••01", "UA-•••02"]
    assert result.cards[0].program == "Family Plus"
    assert len(result.members) == 1
    [entry] = await _audit(session)
    assert entry.target == "SPH-2026-0042"


async def test_find_by_a_policy_number_read_out_without_its_dashes(session):
    """ "SPH 2026 0042", read out on a call, or "sph20260042" found nothing: the policy is
    "SPH-2026-0042"."""
    await _family(session)
    for query in ("SPH 2026 0042", "sph20260042", "SPH/2026/0042"):
        result = await find.find(session, query, STAFF, NOW, TODAY)
        assert [c.insured_id for c in result.cards] == ["UA-•••01", "UA-•••02"], query
    entries = await _audit(session)
    assert {entry.target for entry in entries} == {"SPH-2026-0042"}


async def test_find_by_insured_id_audits_the_masked_id(session):
    _, _, child, member = await _family(session)

    result = await find.find(session, "ua-300002", STAFF, NOW, TODAY)

    assert [c.card_id for c in result.cards] == [child.id]
    assert [m.member_id for m in result.members] == [member.id]
    [entry] = await _audit(session)
    assert entry.target == "UA-•••02"


async def test_find_by_insured_id_without_its_dash_finds_the_card(session):
    """Staff copy "UA300002" or "UA 300002" from a scan: the card is "UA-300002"."""
    _, _, child, _ = await _family(session)

    for query in ("UA300002", "ua 300002", "UA–300002"):
        result = await find.find(session, query, STAFF, NOW, TODAY)
        assert [c.card_id for c in result.cards] == [child.id], query


async def test_find_a_member_whose_phone_matches_no_card(session):
    member = await make_member(session, telegram_id=10002)
    await confirm_phone(session, member, "+77010000999", NOW, NOW.date())

    result = await find.find(session, "+77010000999", STAFF, NOW, TODAY)

    assert result.cards == []
    assert [(m.member_id, m.cards) for m in result.members] == [(member.id, ())]


async def test_find_nothing_is_empty_and_still_audited(session):
    await _family(session)

    result = await find.find(session, "KZ-999999", STAFF, NOW, TODAY)

    assert result.empty
    [entry] = await _audit(session)
    assert (entry.action, entry.target) == ("find", "KZ-•••99")


async def test_find_lists_a_big_policy_partly_with_the_total(session):
    policy = await make_policy(session, number="CORP-1")
    for n in range(find.MAX_SHOWN + 5):
        await make_person(session, policy, insured_id=f"KZ-{500000 + n}", phone=None)

    result = await find.find(session, "CORP-1", STAFF, NOW, TODAY)

    assert len(result.cards) == find.MAX_SHOWN
    assert result.cards_total == find.MAX_SHOWN + 5


async def test_setphone_links_the_member_and_queues_cards_linked(session):
    # the member shared a phone that matched nothing; the registry had a typo in it
    policy = await make_policy(session)
    card = await make_person(session, policy, insured_id="KZ-100001", phone="+77010000100")
    member = await make_member(session, telegram_id=10002)
    assert await confirm_phone(session, member, "+77010000101", NOW, NOW.date()) == 0

    fix = await phone_fix.set_card_phone(session, "kz-100001", "+7 701 000 01 01", STAFF, NOW)

    assert fix == phone_fix.PhoneFix(
        "KZ-•••01", "+7 ••• ••• 01 00", "+7 ••• ••• 01 01", changed=True, members_told=1
    )
    assert card.phone == "+77010000101"
    links = (await session.execute(select(CardLink))).scalars().all()
    assert [(link.member_id, link.card_id) for link in links] == [(member.id, card.id)]
    assert member.active_card_id == card.id
    [note] = await _notifications(session)
    assert (note.audience, note.kind, note.member_id) == ("member", "cards_linked", member.id)
    assert note.payload == {"count": 1}
    assert note.dedup_key == f"linked:{member.id}:{card.id}"
    [entry] = await _audit(session)
    assert (entry.action, entry.target) == ("setphone", "KZ-•••01")
    assert "+77010000101" not in (entry.details or "")


async def test_setphone_takes_the_insured_id_without_its_dash(session):
    policy = await make_policy(session)
    card = await make_person(session, policy, insured_id="KZ-100001", phone="+77010000100")

    fix = await phone_fix.set_card_phone(session, "KZ100001", "+7 701 000 01 01", STAFF, NOW)

    assert fix.insured_id == "KZ-•••01"  # the card's own ID, masked
    assert card.phone == "+77010000101"


async def test_setphone_moves_the_card_away_from_the_old_phone(session):
    _, own, _, member = await _family(session)

    fix = await phone_fix.set_card_phone(session, "UA-300001", "+380671234567", STAFF, NOW)

    assert fix.changed and fix.members_told == 0
    assert fix.unlinked == (member.id,)
    links = (await session.execute(select(CardLink.card_id))).scalars().all()
    assert own.id not in links
    assert await _notifications(session) == []


async def test_setphone_same_phone_changes_nothing(session):
    await _family(session)

    fix = await phone_fix.set_card_phone(session, "UA-300001", "0501112233", STAFF, NOW)

    assert not fix.changed
    assert await _notifications(session) == []


async def test_setphone_refuses_a_bad_phone_and_an_unknown_card(session):
    _, own, _, _ = await _family(session)

    with pytest.raises(phone_fix.InvalidPhoneError):
        await phone_fix.set_card_phone(session, "UA-300001", "12ab", STAFF, NOW)
    with pytest.raises(phone_fix.CardNotFoundError) as caught:
        await phone_fix.set_card_phone(session, "UA-999999", "+380671234567", STAFF, NOW)

    assert caught.value.masked == "UA-•••99"
    assert own.phone == "+380501112233"
    assert await _audit(session) == []


def _csv(path: Path, rows: list[list[str]]) -> Path:
    lines = [",".join(COLUMNS)] + [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _row(insured_id: str, phone: str, birth: str = "1990-01-01") -> list[str]:
    return [
        "SPH-2026-0900",
        "Standard",
        "individual",
        "2026-01-10",
        "2026-01-25",
        "2026-12-31",
        insured_id,
        "Dana Zhaksybekova",
        birth,
        phone,
        "self",
    ]


async def test_import_file_stores_good_rows_reports_bad_ones_and_tells_members(session, tmp_path):
    member = await make_member(session, telegram_id=10003)
    await confirm_phone(session, member, "+77010009999", NOW, NOW.date())
    path = _csv(
        tmp_path / "march.csv",
        [
            _row("KZ-900001", "+77010009999"),
            _row("KZ-900002", "+77010009998", birth="2030-01-01"),
            _row("KZ-900003", ""),
        ],
    )

    outcome = await import_file(session, path, NOW, staff_id=STAFF, file_name="march.csv")

    assert outcome.rows == 3
    assert (outcome.report.added, len(outcome.report.rejected)) == (2, 1)
    [bad] = outcome.report.rejected
    assert (bad.line, bad.insured_id, bad.reasons) == (
        3,
        "KZ-•••02",
        ("birth_date: in the future",),
    )
    stored = (await session.execute(select(InsuredPerson.insured_id))).scalars().all()
    assert sorted(stored) == ["KZ-900001", "KZ-900003"]
    assert outcome.members_told == 1
    [note] = await _notifications(session)
    assert (note.kind, note.member_id, note.payload) == (
        "cards_linked",
        member.id,
        {"count": 1},
    )
    [entry] = await _audit(session)
    assert (entry.action, entry.target) == ("import", "march.csv")
    assert (entry.details or {}) == {
        "rows": 3,
        "added": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
        "members_told": 1,
    }


async def test_import_file_with_a_missing_column_stores_nothing(session, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text("policy_number,program\nSPH-1,Standard\n", encoding="utf-8")

    with pytest.raises(RegistryFormatError):
        await import_file(session, path, NOW, staff_id=STAFF, file_name="broken.csv")

    assert (await session.execute(select(Policy))).first() is None
    assert await _audit(session) == []


async def test_a_broken_line_after_written_batches_takes_the_whole_import_back(session, tmp_path):
    # the file is streamed: 1,500 good rows (a batch is written) before a line that is not UTF-8
    rows = [_row(f"KZ-{800000 + n}", "+77010009999") for n in range(1500)]
    path = _csv(tmp_path / "late.csv", rows)
    path.write_bytes(path.read_bytes() + b"SPH-2026-0900,Standard\xff\xfe,individual\n")

    with pytest.raises(RegistryFormatError, match="not UTF-8"):
        await import_file(session, path, NOW, staff_id=STAFF, file_name="late.csv")

    assert (await session.execute(select(InsuredPerson))).first() is None
    assert (await session.execute(select(Policy))).first() is None
    assert await _audit(session) == []


async def test_stats_counts_and_median_and_failed_notifications(session):
    policy = await make_policy(session)
    card = await make_person(session, policy)
    member = await make_member(session)
    assert member.id is not None and card.id is not None
    waits = [timedelta(minutes=10), timedelta(hours=2), timedelta(minutes=30), None]
    statuses = ["in_progress", "done", "done", "new"]
    kinds = ["callback", "callback", "medicines", "appointment"]
    for wait, status, kind in zip(waits, statuses, kinds, strict=True):
        created = NOW - timedelta(days=1)
        session.add(
            Request(
                member_id=member.id,
                card_id=card.id,
                kind=kind,
                status=status,
                created_at=created,
                updated_at=created,
                first_staff_action_at=created + wait if wait else None,
            )
        )
    for n, status in enumerate(["failed", "failed", "sent"]):
        session.add(
            Notification(
                audience="member",
                kind="cards_linked",
                dedup_key=f"k{n}",
                status=status,
                next_attempt_at=NOW,
                created_at=NOW,
            )
        )
    await session.flush()

    figures = await staff_stats.stats(session)

    assert figures.total == 4
    assert figures.by_status == [("new", 1), ("in_progress", 1), ("done", 2)]
    assert figures.by_kind == [("appointment", 1), ("medicines", 1), ("callback", 2)]
    assert figures.median_first_action == timedelta(minutes=30)
    assert figures.with_first_action == 3
    assert figures.failed_notifications == 2


async def test_stats_median_of_an_even_count_and_of_nothing(session):
    assert (await staff_stats.stats(session)).median_first_action is None
    policy = await make_policy(session)
    card = await make_person(session, policy)
    member = await make_member(session)
    for minutes in (10, 20):
        session.add(
            Request(
                member_id=member.id,  # type: ignore[arg-type]
                card_id=card.id,  # type: ignore[arg-type]
                kind="callback",
                created_at=NOW,
                updated_at=NOW,
                first_staff_action_at=NOW + timedelta(minutes=minutes),
            )
        )
    await session.flush()
    assert (await staff_stats.stats(session)).median_first_action == timedelta(minutes=15)


def test_duration_parts_rounds_to_minutes():
    assert staff_stats.duration_parts(timedelta(days=1, hours=2, seconds=170)) == (1, 2, 3)
    assert staff_stats.duration_parts(timedelta(seconds=20)) == (0, 0, 0)


def test_split_message_keeps_every_message_within_the_limit():
    blocks = ["header", *(f"line {n}: " + "x" * 90 for n in range(200)), "y" * 5000]
    messages = split_message(blocks, limit=4096)
    assert all(len(m) <= 4096 for m in messages)
    assert "".join(messages).replace("\n", "") == "".join(blocks)
    assert messages[0].startswith("header\nline 0: ")


def test_long_dedup_keys_are_hashed_to_fit_the_column():
    assert linked_dedup_key(7, [3, 1]) == "linked:7:1,3"
    long_key = linked_dedup_key(7, range(1000, 1100))
    assert len(long_key) <= 128
    assert long_key.startswith("linked:7:#")


async def test_find_a_number_that_is_both_an_insured_id_and_a_request_shows_both(session):
    """A registry may give an insured ID the shape of a request number: /find R7 shows the
    card with that ID and the request R-000007, each once."""
    policy, own, _, member = await _family(session)
    lookalike = await make_person(session, policy, insured_id="R7", full_name="Roman R", phone=None)
    for _ in range(7):
        session.add(
            Request(member_id=member.id, card_id=own.id, kind="callback", created_at=NOW,
                    updated_at=NOW)
        )  # fmt: skip
    await session.flush()

    result = await find.find(session, "r7", STAFF, NOW, TODAY)

    assert [r.number for r in result.requests] == ["R-000007"]
    assert [c.card_id for c in result.cards] == [lookalike.id, own.id]
    assert [m.member_id for m in result.members] == [member.id]
    assert (result.members_total, result.cards_total) == (1, 2)
    assert result.requests[0].link is None  # its card not posted to a staff chat yet


@pytest.mark.parametrize("query", ["#999999999999", "R-99999999999", "#0", "R-0", "#", "R"])
async def test_find_a_number_no_row_can_have_finds_nothing(session, query):
    """Ids are 32-bit on PostgreSQL: a longer number is looked for as a card's, not as an id
    (asyncpg refuses one out of range)."""
    await _family(session)
    result = await find.find(session, query, STAFF, NOW, TODAY)
    assert result.empty


@pytest.mark.parametrize("query", ["member 99999999999", "request R-99999999999"])
async def test_audit_of_a_number_no_row_can_have_is_empty(session, query):
    assert (await audit_view.view(session, query)).entries == []


async def test_find_by_a_kazakh_number_as_people_write_it(session):
    policy = await make_policy(session, number="SPH-2026-0777")
    card = await make_person(session, policy, insured_id="KZ-100001", phone="+77010000101")
    result = await find.find(session, "8 701 000 01 01", STAFF, NOW, TODAY)
    assert [c.card_id for c in result.cards] == [card.id]
