## /id және /staff (қызметкерлерге қайта іске қоспай қол жеткізу)

staff-access-id = Чат id: <code>{ $chat_id }</code>
    Сіздің id: <code>{ $user_id }</code>
staff-access-owners-only = ⛔️ Қызметкерлер құрамын тек иелер (OWNER_IDS) өзгерте алады.
staff-access-usage = Адамның хабарламасына <code>/staff add</code> немесе <code>/staff remove</code> деп жауап беріңіз, не <code>/staff add 123456789</code> деп жазыңыз. <code>/staff list</code> кім қызметкер екенін көрсетеді.
staff-access-not-in-chat = { $user_id } бұл чаттың мүшесі емес: алдымен оны чатқа қосыңыз.
staff-access-added = ✅ { $user_id } енді қызметкер.
staff-access-already = { $user_id } қазірдің өзінде қызметкер.
staff-access-removed = ✅ { $user_id } енді қызметкер емес.
staff-access-not-staff = { $user_id } қызметкерлер тізімінде болмаған.
staff-access-list-title = <b>Бұл чатта кім қызметкер ретінде әрекет етеді</b>
staff-access-list-owners = Иелер (OWNER_IDS): { $ids }
staff-access-list-configured = Баптаулардан (STAFF_IDS): { $ids }
staff-access-list-added = /staff add арқылы қосылғандар: { $count }
staff-access-list-added-one = • <code>{ $user_id }</code>, қосқан <code>{ $owner_id }</code>, { $date }
staff-access-list-none = жоқ
staff-access-list-everyone = ⚠️ STAFF_ALL_ADMIN_CHAT қосулы: бұл чаттың әрбір қатысушысы қызметкер саналады.
