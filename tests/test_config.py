import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parent.parent


def test_lists_and_hours_from_plain_environment_strings(monkeypatch):
    monkeypatch.setenv("BOT_TOKEN", "123456:ABC")
    monkeypatch.setenv("STAFF_IDS", "11, 22,33")
    monkeypatch.setenv("SUPPORT_PHONES", "+7 727 000 00 01,+7 727 000 00 02")
    monkeypatch.setenv("CALLCENTRE_HOURS", "mon-sat 08:00-20:00")
    monkeypatch.setenv("ACTIVATION_SECRET", "s" * 32)
    settings = load_settings(_env_file=None)
    assert settings.staff_ids == [11, 22, 33]
    assert settings.support_phones == ["+7 727 000 00 01", "+7 727 000 00 02"]
    assert settings.callcentre_hours.for_weekday(6) is None
    assert settings.database_url.startswith("sqlite+aiosqlite:///")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "Configuration error: BOT_TOKEN is missing"),
        ({"BOT_TOKEN": "nonsense"}, "Configuration error: BOT_TOKEN"),
        ({"BOT_TOKEN": "1:a", "STAFF_IDS": "1,x"}, "Configuration error: STAFF_IDS"),
        ({"BOT_TOKEN": "1:a", "DEFAULT_LOCALE": "de"}, "Configuration error: DEFAULT_LOCALE"),
        (
            {"BOT_TOKEN": "1:a", "INSURER_TIMEZONE": "Mars/Base"},
            "Configuration error: INSURER_TIMEZONE: unknown time zone",
        ),
        ({"BOT_TOKEN": "1:a", "CALLCENTRE_HOURS": "weekdays"}, "CALLCENTRE_HOURS"),
        ({"BOT_TOKEN": "1:a", "BOT_API_URL": "localhost:8081"}, "BOT_API_URL"),
        ({"BOT_TOKEN": "1:a"}, "Configuration error: ACTIVATION_SECRET is missing"),
        ({"BOT_TOKEN": "1:a", "ACTIVATION_SECRET": ""}, "ACTIVATION_SECRET is missing"),
        ({"BOT_TOKEN": "1:a", "ACTIVATION_SECRET": "short"}, "ACTIVATION_SECRET: needs at least"),
    ],
)
def test_bad_setting_is_named_in_one_line(monkeypatch, env, message):
    for name in (
        "BOT_TOKEN",
        "STAFF_IDS",
        "DEFAULT_LOCALE",
        "INSURER_TIMEZONE",
        "CALLCENTRE_HOURS",
        "BOT_API_URL",
        "ACTIVATION_SECRET",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as caught:
        load_settings(_env_file=None)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_run_bot_without_token_stops_with_one_clear_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "run_bot.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "Configuration error: BOT_TOKEN is missing"


def test_the_activation_key_is_the_secret_else_derived_and_never_the_token(monkeypatch):
    token = "123456:ABC"
    monkeypatch.delenv("ACTIVATION_SECRET", raising=False)
    # the sandbox and the end-to-end tests: another Bot API server, no secret needed
    sandbox = load_settings(_env_file=None, bot_token=token, bot_api_url="http://127.0.0.1:8081")
    derived = sandbox.activation_key()
    assert derived != token.encode()
    assert token.encode() not in derived
    assert derived == sandbox.activation_key()  # stable across restarts: lock-outs survive
    other = load_settings(
        _env_file=None, bot_token="654321:XYZ", bot_api_url="http://127.0.0.1:8081"
    )
    assert other.activation_key() != derived
    real = load_settings(_env_file=None, bot_token=token, activation_secret="k" * 20)
    assert real.activation_key() == b"k" * 20
