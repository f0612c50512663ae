"""Delivering updates to a set webhook, as Telegram does.

Once ``setWebhook`` names a URL, pending updates are POSTed to it as JSON with the secret in
``X-Telegram-Bot-Api-Secret-Token``. An update leaves ``pending`` only when the bot answers
2xx; any other answer, a dropped connection or a timeout means it is sent again (after a short
pause). One chat's updates go one at a time and in order (the next only after the previous was
answered); different chats' go in parallel, up to the webhook's ``max_connections``.

``state.webhook_targets`` (control API: ``POST /sandbox/api/webhook/targets``) stands for a load
balancer in front of several bot processes: each delivery goes to the next target in turn, and
a target that fails is passed over for the retry.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web

if TYPE_CHECKING:
    from tgsandbox.core import StateCore

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 (a header name)
RETRY_PAUSE = 0.3
TIMEOUT = 60.0


def chat_key(update: dict[str, Any]) -> int:
    """The chat whose updates must keep their order (the sender's id when there is none)."""
    body = next(value for key, value in update.items() if key != "update_id")
    message = body.get("message") if "data" in body or "chat_instance" in body else body
    if isinstance(message, dict) and isinstance(message.get("chat"), dict):
        return int(message["chat"]["id"])
    sender = body.get("from") or body.get("user") or {}
    return int(sender.get("id", 0))


class WebhookPusher:
    """Runs while the emulator serves; idle while no webhook is set."""

    def __init__(self, state: StateCore) -> None:
        self.state = state
        self.busy: set[int] = set()
        self.in_flight: set[int] = set()
        self.tasks: set[asyncio.Task[None]] = set()
        self.turn = itertools.count()
        self.session: aiohttp.ClientSession | None = None

    def targets(self) -> list[str]:
        webhook = self.state.webhook
        if self.state.webhook_targets:
            return list(self.state.webhook_targets)
        return [webhook["url"]] if webhook else []

    async def run(self) -> None:
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT))
        try:
            while not self.state.closing:
                version = self.state.version
                self._start_due()
                await self.state.wait_change(version, 1.0)
        finally:
            for task in self.tasks:
                task.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)
            await self.session.close()

    def _start_due(self) -> None:
        webhook = self.state.webhook
        if webhook is None:
            return
        for update in list(self.state.pending):
            if len(self.in_flight) >= webhook["max_connections"]:
                return
            key = chat_key(update)
            if update["update_id"] in self.in_flight or key in self.busy:
                continue
            if not self.state.is_allowed(update):
                continue
            self.busy.add(key)
            self.in_flight.add(update["update_id"])
            task = asyncio.create_task(self._deliver(update, key))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def _deliver(self, update: dict[str, Any], key: int) -> None:
        state = self.state
        try:
            targets = self.targets()
            webhook = state.webhook
            if not targets or webhook is None or self.session is None:
                return
            url = targets[next(self.turn) % len(targets)]
            headers = {"Content-Type": "application/json"}
            if webhook.get("secret_token"):
                headers[SECRET_HEADER] = webhook["secret_token"]
            try:
                async with self.session.post(url, data=json.dumps(update), headers=headers) as r:
                    delivered = 200 <= r.status < 300
                    error = f"Wrong response from the webhook: {r.status} {r.reason}"
            except (aiohttp.ClientError, TimeoutError) as exc:
                delivered, error = False, f"Connection failed: {type(exc).__name__}"
            if delivered:
                state.pending = [u for u in state.pending if u["update_id"] != update["update_id"]]
                state.webhook_deliveries.append({"update_id": update["update_id"], "url": url})
            else:
                state.webhook_errors.append(
                    {"update_id": update["update_id"], "url": url, "error": error}
                )
                if webhook is not None:
                    webhook["last_error_message"] = error
                await asyncio.sleep(RETRY_PAUSE)
        finally:
            self.busy.discard(key)
            self.in_flight.discard(update["update_id"])
            state.touch()


@contextlib.asynccontextmanager
async def _pushing(state: StateCore) -> AsyncIterator[None]:
    task = asyncio.create_task(WebhookPusher(state).run())
    try:
        yield
    finally:
        state.closing = True
        state.wake()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, 5)


def install(app: web.Application, state: StateCore) -> None:
    async def context(_: web.Application) -> AsyncIterator[None]:
        async with _pushing(state):
            yield

    app.cleanup_ctx.append(context)
