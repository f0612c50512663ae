"""The Alembic migrations build exactly the schema the models describe."""

import asyncio
import html
import json
import warnings
from collections.abc import Awaitable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.exc import StatementError
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import SQLModel, col, select

from bot.services import clinics, notifications
from bot.services.staff.templates import fill
from storage.db import (
    MigrationError,
    alembic_config,
    create_engine,
    create_session_factory,
    migrate,
    migrate_apart,
)
from storage.models import (
    FOLDED_INSURED_ID,
    FOLDED_POLICY_NUMBER,
    ActorKind,
    Audience,
    AuditEntry,
    ECardImage,
    FsmRecord,
    Gender,
    Member,
    Notification,
    NotificationKind,
    NotificationStatus,
    ReplyTemplate,
    Request,
    RequestDocument,
    RequestEvent,
    RequestKind,
    RequestStatus,
)
from storage.repositories import cards as cards_repo
from storage.repositories import privacy as privacy_repo


async def _empty(url: str) -> None:
    """The other tests build their schema from the models; the migrations start from nothing."""
    if url.startswith("postgresql"):
        engine = create_async_engine(url)
        async with engine.begin() as connection:
            await connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            await connection.exec_driver_sql("CREATE SCHEMA public")
        await engine.dispose()


def _diff(connection):
    """What autogenerate finds between the database and the models. Expression indexes
    (`ix_insured_persons_folded_id`, `ix_policies_folded_number`) are not compared: SQLite's
    cannot be reflected, and `test_0019_…` and `test_0023_…` check them themselves."""
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        warnings.filterwarnings("ignore", ".*expression-based index")
        return compare_metadata(context, SQLModel.metadata)


async def test_migrations_match_models(db_url):
    url = db_url
    await _empty(url)
    await migrate(url)
    await migrate(url)  # a second run is a no-op
    engine = create_async_engine(url)

    async with engine.connect() as connection:
        assert await connection.run_sync(_diff) == []
    await engine.dispose()


def test_migrate_runs_outside_an_event_loop(tmp_path):
    asyncio.run(migrate(f"sqlite+aiosqlite:///{tmp_path}/m2.sqlite3"))


async def test_migrations_applied_in_a_child_process_build_the_models_schema(db_url):
    """The polling role migrates through `migrate_apart` (Alembic's memory leaves with the
    child): the same schema as `migrate`, and a second run is a no-op."""
    await _empty(db_url)
    await migrate_apart(db_url)
    await migrate_apart(db_url)
    engine = create_async_engine(db_url)

    async with engine.connect() as connection:
        assert await connection.run_sync(_diff) == []
    await engine.dispose()


async def test_migrations_failing_in_the_child_process_stop_the_start(tmp_path):
    with pytest.raises(MigrationError, match="exit code 1"):
        await migrate_apart(f"nosuchdialect:///{tmp_path}/x.db")


# --- 0005: enums checked, JSON-as-text converted, with rows in the tables -----------------

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
COMMENT = "Потрібне направлення <b>лікаря</b>"  # a staff comment, kept as plain text before 0005
DETAILS = {"clinic": "Алмати, вул. Абая 10", "preferred_date": "2026-12-03", "items": [1, 2]}


def _to(url: str, revision: str, down: bool = False) -> Awaitable[None]:
    step = command.downgrade if down else command.upgrade
    return asyncio.to_thread(step, alembic_config(url), revision)


def _row(table: str, **values: Any) -> Any:
    return sa.table(table, *(sa.column(name) for name in values)).insert().values(**values)


async def _start_at(url: str, revision: str) -> tuple[Any, datetime]:
    """An empty database migrated to `revision`, an engine on it and the time its rows get
    (naive on SQLite, as the code before the UTC type wrote it)."""
    await _empty(url)
    await _to(url, revision)
    return create_async_engine(url), NOW.replace(tzinfo=None) if url.startswith("sqlite") else NOW


