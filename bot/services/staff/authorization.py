"""Who may act as staff."""

from __future__ import annotations

from collections.abc import Collection, Mapping


def is_staff(
    user_id: int, chat_id: int, admin_chat_id: int | None, staff_ids: Collection[int]
) -> bool:
    """Staff act only in the admin chat; when STAFF_IDS is set, only those people."""
    if admin_chat_id is None:
        return False
    return is_staff_in(user_id, chat_id, {admin_chat_id: staff_ids})


def is_staff_in(user_id: int, chat_id: int, chats: Mapping[int, Collection[int]]) -> bool:
    """Staff act only in a configured staff chat, and only that chat's staff (anyone there
    when the chat names nobody)."""
    staff = chats.get(chat_id)
    if staff is None:
        return False
    return not staff or user_id in staff
