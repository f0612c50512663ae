"""Production shape: 2 `web` processes and 1 `worker` (real subprocesses) on PostgreSQL and
Redis, the emulator posting updates to both webhooks in turn (a load balancer), one web process
SIGKILLed mid-run and started again. 50 members confirm their phone and order a call-back; staff
take some of the requests. Nothing is lost or done twice, each member's updates are handled in
order, Telegram's limits (counted by the emulator) are kept, every notification is sent once.

Needs TEST_POSTGRES_URL and TEST_REDIS_URL (skipped otherwise); a database of its own is made.
"""

from __future__ import annotations

import asyncio
import csv
import os
import random
import sys
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import pytest
from redis.asyncio import Redis

from bench.clock_env import clock_env
from bench.harness import free_port, fresh_database, healthy
from bot.config import Settings
from bot.services.phones import shown_phone
from tests.conftest import POSTGRES_URL, REDIS_URL
from tests.e2e.conftest import ROOT, Sandbox
from tgsandbox import (
    DEFAULT_FORUM_CHAT_ID,
    SANDBOX_TOKEN,
    EmulatorState,
    RateLimits,
    SimUser,
    bound_url,
    start_emulator,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not (POSTGRES_URL and REDIS_URL), reason="needs TEST_POSTGRES_URL and TEST_REDIS_URL"
    ),
]

FORUM = DEFAULT_FORUM_CHAT_ID
# the issue asks for 50 members (MULTIPROCESS_MEMBERS: fewer for a quicker local run)
MEMBERS = int(os.environ.get("MULTIPROCESS_MEMBERS", "50"))
FIRST_ID = 600_000
STAFF = 20001
SECRET = "multi-process-secret"
# the forum's limit in this run (Telegram's is 20 a minute: 50 cards would take minutes); the
# bot is told a little less, as it is told 19 against Telegram's 20
GROUP_PER_MINUTE = 400


def insurer_today() -> date:
    zone = ZoneInfo(Settings.model_fields["insurer_timezone"].default)
    return datetime.now(zone).date()


def phone(n: int) -> str:
    return f"+7701555{n:04d}"


def registry(path: Path, today: date) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["policy_number", "program", "holder_type", "contract_signed", "coverage_start",
             "coverage_end", "insured_id", "full_name", "birth_date", "phone", "relation"]
        )  # fmt: skip
        for n in range(MEMBERS):
            writer.writerow(
                [f"MP-{n:04d}", "Corporate Standard", "corporate",
                 (today - timedelta(days=60)).isoformat(), (today - timedelta(days=30)).isoformat(),
                 (today + timedelta(days=300)).isoformat(), f"KZ-9{n:05d}", f"Member {n}",
                 "1985-01-01", phone(n), "self"]
            )  # fmt: skip
    return path


