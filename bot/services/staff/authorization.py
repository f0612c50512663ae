"""Who may act as staff: the one place of the rule (bot/filters/staff.py asks it)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class StaffRule:
    """Who is staff where: the staff chats with their own lists (the default chat: STAFF_IDS;
    a routed chat: its `staff_ids`), OWNER_IDS and STAFF_ALL_ADMIN_CHAT; people added with
    /staff are looked up in the database by the caller (`listed`)."""

    chats: Mapping[int, Collection[int]]
    owner_ids: Collection[int] = field(default_factory=frozenset)
    all_admin_chat: bool = False

    def in_staff_chat(self, chat_id: int) -> bool:
        return chat_id in self.chats

    def decided(self, user_id: int, chat_id: int) -> bool | None:
        """True or False when the settings alone decide; None when the database must say."""
        staff = self.chats.get(chat_id)
        if staff is None:
            return False
        if self.all_admin_chat or user_id in staff or user_id in self.owner_ids:
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
    chats = {admin_chat_id: staff_ids} if admin_chat_id is not None else {}
    return is_staff_in(
        user_id, chat_id, chats, owner_ids=owner_ids, all_admin_chat=all_admin_chat, listed=listed
    )


def is_staff_in(
    user_id: int,
    chat_id: int,
    chats: Mapping[int, Collection[int]],
    *,
    owner_ids: Collection[int] = (),
    all_admin_chat: bool = False,
    listed: bool = False,
) -> bool:
    """Staff act only in a configured staff chat (the default one or a routed one), and only
    that chat's staff, owners, people added with /staff, or everyone with STAFF_ALL_ADMIN_CHAT."""
    decided = StaffRule(chats, owner_ids, all_admin_chat).decided(user_id, chat_id)
    return decided if decided is not None else listed
