## Запит на зворотний дзвінок

callback-phone-prompt = { $phone_known ->
    [yes] 📞 На який номер Вам зателефонувати? Введіть його або скористайтеся підтвердженим номером.
   *[no] 📞 На який номер Вам зателефонувати? Введіть його, наприклад +380 50 123 45 67.
}
btn-use-phone = 📱 Використати { $confirmed_phone }
callback-phone-invalid = Це не схоже на номер телефону. Будь ласка, введіть його з кодом країни, наприклад +380 50 123 45 67.
callback-write-instead = ✉️ Зворотний дзвінок — це дзвінок телефоном. Щоб отримати відповідь письмово, натисніть «{ btn-write-support }» і напишіть своє питання: відповідь надійде сюди, у цей чат.
callback-time-prompt = 🕘 Коли Вам зручно прийняти дзвінок?
callback-time-zone = Часовий пояс: { $zone }.
callback-topic-prompt = 💬 Яке питання Ви хотіли б обговорити? Достатньо кількох слів.
callback-topic-invalid = Будь ласка, опишіть тему хоча б кількома символами.
callback-call-on = 📅 Ми зателефонуємо { $call_on }: це перший день, коли контакт-центр працює в цей час.
callback-summary =
    <b>📞 Запит на зворотний дзвінок</b>
    👤 Застрахована особа: { $insured } · поліс { $policy }
    Телефон: { $phone }
    Час: { $time_window }
    Тема: { $topic }
callback-summary-check =
    {""}
    Усе правильно?
btn-edit-phone = ✏️ Телефон
btn-edit-time = ✏️ Час
btn-edit-topic = ✏️ Тема
# the time of day asked for with the call-back ("call me in the evening"): its time step answered
callback-day-kept = 📅 { $date }: записав як день дзвінка.
callback-time-kept = { $window }: записав як час для дзвінка.
callback-time-topic-kept = { $window }: записав як час для дзвінка, а Ваше повідомлення — як його тему.
callback-topic-kept = 💬 Ваше повідомлення записав як тему дзвінка.
