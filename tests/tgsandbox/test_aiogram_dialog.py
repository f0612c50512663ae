"""aiogram-dialog against the emulator: windows are sent, buttons switch them by editing."""

from __future__ import annotations

import asyncio
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.filters import CommandStart
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager, StartMode, Window, setup_dialogs
from aiogram_dialog.widgets.kbd import Button, RequestContact, Row, SwitchTo
from aiogram_dialog.widgets.markup.reply_keyboard import ReplyKeyboardFactory
from aiogram_dialog.widgets.text import Const, Format

from tests.polling_stop import stop_polling
from tests.tgsandbox.conftest import MEMBER
from tgsandbox import EmulatorState


class Flow(StatesGroup):
    menu = State()
    card = State()
    phone = State()


async def card_getter(**_: Any) -> dict[str, Any]:
    return {"policy": "R-000042"}


async def on_close(query: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await query.answer("Closed")
    await manager.done()


def make_dispatcher() -> Dispatcher:
    dialog = Dialog(
        Window(
            Const("<b>Menu</b>"),
            Row(SwitchTo(Const("Card"), id="card", state=Flow.card)),
            SwitchTo(Const("Phone"), id="phone", state=Flow.phone),
            state=Flow.menu,
        ),
        Window(
            Format("Policy {policy}"),
            SwitchTo(Const("Back"), id="back", state=Flow.menu),
            Button(Const("Close"), id="close", on_click=on_close),
            state=Flow.card,
            getter=card_getter,
        ),
        Window(
            Const("Share your phone"),
            RequestContact(Const("Share")),
            markup_factory=ReplyKeyboardFactory(resize_keyboard=True),
            state=Flow.phone,
        ),
    )
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message, dialog_manager: DialogManager) -> None:
        await dialog_manager.start(Flow.menu, mode=StartMode.RESET_STACK)

    dp = Dispatcher()
    dp.include_routers(router, dialog)
    setup_dialogs(dp)
    return dp


async def test_dialog_windows_roundtrip(bot: Bot, state: EmulatorState) -> None:
    from aiogram.client.default import DefaultBotProperties

    bot.default = DefaultBotProperties(parse_mode="HTML")
    dp = make_dispatcher()
    # handle_as_tasks=False: an update is confirmed only once handled, so wait_delivered()
    # means the dialog has also saved its context.
    polling = asyncio.create_task(
        dp.start_polling(bot, polling_timeout=1, handle_signals=False, handle_as_tasks=False)
    )
    chat = state.chats[MEMBER]
    try:
        state.send_text(MEMBER, "/start")
        await state.wait_delivered(3)
        [menu] = [m for m in chat.messages.values() if m["from"]["is_bot"]]
        assert menu["text"] == "Menu"
        assert menu["entities"][0]["type"] == "bold"

        state.press_button(MEMBER, menu["message_id"], text="Card")
        await state.wait_delivered(3)
        assert menu["text"] == "Policy R-000042"
        assert "edit_date" in menu  # edited in place, not re-sent

        pressed = state.press_button(MEMBER, menu["message_id"], text="Close")
        await state.wait_delivered(3)
        answer = state.callbacks[pressed["callback_query_id"]].answer
        assert answer is not None and answer["text"] == "Closed"
        assert "reply_markup" not in menu  # done() removes the keyboard
        # aiogram-dialog answers again; Telegram refuses that, and so does the emulator.
        failed = [c for c in state.calls if c["method"] == "answerCallbackQuery" and not c["ok"]]
        assert "query is too old" in failed[-1]["description"]

        state.send_text(MEMBER, "/start")
        await state.wait_delivered(3)
        fresh = [m for m in chat.messages.values() if m["from"]["is_bot"]][-1]
        state.press_button(MEMBER, fresh["message_id"], text="Phone")
        await state.wait_delivered(3)
        assert chat.reply_keyboard is not None
        assert chat.reply_keyboard["keyboard"][0][0]["request_contact"] is True
    finally:
        await stop_polling(dp, polling)
