## Приватность: /mydata, экспорт, удаление, аудит (docs/privacy.md)

command-mydata = Что бот хранит обо мне
btn-mydata = 🔐 Мои данные
btn-mydata-export = 📄 Экспорт (файл JSON)
btn-mydata-erase = 🗑 Удалить мои данные
btn-mydata-erase-yes = 🗑 Да, удалить всё
btn-mydata-erase-no = ⬅️ Нет, оставить данные
btn-mydata-page-back = ◀️ Назад
btn-mydata-page-forward = Далее ▶️
btn-mydata-start-again = 🏠 Начать заново

mydata-title = <b>🔐 Что бот хранит о Вас</b>
mydata-page = Страница { $page } из { $pages }
mydata-telegram = Telegram ID: { NUMBER($id, useGrouping: 0) }
mydata-language = Язык: { $language }
mydata-phone = Подтверждённый телефон: { $phone } (с { $date })
mydata-phone-none = Подтверждённый телефон: нет
mydata-profile = <b>Профиль</b>
mydata-profile-line = { $label }: { $value }
mydata-cards = <b>Привязанные страховые карты: { $count }</b>
mydata-card = 💳 { $policy } · { $program } · { $holder } · { $start } – { $end } (привязана { $date })
mydata-requests = <b>Заявки: { $count }</b>
mydata-request = 📋 <b>{ $number }</b> · { $kind } · { $status } · { $date }
mydata-history = История:
mydata-event = { $date } · { $status }
mydata-documents = Документы:
mydata-document = 📎 { $name } · { $date }
mydata-document-unnamed = фото
mydata-rating = ⭐ Ваша оценка: { $score }/5
mydata-tickets = <b>Запросы в поддержку (карта не найдена): { $count }</b>
mydata-ticket = ✉️ { $date } · { $text }
mydata-reminders = Ожидающие напоминания: { $count }
mydata-pending = Сообщения, ожидающие доставки Вам: { $count }
mydata-attempts = Сохранённые попытки активации (ID застрахованного только как код, который нельзя прочитать обратно): { $count }
mydata-state = Незавершённые формы и экраны: { $count }
mydata-topic = У поддержки есть тема переписки с Вами: { $yes ->
    [yes] да
   *[no] нет
    }
mydata-footer = В файле есть каждое сохранённое поле. Документы остаются в Telegram; бот хранит только ссылки на них.
mydata-export-caption = 📄 Всё, что бот хранит о Вас (JSON, версия схемы { $version }).
mydata-export-failed = ⚠️ Не удалось отправить файл. Попробуйте ещё раз.

mydata-erase-confirm =
    <b>🗑 Удалить Ваши данные?</b>
    Все Ваши страховые карты будут отвязаны, а телефон, профиль, незавершённые формы, запросы в поддержку и ожидающие Вас сообщения — стёрты.
    Ваши заявки останутся у страховщика, как требует учёт, без Вашего имени, телефона, текстов и документов.
    Собственный реестр страховщика не меняется. Отменить это нельзя.
# "yes" typed under the question: the button asked for (dialogs/privacy.py)
mydata-erase-press = 👆 Чтобы удалить всё, нажмите «{ btn-mydata-erase-yes }» ниже: это действие нельзя отменить. Чтобы оставить данные, нажмите «{ btn-mydata-erase-no }».
mydata-erased =
    ✅ Ваши данные удалены. Поддержка уведомлена.
    Если вернётесь, начнёте с чистого листа: отправьте /start.

privacy-staff-member-erased =
    🗑 Участник ({ $member }) удалил свои данные. { $kept ->
        [0] Ни одной его заявки не сохранено.
        [one] { $kept } его заявка сохранена для учёта страховщика, обезличена.
        [few] { $kept } его заявки сохранены для учёта страховщика, обезличены.
       *[other] { $kept } его заявок сохранено для учёта страховщика, обезличено.
    } Сообщения, написанные здесь, больше никому не доходят.

privacy-stats-retention = 🧹 Сроки хранения, последний запуск { $date } UTC: обезличено закрытых заявок: { $requests }, удалено записей аудита: { $audit }, забыто незавершённых форм: { $drafts }
privacy-stats-retention-none = 🧹 Очистка по срокам хранения ещё не запускалась.

privacy-audit-usage =
    Использование: <code>/audit member 42</code>, <code>/audit request R-000042</code> или <code>/audit staff 123456789</code> (Telegram id).
privacy-audit-owners-only = ⛔️ Читать аудит могут только владельцы.
privacy-audit-empty = Нет записей аудита для { $subject }.
privacy-audit-title = 🧾 <b>Аудит: { $subject }</b> (записей: { $total }, ниже новейшие { $shown }; все — в файле)
privacy-audit-nobody = участник/бот
privacy-audit-file = 🧾 Записи аудита таблицей ({ $count }).
mydata-full-name = ФИО
mydata-gender = Пол
mydata-birth-date = Дата рождения
mydata-home-address = Домашний адрес
mydata-extra-address = Дополнительный адрес
