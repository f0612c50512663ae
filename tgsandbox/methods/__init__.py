"""Bot API methods the emulator answers, by lower-cased name (Telegram ignores case)."""

from __future__ import annotations

from tgsandbox.methods import chats, media, messages, updates
from tgsandbox.methods.common import Call, Handler, MethodTable

__all__ = ["Call", "Handler", "MethodTable", "method_table"]


def method_table() -> dict[str, Handler]:
    table: dict[str, Handler] = {}
    for module in (chats, media, messages, updates):
        table.update({name.lower(): handler for name, handler in module.METHODS.items()})
    return table
