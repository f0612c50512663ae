## Запрос обратного звонка

callback-phone-prompt = { $phone_known ->
    [yes] 📞 На какой номер Вам позвонить? Введите его или воспользуйтесь подтверждённым номером.
   *[no] 📞 На какой номер Вам позвонить? Введите его, например +7 701 123 45 67.
}
btn-use-phone = 📱 Использовать { $confirmed_phone }
callback-phone-invalid = Это не похоже на номер телефона. Пожалуйста, введите его с кодом страны, например +380 50 123 45 67 или +7 701 123 45 67.
callback-write-instead = ✉️ Обратный звонок — это звонок по телефону. Чтобы получить ответ письменно, нажмите «{ btn-write-support }» и напишите свой вопрос: ответ придёт сюда, в этот чат.
callback-time-prompt = 🕘 Когда Вам удобно принять звонок?
callback-time-zone = Часовой пояс: { $zone }.
callback-topic-prompt = 💬 Какой вопрос Вы хотели бы обсудить? Достаточно нескольких слов.
callback-topic-invalid = Пожалуйста, опишите тему хотя бы несколькими символами.
callback-call-on = 📅 Мы позвоним { $call_on }: это первый день, когда контакт-центр работает в это время.
callback-summary =
    <b>📞 Запрос обратного звонка</b>
    👤 Застрахованное лицо: { $insured } · полис { $policy }
    Телефон: { $phone }
    Время: { $time_window }
    Тема: { $topic }
callback-summary-check =
    {""}
    Всё верно?
btn-edit-phone = ✏️ Телефон
btn-edit-time = ✏️ Время
btn-edit-topic = ✏️ Тема
# the time of day asked for with the call-back ("call me in the evening"): its time step answered
callback-day-kept = 📅 { $date }: записал как день звонка.
callback-time-kept = { $window }: записал как время для звонка.
callback-time-topic-kept = { $window }: записал как время для звонка, а Ваше сообщение — как его тему.
callback-topic-kept = 💬 Ваше сообщение записал как тему звонка.
