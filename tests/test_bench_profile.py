"""bench/profile.py: py-spy's samples summed by library, waiting left out of the shares."""

from __future__ import annotations

import inspect
from pathlib import Path

from aiosqlite import core

from bench.profile import (
    BOT_API,
    DATABASE,
    EVENT_LOOP,
    GET_UPDATES,
    RENDERING,
    THE_REST,
    WAITING,
    by_library,
    by_phase,
    library,
    phase,
)

CALLBACK = "Handle._run (asyncio/events.py:80)"
LOOP = (
    "<module> (run_bot.py:11);main (bot/main.py:112);run (asyncio/runners.py:190);"
    "BaseEventLoop.run_forever (asyncio/base_events.py:607);"
    "BaseEventLoop._run_once (asyncio/base_events.py:1922)"
)


def _worker_wait_line() -> int:
    lines, first = inspect.getsourcelines(core._connection_worker_thread)
    return first + next(i for i, text in enumerate(lines) if "tx.get()" in text)


def test_a_callbacks_innermost_library_gets_the_sample() -> None:
    stack = (
        f"{LOOP};{CALLBACK};start (bot/handlers/commands.py:37);"
        "Session.execute (sqlalchemy/orm/session.py:2488)"
    )
    assert library(stack) == "SQLAlchemy"
    own = f"{LOOP};{CALLBACK};start (bot/handlers/commands.py:37)"
    assert library(own) == "the bot's own code"


def test_the_loops_own_work_is_not_the_script_that_started_it() -> None:
    assert library(f"{LOOP};BaseEventLoop._run_once (asyncio/base_events.py:1867)") == EVENT_LOOP
    assert library(f"{LOOP};EpollSelector.select (selectors.py:468)") == WAITING


def test_an_aiosqlite_thread_waiting_for_its_next_call_is_waiting() -> None:
    thread = "Thread._bootstrap (threading.py:995);Thread.run (threading.py:982)"
    waiting = f"{thread};_connection_worker_thread (aiosqlite/core.py:{_worker_wait_line()})"
    working = f"{thread};_connection_worker_thread (aiosqlite/core.py:{_worker_wait_line() + 4})"
    assert library(waiting) == WAITING
    assert library(working) == "aiosqlite + sqlite3"


def test_shares_are_of_the_samples_at_work(tmp_path: Path) -> None:
    thread = "Thread.run (threading.py:982)"
    samples = tmp_path / "step.txt"
    samples.write_text(
        f"{LOOP};{CALLBACK};Session.execute (sqlalchemy/orm/session.py:1) 3\n"
        f"{LOOP};{CALLBACK};validate (pydantic/main.py:1) 1\n"
        f"{thread};_connection_worker_thread (aiosqlite/core.py:{_worker_wait_line()}) 96\n"
    )
    assert by_library(samples) == [("SQLAlchemy", 0.75), ("pydantic", 0.25)]


HANDLER = f"{LOOP};{CALLBACK};start (bot/handlers/commands.py:37)"


def test_a_sample_belongs_to_what_the_step_was_doing() -> None:
    api = "Bot.__call__ (aiogram/client/bot.py:515);ClientSession._request (aiohttp/client.py:900)"
    assert phase(f"{HANDLER};{api}") == BOT_API
    assert phase(f"{LOOP};{CALLBACK};ClientRequest.write_bytes (aiohttp/client_reqrep.py:1)") == (
        BOT_API
    )
    poller = f"{LOOP};{CALLBACK};UpdatePoller._fetch_loop (bot/polling.py:126)"
    assert phase(f"{poller};{api}") == GET_UPDATES
    # a getter's read while the screen renders is the database's
    render = (
        "Dialog.render (aiogram_dialog/dialog.py:125);Window.render (aiogram_dialog/window.py:1)"
    )
    cards = "cards_of (storage/repositories/cards.py:111)"
    assert phase(f"{HANDLER};{render};{cards}") == DATABASE
    assert phase(f"{HANDLER};{render};I18nFormat._render_text (dialogs/widgets/i18n.py:41)") == (
        RENDERING
    )
    # SQLAlchemy's greenlets and aiosqlite's thread run outside the loop's stack
    assert phase("Session.commit (sqlalchemy/orm/session.py:2177)") == DATABASE
    thread = "Thread.run (threading.py:982)"
    assert phase(f"{thread};_connection_worker_thread (aiosqlite/core.py:63)") == DATABASE
    assert phase(HANDLER) == THE_REST
    assert phase(f"{LOOP};EpollSelector.select (selectors.py:468)") == WAITING


def test_phase_shares_are_of_the_samples_at_work(tmp_path: Path) -> None:
    samples = tmp_path / "step.txt"
    samples.write_text(
        f"{HANDLER};Bot.__call__ (aiogram/client/bot.py:515) 1\n"
        f"{HANDLER};get_or_create (storage/repositories/members.py:28) 3\n"
        f"{LOOP};EpollSelector.select (selectors.py:468) 50\n"
    )
    assert by_phase(samples) == [(DATABASE, 0.75), (BOT_API, 0.25)]
