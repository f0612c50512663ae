"""CPU per member update on the hot path, this tree against another commit in the same run:
``python -m bench.hotpath_bench [--members 1000] [--walkers 40] [--rounds 7] [--against REF]``.

Each side is a child process that builds a file SQLite database of `--members` members, each
with a confirmed phone and a linked, active card; `--walkers` of them were made by walking the
real steps (/start, "Confirm phone", the contact shared). The dispatcher is the bot's own
(`bot.factory.create_dispatcher`) driven by the dialog tests' harness (`tests/dialogs/harness.py`:
no Bot API, aiogram-dialog's message manager stub). A round: `--walkers` new members, each with
a registry card for its phone, send `/start`, press "Confirm phone" and share their contact (the
phone step, measured: lookup, link, the commit before the answer, the cards); then every walker
sends `/start` (the menu, measured), "New request", "Lab tests", a referral and "Next" (the
calendar), then a typed date (measured). CPU is the child's process time (the event loop and
aiosqlite's thread) around each measured update; a round's figure is the mean over the walkers,
a side's the median of its rounds. With ``--against REF`` the other child runs the same script
in a temporary git worktree of REF (removed at the end); the two take turns, round by round, in
alternating order.

With ``--lanes`` one child runs this tree with the member's statements sent to SQLite's driver
(`storage/driver_lane.py`) and, switched off, through SQLAlchemy, in the same process: each
walker's `/start` is sent under both, back to back in alternating order (a pair), and its typed
date under one or the other by turns; printed are the medians of each lane and of the pairs'
ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("phone shared", "/start menu", "typed date")
NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)  # the dialog tests' clock: the date is ahead
TYPED_DATE = "25.12.2026"
PHONE_WALKER = 3_000_000  # the phone step's walkers: their Telegram id is this + their card's
TOKEN = "123456:TEST-token"  # noqa: S105 (no bot connects: the harness answers every call)


def _phone(i: int) -> str:
    return f"38050{i:07d}"


@contextlib.contextmanager
def _lane(driver: bool) -> Iterator[None]:
    """The driver's lane (`storage/driver_lane.py`) as it is, or switched off: every statement
    through SQLAlchemy, as on PostgreSQL."""
    from storage import driver_lane

    if driver:
        yield
        return

    kept = driver_lane.in_loop_driver
    setattr(driver_lane, "in_loop_driver", lambda _connection: None)  # noqa: B010
    try:
        yield
    finally:
        setattr(driver_lane, "in_loop_driver", kept)  # noqa: B010


async def _child(members: int, walkers: int, lanes: bool = False) -> None:
    from pydantic import SecretStr
    from sqlmodel import SQLModel

    from bot.config import Settings
    from bot.factory import create_dispatcher
    from storage.db import create_engine, create_session_factory
    from storage.models import (
        CardLink,
        HolderType,
        InsuredPerson,
        LinkVia,
        Member,
        Policy,
        Relation,
    )
    from tests.dialogs.harness import MemberClient, ReplyAwareMessageManager

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/hotpath.sqlite3"
        engine = create_engine(url)
        async with engine.begin() as conn:
            await conn.run_sync(SQLModel.metadata.create_all)
        sessions = create_session_factory(engine)

        async def registry_card(session: Any, i: int) -> InsuredPerson:
            policy = Policy(
                number=f"HP-{i:06d}",
                program="Standard",
                holder_type=HolderType.INDIVIDUAL,
                contract_signed=date(2026, 1, 10),
                coverage_start=date(2026, 1, 25),
                coverage_end=date(2026, 12, 31),
                updated_at=NOW,
            )
            session.add(policy)
            await session.flush()
            person = InsuredPerson(
                insured_id=f"UA-{300000 + i}",
                policy_id=policy.id or 0,
                full_name=f"Olena Kovalenko {i}",
                birth_date=date(1984, 3, 5),
                phone="+" + _phone(i),
                relation=Relation.SELF,
                updated_at=NOW,
            )
            session.add(person)
            return person

        async with sessions.begin() as session:
            for i in range(members):
                person = await registry_card(session, i)
                if i >= walkers:  # the walkers get theirs by sharing their phone
                    await session.flush()
                    member = Member(
                        telegram_id=500_000 + i,
                        language="en",
                        phone="+" + _phone(i),
                        phone_confirmed_at=NOW,
                        full_name=person.full_name,
                        active_card_id=person.id,
                        created_at=NOW,
                    )
                    session.add(member)
                    await session.flush()
                    assert member.id is not None and person.id is not None
                    session.add(
                        CardLink(
                            member_id=member.id, card_id=person.id, via=LinkVia.PHONE, linked_at=NOW
                        )
                    )
        settings = Settings(bot_token=SecretStr(TOKEN), database_url=url, _env_file=None)  # type: ignore[call-arg]
        messages = ReplyAwareMessageManager()
        dp, _bg = create_dispatcher(settings, sessions, clock=lambda: NOW, message_manager=messages)
        clients = [MemberClient(dp, messages, user_id=2_000 + i) for i in range(walkers)]
        for i, client in enumerate(clients):
            await client.send("/start")
            await client.click("📱 Confirm phone")
            await client.share_contact(_phone(i))

        async def measured(
            client: MemberClient, action: Awaitable[object], expect: str, driver: bool = True
        ) -> float:
            """CPU spent on `action` (a message sent, a contact shared), checked by its answer."""
            with _lane(driver):
                start = time.process_time()
                await action
                spent = time.process_time() - start
            if expect not in client.text():
                raise AssertionError(f"expected {expect!r}, the member saw {client.text()!r}")
            return spent

        fresh = itertools.count(members)

        async def phone_walkers() -> list[tuple[MemberClient, str]]:
            """New members at "Confirm phone", each with a registry card for its phone."""
            numbers = [next(fresh) for _ in range(walkers)]
            async with sessions.begin() as session:
                for i in numbers:
                    await registry_card(session, i)
            found = [
                (MemberClient(dp, messages, user_id=PHONE_WALKER + i), _phone(i)) for i in numbers
            ]
            for client, _phone_number in found:
                await client.send("/start")
                await client.click("📱 Confirm phone")
            return found

        for number, line in enumerate(sys.stdin):
            if line.strip() != "run":
                break
            if lanes:
                paired: list[list[float]] = []  # /start: [driver, SQLAlchemy]
                dates: dict[str, list[float]] = {"driver": [], "SQLAlchemy": []}
                for index, client in enumerate(clients):
                    first = (index + number) % 2 == 0  # which lane goes first, by turns
                    pair = {
                        driver: await measured(client, client.send("/start"), "HP-", driver)
                        for driver in (first, not first)
                    }
                    paired.append([pair[True], pair[False]])
                    await client.click("📝 New request")
                    await client.click("🧪 Lab tests")
                    await client.send("Complete blood count")
                    await client.click("➡️ Next")
                    spent_date = await measured(
                        client, client.send(TYPED_DATE), "find a laboratory nearby", first
                    )
                    dates["driver" if first else "SQLAlchemy"].append(spent_date)
                print(json.dumps({"/start menu": paired, "typed date": dates}), flush=True)  # noqa: T201
                messages.sent_messages.clear()
                continue
            spent: dict[str, list[float]] = {step: [] for step in STEPS}
            for client, phone in await phone_walkers():
                shared = client.share_contact(phone)
                spent["phone shared"].append(await measured(client, shared, "HP-"))
            for client in clients:
                spent["/start menu"].append(await measured(client, client.send("/start"), "HP-"))
                await client.click("📝 New request")
                await client.click("🧪 Lab tests")
                await client.send("Complete blood count")
                await client.click("➡️ Next")
                spent["typed date"].append(
                    await measured(client, client.send(TYPED_DATE), "find a laboratory nearby")
                )
            print(json.dumps({step: statistics.fmean(v) for step, v in spent.items()}), flush=True)  # noqa: T201
            messages.sent_messages.clear()
        await engine.dispose()


@contextlib.contextmanager
def worktree(ref: str) -> Iterator[Path]:
    """A temporary git worktree of `ref` (this benches' `--against`), removed at the end."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(  # noqa: S603
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), ref],  # noqa: S607
            check=True,
        )
        try:
            yield tree
        finally:
            subprocess.run(  # noqa: S603
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],  # noqa: S607
                check=True,
            )


