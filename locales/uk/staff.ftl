## Підтримка (чат співробітників) і повідомлення для клієнтів

staff-not-allowed = ⛔️ Ця дія доступна лише співробітникам підтримки.
staff-button-unknown = Ця кнопка застаріла. Скористайтеся кнопками на останній картці заявки.
staff-done = ✅ Готово
staff-done-untold = ℹ️ Заявку { $number } ({ $kind }) виконано, але від її надходження клієнту нічого не надсилали. Якщо йому ще не сказали, де і коли, напишіть це тут: повідомлення дійде до нього.
staff-done-untold-visit = ℹ️ Заявку { $number } ({ $kind }) виконано, але від її надходження клієнту нічого не надсилали. Запишіть візит, який дала клініка чи лабораторія: <code>/visit 09.12 17:30</code> тут (клієнту повідомлять і нагадають напередодні), або напишіть, де і коли: повідомлення дійде до нього.
staff-done-untold-delivery = ℹ️ Заявку { $number } ({ $kind }) виконано, але від її надходження клієнту нічого не надсилали. Призначте доставку: <code>/visit 09.12 17:30</code> тут (клієнту повідомлять і нагадають напередодні), або напишіть, де і коли: повідомлення дійде до нього.
# a staff line to the member that says a visit or delivery was booked: booking it offered
# (bot/handlers/admin/visit.py:offer_said)
staff-visit-said = 📅 { $number }: ваше повідомлення схоже на запис на візит: { $when }. Записати візит у заявку? { $remind ->
    [yes] Учасникові надійде повідомлення про візит і нагадування напередодні.
   *[no] Учасникові надійде повідомлення про візит.
}
staff-delivery-said = 🚚 { $number }: ваше повідомлення схоже на призначену доставку: { $when }. Записати доставку в заявку? { $remind ->
    [yes] Учасникові надійде повідомлення про доставку і нагадування напередодні.
   *[no] Учасникові надійде повідомлення про доставку.
}
staff-btn-book-visit = 📅 Записати візит
staff-btn-book-delivery = 🚚 Записати доставку
staff-said-booked-already = Це вже записано, або заявку закрито.
staff-said-day-passed = Цей день уже минув: запишіть візит командою /visit.
staff-already-taken = Цю заявку вже взяв у роботу співробітник { $name }.
staff-info-asked-already = ℹ️ Клієнту вже поставили запитання (колега встиг першим), тож ваше запитання надійде йому як повідомлення в цій темі.
staff-not-now = Зараз це неможливо: статус заявки — { $status }.
staff-request-missing = Цієї заявки більше не існує.
staff-ask-info = ✍️ Напишіть запитання для клієнта у відповідь на це повідомлення.
staff-ask-reject = ✍️ Напишіть причину відхилення у відповідь на це повідомлення; клієнт її побачить.
staff-ask-visit = ✍️ Дайте відповідь на це повідомлення днем і часом візиту, на які записала клініка чи лабораторія, наприклад 09.12 17:30 (час можна не вказувати).
staff-ask-delivery = ✍️ Дайте відповідь на це повідомлення днем і часом доставки ліків, наприклад 09.12 17:30, 09.12 10–14 або 09.12 до 14:00 (час можна не вказувати).
staff-text-too-short = Будь ласка, напишіть хоча б кілька слів.
staff-sent-to-member = ✅ Збережено; клієнта повідомлено.
staff-member-unreachable = ⚠️ Цей клієнт заблокував бота; повідомлення буде доставлено, щойно клієнт знову напише.

staff-btn-take = 🙋 Взяти в роботу
staff-btn-progress = 🔧 У роботі
staff-btn-info = ❓ Потрібна інформація
staff-btn-done = ✅ Виконано
staff-btn-reject = ⛔️ Відхилити
staff-btn-reveal = 📞 Показати телефон
staff-btn-visit = 📅 Прийом
staff-btn-delivery = 🚚 Доставка
staff-phones = 📞 { $number }: { $phones } (перегляд зафіксовано в журналі)

staff-card =
    <b>{ $number }</b> · { $kind }
    👤 { $member } · { $phone } · { $language }
    💳 { $policy } · { $program } · { $holder } ({ $relation })

    { $details }

    Статус: <b>{ $status }</b>
# under the answers, only when the request has any
staff-card-documents = 📎 Документи: { $count }
staff-card-voices = 🎤 Голосові повідомлення: { $count }
staff-card-assignee = 🙋 Виконавець: { $assignee }
staff-card-unassigned = 🙋 Заявку ще ніхто не взяв у роботу.
staff-card-link = <a href="{ $link }">↗️ Відкрити її картку</a>
staff-member-message = 💬 <b>{ $member }</b>{ $request }:
    { $text }
staff-member-message-request = { " " }· { $number }
staff-ticket =
    ✉️ <b>Картку не знайдено</b> · запит № { NUMBER($ticket_id, useGrouping: 0) }
    👤 { $member } · { $phone }
    Поліс: { $policy_number }
    ПІБ: { $full_name }
    🔧 Картка записана з іншим телефоном? Тут <code>/setphone</code> з її ID застрахованого дасть їй телефон цього клієнта, і картка з’явиться в його чаті. Знайти її: <code>/find</code> з номером полісу або прізвищем.

