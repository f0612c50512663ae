## Запит на зворотний дзвінок

callback-phone-prompt = 📞 На який номер Вам зателефонувати? Введіть його або скористайтеся підтвердженим номером.
btn-use-phone = 📱 Використати { $confirmed_phone }
callback-phone-invalid = Це не схоже на номер телефону. Будь ласка, введіть його з кодом країни, наприклад +380 50 123 45 67.
callback-time-prompt = 🕘 Коли Вам зручно прийняти дзвінок?
callback-topic-prompt = 💬 Яке питання Ви хотіли б обговорити? Достатньо кількох слів.
callback-topic-invalid = Будь ласка, опишіть тему хоча б кількома символами.
callback-summary =
    <b>📞 Запит на зворотний дзвінок</b>
    Телефон: { $phone }
    Час: { $time_window }
    Тема: { $topic }

    Усе правильно?
btn-edit-phone = ✏️ Телефон
btn-edit-time = ✏️ Час
btn-edit-topic = ✏️ Тема
