"""Bot API request parameters, however aiogram (or curl) sends them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tgsandbox.errors import CHAT_NOT_FOUND, bad_request
from tgsandbox.validation import load_json


@dataclass(frozen=True)
class Upload:
    """A file sent as a multipart part."""

    filename: str
    data: bytes
    content_type: str | None = None


async def read_request(request: web.Request) -> dict[str, Any]:
    """Query string, JSON body, urlencoded or multipart form: all merged into one dict."""
    values: dict[str, Any] = dict(request.query)
    if request.method != "POST" or not request.can_read_body:
        return values
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON body") from None
        if not isinstance(body, dict):
            raise bad_request("JSON body must be an object")
        values.update(body)
        return values
    form = await request.post()
    for key, value in form.items():
        if isinstance(value, web.FileField):
            values[key] = Upload(value.filename, value.file.read(), value.content_type)
        else:
            values[key] = value
    return values


class Params:
    """Typed access to raw parameters; errors come out in Telegram's words."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.values = dict(values)

    def __contains__(self, name: str) -> bool:
        return self.values.get(name) not in (None, "")

    def raw(self, name: str) -> Any:
        return self.values.get(name)

    def text(self, name: str) -> str | None:
        value = self.values.get(name)
        if value is None or isinstance(value, Upload):
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def integer(
        self, name: str, *, required: bool = False, missing: str | None = None
    ) -> int | None:
        value = self.values.get(name)
        if value in (None, ""):
            if required:
                raise bad_request(missing or f"{name} is empty")
            return None
        if isinstance(value, bool):
            raise bad_request(f"invalid {name} specified")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def required_int(self, name: str, missing: str | None = None) -> int:
        value = self.integer(name, required=True, missing=missing)
        assert value is not None
        return value

    def flag(self, name: str) -> bool:
        value = self.values.get(name)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def json(self, name: str, what: str | None = None) -> Any:
        value = self.values.get(name)
        if value in (None, ""):
            return None
        return load_json(value, what or name)

    def chat_ref(self, name: str = "chat_id") -> int | str:
        """A chat id (int) or an ``@username``; anything else means no such chat."""
        value = self.values.get(name)
        if value in (None, ""):
            raise bad_request(f"{name} is empty")
        if isinstance(value, str) and value.startswith("@"):
            return value
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(CHAT_NOT_FOUND) from None

    def upload(self, value: Any) -> Upload | None:
        """The uploaded file a parameter refers to: the part itself or ``attach://<part>``."""
        if isinstance(value, Upload):
            return value
        if isinstance(value, str) and value.startswith("attach://"):
            part = self.values.get(value.removeprefix("attach://"))
            if not isinstance(part, Upload):
                raise bad_request(f"file {value} not found in the request")
            return part
        return None
