## /id и /staff (доступ сотрудников без перезапуска)

staff-access-id = Id чата: <code>{ $chat_id }</code>
    Ваш id: <code>{ $user_id }</code>
staff-access-owners-only = ⛔️ Менять состав сотрудников могут только владельцы (OWNER_IDS).
staff-access-usage = Ответьте на сообщение человека командой <code>/staff add</code> или <code>/staff remove</code>, либо напишите <code>/staff add 123456789</code>. <code>/staff list</code> покажет, кто сотрудник.
staff-access-not-in-chat = { $user_id } не состоит в этом чате: сначала добавьте его в чат.
staff-access-added = ✅ { $user_id } теперь сотрудник.
staff-access-already = { $user_id } уже сотрудник.
staff-access-removed = ✅ { $user_id } больше не сотрудник.
staff-access-not-staff = { $user_id } не было в списке сотрудников.
staff-access-list-title = <b>Кто в этом чате действует как сотрудник</b>
staff-access-list-owners = Владельцы (OWNER_IDS): { $ids }
staff-access-list-configured = Из настроек (STAFF_IDS): { $ids }
staff-access-list-added = Добавлены командой /staff add: { $count }
staff-access-list-added-one = • <code>{ $user_id }</code>, добавил <code>{ $owner_id }</code>, { $date }
staff-access-list-none = нет
staff-access-list-everyone = ⚠️ Включён STAFF_ALL_ADMIN_CHAT: сотрудником считается каждый участник этого чата.
