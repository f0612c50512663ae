"""Places in forms under SIGKILL: ``python -m bench.mid_form_kill [--members N]``.

N members walk the call-back form up to its topic step through the real bot process while it
is killed with SIGKILL at random moments (and restarted: Telegram then sends the updates it
was not told about again). Once every member is at the topic step the bot is killed once more
and restarted, and each member types the topic: the member continues when the next screen is
the form's summary. Counts the members who continued, the "That screen is out of date" notices
members were shown, and the bot's log lines about broken dialog state (aiogram-dialog's "Stack
is broken", SQLAlchemy's stale-data warnings and errors). Issue 17: on PostgreSQL 6 of 45
members lost their place and one `StaleDataError` was logged; SQLite kept every place.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.kill_bench import (
    BotProcess,
    _settled,
    last_bot_message,
    order_callback,
    seed,
    start_world,
)
from bot.clock import system_clock
from tgsandbox import EmulatorState

# a loaded machine (CI with other jobs) may take minutes to import and start the bot
START_WITHIN = 600
TOPIC_STEP = "would you like to talk about"
SUMMARY = "Is everything right?"
EXPIRED = "That screen is out of date"
# what the bot's log says when dialog state went wrong
BROKEN = ("Stack is broken", "StaleDataError", "expected to delete", "expected to update")


@dataclass
class MidFormReport:
    members: int
    kills: int = 0
    at_topic_step: int = 0  # members who reached the topic step before the last kill
    continued: int = 0  # members whose topic, typed after the last restart, led to the summary
    expired_notices: int = 0  # "That screen is out of date" shown, over the whole run
    broken: Counter[str] = field(default_factory=Counter)  # log lines, by what they say
    # the last screen of each member who did not reach the topic step (its first line)
    stuck: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"members: {self.members}, kills: {self.kills} (the last one with every member "
            f"mid-form)",
            f"at the topic step before the last kill: {self.at_topic_step}, continued after "
            f"the restart: {self.continued}",
            f'"out of date" notices: {self.expired_notices}, broken-state log lines: '
            f"{dict(self.broken) or 0}",
            *(f"did not reach the topic step, last screen: {line}" for line in self.stuck),
        ]


async def _type_topic(state: EmulatorState, chat: int, within: float) -> bool:
    state.send_text(chat, "Please call me about my dental limit")

    def summary() -> bool | None:
        message = last_bot_message(state, chat)
        return (message is not None and SUMMARY in (message.get("text") or "")) or None

    try:
        await state.wait_for(summary, within)
    except TimeoutError:
        return False
    return True


async def run(
    count: int, database_url: str, workdir: Path, *, kills: int, seed_value: int = 17
) -> MidFormReport:
    members = await seed(database_url, count, system_clock)
    runner, state, env = await start_world(members, database_url, workdir)
    bot = BotProcess(env, workdir)
    report = MidFormReport(count)
    rng = random.Random(seed_value)

    def observe(record: dict[str, Any]) -> None:
        if record["method"].lower() == "setmycommands" and record.get("ok"):
            bot.ready.set()
        elif EXPIRED in str((record.get("params") or {}).get("text") or ""):
            report.expired_notices += 1

    state.call_observers.append(observe)
    supervisor = asyncio.create_task(bot.supervise())

    async def killer() -> None:
        for _ in range(kills):
            await bot.ready.wait()
            await asyncio.sleep(rng.uniform(0.5, 2.5))
            if bot.kill():
                report.kills += 1

    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(bot.ready.wait(), START_WITHIN)
        killing = asyncio.create_task(killer())
        deadline = loop.time() + 600
        # a member waits long before acting again: a /start sent because the bot is slow (a
        # loaded machine) would itself reset the form and look like a lost place
        patience = 20.0 + 2 * count
        reached = await asyncio.gather(
            *(order_callback(state, c, patience, deadline, until=TOPIC_STEP) for c in members)
        )
        killing.cancel()
        report.at_topic_step = sum(reached)
        report.stuck = [
            ((last_bot_message(state, c) or {}).get("text") or "-").split("\n")[0][:80]
            for c, ok in zip(members, reached, strict=True)
            if not ok
        ]
        for chat in members:  # the last screens settle (an edit may still be on its way)
            await _settled(state, chat, quiet=0.3, within=5)
        await bot.ready.wait()
        if bot.kill():
            report.kills += 1
        await asyncio.wait_for(bot.ready.wait(), START_WITHIN)
        at_step = [
            c
            for c, ok in zip(members, reached, strict=True)
            if ok and TOPIC_STEP in ((last_bot_message(state, c) or {}).get("text") or "")
        ]
        results = await asyncio.gather(*(_type_topic(state, c, 30 + count) for c in at_step))
        report.continued = sum(results)
    finally:
        await bot.stop()
        await supervisor
        await runner.cleanup()
    report.broken = await asyncio.to_thread(_broken_lines, workdir)
    return report


def _broken_lines(workdir: Path) -> Counter[str]:
    found: Counter[str] = Counter()
    for log in workdir.glob("bot-*.log"):
        for line in log.read_text(errors="replace").splitlines():
            found.update(what for what in BROKEN if what in line)
    return found


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=45)
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--database-url", default="", help="default: a new SQLite file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mid-form-kill-") as folder:
        workdir = Path(folder)
        url = args.database_url or f"sqlite+aiosqlite:///{workdir}/kill.sqlite3"
        report = await run(args.members, url, workdir, kills=args.kills)
    print(f"database: {url.split(':', 1)[0]}")  # noqa: T201
    for line in report.lines():
        print(line)  # noqa: T201
    lost = report.continued != report.members or report.expired_notices or report.broken
    return 1 if lost else 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
