"""The bot's Bot API session sends the bytes stock aiogram sends and returns what it returns.

Both sessions talk to one small HTTP server that records each request's body and answers with
the response a test sets; the boundary of a multipart body and aiogram's random `attach://`
names are the only things replaced before the bodies are compared.
"""

from __future__ import annotations

import gc
import itertools
import json
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session import aiohttp as aiogram_aiohttp
from aiogram.client.session import base as aiogram_session_base
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ChatAction, ParseMode
from aiogram.exceptions import (
    ClientDecodeError,
    RestartingTelegram,
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import (
    AnswerCallbackQuery,
    BanChatMember,
    CopyMessage,
    CreateForumTopic,
    EditForumTopic,
    EditMessageCaption,
    EditMessageReplyMarkup,
    EditMessageText,
    GetUpdates,
    Response,
    SendChatAction,
    SendDocument,
    SendMediaGroup,
    SendMessage,
    SendPhoto,
    SetMyCommands,
    TelegramMethod,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    FSInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    KeyboardButton,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
)
from aiohttp import web
from aiohttp.test_utils import TestServer
from pydantic import BaseModel
from pydantic._internal import _generics as pydantic_generics

from bot.api_session import BotApiSession
from dialogs.message_manager import KeyboardEdit

MEMBER = 30001
ADMIN_CHAT = -1001234567890
TOKEN = "42:TEST-token"
BOT_USER = {"id": 42, "is_bot": True, "first_name": "Bot", "username": "bot"}
CHAT = {"id": MEMBER, "type": "private", "first_name": "Іван"}


@dataclass
class Recorder:
    """The stand-in Bot API: what each request sent, and what the next one is answered."""

    bodies: list[tuple[str, str, bytes]] = field(default_factory=list)
    status: int = 200
    answer: str = '{"ok": true, "result": true}'

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        self.bodies.append((request.match_info["method"], request.content_type, body))
        ctype = request.headers.get("Content-Type", "")
        if boundary := re.search(r"boundary=\"?([^\";]+)", ctype):
            body = body.replace(boundary.group(1).encode(), b"BOUNDARY")
        self.bodies[-1] = (request.match_info["method"], ctype.split(";")[0], body)
        return web.Response(status=self.status, text=self.answer, content_type="application/json")


@pytest.fixture
async def api() -> AsyncIterator[tuple[Recorder, str]]:
    recorder = Recorder()
    app = web.Application()
    app.router.add_post("/bot{token}/{method}", recorder.handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield recorder, str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


@pytest.fixture
def restart_attach_names(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """aiogram names an upload `attach://<random>`: a counter instead, restarted by a call."""

    def restart() -> None:
        counter = itertools.count()
        monkeypatch.setattr(
            aiogram_session_base.secrets, "token_urlsafe", lambda _n: f"file{next(counter)}"
        )

    return restart


DEFAULTS = {
    "the bot's": DefaultBotProperties(parse_mode=ParseMode.HTML),
    "link previews off, protected": DefaultBotProperties(
        parse_mode="MarkdownV2",
        link_preview_is_disabled=True,
        protect_content=True,
        show_caption_above_media=True,
    ),
}


def calendar(days: int = 49) -> InlineKeyboardMarkup:
    """A month page as aiogram-dialog renders it: a header, weekdays, days, navigation."""
    head = [InlineKeyboardButton(text="Листопад 2026", callback_data="aIoG\x1dcal\x1dM")]
    week = [InlineKeyboardButton(text=d, callback_data=" ") for d in "ПВСЧПСН"]
    cells = [
        InlineKeyboardButton(text=f"{n % 30 + 1}", callback_data=f"aIoG\x1dcal\x1d{20400 + n}")
        for n in range(days)
    ]
    rows = [head, week] + [cells[i : i + 7] for i in range(0, days, 7)]
    rows.append(
        [
            InlineKeyboardButton(text="« Назад & <ще>", callback_data="aIoG\x1dback"),
            InlineKeyboardButton(text="Сайт", url="https://example.org/a?b=c d"),
        ]
    )
    return InlineKeyboardMarkup(inline_keyboard=rows)


def menu() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text="Нове звернення 📝", callback_data="aIoG\x1dnew")],
            [InlineKeyboardButton(text="Мої картки", callback_data="aIoG\x1dcards")],
        ]
    )


PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def methods(document: Path) -> dict[str, TelegramMethod[Any]]:
    """Representative calls of the bot's (and aiogram-dialog's), by name."""
    when = datetime(2026, 11, 22, 5, 0, 7, tzinfo=UTC)
    return {
        "sendMessage, month calendar": SendMessage(
            chat_id=MEMBER, text="Оберіть <b>дату</b> прийому:", reply_markup=calendar()
        ),
        "sendMessage, reply keyboard, thread, reply": SendMessage(
            chat_id=ADMIN_CHAT,
            message_thread_id=77,
            text="Поділіться номером",
            reply_parameters=ReplyParameters(message_id=5, allow_sending_without_reply=True),
            reply_markup=ReplyKeyboardMarkup(
                keyboard=[[KeyboardButton(text="📱 Номер", request_contact=True)]],
                resize_keyboard=True,
                one_time_keyboard=False,
            ),
        ),
        "sendMessage, no parse mode, entities, own preview": SendMessage(
            chat_id=MEMBER,
            text="see https://example.org",
            parse_mode=None,
            entities=[MessageEntity(type="bold", offset=0, length=3)],
            link_preview_options=LinkPreviewOptions(is_disabled=False, url="https://x.org"),
            disable_notification=False,
            reply_markup=ReplyKeyboardRemove(),
        ),
        # every printable ASCII character and some that take 2, 3 and 4 bytes in UTF-8
        "sendMessage, every ASCII character": SendMessage(
            chat_id=MEMBER,
            text="".join(map(chr, range(32, 127))) + "\t\n ї € 😀",
            reply_markup=InlineKeyboardMarkup(
                inline_keyboard=[
                    [InlineKeyboardButton(text="&=+%#?/ \"'", callback_data="a b&c=d+e%")]
                ]
            ),
        ),
        "editMessageText, menu": EditMessageText(
            chat_id=MEMBER, message_id=10, text="Головне меню", reply_markup=menu()
        ),
        "editMessageText, month calendar": EditMessageText(
            chat_id=MEMBER, message_id=11, text="Дата?", reply_markup=calendar(45)
        ),
        "editMessageReplyMarkup": EditMessageReplyMarkup(
            chat_id=MEMBER, message_id=12, reply_markup=menu()
        ),
        "editMessageCaption": EditMessageCaption(chat_id=MEMBER, message_id=13, caption="x"),
        "answerCallbackQuery": AnswerCallbackQuery(
            callback_query_id="cq-1", text="Готово", show_alert=False, cache_time=0
        ),
        "sendPhoto by file_id": SendPhoto(
            chat_id=MEMBER, photo="AgACAgIAAxk-file-id", caption="Картка", reply_markup=menu()
        ),
        "sendPhoto, an upload": SendPhoto(
            chat_id=MEMBER,
            photo=BufferedInputFile(PHOTO, filename="card.png"),
            caption="<i>e-card</i>",
            has_spoiler=True,
        ),
        "sendDocument, a file on disk": SendDocument(
            chat_id=ADMIN_CHAT, document=FSInputFile(document), caption="Реєстр"
        ),
        "sendMediaGroup, file_id and upload": SendMediaGroup(
            chat_id=ADMIN_CHAT,
            message_thread_id=77,
            media=[
                InputMediaPhoto(media="AgACAgIAAxk-file-id", caption="1 / 2"),
                InputMediaDocument(
                    media=BufferedInputFile(b"%PDF-1.4 ...", filename="scan.pdf"),
                    caption="2 / 2",
                ),
            ],
        ),
        "copyMessage, a date": CopyMessage(
            chat_id=ADMIN_CHAT,
            from_chat_id=MEMBER,
            message_id=14,
            message_thread_id=77,
            video_start_timestamp=when,
            reply_markup=menu(),
        ),
        "createForumTopic": CreateForumTopic(
            chat_id=ADMIN_CHAT, name="Іван · +7 701 ••• 45 67", icon_color=0x6FB9F0
        ),
        "editForumTopic, empty emoji": EditForumTopic(
            chat_id=ADMIN_CHAT, message_thread_id=77, name="✅ Іван", icon_custom_emoji_id=""
        ),
        "setMyCommands, chat scope": SetMyCommands(
            commands=[
                BotCommand(command="start", description="Почати"),
                BotCommand(command="find", description="Знайти учасника"),
            ],
            scope=BotCommandScopeChat(chat_id=ADMIN_CHAT),
            language_code="uk",
        ),
        "banChatMember, a date": BanChatMember(chat_id=ADMIN_CHAT, user_id=MEMBER, until_date=when),
        "sendChatAction, an enum": SendChatAction(chat_id=MEMBER, action=ChatAction.TYPING),
        "getUpdates": GetUpdates(offset=100, timeout=10, allowed_updates=["message", "poll"]),
        # an extra field (aiogram's methods allow them): a date and an enum nested in a dict
        "nested values of other types": SendMessage(
            chat_id=MEMBER,
            text="x",
            extra_field={"when": when, "action": ChatAction.TYPING, "none": None, "n": [1, None]},
        ),
    }


