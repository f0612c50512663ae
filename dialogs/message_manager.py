"""aiogram-dialog's message manager, removing a reply keyboard when the next screen has none.

aiogram-dialog leaves a screen with a reply keyboard (the phone step's "share my phone") by
deleting its message, or by sending "..." with `ReplyKeyboardRemove`. Deleting a message does
not take its keyboard away in Telegram: it stayed under every later screen, and its "Back",
pressed inside a form, ended the form. Here the next screen itself carries the removal: it is
sent with `ReplyKeyboardRemove` and its inline buttons are put on it by an edit (a message has
one `reply_markup`). The screen left stays where it is: a reply keyboard is answered by a
message of the member's (a press is one, a shared contact another), so the screen is the
question just above the answer, not a screen to replace, and its keyboard goes with the
removal (one Bot API call fewer than deleting it too). Public API only: `MessageManager`'s
overridable methods.

Taking the old screen's inline keyboard away (every step answered by a message: a typed
answer, `/start`) is the same `editMessageReplyMarkup` as the library's, with its result left
unread (`KeyboardEdit`): aiogram-dialog throws the edited message away, and validating it
into a `Message` (the old screen's text, its entities, the bot as sender) took about 50 µs for
nothing. So is the edit that puts a screen's buttons on after the reply keyboard's removal:
the edited message is the one just sent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aiogram import Bot
from aiogram.enums import ContentType
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import EditMessageReplyMarkup
from aiogram.types import InlineKeyboardMarkup, Message, ReplyKeyboardRemove
from aiogram_dialog import ShowMode
from aiogram_dialog.api.entities import NewMessage, OldMessage
from aiogram_dialog.manager.message_manager import MessageManager

# what Telegram answers when there was no keyboard left to take away (aiogram-dialog's list)
NOTHING_TO_TAKE_AWAY = (
    "message is not modified",
    "message can't be edited",
    "message to edit not found",
    "MESSAGE_ID_INVALID",
)


class KeyboardEdit(EditMessageReplyMarkup):
    """`editMessageReplyMarkup`, its result (the edited message) not validated: read by no one."""

    __returning__ = Any  # type: ignore[assignment]


class ReplyKeyboardRemovingManager(MessageManager):
    async def remove_inline_kbd(self, bot: Bot, old_message: OldMessage | None) -> Message | None:
        """The library's, sending `KeyboardEdit`: its callers never read what it returns."""
        if not old_message:
            return None
        try:
            await bot(
                KeyboardEdit(
                    chat_id=old_message.chat.id,
                    message_id=old_message.message_id,
                    business_connection_id=old_message.business_connection_id,
                )
            )
        except TelegramBadRequest as err:
            if not any(reason in err.message for reason in NOTHING_TO_TAKE_AWAY):
                raise
        return None

    async def show_message(
        self, bot: Bot, new_message: NewMessage, old_message: OldMessage | None
    ) -> OldMessage:
        if (
            new_message.show_mode is ShowMode.NO_UPDATE
            or new_message.media is not None
            or not self.had_reply_keyboard(old_message)
            or self.need_reply_keyboard(new_message)
        ):
            return await super().show_message(bot, new_message, old_message)
        inline = new_message.reply_markup
        sent = await self.send_text(bot, replace(new_message, reply_markup=ReplyKeyboardRemove()))
        if isinstance(inline, InlineKeyboardMarkup) and inline.inline_keyboard:
            # the edited message is the one just sent, with these buttons: nothing to read
            await bot(
                KeyboardEdit(
                    chat_id=sent.chat.id,
                    message_id=sent.message_id,
                    business_connection_id=new_message.business_connection_id,
                    reply_markup=inline,
                )
            )
        return OldMessage(
            message_id=sent.message_id,
            chat=sent.chat,
            text=sent.text,
            media_id=None,
            media_uniq_id=None,
            has_reply_keyboard=False,
            has_protected_content=sent.has_protected_content,
            business_connection_id=sent.business_connection_id,
            content_type=ContentType(sent.content_type),
        )
