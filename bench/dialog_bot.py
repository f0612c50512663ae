"""The decided stack's own floor: a bare aiogram-dialog bot, ``python -m bench.dialog_bot``.

The member steps of `bench/steps_bench.py` made with aiogram 3 and aiogram-dialog 2 as their
documentation shows, and nothing else: the same screens (a menu, the phone shared with the
contact button, the request kinds, the referral typed, a month calendar, a typed date), the
same English button labels (so the bench presses them with the project's own acts), the same
kinds of Bot API calls as the framework makes them (the old screen's keyboard taken away, then
the new screen sent), and the stock `Calendar` widget. No database, no translations, no
middlewares: dialog state in aiogram's `MemoryStorage` (lost when the process stops), a
member's phone and card in a dict. Its throughput against the echo bot's is what any bot built
on the two frameworks pays before it stores anything; the project's against its own is what the
project adds. With REDIS_URL set the dialog state is kept in aiogram's own `RedisStorage`
instead, as aiogram-dialog's documentation sets it up (with a pool that waits for a free
connection: the stock one fails an update when 100 are in use): the least a bot on the stack
pays for dialogs that survive a restart.

It reads BOT_TOKEN, BOT_API_URL and REDIS_URL and registers an empty command list on start,
which tells the bench that it is ready.
"""

from __future__ import annotations

import asyncio
import logging
import os
from datetime import date, datetime
from typing import Any

from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ContentType
from aiogram.filters import CommandStart
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.fsm.storage.redis import RedisStorage
from aiogram.types import Message
from aiogram_dialog import ChatEvent, Dialog, DialogManager, StartMode, Window, setup_dialogs
from aiogram_dialog.widgets.input import ManagedTextInput, MessageInput, TextInput
from aiogram_dialog.widgets.kbd import (
    Button,
    Calendar,
    Cancel,
    Column,
    Group,
    ManagedCalendar,
    RequestContact,
    Row,
    Start,
    SwitchTo,
)
from aiogram_dialog.widgets.markup.reply_keyboard import ReplyKeyboardFactory
from aiogram_dialog.widgets.text import Const, Format
from redis.asyncio import BlockingConnectionPool, Redis

REDIS_CONNECTIONS = 100  # redis-py's default pool size
# what a member has: their phone once shared, and the card found for it (no registry here)
MEMBERS: dict[int, dict[str, str]] = {}


class MenuSG(StatesGroup):
    main = State()


class PhoneSG(StatesGroup):
    ask = State()
    linked = State()


class LabSG(StatesGroup):
    kind = State()
    referral = State()
    attach = State()
    day = State()
    lab = State()


async def menu_getter(event_from_user: Any, **_: Any) -> dict[str, Any]:
    member = MEMBERS.get(event_from_user.id, {})
    return {"name": event_from_user.first_name, "confirmed": bool(member), **member}


