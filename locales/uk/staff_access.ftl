## /id і /staff (доступ персоналу без перезапуску)

staff-access-id = Id чату: <code>{ $chat_id }</code>
    Ваш id: <code>{ $user_id }</code>
staff-access-owners-only = ⛔️ Змінювати склад персоналу можуть лише власники (OWNER_IDS).
staff-access-usage = Дайте відповідь на повідомлення людини командою <code>/staff add</code> або <code>/staff remove</code>, або напишіть <code>/staff add 123456789</code>.
staff-access-not-in-chat = { $user_id } не є учасником цього чату: спершу додайте його до чату.
staff-access-added = ✅ { $user_id } тепер у персоналі.
staff-access-already = { $user_id } вже у персоналі.
staff-access-removed = ✅ { $user_id } більше не в персоналі.
staff-access-not-staff = { $user_id } не було у списку персоналу.
