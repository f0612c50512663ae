"""The help screen tells a member what the bot does: it names every button of the main menu
(before a card is linked and after) and every command of the member's command menu, in each
of the four languages."""

from __future__ import annotations

import re

import pytest

from bot.config import SUPPORTED_LOCALES
from bot.factory import COMMANDS
from bot.i18n import TranslatorHub
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card

HUB = TranslatorHub()
# the menu's buttons the help screen does not describe: itself, and the language (its command)
NOT_DESCRIBED = ("btn-help", "btn-language")


def _words(label: str) -> str:
    """A button's label as the help text names it: without its emoji."""
    return re.sub(r"^\W+", "", label)


async def _help_names_the_menu(client: MemberClient, language: str) -> list[str]:
    """Open the menu in `language`, then its help; what of the menu the help leaves out."""
    i18n = HUB.get(language)
    await client.send("/menu")
    menu = client.buttons()
    assert i18n("btn-help") in menu, menu
    await client.click(re.escape(i18n("btn-help")))
    shown = client.text()
    skipped = {i18n(key) for key in NOT_DESCRIBED}
    missing = [label for label in menu if label not in skipped and _words(label) not in shown]
    missing += [f"/{c}" for c in COMMANDS if c != "start" and f"/{c}" not in shown]
    return missing


@pytest.mark.parametrize("language", SUPPORTED_LOCALES)
async def test_the_help_names_every_button_of_the_menu_and_every_command(
    build_dp, messages, session_factory, language
):
    newcomer = MemberClient(build_dp(), messages, user_id=7_001, language_code=language)
    await newcomer.send("/start")
    assert await _help_names_the_menu(newcomer, language) == []

    # a member with a card sees the requests, the cards and "add a card" instead
    linked = MemberClient(build_dp(), messages, user_id=7_002)
    await member_with_active_card(linked, session_factory)
    await linked.send("/language")
    await linked.click("(✅ )?" + re.escape(HUB.get(language)(f"language-name-{language}")))
    assert await _help_names_the_menu(linked, language) == []