NAMES = list(methods(Path("registry.csv")))


def message(**fields: Any) -> dict[str, Any]:
    return {"message_id": 99, "from": BOT_USER, "chat": CHAT, "date": 1795000000, **fields}


def echo(method: TelegramMethod[Any]) -> dict[str, Any]:
    """What Telegram answers `method` with: a message echoing its inline keyboard, if any."""
    markup = getattr(method, "reply_markup", None)
    fields: dict[str, Any] = {"text": getattr(method, "text", None) or "x"}
    if isinstance(markup, InlineKeyboardMarkup):
        fields["reply_markup"] = json.loads(markup.model_dump_json(exclude_none=True))
    if method.__api_method__ == "sendMediaGroup":
        return {"ok": True, "result": [message(**fields), message(**fields)]}
    if method.__api_method__ == "copyMessage":
        return {"ok": True, "result": {"message_id": 100}}
    if method.__api_method__ == "createForumTopic":
        return {"ok": True, "result": {"message_thread_id": 77, "name": "x", "icon_color": 1}}
    if method.__api_method__ == "getUpdates":
        return {"ok": True, "result": []}
    if method.__returning__ is bool:
        return {"ok": True, "result": True}
    return {"ok": True, "result": message(**fields)}


class StockSession(AiohttpSession):
    """aiogram's close() sleeps 250 ms for SSL sockets; plain local HTTP does not need it (the
    bot's own session leaves it out there: the last test below)."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def bots(base: str, defaults: DefaultBotProperties = DEFAULTS["the bot's"]) -> tuple[Bot, Bot]:
    api = TelegramAPIServer.from_base(base)
    stock = Bot(TOKEN, session=StockSession(api=api), default=defaults)
    ours = Bot(TOKEN, session=BotApiSession(api=api), default=defaults)
    return stock, ours


async def call_both(
    stock: Bot, ours: Bot, method: TelegramMethod[Any], restart: Callable[[], None]
) -> tuple[Any, Any]:
    """The method through each bot: what each returned or raised."""
    outcomes: list[Any] = []
    for bot in (stock, ours):
        restart()
        try:
            outcomes.append(await bot(method.model_copy()))
        except Exception as exc:  # what a call raises is compared too
            outcomes.append(exc)
    return outcomes[0], outcomes[1]


def same(a: Any, b: Any) -> None:
    """Equal results: same types all the way down, same values."""
    assert type(a) is type(b)
    if isinstance(a, BaseModel):
        assert a.model_dump() == b.model_dump()
        for name in type(a).model_fields:
            same(getattr(a, name), getattr(b, name))
    elif isinstance(a, list | tuple):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            same(x, y)
    else:
        assert a == b


@pytest.mark.parametrize("defaults", list(DEFAULTS))
@pytest.mark.parametrize("name", NAMES)
async def test_our_session_sends_stock_aiogram_bytes_and_returns_its_results(
    api: tuple[Recorder, str],
    tmp_path: Path,
    restart_attach_names: Callable[[], None],
    name: str,
    defaults: str,
) -> None:
    recorder, base = api
    document = tmp_path / "registry.csv"
    document.write_text("phone;name\n+77011234567;Іван\n", encoding="utf-8")
    method = methods(document)[name]
    recorder.answer = json.dumps(echo(method))
    stock, ours = bots(base, DEFAULTS[defaults])
    try:
        got_stock, got_ours = await call_both(stock, ours, method, restart_attach_names)
    finally:
        await stock.session.close()
        await ours.session.close()
    assert not isinstance(got_stock, Exception), got_stock
    (method1, type1, body1), (method2, type2, body2) = recorder.bodies
    assert (method2, type2) == (method1, type1)
    assert body2 == body1
    same(got_stock, got_ours)


async def test_an_exact_echo_of_the_sent_keyboard_is_the_sent_keyboard_object(
    api: tuple[Recorder, str],
) -> None:
    recorder, base = api
    keyboard = calendar()
    method = SendMessage(chat_id=MEMBER, text="Дата?", reply_markup=keyboard)
    recorder.answer = json.dumps(echo(method))
    _, ours = bots(base)
    try:
        sent = await ours(method)
    finally:
        await ours.session.close()
    assert sent.reply_markup is keyboard
    assert sent.chat.id == MEMBER
    assert sent.bot is ours  # the message itself is bound to the bot as before


async def test_a_keyboard_telegram_changed_is_validated_from_what_it_returned(
    api: tuple[Recorder, str], restart_attach_names: Callable[[], None]
) -> None:
    recorder, base = api
    method = SendMessage(chat_id=MEMBER, text="Меню", reply_markup=menu())
    answer = echo(method)
    answer["result"]["reply_markup"]["inline_keyboard"].pop()  # e.g. a row Telegram dropped
    recorder.answer = json.dumps(answer)
    stock, ours = bots(base)
    try:
        got_stock, got_ours = await call_both(stock, ours, method, restart_attach_names)
    finally:
        await stock.session.close()
        await ours.session.close()
    same(got_stock, got_ours)
    assert got_ours.reply_markup is not method.reply_markup
    assert len(got_ours.reply_markup.inline_keyboard) == 1


def _error(code: int, description: str, **parameters: Any) -> str:
    answer: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        answer["parameters"] = parameters
    return json.dumps(answer)


def _bad_message(**changes: Any) -> str:
    """A success whose keyboard is the sent one's exact echo, but the message is malformed."""
    answer = echo(SendMessage(chat_id=MEMBER, text="Дата?", reply_markup=calendar()))
    answer["result"].update(changes)
    return json.dumps(answer)


