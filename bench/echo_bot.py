"""The baseline of the member benches: a bare aiogram bot, ``python -m bench.echo_bot``.

It does the least a bot answering the same updates could do: a message is answered with its
text (or "ok") and one inline button, a pressed button is answered and its message edited. Plain
aiogram polling, no database, no dialogs, no middlewares. It reads BOT_TOKEN and BOT_API_URL and
registers an empty command list on start, which tells the bench that it is ready.
"""

from __future__ import annotations

import asyncio
import logging
import os

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

BUTTON = "echo"
KEYBOARD = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text=BUTTON, callback_data=BUTTON)]]
)


def create_dispatcher() -> Dispatcher:
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "ok", reply_markup=KEYBOARD)

    @dp.callback_query()
    async def pressed(query: CallbackQuery) -> None:
        await query.answer()
        if isinstance(query.message, Message):
            await query.message.edit_text(f"{query.data} {query.id}", reply_markup=KEYBOARD)

    return dp


async def main() -> None:
    api = TelegramAPIServer.from_base(os.environ["BOT_API_URL"])
    bot = Bot(os.environ["BOT_TOKEN"], session=AiohttpSession(api=api))
    await bot.set_my_commands([])
    await create_dispatcher().start_polling(bot, handle_signals=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main())
