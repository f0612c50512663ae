"""STAFF_ROUTES and STAFF_LOCALE: read from the environment (JSON or a file), checked at start
with one clear line, and the rules that pick a request's staff chat."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from bot.services.phones import phone_country
from storage.models import RequestKind

ROOT = Path(__file__).resolve().parent.parent
DEFAULT, KZ, CLAIMS = -1001, -1002, -1003
ROUTES = {
    "chats": {"kz": {"chat_id": KZ, "staff_ids": [7, 8]}, "claims": {"chat_id": CLAIMS}},
    "rules": [
        {"chat": "claims", "kinds": ["reimbursement"]},
        {"chat": "kz", "countries": ["kz"], "programs": ["Corporate Standard"]},
    ],
}


def _settings(routes: object, **more: object):
    return load_settings(
        _env_file=None,
        bot_token="1:a",
        bot_api_url="http://127.0.0.1:1",
        admin_chat_id=DEFAULT,
        staff_ids="1,2",
        staff_routes=routes,
        **more,
    )


def test_the_first_matching_rule_picks_the_chat_and_the_rest_go_to_the_default():
    desk = _settings(json.dumps(ROUTES)).staff_desk()
    assert desk.chat_for(RequestKind.REIMBURSEMENT, "UA", "Basic") == CLAIMS
    assert desk.chat_for(RequestKind.REIMBURSEMENT, "KZ", "Corporate Standard") == CLAIMS
    assert desk.chat_for(RequestKind.CALLBACK, "KZ", "corporate standard") == KZ
    assert desk.chat_for(RequestKind.CALLBACK, "KZ", "Individual") == DEFAULT
    assert desk.chat_for(RequestKind.CALLBACK, None, None) == DEFAULT
    # each chat has its own staff; an empty list lets anyone in that chat act
    assert desk.staff == {DEFAULT: {1, 2}, KZ: {7, 8}, CLAIMS: frozenset()}
    assert phone_country("+77010000101") == "KZ"
    assert phone_country("+380501234567") == "UA"


def test_routes_come_from_a_toml_file_too(tmp_path):
    path = tmp_path / "routes.toml"
    path.write_text(
        "[chats.kz]\nchat_id = -1002\nstaff_ids = [7]\n\n"
        '[[rules]]\nchat = "kz"\ncountries = ["KZ"]\n',
        encoding="utf-8",
    )
    desk = _settings(str(path)).staff_desk()
    assert desk.chat_for(RequestKind.CALLBACK, "KZ", None) == KZ
    assert desk.chat_ids == [DEFAULT, KZ]


def test_without_routes_one_chat_and_the_staff_language_is_the_default_locale():
    settings = _settings("", default_locale="ru")
    assert settings.staff_desk().chat_ids == [DEFAULT]
    assert settings.staff_language == "ru"
    assert _settings("", staff_locale="kk").staff_language == "kk"


@pytest.mark.parametrize(
    ("routes", "message"),
    [
        ("{not json", "STAFF_ROUTES: not valid JSON"),
        ("/no/such/routes.toml", "STAFF_ROUTES: /no/such/routes.toml is neither JSON nor a file"),
        ({"chats": {"kz": {"chat_id": 5}}}, "STAFF_ROUTES: chats.kz.chat_id"),
        ({"chats": {}, "rules": [{"chat": "kz", "kinds": ["x"]}]}, "rules.0.kinds.0"),
        ({"chats": {"kz": {"chat_id": KZ}}, "rules": [{"chat": "nope", "countries": ["KZ"]}]},
         "rule 1 names chat 'nope', which is not in chats"),
        ({"chats": {"kz": {"chat_id": KZ}}, "rules": [{"chat": "kz"}]}, "rule 1 has no condition"),
        ({"chats": {"kz": {"chat_id": DEFAULT}}}, "chat 'kz' is ADMIN_CHAT_ID"),
        ({"chats": {"a": {"chat_id": KZ}, "b": {"chat_id": KZ}}}, "the same id"),
        ({"chats": {"kz": {"chat_id": KZ}}, "rules": [{"chat": "kz", "countries": ["KAZ"]}]},
         "'KAZ' is not a two-letter country code"),
        ({"chats": {}, "routes": []}, "STAFF_ROUTES: routes: Extra inputs are not permitted"),
    ],
)  # fmt: skip
def test_a_bad_route_is_named_in_one_line(routes, message):
    text = routes if isinstance(routes, str) else json.dumps(routes)
    with pytest.raises(ConfigError) as caught:
        _settings(text)
    assert message in str(caught.value)
    assert str(caught.value).startswith("Configuration error: STAFF_ROUTES")
    assert "\n" not in str(caught.value)


def test_routes_need_a_default_chat():
    with pytest.raises(ConfigError, match="STAFF_ROUTES: needs ADMIN_CHAT_ID"):
        load_settings(
            _env_file=None,
            bot_token="1:a",
            bot_api_url="http://127.0.0.1:1",
            staff_routes=json.dumps(ROUTES),
        )


def test_a_bad_staff_locale_is_refused():
    with pytest.raises(ConfigError, match="STAFF_LOCALE: must be one of"):
        _settings("", staff_locale="de")


def test_the_bot_does_not_start_with_bad_routes(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "BOT_TOKEN": "1:a",
        "BOT_API_URL": "http://127.0.0.1:1",
        "ADMIN_CHAT_ID": str(DEFAULT),
        "STAFF_ROUTES": json.dumps({"chats": {}, "rules": [{"chat": "kz", "kinds": ["callback"]}]}),
    }
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
    assert result.stderr.strip() == (
        "Configuration error: STAFF_ROUTES: rule 1 names chat 'kz', which is not in chats"
    )
