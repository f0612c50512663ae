"""`storage.fsm.stack_key` is aiogram-dialog's own key of a chat's default dialog stack.

`SQLStorage.prefetch` reads the stack's row together with the state's by that key. It repeats
`StorageProxy._stack_key`, which aiogram-dialog does not make public: if an upgrade changed the
key, the prefetch would miss (one more SELECT, never a wrong read); this test says so at once.
"""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram_dialog.api.entities import DEFAULT_STACK_ID
from aiogram_dialog.context.storage import StorageProxy

from storage.fsm import stack_key

BOT = Bot("123456:TEST-token")


@pytest.mark.parametrize(
    ("user_id", "chat_id", "thread_id", "business_connection_id"),
    [
        (1001, 1001, None, None),  # a member's private chat
        (2002, -100_500, None, None),  # a staff member in the admin group
        (2002, -100_500, 77, None),  # in a member's forum topic
        (1001, 1001, None, "biz-1"),  # a business connection
    ],
)
def test_stack_key_is_aiogram_dialogs(
    user_id: int, chat_id: int, thread_id: int | None, business_connection_id: str | None
) -> None:
    proxy = StorageProxy(
        storage=MemoryStorage(),
        events_isolation=SimpleEventIsolation(),
        user_id=user_id,
        chat_id=chat_id,
        thread_id=thread_id,
        business_connection_id=business_connection_id,
        bot=BOT,
        state_groups={},
    )
    update_key = StorageKey(
        bot_id=BOT.id,
        chat_id=chat_id,
        user_id=user_id,
        thread_id=thread_id,
        business_connection_id=business_connection_id,
    )

    assert stack_key(update_key) == proxy._stack_key(DEFAULT_STACK_ID)
