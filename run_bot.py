"""Entry point.

python run_bot.py                        run the bot (long polling against BOT_API_URL)
python run_bot.py import-registry PATH   import the insurer's registry (CSV or XLSX)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from pathlib import Path

from bot.config import ConfigError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="run_bot.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the bot (the default)")
    imp = sub.add_parser("import-registry", help="import the insurer's registry (CSV or XLSX)")
    imp.add_argument("path")
    box = sub.add_parser(
        "sandbox", help="the whole bot locally with a Telegram stand-in and a chat page"
    )
    box.add_argument("--host", default="127.0.0.1")
    box.add_argument("--port", type=int, default=8081)
    args = parser.parse_args(argv)

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # start-up logs its own line per step; Alembic's plugin chatter is noise there
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # a line a second otherwise
    if args.command == "sandbox":
        from bot.sandbox.run import main as sandbox

        return sandbox(args.host, args.port)

    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2

    if args.command == "import-registry":
        from bot.cli import run_import

        return asyncio.run(run_import(settings, Path(args.path)))

    from bot.app import run_polling

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_polling(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
