"""What the member benches share: a bot process against the in-process Bot API emulator, many
simulated members acting at once, and what the emulator saw of the bot's answers.

A bot is the project (``run_bot.py``), the bare aiogram echo bot (``bench/echo_bot.py``) or the
bare aiogram-dialog bot (``bench/dialog_bot.py``), each a process of its own, so its CPU time and
memory are read from the operating system (psutil) and nothing of the bench runs inside it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import socket
import statistics
import time
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psutil

from bench.clock_env import clock_env
from bench.kill_bench import ROOT, BotProcess, buttons, last_bot_message
from bot.sandbox.run import sandbox_users
from tgsandbox import (
    DEFAULT_FORUM_CHAT_ID,
    SANDBOX_TOKEN,
    EmulatorState,
    RateLimits,
    SandboxError,
    SimUser,
    bound_url,
    start_emulator,
)
from tgsandbox.limits import is_sending

ECHO = "echo"
DIALOG = "aiogram-dialog"  # the decided stack's floor (bench/dialog_bot.py)
PROJECT = "project"
# the bare bots: a module of this tree each, no database
BARE = {ECHO: "bench.echo_bot", DIALOG: "bench.dialog_bot"}
# the bot's calls that show a member something
SHOWING = frozenset(
    {
        "sendmessage",
        "editmessagetext",
        "editmessagereplymarkup",
        "editmessagecaption",
        "sendphoto",
        "senddocument",
    }
)
READY_TIMEOUT = 300.0  # start-up took 40 s and more on the loaded 2-core machine
# how long a member waits for the button a step presses to show before giving up on it
PRESS_PATIENCE = 30.0


@dataclass
class StepResult:
    """One burst: every member did one thing at once; what the bot needed to answer them all."""

    step: str
    bot: str
    members: int
    seconds: float  # from the first update pushed to the last member's answer (its last part)
    latencies: list[float] = field(repr=False)
    cpu_seconds: float  # the bot process's CPU time until it went quiet
    unanswered: int = 0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_update(self) -> float:
        return 1000 * self.cpu_seconds / self.members

    @property
    def p95(self) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=20)[-1]


def _chat_of(record: dict[str, Any]) -> int:
    try:
        return int((record.get("params") or {}).get("chat_id") or 0)
    except (TypeError, ValueError):  # "@channel" names
        return 0


class Watch:
    """Observes the emulator's calls: each member's first answer after a burst began."""

    def __init__(self, state: EmulatorState) -> None:
        self.state = state
        self.last_call = time.monotonic()
        self.waiting: dict[int, float] = {}  # chat -> when its update was pushed, until answered
        # this burst's chats: when each one's update was pushed, and when the last part of its
        # answer so far came (an answer may take several calls: the old screen's keyboard taken
        # away, then the new screen; the member has their answer with the last)
        self.pushed: dict[int, float] = {}
        self.answered_at: dict[int, float] = {}
        # each 429 the bot was given: when, to which method, to which chat
        self.refusals: list[tuple[float, str, int]] = []
        # every accepted message Telegram counts in its 30 a second (tgsandbox/limits.py): when
        self.counted: list[float] = []
        self.ready = asyncio.Event()
        self.all_answered = asyncio.Event()
        self.sent_to: list[tuple[float, int]] = []  # every accepted send: when, to which chat
        state.call_observers.append(self._observe)

    @property
    def refused(self) -> int:
        return len(self.refusals)

    def _observe(self, record: dict[str, Any]) -> None:
        now = time.monotonic()
        self.last_call = now
        method = record["method"].lower()
        if method == "setmycommands" and record.get("ok"):
            self.ready.set()
            return
        if record.get("error_code") == 429:
            self.refusals.append((now, record["method"], _chat_of(record)))
        elif record.get("ok") and is_sending(record["method"]):
            self.counted.append(now)
        if method not in SHOWING or not record.get("ok"):
            return
        params = record.get("params") or {}
        with contextlib.suppress(TypeError, ValueError):
            chat = int(params.get("chat_id") or 0)
            self.sent_to.append((now, chat))
            if chat in self.pushed:
                self.answered_at[chat] = now
            if self.waiting.pop(chat, None) is not None and not self.waiting:
                self.all_answered.set()

    def _act(self, chats: Iterable[int], act: Callable[[int], object]) -> list[int]:
        """Each chat acts now; those that cannot yet (no such button on screen) are returned."""
        later = []
        for chat in chats:
            self.waiting[chat] = self.pushed[chat] = time.monotonic()
            try:
                act(chat)
            except SandboxError:
                self.waiting.pop(chat, None)
                self.pushed.pop(chat, None)
                later.append(chat)
        return later

    async def burst(
        self,
        step: str,
        bot: str,
        chats: Iterable[int],
        act: Callable[[int], object],
        process: psutil.Process,
        *,
        within: float,
        quiet: float = 0.5,
    ) -> StepResult:
        """Every chat acts at once; wait for each one's first answer, then for quiet; each
        chat is answered when the last part of its answer came."""
        chats = list(chats)
        self.pushed, self.answered_at = {}, {}
        cpu_before = cpu_seconds(process)
        start = time.monotonic()
        deadline = start + within
        # A member presses once the button is on screen: an answer that came in parts (a
        # screen's text, then its buttons by an edit) may still be arriving, or waiting for
        # Telegram's second. Pressed when it shows, each chat's wait counted from its press.
        later = self._act(chats, act)
        while later and time.monotonic() < min(deadline, start + PRESS_PATIENCE):
            await asyncio.sleep(0.1)
            later = self._act(later, act)
        failed = len(later)
        if self.waiting:
            self.all_answered.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.all_answered.wait(), within)
        while time.monotonic() < deadline:  # then until the bot has been quiet a while
            idle = time.monotonic() - self.last_call
            if idle >= quiet:
                break
            await asyncio.sleep(quiet - idle)
        unanswered = len(self.waiting) + failed
        answered = {chat: at - self.pushed[chat] for chat, at in self.answered_at.items()}
        last_answer = max(self.answered_at.values(), default=time.monotonic())
        self.waiting, self.pushed, self.answered_at = {}, {}, {}
        return StepResult(
            step,
            bot,
            len(chats),
            last_answer - start,
            list(answered.values()),
            cpu_seconds(process) - cpu_before,
            unanswered,
        )


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def press(state: EmulatorState, chat: int, label: str) -> None:
    """Press the button of the chat's last bot message whose label starts with `label`."""
    message = last_bot_message(state, chat)
    if message is None:
        raise SandboxError(f"no bot message in chat {chat}")
    found = next((b for b in buttons(message) if b.startswith(label)), None)
    if found is None:
        raise SandboxError(f"no button {label!r} in chat {chat}: {buttons(message)}")
    state.press_button(chat, message["message_id"], text=found)


