"""Who may act as staff."""

from __future__ import annotations

from collections.abc import Collection


def is_staff(
    user_id: int, chat_id: int, admin_chat_id: int | None, staff_ids: Collection[int]
) -> bool:
    """Staff act only in the admin chat; when STAFF_IDS is set, only those people."""
    if admin_chat_id is None or chat_id != admin_chat_id:
        return False
    return not staff_ids or user_id in staff_ids