ERRORS = {
    "not modified": (400, _error(400, "Bad Request: message is not modified"), TelegramBadRequest),
    "retry after": (
        429,
        _error(429, "Too Many Requests: retry after 7", retry_after=7),
        TelegramRetryAfter,
    ),
    "migrated": (
        400,
        _error(400, "Bad Request: group chat was upgraded", migrate_to_chat_id=-1009),
        TelegramMigrateToChat,
    ),
    "blocked": (403, _error(403, "Forbidden: bot was blocked by the user"), TelegramForbiddenError),
    "not found": (404, _error(404, "Not Found"), TelegramNotFound),
    "restarting": (500, _error(500, "Internal Server Error: restart"), RestartingTelegram),
    "bad gateway": (502, _error(502, "Bad Gateway"), TelegramServerError),
    "not JSON": (200, "<html>502</html>", ClientDecodeError),
    "ok false with 200": (200, _error(400, "Bad Request: odd"), TelegramAPIError),
    "malformed chat": (200, _bad_message(chat={"id": "not a number"}), ClientDecodeError),
    "malformed date": (200, _bad_message(date="yesterday"), ClientDecodeError),
}


@pytest.mark.parametrize("case", list(ERRORS))
async def test_errors_are_raised_as_stock_aiogram_raises_them(
    api: tuple[Recorder, str], restart_attach_names: Callable[[], None], case: str
) -> None:
    recorder, base = api
    recorder.status, recorder.answer, expected = ERRORS[case]
    method = SendMessage(chat_id=MEMBER, text="Дата?", reply_markup=calendar())
    stock, ours = bots(base)
    try:
        got_stock, got_ours = await call_both(stock, ours, method, restart_attach_names)
    finally:
        await stock.session.close()
        await ours.session.close()
    assert type(got_stock) is expected
    assert type(got_ours) is expected
    assert str(got_ours) == str(got_stock)
    for name in ("message", "retry_after", "migrate_to_chat_id"):
        assert getattr(got_ours, name, None) == getattr(got_stock, name, None)


