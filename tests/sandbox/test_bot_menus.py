"""What the bot registers at start (`bot/factory.py:register_commands`), as a person sees it in the
emulator: members get the member menu and the description in their language before START; every
staff forum gets the staff commands (/find, /setphone, /stats) in the staff language
(STAFF_LOCALE), whatever a staff member's own."""

from __future__ import annotations

from aiogram import Bot

from bot.factory import COMMANDS, register_commands
from bot.handlers.admin.staff_help import STAFF_COMMANDS
from bot.i18n import TranslatorHub
from tests.tgsandbox.conftest import Control
from tgsandbox import DEFAULT_FORUM_CHAT_ID as FORUM
from tgsandbox import EmulatorState

OLENA, DMITRY, HANS, IRYNA, ASKAR = 10001, 10002, 10005, 20001, 20002  # uk, ru, de; staff uk, ru
SECOND = -1009876543210


async def shown(control: Control, chat_id: int, user_id: int) -> tuple[list[str], str, str]:
    query = {"user_id": user_id, "thread_id": "general"} if chat_id < 0 else {}
    result = await control.call("GET", f"/chats/{chat_id}/messages", **query)
    names = [c["command"] for c in result["commands"]]
    descriptions = " | ".join(c["description"] for c in result["commands"])
    return names, descriptions, result["description"]


async def test_members_and_staff_see_their_own_menus_in_their_language(
    bot: Bot, control: Control, state: EmulatorState
) -> None:
    hub = TranslatorHub(default="en")
    state.add_forum(SECOND, "Support · claims", [IRYNA, ASKAR])
    await register_commands(
        bot, hub, [FORUM, SECOND], staff_locale="kk", insurer_name="Sphera Zdorovya"
    )

    names, descriptions, about = await shown(control, OLENA, OLENA)  # uk
    assert names == list(COMMANDS)
    assert descriptions.startswith(hub.get("uk")("command-start"))
    assert about == hub.get("uk")("bot-description", insurer="Sphera Zdorovya")
    assert about.startswith("Sphera Zdorovya: Ваше медичне страхування")  # the insurer named
    assert "START" in about

    names, _, about = await shown(control, DMITRY, DMITRY)  # ru
    assert names == list(COMMANDS)
    assert about == hub.get("ru")("bot-description", insurer="Sphera Zdorovya")

    # a language the bot does not speak: the menu and description set without a language
    names, descriptions, about = await shown(control, HANS, HANS)
    assert names == list(COMMANDS)
    assert about == hub.get(None)("bot-description", insurer="Sphera Zdorovya")
    assert descriptions.startswith(hub.get(None)("command-start"))

    # each staff chat: the staff menu only, in the staff language (Kazakh), for Iryna (uk)
    # and Askar (ru) alike
    staff_menu = " | ".join(hub.get("kk")(key) for key in STAFF_COMMANDS.values())
    for chat_id in (FORUM, SECOND):
        for user_id in (IRYNA, ASKAR):
            names, descriptions, _ = await shown(control, chat_id, user_id)
            assert names == list(STAFF_COMMANDS)
            assert "start" not in names
            assert descriptions == staff_menu


async def test_without_an_admin_chat_no_staff_menu_is_set(bot: Bot, control: Control) -> None:
    await register_commands(bot, TranslatorHub(default="en"))
    names, _, _ = await shown(control, FORUM, IRYNA)
    assert names == list(COMMANDS)  # the default scope, as Telegram shows it
