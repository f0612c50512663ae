## Заявки: общие тексты

btn-new-request = 📝 Новая заявка
btn-my-requests = 📋 Мои заявки
btn-prev = ◀️
btn-next = ▶️
btn-yes-cancel = ✖️ Да, отменить
btn-no = Нет
btn-reply = ✉️ Добавить сообщение или документы
btn-cancel-request = ✖️ Отменить заявку
btn-docs-clear = 🗑 Удалить документы
btn-docs-done = ✅ Завершить добавление документов
btn-skip = ⏭ Пропустить

request-kind-appointment = 🩺 Запись к врачу
request-kind-medicines = 💊 Лекарства
request-kind-lab_tests = 🧪 Анализы
request-kind-reimbursement = 💵 Возмещение расходов
request-kind-callback = 📞 Обратный звонок

request-status-new = 🆕 новая
request-status-in_progress = 🔧 в работе
request-status-need_info = ❓ нужна дополнительная информация
request-status-done = ✅ выполнена
request-status-rejected = ⛔️ отклонена
request-status-cancelled = ✖️ отменена

request-choose-type =
    📝 <b>Новая заявка</b> по карте { $policy } ({ $holder }).
    Что Вам нужно?
btn-request-for-other = 👥 Для другого человека
request-choose-person = 👥 По чьей карте подать заявку?
request-whose-for = 📝 { $request }
request-blocked = 📝 { $blocked }
request-no-card = Для заявки нужна активная страховая карта. Сначала подтвердите номер телефона или активируйте карту.
request-card-waiting = Страховая защита по Вашей активной карте начинается { $date }; заявки можно подавать с этого дня. Я сообщу, когда она начнётся.
request-card-expired = Страховая защита по Вашей активной карте закончилась { $date }. Выберите другую карту в разделе «Мои карты» или обратитесь в поддержку.
request-date-invalid = Не удалось распознать дату. Пожалуйста, введите её в формате ДД.ММ.ГГГГ или выберите день в календаре.
request-date-passed = Выбранный Вами день, { $date }, уже прошёл. Пожалуйста, выберите сегодня или более поздний день.
request-no-time-left = На { $date } для визита уже не осталось времени. Пожалуйста, выберите более поздний день.
request-time-passed = Это время суток { $date } уже прошло. Пожалуйста, выберите другое.
date-refused = 👌 Понял: не { $date }. Какой день Вам подходит? Выберите его в календаре или напишите.
request-time-refused = 👌 Понял: не { $choice }. Какое время Вам подходит? Пожалуйста, выберите его ниже.
request-time-outside = Визиты и звонки назначаются с { $opens } до { $closes }. Пожалуйста, выберите время суток ниже.
request-sent-suggest = Вы писали и об этом: { $request }. Нажмите «📝 Новая заявка: { $request }».
summary-next-kept = 📝 Записал: когда эта заявка будет отправлена, предложу следующую: { $request }. Сначала проверьте сводку и нажмите «{ btn-send }».
request-sent =
    ✅ Заявка <b>{ $number }</b> отправлена.
    Как только её статус изменится, я сообщу Вам об этом здесь.
request-sent-now = ✅ Заявка <b>{ $number }</b> отправлена. Её статус сейчас: { $moved }.
request-sent-closed = 🌙 Поддержка сейчас не работает. { $today ->
        [yes] Заявку возьмут в работу сегодня с { $change }.
       *[no] Заявку возьмут в работу с { $change }.
    }

time-window-morning = 🌅 Утро, 8:00–12:00
time-window-afternoon = ☀️ День, 12:00–16:00
time-window-evening = 🌆 Вечер, 16:00–20:00
time-window-any = 🕘 Любое время
time-window-said = { $window } · «{ $said }»

docs-expected = Пожалуйста, отправьте фото или файл (PDF, JPEG, PNG, HEIC).
docs-too-many = Лимит документов для одной заявки — { $max }; лишние документы не добавлены.
docs-too-big = Этот файл больше 20 МБ. Пожалуйста, отправьте файл меньшего размера или его фото.
docs-bad-type = Принимаются файлы PDF, JPEG, PNG и HEIC, а также фото. Пожалуйста, отправьте документ в одном из этих форматов.
docs-count = 📎 Прикреплено документов: { $docs_count } из { $max_docs }.

