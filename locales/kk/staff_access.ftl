## /id және /staff (қызметкерлерге қайта іске қоспай қол жеткізу)

staff-access-id = Чат id: <code>{ $chat_id }</code>
    Сіздің id: <code>{ $user_id }</code>
staff-access-owners-only = ⛔️ Қызметкерлер құрамын тек иелер (OWNER_IDS) өзгерте алады.
staff-access-usage = Адамның хабарламасына <code>/staff add</code> немесе <code>/staff remove</code> деп жауап беріңіз, не <code>/staff add 123456789</code> деп жазыңыз.
staff-access-not-in-chat = { $user_id } бұл чаттың мүшесі емес: алдымен оны чатқа қосыңыз.
staff-access-added = ✅ { $user_id } енді қызметкер.
staff-access-already = { $user_id } қазірдің өзінде қызметкер.
staff-access-removed = ✅ { $user_id } енді қызметкер емес.
staff-access-not-staff = { $user_id } қызметкерлер тізімінде болмаған.
