"""Plain records the emulator keeps: simulated people, chats, forum topics and files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_FORUM_CHAT_ID = -1001234567890
DEFAULT_TOPIC_ICON_COLOR = 7322096  # Telegram's default blue


@dataclass
class SimUser:
    """A Telegram account the sandbox plays: a member, a staff person or the bot itself.

    ``phone_number`` is what this person's Telegram client puts into a shared contact, so it
    may lack the leading ``+`` (Telegram Desktop and some Android builds send it that way).
    ``started`` tells whether the person has opened the bot: until then the bot cannot write
    first (Telegram answers 403).
    """

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    phone_number: str | None = None
    is_staff: bool = False
    is_bot: bool = False
    started: bool = True

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            value = getattr(self, key)
            if value is not None and not (key == "language_code" and self.is_bot):
                data[key] = value
        return data

    def to_control(self) -> dict[str, Any]:
        data = self.to_api()
        data.update(
            phone_number=self.phone_number,
            is_staff=self.is_staff,
            started=self.started,
            full_name=self.full_name,
        )
        return data


@dataclass
class ForumTopic:
    message_thread_id: int
    name: str
    icon_color: int = DEFAULT_TOPIC_ICON_COLOR
    icon_custom_emoji_id: str | None = None
    # not part of Telegram's ForumTopic object; the control API and the page show it
    is_closed: bool = False

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_thread_id": self.message_thread_id,
            "name": self.name,
            "icon_color": self.icon_color,
        }
        if self.icon_custom_emoji_id:
            data["icon_custom_emoji_id"] = self.icon_custom_emoji_id
        return data


@dataclass
class ChatAction:
    action: str
    until: float


@dataclass
class SimChat:
    """A chat with its history; messages are kept as Telegram ``Message`` JSON objects."""

    id: int
    type: str
    title: str | None = None
    user: SimUser | None = None
    username: str | None = None
    is_forum: bool = False
    member_ids: list[int] = field(default_factory=list)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    # Reply keyboards (and their removal) are not part of Telegram's Message object, so the
    # markup a bot message carried is kept beside it for the history and the web page.
    reply_keyboards: dict[int, dict[str, Any]] = field(default_factory=dict)
    reply_keyboard: dict[str, Any] | None = None
    topics: dict[int, ForumTopic] = field(default_factory=dict)
    notices: list[dict[str, Any]] = field(default_factory=list)
    action: ChatAction | None = None
    menu_button: dict[str, Any] | None = None
    blocked: bool = False
    last_message_id: int = 0

    def next_message_id(self) -> int:
        self.last_message_id += 1
        return self.last_message_id

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.user is not None:
            data.update(self.user.to_api())
            data["id"] = self.id
            data["type"] = self.type
            for key in ("is_bot", "language_code"):
                data.pop(key, None)
        if self.title is not None:
            data["title"] = self.title
        if self.username is not None:
            data["username"] = self.username
        if self.is_forum:
            data["is_forum"] = True
        return data


@dataclass
class StoredFile:
    """File bytes known to the emulator. Every photo size points at the same bytes."""

    file_id: str
    file_unique_id: str
    kind: str  # "photo" | "document" | "voice"
    data: bytes
    file_name: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0
    file_path: str | None = None
    photo_sizes: list[dict[str, Any]] = field(default_factory=list)
    duration: int = 0  # seconds, a voice message's

    @property
    def file_size(self) -> int:
        return len(self.data)


def default_users() -> list[SimUser]:
    """Members in each supported language (plus one unsupported) and two staff people."""
    return [
        SimUser(10001, "Olena", "Kovalenko", "olena_k", "uk", "380671234501"),
        SimUser(10002, "Dmitry", "Ivanov", "dmitry_iv", "ru", "+77011234502"),
        SimUser(10003, "Aigerim", "Nurlanova", None, "kk", "+77017654303"),
        SimUser(10004, "John", "Smith", "jsmith", "en", "+447700900104"),
        SimUser(10005, "Hans", "Müller", None, "de", "+4915112345605"),
        SimUser(20001, "Iryna", "Support", "iryna_support", "uk", "+380501112201", is_staff=True),
        SimUser(20002, "Askar", "Operator", "askar_ops", "ru", "+77019998802", is_staff=True),
    ]
