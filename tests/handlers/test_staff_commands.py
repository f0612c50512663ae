"""Staff commands driven through the real dispatcher, polling the in-process Bot API emulator."""

from __future__ import annotations

import asyncio
import csv
import html
import io
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from aiogram import Bot
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.factory import create_bot, create_dispatcher
from bot.handlers.admin.imports import RegistryImports
from bot.i18n import TranslatorHub
from bot.sandbox.run import sandbox_users
from bot.services.cards import confirm_phone
from bot.services.registry import COLUMNS
from storage.models import (
    AdminTopic,
    AuditEntry,
    CardLink,
    InsuredPerson,
    Member,
    Notification,
    Policy,
    Request,
)
from tests.conftest import FakeClock
from tests.factories import make_member, make_person, make_policy
from tests.polling_stop import stop_polling
from tgsandbox import (
    DEFAULT_FORUM_CHAT_ID,
    SANDBOX_TOKEN,
    EmulatorState,
    OutgoingFile,
    SimUser,
    bound_url,
    start_emulator,
)
from tgsandbox.faults import Fault

FORUM = DEFAULT_FORUM_CHAT_ID
IRYNA, ASKAR = 20001, 20002  # staff; Iryna's Telegram speaks uk, Askar's ru
INTRUDER = 30001  # in the staff group, but not in STAFF_IDS
HUB = TranslatorHub()


def _said(locale: str) -> Callable[..., str]:
    """A text as the chat shows it: formatted by the bot's translations, HTML markup parsed."""

    def text(key: str, **args: Any) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", HUB.get(locale)(key, **args)))

    return text


UK = _said("uk")  # the staff language here, for everyone in the chat


@dataclass
class AdminChat:
    state: EmulatorState
    sessions: async_sessionmaker[AsyncSession]
    bot: Bot
    clock: FakeClock
    imports: RegistryImports

    def replies(self) -> list[dict[str, Any]]:
        return [m for m in self.state.history(FORUM) if m["from"]["is_bot"]]

    async def send(
        self, text: str, user: int = IRYNA, thread: int | None = None, within: float = 15
    ) -> list[str]:
        """Write in the admin chat; the texts of the bot's replies to that message."""
        sent = self.state.send_text(FORUM, text, user_id=user, thread_id=thread)
        return await self._answers(sent, within)

    async def send_file(
        self, name: str, data: bytes, user: int = IRYNA, answered: bool = True, **kw: Any
    ) -> list[str]:
        """Send a file; once the bot answered it and its import (in the background) finished,
        the texts of the bot's replies to it (the progress message, edited into the report)."""
        sent = self.drop_file(name, data, user, **kw)
        if answered:
            await self.state.wait_for(lambda: bool(self._replies_to(sent)), within=15)
        await self.imports.wait()
        return await self._answers(sent)

    def drop_file(self, name: str, data: bytes, user: int = IRYNA, **kw: Any) -> dict[str, Any]:
        [sent] = self.state.send_files(
            FORUM, "document", [OutgoingFile(name, data, "text/csv")], user_id=user, **kw
        )
        return sent

    def _replies_to(self, sent: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            m
            for m in self.replies()
            if (m.get("reply_to_message") or {}).get("message_id") == sent["message_id"]
        ]

    async def _answers(self, sent: dict[str, Any], within: float = 15) -> list[str]:
        await self.state.wait_delivered(within=within)
        return [m.get("text", "") for m in self._replies_to(sent)]

    async def rows(self, model: Any) -> list[Any]:
        async with self.sessions() as session:
            return list((await session.execute(select(model))).scalars())


@pytest.fixture
async def chat(session_factory, db_url, clock) -> AsyncIterator[AdminChat]:
    users = [*sandbox_users(), SimUser(INTRUDER, "Ivan", "Outsider", None, "en", is_staff=True)]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    settings = Settings(  # type: ignore[call-arg]
        bot_token=SANDBOX_TOKEN,
        database_url=db_url,
        admin_chat_id=FORUM,
        staff_ids=[IRYNA, ASKAR],
        bot_api_url=bound_url(runner),
        # staff read one language (STAFF_LOCALE), whatever their own: Askar's app is Russian
        staff_locale="uk",
        _env_file=None,
    )
    bot = create_bot(settings)
    dp, _ = create_dispatcher(settings, session_factory, clock=clock)
    polling = asyncio.create_task(
        dp.start_polling(bot, polling_timeout=1, handle_signals=False, handle_as_tasks=False)
    )
    try:
        yield AdminChat(state, session_factory, bot, clock, dp["registry_imports"])
    finally:
        await stop_polling(dp, polling)
        await bot.session.close()
        await runner.cleanup()


