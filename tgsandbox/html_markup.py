"""Telegram's HTML parse mode: plain text plus entities, or Telegram's parse error."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tgsandbox.errors import ApiError, bad_request

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
_SPECIAL_TAGS = {"a", "span", "tg-emoji"}
_ENTITY = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_NAME = re.compile(r"[a-zA-Z0-9-]*")
_ATTR = re.compile(r"\s*([a-zA-Z_-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Open:
    tag: str
    entity: dict[str, Any] | None
    start: int
    children: list[str] = field(default_factory=list)


def _error(reason: str) -> ApiError:
    return bad_request(f"can't parse entities: {reason}")


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8"))


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Turn Telegram-HTML into (text, entities); offsets are in UTF-16 code units."""
    out: list[str] = []
    length = 0
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < len(source):
        char = source[i]
        if char == "&":
            match = _ENTITY.match(source, i)
            piece = _decode_entity(match.group(1)) if match else "&"
            i = match.end() if match else i + 1
        elif char == "<" and source.startswith("</", i):
            end = source.find(">", i)
            if end < 0:
                raise _error(f"Unclosed end tag at byte offset {_byte_offset(source, i)}")
            name = source[i + 2 : end].strip().lower()
            if not stack:
                raise _error(f"Unexpected end tag at byte offset {_byte_offset(source, i)}")
            top = stack.pop()
            if top.tag != name:
                raise _error(
                    f"Unmatched end tag at byte offset {_byte_offset(source, i)}, "
                    f'expected "</{top.tag}>", found "</{name}>"'
                )
            if top.entity is not None and length > top.start:
                top.entity.update(offset=top.start, length=length - top.start)
                entities.append(top.entity)
            i = end + 1
            continue
        elif char == "<":
            i = _open_tag(source, i, length, stack)
            continue
        else:
            piece = char
            i += 1
        out.append(piece)
        length += utf16_len(piece)
    if stack:
        raise _error(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return "".join(out), entities


def _decode_entity(name: str) -> str:
    if name in _NAMED:
        return _NAMED[name]
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    return chr(code) if 0 < code < 0x110000 else "\ufffd"


def _open_tag(source: str, i: int, position: int, stack: list[_Open]) -> int:
    offset = _byte_offset(source, i)
    name_match = _NAME.match(source, i + 1)
    name = name_match.group(0).lower() if name_match else ""
    if name not in _SIMPLE_TAGS and name not in _SPECIAL_TAGS:
        raise _error(f'Unsupported start tag "{name}" at byte offset {offset}')
    pos = name_match.end() if name_match else i + 1
    attrs: dict[str, str] = {}
    while True:
        if pos >= len(source):
            raise _error(f"Unclosed start tag at byte offset {offset}")
        if source[pos] == ">":
            break
        if source[pos].isspace() and source[pos:].lstrip().startswith(">"):
            pos = len(source) - len(source[pos:].lstrip())
            continue
        attr = _ATTR.match(source, pos)
        if not attr or attr.end() == pos:
            raise _error(f'Empty attribute name in the tag "{name}" at byte offset {offset}')
        value = attr.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attrs[attr.group(1).lower()] = value.replace("&amp;", "&").replace("&quot;", '"')
        pos = attr.end()
    entity = _entity_for(name, attrs, stack, offset)
    stack.append(_Open(name, entity, position))
    return pos + 1


def _entity_for(
    name: str, attrs: dict[str, str], stack: list[_Open], offset: int
) -> dict[str, Any] | None:
    if name == "a":
        href = attrs.get("href", "")
        if not href:
            return None
        return {"type": "text_link", "url": href}
    if name == "span":
        if attrs.get("class") != "tg-spoiler":
            raise _error(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
        return {"type": "spoiler"}
    if name == "tg-emoji":
        emoji_id = attrs.get("emoji-id")
        if not emoji_id:
            raise _error(f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {offset}')
        return {"type": "custom_emoji", "custom_emoji_id": emoji_id}
    if name == "code" and stack and stack[-1].tag == "pre" and stack[-1].entity is not None:
        language = attrs.get("class", "")
        if language.startswith("language-"):
            stack[-1].entity["language"] = language.removeprefix("language-")
            return None
    if name == "blockquote" and "expandable" in attrs:
        return {"type": "expandable_blockquote"}
    return {"type": _SIMPLE_TAGS[name]}
