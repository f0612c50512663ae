"""Dialog intent ids that do not collide.

aiogram-dialog 2.6 makes an intent id from the current second plus one of only 100 random values
(`aiogram_dialog.api.entities.stack.new_int_id`: the machine's Unix second modulo 10**8, plus
one of 100 random multiples of 10**8; this module reads no clock itself), so two dialogs opened
within the same second share an id one time in a hundred. A sub-dialog opened over the menu
(the language choice, a request form) then takes the menu's id: the member's choice is lost
and they are shown "that screen is out of date".
Upstream: https://github.com/Tishka17/aiogram_dialog/pull/501 (open; a counter instead of the
100 random values). Drop this module when the pinned version (pyproject: `~=2.6`) has a fix.

`use_random_intent_ids` swaps in 40 random bits, written the library's way (7 characters of
`0-9a-zA-Z`, one more than before, well inside the 64 bytes of callback data).
"""

from __future__ import annotations

import secrets

from aiogram_dialog.api.entities import stack

ID_BITS = 40


def random_id() -> str:
    return stack.id_to_str(secrets.randbits(ID_BITS) or 1)


def use_random_intent_ids() -> None:
    """Applied once per process, at the import of `bot.factory`; a second call changes nothing.

    `Stack.push` looks the module's `new_id` up each time it opens a dialog, so replacing it is
    enough. (A member's chat uses the fixed default stack, so stack ids need no change.)
    """
    if stack.new_id is random_id:
        return
    if not callable(getattr(stack, "new_int_id", None)):  # pragma: no cover - an upgrade
        raise RuntimeError("aiogram-dialog changed how it makes intent ids: review intent_ids.py")
    stack.new_id = random_id
