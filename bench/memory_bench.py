"""Memory with many members mid-form: ``python -m bench.memory_bench [--members N] [--quick]``.

N members (10,000) each open the bot and start confirming their phone (``/start``, then
"Confirm phone": the dialog waits for the contact), 500 at a time, through the real bot
process; the bare aiogram echo bot gets the same two updates from each, in the same run. Prints
each process's RSS when idle and after half and all of the members, the difference to the echo
bot, and the growth per member between the half and the end (what a member left behind).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.echo_bot import BUTTON
from bench.harness import ECHO, PROJECT, Running, running_bot
from bench.steps_bench import STEP_TIMEOUT, button, member_users, seed_registry, text

DEFAULT_MEMBERS = 10_000
WAVE = 500
MB = 1024 * 1024


@dataclass(frozen=True)
class Memory:
    members: int
    project: tuple[int, int, int]  # RSS idle, at half, at the end (bytes)
    echo: tuple[int, int, int]

    @property
    def project_mb(self) -> float:
        return self.project[2] / MB

    @property
    def echo_mb(self) -> float:
        return self.echo[2] / MB

    @property
    def over_echo_mb(self) -> float:
        return self.project_mb - self.echo_mb

    def _per_member_kb(self, rss: tuple[int, int, int]) -> float:
        half = self.members - self.members // 2
        return (rss[2] - rss[1]) / 1024 / half if half else 0.0

    @property
    def project_per_member_kb(self) -> float:
        return self._per_member_kb(self.project)

    @property
    def echo_per_member_kb(self) -> float:
        return self._per_member_kb(self.echo)


async def _fill(running: Running, chats: list[int]) -> tuple[int, int, int]:
    idle = running.rss()
    half = idle
    first, then = (text("/start"), button("📱 Confirm phone"))
    if running.bot == ECHO:
        first, then = text("/start"), button(BUTTON)
    for start in range(0, len(chats), WAVE):
        wave = chats[start : start + WAVE]
        for act in (first, then):
            await running.watch.burst(
                "mid-form",
                running.bot,
                wave,
                functools.partial(act, running.state),
                running.process,
                within=STEP_TIMEOUT,
            )
        if start + WAVE >= len(chats) // 2 and half == idle:
            half = running.rss()
    return idle, half, running.rss()


async def measure(members: int) -> Memory:
    users = member_users(members)
    chats = [u.id for u in users]
    with tempfile.TemporaryDirectory(prefix="memory-bench-") as folder:
        workdir = Path(folder)
        async with running_bot(ECHO, users, workdir) as running:
            echo = await _fill(running, chats)
        url = f"sqlite+aiosqlite:///{workdir}/memory.sqlite3"
        await seed_registry(url, members)
        async with running_bot(PROJECT, users, workdir, database_url=url) as running:
            project = await _fill(running, chats)
    return Memory(members, project, echo)


def report(result: Memory) -> list[str]:
    def mb(rss: tuple[int, int, int]) -> str:
        return " / ".join(f"{v / MB:.0f}" for v in rss)

    return [
        f"RSS (MB) idle / at {result.members // 2} / at {result.members} members mid-form:",
        f"  project {mb(result.project)}; echo {mb(result.echo)}",
        f"  project - echo at the end: {result.over_echo_mb:+.0f} MB (aim: at most +50 MB)",
        f"  growth per member in the second half: project {result.project_per_member_kb:.1f} KB,"
        f" echo {result.echo_per_member_kb:.1f} KB",
    ]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=DEFAULT_MEMBERS)
    parser.add_argument("--quick", action="store_true", help="100 members")
    args = parser.parse_args(argv)
    if args.quick:
        args.members = 100
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    for line in report(asyncio.run(measure(args.members))):
        print(line)  # noqa: T201


if __name__ == "__main__":
    main()
