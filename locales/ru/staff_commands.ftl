## Команды сотрудников в чате поддержки: /find, /setphone, /stats, импорт реестра

staffcmd-none = —

staffcmd-find-usage =
    🔎 Использование: <code>/find телефон</code>, <code>/find номер полиса</code>, <code>/find ID застрахованного</code>, <code>/find номер заявки</code>, <code>/find #номер клиента</code> или имя: <code>/find фамилия</code>, <code>/find фамилия имя</code>
    Например: <code>/find +77010000101</code>, <code>/find SPH-2026-0001</code>, <code>/find KZ-100001</code>, <code>/find R-000042</code>, <code>/find #42</code>, <code>/find Садыкова Айгерим</code>
    В теме клиента <code>/find</code> без номера показывает этого клиента.
staffcmd-find-none-name = 🔎 Нет карты или клиента с именем { $query }. Попробуйте только фамилию или телефон либо номер полиса.
staffcmd-find-none = 🔎 По запросу { $query } ничего не найдено. Проверьте номер и попробуйте ещё раз.
staffcmd-find-title =
    🔎 Найдено по запросу { $query }: { $members ->
        [one] { $members } клиент
        [few] { $members } клиента
        [many] { $members } клиентов
       *[other] { $members } клиента
    }, { $cards ->
        [one] { $cards } карта
        [few] { $cards } карты
        [many] { $cards } карт
       *[other] { $cards } карты
    }.
staffcmd-find-member = 👤 <b>Клиент #{ NUMBER($id, useGrouping: 0) }</b> · { $name } · { $phone } · год рождения { $year } · { $language }
staffcmd-find-member-unreachable = ⚠️ Заблокировал бота.
staffcmd-find-member-cards = Привязанные карты: { $cards }
staffcmd-find-member-no-cards = Привязанных карт нет.
staffcmd-find-member-requests = 📋 Открытые заявки: { $requests }
staffcmd-find-member-more-requests = и другие
staffcmd-find-member-topic = <a href="{ $link }">💬 Открыть тему клиента</a>
staffcmd-find-card =
    💳 <b>{ $policy }</b> · { $program } ({ $holder_type })
    Период страховой защиты: { $start } – { $end } · { $status }
    { $name } ({ $relation }) · ID { $insured_id } · год рождения { $year } · { $phone }
staffcmd-find-card-members = Привязана к клиентам: { $members }
staffcmd-find-card-no-members = Пока не привязана ни к одному клиенту.
staffcmd-find-more = …и ещё { $count }; уточните запрос, чтобы увидеть их.
staffcmd-find-request =
    📋 <b>{ $number }</b> · { $kind } · { $status }
    Отправлена { $sent }, клиент #{ NUMBER($member, useGrouping: 0) }
staffcmd-find-request-no-card = Её карточка ещё не дошла до чата сотрудников.

staffcmd-linked =
    🔗 { $members ->
        [one] { $members } клиент получил карты и будет уведомлён.
        [few] { $members } клиента получили карты и будут уведомлены.
        [many] { $members } клиентов получили карты и будут уведомлены.
       *[other] { $members } клиента получили карты и будут уведомлены.
    }

staffcmd-setphone-usage =
    📞 Использование: <code>/setphone ID_застрахованного телефон</code>
    Например: <code>/setphone KZ-100001 +77010000101</code>
    Вместо телефона можно указать номер клиента, <code>#42</code>: его подтверждённый телефон. В теме клиента <code>/setphone ID застрахованного</code> без телефона даёт карте телефон этого клиента.
staffcmd-setphone-bad-phone = ⚠️ Это не похоже на действительный номер телефона. Укажите его с кодом страны, например +77010000101.
staffcmd-setphone-no-member-phone = ⚠️ { $member }: такого клиента нет, или он не подтвердил телефон.
staffcmd-setphone-no-card = ⚠️ Карта с ID застрахованного { $insured_id } не найдена.
staffcmd-setphone-same = ℹ️ В карте { $insured_id } уже указан телефон { $phone }; ничего не изменено.
staffcmd-setphone-done = ✅ Карта { $insured_id }: телефон { $old } → { $new }. Привязка карт выполнена повторно.
staffcmd-setphone-not-linked = Ни один клиент не получил новых карт; клиент, который позже поделится этим номером, получит карту тогда.
staffcmd-setphone-unlinked = ⚠️ Карта больше не привязана к клиентам { $members }: их подтверждённый номер другой.

staffcmd-import-too-big = ⚠️ Файл { $file } больше 20 МБ, поэтому бот не может его скачать. Разделите реестр на файлы поменьше.
staffcmd-import-format = ⚠️ Файл { $file } не удалось импортировать: { $error }. Ничего не сохранено.
staffcmd-import-report =
    📥 <b>{ $file }</b>: { $rows ->
        [one] { $rows } строка
        [few] { $rows } строки
        [many] { $rows } строк
       *[other] { $rows } строки
    }
    ➕ добавлено: { $added } · 🔄 обновлено: { $updated } · ▫️ без изменений: { $unchanged } · ⛔️ отклонено: { $rejected }

staffcmd-import-rejected-file =
    ⛔️ { $count ->
        [one] Отклонена { $count } строка
        [few] Отклонены { $count } строки
        [many] Отклонено { $count } строк
       *[other] Отклонено { $count } строки
    }: в этом файле каждая с номером, причинами и содержимым, как в реестре. Исправьте их в файле и отправьте его снова (столбцы line и reasons игнорируются).

staffcmd-stats-title = 📊 <b>Заявок: { $total }</b>
staffcmd-stats-by-status = По статусу:
staffcmd-stats-by-kind = По типу:
staffcmd-stats-line = { $label }: { $count }
staffcmd-stats-median =
    ⏱ Медианное время до первого действия сотрудника: { $duration } ({ $count ->
        [one] { $count } заявка
        [few] { $count } заявки
        [many] { $count } заявок
       *[other] { $count } заявки
    })
staffcmd-stats-median-none = ⏱ Сотрудники ещё не обработали ни одной заявки.
staffcmd-stats-failed = ⚠️ Уведомлений, которые не удалось отправить: { $count }
staffcmd-duration-days = { $count } дн
staffcmd-duration-hours = { $count } ч
staffcmd-duration-minutes = { $count } мин
staffcmd-duration-under-minute = меньше 1 мин
