## Команди співробітників у чаті підтримки: /find, /setphone, /stats, імпорт реєстру

staffcmd-none = —

staffcmd-find-usage =
    🔎 Використання: <code>/find телефон</code>, <code>/find номер полісу</code>, <code>/find ID застрахованого</code>, <code>/find номер заявки</code>, <code>/find #номер клієнта</code> або ім'я: <code>/find прізвище</code>, <code>/find прізвище ім'я</code>
    Наприклад: <code>/find +77010000101</code>, <code>/find SPH-2026-0001</code>, <code>/find KZ-100001</code>, <code>/find R-000042</code>, <code>/find #42</code>, <code>/find Коваленко Олена</code>
    У темі клієнта <code>/find</code> без номера показує цього клієнта.
staffcmd-find-none-name = 🔎 Немає картки чи клієнта з ім'ям { $query }. Спробуйте лише прізвище або телефон чи номер полісу.
staffcmd-find-none = 🔎 За запитом { $query } нічого не знайдено. Перевірте номер і спробуйте ще раз.
staffcmd-find-title =
    🔎 Знайдено за запитом { $query }: { $members ->
        [one] { $members } клієнт
        [few] { $members } клієнти
        [many] { $members } клієнтів
       *[other] { $members } клієнта
    }, { $cards ->
        [one] { $cards } картка
        [few] { $cards } картки
        [many] { $cards } карток
       *[other] { $cards } картки
    }.
staffcmd-find-member = 👤 <b>Клієнт #{ NUMBER($id, useGrouping: 0) }</b> · { $name } · { $phone } · рік народження { $year } · { $language }
staffcmd-find-member-unreachable = ⚠️ Заблокував бота.
staffcmd-find-member-cards = Прив’язані картки: { $cards }
staffcmd-find-member-no-cards = Прив’язаних карток немає.
staffcmd-find-member-requests = 📋 Відкриті заявки: { $requests }
staffcmd-find-member-more-requests = та інші
staffcmd-find-member-topic = <a href="{ $link }">💬 Відкрити тему клієнта</a>
staffcmd-find-card =
    💳 <b>{ $policy }</b> · { $program } ({ $holder_type })
    Період страхового захисту: { $start } – { $end } · { $status }
    { $name } ({ $relation }) · ID { $insured_id } · рік народження { $year } · { $phone }
staffcmd-find-card-members = Прив’язано до клієнтів: { $members }
staffcmd-find-card-no-members = Ще не прив’язано до жодного клієнта.
staffcmd-find-more = …і ще { $count }; уточніть запит, щоб побачити їх.
staffcmd-find-request =
    📋 <b>{ $number }</b> · { $kind } · { $status }
    Надіслано { $sent }, клієнт #{ NUMBER($member, useGrouping: 0) }
staffcmd-find-request-no-card = Її картка ще не дійшла до чату співробітників.

staffcmd-linked =
    🔗 { $members ->
        [one] { $members } клієнт отримав картки; його буде повідомлено.
        [few] { $members } клієнти отримали картки; їх буде повідомлено.
        [many] { $members } клієнтів отримали картки; їх буде повідомлено.
       *[other] { $members } клієнта отримали картки; їх буде повідомлено.
    }

staffcmd-setphone-usage =
    📞 Використання: <code>/setphone ID_застрахованого телефон</code>
    Наприклад: <code>/setphone KZ-100001 +77010000101</code>
    Замість телефону можна вказати номер клієнта, <code>#42</code>: його підтверджений телефон. У темі клієнта <code>/setphone ID застрахованого</code> без телефону дає картці телефон цього клієнта.
staffcmd-setphone-bad-phone = ⚠️ Це не схоже на дійсний номер телефону. Вкажіть його з кодом країни, наприклад +77010000101.
staffcmd-setphone-no-member-phone = ⚠️ { $member }: такого клієнта немає, або він не підтвердив телефон.
staffcmd-setphone-no-card = ⚠️ Картки з ID застрахованого { $insured_id } не знайдено.
staffcmd-setphone-same = ℹ️ У картці { $insured_id } уже вказано телефон { $phone }; нічого не змінено.
staffcmd-setphone-done = ✅ Картка { $insured_id }: телефон { $old } → { $new }. Прив’язку карток виконано повторно.
staffcmd-setphone-not-linked = Жоден клієнт не отримав нових карток; клієнт, який згодом поділиться цим номером, отримає картку тоді.
staffcmd-setphone-unlinked = ⚠️ Картку більше не прив’язано до клієнтів { $members }: їхній підтверджений номер інший.

staffcmd-import-too-big = ⚠️ Файл { $file } більший за 20 МБ, тому бот не може його завантажити. Розділіть реєстр на менші файли.
staffcmd-import-format = ⚠️ Файл { $file } не вдалося імпортувати: { $error }. Нічого не збережено.
staffcmd-import-report =
    📥 <b>{ $file }</b>: { $rows ->
        [one] { $rows } рядок
        [few] { $rows } рядки
        [many] { $rows } рядків
       *[other] { $rows } рядка
    }
    ➕ додано: { $added } · 🔄 оновлено: { $updated } · ▫️ без змін: { $unchanged } · ⛔️ відхилено: { $rejected }

staffcmd-import-rejected-file =
    ⛔️ { $count ->
        [one] Відхилено { $count } рядок
        [few] Відхилено { $count } рядки
        [many] Відхилено { $count } рядків
       *[other] Відхилено { $count } рядка
    }: у цьому файлі кожен із номером, причинами та вмістом, як у реєстрі. Виправте їх у файлі й надішліть його знову (стовпці line і reasons ігноруються).

staffcmd-stats-title = 📊 <b>Заявок: { $total }</b>
staffcmd-stats-by-status = За статусом:
staffcmd-stats-by-kind = За типом:
staffcmd-stats-line = { $label }: { $count }
staffcmd-stats-median =
    ⏱ Медіанний час до першої дії співробітника: { $duration } ({ $count ->
        [one] { $count } заявка
        [few] { $count } заявки
        [many] { $count } заявок
       *[other] { $count } заявки
    })
staffcmd-stats-median-none = ⏱ Співробітники ще не обробляли жодної заявки.
staffcmd-stats-failed = ⚠️ Повідомлень, які не вдалося надіслати: { $count }
staffcmd-duration-days = { $count } дн
staffcmd-duration-hours = { $count } год
staffcmd-duration-minutes = { $count } хв
staffcmd-duration-under-minute = менше 1 хв