async def _card_and_members(c: Any, now: datetime, members: tuple[int, ...] = (1,)) -> None:
    """Policy 1 with card 1 in the registry, and these members (Telegram id 500 + id)."""
    await c.execute(
        _row("policies", id=1, number="P-1", program="Gold", holder_type="corporate",
             contract_signed=date(2026, 1, 1), coverage_start=date(2026, 1, 1),
             coverage_end=date(2026, 12, 31), updated_at=now)
    )  # fmt: skip
    await c.execute(
        _row("insured_persons", id=1, insured_id="ID-1", policy_id=1, full_name="Olena",
             birth_date=date(1990, 5, 5), relation="self", updated_at=now)
    )  # fmt: skip
    for member_id in members:
        await c.execute(_row("members", id=member_id, telegram_id=500 + member_id, created_at=now))


async def _rows_at_0004(url: str, request_status: str = "need_info") -> None:
    """Rows as the code before 0005 wrote them: JSON as text (not ASCII-escaped), plain strings."""
    sqlite = url.startswith("sqlite")
    now = NOW.replace(tzinfo=None) if sqlite else NOW
    engine = create_async_engine(url)

    async with engine.begin() as c:
        await _card_and_members(c, now, members=())
        await c.execute(_row("members", id=1, telegram_id=501, gender="female", created_at=now))
        await c.execute(
            _row("requests", id=7, member_id=1, card_id=1, kind="appointment",
                 status=request_status, details=json.dumps(DETAILS, ensure_ascii=False),
                 created_at=now, updated_at=now)
        )  # fmt: skip
        await c.execute(
            _row("request_events", id=1, request_id=7, from_status="in_progress",
                 to_status="need_info", actor_kind="staff", comment=COMMENT, created_at=now)
        )  # fmt: skip
        await c.execute(
            _row("notifications", id=1, audience="member", member_id=1, request_id=7,
                 kind="request_status", dedup_key="status:1", status="pending", attempts=0,
                 payload=json.dumps({"status": "need_info", "comment": COMMENT},
                                    ensure_ascii=False),
                 next_attempt_at=now, created_at=now)
        )  # fmt: skip
        for n, (action, details) in enumerate(
            [
                ("request_info", COMMENT),
                ("find", json.dumps({"members": 1, "cards": 2})),
                ("view_phone", None),
            ]
        ):
            await c.execute(
                _row("audit_log", id=n + 1, staff_telegram_id=900, action=action,
                     target="R-000007", details=details, created_at=now)
            )  # fmt: skip
        await c.execute(
            _row("fsm_records", key="fsm:501:501", state="MainSG:menu",
                 data=json.dumps({"lang": "uk", "текст": "так"}, ensure_ascii=False),
                 updated_at=now)
        )  # fmt: skip
    await engine.dispose()


async def test_the_upgrade_to_enums_and_json_keeps_every_row(db_url):
    url = db_url
    await _empty(url)
    await _to(url, "0004")
    await _rows_at_0004(url)
    await _to(url, "head")

    engine = create_engine(url)  # the bot's own engine (foreign keys on for SQLite)
    async with create_session_factory(engine)() as session:
        request = await session.get(Request, 7)
        assert request is not None
        assert request.details == DETAILS
        assert request.kind is RequestKind.APPOINTMENT
        assert request.status is RequestStatus.NEED_INFO
        [event] = (await session.execute(select(RequestEvent))).scalars()
        assert (event.from_status, event.to_status) == (
            RequestStatus.IN_PROGRESS,
            RequestStatus.NEED_INFO,
        )
        assert event.actor_kind is ActorKind.STAFF
        member = await session.get(Member, 1)
        assert member is not None and member.gender is Gender.FEMALE
        note = await session.get(Notification, 1)
        assert note is not None
        assert (note.audience, note.kind, note.status) == (
            Audience.MEMBER,
            NotificationKind.REQUEST_STATUS,
            NotificationStatus.PENDING,
        )
        assert notifications.load(note.kind, note.payload) == notifications.RequestStatusChanged(
            status=RequestStatus.NEED_INFO, comment=COMMENT
        )
        audit = {e.action: e.details for e in (await session.execute(select(AuditEntry))).scalars()}
        assert audit == {
            "request_info": {"comment": COMMENT},
            "find": {"members": 1, "cards": 2},
            "view_phone": None,
        }
        fsm = await session.get(FsmRecord, "fsm:501:501")
        assert fsm is not None and fsm.data == {"lang": "uk", "текст": "так"}

        # the converted columns take new rows and changes, and the enums refuse an unknown value
        request.details = {**DETAILS, "comment": "ще"}
        request.status = RequestStatus.DONE
        await session.commit()
        await session.refresh(request)
        assert request.details["comment"] == "ще"
        with pytest.raises(StatementError):
            await session.execute(
                sa.update(Request).where(col(Request.id) == 7).values(status="lost")
            )
        await session.rollback()
    if url.startswith("sqlite"):
        async with engine.connect() as c:
            sql = (
                await c.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'requests'")
            ).scalar_one()
        assert "AUTOINCREMENT" in sql  # numbers are still never reused
    await engine.dispose()

    await _to(url, "0004", down=True)
    engine = create_async_engine(url)
    async with engine.connect() as c:
        details = (await c.exec_driver_sql("SELECT details FROM requests")).scalar_one()
        audit = dict((await c.exec_driver_sql("SELECT action, details FROM audit_log")).all())
    await engine.dispose()
    assert json.loads(details) == {**DETAILS, "comment": "ще"}
    assert audit["request_info"] == COMMENT
    assert json.loads(audit["find"]) == {"members": 1, "cards": 2}


