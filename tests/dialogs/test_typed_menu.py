"""The menu's buttons typed rather than pressed ("мои заявки", "профиль", "help"): each opens
its screen, in any of the bot's languages, as its button does; only those the menu shows."""

from __future__ import annotations

import pytest

from tests.dialogs.requests_helpers import member_with_active_card


@pytest.mark.parametrize(
    ("typed", "screen"),
    [
        ("мои заявки", "You have no requests yet"),
        ("Мої заявки, будь ласка", "You have no requests yet"),
        ("менің өтініштерім", "You have no requests yet"),
        ("новая заявка", "What do you need?"),
        ("my cards", "Your insurance cards (1)"),
        ("профиль", "Full name: Olena Kovalenko"),
        ("поддержка", "Call centre"),
        ("поменять язык", "Choose your language"),
        ("помощь", "/mydata"),
        ("добавить карту", "Type your insured ID"),
    ],
)
async def test_a_menu_button_typed_opens_its_screen(member, session_factory, typed, screen):
    """ "мои заявки", "профиль" or "помощь" typed on the menu was "Messages are not taken on
    this screen", though the menu's buttons say just that."""
    await member_with_active_card(member, session_factory)
    await member.send(typed)
    assert screen in member.text(), typed
    assert "Messages are not taken" not in member.text()


async def test_a_button_the_menu_does_not_show_is_not_taken(member):
    """With no card the menu shows no "My requests": typed, it is kept for support as any
    message, and no screen of requests opens."""
    await member.send("/start")
    await member.send("мои заявки")
    assert "Send this to support?" in member.text()
    assert "You have no requests yet" not in member.text()
    await member.send("подтвердить телефон")
    assert "Share my phone number" in member.text()
