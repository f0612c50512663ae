"""Outbox delivery while members use the bot: ``python -m bench.busy_bench [--quick]``.

The real bot process starts with status notifications waiting in its outbox (for members other
than the busy ones, written as bench/deliver_bench.py writes them) while N members (500) walk
through the member steps of bench/steps_bench.py at once, against the emulator enforcing
Telegram's limits (30 messages a second, one a second per chat). Prints the outbox's delivery
rate while the members were busy, against the 30/s cap, and the 429s the bot was given (to
outbox messages and to member answers).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.deliver_bench import FIRST_MEMBER as NOTIFIED
from bench.deliver_bench import populate
from bench.harness import PROJECT, cpu_seconds, running_bot
from bench.steps_bench import member_users, seed_registry, walk
from tgsandbox import RateLimits, SimUser

CAP = 30.0
BUSY_CARDS_FROM = 100_000  # the busy members' registry cards, apart from deliver_bench's ids


@dataclass(frozen=True)
class Busy:
    delivered: int  # outbox messages sent while the members were busy
    seconds: float
    outbox_refused: int
    member_refused: int
    counted: int  # every message Telegram counts (outbox and answers) in the same seconds
    unanswered: int  # answers missing: a member left without one at a step, summed over steps
    cpu_share: float  # the bot process's CPU time over the walk's wall time (1.0: one core)

    @property
    def rate(self) -> float:
        return self.delivered / self.seconds if self.seconds else 0.0

    @property
    def all_rate(self) -> float:
        return self.counted / self.seconds if self.seconds else 0.0

    @property
    def refused(self) -> int:
        return self.outbox_refused + self.member_refused


async def measure(args: argparse.Namespace) -> Busy:
    users = member_users(args.members)
    chats = [u.id for u in users]
    with tempfile.TemporaryDirectory(prefix="busy-bench-") as folder:
        workdir = Path(folder)
        url = f"sqlite+aiosqlite:///{workdir}/busy.sqlite3"
        await seed_registry(url, args.members, first_card=BUSY_CARDS_FROM)
        await populate(url, args.notifications, args.notified, seed=3)
        notified = [
            SimUser(NOTIFIED + i, f"Notified {i}", language_code="en")
            for i in range(1, args.notified + 1)
        ]
        everyone, limits = users + notified, RateLimits()
        pace = {"PACE_PER_SECOND": str(args.pace)} if args.pace else {}
        async with running_bot(
            PROJECT, everyone, workdir, database_url=url, limits=limits, extra_env=pace
        ) as bot:
            loop = asyncio.get_running_loop()
            started = loop.time()
            refused_before = len(bot.watch.refusals)
            cpu_before = cpu_seconds(bot.process)
            results = await walk(bot, chats, PROJECT, every_step=True)
            ended = loop.time()
            cpu_share = (cpu_seconds(bot.process) - cpu_before) / (ended - started)
            to_outbox = [at for at, chat in bot.watch.sent_to if chat > NOTIFIED]
            within = [at for at in to_outbox if started <= at <= ended]
            # the outbox may empty before the members are done: count until its last message
            until = min(ended, max(within, default=ended))
            counted = sum(1 for at in bot.watch.counted if started <= at <= until)
            refusals = bot.watch.refusals[refused_before:]
            outbox_refused = sum(1 for _, _, chat in refusals if chat > NOTIFIED)
    unanswered = sum(result.unanswered for result in results)
    return Busy(
        len(within),
        until - started,
        outbox_refused,
        len(refusals) - outbox_refused,
        counted,
        unanswered,
        cpu_share,
    )


def report(result: Busy, args: argparse.Namespace) -> list[str]:
    return [
        f"{args.notifications} notifications to {args.notified} members waiting, "
        f"{args.members} members busy",
        f"  outbox delivered {result.delivered} in {result.seconds:.1f} s = "
        f"{result.rate:.1f}/s = {result.rate / CAP:.3f} of {CAP:.0f}/s (what the members leave)",
        f"  everything Telegram counts (outbox and answers) in those seconds: {result.counted} = "
        f"{result.all_rate:.1f}/s = {result.all_rate / CAP:.3f} of {CAP:.0f}/s (aim: 0.93 or more)",
        f"  429s: {result.outbox_refused} to the outbox, {result.member_refused} to member "
        "answers (aim: 0)",
        f"  the bot process's CPU over the members' walk: {result.cpu_share:.2f} of one core",
        f"  answers missing (a member unanswered at a step, over all steps): {result.unanswered} "
        "(aim: 0)",
    ]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--notifications", type=int, default=3000)
    parser.add_argument("--notified", type=int, default=1000, help="members they go to")
    parser.add_argument("--quick", action="store_true", help="10 members, 60 notifications")
    parser.add_argument(
        "--pace", type=float, default=None, help="the bot's PACE_PER_SECOND (default: its own)"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.members, args.notifications, args.notified = 10, 60, 30
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    for line in report(asyncio.run(measure(args)), args):
        print(line)  # noqa: T201


if __name__ == "__main__":
    main()
