## /id і /staff (доступ персоналу без перезапуску)

staff-access-id = Id чату: <code>{ $chat_id }</code>
    Ваш id: <code>{ $user_id }</code>
staff-access-owners-only = ⛔️ Змінювати склад персоналу можуть лише власники (OWNER_IDS).
staff-access-usage = Дайте відповідь на повідомлення людини командою <code>/staff add</code> або <code>/staff remove</code>, або напишіть <code>/staff add 123456789</code>. <code>/staff list</code> покаже, хто належить до персоналу.
staff-access-not-in-chat = { $user_id } не є учасником цього чату: спершу додайте його до чату.
staff-access-added = ✅ { $user_id } тепер у персоналі.
staff-access-already = { $user_id } вже у персоналі.
staff-access-removed = ✅ { $user_id } більше не в персоналі.
staff-access-not-staff = { $user_id } не було у списку персоналу.
staff-access-list-title = <b>Хто в цьому чаті діє як персонал</b>
staff-access-list-owners = Власники (OWNER_IDS): { $ids }
staff-access-list-configured = З налаштувань (STAFF_IDS): { $ids }
staff-access-list-added = Додані командою /staff add: { $count }
staff-access-list-added-one = • <code>{ $user_id }</code>, додав <code>{ $owner_id }</code>, { $date }
staff-access-list-none = немає
staff-access-list-everyone = ⚠️ Увімкнено STAFF_ALL_ADMIN_CHAT: персоналом вважається кожен учасник цього чату.
