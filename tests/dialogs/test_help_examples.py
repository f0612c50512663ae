"""The help says a member may just type what they need, with what they know of it, and that
the bot fills that in; each of its examples, in each language, does: the request is offered,
and its form opens with the day (and the amount) noted."""

from __future__ import annotations

import re

import pytest

from bot.i18n import TranslatorHub
from tests.dialogs.requests_helpers import member_with_active_card

NAMES = {"uk": "Українська", "ru": "Русский", "kk": "Қазақша", "en": "English"}


def _examples(locale: str) -> list[str]:
    """The typed examples of the help's "New request" line: its quotations, not a button's."""
    help_text = TranslatorHub().get(locale)("help-text")
    line = next(line for line in help_text.splitlines() if "📝" in line)
    quoted = re.findall(r"“([^”]+)”|«([^»]+)»", line)
    return [a or b for a, b in quoted if not (a or b).startswith(("✏️", "👥"))]


@pytest.mark.parametrize("locale", list(NAMES))
async def test_each_example_of_the_help_fills_in_what_it_says(member, session_factory, locale):
    examples = _examples(locale)
    assert len(examples) == 2, examples  # a doctor on a day; a refund of an amount, yesterday
    await member_with_active_card(member, session_factory)
    if locale != "en":
        await member.send("/language")
        await member.click(f".*{NAMES[locale]}")
    for example, noted in zip(examples, ("📅", "💰"), strict=True):
        await member.send("/menu")
        await member.send(example)
        await member.click("📝 .+: .+")  # "📝 New request: …", in the member's language
        assert "📅" in member.text() and noted in member.text(), (example, member.text())
        await member.send("/cancel")
