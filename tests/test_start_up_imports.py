"""The bot's start-up leaves rarely used heavy libraries unimported (issue 12, goal 3: memory).

A module a process has imported stays in its memory for good, so libraries that only a rare
feature needs are imported by that feature, on first use (docs/performance.md, "Memory"):
openpyxl (and numpy, which it pulls in) by a registry file or an export, Pillow and segno by the
first e-card drawn, schwifty by the first IBAN, Redis by a process given REDIS_URL, Alembic by the
migrations, which the polling role applies in a child process, aiohttp's server side by a process
given METRICS_PORT, phonenumbers' zone table by the first member whose phone sets the zone. A
language's Babel data is read when a message first formats a number, a date or a plural in it,
not for the command menus registered in every language. A fresh interpreter does what
`bot.app.running` and `introduce` do at start-up (the migrations included) and reports its
`sys.modules` and the Babel locales it loaded.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.ecard import ECard, draw_card
from bot.services.money import clean_iban
from bot.services.zones import phone_zone
from tests.fresh_interpreter import run_for_json

ROOT = Path(__file__).resolve().parents[1]

LAZY = ("openpyxl", "numpy", "PIL", "segno", "zxingcpp", "schwifty", "redis", "alembic", "mako")
LAZY_PARTS = ("aiohttp.web", "phonenumbers.timezone", "phonenumbers.tzdata")

START_UP = """
import asyncio, json, sys
import babel.localedata
from bot.app import running
from bot.config import load_settings
from bot.factory import register_commands

class Unsent:
    async def set_my_commands(self, *args, **kwargs):
        pass

    set_my_description = set_my_short_description = set_my_commands

settings = load_settings(
    bot_token="123456:TEST-token",
    bot_api_url="http://127.0.0.1:9",
    database_url=sys.argv[1],
    admin_chat_id=-1001,
    _env_file=None,
)

async def main():
    async with running(settings) as runtime:
        assert runtime.dp is not None and runtime.scheduler is not None
        # what `bot.app.introduce` formats: the menus and descriptions in every language
        await register_commands(Unsent(), runtime.translators, [-1001], "uk", insurer_name="I")
    # Babel keeps each locale's data it has read in this cache (babel/localedata.py: load)
    print(json.dumps({"modules": sorted(sys.modules), "locales": sorted(babel.localedata._cache)}))

asyncio.run(main())
"""


def _start_up(tmp_path: Path) -> dict[str, list[str]]:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    url = f"sqlite+aiosqlite:///{tmp_path}/start.sqlite3"
    found: dict[str, list[str]]
    found, _ = run_for_json(["-c", START_UP, url], cwd=tmp_path, env=env, timeout=None)
    return found


def test_start_up_imports_none_of_the_libraries_made_lazy(tmp_path: Path) -> None:
    found = _start_up(tmp_path)
    modules = set(found["modules"])
    imported = {name.split(".")[0] for name in modules}

    # the start-up did happen: what every update needs is there
    assert {"aiogram", "aiogram_dialog", "sqlalchemy", "fluent", "babel", "bot", "dialogs"} <= (
        imported
    )
    assert {"phonenumbers", "aiohttp"} <= imported
    assert sorted(imported.intersection(LAZY)) == []
    lazy_parts = [m for m in modules for p in LAZY_PARTS if m == p or m.startswith(p + ".")]
    assert lazy_parts == []
    # the menus were formatted in every language with no language's own data: Babel's root only
    assert found["locales"] == ["root"]
    # and the migrations were applied (by the child process)
    assert (tmp_path / "start.sqlite3").stat().st_size > 0


@pytest.mark.parametrize("feature", ["ecard", "iban", "zone"])
def test_a_lazy_feature_imports_its_library_when_used(feature: str) -> None:
    """The other half: the feature still finds its library (in this process, already loaded or
    not, the call must work)."""
    if feature == "ecard":
        card = ECard("Insurer", "Card", (("Policy", "P-1"),), "active", "Active", "", "24/7", "P-1")
        assert draw_card(card).startswith(b"\x89PNG")
        assert "PIL" in sys.modules and "segno" in sys.modules
    elif feature == "iban":
        assert clean_iban("UA21 3223 1300 0002 6007 2335 6600 1") == (
            "UA213223130000026007233566001"
        )
        assert "schwifty" in sys.modules
    else:
        at = datetime(2025, 1, 15, 12, tzinfo=UTC)
        assert phone_zone("+77012345678", ZoneInfo("Europe/Kyiv"), at) == ZoneInfo("Asia/Almaty")
        assert "phonenumbers.timezone" in sys.modules
