"""Bot API encode + parse, the bot's session against stock aiogram: ``python -m bench.api_bench``.

Per call, the CPU (process time) of turning a method into the request body aiohttp sends and
of turning Telegram's answer into the result, through aiogram's `AiohttpSession` and through
the bot's `BotApiSession` (bot/api_session.py), in the same run, alternating (stock, ours,
stock, ours: ``--rounds``) and taking each side's median round. No network: the body is built
as aiohttp builds it for the post, and the answer is what Telegram returns for the call (the
message, its inline keyboard echoed). The calls: a month calendar page as the date step sends
it (49 buttons) and as it edits it in place, and a short menu.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.enums import ParseMode
from aiogram.methods import EditMessageText, SendMessage, TelegramMethod
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.api_session import BotApiSession

TOKEN = "42:BENCH"  # noqa: S105 (no bot connects: nothing is sent)
MEMBER = 30001
INTENT = "aB3dE6gH9jK1"  # an intent id as dialogs/intent_ids.py makes them


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=f"{INTENT}\x1d{data}")


def month_page() -> InlineKeyboardMarkup:
    """A month page as aiogram-dialog's calendar renders it (49 buttons)."""
    rows = [
        [_button("<<", "date:-"), _button("Листопад 2026", "date:M"), _button(">>", "date:+")],
        [_button(day, "") for day in ("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд")],
    ]
    first = 1793491200  # 2026-11-01, the raw dates aiogram-dialog puts in callback data
    days = [_button(str(n % 30 + 1), f"date:{first + n * 86400}") for n in range(35)]
    rows += [days[i : i + 7] for i in range(0, 35, 7)]
    rows.append([_button("Сьогодні", "date:T"), _button("Обрати місяць", "date:S")])
    rows.append([_button("« Назад", "back"), _button("Скасувати", "cancel")])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def menu() -> InlineKeyboardMarkup:
    texts = ("📝 Нове звернення", "📋 Мої звернення", "🪪 Мої картки", "💬 Підтримка", "🌐 Мова")
    return InlineKeyboardMarkup(
        inline_keyboard=[[_button(text, f"menu:{n}")] for n, text in enumerate(texts)]
    )


CALLS: dict[str, Callable[[], TelegramMethod[Any]]] = {
    "sendMessage, month calendar": lambda: SendMessage(
        chat_id=MEMBER, text="Оберіть <b>дату</b> прийому:", reply_markup=month_page()
    ),
    "editMessageText, month calendar": lambda: EditMessageText(
        chat_id=MEMBER,
        message_id=41,
        text="Оберіть <b>дату</b> прийому:",
        reply_markup=month_page(),
    ),
    "sendMessage, menu": lambda: SendMessage(
        chat_id=MEMBER, text="<b>Головне меню</b>\nОберіть дію:", reply_markup=menu()
    ),
}


def answer(method: TelegramMethod[Any]) -> str:
    """Telegram's answer: the message with its entities and the inline keyboard echoed."""
    markup = getattr(method, "reply_markup", None)
    message = {
        "message_id": getattr(method, "message_id", None) or 42,
        "from": {"id": 42, "is_bot": True, "first_name": "Bot", "username": "member_bot"},
        "chat": {"id": MEMBER, "type": "private", "first_name": "Олена", "username": "olena"},
        "date": 1795000000,
        "text": "Оберіть дату прийому:",
        "entities": [{"type": "bold", "offset": 8, "length": 4}],
    }
    if isinstance(markup, InlineKeyboardMarkup):
        message["reply_markup"] = json.loads(markup.model_dump_json(exclude_none=True))
    return json.dumps({"ok": True, "result": message}, ensure_ascii=False)


@dataclass(frozen=True)
class Row:
    call: str
    stock_encode_us: float
    stock_parse_us: float
    ours_encode_us: float
    ours_parse_us: float

    @property
    def stock_us(self) -> float:
        return self.stock_encode_us + self.stock_parse_us

    @property
    def ours_us(self) -> float:
        return self.ours_encode_us + self.ours_parse_us

    @property
    def ratio(self) -> float:
        """Our CPU per call as a share of stock aiogram's (below 1: cheaper)."""
        return self.ours_us / self.stock_us


def _per_call_us(work: Callable[[], object], calls: int) -> float:
    began = time.process_time()
    for _ in range(calls):
        work()
    return (time.process_time() - began) / calls * 1e6


def _sides(
    stock: Bot,
    stock_session: AiohttpSession,
    ours: Bot,
    ours_session: BotApiSession,
    method: TelegramMethod[Any],
    content: str,
) -> dict[str, list[Callable[[], object]]]:
    """Each side's encode and parse of one call."""
    sent = ours_session.encode(ours, method)[1]
    return {
        # what aiohttp posts: FormData called for its payload (the url-encoded body)
        "stock": [
            lambda: stock_session.build_form_data(stock, method)(),
            lambda: stock_session.check_response(stock, method, 200, content),
        ],
        "ours": [
            lambda: ours_session.encode(ours, method),
            lambda: ours_session.parse_response(ours, method, 200, content, sent),
        ],
    }


def measure(rounds: int = 5, calls: int = 300) -> list[Row]:
    defaults = DefaultBotProperties(parse_mode=ParseMode.HTML)  # as bot/factory.py
    stock_session, ours_session = AiohttpSession(), BotApiSession()
    stock = Bot(TOKEN, session=stock_session, default=defaults)
    ours = Bot(TOKEN, session=ours_session, default=defaults)
    rows = []
    for name, make in CALLS.items():
        method = make()
        sides = _sides(stock, stock_session, ours, ours_session, method, answer(method))
        for work in (*sides["stock"], *sides["ours"]):
            work()  # warm: pydantic builds its validators on first use
        figures: dict[str, list[list[float]]] = {"stock": [[], []], "ours": [[], []]}
        for _ in range(rounds):
            for side, works in sides.items():
                for n, work in enumerate(works):
                    figures[side][n].append(_per_call_us(work, calls))
        median = {side: [statistics.median(f) for f in fs] for side, fs in figures.items()}
        rows.append(Row(name, *median["stock"], *median["ours"]))
    return rows


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="stock/ours alternations")
    parser.add_argument("--calls", type=int, default=300, help="calls per side in a round")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    rows = measure(args.rounds, args.calls)
    heads = ("call", "stock: encode + parse", "ours: encode + parse", "ours / stock")
    print(f"{heads[0]:34} {heads[1]:>24} {heads[2]:>24} {heads[3]:>12}")  # noqa: T201
    for row in rows:
        print(  # noqa: T201
            f"{row.call:34} "
            f"{row.stock_encode_us:>8.0f} + {row.stock_parse_us:>5.0f} = {row.stock_us:>5.0f} µs "
            f"{row.ours_encode_us:>8.0f} + {row.ours_parse_us:>5.0f} = {row.ours_us:>5.0f} µs "
            f"{row.ratio:>11.2f}x"
        )


if __name__ == "__main__":
    main()
