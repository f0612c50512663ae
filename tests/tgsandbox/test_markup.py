"""Telegram's HTML and MarkdownV2 parse modes, as the emulator checks them."""

from __future__ import annotations

import pytest

from tgsandbox.errors import ApiError
from tgsandbox.html_markup import parse_html
from tgsandbox.markdown_markup import parse_markdown_v2


def test_html_nesting_entities_and_utf16_offsets() -> None:
    text, entities = parse_html(
        '👍 <b>bold <i>both</i></b> <pre><code class="language-py">x=1</code></pre>'
    )
    assert text == "👍 bold both x=1"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 9},
        {"type": "italic", "offset": 8, "length": 4},
        {"type": "pre", "language": "py", "offset": 13, "length": 3},
    ]


def test_html_spoiler_blockquote_and_entities() -> None:
    source = (
        '<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>'
        "<blockquote expandable>q</blockquote>&#128512;&quot;"
    )
    text, entities = parse_html(source)
    assert text == 'stq😀"'
    assert [e["type"] for e in entities] == ["spoiler", "spoiler", "expandable_blockquote"]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
        ("</b>", "Unexpected end tag"),
        ("<b", "Unclosed start tag"),
    ],
)
def test_html_errors(source: str, reason: str) -> None:
    with pytest.raises(ApiError) as caught:
        parse_html(source)
    assert caught.value.description.startswith(f"Bad Request: can't parse entities: {reason}")


def test_markdown_v2() -> None:
    text, entities = parse_markdown_v2(r"*bold* _it_ __u__ ~s~ ||sp|| `c` [l](https://a.b/\)) 1\.5")
    assert text == "bold it u s sp c l 1.5"
    assert [e["type"] for e in entities] == [
        "bold", "italic", "underline", "strikethrough", "spoiler", "code", "text_link",
    ]  # fmt: skip
    assert entities[-1]["url"] == "https://a.b/)"


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("Total: 1.5", "Character '.' is reserved and must be escaped with the preceding '\\'"),
        ("*open", "Can't find end of Bold entity at byte offset 0"),
        ("a!", "Character '!' is reserved"),
    ],
)
def test_markdown_v2_errors(source: str, reason: str) -> None:
    with pytest.raises(ApiError, match="can't parse entities") as caught:
        parse_markdown_v2(source)
    assert reason in caught.value.description
