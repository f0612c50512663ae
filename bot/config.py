"""Settings from the environment or `.env` (pydantic-settings).

Built once in `run_bot.py` and passed down; never read at import time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import tempfile
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.services.hours import WeeklyHours, parse_weekly_hours
from bot.services.languages import SUPPORTED_LOCALES
from bot.services.registry.reader import MB, ReadLimits
from bot.services.staff.routing import StaffDesk, StaffRoutes, parse_routes

TELEGRAM_API_URL = "https://api.telegram.org"
ACTIVATION_SECRET_MIN = 16


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, int):
        return [value]
    return value


def writable_directory(path: Path) -> Path:
    """The directory, created if missing, where this process can write (a file is written and
    removed to be sure); a ValueError saying why not."""
    path = path.expanduser().absolute()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ValueError(f"{path} cannot be created ({exc.strerror or exc})") from None
    if not path.is_dir():
        raise ValueError(f"{path} is not a directory")
    try:
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise ValueError(f"{path} is not writable ({exc.strerror or exc})") from None
    return path


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    bot_token: SecretStr
    # the key of the keyed hash under which a typed insured ID is kept in the activation-attempt
    # log (lock-outs count by it); see `activation_key` and `load_settings`
    activation_secret: SecretStr | None = None
    admin_chat_id: int | None = None
    staff_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    database_url: str = "sqlite+aiosqlite:///./data/bot.sqlite3"
    bot_api_url: str = TELEGRAM_API_URL
    redis_url: str | None = None
    default_locale: str = "en"

    insurer_name: str = "Sphera Zdorovya"
    support_phones: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["+7 727 123 45 67"]
    )
    support_hotline: str = "+7 727 765 43 21"
    support_short_number: str = "7555"
    support_emails: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["support@example.org"]
    )
    callcentre_hours: Annotated[WeeklyHours, NoDecode] = Field(
        default_factory=lambda: parse_weekly_hours("mon-fri 09:00-21:00; sat 10:00-16:00")
    )
    insurer_timezone: str = "Asia/Almaty"

    waiting_days_individual: int = Field(default=15, ge=0)
    waiting_days_corporate: int = Field(default=3, ge=0)
    activation_max_failures: int = Field(default=5, ge=1)
    activation_window_minutes: int = Field(default=60, ge=1)

    # issue 17 (docs/security.md): wrong pairs one insured ID may receive per window from all
    # accounts together; above the per-account limit so strangers cannot lock the owner out
    activation_max_failures_per_id: int = Field(default=20, ge=1)

    # reminders are sent from this hour on, in the insurer's time zone
    reminder_hour: int = Field(default=9, ge=0, le=23)
    # a request nobody on staff touched for this long is escalated in the admin chat
    sla_hours: float = Field(default=4, gt=0)
    # a "need more information" left unanswered this long gets a nudge to the member
    need_info_nudge_hours: float = Field(default=24, gt=0)

    # the scheduler's periods: outbox delivery, and looking for due reminders and escalations
    delivery_interval_seconds: float = Field(default=1, gt=0)
    reminder_interval_seconds: float = Field(default=60, gt=0)
    # a notification claimed this long ago and still not sent is taken again (its sender died)
    outbox_lease_seconds: float = Field(default=120, gt=0)
    # updates handled at once; the database pool (and Redis connections) are sized from it,
    # so a burst waits its turn instead of timing out on a connection
    update_concurrency: int = Field(default=16, ge=1, le=200)
    # on SIGTERM/SIGINT, updates already taken get this long to finish before the bot exits
    shutdown_timeout: float = Field(default=30, gt=0)

    # --- registry files, hostile until read (bot/services/registry/reader.py) ---
    # rows of one file; its size as sent; an XLSX's size once unpacked (a zip bomb is refused
    # from the zip's directory before anything is unpacked)
    registry_max_rows: int = Field(default=300_000, ge=1)
    registry_max_file_mb: int = Field(default=50, ge=1)
    registry_max_unpacked_mb: int = Field(default=256, ge=1)

    def registry_limits(self) -> ReadLimits:
        return ReadLimits(
            max_rows=self.registry_max_rows,
            max_file_bytes=self.registry_max_file_mb * MB,
            max_unpacked_bytes=self.registry_max_unpacked_mb * MB,
        )

    # --- privacy (docs/privacy.md) ---
    # closed requests older than this lose their free text and file ids (the retention job)
    retention_days: int = Field(default=365, ge=1)
    # audit entries older than this are dropped
    audit_retention_days: int = Field(default=730, ge=1)
    # a form left unfinished this long is forgotten (its dialog state rows are deleted)
    draft_ttl_hours: float = Field(default=72, gt=0)
    # the retention and draft jobs run this often
    retention_interval_seconds: float = Field(default=3600, gt=0)
    # -- copies of members' documents (docs/privacy.md "Documents") --------------------------
    # off by default: documents stay in Telegram, the bot keeps their file_ids. Set, it names a
    # directory (created if missing, writable; one volume every role sees: the worker writes
    # copies, an erase in the polling or web role deletes them) where the scheduler's job keeps
    # a copy of each document; the job runs every DOWNLOAD_INTERVAL_SECONDS
    download_documents: Path | None = None
    download_interval_seconds: float = Field(default=30, gt=0)

    @field_validator("download_documents", mode="before")
    @classmethod
    def _download_documents(cls, value: object) -> object:
        if value is None or value == "":
            return None
        return writable_directory(Path(str(value)))

    # -- production roles (issue 13): webhook, metrics, logs, staff access ------------------
    # `insurance-bot web`: Telegram posts updates to WEBHOOK_URL (the public HTTPS address, e.g.
    # behind nginx); the server listens on WEB_HOST:WEB_PORT at WEBHOOK_URL's path, and every
    # request must carry WEBHOOK_SECRET in X-Telegram-Bot-Api-Secret-Token
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    web_host: str = "0.0.0.0"  # noqa: S104 (a container's port; the proxy is in front)
    web_port: int = Field(default=8080, ge=0, le=65535)
    # polling and worker serve /metrics and /healthz here when set (web serves them itself)
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"
    # errors to Sentry (the `sentry` extra), without personal data
    sentry_dsn: SecretStr | None = None
    # people who add and remove staff with /staff and read the audit with /audit (a comma list
    # of Telegram user ids)
    owner_ids: Annotated[frozenset[int], NoDecode] = Field(default_factory=frozenset)
    # everyone in the admin chat is staff; only when the insurer says so explicitly
    staff_all_admin_chat: bool = False
    # messages a minute to one group (Telegram's ~20; a little under it). Only a test against
    # an emulator with a looser limit sets another value.
    pace_group_per_minute: int = Field(default=19, ge=1)
    # messages a second in all (Telegram's ~30, answers and notifications together; a little
    # under it). Only a bench against an emulator that enforces no limit sets another value.
    pace_per_second: float = Field(default=29.0, gt=0)

    @field_validator("owner_ids", mode="before")
    @classmethod
    def _owner_ids(cls, value: object) -> object:
        return _split_csv(value)

    @field_validator("webhook_secret", mode="before")
    @classmethod
    def _webhook_secret(cls, value: object) -> object:
        if value is None or value == "":
            return None
        text = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
        # Telegram's rule for secret_token: 1-256 characters A-Z, a-z, 0-9, _ and -
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", text):
            raise ValueError("1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    def webhook_path(self) -> str:
        """The path the web role serves (WEBHOOK_URL's), `/webhook` without one."""
        return urlsplit(self.webhook_url or "").path or "/webhook"

    # -- the staff side: one staff language, several staff chats ----------------------------
    # cards, prompts, escalations, topic names, /stats and the staff menu; default DEFAULT_LOCALE
    staff_locale: str | None = None
    # extra staff chats and the rules routing requests to them (JSON, or a .json/.toml path;
    # see bot/services/staff/routing.py and README); ADMIN_CHAT_ID stays the default chat
    staff_routes: Annotated[StaffRoutes, NoDecode] = Field(default_factory=StaffRoutes)

    @field_validator("staff_locale")
    @classmethod
    def _staff_locale(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}")
        return value

    @field_validator("staff_routes", mode="before")
    @classmethod
    def _routes(cls, value: object) -> object:
        return parse_routes(value)

    @field_validator("staff_routes")
    @classmethod
    def _routes_fit(cls, value: StaffRoutes, info: ValidationInfo) -> StaffRoutes:
        value.check(info.data.get("admin_chat_id"))
        return value

    @property
    def staff_language(self) -> str:
        return self.staff_locale or self.default_locale

    def staff_desk(self) -> StaffDesk:
        return StaffDesk(self.admin_chat_id, frozenset(self.staff_ids), self.staff_routes)

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value()
        left, sep, right = token.partition(":")
        if not (sep and left.isdigit() and right):
            raise ValueError("expected the form 123456:ABC... given by @BotFather")
        return value

    @field_validator("activation_secret", mode="before")
    @classmethod
    def _secret(cls, value: object) -> object:
        if value is None or value == "":
            return None  # (`ACTIVATION_SECRET=` as .env.example has it: not set)
        text = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
        if len(text) < ACTIVATION_SECRET_MIN:
            raise ValueError(f"needs at least {ACTIVATION_SECRET_MIN} characters")
        return value

    def activation_key(self) -> bytes:
        """ACTIVATION_SECRET; without one (the sandbox, the tests: `load_settings` requires it
        with the real Telegram API) a key derived from the bot token, never the token itself."""
        if self.activation_secret is not None:
            return self.activation_secret.get_secret_value().encode()
        token = self.bot_token.get_secret_value().encode()
        return hmac.new(token, b"activation-attempts", hashlib.sha256).digest()

    @field_validator("staff_ids", "support_phones", "support_emails", mode="before")
    @classmethod
    def _csv_list(cls, value: object) -> object:
        return _split_csv(value)

    @field_validator("callcentre_hours", mode="before")
    @classmethod
    def _hours(cls, value: object) -> object:
        if isinstance(value, str):
            return parse_weekly_hours(value)
        return value

    @field_validator("default_locale")
    @classmethod
    def _locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}")
        return value

    @field_validator("insurer_timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("unknown time zone") from exc
        return value

    @field_validator("bot_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.insurer_timezone)

    def sqlite_path(self) -> Path | None:
        prefix = "sqlite+aiosqlite:///"
        if self.database_url.startswith(prefix):
            return Path(self.database_url.removeprefix(prefix))
        return None


class ConfigError(Exception):
    """One readable line naming the bad setting."""


def load_settings(**overrides: object) -> Settings:
    """The settings of a process (the bot, the shell); a bot talking to the real Telegram
    needs ACTIVATION_SECRET, the sandbox and the tests (another BOT_API_URL) derive one."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "?"
        if first["type"] == "missing":
            raise ConfigError(f"Configuration error: {name} is missing") from None
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"Configuration error: {name}: {message}") from None
    if settings.activation_secret is None and settings.bot_api_url == TELEGRAM_API_URL:
        raise ConfigError(
            "Configuration error: ACTIVATION_SECRET is missing (make one with "
            "`python -c 'import secrets; print(secrets.token_urlsafe(32))'`)"
        )
    return settings
