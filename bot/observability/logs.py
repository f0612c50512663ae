"""Logging set-up: plain lines, or one JSON object a line (LOG_FORMAT=json, python-json-logger)
carrying the update id and the Telegram user id of the update being handled on every line.

Personal data never goes in: handlers log ids, not phones, birth dates or insured ids, and a
filter masks anything shaped like an international phone number that slips into a message.

No aiogram here (every process sets up logging, `import-registry` too): the middleware that sets
the update's ids is `bot/middlewares/observability.py`.
"""

from __future__ import annotations

import logging
import re
import sys
from contextvars import ContextVar
from typing import IO, Any

UPDATE_ID: ContextVar[int | None] = ContextVar("update_id", default=None)
USER_ID: ContextVar[int | None] = ContextVar("user_id", default=None)
PHONE = re.compile(r"\+\d[\d ()-]{6,}\d")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class UpdateContext(logging.Filter):
    """Puts the current update's ids on each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.update_id = UPDATE_ID.get()
        record.user_id = USER_ID.get()
        return True


class Scrubbed(logging.Formatter):
    """Another formatter's line with anything shaped like a phone number masked (a database
    error's text carries its statement's parameters, a traceback its message)."""

    def __init__(self, inner: logging.Formatter) -> None:
        super().__init__()
        self.inner = inner

    def format(self, record: logging.LogRecord) -> str:
        return PHONE.sub("+***", self.inner.format(record))


def json_formatter() -> logging.Formatter:
    from pythonjsonlogger.json import JsonFormatter

    return JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s %(update_id)s %(user_id)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        timestamp=False,
    )


def setup_logging(
    log_format: str = "text", level: str = "INFO", stream: IO[str] | None = None
) -> None:
    """The root logger's one handler (stderr), in the chosen format."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(UpdateContext())
    inner = json_formatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT)
    handler.setFormatter(Scrubbed(inner))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # start-up logs its own line per step; Alembic's plugin chatter is noise there
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # a line a second otherwise


def setup_sentry(dsn: str | None) -> bool:
    """Errors to Sentry when SENTRY_DSN is set and the `sentry` extra is installed; no PII."""
    if not dsn:
        return False
    try:
        import sentry_sdk
    except ImportError:
        logging.getLogger("bot").warning("SENTRY_DSN is set but sentry-sdk is not installed")
        return False
    sentry_sdk.init(
        dsn=dsn,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,  # a frame's locals may hold a member's data
        before_send=scrub_event,
    )
    return True


def scrub_event(event: Any, _hint: Any = None) -> Any:
    """A Sentry event with anything shaped like a phone number masked, wherever it is."""
    if isinstance(event, str):
        return PHONE.sub("+***", event)
    if isinstance(event, dict):
        return {key: scrub_event(value) for key, value in event.items()}
    if isinstance(event, list):
        return [scrub_event(value) for value in event]
    return event
