"""The bot's Bot API session: aiogram's `AiohttpSession`, encoding and parsing in fewer steps.

A member step that shows a month calendar sends a 45–49-button inline keyboard, and Telegram
echoes the keyboard back in the returned `Message`. Stock aiogram walks every field of every
button through `prepare_value` (a chain of `isinstance` checks each, for fields that are mostly
None) and validates the echoed keyboard into ~50 models, each running aiogram's Python hooks
(`remove_unset`, `model_post_init`). Here, through the session's public extension points
(`build_form_data`, `prepare_value`, `make_request`, `check_response`):

- **Encoding.** The method is dumped once with `exclude_none` (aiogram drops every None anyway:
  a top-level one as a falsy value, a nested one by `is not None`), and `prepare_value` passes
  plain values (`str`, `int`, `float`, `bool`, `dict`, `list` by exact type) through without
  its chain of checks. Anything else (defaults such as `parse_mode`, uploads, dates, enums,
  models) goes to aiogram's own `prepare_value`, so the form is field for field the one stock
  aiogram builds (tests/test_api_session.py compares the bytes sent).
- **Parsing.** When Telegram echoes back exactly the inline keyboard that was sent (compared
  as decoded JSON), the returned `Message` is validated with the sent keyboard object in its
  place instead of a copy rebuilt from JSON: equal field for field, frozen, and the rest of the
  result validated as before. Anything else (no keyboard, a keyboard Telegram changed, an error,
  a status outside 2xx) goes through aiogram's `check_response` unchanged, so `TelegramBadRequest`,
  `TelegramRetryAfter`, `TelegramMigrateToChat`… are raised exactly as aiogram raises them. What
  reads returned messages (aiogram-dialog's message manager, dialogs/message_manager.py) reads
  their id, chat, text, media, content type and protection, never the keyboard objects' `bot`
  (the one thing that differs: the sent keyboard is not bound to the bot).
- **Result types kept.** `Response[Message]` and its kin are held by the session: pydantic caches
  them weakly, and after a garbage collection aiogram built the class again (~8 ms each).

`bench/api_bench.py` measures both against the stock session in the same run.
"""

from __future__ import annotations

import string
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, cast

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import Response
from aiogram.methods.base import TelegramType
from aiogram.types import InlineKeyboardMarkup
from aiohttp import ClientError, FormData
from aiohttp.payload import BytesPayload, Payload
from pydantic import ValidationError

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import TelegramMethod
    from aiogram.types import InputFile

# values aiogram's prepare_value returns unchanged when nested and json-dumps at the top level:
# by exact type, so that str or int enums, bool's parent int etc. take aiogram's own path
_PLAIN: frozenset[type] = frozenset({str, int, float, bool})

_URLENCODED = "application/x-www-form-urlencoded"
# urllib.parse.quote_plus of UTF-8 bytes: unreserved bytes kept, space as "+", the rest %XX
_UNRESERVED = frozenset(string.ascii_letters.encode() + string.digits.encode() + b"_.-~")
_QUOTE_PLUS = {
    byte: chr(byte) if byte in _UNRESERVED else "+" if byte == ord(" ") else f"%{byte:02X}"
    for byte in range(256)
}


def _quote_plus(text: str) -> str:
    return text.encode("utf-8").decode("latin-1").translate(_QUOTE_PLUS)


def _form(bot: Bot, fields: list[tuple[str, Any]], files: dict[str, InputFile]) -> FormData:
    """`AiohttpSession.build_form_data`'s FormData from prepared fields."""
    form = FormData(quote_fields=False)
    for key, value in fields:
        form.add_field(key, value)
    for key, file in files.items():
        form.add_field(key, file.read(bot), filename=file.filename or key)
    return form