@pytest.mark.parametrize("case", ["taken away", "not modified", "retry after", "blocked"])
async def test_a_keyboard_taken_away_is_stock_aiogram_s_edit_with_its_result_unread(
    api: tuple[Recorder, str], restart_attach_names: Callable[[], None], case: str
) -> None:
    """`KeyboardEdit` (dialogs/message_manager.py) sends the bytes of aiogram's own
    `editMessageReplyMarkup` without a markup and raises what it raises; what Telegram returns
    (the edited message) is handed back as it came, never validated into a `Message`."""
    recorder, base = api
    stock_method = EditMessageReplyMarkup(chat_id=MEMBER, message_id=41)
    edited = {"message_id": 41, "date": 1_700_000_000, "chat": {"id": MEMBER, "type": "private"}}
    if case == "taken away":
        recorder.answer = json.dumps({"ok": True, "result": edited | {"text": "Меню"}})
    else:
        recorder.status, recorder.answer, _ = ERRORS[case]
    stock, ours = bots(base)
    outcomes: list[Any] = []
    try:
        ours_method = KeyboardEdit(**stock_method.model_dump())
        for bot, method in ((stock, stock_method), (ours, ours_method)):
            restart_attach_names()
            try:
                outcomes.append(await bot(method))
            except Exception as exc:  # what a call raises is compared too
                outcomes.append(exc)
    finally:
        await stock.session.close()
        await ours.session.close()
    (method1, type1, body1), (method2, type2, body2) = recorder.bodies
    assert (method2, type2, body2) == (method1, type1, body1)
    assert method1 == "editMessageReplyMarkup"
    got_stock, got_ours = outcomes
    if case == "taken away":
        assert isinstance(got_stock, Message)
        assert got_ours == edited | {"text": "Меню"}  # as Telegram sent it
    else:
        assert type(got_ours) is type(got_stock)
        assert getattr(got_ours, "retry_after", None) == getattr(got_stock, "retry_after", None)
        # aiogram names the method's class in what it says
        assert str(got_ours).replace("KeyboardEdit", "EditMessageReplyMarkup") == str(got_stock)


def test_result_types_outlive_a_garbage_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    """pydantic caches `Response[Message]` weakly: the session keeps it, so neither its parse
    nor aiogram's check_response builds the class again after a collection."""
    session = BotApiSession()
    methods = [EditMessageText(chat_id=MEMBER, message_id=1, text="x"), GetUpdates()]
    for method in methods:
        session.response_type(method)
    built: list[str] = []
    create = pydantic_generics.create_generic_submodel
    monkeypatch.setattr(
        pydantic_generics,
        "create_generic_submodel",
        lambda name, *args, **kwargs: built.append(name) or create(name, *args, **kwargs),
    )
    gc.collect()
    for method in methods:
        assert Response[method.__returning__] is session.response_type(method)
    assert built == []


LOCAL = TelegramAPIServer.from_base("http://127.0.0.1:8081")


@pytest.mark.parametrize(
    ("api", "waits"),
    [
        (LOCAL, []),
        (TelegramAPIServer.from_base("https://api.telegram.org"), [0.25]),
        (TelegramAPIServer(base=LOCAL.base, file="https://files.example/{token}/{path}"), [0.25]),
    ],
    ids=["plain HTTP", "TLS", "files over TLS"],
)
async def test_closing_waits_for_tls_connections_only_where_there_can_be_some(
    monkeypatch: pytest.MonkeyPatch, api: TelegramAPIServer, waits: list[float]
) -> None:
    """aiogram's close sleeps 250 ms for TLS connections to finish closing: kept for a server
    reached over HTTPS, left out over plain HTTP (nothing to wait for; every test's bot and every
    stop of the bot against a local server paid it)."""
    session = BotApiSession(api=api)
    client = await session.create_session()
    slept: list[float] = []

    async def sleep(delay: float) -> None:
        slept.append(delay)

    monkeypatch.setattr(aiogram_aiohttp.asyncio, "sleep", sleep)
    await session.close()
    assert client.closed
    assert slept == waits
