"""Checks Telegram makes on outgoing text, captions and keyboards."""

from __future__ import annotations

import json
import re
from typing import Any

from tgsandbox.errors import (
    CAPTION_TOO_LONG,
    TEXT_EMPTY,
    TEXT_TOO_LONG,
    bad_request,
)
from tgsandbox.html_markup import parse_html
from tgsandbox.markdown_markup import parse_markdown_legacy, parse_markdown_v2

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
_INLINE_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_URL = re.compile(r"^(https?|tg)://\S+$", re.IGNORECASE)
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


def parse_text(text: str, parse_mode: str | None, entities: Any) -> tuple[str, list[Any]]:
    """Apply ``parse_mode`` (or explicit ``entities``) the way Telegram does."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        return parse_html(text)
    if mode == "markdownv2":
        return parse_markdown_v2(text)
    if mode == "markdown":
        return parse_markdown_legacy(text)
    if mode:
        raise bad_request(f"unsupported parse_mode {parse_mode}")
    if entities is None:
        return text, []
    if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
        raise bad_request("can't parse entities JSON object")
    return text, entities


def message_text(text: str | None, parse_mode: str | None, entities: Any) -> dict[str, Any]:
    """``text`` and ``entities`` of a text message, or Telegram's 400."""
    if not text:
        raise bad_request(TEXT_EMPTY)
    plain, parsed = parse_text(text, parse_mode, entities)
    if not plain.strip():
        raise bad_request(TEXT_EMPTY)
    if len(plain) > MAX_TEXT:
        raise bad_request(TEXT_TOO_LONG)
    content: dict[str, Any] = {"text": plain}
    if parsed:
        content["entities"] = parsed
    return content


def caption(text: str | None, parse_mode: str | None, entities: Any) -> dict[str, Any]:
    if not text:
        return {}
    plain, parsed = parse_text(text, parse_mode, entities)
    if len(plain) > MAX_CAPTION:
        raise bad_request(CAPTION_TOO_LONG)
    if not plain.strip():
        return {}
    content: dict[str, Any] = {"caption": plain}
    if parsed:
        content["caption_entities"] = parsed
    return content


def load_json(value: Any, what: str) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        raise bad_request(f"can't parse {what} JSON object") from None


def reply_markup(value: Any, *, inline_only: bool = False) -> dict[str, Any] | None:
    """Validate a reply_markup; returns the markup as Telegram stores it."""
    if value is None or value == "":
        return None
    markup = load_json(value, "reply keyboard markup")
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = [row for row in _inline_rows(markup["inline_keyboard"]) if row]
        return {"inline_keyboard": rows} if rows else None  # empty keyboard = no keyboard
    if inline_only:
        raise bad_request("inline keyboard expected")
    if "keyboard" in markup:
        _reply_rows(markup["keyboard"])
        return markup
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return markup
    raise bad_request('can\'t find field "inline_keyboard"')


def _rows(rows: Any, kind: str) -> list[list[Any]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(f'field "{kind}" must be an Array of Arrays')
    if sum(len(row) for row in rows) > 100:
        raise bad_request("reply markup is too long")
    return rows


def _inline_rows(rows: Any) -> list[list[dict[str, Any]]]:
    checked: list[list[dict[str, Any]]] = []
    for row in _rows(rows, "inline_keyboard"):
        checked_row = []
        for button in row:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request(
                    'can\'t parse inline keyboard button: Field "text" must be of type String'
                )
            actions = [key for key in _INLINE_ACTIONS if button.get(key) not in (None, False)]
            if not actions:
                raise bad_request(
                    "can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= MAX_CALLBACK_DATA:
                raise bad_request("BUTTON_DATA_INVALID")
            url = button.get("url")
            if url is not None and not _URL.match(str(url)):
                raise bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")
            checked_row.append(button)
        checked.append(checked_row)
    return checked


def _reply_rows(rows: Any) -> None:
    for row in _rows(rows, "keyboard"):
        for button in row:
            text = button if isinstance(button, str) else (button or {}).get("text")
            if not isinstance(text, str) or not text:
                raise bad_request(
                    'can\'t parse keyboard button: Field "text" must be of type String'
                )


def bot_commands(value: Any) -> list[dict[str, str]]:
    commands = load_json(value, "commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("can't parse commands JSON object")
    checked = []
    for command in commands:
        if not isinstance(command, dict):
            raise bad_request("can't parse BotCommand")
        name = str(command.get("command", "")).removeprefix("/")
        description = str(command.get("description", ""))
        if not _COMMAND.match(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise bad_request(
                "command description is empty"
                if not description
                else "BOT_COMMAND_DESCRIPTION_INVALID"
            )
        checked.append({"command": name, "description": description})
    return checked