async def _family(chat: AdminChat) -> tuple[int, int]:
    """A family policy of two cards on one phone, linked to the member who shared it."""
    async with chat.sessions.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0042", program="Family Plus")
        await make_person(session, policy, insured_id="UA-300001", phone="+380501112233")
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
        await confirm_phone(session, member, "+380501112233", chat.clock(), chat.clock().date())
        assert member.id is not None and child.id is not None
        return member.id, child.id


def _csv(rows: list[list[str]]) -> bytes:
    return ("\n".join([",".join(COLUMNS)] + [",".join(r) for r in rows]) + "\n").encode()


def _row(insured_id: str, phone: str = "", birth: str = "1990-01-01") -> list[str]:
    return [
        "SPH-2026-0900",
        "Standard",
        "corporate",
        "2026-01-10",
        "2026-01-25",
        "2026-12-31",
        insured_id,
        "Dana Zhaksybekova",
        birth,
        phone,
        "self",
    ]


async def test_find_by_phone_policy_and_insured_id_is_masked_and_audited(chat):
    member_id, _ = await _family(chat)

    [by_phone] = await chat.send("/find +380 50 111 22 33")
    [by_policy] = await chat.send("/find sph-2026-0042", user=ASKAR)
    [by_id] = await chat.send("/find UA-300002")

    assert by_phone.startswith(
        UK("staffcmd-find-title", query="+380 ••• ••• 22 33", members=1, cards=2)
    )
    assert f"#{member_id}" in by_phone
    for text in (by_phone, by_policy, by_id):
        assert "+380 ••• ••• 22 33" in text
        assert "UA-•••02" in text
        assert "Taras Kovalenko" in text and "2015" in text and "Family Plus" in text
        assert "+380501112233" not in text and "UA-300002" not in text
        assert "2015-06-01" not in text and "01.06.2015" not in text
    assert UK("staffcmd-find-card-members", members=f"#{member_id}") in by_policy
    assert by_id.count("💳") == 1  # only the card asked for (and its member)
    audit = await chat.rows(AuditEntry)
    assert [(a.staff_telegram_id, a.action, a.target) for a in audit] == [
        (IRYNA, "find", "+380 ••• ••• 22 33"),
        (ASKAR, "find", "SPH-2026-0042"),
        (IRYNA, "find", "UA-•••02"),
    ]


async def test_find_answers_in_the_thread_it_was_asked_in(chat):
    await _family(chat)
    topic = await chat.bot.create_forum_topic(FORUM, "Registry questions")

    sent = chat.state.send_text(
        FORUM, "/find UA-300001", user_id=IRYNA, thread_id=topic.message_thread_id
    )
    await chat.state.wait_delivered()

    [reply] = [
        m
        for m in chat.replies()
        if m.get("reply_to_message", {}).get("message_id") == sent["message_id"]
    ]
    assert reply["message_thread_id"] == topic.message_thread_id
    assert "UA-•••01" in reply["text"]


async def test_find_without_a_match_or_a_query(chat):
    assert await chat.send("/find KZ-999999") == [UK("staffcmd-find-none", query="KZ-•••99")]
    assert await chat.send("/find") == [UK("staffcmd-find-usage")]
    # a name nobody has: told so, with what to try, not "check the number"
    assert await chat.send("/find Жаксыбекова Дана") == [
        UK("staffcmd-find-none-name", query="Жаксыбекова Дана")
    ]
    assert await chat.send("/find ???") == [UK("staffcmd-find-usage")]