class Fleet:
    """The bot's processes, started and killed by the test."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env = env
        self.cwd = cwd
        self.processes: dict[str, asyncio.subprocess.Process] = {}

    async def start(self, name: str, role: str, **extra: str) -> None:
        with (self.cwd / f"{name}.log").open("ab") as log:
            self.processes[name] = await asyncio.create_subprocess_exec(
                sys.executable, str(ROOT / "run_bot.py"), role,
                env={**self.env, **extra}, cwd=self.cwd,
                stdout=asyncio.subprocess.DEVNULL, stderr=log,
            )  # fmt: skip

    async def run(self, *args: str) -> None:
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(ROOT / "run_bot.py"), *args, env=self.env, cwd=self.cwd,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        out, _ = await asyncio.wait_for(process.communicate(), timeout=300)
        assert process.returncode == 0, out.decode()

    def print_logs(self, lines: int = 40) -> None:
        """The last lines each process logged (its 429 retries left out)."""
        for name in self.processes:
            logged = (self.cwd / f"{name}.log").read_text(errors="replace").splitlines()
            kept = [line for line in logged if "429 on" not in line]
            head = f"--- {name}.log, last {lines} of {len(kept)} lines ---"
            sys.stdout.write("\n".join([head, *kept[-lines:], ""]))

    def kill(self, name: str) -> None:
        self.processes[name].kill()

    async def stop_all(self) -> None:
        for process in self.processes.values():
            if process.returncode is None:
                process.terminate()
        for process in self.processes.values():
            try:
                await asyncio.wait_for(process.wait(), 20)
            except TimeoutError:
                process.kill()
                await process.wait()


@pytest.fixture
async def production(tmp_path: Path) -> AsyncIterator[tuple[Sandbox, Fleet, list[int]]]:
    users = [
        SimUser(FIRST_ID + n, f"Member{n}", language_code="en", phone_number=phone(n))
        for n in range(MEMBERS)
    ]
    users.append(SimUser(STAFF, "Iryna", "Support", "iryna", "en", is_staff=True))
    limits = RateLimits(group_per_minute=GROUP_PER_MINUTE)
    runner, state = await start_emulator(
        "127.0.0.1", 0, EmulatorState(users=users, rate_limits=limits)
    )
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    await redis.aclose()
    ports = [free_port(), free_port(), free_port()]
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "BOT_TOKEN": SANDBOX_TOKEN,
        "BOT_API_URL": bound_url(runner),
        "DATABASE_URL": await fresh_database(POSTGRES_URL, "multi"),
        "REDIS_URL": REDIS_URL,
        "ADMIN_CHAT_ID": str(FORUM),
        "STAFF_IDS": str(STAFF),
        "WEBHOOK_URL": f"http://127.0.0.1:{ports[0]}/webhook",
        "WEBHOOK_SECRET": SECRET,
        "WEB_HOST": "127.0.0.1",
        "LOG_FORMAT": "json",
        "PACE_GROUP_PER_MINUTE": str(GROUP_PER_MINUTE - 20),
        "UPDATE_CONCURRENCY": "8",
        **clock_env(),
    }
    fleet = Fleet(env, tmp_path)
    try:
        await fleet.run("migrate")
        await fleet.run(
            "import-registry", str(registry(tmp_path / "registry.csv", insurer_today()))
        )
        await fleet.start("web1", "web", WEB_PORT=str(ports[0]))
        await fleet.start("web2", "web", WEB_PORT=str(ports[1]))
        await fleet.start("worker", "worker", METRICS_PORT=str(ports[2]))
        for port in ports:
            await healthy(port)
        await state.wait_for(lambda: state.webhook is not None, within=60)
        state.webhook_targets = [f"http://127.0.0.1:{port}/webhook" for port in ports[:2]]
        box = Sandbox(state, tmp_path / "unused.sqlite3", bound_url(runner))
        box.within = 120  # three bot processes on a small machine
        yield box, fleet, ports
    finally:
        await fleet.stop_all()
        await runner.cleanup()
        fleet.print_logs()  # captured: pytest shows it when the test failed


async def onboard_and_request(box: Sandbox, chat_id: int, n: int) -> None:
    await box.say(chat_id, "/start", "Welcome")
    await box.press(chat_id, "📱 Confirm phone", "Share")
    await box.reply_after(chat_id, lambda: box.state.send_contact(chat_id), f"MP-{n:04d}")
    await box.press(chat_id, "🏠 Main menu", f"MP-{n:04d}")
    await box.press(chat_id, "📝 New request", f"MP-{n:04d}")
    await box.press(chat_id, "📞 Call-back", "number")
    await box.press(chat_id, f"📱 Use {shown_phone(phone(n))}", "convenient")
    await box.press(chat_id, "🕘 Any time", "talk about")
    await box.say(chat_id, f"Question number {n}", "Is everything right?")
    await box.press(chat_id, "✅ Send", "R-")


@pytest.mark.slow
async def test_two_web_processes_and_a_worker_lose_and_double_nothing(production):
    box, fleet, ports = production
    state = box.state
    members = [FIRST_ID + n for n in range(MEMBERS)]
    refused: list[dict[str, Any]] = []  # every 429 the emulator answered
    state.call_observers.append(
        lambda call: refused.append(call) if call.get("error_code") == 429 else None
    )

    async def journey(n: int) -> None:
        await asyncio.sleep(random.uniform(0, 3))
        await onboard_and_request(box, members[n], n)

    async def killer() -> None:
        # once a third of the members have sent their request, web1 dies without warning
        await state.wait_for(
            lambda: sum(1 for m in members if any("R-" in (x.get("text") or "")
                        for x in box.bot_messages(m))) >= MEMBERS // 3,
            within=300,
        )  # fmt: skip
        fleet.kill("web1")
        await asyncio.sleep(2)
        await fleet.start("web1", "web", WEB_PORT=str(ports[0]))

    await asyncio.gather(*(journey(n) for n in range(MEMBERS)), killer())

    # staff take the first ten requests from their cards in the forum
    def card(number: str) -> dict[str, Any] | None:
        for message in box.bot_messages(FORUM):
            if number in message.get("text", "") and message.get("reply_markup"):
                return message
        return None

    numbers = {}
    for m in members:
        sent = next(x["text"] for x in box.bot_messages(m) if "R-" in (x.get("text") or ""))
        numbers[m] = "R-" + sent.split("R-", 1)[1][:6]
    assert len(set(numbers.values())) == MEMBERS  # a number of its own each
    taken = members[:10]
    for m in taken:
        posted = await state.wait_for(lambda m=m: card(numbers[m]), within=120)
        state.press_button(FORUM, posted["message_id"], user_id=STAFF, text="🙋 Take")
    for m in taken:
        await state.wait_for(
            lambda m=m: any("in progress" in (x.get("text") or "") for x in box.bot_messages(m)),
            within=120,
        )

    # every update was answered by a webhook; none is left waiting
    await state.wait_for(lambda: not state.pending, within=60)
    delivered = {d["update_id"] for d in state.webhook_deliveries}
    assert {u["update_id"] for u in state.update_log} <= delivered
    assert state.webhook_errors, "web1 was killed: some deliveries must have failed over"

    # each member's updates were handled in order: first deliveries by update id, per chat
    first_delivery: dict[int, int] = {}
    for index, d in enumerate(state.webhook_deliveries):
        first_delivery.setdefault(d["update_id"], index)
    by_chat: dict[int, list[int]] = defaultdict(list)
    for update in state.update_log:
        body = next(v for k, v in update.items() if k != "update_id")
        chat = (body.get("message") or body).get("chat", {}).get("id")
        by_chat[chat].append(first_delivery[update["update_id"]])
    assert all(order == sorted(order) for order in by_chat.values())

    # nothing done twice in effect: one request per member, every notification sent once
    conn = await asyncpg.connect(fleet.env["DATABASE_URL"].replace("+asyncpg", ""))
    try:
        rows = await conn.fetch(
            "select m.telegram_id, count(r.id) from members m "
            "left join requests r on r.member_id = m.id group by m.telegram_id"
        )
        assert {r[0]: r[1] for r in rows} == dict.fromkeys(members, 1)
        # the worker marks a row sent just after Telegram took it: wait (bounded) for the last
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while True:
            statuses = await conn.fetch(
                "select status, count(*) from notifications group by status"
            )
            if {s[0] for s in statuses} == {"sent"} or loop.time() > deadline:
                break
            await asyncio.sleep(0.2)
        assert {s[0]: s[1] for s in statuses}.keys() == {"sent"}
        in_progress = await conn.fetchval(
            "select count(*) from requests where status = 'in_progress'"
        )
        assert in_progress == len(taken)
    finally:
        await conn.close()
    for m in members:
        # the notification ("🔔 Request R-… : 🔧 in progress"), once; "Request sent", drawn
        # again by an update delivered again after the take, says the status too, and is none
        texts = [x.get("text") or "" for x in box.bot_messages(m)]
        told = [t for t in texts if t.startswith("🔔") and "in progress" in t]
        assert len(told) == (1 if m in taken else 0)
    # one card per request in the forum
    for m in members:
        cards = [x for x in box.bot_messages(FORUM) if numbers[m] in x.get("text", "")
                 and x.get("reply_markup")]  # fmt: skip
        assert len(cards) == 1, numbers[m]

    # Telegram's limits: the worker's sends to the forum never met a 429 (they share one
    # Redis-kept window), and the emulator never accepted more than its limits allow
    refused_forum = [
        c for c in refused
        if c.get("error_code") == 429 and str((c.get("params") or {}).get("chat_id")) == str(FORUM)
    ]  # fmt: skip
    assert refused_forum == []
