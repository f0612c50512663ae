"""The dialogs use aiogram-dialog's public API: every step is a `member_window`."""

from __future__ import annotations

import pytest
from aiogram import Router
from aiogram_dialog import Dialog, Window
from aiogram_dialog.api.entities import stack

from dialogs.common import MemberDialog, member_window
from dialogs.intent_ids import random_id, use_random_intent_ids
from dialogs.states import MainSG
from dialogs.widgets import I18nFormat


def _dialogs(router: Router) -> list[Dialog]:
    found = [router] if isinstance(router, Dialog) else []
    for sub in router.sub_routers:
        found += _dialogs(sub)
    return found


def test_every_dialog_of_the_bot_is_a_member_dialog(build_dp) -> None:
    # (aiogram-dialog adds one dialog of its own)
    dialogs = [d for d in _dialogs(build_dp()) if d.states_group().__module__ == "dialogs.states"]
    assert len(dialogs) > 15
    plain = [d.states_group_name() for d in dialogs if not isinstance(d, MemberDialog)]
    assert plain == []


def test_a_window_without_the_catch_all_is_refused() -> None:
    with pytest.raises(ValueError, match="member_window"):
        MemberDialog(Window(I18nFormat("menu-greeting"), state=MainSG.menu))
    MemberDialog(member_window(I18nFormat("menu-greeting"), state=MainSG.menu))


def test_the_intent_id_fix_is_in_place_once_the_bot_is_imported() -> None:
    import bot.factory  # noqa: F401  (applies it at import)

    assert stack.new_id is random_id
    use_random_intent_ids()  # again: nothing changes
    assert stack.new_id is random_id
