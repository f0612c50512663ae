"""Text that fits Telegram: Fluent never sees a person's text, cutting and paging lose nothing."""

from __future__ import annotations

import re

import pytest
from fluent.syntax import FluentParser

from bot.i18n import Translator, TranslatorHub
from bot.textfit import cut, pack, pages, units, visible_length

HUB = TranslatorHub()


@pytest.mark.parametrize("locale", ["uk", "ru", "kk", "en"])
def test_text_of_any_length_is_formatted_in_full(locale):
    # fluent.runtime refuses a placeable over 2,500 characters
    text = "Paracetamol 500 mg\n" * 400
    shown = HUB.get(locale)("medicines-items-collected", list_text=text)
    assert shown.endswith(text)


def test_a_typed_token_is_never_expanded():
    # the member's text names the slot of the next argument: it stays as typed
    shown = HUB.get("en")("staff-member-message", member="\ue0001\ue001", request="!", text="x")
    assert shown.startswith("💬 <b>\ue0001\ue001</b>!:")


def test_a_message_still_selects_on_a_string_code():
    resource = FluentParser().parse(
        "m = { $today ->\n    [yes] today at { $at }\n   *[no] on { $at }\n}\n"
    )
    translate = Translator("en", [resource])
    assert translate("m", today="yes", at="9:00") == "today at 9:00"
    assert translate("m", today="no", at="x" * 3000) == "on " + "x" * 3000


def test_visible_length_counts_as_telegram_does():
    assert visible_length("<b>a</b> &lt; &amp;") == 5
    assert units("😀") == 2


def test_cut_ends_with_an_ellipsis_within_the_limit():
    text = "word " * 500
    short = cut(text, 100)
    assert units(short) <= 100 and short.endswith("…")
    assert text.startswith(short[:-1])
    assert cut("short", 100) == "short"


def test_pages_lose_nothing_but_the_breaks():
    text = "\n".join(f"line {n} " + "x" * (n % 50) for n in range(500))
    parts = pages(text, 700)
    assert all(units(p) <= 700 for p in parts)
    assert "".join(parts).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(
        " ", ""
    )
    assert pages("", 10) == [""]
    assert pages("y" * 25, 10) == ["y" * 10, "y" * 10, "y" * 5]


def test_pack_keeps_lines_whole_when_they_fit():
    lines = [f"{n}: " + "z" * 90 for n in range(30)]
    parts = pack(lines, 500)
    assert all(units(p) <= 500 for p in parts)
    assert "\n".join(parts).split("\n") == lines


def test_pack_never_cuts_a_line_of_html_inside_an_entity_or_a_tag():
    """A person's text escaped: 1,000 ampersands are 5,000 characters of `&amp;`, with no
    space to break at; a cut inside one (`&am`) would make Telegram refuse the whole page."""
    for prefix in ("", "x", "<b>Comment</b>: ", "ab"):
        line = prefix + "&amp;" * 1000
        parts = pack([line], 3500)
        assert "".join(parts) == line
        assert all(units(p) <= 3500 for p in parts)
        assert not any(re.search(r"&[#\w]*$", p) or re.match(r"[#\w]*;", p) for p in parts)
    tagged = "y" * 3495 + '<a href="tg://user?id=1">name</a>'
    first, second = pack([tagged], 3500)
    assert first == "y" * 3495 and second.startswith("<a href=")


def test_plain_text_with_angle_brackets_pages_as_before():
    text = "x" * 100 + " a < b " + "y" * 2000
    assert pages(text, 1000, markup=True) == pages(text, 1000)
