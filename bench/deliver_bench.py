"""Outbox delivery under Telegram's limits: ``python -m bench.deliver_bench [--count N] [--quick]``.

Request-status notifications for simulated members are written straight into a temporary SQLite
database and delivered by the real Deliverer with the real Pacer, through the in-process Bot API
emulator set to enforce Telegram's limits (30 messages a second, one a second per private chat,
twenty a minute per group; 429 with retry_after past them). The baseline, measured in the same
run, delivers the same notifications with unlimited pacing to the emulator with its limits off.
Prints the achieved rate against the 30/s cap and against the baseline, the 429s received, the
worst per-chat rate and the total time.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from pydantic import SecretStr
from sqlalchemy import func, insert, select
from sqlmodel import SQLModel, col

from bot.clock import system_clock
from bot.config import Settings
from bot.delivery import Deliverer
from bot.factory import create_bot
from bot.i18n import TranslatorHub
from bot.services.pacing import Pacer, unlimited
from storage.db import create_engine, create_session_factory
from storage.models import (
    InsuredPerson,
    Member,
    Notification,
    NotificationStatus,
    Policy,
    Request,
    RequestKind,
    RequestStatus,
)
from tgsandbox import (
    SANDBOX_TOKEN,
    EmulatorState,
    RateLimits,
    SimUser,
    bound_url,
    start_emulator,
)

CAP = 30.0  # Telegram's overall limit, messages a second
FIRST_MEMBER = 5_000_000
STATUSES = [RequestStatus.IN_PROGRESS, RequestStatus.NEED_INFO, RequestStatus.DONE]


class SendLog(BaseRequestMiddleware):
    """When the bot sent each message, to which chat, and which sends Telegram refused."""

    def __init__(self) -> None:
        self.sent: list[tuple[float, int]] = []
        self.methods: list[str] = []  # each sent call's Bot API method, in `sent`'s order
        self.refused = 0

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        at = time.monotonic()
        try:
            response = await make_request(bot, method)
        except TelegramRetryAfter:
            self.refused += 1
            raise
        chat_id = getattr(method, "chat_id", None)
        if isinstance(chat_id, int):
            self.sent.append((at, chat_id))
            self.methods.append(type(method).__name__)
        return response


@dataclass
class Run:
    label: str
    count: int
    delivered: int
    seconds: float
    refused: int
    log: list[tuple[float, int]] = field(repr=False)
    duplicates: int = 0

    @property
    def rate(self) -> float:
        return self.delivered / self.seconds if self.seconds else 0.0

    def worst_chat_gap(self) -> float:
        """The shortest time between two messages to the same chat."""
        last: dict[int, float] = {}
        worst = float("inf")
        for at, chat in self.log:
            if chat in last:
                worst = min(worst, at - last[chat])
            last[chat] = at
        return worst

    def peak_in_a_second(self, per_chat: bool = False) -> int:
        """Most messages in any one-second window (overall, or to the busiest chat)."""
        windows: dict[int, deque[float]] = defaultdict(deque)
        peak = 0
        for at, to in self.log:
            window = windows[to if per_chat else 0]
            window.append(at)
            while window[0] <= at - 1.0:
                window.popleft()
            peak = max(peak, len(window))
        return peak


async def populate(url: str, count: int, members: int, seed: int) -> None:
    """Members with a card and a request each; `count` status notifications spread at random."""
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)
    now = system_clock()
    rng = random.Random(seed)
    kinds = list(RequestKind)
    ids = range(1, members + 1)
    rows: list[tuple[Any, list[dict[str, Any]]]] = [
        (
            Policy,
            [
                {
                    "id": i,
                    "number": f"BENCH-{i:06d}",
                    "program": "Standard",
                    "holder_type": "individual",
                    "contract_signed": date(2026, 1, 1),
                    "coverage_start": date(2026, 1, 1),
                    "coverage_end": date(2027, 12, 31),
                    "updated_at": now,
                }
                for i in ids
            ],
        ),
        (
            InsuredPerson,
            [
                {
                    "id": i,
                    "insured_id": f"BENCH-{i:06d}",
                    "policy_id": i,
                    "full_name": f"Member {i}",
                    "birth_date": date(1980, 1, 1),
                    "phone": f"+7701{i:07d}",
                    "relation": "self",
                    "updated_at": now,
                }
                for i in ids
            ],
        ),
        (
            Member,
            [
                {
                    "id": i,
                    "telegram_id": FIRST_MEMBER + i,
                    "language": "en",
                    "active_card_id": i,
                    "created_at": now,
                }
                for i in ids
            ],
        ),
        (
            Request,
            [
                {
                    "id": i,
                    "member_id": i,
                    "card_id": i,
                    "kind": rng.choice(kinds).value,
                    "status": RequestStatus.IN_PROGRESS.value,
                    "details": {},
                    "created_at": now,
                    "updated_at": now,
                }
                for i in ids
            ],
        ),
    ]
    notifications = []
    for n in range(count):
        member = rng.randint(1, members)
        notifications.append(
            {
                "audience": "member",
                "member_id": member,
                "request_id": member,
                "kind": "request_status",
                "payload": {"status": rng.choice(STATUSES).value, "comment": None},
                "dedup_key": f"bench:{n}",
                "status": NotificationStatus.PENDING.value,
                "attempts": 0,
                "next_attempt_at": now,
                "created_at": now,
            }
        )
    rows.append((Notification, notifications))
    async with engine.begin() as conn:
        for model, values in rows:
            await conn.execute(insert(model), values)
    await engine.dispose()


async def deliver(
    label: str,
    count: int,
    members: int,
    *,
    limits: RateLimits | None,
    pacer: Pacer,
    workdir: Path,
    seed: int = 1,
) -> Run:
    """Deliver `count` notifications to `members` members; the delivery alone is timed."""
    url = f"sqlite+aiosqlite:///{workdir / label}.sqlite3"
    await populate(url, count, members, seed)
    users = [
        SimUser(FIRST_MEMBER + i, f"Member {i}", language_code="en") for i in range(1, members + 1)
    ]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    state.rate_limits = limits
    settings = Settings(
        bot_token=SecretStr(SANDBOX_TOKEN),
        database_url=url,
        bot_api_url=bound_url(runner),
        _env_file=None,  # type: ignore[call-arg]
    )
    bot = create_bot(settings, retry_after=False)  # as the deliverer runs
    log = SendLog()
    bot.session.middleware(log)
    engine = create_engine(url)
    sessions = create_session_factory(engine)
    deliverer = Deliverer(
        bot, sessions, settings, TranslatorHub(default="en"), system_clock, label, pacer=pacer
    )
    waiting = select(func.count()).where(
        col(Notification.status).in_([NotificationStatus.PENDING, NotificationStatus.SENDING])
    )
    try:
        start = time.monotonic()
        while True:
            if await deliverer.run_once():
                continue
            async with sessions() as session:
                if not (await session.execute(waiting)).scalar_one():
                    break
            # only rows told to wait (429) are left; the scheduler would look again soon
            await asyncio.sleep(0.05)
        seconds = time.monotonic() - start
        async with sessions() as session:
            sent = select(func.count()).where(col(Notification.status) == NotificationStatus.SENT)
            delivered = (await session.execute(sent)).scalar_one()
        messages = sum(len(chat.messages) for chat in state.chats.values())
    finally:
        await bot.session.close()
        await runner.cleanup()
        await engine.dispose()
    return Run(label, count, delivered, seconds, log.refused, log.sent, messages - delivered)


def report(baseline: Run, paced: Run, cap: float = CAP) -> list[str]:
    def line(run: Run) -> str:
        gap = run.worst_chat_gap()
        per_chat = f"{1 / gap:.2f}/s (shortest gap {gap:.3f} s)" if gap != float("inf") else "-"
        return (
            f"  delivered {run.delivered}/{run.count} in {run.seconds:.1f} s = {run.rate:.1f}/s; "
            f"429s received: {run.refused}; duplicates: {run.duplicates}\n"
            f"  busiest second overall: {run.peak_in_a_second()} messages; worst per chat: "
            f"{per_chat}, at most {run.peak_in_a_second(per_chat=True)} in one second"
        )

    return [
        "baseline (limits off in the emulator, unlimited pacing):",
        line(baseline),
        "paced (emulator enforces 30/s, 1/s per chat, 20/min per group; real Pacer):",
        line(paced),
        f"paced rate / {cap:.0f}/s cap: {paced.rate / cap:.3f}",
        f"paced rate / baseline rate: {paced.rate / baseline.rate:.4f}"
        f" (baseline is {baseline.rate / cap:.1f}x the cap)",
        f"total time: {baseline.seconds + paced.seconds:.1f} s delivering "
        f"({baseline.seconds:.1f} s baseline + {paced.seconds:.1f} s paced)",
    ]


async def main(count: int, members: int, seed: int) -> None:
    with tempfile.TemporaryDirectory(prefix="deliver-bench-") as tmp:
        workdir = Path(tmp)
        began = time.monotonic()
        baseline = await deliver(
            "baseline", count, members, limits=None, pacer=unlimited(), workdir=workdir, seed=seed
        )
        paced = await deliver(
            "paced", count, members, limits=RateLimits(), pacer=Pacer(), workdir=workdir, seed=seed
        )
        wall = time.monotonic() - began
    print(f"{count} notifications to {members} members (seed {seed})")  # noqa: T201
    for text in report(baseline, paced):
        print(text)  # noqa: T201
    print(f"wall time including set-up: {wall:.1f} s")  # noqa: T201


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="notifications (10000)")
    parser.add_argument("--members", type=int, help="members (default: count / 10)")
    parser.add_argument("--quick", action="store_true", help="600 notifications, for a smoke run")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.quick:
        args.count = 600
    args.members = args.members or max(1, args.count // 10)
    return args


if __name__ == "__main__":
    options = parse_args()
    asyncio.run(main(options.count, options.members, options.seed))
