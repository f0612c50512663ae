"""Less common methods aiogram and aiogram-dialog use: captions, media edits, forwards."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    ReplyParameters,
)

from tests.tgsandbox.conftest import MEMBER, Control
from tgsandbox import EmulatorState
from tgsandbox.files import placeholder_png


async def test_markdown_v2_is_parsed(bot: Bot) -> None:
    sent = await bot.send_message(MEMBER, r"*Сума:* 1\.500 _грн_", parse_mode="MarkdownV2")
    assert sent.text == "Сума: 1.500 грн"
    assert [e.type for e in sent.entities or []] == ["bold", "italic"]


async def test_caption_and_media_edits(bot: Bot, control: Control) -> None:
    photo = await bot.send_photo(
        MEMBER, BufferedInputFile(placeholder_png(1), "a.png"), caption="v1"
    )
    edited = await bot.edit_message_caption(
        chat_id=MEMBER, message_id=photo.message_id, caption="v2"
    )
    assert not isinstance(edited, bool) and edited.caption == "v2"
    with pytest.raises(TelegramBadRequest, match="there is no text in the message to edit"):
        await bot.edit_message_text("x", chat_id=MEMBER, message_id=photo.message_id)
    new = InputMediaPhoto(media=BufferedInputFile(placeholder_png(2), "b.png"), caption="v3")
    media = await bot.edit_message_media(new, chat_id=MEMBER, message_id=photo.message_id)
    assert not isinstance(media, bool) and media.caption == "v3"
    assert media.photo and photo.photo
    assert media.photo[-1].file_unique_id != photo.photo[-1].file_unique_id
    [message] = await control.history(MEMBER)
    assert message["caption"] == "v3"


async def test_forward_and_reply(bot: Bot, control: Control, state: EmulatorState) -> None:
    original = await control.text(MEMBER, "Скан договору")
    forwarded = await bot.forward_message(state.forum.id, MEMBER, original["message_id"])
    assert forwarded.forward_origin is not None
    reply = await bot.send_message(
        MEMBER, "Отримали", reply_parameters=ReplyParameters(message_id=original["message_id"])
    )
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.text == "Скан договору"
    with pytest.raises(TelegramBadRequest, match="message to be replied not found"):
        await bot.send_message(MEMBER, "?", reply_parameters=ReplyParameters(message_id=9999))
    with pytest.raises(TelegramBadRequest, match="message to copy not found"):
        await bot.copy_message(MEMBER, MEMBER, 9999)


async def test_empty_inline_keyboard_removes_the_keyboard(bot: Bot, control: Control) -> None:
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="A", callback_data="a")]]
    )
    sent = await bot.send_message(MEMBER, "x", reply_markup=markup)
    empty = InlineKeyboardMarkup(inline_keyboard=[])
    await bot.edit_message_reply_markup(
        chat_id=MEMBER, message_id=sent.message_id, reply_markup=empty
    )
    [message] = await control.history(MEMBER)
    assert "reply_markup" not in message


async def test_private_chat_info_and_webhook_rules(bot: Bot) -> None:
    chat = await bot.get_chat(MEMBER)
    assert chat.type == "private" and chat.first_name == "Olena"
    with pytest.raises(TelegramBadRequest, match="HTTPS URL must be provided"):
        await bot.set_webhook("http://insecure.example/hook")
    with pytest.raises(TelegramBadRequest, match="wrong parameter action"):
        await bot.send_chat_action(MEMBER, "dancing")