async def on_contact(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    contact, sender = message.contact, message.from_user
    if contact is None or sender is None or contact.user_id != sender.id:
        return  # a contact is taken from its owner only
    MEMBERS[sender.id] = {"phone": contact.phone_number, "policy": f"STEP-{sender.id}"}
    await manager.switch_to(PhoneSG.linked)


async def on_referral(
    _message: Message, _widget: ManagedTextInput[str], manager: DialogManager, text: str
) -> None:
    manager.dialog_data["tests"] = text
    await manager.switch_to(LabSG.attach)


def typed_day(text: str) -> date:
    return datetime.strptime(text.strip(), "%d.%m.%Y").date()  # noqa: DTZ007 (a date, no time)


async def on_typed_day(
    _message: Message, _widget: ManagedTextInput[date], manager: DialogManager, day: date
) -> None:
    manager.dialog_data["day"] = day.isoformat()
    await manager.switch_to(LabSG.lab)


async def on_day(
    _event: ChatEvent, _widget: ManagedCalendar, manager: DialogManager, day: date, /
) -> None:
    manager.dialog_data["day"] = day.isoformat()
    await manager.switch_to(LabSG.lab)


async def on_wrong_day(
    message: Message, _widget: ManagedTextInput[date], _manager: DialogManager, _error: ValueError
) -> None:
    await message.answer("Type the date as DD.MM.YYYY, or pick it on the calendar.")


def dialogs() -> list[Dialog]:
    menu = Dialog(
        Window(
            Format("👋 Hello, {name}!"),
            Format("💳 Active card: {policy}", when="confirmed"),
            Const("Confirm your phone number to see your cards.", when=~F["confirmed"]),
            Start(Const("📱 Confirm phone"), id="phone", state=PhoneSG.ask, when=~F["confirmed"]),
            Group(
                Row(
                    Start(Const("📝 New request"), id="new", state=LabSG.kind),
                    Button(Const("📋 My requests"), id="requests"),
                ),
                Button(Const("💳 My cards"), id="cards"),
                Button(Const("➕ Add a card by insured ID"), id="add"),
                Row(
                    Button(Const("👤 Profile"), id="profile"), Button(Const("☎️ Support"), id="sup")
                ),
                Row(Button(Const("🌐 Language"), id="lang"), Button(Const("❓ Help"), id="help")),
                when="confirmed",
            ),
            getter=menu_getter,
            state=MenuSG.main,
        )
    )
    phone = Dialog(
        Window(
            Const("📱 Tap Share my phone number below."),
            RequestContact(Const("📱 Share my phone number")),
            Cancel(Const("⬅️ Back")),
            MessageInput(on_contact, content_types=[ContentType.CONTACT]),
            markup_factory=ReplyKeyboardFactory(resize_keyboard=True),
            state=PhoneSG.ask,
        ),
        Window(
            Format("✅ Phone {phone} is confirmed.\nI found one insurance card: {policy}"),
            Column(
                Button(Const("💳 My cards"), id="cards"),
                Start(
                    Const("🏠 Main menu"), id="menu", state=MenuSG.main, mode=StartMode.RESET_STACK
                ),
            ),
            getter=menu_getter,
            state=PhoneSG.linked,
        ),
    )
    lab = Dialog(
        Window(
            Const("📝 What do you need?"),
            Column(
                Button(Const("🩺 Doctor appointment"), id="doctor"),
                Button(Const("💊 Medicines"), id="medicines"),
                SwitchTo(Const("🧪 Lab tests"), id="lab", state=LabSG.referral),
                Button(Const("💰 Reimbursement"), id="money"),
                Button(Const("📞 Call me back"), id="call"),
                Cancel(Const("⬅️ Back")),
            ),
            state=LabSG.kind,
        ),
        Window(
            Const("🧪 Type the tests from your referral."),
            TextInput(id="tests", on_success=on_referral),
            SwitchTo(Const("⬅️ Back"), id="back", state=LabSG.kind),
            state=LabSG.referral,
        ),
        Window(
            Format("🧪 {dialog_data[tests]}\n📎 Attach a photo of the referral, or press Next."),
            SwitchTo(Const("➡️ Next"), id="next", state=LabSG.day),
            SwitchTo(Const("⬅️ Back"), id="back", state=LabSG.referral),
            state=LabSG.attach,
        ),
        Window(
            Const("📅 When would you like to go? Pick a day or type it as DD.MM.YYYY."),
            Calendar(id="calendar", on_click=on_day),
            TextInput(
                id="day", type_factory=typed_day, on_success=on_typed_day, on_error=on_wrong_day
            ),
            SwitchTo(Const("⬅️ Back"), id="back", state=LabSG.attach),
            state=LabSG.day,
        ),
        Window(
            Format("📅 {dialog_data[day]}. Now find a laboratory nearby."),
            Cancel(Const("🏠 Main menu")),
            state=LabSG.lab,
        ),
    )
    return [menu, phone, lab]


def create_dispatcher(redis_url: str = "") -> Dispatcher:
    storage: BaseStorage = MemoryStorage()
    if redis_url:
        # redis-py's own pool refuses the 101st connection at once ("Too many connections"),
        # which 500 members at once reach: this one makes an update wait for a connection
        pool = BlockingConnectionPool.from_url(redis_url, max_connections=REDIS_CONNECTIONS)
        key_builder = DefaultKeyBuilder(with_destiny=True)  # aiogram-dialog's stacks need it
        storage = RedisStorage(Redis(connection_pool=pool), key_builder=key_builder)
    dp = Dispatcher(storage=storage, events_isolation=SimpleEventIsolation())

    @dp.message(CommandStart())
    async def start(_message: Message, dialog_manager: DialogManager) -> None:
        await dialog_manager.start(MenuSG.main, mode=StartMode.RESET_STACK)

    dp.include_routers(*dialogs())
    setup_dialogs(dp)
    return dp


async def main() -> None:
    api = TelegramAPIServer.from_base(os.environ["BOT_API_URL"])
    bot = Bot(os.environ["BOT_TOKEN"], session=AiohttpSession(api=api))
    await bot.set_my_commands([])
    dp = create_dispatcher(os.environ.get("REDIS_URL", ""))
    try:
        await dp.start_polling(bot, handle_signals=True)
    finally:
        await dp.storage.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main())
