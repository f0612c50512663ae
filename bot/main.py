"""`insurance-bot ROLE` (also `python run_bot.py ROLE`): one entry point for every process.

polling (the default)   one process: updates by long polling, delivery and the scheduler
web                     updates from Telegram's webhook (any number behind a load balancer)
worker                  outbox delivery and the scheduler, no updates (one or more)
migrate                 apply the database migrations once (before starting a new version)
import-registry PATH    import the insurer's registry (CSV or XLSX)
import-clinics PATH     import the insurer's clinic directory (CSV or XLSX; README "Clinics")
sandbox                 the whole bot locally with a Telegram stand-in and a chat page
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from bot.config import ConfigError, Settings, load_settings
from bot.observability.logs import setup_logging, setup_sentry


def _polling(settings: Settings) -> Coroutine[Any, Any, None]:
    from bot.app import run_polling

    return run_polling(settings)


def _web(settings: Settings) -> Coroutine[Any, Any, None]:
    from bot.web import run_web

    return run_web(settings)


def _worker(settings: Settings) -> Coroutine[Any, Any, None]:
    from bot.worker import run_worker

    return run_worker(settings)


async def _migrate(settings: Settings) -> None:
    from storage.db import migrate

    await migrate(settings.database_url)
    print("migrations: up to date")  # noqa: T201


# the roles that run until stopped
SERVICES: dict[str, Callable[[Settings], Coroutine[Any, Any, None]]] = {
    "polling": _polling,
    "run": _polling,  # the name of the polling role before there were several
    "web": _web,
    "worker": _worker,
    "migrate": _migrate,
}


def build_parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(__doc__ or "").split("\n\n", 1)[-1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="ROLE")
    sub.add_parser("polling", help="updates by long polling, delivery, scheduler (the default)")
    sub.add_parser("run")  # the polling role's name before there were several
    sub.add_parser("web", help="updates from the webhook (WEBHOOK_URL, WEBHOOK_SECRET)")
    sub.add_parser("worker", help="outbox delivery and the scheduler, no updates")
    sub.add_parser("migrate", help="apply the database migrations once")
    imp = sub.add_parser("import-registry", help="import the insurer's registry (CSV or XLSX)")
    imp.add_argument("path")
    clinics = sub.add_parser(
        "import-clinics", help="import the insurer's clinic directory (CSV or XLSX)"
    )
    clinics.add_argument("path")
    box = sub.add_parser(
        "sandbox", help="the whole bot locally with a Telegram stand-in and a chat page"
    )
    box.add_argument("--host", default="127.0.0.1")
    box.add_argument("--port", type=int, default=8081)
    return parser


def main(argv: list[str] | None = None, prog: str = "insurance-bot") -> int:
    args = build_parser(prog).parse_args(argv)
    command = args.command or "polling"
    if command == "sandbox":
        setup_logging()
        from bot.sandbox.run import main as sandbox

        return sandbox(args.host, args.port)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)  # noqa: T201
        return 2
    setup_logging(settings.log_format, settings.log_level)
    setup_sentry(settings.sentry_dsn.get_secret_value() if settings.sentry_dsn else None)
    if command == "import-registry":
        from bot.cli import run_import

        return asyncio.run(run_import(settings, Path(args.path)))
    if command == "import-clinics":
        from bot.cli import run_clinics_import

        return asyncio.run(run_clinics_import(settings, Path(args.path)))
    try:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(SERVICES[command](settings))
    except ValueError as exc:  # a role's settings that do not fit (e.g. web without a URL)
        print(f"Configuration error: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    return 0
