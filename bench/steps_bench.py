"""Member steps against a bare aiogram bot: ``python -m bench.steps_bench [--members N] [--quick]``.

N simulated members (500) act at once, through the real bot process (``run_bot.py``) and the
in-process Bot API emulator, for four measured steps: the phone shared (lookup, link, cards),
``/start`` (the menu), "Next" in the lab-tests form (a step showing a month calendar) and a typed
date in that form. The baseline is the bare aiogram echo bot (``bench/echo_bot.py``) given the
same kinds of updates by the same members, in the same run: every bot is running, and each step
is taken by one after another (A/B, then B/A the next round), so that the two figures of a ratio
are measured seconds apart; a step's ratio is the median of its rounds' ratios. Beside them, in
the same rounds, the bare aiogram-dialog bot (``bench/dialog_bot.py``: the same screens and
buttons on the two frameworks the stack decided on, nothing stored) takes the project's own
steps: its ratio to the echo bot is the floor of any bot on that stack, and each setup's ratio
to it (the last column) is what the project costs over its frameworks. With TEST_REDIS_URL set
the same bare bot runs a second time with its dialog state in aiogram's RedisStorage (a Redis
db of its own, three after the test one): the floor of dialogs that survive a restart.

Prints per step: throughput (members answered a second) and its ratio to the echo bot, the bot
process's CPU time per update, the p95 time to a member's first answer, and the throughput
against the bare aiogram-dialog bot's. On SQLite always;
on PostgreSQL and with Redis dialog state beside it when TEST_POSTGRES_URL / TEST_REDIS_URL are
set (that database is emptied first: DROP SCHEMA public; the Redis db is flushed). With
``--against REF`` the bot of that commit (a temporary git worktree, this virtualenv) runs on
SQLite too, as one more setup in the same rounds: a change measured against the commit before
it, each step's two figures seconds apart. With ``--replicas N`` (both URLs set) the deployed
shape (docs/deploy.md) is measured too: N ``web`` processes and a ``worker``, the emulator's
webhook handing each update to the next ``web`` in turn, with one polling process on the same
PostgreSQL and Redis beside it (databases ``<test database>_one`` and ``_fleet``, made afresh,
and the two Redis dbs after the test one); a fleet's CPU is its processes' together.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import os
import statistics
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from bench.echo_bot import BUTTON
from bench.harness import (
    DIALOG,
    ECHO,
    PROJECT,
    ROOT,
    Running,
    StepResult,
    fresh_database,
    press,
    running_bot,
    sibling_redis,
)
from bench.hotpath_bench import worktree
from bench.kill_bench import empty_database
from bench.profile import Profiler, by_library, by_phase
from bot.clock import system_clock
from bot.config import Settings
from storage.db import create_engine, migrate
from storage.models import InsuredPerson, Policy
from tgsandbox import EmulatorState, SimUser

FIRST_MEMBER = 700_001
DEFAULT_MEMBERS = 500
STEP_TIMEOUT = 300.0


def phone(i: int) -> str:
    return f"+38067{i:07d}"


def member_users(count: int, first: int = FIRST_MEMBER) -> list[SimUser]:
    return [
        SimUser(first + i, f"Member{i}", language_code="en", phone_number=phone(i))
        for i in range(count)
    ]


def insurer_today() -> date:
    tz = ZoneInfo(Settings.model_fields["insurer_timezone"].default)
    return system_clock().astimezone(tz).date()


async def _migrate_with(root: Path, url: str) -> None:
    """`url` migrated by the migrations of the tree at `root`, in a process of its own."""
    code = f"import asyncio; from storage.db import migrate; asyncio.run(migrate({url!r}))"
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, cwd=root, env={**os.environ, "PYTHONPATH": str(root)}
    )
    if await child.wait() != 0:
        raise RuntimeError(f"the migrations of {root} failed on {url}")


async def seed_registry(url: str, count: int, *, first_card: int = 0, root: Path = ROOT) -> None:
    """A migrated, empty schema and a registry card for each of `count` members' phones; the
    schema of the tree at `root` (`--against`: an older commit's bot refuses a database
    migrated past what it knows, "Can't locate revision")."""
    await empty_database(url)
    if root == ROOT:
        await migrate(url)
    else:
        await _migrate_with(root, url)
    today = insurer_today()
    now = system_clock()
    ids = range(first_card + 1, first_card + count + 1)
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(
            insert(Policy),
            [
                {
                    "id": i,
                    "number": f"STEP-{i:07d}",
                    "program": "Standard",
                    "holder_type": "individual",
                    "contract_signed": today - timedelta(days=60),
                    "coverage_start": today - timedelta(days=30),
                    "coverage_end": today + timedelta(days=300),
                    "updated_at": now,
                }
                for i in ids
            ],
        )
        await conn.execute(
            insert(InsuredPerson),
            [
                {
                    "id": i,
                    "insured_id": f"ST-{i:07d}",
                    "policy_id": i,
                    "full_name": f"Member {i}",
                    "birth_date": date(1980, 1, 1),
                    "phone": phone(i - first_card - 1),
                    "relation": "self",
                    "updated_at": now,
                }
                for i in ids
            ],
        )
    await engine.dispose()


Act = Callable[[EmulatorState, int], object]


def text(value: str) -> Act:
    return lambda state, chat: state.send_text(chat, value)


def contact() -> Act:
    return lambda state, chat: state.send_contact(chat)


def button(label: str) -> Act:
    return lambda state, chat: press(state, chat, label)


@dataclass(frozen=True)
class Step:
    name: str
    measured: bool
    project: Act
    echo: Act


def member_steps() -> list[Step]:
    """What each member does, in order; the echo bot gets an update of the same kind."""
    day = (insurer_today() + timedelta(days=10)).strftime("%d.%m.%Y")
    return [
        Step("first /start", False, text("/start"), text("/start")),
        Step("confirm phone", False, button("📱 Confirm phone"), button(BUTTON)),
        Step("phone shared", True, contact(), contact()),
        Step("/start menu", True, text("/start"), text("/start")),
        Step("new request", False, button("📝 New request"), button(BUTTON)),
        Step("lab tests", False, button("🧪 Lab tests"), button(BUTTON)),
        Step("referral typed", False, text("Blood count, urine test"), text("Blood count")),
        Step("month calendar", True, button("➡️ Next"), button(BUTTON)),
        Step("typed date", True, text(day), text(day)),
    ]


MEASURED = [s.name for s in member_steps() if s.measured]
DIALOG_REDIS = f"{DIALOG}+redis"  # the bare aiogram-dialog bot, dialog state in Redis
BARE_SETUPS = frozenset({DIALOG, DIALOG_REDIS})  # baselines beside the project's setups


async def take_step(
    running: Running, step: Step, chats: list[int], label: str, profiles: Path | None = None
) -> StepResult:
    """Every member takes `step` at once. With `profiles`, a measured step of the project is
    sampled by py-spy into that folder."""
    act = step.echo if running.bot == ECHO else step.project
    profiled = profiles is not None and step.measured and running.bot != ECHO
    path = (profiles or Path()) / f"{label}-{step.name.replace('/', '')}.txt"
    async with contextlib.AsyncExitStack() as stack:
        if profiled:
            await stack.enter_async_context(Profiler(running.process.pid, path))
        result = await running.watch.burst(
            step.name,
            label,
            chats,
            functools.partial(act, running.state),
            running.process,
            within=STEP_TIMEOUT,
        )
    if result.unanswered:
        print(f"  {label}: {step.name}: {result.unanswered} member(s) unanswered")  # noqa: T201
    return result


async def walk(
    running: Running,
    chats: list[int],
    label: str,
    profiles: Path | None = None,
    *,
    every_step: bool = False,
) -> list[StepResult]:
    """Every member through the steps; the measured ones' results (`every_step`: all)."""
    results = []
    for step in member_steps():
        result = await take_step(running, step, chats, label, profiles)
        if step.measured or every_step:
            results.append(result)
    return results


