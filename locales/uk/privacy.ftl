## Приватність: /mydata, експорт, видалення, аудит (docs/privacy.md)

command-mydata = Що бот зберігає про мене
btn-mydata = 🔐 Мої дані
btn-mydata-export = 📄 Експорт (файл JSON)
btn-mydata-erase = 🗑 Видалити мої дані
btn-mydata-erase-yes = 🗑 Так, видалити все
btn-mydata-erase-no = ⬅️ Ні, залишити дані
btn-mydata-page-back = ◀️ Назад
btn-mydata-page-forward = Далі ▶️
btn-mydata-start-again = 🏠 Почати знову

mydata-title = <b>🔐 Що бот зберігає про Вас</b>
mydata-page = Сторінка { $page } з { $pages }
mydata-telegram = Telegram ID: { NUMBER($id, useGrouping: 0) }
mydata-language = Мова: { $language }
mydata-phone = Підтверджений телефон: { $phone } (з { $date })
mydata-phone-none = Підтверджений телефон: немає
mydata-profile = <b>Профіль</b>
mydata-profile-line = { $label }: { $value }
mydata-cards = <b>Прив'язані страхові картки: { $count }</b>
mydata-card = 💳 { $policy } · { $program } · { $holder } · { $start } – { $end } (прив'язано { $date })
mydata-requests = <b>Заявки: { $count }</b>
mydata-request = 📋 <b>{ $number }</b> · { $kind } · { $status } · { $date }
mydata-history = Історія:
mydata-event = { $date } · { $status }
mydata-documents = Документи:
mydata-document = 📎 { $name } · { $date }
mydata-document-unnamed = фото
mydata-rating = ⭐ Ваша оцінка: { $score }/5
mydata-tickets = <b>Запити до підтримки (картку не знайдено): { $count }</b>
mydata-ticket = ✉️ { $date } · { $text }
mydata-reminders = Нагадування, що чекають: { $count }
mydata-pending = Повідомлення, що чекають доставки Вам: { $count }
mydata-attempts = Збережені спроби активації (ID застрахованого лише як код, який не можна прочитати назад): { $count }
mydata-state = Незавершені форми та екрани: { $count }
mydata-topic = Підтримка має тему розмови з Вами: { $yes ->
    [yes] так
   *[no] ні
    }
mydata-footer = У файлі є кожне збережене поле. Документи залишаються в Telegram; бот зберігає лише посилання на них.
mydata-export-caption = 📄 Усе, що бот зберігає про Вас (JSON, версія схеми { $version }).
mydata-export-failed = ⚠️ Не вдалося надіслати файл. Спробуйте ще раз.

mydata-erase-confirm =
    <b>🗑 Видалити Ваші дані?</b>
    Усі Ваші страхові картки буде відв'язано, а телефон, профіль, незавершені форми, запити до підтримки та повідомлення, що чекають на Вас, буде стерто.
    Ваші заявки залишаться у страховика, як того вимагає облік, без Вашого імені, телефону, текстів і документів.
    Власний реєстр страховика не змінюється. Скасувати це неможливо.
# "yes" typed under the question: the button asked for (dialogs/privacy.py)
mydata-erase-press = 👆 Щоб видалити все, натисніть «{ btn-mydata-erase-yes }» нижче: цю дію не можна скасувати. Щоб залишити дані, натисніть «{ btn-mydata-erase-no }».
mydata-erased =
    ✅ Ваші дані видалено. Підтримку повідомлено.
    Якщо повернетеся, почнете з чистого аркуша: надішліть /start.

privacy-staff-member-erased =
    🗑 Учасник ({ $member }) видалив свої дані. { $kept ->
        [0] Жодної його заявки не збережено.
        [one] { $kept } його заявку збережено для обліку страховика, знеособлено.
        [few] { $kept } його заявки збережено для обліку страховика, знеособлено.
       *[other] { $kept } його заявок збережено для обліку страховика, знеособлено.
    } Повідомлення, написані тут, більше нікому не доходять.

privacy-stats-retention = 🧹 Зберігання, останній запуск { $date } UTC: знеособлено закритих заявок: { $requests }, видалено записів аудиту: { $audit }, забуто незавершених форм: { $drafts }
privacy-stats-retention-none = 🧹 Очищення за строками зберігання ще не запускалося.

privacy-audit-usage =
    Використання: <code>/audit member 42</code>, <code>/audit request R-000042</code> або <code>/audit staff 123456789</code> (Telegram id).
privacy-audit-owners-only = ⛔️ Читати аудит можуть лише власники.
privacy-audit-empty = Немає записів аудиту для { $subject }.
privacy-audit-title = 🧾 <b>Аудит: { $subject }</b> (записів: { $total }, нижче найновіші { $shown }; усі — у файлі)
privacy-audit-nobody = учасник/бот
privacy-audit-file = 🧾 Записи аудиту як таблиця ({ $count }).
mydata-full-name = ПІБ
mydata-gender = Стать
mydata-birth-date = Дата народження
mydata-home-address = Домашня адреса
mydata-extra-address = Додаткова адреса
