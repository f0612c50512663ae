"""Who may act as staff: the one place of the rule (bot/filters/staff.py asks it)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field


@dataclass(frozen=True)
class StaffRule:
    """STAFF_IDS, OWNER_IDS and STAFF_ALL_ADMIN_CHAT; people added with /staff are looked up
    in the database by the caller (`listed`)."""

    admin_chat_id: int | None
    staff_ids: Collection[int] = ()
    owner_ids: Collection[int] = field(default_factory=frozenset)
    all_admin_chat: bool = False

    def in_admin_chat(self, chat_id: int) -> bool:
        return self.admin_chat_id is not None and chat_id == self.admin_chat_id

    def decided(self, user_id: int, chat_id: int) -> bool | None:
        """True or False when the settings alone decide; None when the database must say."""
        if not self.in_admin_chat(chat_id):
            return False
        if self.all_admin_chat or user_id in self.staff_ids or user_id in self.owner_ids:
            return True
        return None

    def is_owner(self, user_id: int) -> bool:
        return user_id in self.owner_ids


def is_staff(
    user_id: int,
    chat_id: int,
    admin_chat_id: int | None,
    staff_ids: Collection[int],
    *,
    owner_ids: Collection[int] = (),
    all_admin_chat: bool = False,
    listed: bool = False,
) -> bool:
    """Staff act only in the admin chat, and only: people in STAFF_IDS, owners (OWNER_IDS),
    people an owner added with /staff (`listed`), or everyone there when STAFF_ALL_ADMIN_CHAT
    says so. An empty STAFF_IDS no longer means everyone."""
    rule = StaffRule(admin_chat_id, staff_ids, owner_ids, all_admin_chat)
    decided = rule.decided(user_id, chat_id)
    return decided if decided is not None else listed