@dataclass(frozen=True)
class Setup:
    """A configuration of the project bot measured against the echo bot."""

    label: str
    database_url: str  # "" for a fresh SQLite file
    redis_url: str = ""
    root: Path = ROOT  # the tree whose bot runs: this one, or another commit's worktree
    replicas: int = 0  # > 0: as deployed, that many `web` processes and a `worker`
    # a database of its own beside `database_url`'s (`fresh_database`), made afresh each round
    own_database: str = ""


def setups(against: tuple[str, Path] | None = None, replicas: int = 0) -> list[Setup]:
    """SQLite; PostgreSQL and Redis state when their test URLs are set; with `against` (a
    commit and its worktree) that commit's bot on SQLite; with `replicas` (both URLs set) the
    deployed shape, that many `web` processes and a `worker` on PostgreSQL and Redis, beside one
    polling process on the same two (each on a database and a Redis db of its own); all in the
    same rounds."""
    found = [Setup("sqlite", "")]
    postgres = os.environ.get("TEST_POSTGRES_URL", "")
    redis = os.environ.get("TEST_REDIS_URL", "")
    if postgres:
        found.append(Setup("postgresql", postgres))
    if redis:
        found.append(Setup("sqlite+redis", "", redis))
    if against is not None:
        ref, tree = against
        found.append(Setup(f"sqlite@{ref}", "", root=tree))
    if replicas:
        if not (postgres and redis):
            raise SystemExit("--replicas needs TEST_POSTGRES_URL and TEST_REDIS_URL")
        found.append(Setup("pg+redis", postgres, sibling_redis(redis, 1), own_database="one"))
        found.append(
            Setup(
                f"pg+redis {replicas} web",
                postgres,
                sibling_redis(redis, 2),
                replicas=replicas,
                own_database="fleet",
            )
        )
    return found


