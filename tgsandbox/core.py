"""The emulator's storage: people, chats, messages, topics, files, updates, faults."""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from tgsandbox.clock import WorldClock
from tgsandbox.errors import CHAT_NOT_FOUND, THREAD_NOT_FOUND, ApiError, bad_request, forbidden
from tgsandbox.faults import Fault
from tgsandbox.filestore import FileStore
from tgsandbox.limits import RateLimits
from tgsandbox.models import DEFAULT_FORUM_CHAT_ID, SimChat, SimUser, default_users

DEFAULT_BOT_ID = 123456
T = TypeVar("T")
NOT_DEFAULT_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


@dataclass
class CallbackRecord:
    id: str
    chat_id: int
    message_id: int
    user_id: int
    data: str
    answer: dict[str, Any] | None = None


class StateCore:
    """Everything the fake Telegram knows; one instance per emulator."""

    def __init__(
        self,
        users: Iterable[SimUser] | None = None,
        *,
        forum_chat_id: int = DEFAULT_FORUM_CHAT_ID,
        forum_title: str = "Insurance support staff",
        bot_id: int = DEFAULT_BOT_ID,
        bot_username: str = "sandbox_insurance_bot",
        bot_name: str = "Insurance Sandbox Bot",
        clock: Callable[[], float] = time.time,
        rate_limits: RateLimits | None = None,
    ) -> None:
        # real time, for what lasts real seconds (a "typing…" status)
        self.clock = clock
        # the world's time, for every date the emulator stamps; people move it forward
        self.world = WorldClock(clock)
        # None: sends are never refused for speed (see tgsandbox/limits.py)
        self.rate_limits = rate_limits
        self.bot = SimUser(bot_id, bot_name, username=bot_username, is_bot=True)
        self.users: dict[int, SimUser] = {}
        self.chats: dict[int, SimChat] = {}
        for user in default_users() if users is None else users:
            self.users[user.id] = user
            self.chats[user.id] = SimChat(user.id, "private", user=user)
        staff = [user.id for user in self.users.values() if user.is_staff]
        self.forum = SimChat(
            forum_chat_id, "supergroup", title=forum_title, is_forum=True, member_ids=staff
        )
        # A real group has history before the bot arrives; it also keeps topic ids away from 1.
        self.forum.last_message_id = 10
        self.chats[forum_chat_id] = self.forum
        self.files = FileStore()
        self.pending: list[dict[str, Any]] = []
        self.update_log: list[dict[str, Any]] = []
        self.allowed_updates: list[str] = []
        self.webhook: dict[str, Any] | None = None
        # a load balancer's targets for the webhook (tgsandbox/webhook.py), and what it did
        self.webhook_targets: list[str] = []
        self.webhook_deliveries: list[dict[str, Any]] = []
        self.webhook_errors: list[dict[str, Any]] = []
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.bot_profile: dict[str, str] = {}
        self.default_menu_button: dict[str, Any] = {"type": "commands"}
        self.callbacks: dict[str, CallbackRecord] = {}
        self.faults: list[Fault] = []
        self.version = 0
        self.closing = False
        self.poll_generation = 0
        self._changed = asyncio.Event()
        self._ids = itertools.count(1)
        self._next_update_id = 700_000_001
        self.calls: deque[dict[str, Any]] = deque(maxlen=1000)
        # called with each Bot API call's record once it is done, before the bot gets the
        # answer (the kill test stops the bot right there, at the moment it "spoke")
        self.call_observers: list[Callable[[dict[str, Any]], None]] = []

    def observe_token(self, token: str) -> None:
        """The bot's id is the number before the colon of whatever token it uses."""
        self.bot.id = int(token.split(":", 1)[0])

    # -- the world's time ------------------------------------------------------------------
    def now(self) -> int:
        """The world's time as Telegram's ``date`` fields carry it (whole seconds)."""
        return int(self.world.time())

    def advance_clock(self, seconds: float) -> None:
        """Move the world's time forward (``ClockError``, a ``ValueError``, if backwards)."""
        self.world.advance(seconds)
        self.touch()

    def move_clock_to(self, when: datetime) -> None:
        """Move the world's time forward to ``when``; never backwards."""
        self.world.move_to(when)
        self.touch()

    # -- change notification -------------------------------------------------------------
    def next_id(self) -> int:
        return next(self._ids)

    def touch(self) -> None:
        """Record a change and wake every long-poll (getUpdates and the web page)."""
        self.version += 1
        self.wake()

    def wake(self) -> None:
        """Wake waiters without recording a change (a newer getUpdates replaces an older)."""
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait_signal(self, within: float) -> None:
        """Sleep until the next change or wake-up, at most ``within`` seconds."""
        if within <= 0 or self.closing:
            return
        try:
            await asyncio.wait_for(self._changed.wait(), within)
        except TimeoutError:
            return

    async def wait_change(self, since: int, within: float) -> int:
        """Wait until ``version`` passes ``since`` or ``within`` seconds pass."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, within)
        while self.version <= since and not self.closing:
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            await self.wait_signal(remaining)
        return self.version

    async def wait_for(self, probe: Callable[[], T | None], within: float = 5.0) -> T:
        """Wait until ``probe()`` returns something truthy, and return it (for tests).

        Raises TimeoutError after ``within`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while not (found := probe()):
            if loop.time() >= deadline:
                raise TimeoutError("sandbox: condition not met in time")
            await self.wait_change(self.version, deadline - loop.time())
        return found

    async def wait_delivered(self, within: float = 5.0) -> None:
        """Wait until the bot has confirmed every update (for tests).

        With ``dp.start_polling(..., handle_as_tasks=False)`` aiogram confirms an update only
        after handling it, so this means "the bot is done with everything sent so far"."""
        await self.wait_for(lambda: not self.pending, within)

    # -- updates ---------------------------------------------------------------------------
    def push_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": self._next_update_id, kind: copy.deepcopy(payload)}
        self._next_update_id += 1
        self.pending.append(update)
        self.update_log.append(update)
        self.touch()
        return update

    def is_allowed(self, update: dict[str, Any]) -> bool:
        kind = next(key for key in update if key != "update_id")
        if self.allowed_updates:
            return kind in self.allowed_updates
        return kind not in NOT_DEFAULT_UPDATES

    # -- chats, topics, messages -----------------------------------------------------------
    def add_forum(self, chat_id: int, title: str, member_ids: Iterable[int]) -> SimChat:
        """Another forum supergroup with these people in it as administrators (a bot may serve
        several staff chats); the bot is an administrator there too."""
        if chat_id >= 0 or chat_id in self.chats:
            raise ValueError(f"{chat_id} is not a new group id")
        chat = SimChat(
            chat_id, "supergroup", title=title, is_forum=True, member_ids=list(member_ids)
        )
        chat.last_message_id = 10
        self.chats[chat_id] = chat
        self.touch()
        return chat

    def find_chat(self, ref: int | str) -> SimChat:
        if isinstance(ref, str):
            name = ref.removeprefix("@").lower()
            for chat in self.chats.values():
                if chat.type != "private" and (chat.username or "").lower() == name:
                    return chat
            raise bad_request(CHAT_NOT_FOUND)
        found = self.chats.get(ref)
        if found is None:
            raise bad_request(CHAT_NOT_FOUND)
        return found

    def writable_chat(self, ref: int | str) -> SimChat:
        """The chat the bot wants to post into, or the 400/403 Telegram would answer."""
        chat = self.find_chat(ref)
        if chat.blocked:
            raise forbidden("bot was blocked by the user")
        if chat.user is not None and not chat.user.started:
            raise forbidden("bot can't initiate conversation with a user")
        return chat

    def thread_id(self, chat: SimChat, thread_id: int | None) -> int | None:
        """A valid topic id in a forum (``None`` = General); other chats ignore it."""
        if not chat.is_forum or thread_id is None:
            return None
        if thread_id not in chat.topics:
            raise bad_request(THREAD_NOT_FOUND)
        return thread_id

    def message(self, chat: SimChat, message_id: int, missing: str) -> dict[str, Any]:
        found = chat.messages.get(message_id)
        if found is None:
            raise bad_request(missing)
        return found

    def add_message(
        self,
        chat: SimChat,
        sender: SimUser,
        content: dict[str, Any],
        *,
        thread_id: int | None = None,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Store a new message (Telegram JSON) in ``chat`` and return it."""
        message: dict[str, Any] = {
            "message_id": chat.next_message_id(),
            "from": sender.to_api(),
            "chat": chat.to_api(),
            "date": self.now(),
        }
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
            reply_to = reply_to or chat.messages.get(thread_id)
        if reply_to is not None:
            message["reply_to_message"] = {
                key: value for key, value in reply_to.items() if key != "reply_to_message"
            }
        message.update(content)
        chat.messages[message["message_id"]] = message
        self.touch()
        return message

    def chat_instance(self, chat: SimChat) -> str:
        return str((abs(chat.id) * 2654435761 + self.bot.id) % 10**19)

    # -- commands ----------------------------------------------------------------------------
    @staticmethod
    def commands_key(scope: dict[str, Any] | None, language_code: str | None) -> tuple[str, str]:
        return json.dumps(scope or {"type": "default"}, sort_keys=True), language_code or ""

    def commands_for(self, chat: SimChat, user: SimUser | None) -> list[dict[str, str]]:
        """The command menu a user would see in ``chat`` (Telegram's scope order)."""
        if chat.type == "private":
            scopes: list[dict[str, Any] | None] = [
                {"type": "chat", "chat_id": chat.id},
                {"type": "all_private_chats"},
            ]
        else:  # administrators see their own scopes before everyone's
            admin = user is not None and user.id in chat.member_ids
            scopes = [
                {"type": "chat_member", "chat_id": chat.id, "user_id": user.id} if user else None,
                {"type": "chat_administrators", "chat_id": chat.id} if admin else None,
                {"type": "chat", "chat_id": chat.id},
                {"type": "all_chat_administrators"} if admin else None,
                {"type": "all_group_chats"},
            ]
        scopes = [scope for scope in scopes if scope is not None]
        scopes.append({"type": "default"})
        languages = [user.language_code or "", ""] if user is not None else [""]
        for scope in scopes:
            for language in languages:
                found = self.commands.get(self.commands_key(scope, language))
                if found:
                    return found
        return []

    def profile_for(self, field: str, user: SimUser | None) -> str:
        """The bot's name, description or short description in ``user``'s language (Telegram
        falls back to the one set without a language)."""
        for language in ([user.language_code] if user and user.language_code else []) + [""]:
            value = self.bot_profile.get(f"{field}:{language}")
            if value:
                return value
        return ""

    # -- faults ------------------------------------------------------------------------------
    def take_fault(self, method: str, chat_id: int | None) -> ApiError | None:
        for fault in self.faults:
            if fault.matches(method, chat_id):
                fault.remaining -= 1
                self.faults = [f for f in self.faults if f.remaining > 0]
                self.touch()
                return fault.error()
        return None
