"""The help says a member may just type what they need, with what they know of it, and that
the bot fills that in; each of its examples, in each language, does: the request is offered,
and its form opens with the day (and the amount) noted."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.i18n import TranslatorHub
from bot.services import clinics
from tests.dialogs.requests_helpers import member_with_active_card

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
DEMO_CLINICS = Path(__file__).parents[2] / "data" / "demo_clinics.csv"
NAMES = {"uk": "Українська", "ru": "Русский", "kk": "Қазақша", "en": "English"}


def _examples(locale: str, mark: str = "📝") -> list[str]:
    """The typed examples of the help's line marked `mark` ("📝": "New request"): its
    quotations, not a button's."""
    help_text = TranslatorHub().get(locale)("help-text")
    line = next(line for line in help_text.splitlines() if mark in line)
    quoted = re.findall(r"“([^”]+)”|«([^»]+)»", line)
    return [a or b for a, b in quoted if not (a or b).startswith(("✏️", "👥"))]


async def _member_speaking(member, session_factory, locale: str) -> None:
    """A member with a card, the bot speaking `locale` to them."""
    await member_with_active_card(member, session_factory)
    if locale != "en":
        await member.send("/language")
        await member.click(f".*{NAMES[locale]}")


@pytest.mark.parametrize("locale", list(NAMES))
async def test_each_example_of_the_help_fills_in_what_it_says(member, session_factory, locale):
    examples = _examples(locale)
    assert len(examples) == 2, examples  # a doctor on a day; a refund of an amount, yesterday
    await _member_speaking(member, session_factory, locale)
    for example, noted in zip(examples, ("📅", "💰"), strict=True):
        await member.send("/menu")
        await member.send(example)
        await member.click("📝 .+: .+")  # "📝 New request: …", in the member's language
        assert "📅" in member.text() and noted in member.text(), (example, member.text())
        await member.send("/cancel")


@pytest.mark.parametrize("locale", list(NAMES))
async def test_each_clinic_example_of_the_help_is_answered_from_the_directory(
    member, session_factory, tmp_path, locale
):
    """The help's "Clinics" line says a member may ask about them: each of its examples, in
    each language, is answered from the directory (a city's clinics, those that see a doctor,
    a clinic's address)."""
    # the sandbox's demo directory, where "Family Doctor Almaty" has the city in its name
    async with session_factory() as session, session.begin():
        await clinics.import_clinics(session, clinics.read_clinics(DEMO_CLINICS), NOW)
    examples = _examples(locale, "🏥")
    assert len(examples) == 3, examples  # a city's clinics; a doctor's; a clinic's address
    await _member_speaking(member, session_factory, locale)
    for example, shown in zip(examples, ("🏥", "🏥", "📍"), strict=True):
        await member.send("/menu")
        await member.send(example)
        assert shown in member.text() and (
            "Dent-Lux" in member.text() or "Добробут" in (member.text())
        ), (example, member.text())
        # a city's clinics, or a doctor's, are a list ("клиники в Алматы" is no one clinic)
        assert ("📍" in member.text()) is (shown == "📍"), (example, member.text())
    # the doctor's: that visit offered beside the clinics that see the doctor
    await member.send(examples[1])
    assert any(re.fullmatch("📝 .+: .+ · .+", button) for button in member.buttons()), examples[1]
