## Поддержка (служебный чат) и уведомления для клиентов

staff-not-allowed = ⛔️ Это действие доступно только сотрудникам поддержки.
staff-button-unknown = Эта кнопка устарела. Используйте кнопки на последней карточке заявки.
staff-done = ✅ Готово
staff-done-untold = ℹ️ Заявка { $number } ({ $kind }) выполнена, но с её поступления клиенту ничего не отправляли. Если ему ещё не сказали, где и когда, напишите это здесь: сообщение дойдёт до него.
staff-done-untold-visit = ℹ️ Заявка { $number } ({ $kind }) выполнена, но с её поступления клиенту ничего не отправляли. Запишите визит, который дала клиника или лаборатория: <code>/visit 09.12 17:30</code> здесь (клиенту сообщат и напомнят накануне), или напишите, где и когда: сообщение дойдёт до него.
staff-done-untold-delivery = ℹ️ Заявка { $number } ({ $kind }) выполнена, но с её поступления клиенту ничего не отправляли. Назначьте доставку: <code>/visit 09.12 17:30</code> здесь (клиенту сообщат и напомнят накануне), или напишите, где и когда: сообщение дойдёт до него.
# a staff line to the member that says a visit or delivery was booked: booking it offered
# (bot/handlers/admin/visit.py:offer_said)
staff-visit-said = 📅 { $number }: ваше сообщение похоже на запись на визит: { $when }. Записать визит в заявку? { $remind ->
    [yes] Участнику придёт сообщение о визите и напоминание накануне.
   *[no] Участнику придёт сообщение о визите.
}
staff-delivery-said = 🚚 { $number }: ваше сообщение похоже на назначенную доставку: { $when }. Записать доставку в заявку? { $remind ->
    [yes] Участнику придёт сообщение о доставке и напоминание накануне.
   *[no] Участнику придёт сообщение о доставке.
}
staff-btn-book-visit = 📅 Записать визит
staff-btn-book-delivery = 🚚 Записать доставку
staff-said-booked-already = Это уже записано, или заявка закрыта.
staff-said-day-passed = Этот день уже прошёл: запишите визит командой /visit.
staff-already-taken = Эту заявку уже взял в работу сотрудник { $name }.
staff-info-asked-already = ℹ️ Клиенту уже задали вопрос (коллега успел первым), поэтому ваш вопрос уйдёт ему как сообщение в этой теме.
staff-not-now = Сейчас это невозможно: статус заявки — { $status }.
staff-request-missing = Этой заявки больше не существует.
staff-ask-info = ✍️ Напишите вопрос для клиента в ответ на это сообщение.
staff-ask-reject = ✍️ Напишите причину отклонения в ответ на это сообщение; клиент её увидит.
staff-ask-visit = ✍️ Ответьте на это сообщение днём и временем визита, на которые записала клиника или лаборатория, например 09.12 17:30 (время можно не указывать).
staff-ask-delivery = ✍️ Ответьте на это сообщение днём и временем доставки лекарств, например 09.12 17:30, 09.12 10–14 или 09.12 до 14:00 (время можно не указывать).
staff-text-too-short = Пожалуйста, напишите хотя бы несколько слов.
staff-sent-to-member = ✅ Сохранено; клиент уведомлён.
staff-member-unreachable = ⚠️ Этот клиент заблокировал бота; сообщение будет доставлено, как только клиент снова напишет.

staff-btn-take = 🙋 Взять в работу
staff-btn-progress = 🔧 В работе
staff-btn-info = ❓ Нужна информация
staff-btn-done = ✅ Выполнено
staff-btn-reject = ⛔️ Отклонить
staff-btn-reveal = 📞 Показать телефон
staff-btn-visit = 📅 Приём
staff-btn-delivery = 🚚 Доставка
staff-phones = 📞 { $number }: { $phones } (просмотр записан в журнал)

staff-card =
    <b>{ $number }</b> · { $kind }
    👤 { $member } · { $phone } · { $language }
    💳 { $policy } · { $program } · { $holder } ({ $relation })

    { $details }

    Статус: <b>{ $status }</b>
# under the answers, only when the request has any
staff-card-documents = 📎 Документы: { $count }
staff-card-voices = 🎤 Голосовые сообщения: { $count }
staff-card-assignee = 🙋 Исполнитель: { $assignee }
staff-card-unassigned = 🙋 Заявку ещё никто не взял в работу.
staff-card-link = <a href="{ $link }">↗️ Открыть её карточку</a>
staff-member-message = 💬 <b>{ $member }</b>{ $request }:
    { $text }
staff-member-message-request = { " " }· { $number }
staff-ticket =
    ✉️ <b>Карта не найдена</b> · запрос № { NUMBER($ticket_id, useGrouping: 0) }
    👤 { $member } · { $phone }
    Полис: { $policy_number }
    ФИО: { $full_name }
    🔧 Карта записана с другим телефоном? Здесь <code>/setphone</code> с её ID застрахованного даст ей телефон этого клиента, и карта появится в его чате. Найти её: <code>/find</code> с номером полиса или фамилией.