async def _flush(redis_url: str) -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(redis_url)
    await client.flushdb()
    await client.aclose()


async def one_round(
    count: int,
    workdir: Path,
    n: int,
    profiles: Path | None = None,
    against: tuple[str, Path] | None = None,
    replicas: int = 0,
) -> list[StepResult]:
    """The echo bot and every setup, all running; each step taken by one bot after another
    (the order turned round every other round), so that a step's figures are measured seconds
    apart, not a whole walk apart: on a shared host the same work's CPU cost drifts by half
    from one minute to the next, and a ratio of figures taken minutes apart carried the drift.
    """
    users = member_users(count)
    chats = [u.id for u in users]
    async with contextlib.AsyncExitStack() as stack:
        bots = [
            (bare, await stack.enter_async_context(running_bot(bare, users, workdir)))
            for bare in (ECHO, DIALOG)
        ]
        redis = os.environ.get("TEST_REDIS_URL", "")
        if redis:  # the bare aiogram-dialog bot with its dialog state in aiogram's RedisStorage
            kept = sibling_redis(redis, 3)
            await _flush(kept)
            durable = running_bot(DIALOG, users, workdir, redis_url=kept)
            bots.append((DIALOG_REDIS, await stack.enter_async_context(durable)))
        for number, setup in enumerate(setups(against, replicas)):
            url = setup.database_url or f"sqlite+aiosqlite:///{workdir}/steps-{number}-{n}.sqlite3"
            if setup.own_database:
                url = await fresh_database(url, setup.own_database)
            await seed_registry(url, count, root=setup.root)
            if setup.redis_url:
                await _flush(setup.redis_url)
            running = await stack.enter_async_context(
                running_bot(
                    PROJECT,
                    users,
                    workdir,
                    database_url=url,
                    redis_url=setup.redis_url,
                    root=setup.root,
                    replicas=setup.replicas,
                )
            )
            bots.append((setup.label, running))
        if n % 2:
            bots.reverse()
        results = []
        for step in member_steps():
            for label, running in bots:
                result = await take_step(running, step, chats, label, profiles)
                if step.measured:
                    results.append(result)
        return results


async def run(
    count: int,
    rounds: int,
    workdir: Path,
    profiles: Path | None = None,
    against: tuple[str, Path] | None = None,
    replicas: int = 0,
) -> list[StepResult]:
    """`rounds` rounds of every bot, step by step (`one_round`; the last round profiled)."""
    results: list[StepResult] = []
    for n in range(rounds):
        last = n == rounds - 1
        results += await one_round(count, workdir, n, profiles if last else None, against, replicas)
    return results


@dataclass(frozen=True)
class Row:
    """One step of one setup against the echo bot (medians over the rounds)."""

    step: str
    setup: str
    ratio: float
    cpu_ms: float
    echo_cpu_ms: float
    p95: float
    echo_p95: float
    spread: tuple[float, float]  # the lowest and highest of the rounds' ratios
    # throughput against the bare aiogram-dialog bot's (paired by round); None on its own row
    over_dialog: float | None = None


