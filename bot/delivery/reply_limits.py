"""Replies made while an update is handled count against Telegram's limits (`PacedReplies`): in
this process's pacer, the one its outbox deliverer paces by, and, with Redis, in the limits every
process shares (`shared_limits.py` beside this file).

Telegram counts a bot's answers in the same 30 messages a second as its notifications. Without
`PacedReplies` the deliverer believed it had the whole budget while members were busy, and the
answers got the 429s (issue 12, goal 4: 1,893 of them with 500 members busy, and answers lost).
Members come first: an answer waits only while the overall window is full, and while one waits
the deliverer sends nothing (`Pacer.wait_time`).

The outbox deliverer paces its own sends. Without this, the screens, toasts' messages and
answers handlers send directly were invisible to it: two `web` replicas busy with members could
together pass Telegram's 30 messages a second while the deliverer believed it had the whole
budget. A reply waits only for the overall window (at most a second), never for its chat's own
gap or a group's minute: a member pressing two buttons in a second gets both screens, and a
staff member's answer in the admin chat is not held for a minute. It is recorded in its chat's
window, so the outbox's next message to that chat waits its turn after it.

What counts: every method that puts a new message in a chat (send, copy, forward; an album as
one per item), and edits in groups (Telegram counts those against a group's minute). Edits in
private chats (a dialog's screen changing) and chat actions ("typing…") do not.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import (
    CopyMessage,
    CopyMessages,
    EditMessageCaption,
    EditMessageMedia,
    EditMessageReplyMarkup,
    EditMessageText,
    ForwardMessage,
    ForwardMessages,
    SendAnimation,
    SendAudio,
    SendContact,
    SendDice,
    SendDocument,
    SendLocation,
    SendMediaGroup,
    SendMessage,
    SendPhoto,
    SendPoll,
    SendSticker,
    SendVenue,
    SendVideo,
    SendVideoNote,
    SendVoice,
)
from aiogram.methods.base import TelegramType

from bot.delivery.shared_limits import SharedLimits
from bot.services.pacing import Pacer

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import Response, TelegramMethod

NEW_MESSAGES = (
    SendMessage, SendPhoto, SendDocument, SendMediaGroup, SendAnimation, SendAudio, SendVoice,
    SendVideo, SendVideoNote, SendSticker, SendLocation, SendVenue, SendContact, SendPoll,
    SendDice, CopyMessage, CopyMessages, ForwardMessage, ForwardMessages,
)  # fmt: skip
EDITS = (EditMessageText, EditMessageCaption, EditMessageMedia, EditMessageReplyMarkup)


def messages_in(method: TelegramMethod[TelegramType]) -> tuple[int | None, int]:
    """The chat `method` writes to and how many messages it counts for there (0: none)."""
    chat_id = getattr(method, "chat_id", None)
    if not isinstance(chat_id, int):  # "@username" chats, inline messages: not ours to pace
        return None, 0
    if isinstance(method, SendMediaGroup):
        return chat_id, len(method.media)
    if isinstance(method, CopyMessages | ForwardMessages):
        return chat_id, len(method.message_ids)
    if isinstance(method, NEW_MESSAGES):
        return chat_id, 1
    if isinstance(method, EDITS) and chat_id < 0:
        return chat_id, 1
    return chat_id, 0


class PacedReplies(BaseRequestMiddleware):
    """Counts each message a handler sends in the pacer this process's deliverer uses, waiting
    first while the overall window is full, and in the limits every process shares when
    `shared` is given (module doc)."""

    def __init__(
        self,
        pacer: Pacer,
        shared: SharedLimits | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.pacer = pacer
        self.shared = shared
        self.monotonic = monotonic
        self.sleep = sleep
        self._queue: deque[asyncio.Future[None]] = deque()  # answers waiting, first in front

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        chat_id, count = messages_in(method)
        if chat_id is None or not count:
            return await make_request(bot, method)
        recorded: list[float] = []
        try:
            for _ in range(count):
                await self._room()
                recorded.append(now := self.monotonic())
                self.pacer.replied(chat_id, now)
                if self.shared is not None:  # and every process's sends together (Redis)
                    await self.shared.reply(chat_id)
            return await make_request(bot, method)
        finally:  # counted from its answer, as Telegram may have counted it that late (and a
            # send that never went, cancelled or refused by Redis, is no longer on its way)
            answered = self.monotonic()
            for at in recorded:
                self.pacer.reply_answered(chat_id, at, answered)

    async def _room(self) -> None:
        """Returns when the overall window has room for one more message.

        Answers that must wait queue in order and only the first watches the clock: hundreds of
        answers each sleeping until the same slot frees would all wake for it, and all but one
        go back to sleep, every slot (1,275 sleeps for 50 answers in
        tests/delivery/test_paced_replies.py, 50 so)."""
        if not self._queue and self.pacer.reply_wait(self.monotonic()) <= 0:
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append(turn)
        self.pacer.replies_waiting = len(self._queue)  # the deliverer yields while any wait
        try:
            if self._queue[0] is not turn:
                await turn  # the answer before this one went: this one is first now
            while (wait := self.pacer.reply_wait(self.monotonic())) > 0:
                await self.sleep(wait)
        finally:
            self._queue.remove(turn)
            self.pacer.replies_waiting = len(self._queue)
            # the caller records its send before it awaits again: the next sees it counted
            if self._queue and not self._queue[0].done():
                self._queue[0].set_result(None)