staff-ticket-answered =
    ✅ Запрос № { $tickets } выполнен: у клиента { $member } теперь { $cards ->
        [one] { $cards } карта
        [few] { $cards } карты
       *[other] { $cards } карт
    }, ему сообщено. Больше ничего делать не нужно.

notify-request-status =
    🔔 Заявка <b>{ $number }</b> ({ $kind }): { $status }.
notify-need-info-how = ✍️ Отправьте ответ сюда: сообщение, голосовое сообщение, фото или файлы.
notify-request-comment = 💬 { $comment }
notify-cards-linked =
    🎉 { $count ->
        [one] К Вашему аккаунту добавлена { $count } страховая карта.
        [few] К Вашему аккаунту добавлены { $count } страховые карты.
        [many] К Вашему аккаунту добавлено { $count } страховых карт.
       *[other] К Вашему аккаунту добавлено { $count } страховой карты.
    } Откройте раздел «Мои карты», чтобы посмотреть подробности.
btn-open-request = 📋 Открыть заявку

staff-escalation =
    ⏰ Заявка <b>{ $number }</b> ({ $kind }) от клиента { $member } ждёт уже более { $hours } { $working ->
        [yes] рабочих ч
       *[no] ч
    }, и её ещё никто не взял в работу.
staff-low-rating = 👎 Оценка заявки <b>{ $number }</b> ({ $kind }) от клиента { $member }: { $stars } ({ $score }/5).
notify-activation-open =
    🎉 Временная франшиза истекла: Ваша страховая карта { $policy } действует с сегодняшнего дня.
    Откройте /menu, чтобы ею воспользоваться.
notify-coverage-started =
    🎉 { $count ->
        [one] Ваша страховая карта начала действовать:
       *[other] Ваши страховые карты начали действовать:
    }
    { $cards }
    Теперь можно отправлять заявки: откройте /menu.
notify-coverage-card = • { $policy } · { $name } — с { $date }
notify-appointment-tomorrow =
    📅 Напоминание: запись к врачу по Вашей заявке <b>{ $number }</b> — на завтра.
    { $details }
notify-visit-booked =
    📅 Вы записаны на приём: <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
# a visit booked again: the booking it replaces (bot/delivery/member.py:_visit)
notify-visit-was = 🔁 Изменено: раньше было { $was }.
# after a visit's booking, when its day is after tomorrow (bot/delivery/member.py:_visit)
notify-visit-will-remind = Я напомню Вам об этом накануне.
notify-visit-tomorrow =
    📅 Напоминание: Ваш приём завтра, <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-lab-visit-booked =
    🧪 Вы записаны на сдачу анализов: <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-lab-visit-tomorrow =
    🧪 Напоминание: сдача анализов завтра, <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-medicines-delivery-booked =
    🚚 Доставка лекарств назначена: <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-medicines-delivery-tomorrow =
    🚚 Напоминание: доставка лекарств завтра, <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-need-info-nudge =
    ❓ Поддержка всё ещё ждёт Вашего ответа по заявке <b>{ $number }</b>:
    { $question }
    Отправьте ответ сюда: сообщение, фото или файлы.
staff-card-full-text = 📄 <b>{ $number }</b>: ответы полностью (в карточке они сокращены)
staff-not-saved = ⚠️ Не сохранено (ошибка базы данных). Нажмите ещё раз.
staff-message-not-sent = ⚠️ Ваше сообщение не отправлено клиенту (ошибка базы данных). Пожалуйста, отправьте его ещё раз.

## /help, /cancel and unknown commands in a staff chat (bot/handlers/admin/staff_help.py)
staff-help-title = ℹ️ <b>Команды для сотрудников</b>
staff-help-line = /{ $command } · { $description }
staff-help-owners = Для владельцев:
staff-help-more =
    📥 Файл реестра (CSV или XLSX), отправленный сюда вне темы клиента, импортируется.
    🔎 Номер заявки (R-000042) или клиента (#42), отправленный сюда отдельным сообщением, ищется, как /find.
    💬 В теме клиента то, что вы пишете, уходит клиенту; начните с ! — и это будет заметка только для сотрудников.
    📅 Под сообщением там, что визит или доставка назначены («записали на четверг в 14:30»), появится кнопка: записать это в заявку, с напоминанием накануне.
staff-unknown-command = ⚠️ Бот не знает такой команды.
staff-prompt-cancelled = ↩️ Отменено: клиенту ничего не отправлено, заявка без изменений.
staff-nothing-to-cancel = ℹ️ Нечего отменять: бот не ждёт от вас вопроса или причины.
staff-prompt-expired = ⏰ Бот просил у вас вопрос или причину больше { $minutes } мин назад и больше не ждёт, поэтому эта строка клиенту не отправлена. Нажмите кнопку на карточке ещё раз или напишите строку снова, чтобы отправить её как сообщение.
command-staff-cancel = Отменить вопрос или причину, которую просил бот
command-staff-help = Что бот делает для сотрудников
command-staff-audit = Журнал действий по клиенту, заявке или сотруднику
command-staff-staff = Добавить, убрать сотрудника или показать список: /staff add|remove|list
