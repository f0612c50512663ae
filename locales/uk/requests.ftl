## Заявки: спільні тексти

btn-new-request = 📝 Нова заявка
btn-my-requests = 📋 Мої заявки
btn-prev = ◀️
btn-next = ▶️
btn-yes-cancel = ✖️ Так, скасувати
btn-no = Ні
btn-reply = ✉️ Додати повідомлення або документи
btn-cancel-request = ✖️ Скасувати заявку
btn-docs-clear = 🗑 Видалити документи
btn-docs-done = ✅ Завершити додавання документів
btn-skip = ⏭ Пропустити

request-kind-appointment = 🩺 Запис до лікаря
request-kind-medicines = 💊 Ліки
request-kind-lab_tests = 🧪 Аналізи
request-kind-reimbursement = 💵 Відшкодування витрат
request-kind-callback = 📞 Зворотний дзвінок

request-status-new = 🆕 нова
request-status-in_progress = 🔧 у роботі
request-status-need_info = ❓ потрібна додаткова інформація
request-status-done = ✅ виконана
request-status-rejected = ⛔️ відхилена
request-status-cancelled = ✖️ скасована

request-choose-type =
    📝 <b>Нова заявка</b> за карткою { $policy } ({ $holder }).
    Що Вам потрібно?
btn-request-for-other = 👥 Для іншої особи
request-choose-person = 👥 За чиєю карткою подати заявку?
request-whose-for = 📝 { $request }
request-blocked = 📝 { $blocked }
request-no-card = Для заявки потрібна активна страхова картка. Спочатку підтвердьте номер телефону або активуйте картку.
request-card-waiting = Страховий захист за Вашою активною карткою починається { $date }; заявки можна подавати з цього дня. Я повідомлю, коли він почнеться.
request-card-expired = Страховий захист за Вашою активною карткою завершився { $date }. Оберіть іншу картку в розділі «Мої картки» або зверніться до підтримки.
request-date-invalid = Не вдалося розпізнати дату. Будь ласка, введіть її у форматі ДД.ММ.РРРР або оберіть день у календарі.
request-date-passed = Обраний Вами день, { $date }, уже минув. Будь ласка, оберіть сьогодні або пізніший день.
request-no-time-left = На { $date } для візиту вже не лишилося часу. Будь ласка, оберіть пізніший день.
request-time-passed = Цей час доби { $date } уже минув. Будь ласка, оберіть інший.
date-refused = 👌 Зрозумів: не { $date }. Який день Вам підходить? Оберіть його в календарі або напишіть.
request-time-refused = 👌 Зрозумів: не { $choice }. Який час Вам підходить? Будь ласка, оберіть його нижче.
request-time-outside = Візити й дзвінки призначаються з { $opens } до { $closes }. Будь ласка, оберіть час доби нижче.
request-sent-suggest = Ви писали й про це: { $request }. Натисніть «📝 Нова заявка: { $request }».
summary-next-kept = 📝 Записав: коли цю заявку буде надіслано, запропоную наступну: { $request }. Спершу перевірте підсумок і натисніть «{ btn-send }».
request-sent =
    ✅ Заявку <b>{ $number }</b> надіслано.
    Щойно її статус зміниться, я повідомлю Вам про це тут.
request-sent-now = ✅ Заявку <b>{ $number }</b> надіслано. Її статус зараз: { $moved }.
request-sent-closed = 🌙 Підтримка зараз не працює. { $today ->
        [yes] Заявку візьмуть у роботу сьогодні з { $change }.
       *[no] Заявку візьмуть у роботу з { $change }.
    }

time-window-morning = 🌅 Ранок, 8:00–12:00
time-window-afternoon = ☀️ День, 12:00–16:00
time-window-evening = 🌆 Вечір, 16:00–20:00
time-window-any = 🕘 Будь-який час
time-window-said = { $window } · «{ $said }»

docs-expected = Будь ласка, надішліть фото або файл (PDF, JPEG, PNG, HEIC).
docs-too-many = Ліміт документів для однієї заявки — { $max }; зайві документи не додано.
docs-too-big = Цей файл більший за 20 МБ. Будь ласка, надішліть менший файл або його фото.
docs-bad-type = Приймаються файли PDF, JPEG, PNG і HEIC, а також фото. Будь ласка, надішліть документ в одному з цих форматів.
docs-count = 📎 Додано документів: { $docs_count } з { $max_docs }.