async def test_the_upgrade_stops_at_a_value_the_code_does_not_know(db_url):
    url = db_url
    await _empty(url)
    await _to(url, "0004")
    await _rows_at_0004(url, request_status="archived")

    with pytest.raises(RuntimeError, match=r"requests\.status = 'archived'"):
        await _to(url, "head")

    engine = create_async_engine(url)
    async with engine.connect() as c:
        version = (await c.exec_driver_sql("SELECT version_num FROM alembic_version")).scalar()
        details = (await c.exec_driver_sql("SELECT details FROM requests")).scalar_one()
    await engine.dispose()
    assert version == "0004"
    assert json.loads(details) == DETAILS


# --- 0014: the copy of a document on disk (DOWNLOAD_DOCUMENTS) ----------------------------


async def _request_with_a_document(c: Any, now: datetime) -> None:
    """Request 7, a done call-back of member 1 on card 1, with document 3 (as of 0013)."""
    await _card_and_members(c, now)
    await c.execute(
        _row("requests", id=7, member_id=1, card_id=1, kind="callback", status="done",
             details=json.dumps({"time_window": "any"}), created_at=now, updated_at=now)
    )  # fmt: skip
    await c.execute(
        _row("request_documents", id=3, request_id=7, file_id="BQAC-1",
             file_unique_id="AQAD-1", kind="document", created_at=now)
    )  # fmt: skip


async def test_0014_adds_the_copy_columns_to_stored_documents(db_url):
    url = db_url
    engine, now = await _start_at(url, "0013")

    async with engine.begin() as c:
        await _request_with_a_document(c, now)
    await engine.dispose()
    await _to(url, "0014")

    engine = create_engine(url)
    # the model's columns as of 0014, typed as the model types them (later ones are not there)
    t = RequestDocument.__table__.c  # type: ignore[attr-defined]
    copy = (t.file_id, t.local_path, t.downloaded_at, t.download_attempts, t.download_after)
    async with engine.begin() as c:
        assert (await c.execute(sa.select(*copy))).one() == ("BQAC-1", None, None, 0, None)
        await c.execute(
            sa.update(RequestDocument.__table__).values(  # type: ignore[attr-defined]
                local_path="7/3-AQAD-1.pdf", downloaded_at=NOW
            )
        )
        assert (await c.execute(sa.select(t.local_path, t.downloaded_at))).one() == (
            "7/3-AQAD-1.pdf",
            NOW,
        )
    await engine.dispose()

    await _to(url, "0013", down=True)
    engine = create_async_engine(url)
    async with engine.connect() as c:
        kept = (await c.exec_driver_sql("SELECT file_id FROM request_documents")).scalar_one()
    await engine.dispose()
    assert kept == "BQAC-1"


# --- 0016: the e-card's cached image (its file_id) ------------------------------------------


