"""What every Bot API method needs: the call context and posting a bot message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from tgsandbox.errors import EDIT_NOT_FOUND, bad_request
from tgsandbox.models import SimChat
from tgsandbox.params import Params
from tgsandbox.state import EmulatorState
from tgsandbox.validation import caption, reply_markup

REPLIED_NOT_FOUND = "message to be replied not found"


@dataclass
class Call:
    state: EmulatorState
    params: Params
    method: str


Handler = Callable[[Call], Awaitable[Any]]
MethodTable = Mapping[str, Handler]


def target_chat(call: Call, name: str = "chat_id") -> SimChat:
    return call.state.writable_chat(call.params.chat_ref(name))


def caption_of(call: Call) -> dict[str, Any]:
    p = call.params
    return caption(p.text("caption"), p.text("parse_mode"), p.json("caption_entities", "entities"))


def _reply_to(call: Call, chat: SimChat) -> dict[str, Any] | None:
    p = call.params
    parameters = p.json("reply_parameters", "reply parameters") or {}
    message_id = parameters.get("message_id") if isinstance(parameters, dict) else None
    if message_id is None:
        message_id = p.integer("reply_to_message_id")
        parameters = {"allow_sending_without_reply": p.flag("allow_sending_without_reply")}
    if message_id is None:
        return None
    source = chat
    if parameters.get("chat_id") not in (None, ""):
        source = call.state.find_chat(parameters["chat_id"])
    found = source.messages.get(int(message_id))
    if found is None and not parameters.get("allow_sending_without_reply"):
        raise bad_request(REPLIED_NOT_FOUND)
    return found


def post(
    call: Call, chat: SimChat, content: dict[str, Any], *, markup: bool = True
) -> dict[str, Any]:
    """Validate thread, reply and reply_markup, then store the bot's message in ``chat``."""
    state = call.state
    thread_id = state.thread_id(chat, call.params.integer("message_thread_id"))
    reply_to = _reply_to(call, chat)
    keyboard = reply_markup(call.params.raw("reply_markup")) if markup else None
    if keyboard is not None and "inline_keyboard" in keyboard:
        content = {**content, "reply_markup": keyboard}
    if call.params.flag("has_spoiler"):
        content = {**content, "has_media_spoiler": True}
    message = state.add_message(chat, state.bot, content, thread_id=thread_id, reply_to=reply_to)
    if keyboard is not None and "inline_keyboard" not in keyboard:
        remember_reply_keyboard(chat, message["message_id"], keyboard)
    return message


def remember_reply_keyboard(chat: SimChat, message_id: int, keyboard: dict[str, Any]) -> None:
    chat.reply_keyboards[message_id] = keyboard
    if "keyboard" in keyboard:
        chat.reply_keyboard = keyboard
    elif keyboard.get("remove_keyboard"):
        chat.reply_keyboard = None


def editable(call: Call) -> tuple[SimChat, dict[str, Any]]:
    """The bot message an edit method targets, or Telegram's 400."""
    p = call.params
    if "inline_message_id" in p:
        raise bad_request("MESSAGE_ID_INVALID")
    chat = call.state.writable_chat(p.chat_ref())
    message_id = p.required_int("message_id", "message identifier is not specified")
    message = call.state.message(chat, message_id, EDIT_NOT_FOUND)
    if message.get("from", {}).get("id") != call.state.bot.id:
        raise bad_request("message can't be edited")
    return chat, message
