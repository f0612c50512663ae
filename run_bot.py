"""Entry point from a checkout: `python run_bot.py [ROLE]`, the same as `insurance-bot [ROLE]`
(bot/main.py): polling (the default), web, worker, migrate, import-registry PATH, sandbox."""

from __future__ import annotations

import sys

from bot.main import main

if __name__ == "__main__":
    sys.exit(main(prog="run_bot.py"))
