"""Commit, then speak, under SIGKILL: ``python -m bench.kill_bench [--members N]``.

N simulated members each order a call-back through the real bot process (``run_bot.py``) and the
in-process Bot API emulator, as a member would: they answer what the last message asks, press
its buttons, and repeat when nothing happens. Meanwhile the bot is killed with SIGKILL at the
moment a confirmation ("Request R-… is sent") reaches the emulator, before the bot hears back,
and at random moments, and restarted each time. Afterwards every request number a member saw
must exist in the database, belong to that member, and each member must have exactly one
request. Prints the counts. A PostgreSQL ``--database-url`` is emptied first (DROP SCHEMA
public): give it a database of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import signal
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel import col

from bench.clock_env import clock_env
from bot.clock import Clock, system_clock
from bot.config import Settings
from bot.sandbox.run import sandbox_users
from bot.services.cards import confirm_phone
from storage.db import create_engine, create_session_factory, migrate
from storage.models import InsuredPerson, Member, Policy, Request
from tgsandbox import (
    DEFAULT_FORUM_CHAT_ID,
    SANDBOX_TOKEN,
    EmulatorState,
    SandboxError,
    SimUser,
    bound_url,
    start_emulator,
)

ROOT = Path(__file__).resolve().parents[1]
NUMBER = re.compile(r"R-\d{6}")
SENT = "is sent"
FIRST_MEMBER = 500_001
TOPIC = "Please call me about my dental limit"
# what a member presses, the first found first: the form's buttons, then the menu's
PRESS = ("✅ Send", "📱 Use", "🕘 Any", "📞 Call-back", "📝 New request")


@dataclass
class KillReport:
    members: int
    seen: dict[int, set[str]]  # member chat -> request numbers the member was shown
    owners: dict[str, int]  # request number -> the telegram id of its member, from the database
    per_member: dict[int, int]  # member telegram id -> requests stored for them
    kills_at_confirmation: int = 0
    kills_at_random: int = 0
    unfinished: list[int] = field(default_factory=list)  # members never shown a confirmation
    elapsed: float = 0.0
    # the staff side once the outbox has drained (issue 17: cards and topics made twice)
    staff: StaffSide | None = None

    @property
    def seen_total(self) -> int:
        return sum(len(numbers) for numbers in self.seen.values())

    @property
    def missing(self) -> list[str]:
        """Numbers a member saw that do not exist."""
        return sorted(n for numbers in self.seen.values() for n in numbers if n not in self.owners)

    @property
    def foreign(self) -> list[str]:
        """Numbers a member saw that belong to another member."""
        return sorted(
            n
            for chat, numbers in self.seen.items()
            for n in numbers
            if n in self.owners and self.owners[n] != chat
        )

    @property
    def not_exactly_once(self) -> dict[int, int]:
        """Members with other than exactly one stored request, or shown several numbers."""
        wrong = {m: c for m, c in self.per_member.items() if c != 1}
        wrong |= {m: len(n) for m, n in self.seen.items() if len(n) != 1}
        return wrong

    def lines(self) -> list[str]:
        return [
            f"members: {self.members}, shown a confirmation: {self.members - len(self.unfinished)}",
            f"kills: {self.kills_at_confirmation} at the confirmation, "
            f"{self.kills_at_random} at random moments",
            f"numbers seen: {self.seen_total}, requests stored: {len(self.owners)}",
            f"seen but missing: {len(self.missing)}, seen but another member's: "
            f"{len(self.foreign)}, members not exactly once: {len(self.not_exactly_once)}",
            f"time: {self.elapsed:.1f} s",
            *(self.staff.lines() if self.staff else []),
        ]


@dataclass
class StaffSide:
    """What staff see in the forum for the stored requests, counted from the emulator."""

    requests: int
    without_card: int  # stored requests whose card never reached the forum
    posted_twice: int  # requests with more than one card message
    reposted: int  # requests with a card marked "posted again after a restart"
    twice_unmarked: int  # requests with a card posted twice and none marked as posted again
    topics: int  # forum topics the bot created
    open_topics: int  # of them, not closed (a duplicate is closed with a link to the kept one)
    members: int  # members with a stored request

    def lines(self) -> list[str]:
        return [
            f"staff side: {self.requests} requests, {self.without_card} without a card, "
            f"{self.posted_twice} with a card posted twice, {self.twice_unmarked} of them "
            f"unmarked; {self.reposted} cards marked as posted again",
            f"topics: {self.topics} created for {self.members} members, {self.open_topics} open",
        ]


REPOSTED = "♻️"


def staff_side(state: EmulatorState, owners: dict[str, int]) -> StaffSide:
    forum = state.chats[DEFAULT_FORUM_CHAT_ID]
    cards: dict[str, list[str]] = defaultdict(list)

    def marked(texts: list[str]) -> bool:
        return any(REPOSTED in t for t in texts)

    for message in forum.messages.values():
        text = message.get("text") or message.get("caption") or ""
        if message.get("reply_markup") and message.get("from", {}).get("is_bot"):
            for number in set(NUMBER.findall(text)) & owners.keys():
                cards[number].append(text)
    return StaffSide(
        requests=len(owners),
        without_card=sum(1 for n in owners if not cards.get(n)),
        posted_twice=sum(1 for texts in cards.values() if len(texts) > 1),
        reposted=sum(1 for texts in cards.values() if marked(texts)),
        twice_unmarked=sum(1 for texts in cards.values() if len(texts) > 1 and not marked(texts)),
        topics=len(forum.topics),
        open_topics=sum(1 for t in forum.topics.values() if not t.is_closed),
        members=len(set(owners.values())),
    )


async def cards_posted(state: EmulatorState, url: str, within: float) -> None:
    """Wait (bounded) until every stored request has a card in the forum."""
    owners, _ = await stored(url)

    def all_posted() -> bool | None:
        return staff_side(state, owners).without_card == 0 or None

    with contextlib.suppress(TimeoutError):
        await state.wait_for(all_posted, within)


def _phone(i: int) -> str:
    return f"+38067{i:07d}"


async def empty_database(url: str) -> None:
    if url.startswith("postgresql"):
        engine = create_async_engine(url)
        async with engine.begin() as connection:
            await connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            await connection.exec_driver_sql("CREATE SCHEMA public")
        await engine.dispose()


async def seed(url: str, count: int, clock: Clock) -> list[int]:
    """Migrated schema and `count` members, each with a confirmed phone and a card active today."""
    await empty_database(url)
    await migrate(url)
    now = clock()
    tz = ZoneInfo(Settings.model_fields["insurer_timezone"].default)
    today = now.astimezone(tz).date()
    engine = create_engine(url)
    ids = [FIRST_MEMBER + i for i in range(count)]
    async with create_session_factory(engine).begin() as session:
        for i, telegram_id in enumerate(ids):
            policy = Policy(
                number=f"KILL-{i:06d}",
                program="Standard",
                holder_type="individual",
                contract_signed=today - timedelta(days=60),
                coverage_start=today - timedelta(days=30),
                coverage_end=today + timedelta(days=300),
                updated_at=now,
            )
            session.add(policy)
            await session.flush()
            assert policy.id is not None
            session.add(
                InsuredPerson(
                    insured_id=f"KL-{i:06d}",
                    policy_id=policy.id,
                    full_name=f"Member {i}",
                    birth_date=today.replace(year=today.year - 40),
                    phone=_phone(i),
                    relation="self",
                    updated_at=now,
                )
            )
            member = Member(telegram_id=telegram_id, language="en", created_at=now)
            session.add(member)
            await session.flush()
            await confirm_phone(session, member, _phone(i), now, now.date())
    await engine.dispose()
    return ids


async def stored(url: str) -> tuple[dict[str, int], dict[int, int]]:
    """Every request's number with its member's telegram id; requests per member."""
    engine = create_engine(url)
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(col(Request.id), col(Member.telegram_id)).join(
                Member, col(Member.id) == col(Request.member_id)
            )
        )
        pairs = [(f"R-{rid:06d}", int(tid)) for rid, tid in rows]
    await engine.dispose()
    per_member: dict[int, int] = defaultdict(int)
    for _, telegram_id in pairs:
        per_member[telegram_id] += 1
    return dict(pairs), dict(per_member)


class BotProcess:
    """The real bot (or `argv`, another bot), started again whenever it dies until told to stop."""

    def __init__(
        self,
        env: dict[str, str],
        workdir: Path,
        argv: list[str] | None = None,
        log_name: str = "bot",
    ) -> None:
        self.env = env
        self.workdir = workdir
        self.log_name = log_name  # each start's output: <workdir>/<log_name>-<start>.log
        self.argv = argv or [str(ROOT / "run_bot.py")]
        self.process: asyncio.subprocess.Process | None = None
        self.ready = asyncio.Event()  # set when the running process registered its commands
        self.stopping = False
        self.starts = 0

    def kill(self) -> bool:
        """SIGKILL now (synchronously: called from inside the emulator's request handling)."""
        if self.process is None or self.process.returncode is not None or not self.ready.is_set():
            return False
        self.ready.clear()
        os.kill(self.process.pid, signal.SIGKILL)
        return True

    async def supervise(self) -> None:
        while not self.stopping:
            self.starts += 1
            log = (self.workdir / f"{self.log_name}-{self.starts}.log").open("wb")
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                *self.argv,
                env=self.env,
                cwd=self.workdir,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
            )
            await self.process.wait()
            log.close()
            self.ready.clear()

    async def stop(self) -> None:
        self.stopping = True
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 20)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


