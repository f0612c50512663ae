"""A second SIGTERM (or a Ctrl-C) while the bot process stops: the stop still runs to its end.

A `timeout` wrapper passes its own SIGTERM on, and people press Ctrl-C twice. The polling role
removed its handlers once the updates were drained; the scheduler's stop that follows (up to
SHUTDOWN_TIMEOUT) then ran under Python's default handler, and the second signal ended the
process like a kill: no "stopped", exit code -15.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from bot.sandbox.run import sandbox_users
from tests.e2e.conftest import ROOT, bot_env, until
from tgsandbox import EmulatorState, bound_url, start_emulator

# the real bot (`run_bot.py`), with the scheduler's stop taking 2 s, as it does while a job
# (an outbox run, a reminder sweep) is still ending
SLOW_STOP = """
import asyncio, sys
sys.path.insert(0, sys.argv.pop(1))
import bot.app
from bot.main import main

real = bot.app.stop_jobs

async def stop_jobs_taking_a_while(*args, **kwargs):
    print("jobs: ending", file=sys.stderr, flush=True)
    await asyncio.sleep(2)
    return await real(*args, **kwargs)

bot.app.stop_jobs = stop_jobs_taking_a_while
sys.exit(main(prog="run_bot.py"))
"""


def logged_in(path: Path) -> Callable[[], str]:
    return lambda: path.read_text(encoding="utf-8") if path.exists() else ""


async def test_a_second_signal_while_stopping_lets_the_stop_finish(tmp_path: Path) -> None:
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=sandbox_users()))
    env = bot_env(bound_url(runner), tmp_path / "bot.sqlite3", tmp_path)
    log_path = tmp_path / "bot.log"
    logged = logged_in(log_path)
    try:
        with log_path.open("ab") as log_file:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-c", SLOW_STOP, str(ROOT), env=env, cwd=tmp_path,
                stdout=asyncio.subprocess.DEVNULL, stderr=log_file,
            )  # fmt: skip
        try:
            await until(lambda: "polling: started" in logged(), within=60)
            state.send_text(10002, "/start")  # handled and acknowledged: the poller is running
            await until(lambda: not state.pending)
            process.send_signal(signal.SIGTERM)
            await until(lambda: "jobs: ending" in logged())  # updates drained; jobs ending
            process.send_signal(signal.SIGTERM)
            process.send_signal(signal.SIGINT)
            code = await asyncio.wait_for(process.wait(), 30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    finally:
        await runner.cleanup()

    text = logged()
    assert code == 0, text[-2000:]
    assert "SIGTERM again: still stopping (SIGTERM asked first)" in text
    assert "SIGINT again: still stopping" in text
    assert text.rstrip().splitlines()[-1].endswith("stopped")
    assert "Traceback" not in text and " ERROR " not in text
