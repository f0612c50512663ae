## /id and /staff (staff access without restarts)

staff-access-id = Chat id: <code>{ $chat_id }</code>
    Your id: <code>{ $user_id }</code>
staff-access-owners-only = ⛔️ Only owners (OWNER_IDS) can change who is staff.
staff-access-usage = Reply to a person's message with <code>/staff add</code> or <code>/staff remove</code>, or write <code>/staff add 123456789</code>. <code>/staff list</code> shows who is staff.
staff-access-not-in-chat = { $user_id } is not a member of this chat: add them to the chat first.
staff-access-added = ✅ { $user_id } is staff now.
staff-access-already = { $user_id } is already staff.
staff-access-removed = ✅ { $user_id } is no longer staff.
staff-access-not-staff = { $user_id } was not on the staff list.
staff-access-list-title = <b>Who acts as staff in this chat</b>
staff-access-list-owners = Owners (OWNER_IDS): { $ids }
staff-access-list-configured = From the settings (STAFF_IDS): { $ids }
staff-access-list-added = Added with /staff add: { $count }
staff-access-list-added-one = • <code>{ $user_id }</code>, by <code>{ $owner_id }</code> on { $date }
staff-access-list-none = none
staff-access-list-everyone = ⚠️ STAFF_ALL_ADMIN_CHAT is on: everyone in this chat acts as staff.