class _Side:
    """A child process running the walkers of one tree, one round per `run` line."""

    def __init__(
        self, name: str, tree: Path, members: int, walkers: int, lanes: bool = False
    ) -> None:
        self.name = name
        self.rounds: list[dict[str, Any]] = []
        # the script runs from this tree, the code it drives from `tree` ('-c' puts cwd first)
        env = {**os.environ, "PYTHONPATH": str(tree)}
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-c",
                "import runpy, sys; path = sys.argv.pop(1); "
                "runpy.run_path(path, run_name='__main__')",
                str(Path(__file__).resolve()),
                "--child",
                f"--members={members}",
                f"--walkers={walkers}",
                *(["--lanes"] if lanes else []),
            ],
            cwd=tree,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("run\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"{self.name}: the child process ended")
        self.rounds.append(json.loads(line))

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)

    def median(self, step: str) -> float:
        return statistics.median(r[step] for r in self.rounds)


def _report(sides: list[_Side]) -> None:
    print(f"\nCPU per update, median of {len(sides[0].rounds)} rounds (ms)")  # noqa: T201
    header = f"{'step':<14}" + "".join(f"{side.name:>22}" for side in sides)
    if len(sides) == 2:
        header += f"{'ratio':>10}"
    print(header)  # noqa: T201
    for step in STEPS:
        row = f"{step:<14}" + "".join(f"{side.median(step) * 1e3:>22.2f}" for side in sides)
        if len(sides) == 2:
            row += f"{sides[1].median(step) / sides[0].median(step):>9.2f}×"
        print(row)  # noqa: T201
    for side in sides:
        spread = ", ".join(
            f"{step}: " + " ".join(f"{r[step] * 1e3:.2f}" for r in side.rounds) for step in STEPS
        )
        print(f"  {side.name} rounds: {spread}")  # noqa: T201


