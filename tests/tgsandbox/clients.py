"""One small adapter per Telegram client library, so the conformance scenarios are written once.

Each adapter speaks its framework's own API (its types, its exceptions, its way of pointing at a
Bot API server) and answers in the plain shapes below, so a scenario can ask both the same thing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

import pytest
import telegram
import telegram.error
from aiogram import Bot
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
)
from aiogram.types import Message as AiogramMessage

from tests.tgsandbox.conftest import QuickCloseSession
from tgsandbox import SANDBOX_TOKEN

Buttons = list[tuple[str, str]]  # (label, callback_data), one row


@dataclass(frozen=True)
class Sent:
    message_id: int
    text: str | None = None
    thread_id: int | None = None
    media_group_id: str | None = None
    file_id: str | None = None


@dataclass(frozen=True)
class Incoming:
    update_id: int
    text: str | None = None
    callback_query_id: str | None = None
    callback_data: str | None = None
    edited_text: str | None = None  # an edited_message update: the text or caption it has now


@dataclass(frozen=True)
class Failure:
    kind: str  # "retry_after", "forbidden", "bad_request", or "none" when the call succeeded
    description: str = ""
    retry_after: int | None = None


def sent_of(m: Any) -> Sent:
    """Both libraries' Message objects carry the Bot API's field names."""
    file_id = m.document.file_id if m.document else None
    return Sent(m.message_id, m.text, m.message_thread_id, m.media_group_id, file_id)


def incoming(u: Any) -> Incoming:
    text = u.message.text if u.message else None
    query = u.callback_query
    edited = u.edited_message
    return Incoming(
        u.update_id,
        text,
        query.id if query else None,
        query and query.data,
        (edited.text or edited.caption) if edited else None,
    )


class Client(Protocol):
    name: str

    async def send_text(
        self, chat_id: int, text: str, *, thread_id: int | None = None, buttons: Buttons = ()
    ) -> Sent: ...
    async def edit_text(self, chat_id: int, message_id: int, text: str) -> Sent: ...
    async def send_album(self, chat_id: int, photos: list[bytes]) -> list[Sent]: ...
    async def send_document(self, chat_id: int, data: bytes, filename: str) -> Sent: ...
    async def download(self, file_id: str) -> bytes: ...
    async def updates(self, offset: int | None = None) -> list[Incoming]: ...
    async def answer_callback(self, query_id: str, text: str) -> bool: ...
    async def create_topic(self, chat_id: int, name: str) -> int: ...
    async def topic_icons(self) -> dict[str, str]: ...
    async def set_topic_icon(self, chat_id: int, thread_id: int, icon: str) -> bool: ...
    async def close_topic(self, chat_id: int, thread_id: int, close: bool = True) -> bool: ...
    async def failure(self, call: Awaitable[Any]) -> Failure: ...


class SameNames:
    """The calls whose method and field names both libraries take from the Bot API as they are."""

    bot: Any

    async def updates(self, offset: int | None = None) -> list[Incoming]:
        return [incoming(u) for u in await self.bot.get_updates(offset=offset, timeout=0)]

    async def answer_callback(self, query_id: str, text: str) -> bool:
        return await self.bot.answer_callback_query(query_id, text=text)

    async def create_topic(self, chat_id: int, name: str) -> int:
        return (await self.bot.create_forum_topic(chat_id, name)).message_thread_id

    async def topic_icons(self) -> dict[str, str]:
        """The emoji Telegram allows as topic icons, with their custom emoji ids."""
        stickers = await self.bot.get_forum_topic_icon_stickers()
        return {s.emoji: s.custom_emoji_id for s in stickers}

    async def set_topic_icon(self, chat_id: int, thread_id: int, icon: str) -> bool:
        return await self.bot.edit_forum_topic(chat_id, thread_id, icon_custom_emoji_id=icon)

    async def close_topic(self, chat_id: int, thread_id: int, close: bool = True) -> bool:
        method = self.bot.close_forum_topic if close else self.bot.reopen_forum_topic
        return await method(chat_id, thread_id)


class AiogramClient(SameNames):
    name = "aiogram"

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    @classmethod
    @asynccontextmanager
    async def connect(cls, base_url: str) -> AsyncIterator[AiogramClient]:
        session = QuickCloseSession(api=TelegramAPIServer.from_base(base_url))
        try:
            yield cls(Bot(SANDBOX_TOKEN, session=session))
        finally:
            await session.close()

    async def send_text(
        self, chat_id: int, text: str, *, thread_id: int | None = None, buttons: Buttons = ()
    ) -> Sent:
        row = [InlineKeyboardButton(text=label, callback_data=data) for label, data in buttons]
        markup = InlineKeyboardMarkup(inline_keyboard=[row]) if row else None
        sent = await self.bot.send_message(
            chat_id, text, message_thread_id=thread_id, reply_markup=markup
        )
        return sent_of(sent)

    async def edit_text(self, chat_id: int, message_id: int, text: str) -> Sent:
        edited = await self.bot.edit_message_text(text, chat_id=chat_id, message_id=message_id)
        assert isinstance(edited, AiogramMessage)
        return sent_of(edited)

    async def send_album(self, chat_id: int, photos: list[bytes]) -> list[Sent]:
        media = [
            InputMediaPhoto(media=BufferedInputFile(data, f"p{i}.png"))
            for i, data in enumerate(photos)
        ]
        return [sent_of(m) for m in await self.bot.send_media_group(chat_id, media)]

    async def send_document(self, chat_id: int, data: bytes, filename: str) -> Sent:
        sent = await self.bot.send_document(chat_id, BufferedInputFile(data, filename))
        return sent_of(sent)

    async def download(self, file_id: str) -> bytes:
        file = await self.bot.get_file(file_id)
        assert file.file_path
        got = await self.bot.download_file(file.file_path)
        assert got is not None
        return got.read()

    async def failure(self, call: Awaitable[Any]) -> Failure:
        try:
            await call
        except TelegramRetryAfter as e:
            return Failure("retry_after", e.message, e.retry_after)
        except TelegramForbiddenError as e:
            return Failure("forbidden", e.message)
        except TelegramBadRequest as e:
            return Failure("bad_request", e.message)
        return Failure("none")


class PtbClient(SameNames):
    name = "python-telegram-bot"

    def __init__(self, bot: telegram.Bot) -> None:
        self.bot = bot

    @classmethod
    @asynccontextmanager
    async def connect(cls, base_url: str) -> AsyncIterator[PtbClient]:
        bot = telegram.Bot(
            SANDBOX_TOKEN, base_url=f"{base_url}/bot", base_file_url=f"{base_url}/file/bot"
        )
        with pytest.MonkeyPatch.context() as env:
            env.setenv("PTB_TIMEDELTA", "1")  # 22.x: durations as timedelta, as 23 will have them
            async with bot:  # initialize() asks getMe, as an Application would
                yield cls(bot)

    async def send_text(
        self, chat_id: int, text: str, *, thread_id: int | None = None, buttons: Buttons = ()
    ) -> Sent:
        row = [telegram.InlineKeyboardButton(label, callback_data=data) for label, data in buttons]
        markup = telegram.InlineKeyboardMarkup([row]) if row else None
        sent = await self.bot.send_message(
            chat_id, text, message_thread_id=thread_id, reply_markup=markup
        )
        return sent_of(sent)

    async def edit_text(self, chat_id: int, message_id: int, text: str) -> Sent:
        edited = await self.bot.edit_message_text(text, chat_id=chat_id, message_id=message_id)
        assert isinstance(edited, telegram.Message)
        return sent_of(edited)

    async def send_album(self, chat_id: int, photos: list[bytes]) -> list[Sent]:
        media = [
            telegram.InputMediaPhoto(data, filename=f"p{i}.png") for i, data in enumerate(photos)
        ]
        return [sent_of(m) for m in await self.bot.send_media_group(chat_id, media)]

    async def send_document(self, chat_id: int, data: bytes, filename: str) -> Sent:
        sent = await self.bot.send_document(chat_id, telegram.InputFile(data, filename=filename))
        return sent_of(sent)

    async def download(self, file_id: str) -> bytes:
        file = await self.bot.get_file(file_id)
        return bytes(await file.download_as_bytearray())

    async def failure(self, call: Awaitable[Any]) -> Failure:
        try:
            await call
        except telegram.error.RetryAfter as e:
            after = e.retry_after  # an int up to 21.x, a timedelta from 22 with PTB_TIMEDELTA
            seconds = int(after.total_seconds()) if isinstance(after, timedelta) else int(after)
            return Failure("retry_after", e.message, seconds)
        except telegram.error.Forbidden as e:
            return Failure("forbidden", e.message)
        except telegram.error.BadRequest as e:
            return Failure("bad_request", e.message)
        return Failure("none")


CLIENTS = (AiogramClient, PtbClient)
