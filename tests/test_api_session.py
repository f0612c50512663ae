"""The bot's Bot API session keeps aiogram's answer models made (bot/api_session.py)."""

from __future__ import annotations

import gc
import json

from aiogram.methods import AnswerCallbackQuery, SendMessage
from pydantic._internal import _generics

from bot.config import Settings
from bot.factory import create_bot

MESSAGE = {"message_id": 7, "date": 1, "chat": {"id": 1, "type": "private"}, "text": "hi"}


async def test_answer_models_are_made_once_however_often_the_garbage_is_collected(
    monkeypatch,
) -> None:
    made: list[str] = []
    create = _generics.create_generic_submodel

    def counting(name, *args):  # type: ignore[no-untyped-def]
        made.append(name)
        return create(name, *args)

    monkeypatch.setattr(_generics, "create_generic_submodel", counting)
    settings = Settings(bot_token="123456:TEST-token", _env_file=None)  # type: ignore[call-arg]
    bot = create_bot(settings)
    try:
        for _ in range(3):
            sent = bot.session.check_response(
                bot,
                SendMessage(chat_id=1, text="hi"),
                200,
                json.dumps({"ok": True, "result": MESSAGE}),
            )
            answered = bot.session.check_response(
                bot, AnswerCallbackQuery(callback_query_id="1"), 200, '{"ok": true, "result": true}'
            )
            assert sent.result is not None and sent.result.message_id == 7
            assert answered.result is True
            del sent, answered  # nothing of ours holds the models any more
            gc.collect()
    finally:
        await bot.session.close()
    assert made.count("Response[Message]") <= 1
    assert made.count("Response[bool]") <= 1
