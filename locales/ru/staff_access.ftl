## /id и /staff (доступ сотрудников без перезапуска)

staff-access-id = Id чата: <code>{ $chat_id }</code>
    Ваш id: <code>{ $user_id }</code>
staff-access-owners-only = ⛔️ Менять состав сотрудников могут только владельцы (OWNER_IDS).
staff-access-usage = Ответьте на сообщение человека командой <code>/staff add</code> или <code>/staff remove</code>, либо напишите <code>/staff add 123456789</code>.
staff-access-not-in-chat = { $user_id } не состоит в этом чате: сначала добавьте его в чат.
staff-access-added = ✅ { $user_id } теперь сотрудник.
staff-access-already = { $user_id } уже сотрудник.
staff-access-removed = ✅ { $user_id } больше не сотрудник.
staff-access-not-staff = { $user_id } не было в списке сотрудников.
