"""Text messages: send, edit, delete, copy, forward; callback query answers."""

from __future__ import annotations

import copy
from typing import Any

from tgsandbox.errors import DELETE_NOT_FOUND, NOT_MODIFIED, bad_request
from tgsandbox.methods.common import Call, MethodTable, caption_of, editable, post, target_chat
from tgsandbox.validation import message_text, reply_markup

COPYABLE = (
    "text", "entities", "photo", "document", "contact", "caption", "caption_entities",
    "location", "venue", "sticker", "video", "animation", "audio", "voice", "video_note",
    "has_media_spoiler", "link_preview_options",
)  # fmt: skip
CALLBACK_INVALID = "query is too old and response timeout expired or query ID is invalid"


async def send_message(call: Call) -> dict[str, Any]:
    chat = target_chat(call)
    p = call.params
    content = message_text(p.text("text"), p.text("parse_mode"), p.json("entities"))
    return post(call, chat, content)


def _apply_edit(call: Call, message: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Replace content keys and the inline keyboard; 400 when nothing would change."""
    markup = reply_markup(call.params.raw("reply_markup"), inline_only=True)
    before = {key: message.get(key) for key in changes} | {
        "reply_markup": message.get("reply_markup")
    }
    after = dict(changes) | {"reply_markup": markup}
    if before == after:
        raise bad_request(NOT_MODIFIED)
    for key, value in after.items():
        if value is None:
            message.pop(key, None)
        else:
            message[key] = value
    message["edit_date"] = call.state.now()
    call.state.touch()
    return message


async def edit_message_text(call: Call) -> dict[str, Any]:
    _, message = editable(call)
    if "text" not in message:
        raise bad_request("there is no text in the message to edit")
    p = call.params
    content = message_text(p.text("text"), p.text("parse_mode"), p.json("entities"))
    return _apply_edit(
        call, message, {"text": content["text"], "entities": content.get("entities")}
    )


async def edit_message_caption(call: Call) -> dict[str, Any]:
    _, message = editable(call)
    if "text" in message or "contact" in message:
        raise bad_request("there is no caption in the message to edit")
    content = caption_of(call)
    changes = {
        "caption": content.get("caption"),
        "caption_entities": content.get("caption_entities"),
    }
    return _apply_edit(call, message, changes)


async def edit_message_reply_markup(call: Call) -> dict[str, Any]:
    _, message = editable(call)
    return _apply_edit(call, message, {})


async def delete_message(call: Call) -> bool:
    chat = call.state.find_chat(call.params.chat_ref())
    message_id = call.params.required_int("message_id", "message identifier is not specified")
    message = call.state.message(chat, message_id, DELETE_NOT_FOUND)
    if "forum_topic_created" in message:
        raise bad_request("message can't be deleted")
    del chat.messages[message_id]
    chat.reply_keyboards.pop(message_id, None)
    call.state.touch()
    return True


async def delete_messages(call: Call) -> bool:
    chat = call.state.find_chat(call.params.chat_ref())
    ids = call.params.json("message_ids") or []
    if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
        raise bad_request("message_ids must contain 1-100 identifiers")
    for message_id in ids:
        message = chat.messages.get(int(message_id))
        if message is not None and "forum_topic_created" not in message:
            del chat.messages[int(message_id)]
    call.state.touch()
    return True


def _source(call: Call, missing: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The source message and a deep copy of its copyable content."""
    source_chat = call.state.find_chat(call.params.chat_ref("from_chat_id"))
    message_id = call.params.required_int("message_id", "message identifier is not specified")
    message = call.state.message(source_chat, message_id, missing)
    content = {key: copy.deepcopy(message[key]) for key in COPYABLE if key in message}
    if not content:
        raise bad_request("message can't be copied")
    return message, content


async def copy_message(call: Call) -> dict[str, int]:
    chat = target_chat(call)
    _, content = _source(call, "message to copy not found")
    if "caption" in call.params and "text" not in content:
        content.pop("caption_entities", None)
        content.update(caption_of(call))
    message = post(call, chat, content)
    return {"message_id": message["message_id"]}


async def forward_message(call: Call) -> dict[str, Any]:
    chat = target_chat(call)
    source, content = _source(call, "message to forward not found")
    content["forward_origin"] = {
        "type": "user",
        "sender_user": source["from"],
        "date": source["date"],
    }
    return post(call, chat, content, markup=False)


async def answer_callback_query(call: Call) -> bool:
    state = call.state
    query_id = call.params.text("callback_query_id") or ""
    record = state.callbacks.get(query_id)
    if record is None or record.answer is not None:
        raise bad_request(CALLBACK_INVALID)
    text = call.params.text("text")
    if text is not None and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    record.answer = {
        "text": text,
        "show_alert": call.params.flag("show_alert"),
        "url": call.params.text("url"),
    }
    chat = state.chats.get(record.chat_id)
    if chat is not None:
        notice = {"type": "callback_answer", "message_id": record.message_id, "date": state.now()}
        chat.notices.append(notice | {"user_id": record.user_id} | record.answer)
        del chat.notices[:-20]
    state.touch()
    return True


METHODS: MethodTable = {
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageCaption": edit_message_caption,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "deleteMessages": delete_messages,
    "copyMessage": copy_message,
    "forwardMessage": forward_message,
    "answerCallbackQuery": answer_callback_query,
}
