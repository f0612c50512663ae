# Інструменти служби підтримки в чаті персоналу: нотатки, шаблони відповідей, правки, оцінки, графік, експорт

command-staff-note = Внутрішня нотатка в цій темі (не надсилається)
command-staff-reply = Надіслати шаблон відповіді: /reply назва
command-staff-templates = Список шаблонів відповідей
command-staff-template = Додати або видалити шаблон відповіді
command-staff-export = Заявки у XLSX: /export З ПО або /export ДЕНЬ
command-staff-visit = Записати учасника на прийом або аналізи чи призначити доставку ліків: /visit 09.12 17:30

helpdesk-note-kept = 📝 Внутрішню нотатку збережено. Учасникові її не надіслано.
helpdesk-note-usage = Напишіть нотатку після команди: <code>/note текст</code> або <code>!текст</code>.
helpdesk-note-no-member = Використовуйте це в темі учасника (або у відповідь на його повідомлення).

helpdesk-visit-usage = Як: у темі учасника <code>/visit 09.12 17:30</code> (день візиту чи доставки і, якщо відомо, час). Якщо заявок на прийом, аналізи чи ліки кілька — спочатку номер заявки: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-bad-date = ⚠️ Не вдалося прочитати день у «{ $typed }». Наприклад: <code>/visit 09.12 17:30</code> або <code>/visit завтра 10:00</code>.
helpdesk-visit-out-of-range = ⚠️ «{ $typed }»: записати можна на сьогодні або на день уперед, до року.
helpdesk-visit-not-theirs = ⚠️ { $number } — не заявка цього учасника.
helpdesk-visit-wrong-kind = ⚠️ { $number } — не запис до лікаря, не аналізи й не ліки: візит чи доставка призначаються лише на них.
helpdesk-visit-closed = ⚠️ { $number } скасовано або відхилено: записати за нею візит чи доставку не можна.
helpdesk-visit-none = ⚠️ У цього учасника немає заявки на запис до лікаря, аналізи чи ліки за останні 60 днів. Вкажіть її номер: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-which = У цього учасника кілька заявок на запис до лікаря, аналізи чи ліки: { $numbers }. Вкажіть номер: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-booked = 📅 { $number }: візит записано на { $when }. { $remind ->
    [yes] Учасникові повідомлено зараз, напередодні надійде нагадування.
   *[no] Учасникові повідомлено зараз; нагадування напередодні не буде: уже скоро.
}
helpdesk-delivery-booked = 🚚 { $number }: доставку призначено на { $when }. { $remind ->
    [yes] Учасникові повідомлено зараз, напередодні надійде нагадування.
   *[no] Учасникові повідомлено зараз; нагадування напередодні не буде: уже скоро.
}

helpdesk-reply-usage = Як: <code>/reply назва</code> у темі учасника. <code>/templates</code> показує назви.
helpdesk-reply-unknown = Шаблону «{ $name }» немає. <code>/templates</code> показує список.
helpdesk-reply-sent =
    ↪️ Шаблон ({ $language }) поставлено в чергу для учасника:
    { $text }

helpdesk-templates-none = Шаблонів ще немає. Додайте: <code>/template add назва uk текст</code>
helpdesk-templates-title = 📋 Шаблони відповідей ({ $count }):
helpdesk-templates-help = У тексті {"{"}name{"}"} стає ім'ям учасника, а {"{"}request{"}"} — номером заявки. Форматування, яке ви даєте тексту в Telegram (жирний, курсив, посилання), зберігається.
helpdesk-template-usage =
    Як:
    <code>/template add назва мова текст</code> (мова: uk, ru, kk або en)
    <code>/template remove назва</code> або <code>/template remove назва мова</code>
helpdesk-template-bad-name = Назва — від 1 до 32 символів: латинські літери, цифри, «-» або «_».
helpdesk-template-bad-language = Після назви йде мова: uk, ru, kk або en. Наприклад: <code>/template add docs uk Добрий день, {"{"}name{"}"}!</code>
helpdesk-template-bad-placeholder = { $placeholder } не заповнюється: у тексті може бути {"{"}name{"}"} (ім'я учасника) і {"{"}request{"}"} (номер заявки).
helpdesk-template-too-long = Текст задовгий (не більше 3000 символів).
helpdesk-template-added = ✅ Шаблон «{ $name }» ({ $language }) додано.
helpdesk-template-replaced = ✅ Шаблон «{ $name }» ({ $language }) замінено.
helpdesk-template-removed = { $count ->
    [0] Шаблону «{ $name }» немає — нічого не видалено.
    [one] 🗑 Шаблон «{ $name }» видалено.
   *[other] 🗑 Шаблон «{ $name }» видалено ({ $count } мов).
}

helpdesk-member-edited = 💬 <b>{ $member }</b>{ $request } (✏️ змінено):
    { $text }
helpdesk-member-correction = ✏️ <b>{ $member }</b>{ $request } виправив(ла) це повідомлення:
    { $text }
helpdesk-file-tag = 📎 <b>{ $member }</b>{ $request }

helpdesk-card-rating = ⭐ Оцінка: { $stars } ({ $score }/5)
helpdesk-card-rating-comment = 💬 Коментар учасника: { $comment }

helpdesk-chart-caption = 📊 Останні { $days } днів: заявок — { $count }.
helpdesk-chart-per-day = Заявки за днями і статусами
helpdesk-chart-times = Медіанний час
helpdesk-chart-ratings = Оцінки (1-5)
helpdesk-chart-hours = години
helpdesk-chart-minutes = хвилини
helpdesk-chart-first-action = до першої дії
helpdesk-chart-done = до виконання
helpdesk-chart-no-data = Заявок ще немає
helpdesk-chart-no-ratings = Оцінок ще немає

helpdesk-export-usage = Як: <code>/export З ПО</code>, напр. <code>/export 2026-11-01 2026-11-30</code> або <code>/export 1-30.11</code>, або один день: <code>/export 2026-11-30</code>; день можна написати <code>30.11</code>, <code>30.11.2026</code> або <code>вчора</code>; або місяць чи тиждень: <code>/export листопад</code>, <code>/export минулий тиждень</code>
helpdesk-export-range = Дата «з» не може бути пізніше за «по», а період — не довше { $days } днів.
helpdesk-export-caption = 📤 Заявки з { $first } по { $last }: { $count } (без документів; персональні дані приховано). Цей експорт записано в журнал.
helpdesk-export-col-number = Номер
helpdesk-export-col-created = Створено
helpdesk-export-col-kind = Тип
helpdesk-export-col-status = Статус
helpdesk-export-col-member = Учасник
helpdesk-export-col-phone = Телефон (приховано)
helpdesk-export-col-language = Мова
helpdesk-export-col-policy = Поліс
helpdesk-export-col-program = Програма
helpdesk-export-col-holder = Власник картки
helpdesk-export-col-relation = Ким доводиться
helpdesk-export-col-assignee = Виконавець
helpdesk-export-col-first_action = Перша дія
helpdesk-export-col-done = Виконано
helpdesk-export-col-rating = Оцінка
helpdesk-export-col-rating_comment = Коментар до оцінки
helpdesk-export-col-details = Відповіді