field-phone = Телефон
field-time_window = Время
field-topic = Тема
field-call_date = Позвоним
field-specialty = Специальность
field-clinic = Город / клиника
field-clinic_phone = Телефон клиники
field-preferred_date = Желаемая дата
field-visit_date = 📅 Запись на приём
field-delivery_date = 🚚 Доставка назначена на
field-visit_note = 💬 Подробности записи
visit-when = { $day }, { $time }
# staff booked a span of hours (bot/render.py:booked_hour)
visit-time-by = до { $time }
visit-time-after = после { $time }
field-comment = Комментарий
field-items = Лекарства
field-address = Адрес
field-referral = Анализы
field-service_date = Дата оказания услуги
field-amount = Сумма
field-iban = IBAN
field-documents = Документы

my-requests-title = 📋 <b>Мои заявки</b> (страница { $page } из { $pages }). Нажмите на заявку, чтобы открыть её.
my-requests-empty = 📋 У Вас пока нет заявок.
request-page-documents = 📎 Документы: { $count }
request-page =
    <b>{ $number }</b> · { $kind }
    Статус: <b>{ $status }</b>
    Отправлено: { $created }

    { $details }{ $documents }

    <b>История</b>
    { $history }
request-insured = 👤 Застрахованное лицо: { $insured } · полис { $policy }
request-insured-name = 👤 Застрахованное лицо: { $insured }
request-missing = Эта заявка недоступна.
history-you = Вы
history-support = поддержка
reply-prompt = ✉️ Введите сообщение и/или отправьте фото, файлы или голосовое сообщение, а затем нажмите «Отправить».
reply-collected =
    Готово к отправке: { $reply_text }
reply-collected-files = 📎 Документы: { $files_count }
reply-collected-voices = 🎤 Голосовые сообщения: { $voices_count }
reply-empty = Пожалуйста, сначала введите сообщение или прикрепите документ.
reply-sent = ✅ Ваше сообщение добавлено к заявке.
reply-closed = Эта заявка закрыта, поэтому к ней ничего нельзя добавить. Пожалуйста, создайте новую заявку.
reply-sent-to = ✅ Ваше сообщение добавлено к заявке { $number }; поддержка его видит.
reply-closed-to-support = ✅ Заявка { $number } закрыта, поэтому Ваше сообщение отправлено в поддержку как новый вопрос; ответ придёт сюда.
reply-to-support = ✅ Отправлено в поддержку; ответ придёт сюда.
edit-not-read = ✏️ Я не читаю изменения уже отправленного сообщения. Если ответ в форме нужно изменить, воспользуйтесь кнопками ✏️ в её итоге перед отправкой.
answer-which-request = К какой заявке это относится: { $numbers }? Чтобы сообщение попало в нужную, ответьте на сообщение бота о ней (потяните его влево) или откройте её в «{ btn-my-requests }» и нажмите «{ btn-reply }». Пока ничего не отправлено.
request-cancel-confirm = Отменить заявку <b>{ $number }</b>? Это действие нельзя будет отменить.
request-cancel-too-late = Поддержка уже начала работу по этой заявке, поэтому отменить её больше нельзя. Вместо этого добавьте сообщение.

btn-full-text = 📄 Показать полностью
full-text-page =
    📄 Страница { $page } из { $pages }

    { $text }
btn-history-earlier = ◀️ Раньше
btn-history-later = Позже ▶️
request-history-part = 📜 История: часть { $history_page } из { $history_pages }.
list-item-not-found = В Вашем списке такого нет. Проверьте список выше или нажмите «{ btn-list-clear }», чтобы начать его заново.
list-card-moved = 👤 Теперь заявка оформляется на карту: { $holder } ({ $policy }).
# the same request sent twice, the first still open (dialogs/requests/common.py:submit)
request-same-open = Такая же заявка уже отправлена и ещё открыта: { $number } ({ $status }). Чтобы всё равно отправить ещё одну, нажмите «✅ Отправить» ещё раз; или «✖️ Отменить» эту.