async def test_find_by_name_in_any_case_finds_cards_and_members_and_audits_initials(chat):
    """A member calls and gives their name: /find took numbers only, and staff were sent to the
    chat's search, which knows only members with a topic. A name finds the registry's cards
    whose holder's name holds each word, typed in any case (a registry writes "КОВАЛЕНКО" or
    "Коваленко"), and members by their profile's name; the audit keeps the initials."""
    member_id, _ = await _family(chat)
    async with chat.sessions.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0077")
        await make_person(session, policy, insured_id="KZ-700001", full_name="ЖАКСЫБЕКОВА ДАНА")
        await make_member(session, telegram_id=10009, full_name="Dana Zhaksybekova")

    [family] = await chat.send("/find kovalenko")
    assert family.startswith(UK("staffcmd-find-title", query="kovalenko", members=1, cards=2))
    assert "Taras Kovalenko" in family and f"#{member_id}" in family
    assert "+380501112233" not in family and "UA-300002" not in family
    [taras] = await chat.send("/find taras KOVALENKO")
    assert taras.count("💳") == 1 and "Taras Kovalenko" in taras
    [dana] = await chat.send("/find жаксыбекова")
    assert "ЖАКСЫБЕКОВА ДАНА" in dana and "KZ-•••01" in dana
    # the other script too: the registry's «ЖАКСЫБЕКОВА ДАНА» for "Zhaksybekova" (it found the
    # profile alone), "Kovalenko" for «Коваленко»
    [both] = await chat.send("/find Zhaksybekova")
    assert both.startswith(UK("staffcmd-find-title", query="Zhaksybekova", members=1, cards=1))
    [cyrillic] = await chat.send("/find Тарас Коваленко")
    assert cyrillic.count("💳") == 1 and "Taras Kovalenko" in cyrillic
    audit = await chat.rows(AuditEntry)
    assert [a.target for a in audit] == ["k…", "t… K…", "ж…", "Z…", "Т… К…"]


async def test_a_command_with_a_capital_first_letter_is_taken(chat):
    """A phone's keyboard makes the first letter a capital: "/Find kovalenko" was "The bot
    does not know that command"."""
    await _family(chat)
    [lower] = await chat.send("/find kovalenko")
    [capital] = await chat.send("/Find kovalenko")
    assert capital == lower
    assert "Taras Kovalenko" in capital


async def test_setphone_links_the_members_cards_and_queues_their_notice(chat):
    # the member shared +77010000101, but the registry had the card under a typo
    async with chat.sessions.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0001")
        card = await make_person(session, policy, insured_id="KZ-100001", phone="+77010000100")
        member = await make_member(session, telegram_id=10002)
        assert (
            await confirm_phone(session, member, "+77010000101", chat.clock(), chat.clock().date())
            == 0
        )
        member_id, card_id = member.id, card.id

    [reply] = await chat.send("/setphone kz-100001 +7 701 000 01 01", user=ASKAR)

    assert reply == "\n".join(
        [
            UK(
                "staffcmd-setphone-done",
                insured_id="KZ-•••01",
                old="+7 ••• ••• 01 00",
                new="+7 ••• ••• 01 01",
            ),
            UK("staffcmd-linked", members=1),
        ]
    )
    links = await chat.rows(CardLink)
    assert [(link.member_id, link.card_id) for link in links] == [(member_id, card_id)]
    [person] = await chat.rows(InsuredPerson)
    assert person.phone == "+77010000101"
    [note] = await chat.rows(Notification)
    assert (note.audience, note.kind, note.member_id, note.status) == (
        "member",
        "cards_linked",
        member_id,
        "pending",
    )
    assert note.payload == {"count": 1}
    assert note.dedup_key == f"linked:{member_id}:{card_id}"
    [entry] = await chat.rows(AuditEntry)
    assert (entry.staff_telegram_id, entry.action, entry.target) == (ASKAR, "setphone", "KZ-•••01")


async def test_setphone_away_from_the_members_phone_says_who_lost_the_card(chat):
    member_id, _ = await _family(chat)

    [reply] = await chat.send("/setphone UA-300002 +380671234567")

    assert reply.split("\n")[1:] == [UK("staffcmd-setphone-unlinked", members=f"#{member_id}")]
    links = await chat.rows(CardLink)
    assert len(links) == 1


async def test_setphone_refuses_a_bad_phone_an_unknown_card_and_missing_arguments(chat):
    await _family(chat)

    assert await chat.send("/setphone UA-300001 12ab") == [UK("staffcmd-setphone-bad-phone")]
    assert await chat.send("/setphone UA-999999 +380671234567") == [
        UK("staffcmd-setphone-no-card", insured_id="UA-•••99")
    ]
    assert await chat.send("/setphone UA-300001") == [UK("staffcmd-setphone-usage")]
    phones = {p.phone for p in await chat.rows(InsuredPerson)}
    assert phones == {"+380501112233"}
    assert await chat.rows(AuditEntry) == []


