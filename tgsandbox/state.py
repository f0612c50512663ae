"""EmulatorState: the storage plus what simulated people do (the updates they cause)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tgsandbox.core import CallbackRecord, StateCore
from tgsandbox.files import placeholder_png
from tgsandbox.html_markup import utf16_len
from tgsandbox.models import SimChat, SimUser
from tgsandbox.validation import MAX_CAPTION, MAX_TEXT

_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![^\s])")
PLACEHOLDER_PDF = b"%PDF-1.4\n% sandbox document\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


class SandboxError(ValueError):
    """A control API request that a real Telegram client could not have made."""


# what a person can format in their app (Telegram adds mentions, links and commands itself)
PERSON_FORMATTING = frozenset(
    {"bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "text_link",
     "blockquote"}
)  # fmt: skip


def _formatting(text: str, entities: list[Any]) -> list[dict[str, Any]]:
    """``entities`` checked as Telegram would deliver them for ``text``."""
    size = utf16_len(text)
    checked = []
    for entity in entities:
        if not isinstance(entity, dict) or entity.get("type") not in PERSON_FORMATTING:
            raise SandboxError(f"an entity's type is one of {sorted(PERSON_FORMATTING)}")
        offset, length = entity.get("offset"), entity.get("length")
        if not (isinstance(offset, int) and isinstance(length, int)):
            raise SandboxError("an entity has an integer offset and length")
        if offset < 0 or length < 1 or offset + length > size:
            raise SandboxError("an entity lies within the text (UTF-16 units)")
        item: dict[str, Any] = {"type": entity["type"], "offset": offset, "length": length}
        if entity["type"] == "text_link":
            if not str(entity.get("url", "")).startswith(("http://", "https://", "tg://")):
                raise SandboxError("a text_link entity has a url")
            item["url"] = str(entity["url"])
        checked.append(item)
    return checked


@dataclass(frozen=True)
class OutgoingFile:
    """A file a simulated person sends; ``data=None`` means a generated placeholder."""

    name: str | None = None
    data: bytes | None = None
    mime_type: str | None = None


class EmulatorState(StateCore):
    """The fake Telegram: storage (see ``StateCore``) plus the actions of simulated people."""

    # -- who is acting -----------------------------------------------------------------------
    def sender(self, chat: SimChat, user_id: int | None) -> SimUser:
        if chat.user is not None:
            if user_id not in (None, chat.user.id):
                raise SandboxError("in a private chat only its own user can write")
            return chat.user
        members = [self.users[uid] for uid in chat.member_ids if uid in self.users]
        if user_id is None:
            if not members:
                raise SandboxError("this chat has no simulated members")
            return members[0]
        if user_id not in chat.member_ids:
            raise SandboxError(f"user {user_id} is not a member of chat {chat.id}")
        return self.users[user_id]

    def _chat(self, chat_id: int) -> SimChat:
        chat = self.chats.get(chat_id)
        if chat is None:
            raise SandboxError(f"no simulated chat {chat_id}")
        return chat

    def _post(
        self,
        chat_id: int,
        user_id: int | None,
        content: dict[str, Any],
        thread_id: int | None,
        reply_to_message_id: int | None = None,
    ) -> dict[str, Any]:
        chat = self._chat(chat_id)
        user = self.sender(chat, user_id)
        if chat.is_forum and thread_id is not None and thread_id not in chat.topics:
            raise SandboxError(f"no topic {thread_id} in chat {chat_id}")
        reply_to = None
        if reply_to_message_id is not None:
            reply_to = chat.messages.get(reply_to_message_id)
            if reply_to is None:
                raise SandboxError(f"no message {reply_to_message_id} to reply to")
        user.started = True
        if chat.blocked:  # like Telegram's "Restart": unblocking comes first
            self.set_blocked(chat.id, False)
        message = self.add_message(
            chat, user, content, thread_id=thread_id if chat.is_forum else None, reply_to=reply_to
        )
        self.push_update("message", message)
        return message

    # -- what people send --------------------------------------------------------------------
    def send_text(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        thread_id: int | None = None,
        reply_to_message_id: int | None = None,
        entities: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A typed message; ``/commands`` get their bot_command entities. ``entities``: the
        formatting the person gave it in their app (bold, a link…), as Telegram delivers it."""
        if not text.strip():
            raise SandboxError("text is empty")
        if len(text) > MAX_TEXT:
            raise SandboxError("text is longer than 4096 characters")
        content: dict[str, Any] = {"text": text}
        entities = [
            *_formatting(text, entities or []),
            *(
                {
                    "type": "bot_command",
                    "offset": utf16_len(text[: match.start()]),
                    "length": utf16_len(match.group(0)),
                }
                for match in _COMMAND.finditer(text)
            ),
        ]
        entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
        if entities:
            content["entities"] = entities
        return self._post(chat_id, user_id, content, thread_id, reply_to_message_id)

    def send_contact(
        self,
        chat_id: int,
        *,
        user_id: int | None = None,
        own: bool = True,
        contact_user_id: int | None = None,
        phone_number: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        forwarded_from: int | None = None,
        thread_id: int | None = None,
    ) -> dict[str, Any]:
        """A shared contact: the sender's own (reply-keyboard button) or someone else's."""
        sender = self.sender(self._chat(chat_id), user_id)
        person = sender if own else self.users.get(contact_user_id or 0)
        contact: dict[str, Any] = {
            "phone_number": phone_number or (person.phone_number if person else None),
            "first_name": first_name or (person.first_name if person else None),
        }
        if not contact["phone_number"] or not contact["first_name"]:
            raise SandboxError("a contact needs phone_number and first_name")
        if last_name or (person and person.last_name):
            contact["last_name"] = last_name or (person.last_name if person else None)
        if own:
            contact["user_id"] = sender.id
        elif contact_user_id is not None:
            contact["user_id"] = contact_user_id
        content: dict[str, Any] = {"contact": contact}
        if forwarded_from is not None:
            content["forward_origin"] = self._origin(forwarded_from)
        return self._post(chat_id, sender.id, content, thread_id)

    def _origin(self, user_id: int) -> dict[str, Any]:
        person = self.users.get(user_id)
        if person is None:
            return {"type": "hidden_user", "sender_user_name": "Hidden user", "date": self.now()}
        return {"type": "user", "sender_user": person.to_api(), "date": self.now()}

    def send_files(
        self,
        chat_id: int,
        kind: str,
        files: list[OutgoingFile],
        *,
        caption: str | None = None,
        user_id: int | None = None,
        thread_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """Photos or documents; two or more become an album (one media_group_id), each of its
        messages in reply to `reply_to_message_id` when given, as Telegram sends them. A voice
        message (`kind` "voice") comes alone."""
        if kind not in ("photo", "document", "voice"):
            raise SandboxError("kind must be photo, document or voice")
        if not 1 <= len(files) <= 10:
            raise SandboxError("send 1 to 10 files at once")
        if kind == "voice" and len(files) > 1:
            raise SandboxError("a voice message comes alone, never in an album")
        if caption and len(caption) > MAX_CAPTION:
            raise SandboxError("caption is longer than 1024 characters")
        group = str(13_000_000_000_000_000 + self.next_id()) if len(files) > 1 else None
        contents = [self._file_content(kind, item) for item in files]
        messages = []
        for index, content in enumerate(contents):
            if group:
                content["media_group_id"] = group
            if caption and index == 0:
                content["caption"] = caption
            messages.append(self._post(chat_id, user_id, content, thread_id, reply_to_message_id))
        return messages

    def _file_content(self, kind: str, item: OutgoingFile) -> dict[str, Any]:
        if kind == "photo":
            data = item.data if item.data is not None else placeholder_png(self.next_id())
            try:
                return {"photo": self.files.add_photo(data)}
            except ValueError:
                raise SandboxError(
                    f"{item.name or 'file'} is not a PNG/JPEG/GIF/WebP image"
                ) from None
        if kind == "voice":
            # OGG's magic number and nothing playable: the bot relays it by file_id, unheard
            return {"voice": self.files.add_voice(item.data or b"OggS\x00placeholder", 3)}
        name = item.name or "document.pdf"
        data = item.data if item.data is not None else PLACEHOLDER_PDF
        return {"document": self.files.add_document(data, name, item.mime_type)}

    def edit_message(
        self, chat_id: int, message_id: int, text: str, *, user_id: int | None = None
    ) -> dict[str, Any]:
        """A person edits a message of their own: its text, or the caption of a photo or file.
        The stored message changes (with ``edit_date``) and an ``edited_message`` update follows,
        as Telegram sends one (bots are not told which part changed)."""
        chat = self._chat(chat_id)
        user = self.sender(chat, user_id)
        message = chat.messages.get(message_id)
        if message is None:
            raise SandboxError(f"no message {message_id} in chat {chat_id}")
        if message.get("from", {}).get("id") != user.id:
            raise SandboxError("a person can only edit their own messages")
        if not text.strip():
            raise SandboxError("text is empty")
        if "text" in message:
            if len(text) > MAX_TEXT:
                raise SandboxError("text is longer than 4096 characters")
            message["text"] = text
            message.pop("entities", None)
        elif "photo" in message or "document" in message or "voice" in message:
            if len(text) > MAX_CAPTION:
                raise SandboxError("caption is longer than 1024 characters")
            message["caption"] = text
            message.pop("caption_entities", None)
        else:
            raise SandboxError("only a text or a caption can be edited")
        message["edit_date"] = self.now()
        self.touch()
        self.push_update("edited_message", message)
        return message

    # -- buttons, blocking, history ----------------------------------------------------------
    def press_button(
        self,
        chat_id: int,
        message_id: int,
        *,
        user_id: int | None = None,
        data: str | None = None,
        text: str | None = None,
    ) -> dict[str, Any]:
        """Press an inline button (by callback_data or by label). URL buttons just answer
        ``{"url": ...}``; callback buttons create a callback_query update."""
        chat = self._chat(chat_id)
        user = self.sender(chat, user_id)
        message = chat.messages.get(message_id)
        if message is None:
            raise SandboxError(f"no message {message_id} in chat {chat_id}")
        rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
        button = next(
            (
                b
                for row in rows
                for b in row
                if (data is not None and b.get("callback_data") == data)
                or (data is None and b.get("text") == text)
            ),
            None,
        )
        if button is None:
            raise SandboxError("no such inline button on that message")
        if "url" in button:
            return {"url": button["url"]}
        if "callback_data" not in button:
            raise SandboxError("only callback_data and url buttons are simulated")
        query_id = str(4_000_000_000_000_000_000 + self.next_id())
        query = {
            "id": query_id,
            "from": user.to_api(),
            "message": message,
            "chat_instance": self.chat_instance(chat),
            "data": button["callback_data"],
        }
        self.callbacks[query_id] = CallbackRecord(
            query_id, chat.id, message_id, user.id, button["callback_data"]
        )
        update = self.push_update("callback_query", query)
        return {"callback_query_id": query_id, "update_id": update["update_id"]}

    def set_blocked(self, chat_id: int, blocked: bool) -> dict[str, Any]:
        """The member blocks (or unblocks) the bot: a ``my_chat_member`` update follows."""
        chat = self._chat(chat_id)
        if chat.user is None:
            raise SandboxError("only a private chat can block the bot")
        old, new = ("member", "kicked") if blocked else ("kicked", "member")
        chat.blocked = blocked
        bot = self.bot.to_api()
        payload = {
            "chat": chat.to_api(),
            "from": chat.user.to_api(),
            "date": self.now(),
            "old_chat_member": {
                "status": old,
                "user": bot,
                **({"until_date": 0} if old == "kicked" else {}),
            },
            "new_chat_member": {
                "status": new,
                "user": bot,
                **({"until_date": 0} if new == "kicked" else {}),
            },
        }
        return self.push_update("my_chat_member", payload)

    def history(self, chat_id: int, thread: int | str | None = None) -> list[dict[str, Any]]:
        """Messages as they stand now (edits applied, deleted ones gone), oldest first.
        ``thread``: a topic id, ``"general"`` for the General topic, ``None`` for all."""
        chat = self._chat(chat_id)
        items = []
        for message_id, message in chat.messages.items():
            topic = message.get("message_thread_id")
            if thread == "general" and topic is not None:
                continue
            if isinstance(thread, int) and topic != thread:
                continue
            item = dict(message)
            if message_id in chat.reply_keyboards:
                item["reply_keyboard"] = chat.reply_keyboards[message_id]
            items.append(item)
        return items