async def test_0016_adds_the_ecard_images_and_drops_them_with_the_member(db_url):
    url = db_url
    engine, now = await _start_at(url, "0014")

    async with engine.begin() as c:
        await _card_and_members(c, now, members=(1, 2))
    await engine.dispose()
    await _to(url, "0016")

    engine = create_engine(url)
    async with create_session_factory(engine)() as session:
        for member_id in (1, 2):
            session.add(
                ECardImage(member_id=member_id, card_id=1, language="uk", fingerprint="f" * 64,
                           file_id=f"AgAC-{member_id}", created_at=NOW)
            )  # fmt: skip
        await session.commit()
        twice = ECardImage(
            member_id=1, card_id=1, language="uk", fingerprint="0" * 64, file_id="x", created_at=NOW
        )
        session.add(twice)
        with pytest.raises(sa.exc.IntegrityError):  # one image per member, card and language
            await session.commit()
        await session.rollback()
        await session.execute(sa.delete(Member).where(col(Member.id) == 1))
        await session.commit()
        kept = (await session.execute(select(ECardImage))).scalars().all()
        assert [(i.member_id, i.file_id) for i in kept] == [(2, "AgAC-2")]
    await engine.dispose()

    await _to(url, "0014", down=True)
    engine = create_async_engine(url)
    async with engine.connect() as c:
        tables = await c.run_sync(lambda sync: sa.inspect(sync).get_table_names())
    await engine.dispose()
    assert "ecard_images" not in tables and "members" in tables
    await _to(url, "0016")  # and up again


# --- 0015: the clinic directory ---------------------------------------------------------------


async def test_0015_adds_the_clinic_directory_and_its_downgrade_drops_it(db_url, tmp_path):
    url = db_url
    await _empty(url)
    await _to(url, "0015")
    path = tmp_path / "clinics.csv"
    path.write_text(
        "city;name;address;specialties;phone\n"
        "Алмати;Клініка № 4;вул. Абая, 10;therapist|dentist;+7 727 300 0104\n",
        encoding="utf-8",
    )
    engine = create_engine(url)
    async with create_session_factory(engine)() as session, session.begin():
        report = await clinics.import_clinics(session, clinics.read_clinics(path), NOW)
    assert report.added == 1
    async with create_session_factory(engine)() as session:
        assert [c for _, c in await clinics.cities(session, "dentist")] == ["Алмати"]
        [clinic], pages = await clinics.clinics_page(session, "алмати", "therapist", 0)
        assert (clinic.name, clinic.phone, clinic.active, pages) == (
            "Клініка № 4",
            "+77273000104",
            True,
            1,
        )
    await engine.dispose()

    await _to(url, "0014", down=True)
    engine = create_async_engine(url)
    async with engine.connect() as c:
        tables = await c.run_sync(lambda sync: sa.inspect(sync).get_table_names())
    await engine.dispose()
    assert "clinics" not in tables and "clinic_specialties" not in tables
    assert "request_documents" in tables
    await _to(url, "0015")  # and up again


async def _down_to(url: str, revision: str, table: str) -> tuple[list[int], set[str]]:
    """Downgrade to `revision`; then the ids of `table`'s rows, in order, and its columns."""
    await _to(url, revision, down=True)
    engine = create_async_engine(url)
    async with engine.connect() as c:
        query = sa.select(sa.column("id")).select_from(sa.table(table)).order_by("id")
        kept = list((await c.execute(query)).scalars().all())
        columns = await c.run_sync(
            lambda sync: {col["name"] for col in sa.inspect(sync).get_columns(table)}
        )
    await engine.dispose()
    return kept, columns


# --- 0017: the retention sweep's marker -------------------------------------------------------


async def test_0017_leaves_closed_requests_to_the_next_sweep_and_indexes_its_search(db_url):
    url = db_url
    engine, now = await _start_at(url, "0016")
    async with engine.begin() as c:
        await _card_and_members(c, now)
        for request_id, status in ((7, "done"), (8, "in_progress")):
            await c.execute(
                _row("requests", id=request_id, member_id=1, card_id=1, kind="callback",
                     status=status, details=json.dumps({"topic": "my knee"}), created_at=now,
                     updated_at=now)
            )  # fmt: skip
    await engine.dispose()
    await _to(url, "0017")

    engine = create_engine(url)
    async with engine.connect() as c:
        indexes = await c.run_sync(
            lambda sync: {
                table: {i["name"] for i in sa.inspect(sync).get_indexes(table)}
                for table in ("requests", "notifications", "staff_notes")
            }
        )
    assert "ix_requests_retention" in indexes["requests"]
    assert "ix_notifications_request_status" in indexes["notifications"]
    assert "ix_staff_notes_request_id" in indexes["staff_notes"]
    async with create_session_factory(engine)() as session:
        # the closed request was never swept: the first sweep after the upgrade takes it
        assert await privacy_repo.to_sweep(session, NOW + timedelta(days=1)) == [7]
    await engine.dispose()

    kept, columns = await _down_to(url, "0016", "requests")
    assert kept == [7, 8] and "anonymised_at" not in columns


