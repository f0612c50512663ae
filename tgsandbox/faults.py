"""Fault switches: make the next N Bot API calls fail the way Telegram fails."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tgsandbox.errors import ApiError, too_many_requests

KINDS: dict[str, tuple[int, str]] = {
    "blocked": (403, "Forbidden: bot was blocked by the user"),
    "retry_after": (429, ""),
    "server_error": (500, "Internal Server Error"),
    "bad_gateway": (502, "Bad Gateway"),
}
ALIASES = {"403": "blocked", "forbidden": "blocked", "429": "retry_after", "flood": "retry_after"}
ALIASES |= {"500": "server_error", "502": "bad_gateway"}
# A fault that names no method skips these, so a bot's polling loop running in the
# background cannot swallow a fault meant for the call under test.
POLLING_METHODS = frozenset(
    {"getupdates", "getme", "getwebhookinfo", "setwebhook", "deletewebhook"}
)


@dataclass
class Fault:
    id: int
    kind: str
    remaining: int
    chat_id: int | None = None
    method: str | None = None
    retry_after: int = 5
    description: str | None = None

    def matches(self, method: str, chat_id: int | None) -> bool:
        if self.remaining <= 0:
            return False
        if self.method is not None and self.method.lower() != method.lower():
            return False
        if self.method is None and method.lower() in POLLING_METHODS:
            return False
        return self.chat_id is None or self.chat_id == chat_id

    def error(self) -> ApiError:
        code, description = KINDS[self.kind]
        if self.kind == "retry_after":
            error = too_many_requests(self.retry_after)
            if self.description:
                error.description = self.description
            return error
        return ApiError(code, self.description or description)

    def to_api(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "error_code": KINDS[self.kind][0],
            "remaining": self.remaining,
            "chat_id": self.chat_id,
            "method": self.method,
            "retry_after": self.retry_after,
            "description": self.description,
        }


def fault_from_json(fault_id: int, body: dict[str, Any]) -> Fault:
    """Build a fault from the control API's JSON; raises ValueError on bad input."""
    kind = str(body.get("kind", ""))
    kind = ALIASES.get(kind, kind)
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {sorted(KINDS)} (or 403/429/500/502)")
    count = int(body.get("count", 1))
    retry_after = int(body.get("retry_after", 5))
    if count < 1 or retry_after < 1:
        raise ValueError("count and retry_after must be positive")
    chat_id = body.get("chat_id")
    method = body.get("method")
    description = body.get("description")
    return Fault(
        id=fault_id,
        kind=kind,
        remaining=count,
        chat_id=int(chat_id) if chat_id not in (None, "") else None,
        method=str(method) if method else None,
        retry_after=retry_after,
        description=str(description) if description else None,
    )