async def test_registry_csv_reports_the_bad_row_and_stores_the_good_ones(chat):
    async with chat.sessions.begin() as session:
        member = await make_member(session, telegram_id=10003)
        await confirm_phone(session, member, "+77010009999", chat.clock(), chat.clock().date())
        member_id = member.id
    data = _csv(
        [
            _row("KZ-900001", "+77010009999"),
            _row("KZ-900002", birth="2030-01-01"),
            _row("KZ-900003", "not a phone"),
            _row("KZ-900004"),
        ]
    )

    replies = await chat.send_file("march.csv", data)

    summary, attached = _summary_and_file(chat, replies)
    assert summary == "\n".join(
        [
            UK(
                "staffcmd-import-report",
                file="march.csv",
                rows=4,
                added=2,
                updated=0,
                unchanged=0,
                rejected=2,
            ),
            UK("staffcmd-linked", members=1),
        ]
    )
    assert attached["caption"] == UK("staffcmd-import-rejected-file", count=2)
    assert attached["document"]["file_name"] == "march-rejected.csv"
    rejected = _rows_of(chat, attached)
    assert [(r["line"], r["reasons"], r["insured_id"], r["birth_date"]) for r in rejected] == [
        ("3", "birth_date: in the future", "KZ-900002", "2030-01-01"),
        ("4", "phone: not a valid phone number", "KZ-900003", "1990-01-01"),
    ]
    assert rejected[1]["phone"] == "not a phone"  # the row as it was in the file
    stored = sorted(p.insured_id for p in await chat.rows(InsuredPerson))
    assert stored == ["KZ-900001", "KZ-900004"]
    [note] = await chat.rows(Notification)
    assert (note.kind, note.member_id, note.payload) == (
        "cards_linked",
        member_id,
        {"count": 1},
    )
    [entry] = await chat.rows(AuditEntry)
    assert (entry.action, entry.target) == ("import", "march.csv")
    assert (entry.details or {})["rejected"] == 2


def _summary_and_file(chat: AdminChat, replies: list[str]) -> tuple[str, dict[str, Any]]:
    """The one text reply and the one document the bot sent to the admin chat."""
    [summary] = [text for text in replies if text]
    [attached] = [m for m in chat.replies() if "document" in m]
    return summary, attached


def _rows_of(chat: AdminChat, message: dict[str, Any]) -> list[dict[str, str]]:
    data = chat.state.files.require(message["document"]["file_id"]).data
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


async def test_good_rows_of_a_mostly_bad_registry_are_stored_with_one_summary_and_a_csv(chat):
    good = [_row(f"KZ-{920000 + n}") for n in range(10)]
    bad = [_row(f"KZ-{930000 + n}", birth="2030-01-01") for n in range(3000)]

    await chat.send_file("april.csv", _csv(good + bad))

    stored = sorted(p.insured_id for p in await chat.rows(InsuredPerson))
    assert stored == [f"KZ-{920000 + n}" for n in range(10)]
    assert [a.action for a in await chat.rows(AuditEntry)] == ["import"]
    await chat.state.wait_for(lambda: any("document" in m for m in chat.replies()), within=15)
    bot_messages = chat.replies()
    assert len(bot_messages) == 2  # one summary, one file
    summary, attached = _summary_and_file(chat, [m.get("text", "") for m in bot_messages])
    assert summary.startswith(
        UK(
            "staffcmd-import-report",
            file="april.csv",
            rows=3010,
            added=10,
            updated=0,
            unchanged=0,
            rejected=3000,
        )
    )
    rejected = _rows_of(chat, attached)
    assert len(rejected) == 3000
    assert rejected[0]["line"] == "12" and rejected[-1]["line"] == "3011"
    assert {r["reasons"] for r in rejected} == {"birth_date: in the future"}
    assert not [c for c in chat.state.calls if c.get("error")]


async def test_an_import_is_kept_when_its_report_cannot_be_sent(chat):
    # Telegram fails the report (the 429 retries would get it through a passing flood limit)
    chat.state.faults.append(
        Fault(id=1, kind="server_error", remaining=1, method="editMessageText")
    )
    good = [_row(f"KZ-{940000 + n}") for n in range(10)]
    bad = [_row(f"KZ-{950000 + n}", birth="2030-01-01") for n in range(5)]

    replies = await chat.send_file("may.csv", _csv(good + bad))

    # Telegram refused the report: the progress message stays as it was
    assert replies == [UK("import-progress", file="may.csv", rows=0)]
    stored = sorted(p.insured_id for p in await chat.rows(InsuredPerson))
    assert stored == [f"KZ-{940000 + n}" for n in range(10)]
    assert [a.action for a in await chat.rows(AuditEntry)] == ["import"]


