"""Telegram's MarkdownV2 and legacy Markdown parse modes (tdlib's rules, simplified)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tgsandbox.errors import ApiError, bad_request
from tgsandbox.html_markup import utf16_len

RESERVED = set("_*[]()~`>#+-=|{}.!")
_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}


@dataclass
class _Open:
    type: str
    start: int  # UTF-16 offset in the output
    byte_offset: int
    language: str = ""


def _error(reason: str) -> ApiError:
    return bad_request(f"can't parse entities: {reason}")


def _closes(top: _Open, text: str, i: int) -> int:
    """How many characters close the innermost entity at ``i`` (0 when it does not)."""
    char, nxt = text[i], text[i + 1 : i + 2]
    rules = {
        "bold": char == "*",
        "italic": char == "_" and nxt != "_",
        "underline": text.startswith("__", i),
        "strikethrough": char == "~",
        "spoiler": text.startswith("||", i),
        "code": char == "`",
        "pre": text.startswith("```", i),
        "text_link": char == "]",
        "custom_emoji": char == "]",
    }
    if not rules.get(top.type, False):
        return 0
    return {"underline": 2, "spoiler": 2, "pre": 3}.get(top.type, 1)


def parse_markdown_v2(text: str) -> tuple[str, list[dict[str, Any]]]:
    out: list[str] = []
    size = 0
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    quote_start: int | None = None
    i = 0
    while i < len(text):
        char = text[i]
        at_line_start = i == 0 or text[i - 1] == "\n"
        in_code = bool(stack) and stack[-1].type in ("code", "pre")
        if at_line_start and not in_code:
            if text.startswith(">", i) or text.startswith("**>", i):
                quote_start = size if quote_start is None else quote_start
                i += 3 if char == "*" else 1
                continue
            if quote_start is not None:
                entities.append(_entity("blockquote", quote_start, size - 1))
                quote_start = None
        if char == "\\" and i + 1 < len(text) and 0 < ord(text[i + 1]) < 127:
            piece, i = text[i + 1], i + 2
        elif char not in RESERVED or (in_code and char != "`"):
            piece, i = char, i + 1
        elif stack and (width := _closes(stack[-1], text, i)):
            top = stack.pop()
            i += width
            if top.type in ("text_link", "custom_emoji"):
                url, i = _read_url(text, i)
                extra = {"url": url} if top.type == "text_link" else {}
                if top.type == "custom_emoji":
                    extra = {"custom_emoji_id": url.partition("id=")[2]}
                if url and size > top.start:
                    entities.append({**_entity(top.type, top.start, size), **extra})
            elif size > top.start:
                entity = _entity(top.type, top.start, size)
                if top.language:
                    entity["language"] = top.language
                entities.append(entity)
            continue
        else:
            i = _open(text, i, size, stack)
            continue
        out.append(piece)
        size += utf16_len(piece)
    if stack:
        top = stack[-1]
        raise _error(
            f"Can't find end of {_NAMES[top.type]} entity at byte offset {top.byte_offset}"
        )
    if quote_start is not None:
        entities.append(_entity("blockquote", quote_start, size))
    entities = [entity for entity in entities if entity["length"] > 0]
    entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return "".join(out), entities


def _entity(kind: str, start: int, end: int) -> dict[str, Any]:
    return {"type": kind, "offset": start, "length": end - start}


def _open(text: str, i: int, size: int, stack: list[_Open]) -> int:
    offset = len(text[:i].encode("utf-8"))
    char = text[i]
    if text.startswith("```", i):
        newline = text.find("\n", i + 3)
        closing = text.find("```", i + 3)
        language = ""
        if 0 <= newline < (closing if closing >= 0 else len(text)):
            language = text[i + 3 : newline].strip()
            stack.append(_Open("pre", size, offset, language))
            return newline + 1
        stack.append(_Open("pre", size, offset))
        return i + 3
    two = {"__": "underline", "||": "spoiler", "![": "custom_emoji"}.get(text[i : i + 2])
    if two:
        stack.append(_Open(two, size, offset))
        return i + 2
    one = {"*": "bold", "_": "italic", "~": "strikethrough", "`": "code", "[": "text_link"}
    if char in one:
        stack.append(_Open(one[char], size, offset))
        return i + 1
    raise _error(f"Character '{char}' is reserved and must be escaped with the preceding '\\'")


def _read_url(text: str, i: int) -> tuple[str, int]:
    if not text.startswith("(", i):
        return "", i
    url: list[str] = []
    j = i + 1
    while j < len(text) and text[j] != ")":
        if text[j] == "\\" and j + 1 < len(text):
            j += 1
        url.append(text[j])
        j += 1
    if j >= len(text):
        raise _error(f"Can't find end of a url at byte offset {len(text[:i].encode('utf-8'))}")
    return "".join(url), j + 1


def parse_markdown_legacy(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); no nesting."""
    out: list[str] = []
    size = 0
    entities: list[dict[str, Any]] = []
    i = 0
    markers = {"```": "pre", "*": "bold", "_": "italic", "`": "code", "[": "text_link"}
    while i < len(text):
        marker = next((m for m in markers if text.startswith(m, i)), None)
        if marker is None:
            out.append(text[i])
            size += utf16_len(text[i])
            i += 1
            continue
        closer = "]" if marker == "[" else marker
        end = text.find(closer, i + len(marker))
        if end < 0:
            offset = len(text[:i].encode("utf-8"))
            raise _error(f"Can't find end of the entity starting at byte offset {offset}")
        inner = text[i + len(marker) : end]
        i = end + len(closer)
        entity = _entity(markers[marker], size, size + utf16_len(inner))
        if marker == "[":
            url, i = _read_url(text, i)
            entity["url"] = url
        if inner and (marker != "[" or entity["url"]):
            entities.append(entity)
        out.append(inner)
        size += utf16_len(inner)
    return "".join(out), entities