def summarize(results: list[StepResult]) -> list[Row]:
    by: dict[tuple[str, str], list[StepResult]] = defaultdict(list)
    for result in results:
        by[(result.step, result.bot)].append(result)
    rows = []
    labels = list(dict.fromkeys(r.bot for r in results if r.bot != ECHO))  # setups, in order
    for step in MEASURED:
        echo, bare = by[(step, ECHO)], by[(step, DIALOG)]
        for label in labels:
            mine = by[(step, label)]
            if not mine:
                continue
            # each round's ratio (the two figures measured seconds apart), then their median
            ratios = [r.throughput / e.throughput for r, e in zip(mine, echo, strict=True)]
            over = None
            if bare and label != DIALOG:
                over = statistics.median(
                    r.throughput / d.throughput for r, d in zip(mine, bare, strict=True)
                )
            rows.append(
                Row(
                    step,
                    label,
                    statistics.median(ratios),
                    statistics.median(r.cpu_ms_per_update for r in mine),
                    statistics.median(r.cpu_ms_per_update for r in echo),
                    statistics.median(r.p95 for r in mine),
                    statistics.median(r.p95 for r in echo),
                    (min(ratios), max(ratios)),
                    over,
                )
            )
    return rows


def report(rows: list[Row], count: int) -> list[str]:
    lines = [
        f"{count} members at once; project / bare aiogram echo bot, medians of paired rounds",
        f"{'step':<16} {'setup':<20} {'throughput':>10} {'CPU/update':>18} {'p95 latency':>18}"
        f"  {'rounds':<16} / aiogram-dialog",
    ]
    for row in rows:
        over = "-" if row.over_dialog is None else f"{row.over_dialog:.3f}x"
        lines.append(
            f"{row.step:<16} {row.setup:<20} {row.ratio:>9.3f}x "
            f"{row.cpu_ms:>6.1f} vs {row.echo_cpu_ms:>4.1f} ms "
            f"{row.p95:>7.2f} / {row.echo_p95:.2f} s "
            f"  {row.spread[0]:.3f}–{row.spread[1]:.3f}x   {over}"
        )
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=DEFAULT_MEMBERS)
    parser.add_argument("--rounds", type=int, default=2, help="A/B rounds (2)")
    parser.add_argument("--quick", action="store_true", help="10 members, one round")
    parser.add_argument(
        "--profile", type=Path, help="a folder: py-spy samples of each measured project step"
    )
    parser.add_argument(
        "--against",
        metavar="REF",
        help="a git commit whose bot runs on SQLite beside this tree's, in the same rounds",
    )
    parser.add_argument(
        "--replicas",
        type=int,
        default=0,
        metavar="N",
        help="also the deployed shape: N web processes and a worker on PostgreSQL and Redis, "
        "beside one polling process on the same two (needs both test URLs)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.members, args.rounds = 10, 1
    return args


async def measure(args: argparse.Namespace) -> list[Row]:
    profiles = getattr(args, "profile", None)
    if profiles is not None:
        profiles.mkdir(parents=True, exist_ok=True)
    ref = getattr(args, "against", None)
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="steps-bench-")))
        against = (ref, stack.enter_context(worktree(ref))) if ref else None
        replicas = getattr(args, "replicas", 0)
        return summarize(await run(args.members, args.rounds, folder, profiles, against, replicas))


def profile_report(folder: Path) -> list[str]:
    lines = []
    for path in sorted(folder.glob("*.txt")):
        shares = ", ".join(f"{label} {share:.0%}" for label, share in by_library(path)[:8])
        lines.append(f"{path.stem}: {shares}")
        phases = ", ".join(f"{label} {share:.0%}" for label, share in by_phase(path))
        lines.append(f"{' ' * len(path.stem)}  by phase: {phases}")
    return lines


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    rows = asyncio.run(measure(args))
    for line in report(rows, args.members):
        print(line)  # noqa: T201
    if args.profile is not None:
        print("where the project's CPU went (py-spy samples by library):")  # noqa: T201
        for line in profile_report(args.profile):
            print(f"  {line}")  # noqa: T201


if __name__ == "__main__":
    main()