field-phone = Телефон
field-time_window = Час
field-topic = Тема
field-call_date = Зателефонуємо
field-specialty = Спеціальність
field-clinic = Місто / клініка
field-clinic_phone = Телефон клініки
field-preferred_date = Бажана дата
field-visit_date = 📅 Запис на прийом
field-delivery_date = 🚚 Доставку призначено на
field-visit_note = 💬 Подробиці запису
visit-when = { $day }, { $time }
# staff booked a span of hours (bot/render.py:booked_hour)
visit-time-by = до { $time }
visit-time-after = після { $time }
field-comment = Коментар
field-items = Ліки
field-address = Адреса
field-referral = Аналізи
field-service_date = Дата надання послуги
field-amount = Сума
field-iban = IBAN
field-documents = Документи

my-requests-title = 📋 <b>Мої заявки</b> (сторінка { $page } з { $pages }). Натисніть на заявку, щоб відкрити її.
my-requests-empty = 📋 У Вас ще немає заявок.
request-page-documents = 📎 Документи: { $count }
request-page =
    <b>{ $number }</b> · { $kind }
    Статус: <b>{ $status }</b>
    Надіслано: { $created }

    { $details }{ $documents }

    <b>Історія</b>
    { $history }
request-insured = 👤 Застрахована особа: { $insured } · поліс { $policy }
request-insured-name = 👤 Застрахована особа: { $insured }
request-missing = Ця заявка недоступна.
history-you = Ви
history-support = підтримка
reply-prompt = ✉️ Введіть повідомлення та/або надішліть фото, файли чи голосове повідомлення, а потім натисніть «Надіслати».
reply-collected =
    Готово до надсилання: { $reply_text }
reply-collected-files = 📎 Документи: { $files_count }
reply-collected-voices = 🎤 Голосові повідомлення: { $voices_count }
reply-empty = Будь ласка, спочатку введіть повідомлення або додайте документ.
reply-sent = ✅ Ваше повідомлення додано до заявки.
reply-closed = Ця заявка закрита, тому додати до неї нічого не можна. Будь ласка, створіть нову заявку.
reply-sent-to = ✅ Ваше повідомлення додано до заявки { $number }; підтримка його бачить.
reply-closed-to-support = ✅ Заявку { $number } закрито, тож Ваше повідомлення надіслано в підтримку як нове питання; відповідь надійде сюди.
reply-to-support = ✅ Надіслано в підтримку; відповідь надійде сюди.
edit-not-read = ✏️ Я не читаю змін у вже надісланому повідомленні. Якщо відповідь у формі треба змінити, скористайтеся кнопками ✏️ у її підсумку перед надсиланням.
answer-which-request = Якої заявки це стосується: { $numbers }? Щоб повідомлення потрапило до потрібної, дайте відповідь на повідомлення бота про неї (потягніть його ліворуч) або відкрийте її в «{ btn-my-requests }» і натисніть «{ btn-reply }». Поки нічого не надіслано.
request-cancel-confirm = Скасувати заявку <b>{ $number }</b>? Цю дію не можна буде скасувати.
request-cancel-too-late = Підтримка вже почала опрацьовувати цю заявку, тому скасувати її більше не можна. Натомість додайте повідомлення.

btn-full-text = 📄 Показати повністю
full-text-page =
    📄 Сторінка { $page } з { $pages }

    { $text }
btn-history-earlier = ◀️ Раніше
btn-history-later = Пізніше ▶️
request-history-part = 📜 Історія: частина { $history_page } з { $history_pages }.
list-item-not-found = У Вашому списку такого немає. Перевірте список вище або натисніть «{ btn-list-clear }», щоб почати його знову.
list-card-moved = 👤 Тепер заявка оформлюється на картку: { $holder } ({ $policy }).
# the same request sent twice, the first still open (dialogs/requests/common.py:submit)
request-same-open = Така сама заявка вже надіслана й досі відкрита: { $number } ({ $status }). Щоб усе одно надіслати ще одну, натисніть «✅ Надіслати» ще раз; або «✖️ Скасувати» цю.
