"""Sending, editing and deleting through a real aiogram Bot, and Telegram's 400s."""

from __future__ import annotations

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from tests.tgsandbox.conftest import MEMBER, Control
from tgsandbox import EmulatorState


def keyboard(data: str = "ok") -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="OK", callback_data=data)]]
    )


async def test_get_me_returns_the_sandbox_bot(bot: Bot) -> None:
    me = await bot.get_me()
    assert me.is_bot
    assert me.id == 123456
    assert me.username == "sandbox_insurance_bot"


async def test_sent_message_appears_in_history(bot: Bot, control: Control) -> None:
    sent = await bot.send_message(MEMBER, "Вітаємо!", reply_markup=keyboard())
    history = await control.history(MEMBER)
    assert [m["message_id"] for m in history] == [sent.message_id]
    assert history[0]["text"] == "Вітаємо!"
    assert history[0]["from"]["is_bot"] is True
    assert history[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "ok"


async def test_html_is_parsed_into_entities(bot: Bot) -> None:
    sent = await bot.send_message(
        MEMBER, "<b>Полис</b> &lt;R-1&gt; <a href='https://x.kz'>link</a>", parse_mode="HTML"
    )
    assert sent.text == "Полис <R-1> link"
    assert [(e.type, e.offset, e.length) for e in sent.entities or []] == [
        ("bold", 0, 5),
        ("text_link", 12, 4),
    ]


async def test_reply_keyboard_is_kept_beside_the_message(bot: Bot, control: Control) -> None:
    markup = ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text="Share phone", request_contact=True)]]
    )
    await bot.send_message(MEMBER, "Share your phone", reply_markup=markup)
    result = await control.call("GET", f"/chats/{MEMBER}/messages")
    assert result["reply_keyboard"]["keyboard"][0][0]["request_contact"] is True
    assert "reply_markup" not in result["messages"][0]
    await bot.send_message(MEMBER, "Thanks", reply_markup=ReplyKeyboardRemove())
    result = await control.call("GET", f"/chats/{MEMBER}/messages")
    assert result["reply_keyboard"] is None


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"chat_id": 999, "text": "hi"}, "chat not found"),
        ({"chat_id": MEMBER, "text": ""}, "message text is empty"),
        ({"chat_id": MEMBER, "text": "x" * 4097}, "message is too long"),
        (
            {"chat_id": MEMBER, "text": "ok", "reply_markup": keyboard("x" * 65)},
            "BUTTON_DATA_INVALID",
        ),
        ({"chat_id": MEMBER, "text": "<b>open", "parse_mode": "HTML"}, "can't parse entities"),
        ({"chat_id": MEMBER, "text": "<div>x</div>", "parse_mode": "HTML"}, "can't parse entities"),
        ({"chat_id": MEMBER, "text": "1.5", "parse_mode": "MarkdownV2"}, "can't parse entities"),
    ],
)
async def test_send_message_is_validated_like_telegram(bot: Bot, kwargs: dict, reason: str) -> None:
    with pytest.raises(TelegramBadRequest, match=reason):
        await bot.send_message(**kwargs)


async def test_4096_characters_are_accepted(bot: Bot) -> None:
    sent = await bot.send_message(MEMBER, "я" * 4096)
    assert len(sent.text or "") == 4096


async def test_edit_is_applied_in_place(bot: Bot, control: Control) -> None:
    sent = await bot.send_message(MEMBER, "Step 1", reply_markup=keyboard())
    edited = await bot.edit_message_text("Step 2", chat_id=MEMBER, message_id=sent.message_id)
    assert not isinstance(edited, bool)
    assert edited.edit_date is not None
    [message] = await control.history(MEMBER)
    assert message["text"] == "Step 2"
    assert "reply_markup" not in message  # Telegram drops the keyboard when none is given


async def test_identical_edit_is_not_modified(bot: Bot) -> None:
    sent = await bot.send_message(MEMBER, "Same", reply_markup=keyboard())
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "Same", chat_id=MEMBER, message_id=sent.message_id, reply_markup=keyboard()
        )
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_reply_markup(
            chat_id=MEMBER, message_id=sent.message_id, reply_markup=keyboard()
        )
    await bot.edit_message_reply_markup(chat_id=MEMBER, message_id=sent.message_id)


async def test_unknown_messages_cannot_be_edited_or_deleted(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=MEMBER, message_id=4242)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(MEMBER, 4242)


async def test_user_messages_cannot_be_edited(bot: Bot, control: Control) -> None:
    mine = await control.text(MEMBER, "hello")
    with pytest.raises(TelegramBadRequest, match="message can't be edited"):
        await bot.edit_message_text("x", chat_id=MEMBER, message_id=mine["message_id"])


async def test_deleted_message_leaves_history(bot: Bot, control: Control) -> None:
    first = await bot.send_message(MEMBER, "one")
    await bot.send_message(MEMBER, "two")
    assert await bot.delete_message(MEMBER, first.message_id)
    assert [m["text"] for m in await control.history(MEMBER)] == ["two"]


async def test_copy_message_relays_a_member_message(
    bot: Bot, control: Control, state: EmulatorState
) -> None:
    original = await control.text(MEMBER, "Мені потрібен лікар")
    copied = await bot.copy_message(state.forum.id, MEMBER, original["message_id"])
    [message] = await control.history(state.forum.id)
    assert message["message_id"] == copied.message_id
    assert message["text"] == "Мені потрібен лікар"
    assert message["from"]["is_bot"] is True


async def test_chat_action_and_commands(bot: Bot, control: Control) -> None:
    from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats

    assert await bot.send_chat_action(MEMBER, "typing")
    await bot.set_my_commands(
        [BotCommand(command="start", description="Почати")], language_code="uk"
    )
    await bot.set_my_commands(
        [BotCommand(command="start", description="Start")], scope=BotCommandScopeAllPrivateChats()
    )
    assert [c.description for c in await bot.get_my_commands(language_code="uk")] == ["Почати"]
    result = await control.call("GET", f"/chats/{MEMBER}/messages")
    assert result["action"] == "typing"
    # Olena (uk) sees the all-private-chats scope first, as Telegram resolves scopes.
    assert result["commands"] == [{"command": "start", "description": "Start"}]
    assert await bot.delete_my_commands(scope=BotCommandScopeAllPrivateChats())
    result = await control.call("GET", f"/chats/{MEMBER}/messages")
    assert result["commands"] == [{"command": "start", "description": "Почати"}]
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Start", description="x")])
    assert await bot.set_chat_menu_button()


async def test_unknown_method_and_bad_token(base_url: str) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base_url}/bot123456:SANDBOX/sendTelepathy") as resp:
            assert resp.status == 404
            assert await resp.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        async with http.get(f"{base_url}/botnot-a-token/getMe") as resp:
            assert resp.status == 401
        async with http.get(
            f"{base_url}/bot42:ABC/sendMessage", params={"chat_id": str(MEMBER), "text": "q"}
        ) as resp:
            body = await resp.json()
            assert body["ok"] is True
            assert body["result"]["text"] == "q"
        async with http.post(
            f"{base_url}/bot42:ABC/sendMessage",
            json={"chat_id": MEMBER, "text": "j", "reply_markup": "{"},
        ) as resp:
            assert (await resp.json())["description"].startswith(
                "Bad Request: can't parse reply keyboard"
            )
