"""Photos, documents and voice messages: send by upload or file_id, albums, media edits,
getFile."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from tgsandbox.errors import NOT_MODIFIED, WRONG_FILE_ID, bad_request
from tgsandbox.files import DOWNLOAD_LIMIT, placeholder_png
from tgsandbox.methods.common import Call, MethodTable, caption_of, editable, post, target_chat
from tgsandbox.validation import caption, reply_markup

_KIND_NAMES = {"photo": "Photo", "document": "Document", "voice": "Voice"}


def media_content(call: Call, value: Any, kind: str) -> dict[str, Any]:
    """``{"photo": [...]}`` or ``{"document": {...}}`` for an upload, a URL or a file_id."""
    state = call.state
    upload = call.params.upload(value)
    if upload is not None:
        if not upload.data:
            raise bad_request("file must be non-empty")
        if kind == "photo":
            try:
                return {"photo": state.files.add_photo(upload.data)}
            except ValueError:
                raise bad_request("IMAGE_PROCESS_FAILED") from None
        if kind == "voice":
            return {
                "voice": state.files.add_voice(upload.data, call.params.integer("duration") or 1)
            }
        mime = upload.content_type
        mime = None if mime in (None, "application/octet-stream") else mime
        return {"document": state.files.add_document(upload.data, upload.filename, mime)}
    if not isinstance(value, str) or not value:
        raise bad_request(f"there is no {kind} in the request")
    if value.startswith(("http://", "https://")):
        # No internet in the sandbox: a URL becomes a generated placeholder file.
        if kind == "photo":
            return {"photo": state.files.add_photo(placeholder_png(state.next_id()))}
        if kind == "voice":
            return {"voice": state.files.add_voice(value.encode(), 1)}
        name = urlparse(value).path.rsplit("/", 1)[-1] or "file"
        return {"document": state.files.add_document(value.encode(), name, None)}
    stored = state.files.get(value)
    if stored is None:
        raise bad_request(WRONG_FILE_ID)
    if stored.kind != kind:
        raise bad_request(
            f"can't use file of type {_KIND_NAMES[stored.kind]} as {_KIND_NAMES[kind]}"
        )
    if kind == "photo":
        return {"photo": stored.photo_sizes}
    if kind == "voice":
        return {"voice": state.files.voice_json(stored)}
    return {"document": state.files.document_json(stored)}


async def send_photo(call: Call) -> dict[str, Any]:
    chat = target_chat(call)
    content = media_content(call, call.params.raw("photo"), "photo") | caption_of(call)
    return post(call, chat, content)


async def send_document(call: Call) -> dict[str, Any]:
    chat = target_chat(call)
    content = media_content(call, call.params.raw("document"), "document") | caption_of(call)
    return post(call, chat, content)


async def send_voice(call: Call) -> dict[str, Any]:
    """A voice message, by upload or file_id (never in an album: Telegram has no voice media)."""
    chat = target_chat(call)
    content = media_content(call, call.params.raw("voice"), "voice") | caption_of(call)
    return post(call, chat, content)


def _input_media(call: Call, item: Any) -> tuple[str, dict[str, Any]]:
    if not isinstance(item, dict) or "media" not in item:
        raise bad_request("can't parse InputMedia")
    kind = item.get("type")
    if kind not in ("photo", "document"):
        raise bad_request(f"sandbox simulates only photo and document media, not {kind!r}")
    content = media_content(call, item["media"], kind)
    content |= caption(item.get("caption"), item.get("parse_mode"), item.get("caption_entities"))
    if item.get("has_spoiler"):
        content["has_media_spoiler"] = True
    return kind, content


async def send_media_group(call: Call) -> list[dict[str, Any]]:
    chat = target_chat(call)
    media = call.params.json("media", "media")
    if not isinstance(media, list) or not 2 <= len(media) <= 10:
        raise bad_request("wrong number of media in the album: 2-10 expected")
    items = [_input_media(call, item) for item in media]
    kinds = {kind for kind, _ in items}
    if "document" in kinds and len(kinds) > 1:
        raise bad_request("document can't be mixed with other media types")
    group_id = str(13_000_000_000_000_000 + call.state.next_id())
    return [
        post(call, chat, content | {"media_group_id": group_id}, markup=False)
        for _, content in items
    ]


async def edit_message_media(call: Call) -> dict[str, Any]:
    _, message = editable(call)
    if "photo" not in message and "document" not in message:
        raise bad_request("there is no media in the message to edit")
    _, content = _input_media(call, call.params.json("media", "media"))
    markup = reply_markup(call.params.raw("reply_markup"), inline_only=True)
    old = message.get("photo") or message.get("document")
    new = content.get("photo") or content.get("document")
    same_file = _first_id(old) == _first_id(new)
    if (
        same_file
        and message.get("caption") == content.get("caption")
        and message.get("reply_markup") == markup
    ):
        raise bad_request(NOT_MODIFIED)
    for key in (
        "photo",
        "document",
        "caption",
        "caption_entities",
        "has_media_spoiler",
        "reply_markup",
    ):
        message.pop(key, None)
    message.update(content)
    if markup is not None:
        message["reply_markup"] = markup
    message["edit_date"] = call.state.now()
    call.state.touch()
    return message


def _first_id(value: Any) -> str | None:
    if isinstance(value, list) and value:
        return str(value[-1]["file_unique_id"])
    if isinstance(value, dict):
        return str(value["file_unique_id"])
    return None


async def get_file(call: Call) -> dict[str, Any]:
    stored = call.state.files.require(call.params.text("file_id") or "")
    if stored.file_size > DOWNLOAD_LIMIT:
        raise bad_request("file is too big")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.file_size,
        "file_path": call.state.files.path_of(stored),
    }


METHODS: MethodTable = {
    "sendPhoto": send_photo,
    "sendDocument": send_document,
    "sendVoice": send_voice,
    "sendMediaGroup": send_media_group,
    "editMessageMedia": edit_message_media,
    "getFile": get_file,
}
