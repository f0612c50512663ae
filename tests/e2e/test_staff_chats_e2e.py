"""The real bot process with two staff chats (STAFF_ROUTES) and one staff language (STAFF_LOCALE):
a Kazakh card's request lands in the Kazakhstan chat, in Kazakh, where only that chat's staff act;
its menu lists the staff commands; the topic's icon follows the request."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.i18n import TranslatorHub
from bot.sandbox.run import sandbox_users
from tests.e2e.conftest import Sandbox, bot_env, import_demo_registry, start_bot, stop_bot
from tgsandbox import DEFAULT_FORUM_CHAT_ID as FORUM
from tgsandbox import EmulatorState, bound_url, start_emulator
from tgsandbox.methods.chats import TOPIC_ICONS

KZ_CHAT = -1009876543210
DMITRY = 10002  # Russian-speaking member with a Kazakh card (+77010000101)
IRYNA, ASKAR = 20001, 20002  # staff of the default chat; Askar also of the Kazakhstan chat
KK = TranslatorHub(default="en").get("kk")


@pytest.fixture
async def two_chats(tmp_path: Path) -> AsyncIterator[Sandbox]:
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=sandbox_users()))
    state.add_forum(KZ_CHAT, "Support · Kazakhstan", [IRYNA, ASKAR])
    routes = {
        "chats": {"kz": {"chat_id": KZ_CHAT, "staff_ids": [ASKAR]}},
        "rules": [{"chat": "kz", "countries": ["KZ"]}],
    }
    env = bot_env(
        bound_url(runner),
        tmp_path / "e2e.sqlite3",
        tmp_path,
        staff_routes=json.dumps(routes),
        staff_locale="kk",
    )
    await import_demo_registry(env, tmp_path)
    box = Sandbox(state, tmp_path / "e2e.sqlite3", bound_url(runner))
    try:
        bot = await start_bot(state, env, tmp_path)
    except BaseException:
        await runner.cleanup()
        raise
    try:
        yield box
    finally:
        await stop_bot(bot)
        await runner.cleanup()


async def test_a_kazakh_request_is_handled_in_the_kazakhstan_chat_in_kazakh(two_chats):
    box = two_chats
    await box.callback_request_in_russian(DMITRY, "+77010000101", "SPH-2026-0001")

    def card():
        for message in box.bot_messages(KZ_CHAT):
            if "R-000001" in message.get("text", "") and message.get("reply_markup"):
                return message
        return None

    posted = await box.state.wait_for(card, within=20)
    assert not any("R-000001" in m.get("text", "") for m in box.bot_messages(FORUM))
    topic = box.state.chats[KZ_CHAT].topics[posted["message_thread_id"]]
    await box.state.wait_for(lambda: topic.icon_custom_emoji_id == TOPIC_ICONS["🔥"], within=10)
    take = KK("staff-btn-take")
    assert take in str(posted["reply_markup"])  # the card's buttons are in Kazakh

    # the Kazakhstan chat's menu: staff commands only, in Kazakh, for both staff members
    for user in (IRYNA, ASKAR):
        menu = box.state.commands_for(box.state.chats[KZ_CHAT], box.state.users[user])
        assert menu[0]["description"] == KK("command-staff-find")
        assert "start" not in [c["command"] for c in menu]

    # Iryna is not staff there: refused, in Kazakh
    pressed = box.state.press_button(KZ_CHAT, posted["message_id"], user_id=IRYNA, text=take)
    refused = await box.state.wait_for(
        lambda: box.state.callbacks[pressed["callback_query_id"]].answer, within=10
    )
    assert refused["text"] == KK("staff-not-allowed")

    told = await box.reply_after(
        DMITRY,
        lambda: box.state.press_button(KZ_CHAT, posted["message_id"], user_id=ASKAR, text=take),
        "R-000001",
    )
    assert "в работе" in told["text"]  # the member reads their own language
    await box.state.wait_for(lambda: topic.icon_custom_emoji_id == TOPIC_ICONS["⚡️"], within=10)
    await box.stored(
        "select status, assignee_telegram_id, staff_chat_id from requests",
        [("in_progress", ASKAR, KZ_CHAT)],
    )