staff-ticket-answered =
    ✅ Запит № { $tickets } виконано: у клієнта { $member } тепер { $cards ->
        [one] { $cards } картка
        [few] { $cards } картки
       *[other] { $cards } карток
    }, його повідомлено. Більше нічого робити не треба.

notify-request-status =
    🔔 Заявка <b>{ $number }</b> ({ $kind }): { $status }.
notify-need-info-how = ✍️ Надішліть відповідь сюди: повідомлення, голосове повідомлення, фото або файли.
notify-request-comment = 💬 { $comment }
notify-cards-linked =
    🎉 { $count ->
        [one] До Вашого акаунта додано { $count } страхову картку.
        [few] До Вашого акаунта додано { $count } страхові картки.
        [many] До Вашого акаунта додано { $count } страхових карток.
       *[other] До Вашого акаунта додано { $count } страхової картки.
    } Відкрийте розділ «Мої картки», щоб переглянути подробиці.
btn-open-request = 📋 Відкрити заявку

staff-escalation =
    ⏰ Заявка <b>{ $number }</b> ({ $kind }) від клієнта { $member } чекає вже понад { $hours } { $working ->
        [yes] робочих год
       *[no] год
    }, і її ще ніхто не взяв у роботу.
staff-low-rating = 👎 Оцінка заявки <b>{ $number }</b> ({ $kind }) від клієнта { $member }: { $stars } ({ $score }/5).
notify-activation-open =
    🎉 Період очікування завершився: Ваша страхова картка { $policy } діє з сьогодні.
    Відкрийте /menu, щоб нею скористатися.
notify-coverage-started =
    🎉 { $count ->
        [one] Ваша страхова картка почала діяти:
       *[other] Ваші страхові картки почали діяти:
    }
    { $cards }
    Тепер можна надсилати заявки: відкрийте /menu.
notify-coverage-card = • { $policy } · { $name } — з { $date }
notify-appointment-tomorrow =
    📅 Нагадування: запис до лікаря за Вашою заявкою <b>{ $number }</b> — на завтра.
    { $details }
notify-visit-booked =
    📅 Вас записано на прийом: <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
# a visit booked again: the booking it replaces (bot/delivery/member.py:_visit)
notify-visit-was = 🔁 Змінено: раніше було { $was }.
# after a visit's booking, when its day is after tomorrow (bot/delivery/member.py:_visit)
notify-visit-will-remind = Я нагадаю Вам про це напередодні.
notify-visit-tomorrow =
    📅 Нагадування: Ваш прийом завтра, <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-lab-visit-booked =
    🧪 Вас записано на здачу аналізів: <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-lab-visit-tomorrow =
    🧪 Нагадування: здача аналізів завтра, <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-medicines-delivery-booked =
    🚚 Доставку ліків призначено: <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-medicines-delivery-tomorrow =
    🚚 Нагадування: доставка ліків завтра, <b>{ $when }</b>.
    Заявка <b>{ $number }</b>:
    { $details }
notify-need-info-nudge =
    ❓ Підтримка досі чекає на Вашу відповідь щодо заявки <b>{ $number }</b>:
    { $question }
    Надішліть відповідь сюди: повідомлення, фото або файли.
staff-card-full-text = 📄 <b>{ $number }</b>: відповіді повністю (у картці вони скорочені)
staff-not-saved = ⚠️ Не збережено (помилка бази даних). Натисніть ще раз.
staff-message-not-sent = ⚠️ Ваше повідомлення не надіслано клієнту (помилка бази даних). Будь ласка, надішліть його ще раз.

## /help, /cancel and unknown commands in a staff chat (bot/handlers/admin/staff_help.py)
staff-help-title = ℹ️ <b>Команди для співробітників</b>
staff-help-line = /{ $command } · { $description }
staff-help-owners = Для власників:
staff-help-more =
    📥 Файл реєстру (CSV або XLSX), надісланий сюди поза темою клієнта, імпортується.
    🔎 Номер заявки (R-000042) або клієнта (#42), надісланий сюди окремим повідомленням, шукається, як /find.
    💬 У темі клієнта те, що ви пишете, надходить клієнту; почніть із ! — і це буде нотатка лише для співробітників.
    📅 Під повідомленням там, що візит чи доставку призначено («записали на четвер о 14:30»), з’явиться кнопка: записати це в заявку, з нагадуванням напередодні.
staff-unknown-command = ⚠️ Бот не знає такої команди.
staff-prompt-cancelled = ↩️ Скасовано: клієнту нічого не надіслано, заявка без змін.
staff-nothing-to-cancel = ℹ️ Нічого скасовувати: бот не чекає від вас запитання чи причини.
staff-prompt-expired = ⏰ Бот просив у вас запитання чи причину понад { $minutes } хв тому й більше не чекає, тож цей рядок клієнту не надіслано. Натисніть кнопку на картці ще раз або напишіть рядок знову, щоб надіслати його як повідомлення.
command-staff-cancel = Скасувати запитання чи причину, яку просив бот
command-staff-help = Що бот робить для співробітників
command-staff-audit = Журнал дій щодо клієнта, заявки чи співробітника
command-staff-staff = Додати, прибрати співробітника чи показати список: /staff add|remove|list
