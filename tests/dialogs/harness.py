"""Drive the bot as a member would: aiogram-dialog's BotClient plus contact updates."""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from aiogram import Dispatcher
from aiogram.methods import (
    DeleteMessage,
    EditMessageReplyMarkup,
    SendChatAction,
    SendDocument,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.types import (
    Chat,
    Contact,
    Document,
    InlineKeyboardButton,
    Message,
    PhotoSize,
    ReplyKeyboardMarkup,
    Update,
    User,
)
from aiogram_dialog.api.entities import NewMessage, OldMessage
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.bot_client import FakeBot
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from aiogram_dialog.utils import split_reply_callback

_ids = itertools.count(10_000)


class ReplyAwareMessageManager(MockMessageManager):
    """aiogram types `Message.reply_markup` as inline-only, so reply keyboards are kept aside."""

    def __init__(self) -> None:
        super().__init__()
        self.reply_keyboards: dict[int, ReplyKeyboardMarkup] = {}

    async def show_message(
        self, bot: Any, new_message: NewMessage, old_message: OldMessage | None
    ) -> OldMessage:
        markup = new_message.reply_markup
        if not isinstance(markup, ReplyKeyboardMarkup):
            return await super().show_message(bot, new_message, old_message)
        shown = await super().show_message(
            bot, replace(new_message, reply_markup=None), old_message
        )
        self.reply_keyboards[shown.message_id] = markup
        return replace(shown, has_reply_keyboard=True)


class MemberClient:
    """One Telegram user in a private chat with the bot."""

    def __init__(
        self,
        dp: Dispatcher,
        messages: ReplyAwareMessageManager,
        user_id: int = 1001,
        language_code: str = "en",
        first_name: str = "Olena",
    ) -> None:
        self.dp = dp
        self.messages = messages
        self.bot = RecordingBot()
        self.client = BotClient(dp, user_id=user_id, chat_id=user_id, bot=self.bot)
        self.client.user = User(
            id=user_id, is_bot=False, first_name=first_name, language_code=language_code
        )
        self.user = self.client.user

    # what the member sees
    def last(self) -> Message:
        return self.messages.last_message()

    def html(self) -> str:
        return self.last().text or self.last().caption or ""

    def text(self) -> str:
        """The message as the member sees it: HTML markup rendered away."""
        return html.unescape(re.sub(r"<[^>]+>", "", self.html()))

    def buttons(self) -> list[str]:
        markup = self.last().reply_markup
        if markup is None:
            return self.reply_buttons()
        return [b.text for row in markup.inline_keyboard for b in row]

    def reply_buttons(self) -> list[str]:
        keyboard = self.messages.reply_keyboards.get(self.last().message_id)
        if keyboard is None:
            return []
        return [split_reply_callback(b.text)[0] or "" for row in keyboard.keyboard for b in row]

    # what the member does
    async def send(self, text: str) -> None:
        await self.client.send(text)

    async def click(self, pattern: str) -> None:
        """Press the inline button whose label matches `pattern` (a regex, full match)."""
        reply = self.messages.reply_keyboards.get(self.last().message_id)
        if reply is not None:
            for row in reply.keyboard:
                for button in row:
                    label = split_reply_callback(button.text)[0] or ""
                    if re.fullmatch(pattern, label):
                        await self.client.send(button.text)
                        return
            raise AssertionError(f"no reply button {pattern!r} in {self.reply_buttons()}")
        locator = InlineButtonTextLocator(pattern)
        if locator.find_button(self.last()) is None:
            raise AssertionError(f"no button {pattern!r} in {self.buttons()}")
        await self.client.click(self.last(), locator)

    def button(self, pattern: str) -> InlineKeyboardButton:
        found = InlineButtonTextLocator(pattern).find_button(self.last())
        assert found is not None, f"no button {pattern!r} in {self.buttons()}"
        return found

    async def share_contact(self, phone: str, *, owner_id: int | None = -1) -> None:
        """Send a contact; by default the member's own (the contact button's result)."""
        user_id = self.user.id if owner_id == -1 else owner_id
        message = Message(
            message_id=next(_ids),
            date=datetime.fromtimestamp(1_700_000_000, tz=UTC),
            chat=Chat(id=self.user.id, type="private"),
            from_user=self.user,
            contact=Contact(phone_number=phone, first_name=self.user.first_name, user_id=user_id),
        )
        await self.dp.feed_update(self.client.bot, Update(update_id=next(_ids), message=message))


class RecordingBot(FakeBot):
    """aiogram-dialog's stub bot that also answers (and records) the calls the bot makes beside
    its dialog screens: chat actions, photos, plain messages, markup edits, deletions."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        self._message_ids = itertools.count(900_000)

    def of(self, kind: type) -> list[Any]:
        return [c for c in self.calls if isinstance(c, kind)]

    async def __call__(
        self, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        self.calls.append(method)
        if isinstance(method, (SendChatAction, DeleteMessage)):
            return True
        if isinstance(method, (SendMessage, SendPhoto, SendDocument, EditMessageReplyMarkup)):
            chat_id = int(method.chat_id or 0)
            content: dict[str, Any] = {}
            if isinstance(method, SendMessage):
                content["text"] = method.text
            if isinstance(method, SendPhoto):
                n = next(self._message_ids)
                content["photo"] = [
                    PhotoSize(
                        file_id=f"photo-{n}", file_unique_id=f"u-photo-{n}", width=1, height=1
                    )
                ]
                content["caption"] = method.caption
            if isinstance(method, SendDocument):
                n = next(self._message_ids)
                content["document"] = Document(file_id=f"doc-{n}", file_unique_id=f"u-doc-{n}")
                content["caption"] = method.caption
            message_id = getattr(method, "message_id", None) or next(self._message_ids)
            return Message(
                message_id=message_id,
                date=datetime.fromtimestamp(1_700_000_000, tz=UTC),
                chat=Chat(id=chat_id, type="private"),
                **content,
            )
        return await super().__call__(method, request_timeout)
