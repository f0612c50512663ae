## Обращения: общие тексты

btn-new-request = 📝 Новое обращение
btn-my-requests = 📋 Мои обращения
btn-prev = ◀️
btn-next = ▶️
btn-yes-cancel = ✖️ Да, отменить
btn-no = Нет
btn-reply = ✉️ Добавить сообщение или документы
btn-cancel-request = ✖️ Отменить обращение
btn-docs-clear = 🗑 Удалить документы
btn-docs-done = ✅ Завершить добавление документов
btn-skip = ⏭ Пропустить

request-kind-appointment = 🩺 Запись к врачу
request-kind-medicines = 💊 Лекарства
request-kind-lab_tests = 🧪 Анализы
request-kind-reimbursement = 💵 Возмещение расходов
request-kind-callback = 📞 Обратный звонок

request-status-new = 🆕 новое
request-status-in_progress = 🔧 в работе
request-status-need_info = ❓ нужна дополнительная информация
request-status-done = ✅ выполнено
request-status-rejected = ⛔️ отклонено
request-status-cancelled = ✖️ отменено

request-choose-type =
    📝 <b>Новое обращение</b> по карте { $policy } ({ $holder }).
    Что Вам нужно?
request-blocked = 📝 { $blocked }
request-no-card = Для обращения нужна активная страховая карта. Сначала подтвердите номер телефона или активируйте карту.
request-card-waiting = Страховая защита по Вашей активной карте начинается { $date }; обращения можно подавать с этого дня.
request-card-expired = Страховая защита по Вашей активной карте закончилась { $date }. Выберите другую карту в разделе «Мои карты» или обратитесь в поддержку.
request-sent =
    ✅ Обращение <b>{ $number }</b> отправлено.
    Как только его статус изменится, я сообщу Вам об этом здесь.

time-window-morning = 🌅 Утро, 8:00–12:00
time-window-afternoon = ☀️ День, 12:00–16:00
time-window-evening = 🌆 Вечер, 16:00–20:00
time-window-any = 🕘 Любое время

docs-expected = Пожалуйста, отправьте фото или файл (PDF, JPEG, PNG, HEIC).
docs-too-many = Лимит документов для одного обращения — { $max }; лишние документы не добавлены.
docs-too-big = Этот файл больше 20 МБ. Пожалуйста, отправьте файл меньшего размера или его фото.
docs-bad-type = Принимаются файлы PDF, JPEG, PNG и HEIC, а также фото. Пожалуйста, отправьте документ в одном из этих форматов.
docs-count = 📎 Прикреплено документов: { $docs_count } из { $max_docs }.

field-phone = Телефон
field-time_window = Время
field-topic = Тема
field-specialty = Специальность
field-clinic = Город / клиника
field-preferred_date = Желаемая дата
field-comment = Комментарий
field-items = Лекарства
field-address = Адрес
field-referral = Анализы
field-service_date = Дата оказания услуги
field-amount = Сумма
field-iban = IBAN
field-documents = Документы

my-requests-title = 📋 <b>Мои обращения</b> (страница { $page } из { $pages }). Нажмите на обращение, чтобы открыть его.
my-requests-empty = 📋 У Вас пока нет обращений.
request-page =
    <b>{ $number }</b> · { $kind }
    Статус: <b>{ $status }</b>
    Отправлено: { $created }

    { $details }
    📎 Документы: { $documents }

    <b>История</b>
    { $history }
request-missing = Это обращение недоступно.
history-you = Вы
history-support = поддержка
reply-prompt = ✉️ Введите сообщение и/или отправьте фото или файлы, а затем нажмите «Отправить».
reply-collected =
    Готово к отправке: { $reply_text }
    📎 Документы: { $docs_count }
reply-empty = Пожалуйста, сначала введите сообщение или прикрепите документ.
reply-sent = ✅ Ваше сообщение добавлено к обращению.
reply-closed = Это обращение закрыто, поэтому к нему ничего нельзя добавить. Пожалуйста, создайте новое обращение.
request-cancel-confirm = Отменить обращение <b>{ $number }</b>? Это действие нельзя будет отменить.
request-cancel-too-late = Поддержка уже начала работу по этому обращению, поэтому отменить его больше нельзя. Вместо этого добавьте сообщение.

btn-full-text = 📄 Показать полностью
full-text-page =
    📄 Страница { $page } из { $pages }

    { $text }
btn-history-earlier = ◀️ Раньше
btn-history-later = Позже ▶️
request-history-part = 📜 История: часть { $history_page } из { $history_pages }.