def last_bot_message(state: EmulatorState, chat: int) -> dict[str, Any] | None:
    mine = [m for m in state.history(chat) if m.get("from", {}).get("is_bot")]
    return mine[-1] if mine else None


def _look(message: dict[str, Any] | None) -> tuple[Any, ...]:
    if message is None:
        return ()
    return (message["message_id"], message.get("text"), str(message.get("reply_markup")))


def buttons(message: dict[str, Any]) -> list[str]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b.get("text", "") for row in rows for b in row]


async def _settled(state: EmulatorState, chat: int, quiet: float, within: float) -> None:
    """Wait until the chat's last bot message has stayed the same for `quiet` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    look = _look(last_bot_message(state, chat))
    since = loop.time()
    while loop.time() < deadline and loop.time() - since < quiet:
        await asyncio.sleep(quiet / 4)
        now = _look(last_bot_message(state, chat))
        if now != look:
            look, since = now, loop.time()


async def order_callback(
    state: EmulatorState, chat: int, patience: float, deadline: float, until: str = ""
) -> bool:
    """One member orders a call-back, answering whatever the bot's last message asks.

    Like a person, the member reads a screen once it stops changing, and does the same again
    when nothing happens for `patience` seconds (the update died with the process). With
    `until`, the member stops at the first screen that says it (bench/mid_form_kill.py)."""
    loop = asyncio.get_running_loop()
    while loop.time() < deadline:
        await _settled(state, chat, quiet=0.4, within=patience)
        message = last_bot_message(state, chat)
        text = (message or {}).get("text", "")
        if message is not None and SENT in text and NUMBER.search(text):
            return True
        if until and until in text:
            return True
        before = _look(message)
        labels = buttons(message) if message else []
        button = next((b for p in PRESS for b in labels if b.startswith(p)), None)
        try:
            if message is not None and button is not None:
                state.press_button(chat, message["message_id"], text=button)
            elif "would you like to talk about" in text:
                state.send_text(chat, TOPIC)
            else:
                state.send_text(chat, "/start")
        except SandboxError:  # the message changed under us: look again
            continue

        def changed(before: tuple[Any, ...] = before) -> bool | None:
            return _look(last_bot_message(state, chat)) != before or None

        with contextlib.suppress(TimeoutError):  # lost with a killed process: act again
            await state.wait_for(changed, patience)
    return False


async def start_world(
    members: list[int], database_url: str, workdir: Path
) -> tuple[Any, EmulatorState, dict[str, str]]:
    """The emulator with the staff and `members` (English speakers), and the environment the
    bot process runs with against it; returns the emulator's runner (to clean up), its state
    and that environment."""
    users = [
        *(u for u in sandbox_users() if u.is_staff),
        *(SimUser(m, f"Member{m}", language_code="en") for m in members),
    ]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(workdir),
        "BOT_TOKEN": SANDBOX_TOKEN,
        "BOT_API_URL": bound_url(runner),
        "DATABASE_URL": database_url,
        "ADMIN_CHAT_ID": str(DEFAULT_FORUM_CHAT_ID),
        "STAFF_IDS": ",".join(str(u.id) for u in users if u.is_staff),
        **clock_env(),  # the bot sees the machine's clock as the seeding did
        # the emulator does not enforce the forum's 20 a minute here: a card and a topic for
        # each member would take minutes to reach the forum that the kills are not about
        "PACE_GROUP_PER_MINUTE": "600",
    }
    return runner, state, env


async def run(
    count: int,
    database_url: str,
    workdir: Path,
    *,
    kills_at_confirmation: int,
    kills_at_random: int,
    seed_value: int = 10,
    within: float = 1200,
    clock: Clock = system_clock,
) -> KillReport:
    members = await seed(database_url, count, clock)
    runner, state, env = await start_world(members, database_url, workdir)
    rng = random.Random(seed_value)
    bot = BotProcess(env, workdir)
    report = KillReport(count, defaultdict(set), {}, {})
    chats = set(members)
    # kill at the first confirmation, then at about half of them until the budget is spent
    confirm_budget = [kills_at_confirmation]

    def observe(record: dict[str, Any]) -> None:
        if record["method"].lower() == "setmycommands" and record.get("ok"):
            bot.ready.set()
            return
        if record["method"].lower() not in {"sendmessage", "editmessagetext"}:
            return
        params = record.get("params") or {}
        chat = int(params.get("chat_id") or 0)
        text = str(params.get("text") or "")
        if chat not in chats or not record.get("ok") or not (numbers := NUMBER.findall(text)):
            return
        report.seen[chat].update(numbers)
        first = report.kills_at_confirmation == 0
        if SENT in text and confirm_budget[0] > 0 and (first or rng.random() < 0.5) and bot.kill():
            confirm_budget[0] -= 1
            report.kills_at_confirmation += 1

    state.call_observers.append(observe)
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline = started + within
    supervisor = asyncio.create_task(bot.supervise())

    async def killer() -> None:
        for _ in range(kills_at_random):
            await bot.ready.wait()
            await asyncio.sleep(rng.uniform(0.5, 3.0))
            if bot.kill():
                report.kills_at_random += 1

    killing = asyncio.create_task(killer())
    try:
        await asyncio.wait_for(bot.ready.wait(), 120)
        # a member waits longer before pressing again when many wait at once (a flood of
        # repeats would only slow the bot further)
        patience = 5.0 + count / 5
        results = await asyncio.gather(
            *(order_callback(state, chat, patience, deadline) for chat in members)
        )
        report.unfinished = [m for m, done in zip(members, results, strict=True) if not done]
        report.elapsed = loop.time() - started
        killing.cancel()
        await asyncio.wait_for(bot.ready.wait(), 300)  # the outbox drains in a running process
        await cards_posted(state, database_url, within=120 + count)
        report.owners, report.per_member = await stored(database_url)
        report.staff = staff_side(state, report.owners)
    finally:
        killing.cancel()
        await bot.stop()
        await supervisor
        await runner.cleanup()
    if not report.owners:
        report.owners, report.per_member = await stored(database_url)
    for chat in members:
        report.per_member.setdefault(chat, 0)
    report.seen = dict(report.seen)
    return report


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--kills-at-confirmation", type=int, default=6)
    parser.add_argument("--kills-at-random", type=int, default=6)
    parser.add_argument("--database-url", default="", help="default: a new SQLite file")
    parser.add_argument("--seed", type=int, default=10)
    return parser.parse_args(argv)


async def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kill-bench-") as folder:
        workdir = Path(folder)
        url = args.database_url or f"sqlite+aiosqlite:///{workdir}/kill.sqlite3"
        report = await run(
            args.members,
            url,
            workdir,
            kills_at_confirmation=args.kills_at_confirmation,
            kills_at_random=args.kills_at_random,
            seed_value=args.seed,
        )
    print(f"database: {url.split(':', 1)[0]}")  # noqa: T201
    for line in report.lines():
        print(line)  # noqa: T201
    bad = report.missing or report.foreign or report.not_exactly_once or report.unfinished
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
