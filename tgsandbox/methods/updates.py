"""getUpdates long polling and the webhook (delivered by tgsandbox/webhook.py)."""

from __future__ import annotations

import asyncio
from typing import Any

from tgsandbox.errors import bad_request, conflict
from tgsandbox.methods.common import Call, MethodTable

WEBHOOK_ACTIVE = (
    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
    "webhook first"
)
TERMINATED = (
    "terminated by other getUpdates request; make sure that only one bot instance is running"
)


async def get_updates(call: Call) -> list[dict[str, Any]]:
    """Confirm updates below ``offset``, then answer at once or wait up to ``timeout``."""
    state = call.state
    p = call.params
    if state.webhook is not None:
        raise conflict(WEBHOOK_ACTIVE)
    offset = p.integer("offset") or 0
    limit = min(max(p.integer("limit") or 100, 1), 100)
    timeout = max(p.integer("timeout") or 0, 0)
    allowed = p.json("allowed_updates", "allowed updates")
    if isinstance(allowed, list):
        state.allowed_updates = [str(kind) for kind in allowed]
    state.poll_generation += 1
    generation = state.poll_generation
    state.wake()  # an older poll still waiting learns it was replaced
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        if generation != state.poll_generation:
            raise conflict(TERMINATED)
        before = len(state.pending)
        if offset > 0:
            state.pending = [u for u in state.pending if u["update_id"] >= offset]
        elif offset < 0:
            state.pending = state.pending[offset:]
        state.pending = [u for u in state.pending if state.is_allowed(u)]
        if len(state.pending) != before:
            state.touch()  # confirmed: tests waiting for the bot to catch up can go on
        remaining = deadline - loop.time()
        if state.pending or remaining <= 0 or state.closing:
            return state.pending[:limit]
        await state.wait_signal(remaining)


async def set_webhook(call: Call) -> bool:
    state = call.state
    url = call.params.text("url") or ""
    if not url:
        state.webhook = None
        return True
    # Telegram takes HTTPS only; the emulator also takes a bot on this machine over HTTP
    local = url.lower().startswith(("http://127.0.0.1", "http://localhost"))
    if not url.lower().startswith("https://") and not local:
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    if call.params.flag("drop_pending_updates"):
        state.pending.clear()
    allowed = call.params.json("allowed_updates", "allowed updates")
    if isinstance(allowed, list):
        state.allowed_updates = [str(kind) for kind in allowed]
    state.webhook = {
        "url": url,
        "secret_token": call.params.text("secret_token"),
        "max_connections": call.params.integer("max_connections") or 40,
    }
    state.touch()
    return True


async def delete_webhook(call: Call) -> bool:
    state = call.state
    state.webhook = None
    if call.params.flag("drop_pending_updates"):
        state.pending.clear()
    state.touch()
    return True


async def get_webhook_info(call: Call) -> dict[str, Any]:
    state = call.state
    info: dict[str, Any] = {
        "url": state.webhook["url"] if state.webhook else "",
        "has_custom_certificate": False,
        "pending_update_count": len(state.pending),
    }
    if state.webhook:
        info["max_connections"] = state.webhook["max_connections"]
        if state.webhook.get("last_error_message"):
            info["last_error_message"] = state.webhook["last_error_message"]
    if state.allowed_updates:
        info["allowed_updates"] = state.allowed_updates
    return info


async def accept(call: Call) -> bool:
    return True


METHODS: MethodTable = {
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "logOut": accept,
    "close": accept,
}
