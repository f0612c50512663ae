"""What a person sees before talking to the bot: its description, and the command menu of the
scope that applies to them (Telegram's order: member, administrators, chat, all administrators,
all group chats or all private chats, default; each with the person's language first)."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    BotCommandScopeChatAdministrators,
    BotCommandScopeChatMember,
)

from tests.tgsandbox.conftest import MEMBER, OTHER_MEMBER, STAFF, Control
from tgsandbox import DEFAULT_FORUM_CHAT_ID as FORUM

OTHER_STAFF = 20002  # Askar, ru


def menu(*names: str) -> list[BotCommand]:
    return [BotCommand(command=name, description=f"{name} it") for name in names]


async def shown(control: Control, chat_id: int, user_id: int | None = None) -> list[str]:
    query = {"user_id": user_id, "thread_id": "general"} if user_id else {}
    result = await control.call("GET", f"/chats/{chat_id}/messages", **query)
    return [c["command"] for c in result["commands"]]


async def test_the_staff_forum_shows_the_chat_scope(bot: Bot, control: Control) -> None:
    await bot.set_my_commands(menu("start", "help"))
    await bot.set_my_commands(menu("find", "stats"), scope=BotCommandScopeChat(chat_id=FORUM))
    assert await shown(control, FORUM, STAFF) == ["find", "stats"]
    assert await shown(control, MEMBER) == ["start", "help"]

    await bot.set_my_commands(
        menu("find", "stats", "fixphone"), scope=BotCommandScopeChatAdministrators(chat_id=FORUM)
    )
    assert await shown(control, FORUM, STAFF) == ["find", "stats", "fixphone"]
    await bot.set_my_commands(
        menu("mine"), scope=BotCommandScopeChatMember(chat_id=FORUM, user_id=OTHER_STAFF)
    )
    assert await shown(control, FORUM, OTHER_STAFF) == ["mine"]
    assert await shown(control, FORUM, STAFF) == ["find", "stats", "fixphone"]

    await bot.delete_my_commands(scope=BotCommandScopeChatAdministrators(chat_id=FORUM))
    assert await shown(control, FORUM, STAFF) == ["find", "stats"]
    listed = await bot.get_my_commands(scope=BotCommandScopeChat(chat_id=FORUM))
    assert [c.command for c in listed] == ["find", "stats"]


async def test_group_wide_scopes_and_the_language_come_in_telegrams_order(
    bot: Bot, control: Control
) -> None:
    await bot.set_my_commands(menu("start"))
    await bot.set_my_commands(menu("group"), scope=BotCommandScopeAllGroupChats())
    assert await shown(control, FORUM, STAFF) == ["group"]
    await bot.set_my_commands(menu("admins"), scope=BotCommandScopeAllChatAdministrators())
    assert await shown(control, FORUM, STAFF) == ["admins"]
    await bot.set_my_commands(
        menu("ru_admins"), scope=BotCommandScopeAllChatAdministrators(), language_code="ru"
    )
    assert await shown(control, FORUM, OTHER_STAFF) == ["ru_admins"]  # Askar speaks Russian
    assert await shown(control, FORUM, STAFF) == ["admins"]  # Iryna speaks Ukrainian
    assert await shown(control, MEMBER) == ["start"]  # a private chat is no group


async def test_the_description_is_shown_in_the_users_language(bot: Bot, control: Control) -> None:
    result = await control.call("GET", f"/chats/{MEMBER}/messages")
    assert result["description"] == ""
    await bot.set_my_description("Your insurance cards and requests")
    await bot.set_my_description("Ваші страхові картки", language_code="uk")
    assert (await bot.get_my_description(language_code="uk")).description == (
        "Ваші страхові картки"
    )
    assert (await bot.get_my_description()).description == "Your insurance cards and requests"
    olena = await control.call("GET", f"/chats/{MEMBER}/messages")  # uk
    dmitry = await control.call("GET", f"/chats/{OTHER_MEMBER}/messages")  # ru: the default
    assert olena["description"] == "Ваші страхові картки"
    assert dmitry["description"] == "Your insurance cards and requests"

    with pytest.raises(TelegramBadRequest, match="too long"):
        await bot.set_my_description("x" * 513)
    with pytest.raises(TelegramBadRequest, match="invalid language code"):
        await bot.set_my_description("x", language_code="ukr")
