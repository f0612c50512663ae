"""LOG_FORMAT=json: one object a line, the update's ids on it, no phone number."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from aiogram.types import Update, User

from bot.middlewares.observability import LogContextMiddleware
from bot.observability.logs import setup_logging

PHONE = "+380501112233"


@pytest.fixture
def json_logs() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    out = io.StringIO()
    setup_logging("json", "INFO", stream=out)
    yield out
    root.handlers[:] = handlers
    root.setLevel(level)


async def test_a_json_line_carries_the_update_and_user_but_no_phone(json_logs):
    update = Update.model_validate({"update_id": 700000123})
    user = User(id=10001, is_bot=False, first_name="Olena")

    async def handler(event: Any, data: dict[str, Any]) -> None:
        log = logging.getLogger("bot.test")
        log.info("contact shared")
        try:  # a database error's text carries its statement's parameters
            raise ValueError(f"duplicate key (phone)=({PHONE})")
        except ValueError:
            log.exception("could not save %s", PHONE)

    await LogContextMiddleware()(handler, update, {"event_from_user": user})
    logging.getLogger("bot.test").info("between updates")

    lines = json_logs.getvalue().strip().splitlines()
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert [r["message"] for r in records] == [
        "contact shared",
        "could not save +***",
        "between updates",
    ]
    assert records[0]["update_id"] == 700000123
    assert records[0]["user_id"] == 10001
    assert records[1]["update_id"] == 700000123
    assert "exc_info" in records[1]
    assert records[2]["update_id"] is None
    assert all(r["level"] and r["logger"] == "bot.test" for r in records)
    assert PHONE not in "\n".join(lines)
    assert "380501112233" not in "\n".join(lines)


def test_a_sentry_event_is_scrubbed_of_phone_numbers():
    from bot.observability.logs import scrub_event

    event = {"exception": {"values": [{"value": f"duplicate ({PHONE})"}]}, "extra": [1, PHONE]}
    assert PHONE not in str(scrub_event(event))
    assert scrub_event(event)["extra"][0] == 1
