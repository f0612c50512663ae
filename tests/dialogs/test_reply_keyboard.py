"""The phone step's reply keyboard goes with the next screen; a stale "Back" never ends a form."""

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import DeleteMessage, EditMessageReplyMarkup, SendMessage
from aiogram.types import (
    Chat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram_dialog import ShowMode
from aiogram_dialog.api.entities import NewMessage, OldMessage

from dialogs.message_manager import KeyboardEdit, ReplyKeyboardRemovingManager
from tests.dialogs.harness import RecordingBot
from tests.factories import make_person, make_policy

CHAT = Chat(id=5, type="private")
MENU = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="Menu", callback_data="m")]]
)


def _old(*, reply: bool) -> OldMessage:
    return OldMessage(
        chat=CHAT, message_id=7, has_reply_keyboard=reply, text="x", media_id=None,
        media_uniq_id=None, business_connection_id=None,
    )  # fmt: skip


def _new(markup, mode=ShowMode.AUTO) -> NewMessage:
    return NewMessage(chat=CHAT, text="Phone confirmed", reply_markup=markup, show_mode=mode)


async def test_the_screen_after_a_reply_keyboard_takes_it_away():
    bot = RecordingBot()
    shown = await ReplyKeyboardRemovingManager().show_message(
        bot, _new(MENU, ShowMode.SEND), _old(reply=True)
    )
    sent = bot.of(SendMessage)
    assert len(sent) == 1  # no "..." message of its own
    assert sent[0].text == "Phone confirmed"
    assert isinstance(sent[0].reply_markup, ReplyKeyboardRemove)
    (edit,) = bot.of(EditMessageReplyMarkup)
    assert edit.reply_markup == MENU  # the screen's buttons are put back on the same message
    assert isinstance(edit, KeyboardEdit)  # its result (that message) left unread
    assert not shown.has_reply_keyboard


async def test_the_screen_left_stays_above_the_answer_and_only_its_keyboard_goes():
    # a press on the keyboard (or a shared contact) is the member's answer below the screen:
    # the screen stays as its question, whatever the show mode aiogram-dialog chose
    for mode in (ShowMode.AUTO, ShowMode.EDIT, ShowMode.DELETE_AND_SEND):
        bot = RecordingBot()
        await ReplyKeyboardRemovingManager().show_message(bot, _new(MENU, mode), _old(reply=True))
        assert not bot.of(DeleteMessage), mode
        send, edit = bot.calls
        assert isinstance(send, SendMessage) and isinstance(send.reply_markup, ReplyKeyboardRemove)
        assert isinstance(edit, KeyboardEdit) and edit.reply_markup == MENU


async def test_other_screens_are_left_to_aiogram_dialog():
    bot = RecordingBot()
    keyboard = ReplyKeyboardMarkup(keyboard=[[KeyboardButton(text="Share")]])
    await ReplyKeyboardRemovingManager().show_message(bot, _new(keyboard), _old(reply=False))
    assert bot.of(SendMessage)[0].reply_markup == keyboard
    assert not bot.of(EditMessageReplyMarkup)


async def test_a_stale_back_on_the_phone_keyboard_keeps_the_form(member, session_factory):
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        await make_person(session, policy, full_name="Kovalenko Olena", relation="self")
    await member.send("/start")
    await member.click("📱 Confirm phone")
    keyboard = member.messages.reply_keyboards[member.last().message_id]
    back = next(b.text for row in keyboard.keyboard for b in row if b.text.startswith("⬅️"))
    await member.share_contact("380501112233")
    await member.send("/menu")
    await member.click("📝 New request")
    await member.click("💵 Reimbursement")
    await member.send("15.11.2026")
    assert "How much did you pay" in member.text()

    await member.send(back)  # an old client still shows the phone step's keyboard

    assert "How much did you pay" in member.text()  # the form's step again, its draft kept
    assert "belongs to a step you have already left" in member.text()
    await member.send("100")
    assert "In which currency" in member.text()


class _EditRefusingBot(RecordingBot):
    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description

    async def __call__(self, method, request_timeout=None):
        if isinstance(method, KeyboardEdit):
            self.calls.append(method)
            raise TelegramBadRequest(method=method, message=self.description)
        return await super().__call__(method, request_timeout)


async def test_a_new_screen_takes_the_old_screens_buttons_away_first():
    bot = RecordingBot()
    await ReplyKeyboardRemovingManager().show_message(
        bot, _new(MENU, ShowMode.SEND), _old(reply=False)
    )
    edit, send = bot.calls
    assert isinstance(edit, KeyboardEdit)  # aiogram's editMessageReplyMarkup, result unread
    assert (edit.chat_id, edit.message_id, edit.reply_markup) == (CHAT.id, 7, None)
    assert isinstance(send, SendMessage) and send.reply_markup == MENU


async def test_buttons_already_gone_are_no_error_and_another_refusal_is_raised():
    for gone in ("Bad Request: message to edit not found", "Bad Request: message is not modified"):
        bot = _EditRefusingBot(gone)
        await ReplyKeyboardRemovingManager().show_message(
            bot, _new(MENU, ShowMode.SEND), _old(reply=False)
        )
        assert [type(c) for c in bot.calls] == [KeyboardEdit, SendMessage]
    bot = _EditRefusingBot("Bad Request: chat not found")
    with pytest.raises(TelegramBadRequest):
        await ReplyKeyboardRemovingManager().show_message(
            bot, _new(MENU, ShowMode.SEND), _old(reply=False)
        )
