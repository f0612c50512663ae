"""Olena's steps in the emulator's private chat with the real bot (its dialogs): do something,
then wait for the bot's message (new or edited) that shows the expected text or button."""

from __future__ import annotations

from typing import Any

from tests.staff.conftest import OLENA, StaffWorld


def shown(message: dict[str, Any]) -> str:
    """A message's text and its buttons' labels."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return "\n".join([message.get("text", ""), *(b["text"] for row in rows for b in row)])


async def said(world: StaffWorld, action: Any, contains: str) -> dict[str, Any]:
    """Do `action` as Olena and wait for the bot's message (new or edited) showing `contains`."""
    before = {(m["message_id"], shown(m)) for m in world.bot_messages(OLENA)}
    action()
    found: dict[str, Any] = await world.state.wait_for(
        lambda: next(
            (
                m
                for m in reversed(world.bot_messages(OLENA))
                if (m["message_id"], shown(m)) not in before and contains in shown(m)
            ),
            None,
        ),
        within=10,
    )
    return found


async def press(world: StaffWorld, label: str, then: str) -> dict[str, Any]:
    """Press `label` on the bot's latest message to Olena."""
    latest = world.bot_messages(OLENA)[-1]
    return await said(
        world,
        lambda: world.state.press_button(OLENA, latest["message_id"], text=label),
        then,
    )