# --- 0018: what a member wrote under a document ------------------------------------------------


async def test_0018_keeps_documents_and_gives_them_a_caption(db_url):
    url = db_url
    engine, now = await _start_at(url, "0017")
    async with engine.begin() as c:
        await _request_with_a_document(c, now)
    await engine.dispose()
    await _to(url, "0018")
    engine = create_engine(url)
    async with engine.begin() as c:
        await c.execute(sa.text("UPDATE request_documents SET caption = :c"), {"c": "чек " * 256})
        rows = (await c.execute(sa.text("SELECT id, caption FROM request_documents"))).all()
    await engine.dispose()
    assert rows == [(3, "чек " * 256)]  # Telegram's 1,024 characters fit

    kept, columns = await _down_to(url, "0017", "request_documents")
    assert kept == [3] and "caption" not in columns


# --- 0019: the insured ID without separators, indexed ------------------------------------------


async def _plan(c: Any, url: str, folded: str, where: str = "") -> str:
    """How the database runs `cards.by_folded_insured_id`'s search, or `where` (PostgreSQL
    told not to read a two-row table whole, as it would rather than use any index)."""
    where = where or f"SELECT id FROM insured_persons WHERE {FOLDED_INSURED_ID} = :folded"  # noqa: S608
    if url.startswith("sqlite"):
        rows = await c.execute(sa.text(f"EXPLAIN QUERY PLAN {where}"), {"folded": folded})
        return " ".join(str(row[-1]) for row in rows)
    await c.execute(sa.text("SET LOCAL enable_seqscan = off"))
    rows = await c.execute(sa.text(f"EXPLAIN {where}"), {"folded": folded})
    return " ".join(str(row[0]) for row in rows)


async def test_0019_finds_an_id_typed_without_its_separators_by_the_index(db_url):
    url = db_url
    engine, now = await _start_at(url, "0018")
    async with engine.begin() as c:
        await _card_and_members(c, now)  # insured ID "ID-1"
    await engine.dispose()
    await _to(url, "0019")

    engine = create_engine(url)
    async with create_session_factory(engine)() as session:
        [(person, policy)] = await cards_repo.by_folded_insured_id(session, "ID1")
        assert (person.insured_id, policy.number) == ("ID-1", "P-1")
        assert await cards_repo.by_folded_insured_id(session, "ID2") == []
    async with engine.begin() as c:
        assert "ix_insured_persons_folded_id" in await _plan(c, url, "ID1")
    await engine.dispose()

    await _to(url, "0018", down=True)
    engine = create_async_engine(url)
    async with engine.connect() as c:
        names = await c.run_sync(
            lambda sync: {i["name"] for i in sa.inspect(sync).get_indexes("insured_persons")}
        )
    await engine.dispose()
    assert "ix_insured_persons_folded_id" not in names

    # and at the head: no later migration rebuilt the table without it (a batch one on SQLite)
    await migrate(url)
    engine = create_async_engine(url)
    async with engine.begin() as c:
        assert "ix_insured_persons_folded_id" in await _plan(c, url, "ID1")
    await engine.dispose()


# --- 0023: the policy number without separators, indexed --------------------------------------


async def test_0023_finds_a_policy_number_read_without_its_separators_by_the_index(db_url):
    url = db_url
    engine, now = await _start_at(url, "0022")
    async with engine.begin() as c:
        await _card_and_members(c, now)  # policy "P-1"
    await engine.dispose()
    await _to(url, "0023")

    where = f"SELECT id FROM policies WHERE {FOLDED_POLICY_NUMBER} = :folded"  # noqa: S608
    engine = create_async_engine(url)
    async with engine.begin() as c:
        [(found,)] = (await c.execute(sa.text(where), {"folded": "P1"})).all()
        assert found is not None
        assert "ix_policies_folded_number" in await _plan(c, url, "P1", where)
    await engine.dispose()

    await _to(url, "0022", down=True)
    engine = create_async_engine(url)
    async with engine.connect() as c:
        names = await c.run_sync(
            lambda sync: {i["name"] for i in sa.inspect(sync).get_indexes("policies")}
        )
    await engine.dispose()
    assert "ix_policies_folded_number" not in names

    # and at the head: no later migration rebuilt the table without it (a batch one on SQLite)
    await migrate(url)
    engine = create_async_engine(url)
    async with engine.begin() as c:
        assert "ix_policies_folded_number" in await _plan(c, url, "P1", where)
    await engine.dispose()