class Fleet:
    """Several bot processes read as one (`replicas`): their CPU times and memory summed; the
    first one's `pid` (what py-spy samples)."""

    def __init__(self, processes: list[psutil.Process]) -> None:
        self.processes = processes
        self.pid = processes[0].pid

    def cpu_times(self) -> Any:
        times = [p.cpu_times() for p in self.processes]
        return SimpleNamespace(user=sum(t.user for t in times), system=sum(t.system for t in times))

    def memory_info(self) -> Any:
        return SimpleNamespace(rss=sum(p.memory_info().rss for p in self.processes))


@dataclass
class Running:
    state: EmulatorState
    watch: Watch
    process: psutil.Process | Fleet
    bot: str

    def rss(self) -> int:
        return int(self.process.memory_info().rss)


def _environment(
    runner: Any,
    users: list[SimUser],
    workdir: Path,
    bot: str,
    database_url: str,
    redis_url: str,
    unpaced: bool,
) -> dict[str, str]:
    """What a bot process is started with against the emulator `runner` serves."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(workdir),
        "BOT_TOKEN": SANDBOX_TOKEN,
        "BOT_API_URL": bound_url(runner),
        **clock_env(),
    }
    if bot == DIALOG and redis_url:  # the bare aiogram-dialog bot with its state in Redis
        env["REDIS_URL"] = redis_url
    if bot == PROJECT:
        env |= {
            "DATABASE_URL": database_url,
            "ADMIN_CHAT_ID": str(DEFAULT_FORUM_CHAT_ID),
            "STAFF_IDS": ",".join(str(u.id) for u in users if u.is_staff),
        }
        if redis_url:
            env["REDIS_URL"] = redis_url
        if unpaced:
            # the emulator enforces no limit here, and the echo bot keeps none: the bot's pacer
            # is not to hold its answers to Telegram's 30 a second either (busy_bench and
            # deliver_bench measure with the limits)
            env["PACE_PER_SECOND"] = "1000000"
    return env


@contextlib.asynccontextmanager
async def running_bot(
    bot: str,
    members: list[SimUser],
    workdir: Path,
    *,
    database_url: str = "",
    redis_url: str = "",
    limits: RateLimits | None = None,
    extra_env: dict[str, str] | None = None,
    root: Path = ROOT,
    replicas: int = 0,
) -> AsyncIterator[Running]:
    """The emulator with `members` (and the sandbox's staff), and `bot` polling it: the project
    of the tree at `root` (this one, or another commit's worktree), a bare bot of this one.
    With `replicas` the project runs as deployed (docs/deploy.md): that many `web` processes
    behind the emulator's webhook (each update to the next in turn, as a load balancer) and one
    `worker`, on `database_url` (PostgreSQL) and `redis_url`: this tree's project as it is, so
    another tree, other rate limits or other environment with it are refused, not ignored."""
    if replicas:
        ignored = {
            "bot": bot != PROJECT,
            "limits": limits is not None,
            "extra_env": bool(extra_env),
            "root": root != ROOT,
        }
        if any(ignored.values()):
            given = ", ".join(name for name, set_ in ignored.items() if set_)
            raise ValueError(f"replicas run this tree's project as deployed; not with: {given}")
        async with _running_fleet(members, workdir, database_url, redis_url, replicas) as fleet:
            yield fleet
        return
    users = [*(u for u in sandbox_users() if u.is_staff), *members]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    state.rate_limits = limits
    watch = Watch(state)
    env = _environment(runner, users, workdir, bot, database_url, redis_url, limits is None)
    argv = ["-m", BARE[bot]] if bot in BARE else [str(root / "run_bot.py")]
    env |= extra_env or {}
    env["PYTHONPATH"] = str(root if bot == PROJECT else ROOT)
    # bots running at once share `workdir`: each logs to a file of its own, named by its kind
    # and its emulator's port ("bot-1.log" was written by all of them at once)
    port = urlsplit(env["BOT_API_URL"]).port
    process = BotProcess(env, workdir, argv, log_name=f"bot-{bot}-{port}")
    supervisor = asyncio.create_task(process.supervise())
    try:
        await asyncio.wait_for(watch.ready.wait(), READY_TIMEOUT)
        assert process.process is not None
        yield Running(state, watch, psutil.Process(process.process.pid), bot)
    finally:
        await process.stop()
        await supervisor
        await runner.cleanup()


_HANDED_OUT: set[int] = set()
_LOWEST_PORT = 10000
_SLICES = 8


def _ephemeral_start() -> int:
    """Where the ports the system hands out (port 0, outgoing connections) begin."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A TCP port free on this machine now, for a bot process to listen on once it has started.

    Drawn below the system's ephemeral range: a port from that range, free when asked, can be
    taken by any connection or port-0 server made before the process binds it, and the process
    then exits at start-up (a fleet process started again mid-walk, in CI). Each pytest-xdist
    worker draws from a slice of its own, so tests side by side never draw the same port."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    index = int(worker) % _SLICES if worker.isdigit() else 0
    width = (_ephemeral_start() - _LOWEST_PORT) // _SLICES
    low = _LOWEST_PORT + index * width
    for _ in range(200):
        port = random.randrange(low, low + width)
        if port in _HANDED_OUT:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _HANDED_OUT.add(port)
        return port
    raise RuntimeError(f"no free port in {low}..{low + width}")


async def healthy(port: int, within: float = READY_TIMEOUT) -> None:
    """Until the bot process serving `port` answers 200 on /healthz."""
    import aiohttp

    deadline = time.monotonic() + within
    async with aiohttp.ClientSession() as http:
        while True:
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(f"http://127.0.0.1:{port}/healthz") as answer:
                    if answer.status == 200:
                        return
            if time.monotonic() > deadline:
                raise RuntimeError(f"the bot process on port {port} never became healthy")
            await asyncio.sleep(0.5)


def sibling_redis(redis: str, offset: int) -> str:
    """Another db number of the same Redis: `offset` after `redis`'s."""
    parts = urlsplit(redis)
    number = (int(parts.path.strip("/") or 0) + offset) % 16
    return urlunsplit(parts._replace(path=f"/{number}"))


async def fresh_database(postgres: str, suffix: str) -> str:
    """A PostgreSQL database made afresh beside `postgres`'s, `<its name>_<suffix>`, and its URL
    (for a fleet of processes, or setups side by side, each on a database of its own)."""
    import asyncpg
    from sqlalchemy.engine import make_url

    base = make_url(postgres)
    name = f"{base.database}_{suffix}"
    conn = await asyncpg.connect(base.set(drivername="postgresql").render_as_string(False))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return base.set(database=name).render_as_string(hide_password=False)


def _log_tail(folder: Path, lines: int = 25) -> str:
    """The end of the first run's log in `folder` (a process started again writes bot-2.log)."""
    log = folder / "bot-1.log"
    text = log.read_text(errors="replace") if log.exists() else "(no log)"
    return f"{folder.name}:\n" + "\n".join(text.splitlines()[-lines:])


@contextlib.asynccontextmanager
async def _running_fleet(
    members: list[SimUser], workdir: Path, database_url: str, redis_url: str, replicas: int
) -> AsyncIterator[Running]:
    if not (database_url.startswith("postgresql") and redis_url):
        raise ValueError("web replicas share PostgreSQL and Redis (docs/deploy.md)")
    users = [*(u for u in sandbox_users() if u.is_staff), *members]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    watch = Watch(state)
    web_ports = [free_port() for _ in range(replicas)]
    worker_port = free_port()
    env = _environment(runner, users, workdir, PROJECT, database_url, redis_url, True) | {
        "WEBHOOK_URL": f"http://127.0.0.1:{web_ports[0]}/webhook",
        "WEBHOOK_SECRET": "bench-fleet-secret",
        "WEB_HOST": "127.0.0.1",
        "PYTHONPATH": str(ROOT),
    }
    fleet: list[tuple[BotProcess, asyncio.Task[None]]] = []
    roles = [("web", {"WEB_PORT": str(port)}) for port in web_ports]
    roles.append(("worker", {"METRICS_PORT": str(worker_port)}))
    try:
        for number, (role, extra) in enumerate(roles):
            folder = workdir / f"fleet-{number}-{role}"
            folder.mkdir(exist_ok=True)
            process = BotProcess(env | extra, folder, [str(ROOT / "run_bot.py"), role])
            fleet.append((process, asyncio.create_task(process.supervise())))
        for port in [*web_ports, worker_port]:
            await healthy(port)
        await state.wait_for(lambda: state.webhook is not None, within=READY_TIMEOUT)
        state.webhook_targets = [f"http://127.0.0.1:{port}/webhook" for port in web_ports]
        processes = []
        for process, _task in fleet:
            assert process.process is not None
            processes.append(psutil.Process(process.process.pid))
        try:
            yield Running(state, watch, Fleet(processes), PROJECT)
        except Exception as error:
            started_again = [
                _log_tail(workdir / f"fleet-{number}-{role}")
                for number, ((process, _task), (role, _extra)) in enumerate(
                    zip(fleet, roles, strict=True)
                )
                if process.starts > 1
            ]
            if started_again:  # say why a process died, not only that its pid is gone
                raise RuntimeError(
                    "a fleet process exited:\n" + "\n".join(started_again)
                ) from error
            raise
    finally:
        for process, task in fleet:
            await process.stop()
            await task
        await runner.cleanup()