def _report_lanes(rounds: list[dict[str, Any]]) -> None:
    pairs = [pair for found in rounds for pair in found["/start menu"]]
    dates = {
        lane: [spent for found in rounds for spent in found["typed date"][lane]]
        for lane in ("driver", "SQLAlchemy")
    }
    print(f"\nCPU per update in one process, {len(rounds)} rounds (ms, medians)")  # noqa: T201
    print(f"{'step':<14}{'driver':>10}{'SQLAlchemy':>12}{'ratio':>9}{'pairs':>9}")  # noqa: T201
    driver = statistics.median(pair[0] for pair in pairs)
    alchemy = statistics.median(pair[1] for pair in pairs)
    ratio = statistics.median(pair[0] / pair[1] for pair in pairs)
    print(  # noqa: T201
        f"{'/start menu':<14}{driver * 1e3:>10.2f}{alchemy * 1e3:>12.2f}"
        f"{driver / alchemy:>8.2f}×{ratio:>8.2f}×  ({len(pairs)} pairs)"
    )
    driver, alchemy = (statistics.median(dates[lane]) for lane in ("driver", "SQLAlchemy"))
    print(  # noqa: T201
        f"{'typed date':<14}{driver * 1e3:>10.2f}{alchemy * 1e3:>12.2f}{driver / alchemy:>8.2f}×"
        f"{'':>9}  ({len(dates['driver'])} / {len(dates['SQLAlchemy'])} updates)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--walkers", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--against", metavar="REF", help="a git commit to compare with")
    parser.add_argument(
        "--lanes", action="store_true", help="the driver's lane against SQLAlchemy's, one process"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        asyncio.run(_child(args.members, args.walkers, args.lanes))
        return
    if args.lanes:
        side = _Side("lanes", ROOT, args.members, args.walkers, lanes=True)
        try:
            side.run()  # a round to warm up: its figures are left out
            side.rounds.clear()
            for _ in range(args.rounds):
                side.run()
        finally:
            side.close()
        _report_lanes(side.rounds)
        return
    with contextlib.ExitStack() as stack:
        sides = []
        if args.against:
            base = stack.enter_context(worktree(args.against))
            sides.append(_Side(f"at {args.against}", base, args.members, args.walkers))
        sides.append(_Side("this tree", ROOT, args.members, args.walkers))
        for side in sides:
            stack.callback(side.close)
        for n in range(args.rounds):
            for side in sides if n % 2 == 0 else sides[::-1]:
                side.run()
        _report(sides)


if __name__ == "__main__":
    main()
