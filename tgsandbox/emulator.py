"""The aiohttp application: Telegram's Bot API, file downloads, control API, web page."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

from aiohttp import web

from tgsandbox import webhook
from tgsandbox.control import ControlApi
from tgsandbox.errors import ApiError, not_found
from tgsandbox.methods import Call, method_table
from tgsandbox.params import Params, Upload, read_request
from tgsandbox.state import EmulatorState

__all__ = ["SANDBOX_TOKEN", "EmulatorState", "create_emulator_app"]

SANDBOX_TOKEN = "123456:SANDBOX"  # noqa: S105 (a fake token; any digits:letters work)
TOKEN_SHAPE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{1,100}$")
STATIC_DIR = Path(__file__).parent / "static"
MAX_REQUEST_BYTES = 64 * 1024 * 1024
dumps = functools.partial(json.dumps, ensure_ascii=False)


def json_response(body: dict[str, Any], status: int = 200) -> web.Response:
    return web.json_response(body, status=status, dumps=dumps)


def _summary(values: dict[str, Any]) -> dict[str, Any]:
    return {
        key: {"file": value.filename, "size": len(value.data)}
        if isinstance(value, Upload)
        else value
        for key, value in values.items()
    }


class BotApi:
    """``/bot<token>/<method>``: checks the token, applies faults, runs the method."""

    def __init__(self, state: EmulatorState) -> None:
        self.state = state
        self.methods = method_table()

    async def handle(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        method = request.match_info["method"]
        if not TOKEN_SHAPE.match(token):
            return json_response(ApiError(401, "Unauthorized").to_api(), 401)
        record: dict[str, Any] = {"method": method, "date": self.state.now()}
        try:
            handler = self.methods.get(method.lower())
            if handler is None:
                raise not_found()
            params = Params(await read_request(request))
            record["params"] = _summary(params.values)
            self.state.observe_token(token)
            chat_id = params.integer("chat_id") if _numeric(params.raw("chat_id")) else None
            fault = self.state.take_fault(method, chat_id)
            if fault is not None:
                raise fault
            limits = self.state.rate_limits
            if limits is not None and (refused := limits.check(method, chat_id)) is not None:
                raise refused
            result = await handler(Call(self.state, params, method))
        except ApiError as error:
            record.update(ok=False, error_code=error.error_code, description=error.description)
            self._log(record)
            return json_response(error.to_api(), error.error_code)
        record["ok"] = True
        self._log(record)
        return json_response({"ok": True, "result": result})

    def _log(self, record: dict[str, Any]) -> None:
        if record["method"].lower() != "getupdates" or not record.get("ok", True):
            self.state.calls.append(record)
            for observe in self.state.call_observers:
                observe(record)

    async def download(self, request: web.Request) -> web.StreamResponse:
        if not TOKEN_SHAPE.match(request.match_info["token"]):
            return json_response(ApiError(401, "Unauthorized").to_api(), 401)
        stored = self.state.files.by_path.get(request.match_info["path"])
        if stored is None:
            return json_response(ApiError(404, "Not Found").to_api(), 404)
        return web.Response(
            body=stored.data, content_type=stored.mime_type or "application/octet-stream"
        )


def _numeric(value: Any) -> bool:
    return isinstance(value, int) or (isinstance(value, str) and value.lstrip("-").isdigit())


async def _index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC_DIR / "index.html")


def create_emulator_app(state: EmulatorState) -> web.Application:
    """Build the emulator; serve it with ``web.AppRunner`` or aiohttp's test server."""
    app = web.Application(client_max_size=MAX_REQUEST_BYTES)
    api = BotApi(state)
    app.router.add_route("*", "/bot{token}/{method}", api.handle)
    app.router.add_get("/file/bot{token}/{path:.+}", api.download)
    ControlApi(state).register(app.router)
    app.router.add_get("/", _index)
    app.router.add_static("/static/", STATIC_DIR)

    async def on_shutdown(_: web.Application) -> None:
        state.closing = True
        state.wake()

    app.on_shutdown.append(on_shutdown)
    webhook.install(app, state)
    return app