# --- 0020: canned replies as HTML --------------------------------------------------------------


async def test_0020_keeps_a_plain_canned_reply_reading_the_same(db_url):
    """A template kept as plain text before reads the same after: its "<", ">" and "&" are
    escaped into the HTML the bot now sends as it is, and back on the way down."""
    url = db_url
    engine, now = await _start_at(url, "0019")
    plain = "Hi {name}, <ok> & see R&D > here"
    async with engine.begin() as c:
        await c.execute(
            _row("reply_templates", id=1, name="docs", language="en", text=plain,
                 created_by=1, created_at=now, updated_at=now)
        )  # fmt: skip
    await engine.dispose()
    await _to(url, "0020")
    engine = create_engine(url)
    async with create_session_factory(engine)() as session:
        row = await session.get(ReplyTemplate, 1)
        assert row is not None
        assert row.text == html.escape(plain, quote=False)
        assert fill(row.text, "Olena <b>", "R-000001") == (
            "Hi Olena &lt;b&gt;, &lt;ok&gt; &amp; see R&amp;D &gt; here"
        )
        # and one written by staff with formatting, after the upgrade
        session.add(
            ReplyTemplate(
                id=2,
                name="hours",
                language="en",
                created_by=1,
                created_at=NOW,
                updated_at=NOW,
                text="<b>Bold</b> &lt;ok&gt; <i>and</i> &amp;",
            )
        )
        await session.commit()  # fmt: skip
    await engine.dispose()

    await _to(url, "0019", down=True)
    engine = create_async_engine(url)
    async with engine.connect() as c:
        query = sa.text("SELECT text FROM reply_templates ORDER BY id")
        texts = (await c.execute(query)).scalars().all()
    await engine.dispose()
    assert texts == [plain, "Bold <ok> and &"]


# --- 0021: "coverage starts" for cards linked while waiting ------------------------------------


async def test_0021_reminds_of_the_coverage_of_cards_linked_before_it_started(db_url):
    """A card linked before its coverage started gets its reminder on that day; a card linked
    while covering gets none; the way down removes them."""
    url = db_url
    engine, now = await _start_at(url, "0020")
    async with engine.begin() as c:
        await _card_and_members(c, now, members=(1, 2))  # card 1 covers from 2026-01-01
        await c.execute(
            _row("policies", id=2, number="P-2", program="Gold", holder_type="individual",
                 contract_signed=date(2026, 11, 20), coverage_start=date(2026, 12, 10),
                 coverage_end=date(2027, 12, 9), updated_at=now)
        )  # fmt: skip
        await c.execute(
            _row("insured_persons", id=2, insured_id="ID-2", policy_id=2, full_name="Sofia",
                 birth_date=date(2015, 5, 5), relation="child", updated_at=now)
        )  # fmt: skip
        for link_id, member_id, card_id in ((1, 1, 1), (2, 1, 2), (3, 2, 2)):
            await c.execute(
                _row("card_links", id=link_id, member_id=member_id, card_id=card_id,
                     via="phone", linked_at=now)
            )  # fmt: skip
    await engine.dispose()
    await _to(url, "0021")
    engine = create_async_engine(url)
    async with engine.connect() as c:
        query = sa.text("SELECT member_id, kind, card_id, due_on, sent_at FROM reminders")
        rows = sorted((await c.execute(query)).all())
    await engine.dispose()
    assert [(m, k, card, str(due), sent) for m, k, card, due, sent in rows] == [
        (1, "coverage_starts", 2, "2026-12-10", None),
        (2, "coverage_starts", 2, "2026-12-10", None),
    ]

    await _to(url, "0020", down=True)
    engine = create_async_engine(url)
    async with engine.connect() as c:
        left = (await c.execute(sa.text("SELECT count(*) FROM reminders"))).scalar()
    await engine.dispose()
    assert left == 0
