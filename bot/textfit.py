"""Fitting text into Telegram's limits: lengths as Telegram counts them, cutting, paging.

Telegram allows 4,096 characters in a message and 1,024 in a caption, counted after the HTML
is parsed (tags do not count, `&lt;` is one character) and in UTF-16 code units (an emoji
outside the basic plane is two). No aiogram here.
"""

from __future__ import annotations

import html
import re

MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024
# a part of a person's text sent under a header line (a member's name is up to 200 characters)
TEXT_PART = MESSAGE_LIMIT - 400
ELLIPSIS = "…"
_TAG = re.compile(r"<[^>]*>")
# the end of a piece of HTML cut inside an entity (`&am`) or a tag (`<a href="x`); bounded, so
# plain text with a `<` or `&` of its own ("a < b", "AT&T") loses a few characters at most
_BROKEN = re.compile(r"&[#\w]{0,10}$|</?[a-zA-Z][^<>]{0,200}$")


def units(text: str) -> int:
    """The length of plain text in UTF-16 code units, as Telegram counts it."""
    return len(text.encode("utf-16-le")) // 2


def plain(markup: str) -> str:
    """The text of an HTML message as Telegram shows it: tags out, entities read."""
    return html.unescape(_TAG.sub("", markup))


def visible_length(markup: str) -> int:
    """The length of an HTML message after Telegram parses it."""
    return units(plain(markup))


def _head(text: str, limit: int, markup: bool = False) -> str:
    """The longest start of `text` within `limit` UTF-16 units, ended at a line or word break
    when one is in its second half; with `markup` (HTML), never inside a tag or an entity."""
    if units(text) <= limit:
        return text
    head = text[:limit]
    while units(head) > limit:
        head = head[:-1]
    for separator in ("\n", " "):
        at = head.rfind(separator)
        if at > len(head) // 2:
            head = head[:at]
            break
    broken = _BROKEN.search(head) if markup else None
    return head[: broken.start()] if broken is not None and broken.start() > 0 else head


def cut(text: str, limit: int) -> str:
    """Plain `text` within `limit` units; a longer one ends with "…"."""
    if units(text) <= limit:
        return text
    return _head(text, limit - 1).rstrip() + ELLIPSIS


def pages(text: str, limit: int, markup: bool = False) -> list[str]:
    """Plain `text` (or HTML, with `markup`: never cut inside a tag or an entity) in pieces of at
    most `limit` units, split at line ends where possible, else at spaces; nothing is lost but
    the whitespace at the breaks."""
    result: list[str] = []
    rest = text
    while units(rest) > limit:
        head = _head(rest, limit, markup)
        result.append(head.rstrip())
        rest = rest[len(head) :].lstrip("\n ")
    if rest or not result:
        result.append(rest)
    return result


def pack(lines: list[str], limit: int) -> list[str]:
    """Lines of HTML joined by newlines into pages of at most `limit` units; a longer line is
    split (never inside a tag or an entity: a person's escaped `&` is `&amp;`)."""
    result: list[str] = []
    current = ""
    for line in lines:
        for piece in pages(line, limit, markup=True):
            candidate = f"{current}\n{piece}" if current else piece
            if units(candidate) <= limit:
                current = candidate
            else:
                result.append(current)
                current = piece
    if current or not result:
        result.append(current)
    return result
