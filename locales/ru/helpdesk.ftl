# Инструменты поддержки в чате сотрудников: заметки, шаблоны ответов, правки, оценки, график, экспорт

command-staff-note = Внутренняя заметка в этой теме (не отправляется)
command-staff-reply = Отправить шаблон ответа: /reply имя
command-staff-templates = Список шаблонов ответов
command-staff-template = Добавить или удалить шаблон ответа
command-staff-export = Заявки в XLSX: /export С ПО или /export ДЕНЬ
command-staff-visit = Записать участника на приём или анализы или назначить доставку лекарств: /visit 09.12 17:30

helpdesk-note-kept = 📝 Внутренняя заметка сохранена. Участнику она не отправлена.
helpdesk-note-usage = Напишите заметку после команды: <code>/note текст</code> или <code>!текст</code>.
helpdesk-note-no-member = Используйте это в теме участника (или в ответ на его сообщение).

helpdesk-visit-usage = Как: в теме участника <code>/visit 09.12 17:30</code> (день визита или доставки и, если известно, время). Если заявок на приём, анализы или лекарства несколько — сначала номер заявки: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-bad-date = ⚠️ Не удалось прочитать день в «{ $typed }». Например: <code>/visit 09.12 17:30</code> или <code>/visit завтра 10:00</code>.
helpdesk-visit-out-of-range = ⚠️ «{ $typed }»: записать можно на сегодня или на день вперёд, до года.
helpdesk-visit-not-theirs = ⚠️ { $number } — не заявка этого участника.
helpdesk-visit-wrong-kind = ⚠️ { $number } — не запись к врачу, не анализы и не лекарства: визит или доставка назначаются только на них.
helpdesk-visit-closed = ⚠️ { $number } отменена или отклонена: записать по ней визит или доставку нельзя.
helpdesk-visit-none = ⚠️ У этого участника нет заявки на запись к врачу, анализы или лекарства за последние 60 дней. Укажите её номер: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-which = У этого участника несколько заявок на запись к врачу, анализы или лекарства: { $numbers }. Укажите номер: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-booked = 📅 { $number }: визит записан на { $when }. { $remind ->
    [yes] Участнику сообщено сейчас, накануне придёт напоминание.
   *[no] Участнику сообщено сейчас; напоминания накануне не будет: уже скоро.
}
helpdesk-delivery-booked = 🚚 { $number }: доставка назначена на { $when }. { $remind ->
    [yes] Участнику сообщено сейчас, накануне придёт напоминание.
   *[no] Участнику сообщено сейчас; напоминания накануне не будет: уже скоро.
}

helpdesk-reply-usage = Как: <code>/reply имя</code> в теме участника. <code>/templates</code> показывает имена.
helpdesk-reply-unknown = Шаблона «{ $name }» нет. <code>/templates</code> показывает список.
helpdesk-reply-sent =
    ↪️ Шаблон ({ $language }) поставлен в очередь для участника:
    { $text }

helpdesk-templates-none = Шаблонов пока нет. Добавьте: <code>/template add имя ru текст</code>
helpdesk-templates-title = 📋 Шаблоны ответов ({ $count }):
helpdesk-templates-help = В тексте {"{"}name{"}"} заменяется именем участника, а {"{"}request{"}"} — номером заявки. Форматирование, которое вы даёте тексту в Telegram (жирный, курсив, ссылки), сохраняется.
helpdesk-template-usage =
    Как:
    <code>/template add имя язык текст</code> (язык: uk, ru, kk или en)
    <code>/template remove имя</code> или <code>/template remove имя язык</code>
helpdesk-template-bad-name = Имя — от 1 до 32 символов: латинские буквы, цифры, «-» или «_».
helpdesk-template-bad-language = После названия идёт язык: uk, ru, kk или en. Например: <code>/template add docs ru Здравствуйте, {"{"}name{"}"}!</code>
helpdesk-template-bad-placeholder = { $placeholder } не заполняется: в тексте может быть {"{"}name{"}"} (имя участника) и {"{"}request{"}"} (номер заявки).
helpdesk-template-too-long = Текст слишком длинный (не более 3000 символов).
helpdesk-template-added = ✅ Шаблон «{ $name }» ({ $language }) добавлен.
helpdesk-template-replaced = ✅ Шаблон «{ $name }» ({ $language }) заменён.
helpdesk-template-removed = { $count ->
    [0] Шаблона «{ $name }» нет — ничего не удалено.
    [one] 🗑 Шаблон «{ $name }» удалён.
   *[other] 🗑 Шаблон «{ $name }» удалён ({ $count } языков).
}

helpdesk-member-edited = 💬 <b>{ $member }</b>{ $request } (✏️ изменено):
    { $text }
helpdesk-member-correction = ✏️ <b>{ $member }</b>{ $request } исправил(а) это сообщение:
    { $text }
helpdesk-file-tag = 📎 <b>{ $member }</b>{ $request }

helpdesk-card-rating = ⭐ Оценка: { $stars } ({ $score }/5)
helpdesk-card-rating-comment = 💬 Комментарий участника: { $comment }

helpdesk-chart-caption = 📊 Последние { $days } дней: заявок — { $count }.
helpdesk-chart-per-day = Заявки по дням и статусам
helpdesk-chart-times = Медианное время
helpdesk-chart-ratings = Оценки (1-5)
helpdesk-chart-hours = часы
helpdesk-chart-minutes = минуты
helpdesk-chart-first-action = до первого действия
helpdesk-chart-done = до выполнения
helpdesk-chart-no-data = Заявок пока нет
helpdesk-chart-no-ratings = Оценок пока нет

helpdesk-export-usage = Как: <code>/export С ПО</code>, напр. <code>/export 2026-11-01 2026-11-30</code> или <code>/export 1-30.11</code>, или один день: <code>/export 2026-11-30</code>; день можно написать <code>30.11</code>, <code>30.11.2026</code> или <code>вчера</code>; или месяц или неделя: <code>/export ноябрь</code>, <code>/export прошлая неделя</code>
helpdesk-export-range = Дата «с» не может быть позже «по», а период — не длиннее { $days } дней.
helpdesk-export-caption = 📤 Заявки с { $first } по { $last }: { $count } (без документов; персональные данные скрыты). Этот экспорт записан в журнал.
helpdesk-export-col-number = Номер
helpdesk-export-col-created = Создана
helpdesk-export-col-kind = Тип
helpdesk-export-col-status = Статус
helpdesk-export-col-member = Участник
helpdesk-export-col-phone = Телефон (скрыт)
helpdesk-export-col-language = Язык
helpdesk-export-col-policy = Полис
helpdesk-export-col-program = Программа
helpdesk-export-col-holder = Владелец карты
helpdesk-export-col-relation = Кем приходится
helpdesk-export-col-assignee = Исполнитель
helpdesk-export-col-first_action = Первое действие
helpdesk-export-col-done = Выполнена
helpdesk-export-col-rating = Оценка
helpdesk-export-col-rating_comment = Комментарий к оценке
helpdesk-export-col-details = Ответы
