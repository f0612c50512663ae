"""Phone lookup at a million cards: ``python -m bench.lookup_bench [--cards N] [--quick]``.

The registry's cards (a policy and an insured person each, a family of three sharing a phone
now and then) are written once into a migrated SQLite file cached under ``bench/.cache/`` (built
again only when missing). Then the lookup the phone step runs (`storage.repositories.cards.
with_phone`, through the bot's own engine and session, read as in a member's update: in the
event loop and by the driver, storage/sqlite_inline.py and storage/driver_lane.py) is timed
for random phones, against the same SQL through the standard library's ``sqlite3`` on the same
file in the same run, and against the bot's session with every call in aiosqlite's thread (as
a job's). Prints the mean and p95 per lookup and the ratio; the aim is under 1 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.clock import system_clock
from storage.db import create_engine, create_session_factory, migrate
from storage.repositories import cards as cards_repo
from storage.sqlite_inline import member_update_inline

CACHE = Path(__file__).resolve().parent / ".cache"
DEFAULT_CARDS = 1_000_000
BATCH = 50_000
# what `with_phone` asks (storage/repositories/cards.py: `_WITH_PHONE`)
RAW_SQL = (
    "SELECT insured_persons.id, relation, full_name, birth_date, coverage_start, coverage_end"
    " FROM insured_persons JOIN policies ON policies.id = insured_persons.policy_id"
    " WHERE phone = ? ORDER BY insured_persons.id"
)


def phone_of(card: int) -> str:
    # every tenth card shares its phone with the two before it (a family)
    return f"+38050{card - 2 if card % 10 == 0 and card > 2 else card:07d}"


async def build(cards: int) -> Path:
    """The cached database with `cards` cards (built when missing)."""
    path = CACHE / f"lookup-{cards}.sqlite3"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".building")
    partial.unlink(missing_ok=True)
    await migrate(f"sqlite+aiosqlite:///{partial}")
    now = system_clock().isoformat(sep=" ")
    day = date(2026, 1, 1).isoformat()
    with sqlite3.connect(partial) as conn:
        for start in range(1, cards + 1, BATCH):
            ids = range(start, min(start + BATCH, cards + 1))
            conn.executemany(
                "INSERT INTO policies (id, number, program, holder_type, contract_signed, "
                "coverage_start, coverage_end, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (i, f"LK-{i:08d}", "Standard", "individual", day, day, "2027-12-31", now)
                    for i in ids
                ],
            )
            conn.executemany(
                "INSERT INTO insured_persons (id, insured_id, policy_id, full_name, "
                "birth_date, phone, relation, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (i, f"LI-{i:08d}", i, f"Card {i}", "1980-01-01", phone_of(i), "self", now)
                    for i in ids
                ],
            )
    partial.rename(path)
    return path


@dataclass(frozen=True)
class Lookups:
    label: str
    times: list[float]

    @property
    def mean_ms(self) -> float:
        return 1000 * statistics.fmean(self.times)

    @property
    def p95_ms(self) -> float:
        return 1000 * statistics.quantiles(self.times, n=20)[-1]


async def through_bot(path: Path, phones: list[str], *, loop_side: bool = True) -> Lookups:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    sessions = create_session_factory(engine)
    times = []
    inline = member_update_inline.set(loop_side)
    try:
        async with sessions() as session:
            await cards_repo.with_phone(session, phones[0])  # warm: connection, compiled SQL
            for phone in phones:
                start = time.perf_counter()
                found = await cards_repo.with_phone(session, phone)
                times.append(time.perf_counter() - start)
                assert found, phone
                session.expunge_all()
    finally:
        member_update_inline.reset(inline)
        await engine.dispose()
    label = "as a member's update" if loop_side else "in aiosqlite's thread"
    return Lookups(f"bot, {label}", times)


def raw(path: Path, phones: list[str]) -> Lookups:
    times = []
    with sqlite3.connect(path) as conn:
        conn.execute(RAW_SQL, (phones[0],)).fetchall()
        for phone in phones:
            start = time.perf_counter()
            found = conn.execute(RAW_SQL, (phone,)).fetchall()
            times.append(time.perf_counter() - start)
            assert found, phone
    return Lookups("raw sqlite3", times)


async def measure(cards: int, lookups: int, seed: int = 5) -> tuple[Lookups, Lookups]:
    path = await build(cards)
    rng = random.Random(seed)
    phones = [phone_of(rng.randint(1, cards)) for _ in range(lookups)]
    return await through_bot(path, phones), raw(path, phones)


def report(cards: int, bot: Lookups, baseline: Lookups, *others: Lookups) -> list[str]:
    return [
        f"phone lookup at {cards:,} cards, {len(bot.times)} random phones",
        *(
            f"  {run.label:<30} mean {run.mean_ms:.3f} ms, p95 {run.p95_ms:.3f} ms"
            for run in (bot, baseline, *others)
        ),
        f"  bot / raw sqlite3 (mean): {bot.mean_ms / baseline.mean_ms:.1f}x; "
        f"aim: under 1 ms ({'met' if bot.p95_ms < 1 else 'NOT met'} at p95)",
    ]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=DEFAULT_CARDS)
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument("--quick", action="store_true", help="20,000 cards, 200 lookups")
    args = parser.parse_args(argv)
    if args.quick:
        args.cards, args.lookups = 20_000, 200
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    bot, baseline = asyncio.run(measure(args.cards, args.lookups))
    rng = random.Random(5)
    phones = [phone_of(rng.randint(1, args.cards)) for _ in range(args.lookups)]
    path = asyncio.run(build(args.cards))
    threaded = asyncio.run(through_bot(path, phones, loop_side=False))
    for line in report(args.cards, bot, baseline, threaded):
        print(line)  # noqa: T201


if __name__ == "__main__":
    main()
