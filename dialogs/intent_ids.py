"""Dialog intent ids that do not collide, and that an update handled again makes again.

aiogram-dialog 2.6 makes an intent id from the current second plus one of only 100 random values
(`aiogram_dialog.api.entities.stack.new_int_id`: the machine's Unix second modulo 10**8, plus
one of 100 random multiples of 10**8; this module reads no clock itself), so two dialogs opened
within the same second share an id one time in a hundred. A sub-dialog opened over the menu
(the language choice, a request form) then takes the menu's id: the member's choice is lost
and they are shown "that screen is out of date".
Upstream: https://github.com/Tishka17/aiogram_dialog/pull/501 (open; a counter instead of the
100 random values).

`use_random_intent_ids` swaps in 40 bits, written the library's way (7 characters of
`0-9a-zA-Z`, one more than before, well inside the 64 bytes of callback data):
- while an update is handled (`IntentIdsMiddleware`), the bits are a hash of the update's
  identity and the dialog's place among those the update opens. Telegram sends an update again
  when the process handling it died before answering, and the dialog state is stored after the
  screen is shown: the member may already be looking at the step the first handling showed, with
  its buttons. Handled again, the update opens its dialogs under the same ids, so that screen's
  buttons are the stored step's and a press on them goes on (random ids made it a button "of a
  step already left": `tests/dialogs/test_redelivery.py`);
- outside an update (a dialog started in the background), random bits.
"""

from __future__ import annotations

import hashlib
import itertools
import secrets
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from aiogram_dialog.api.entities import stack

ID_BITS = 40

# the handled update (with its bot's id) and how many ids it has made so far; its identity is
# worked out only when a dialog opens, not on every update
_UPDATE: ContextVar[tuple[int, Update, itertools.count[int]] | None] = ContextVar(
    "intent_ids_update", default=None
)


def random_id() -> str:
    seed = _UPDATE.get()
    if seed is None:
        bits = secrets.randbits(ID_BITS)
    else:
        bot_id, update, made = seed
        identity = f"{update_identity(bot_id, update)}:{next(made)}"
        digest = hashlib.blake2b(identity.encode(), digest_size=ID_BITS // 8)
        bits = int.from_bytes(digest.digest(), "big")
    return stack.id_to_str(bits or 1)


def update_identity(bot_id: int, update: Update) -> str:
    """What stays the same when Telegram sends the update again: its id, and (for a test client
    that numbers updates per chat) the press's id or the message's chat and id."""
    query = update.callback_query
    message = update.message or update.edited_message
    if query is not None:
        detail = f"q{query.id}"
    elif message is not None:
        detail = f"m{message.chat.id}.{message.message_id}"
    else:
        detail = update.event_type
    return f"{bot_id}:{update.update_id}:{detail}"


class IntentIdsMiddleware(BaseMiddleware):
    """An outer update middleware: the dialogs an update opens get ids made from the update."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        token = _UPDATE.set((data["bot"].id, event, itertools.count()))
        try:
            return await handler(event, data)
        finally:
            _UPDATE.reset(token)


def use_random_intent_ids() -> None:
    """Applied once per process, at the import of `bot.factory`; a second call changes nothing.

    `Stack.push` looks the module's `new_id` up each time it opens a dialog, so replacing it is
    enough. (A member's chat uses the fixed default stack, so stack ids need no change.)
    """
    if stack.new_id is random_id:
        return
    if not callable(getattr(stack, "new_int_id", None)):  # pragma: no cover - an upgrade
        raise RuntimeError("aiogram-dialog changed how it makes intent ids: review intent_ids.py")
    stack.new_id = random_id
