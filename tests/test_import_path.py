"""`run_bot.py import-registry` never loads aiogram: the import process talks to no one but the
database, and aiogram alone is some 170 MB of RSS (issue 12: an import's peak RSS ≤ 200 MB).

The real command runs in a fresh interpreter on the demo registry, then that interpreter lists
the modules it loaded: a module on the import path that starts importing aiogram (directly or
through something it imports) fails here, not in a benchmark."""

from __future__ import annotations

import os
from pathlib import Path

from bot.sandbox.demo import DEMO_REGISTRY
from tests.fresh_interpreter import run_for_json

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("aiogram", "aiogram_dialog", "aiohttp")

RUN = """
import json, sys
from bot.main import main
code = main(["import-registry", sys.argv[1]], prog="run_bot.py")
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[2].split(",")))
print(json.dumps({"code": code, "heavy": heavy}))
"""


def test_the_import_command_runs_without_loading_aiogram(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "BOT_TOKEN": "123456:TEST-token",
        "ACTIVATION_SECRET": "a-test-secret-of-at-least-32-characters!",
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/import.db",
    }
    result, done = run_for_json(
        ["-c", RUN, str(DEMO_REGISTRY), ",".join(HEAVY)], cwd=tmp_path, env=env
    )
    assert result["code"] == 0, done.stderr  # the import ran: the check is not vacuous
    assert "added:" in done.stdout
    assert result["heavy"] == []