async def test_a_registry_without_required_columns_is_refused_whole(chat):
    data = b"policy_number,program\nSPH-1,Standard\n"

    replies = await chat.send_file("broken.csv", data)

    assert len(replies) == 1
    assert replies[0].startswith("⚠️ Файл broken.csv не вдалося імпортувати: missing column(s)")
    assert await chat.rows(Policy) == []
    assert await chat.rows(AuditEntry) == []


async def test_a_file_over_20_mb_is_refused_before_downloading(chat):
    data = b"x" * (20 * 1024 * 1024 + 1)

    replies = await chat.send_file("huge.csv", data)

    assert replies == [UK("staffcmd-import-too-big", file="huge.csv")]
    assert not [c for c in chat.state.calls if c["method"] == "getFile"]


async def test_a_csv_sent_in_a_members_topic_is_relayed_not_imported(chat):
    member_id, _ = await _family(chat)
    topic = await chat.bot.create_forum_topic(FORUM, "Olena Kovalenko")
    async with chat.sessions.begin() as session:
        session.add(
            AdminTopic(
                member_id=member_id,
                chat_id=FORUM,
                thread_id=topic.message_thread_id,
                title=topic.name,
                created_at=chat.clock(),
            )
        )

    replies = await chat.send_file(
        "receipt.csv", _csv([_row("KZ-920001")]), answered=False, thread_id=topic.message_thread_id
    )

    assert replies == []
    assert "KZ-920001" not in {p.insured_id for p in await chat.rows(InsuredPerson)}
    assert [n.kind for n in await chat.rows(Notification)] == ["staff_copy"]


async def test_stats_shows_counts_median_and_failed_notifications(chat):
    async with chat.sessions.begin() as session:
        policy = await make_policy(session)
        card = await make_person(session, policy)
        member = await make_member(session)
        created = chat.clock() - timedelta(days=2)
        for kind, status, wait in [
            ("callback", "done", timedelta(hours=1)),
            ("callback", "in_progress", timedelta(days=2, hours=1, minutes=10)),
            ("medicines", "new", None),
        ]:
            session.add(
                Request(
                    member_id=member.id,  # type: ignore[arg-type]
                    card_id=card.id,  # type: ignore[arg-type]
                    kind=kind,
                    status=status,
                    created_at=created,
                    updated_at=created,
                    first_staff_action_at=created + wait if wait else None,
                )
            )
        session.add(
            Notification(
                audience="member",
                kind="cards_linked",
                dedup_key="a",
                status="failed",
                next_attempt_at=created,
                created_at=created,
            )
        )

    # the figures, then the chart (drawn in a worker thread: slow on a busy machine)
    [text, chart] = await chat.send("/stats", user=ASKAR, within=120)
    assert chart == "" and "photo" in chat.replies()[-1]

    lines = text.split("\n")
    assert lines[0] == UK("staffcmd-stats-title", total=3)
    for status, count in [("new", 1), ("in_progress", 1), ("done", 1)]:
        label = UK(f"request-status-{status}")
        assert UK("staffcmd-stats-line", label=label, count=count) in lines
    for kind, count in [("callback", 2), ("medicines", 1)]:
        assert UK("staffcmd-stats-line", label=UK(f"request-kind-{kind}"), count=count) in lines
    # the median of 1 h and 2 d 1 h 10 min is their mean: 1 d 1 h 5 min
    duration = " ".join(
        [
            UK("staffcmd-duration-days", count=1),
            UK("staffcmd-duration-hours", count=1),
            UK("staffcmd-duration-minutes", count=5),
        ]
    )
    assert UK("staffcmd-stats-median", duration=duration, count=2) in lines
    assert lines[-1] == UK("staffcmd-stats-failed", count=1)


async def test_a_non_staff_member_of_the_chat_is_refused_and_changes_nothing(chat):
    await _family(chat)

    for command in ("/find UA-300001", "/setphone UA-300001 +380671234567", "/stats"):
        assert await chat.send(command, user=INTRUDER) == [UK("staff-not-allowed")]
    data = _csv([_row("KZ-930001")])
    assert await chat.send_file("march.csv", data, user=INTRUDER, answered=False) == []

    assert {p.phone for p in await chat.rows(InsuredPerson)} == {"+380501112233"}
    assert "KZ-930001" not in {p.insured_id for p in await chat.rows(InsuredPerson)}
    assert await chat.rows(AuditEntry) == []
    assert await chat.rows(Notification) == []
    assert len(await chat.rows(Member)) == 1