class BotApiSession(AiohttpSession):
    """`AiohttpSession` sending the same requests and returning equal results, at less CPU."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # `Response[Message]` and its kin, kept alive: pydantic caches a parametrized generic
        # weakly, and aiogram's check_response does not keep it, so each garbage collection
        # dropped them and the next call built the class again (~8 ms for one holding Message;
        # py-spy found one rebuild per member in the calendar step)
        self._response_types: dict[Any, Any] = {}

    async def close(self) -> None:
        """aiogram's close, without its quarter-second wait where no connection can be TLS.

        aiogram sleeps 250 ms after closing aiohttp's session, for TLS connections to finish
        closing (aiohttp's "graceful shutdown"). A Bot API server whose methods and files are
        both reached over plain HTTP, with no proxy (a self-hosted `telegram-bot-api` on
        localhost, the sandbox's stand-in), leaves none to wait for, and every stop of the bot,
        of a worker and of each test's bot waited for nothing."""
        tls = any(url.startswith("https:") for url in (self.api.base, self.api.file))
        if tls or self._proxy is not None:
            await super().close()
        elif self._session is not None and not self._session.closed:
            await self._session.close()

    def response_type(self, method: TelegramMethod[TelegramType]) -> Any:
        """`Response[method.__returning__]`, built once per result type for this session."""
        returning = method.__returning__
        found = self._response_types.get(returning)
        if found is None:
            found = self._response_types[returning] = Response[returning]  # type: ignore[valid-type]
        return found

    def prepare_value(
        self,
        value: Any,
        bot: Bot,
        files: dict[str, Any],
        _dumps_json: bool = True,
    ) -> Any:
        kind = type(value)
        if kind is str:
            return value
        if kind is dict:
            prepared: Any = self._prepare_dict(value, bot, files)
        elif kind is list:
            prepared = self._prepare_list(value, bot, files)
        elif kind in _PLAIN:  # int, float, bool: as aiogram's last branch
            return self.json_dumps(value) if _dumps_json else value
        else:
            return super().prepare_value(value, bot=bot, files=files, _dumps_json=_dumps_json)
        return self.json_dumps(prepared) if _dumps_json else prepared

    def _prepare_dict(self, value: dict[str, Any], bot: Bot, files: dict[str, Any]) -> Any:
        prepared = {}
        for key, item in value.items():
            if type(item) in _PLAIN:
                prepared[key] = item
            elif item is not None:
                item = self.prepare_value(item, bot=bot, files=files, _dumps_json=False)
                if item is not None:
                    prepared[key] = item
        return prepared

    def _prepare_list(self, value: list[Any], bot: Bot, files: dict[str, Any]) -> Any:
        prepared = []
        for item in value:
            if type(item) in _PLAIN:
                prepared.append(item)
            elif item is not None:
                item = self.prepare_value(item, bot=bot, files=files, _dumps_json=False)
                if item is not None:
                    prepared.append(item)
        return prepared

    def build_form_data(self, bot: Bot, method: TelegramMethod[TelegramType]) -> FormData:
        fields, files, _ = self._prepare_fields(bot, method)
        return _form(bot, fields, files)

    def _prepare_fields(
        self, bot: Bot, method: TelegramMethod[TelegramType]
    ) -> tuple[list[tuple[str, Any]], dict[str, InputFile], dict[str, Any] | None]:
        """The form's fields and files as `AiohttpSession.build_form_data` makes them, and the
        inline keyboard as sent (decoded) when the method carries one."""
        fields = []
        files: dict[str, InputFile] = {}
        sent_keyboard = None
        for key, value in method.model_dump(warnings=False, exclude_none=True).items():
            if key == "reply_markup" and type(value) is dict:
                prepared = self.prepare_value(value, bot=bot, files=files, _dumps_json=False)
                if type(getattr(method, "reply_markup", None)) is InlineKeyboardMarkup:
                    sent_keyboard = prepared
                value = self.json_dumps(prepared)
            else:
                value = self.prepare_value(value, bot=bot, files=files)
            if not value:
                continue
            fields.append((key, value))
        return fields, files, sent_keyboard

    def encode(
        self, bot: Bot, method: TelegramMethod[TelegramType]
    ) -> tuple[Payload | FormData, dict[str, Any] | None]:
        """The request's body, and the inline keyboard as sent (see `parse_response`)."""
        fields, files, sent_keyboard = self._prepare_fields(bot, method)
        if files or not all(isinstance(value, str) for _, value in fields):
            return _form(bot, fields, files), sent_keyboard
        # FormData's own urlencoded body (no file: aiohttp sends the fields url-encoded), with
        # its quoting (urllib's quote_plus, a Python loop per byte) done by one str.translate
        body = "&".join(f"{_quote_plus(key)}={_quote_plus(value)}" for key, value in fields)
        return BytesPayload(body.encode(), content_type=_URLENCODED), sent_keyboard

    def parse_response(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        status_code: int,
        content: str,
        sent_keyboard: dict[str, Any] | None,
    ) -> Response[TelegramType]:
        """`check_response`, with the sent keyboard object standing for its exact echo."""
        response_type = self.response_type(method)  # also what check_response looks up
        if sent_keyboard is not None and HTTPStatus.OK <= status_code <= HTTPStatus.IM_USED:
            try:
                data = self.json_loads(content)
            except Exception:  # check_response below raises aiogram's error
                data = None
            result = data.get("result") if type(data) is dict and data.get("ok") is True else None
            if type(result) is dict and result.get("reply_markup") == sent_keyboard:
                keyboard = getattr(method, "reply_markup", None)
                data = {**data, "result": {**result, "reply_markup": keyboard}}
                try:
                    response = response_type.model_validate(data, context={"bot": bot})
                except ValidationError:
                    pass  # aiogram's path raises its own error for it
                else:
                    if response.ok:
                        return cast(Response[TelegramType], response)
        return self.check_response(bot=bot, method=method, status_code=status_code, content=content)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 (aiogram's signature)
    ) -> TelegramType:
        # AiohttpSession.make_request, with the encoding and the parsing above
        session = await self.create_session()
        url = self.api.api_url(token=bot.token, method=method.__api_method__)
        body, sent_keyboard = self.encode(bot, method)
        try:
            async with session.post(
                url,
                data=body,
                # a number, as aiogram passes it (aiohttp makes it ClientTimeout(total=...))
                timeout=self.timeout if timeout is None else timeout,  # type: ignore[arg-type]
            ) as resp:
                raw_result = await resp.text()
        except TimeoutError as e:
            raise TelegramNetworkError(method=method, message="Request timeout error") from e
        except ClientError as e:
            raise TelegramNetworkError(method=method, message=f"{type(e).__name__}: {e}") from e
        response = self.parse_response(bot, method, resp.status, raw_result, sent_keyboard)
        return cast(TelegramType, response.result)
