## Заявка на возмещение расходов

reimbursement-date-prompt =
    💵 <b>Возмещение расходов</b>
    📅 Какого числа Вы получили медицинскую услугу? Введите дату в формате ДД.ММ.ГГГГ или выберите её в календаре.
reimbursement-date-window =
    Возместить можно услуги, полученные с { $earliest } по сегодняшний день: в пределах страховой защиты Вашей карты и не раньше чем { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } назад.
reimbursement-date-future = Дата услуги не может быть позже сегодняшней ({ $date }). Пожалуйста, проверьте дату.
reimbursement-date-before-coverage = Страховая защита по Вашей карте действует с { $date }; услуги, полученные до этого дня, не возмещаются. Пожалуйста, проверьте дату.
reimbursement-date-too-old =
    Срок подачи заявки — { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } с даты услуги, поэтому самая ранняя дата сейчас — { $date }.

reimbursement-amount-prompt = 💰 Сколько Вы заплатили? Введите сумму из чека, например 1 234,50 или 1234.50.
reimbursement-amount-invalid = Не удалось распознать сумму. Пожалуйста, введите её так: 1 234,50 или 1234.50; можно добавить валюту: грн, тенге, USD или EUR.

reimbursement-currency-prompt = 💱 В какой валюте Вы платили?
currency-UAH = ₴ Украинская гривна (UAH)
currency-KZT = ₸ Казахстанский тенге (KZT)
currency-USD = $ Доллар США (USD)
currency-EUR = € Евро (EUR)

reimbursement-docs-prompt =
    📎 Отправьте фото или файлы документов: чек (фискальный чек) и, если есть, направление или заключение врача.
    Можно отправить несколько сразу, в том числе альбомом (до { $max_docs }). Принимаются PDF, JPEG, PNG и HEIC.
reimbursement-docs-required = Пожалуйста, приложите хотя бы один документ: без чека заявка не может быть рассмотрена.

reimbursement-iban-prompt = 🏦 Введите IBAN счёта для выплаты: украинский (UA…, 29 символов) или казахстанский (KZ…, 20 символов).
reimbursement-iban-invalid = Это не похоже на действительный IBAN: пожалуйста, проверьте буквы и цифры (в украинском IBAN 29 символов, в казахстанском — 20). Проще всего скопировать его из банковского приложения.
reimbursement-iban-country = Выплата возможна только на счёт в украинском (UA…) или казахстанском (KZ…) банке. Пожалуйста, введите IBAN такого счёта.

reimbursement-comment-prompt = 💬 Хотите что-то добавить для специалистов по возмещению, например, какую услугу Вы получили? Напишите это или пропустите этот шаг.
reimbursement-comment-invalid = Пожалуйста, напишите несколько слов или пропустите этот шаг.

reimbursement-summary =
    <b>💵 Возмещение расходов</b>
    👤 Застрахованное лицо: { $insured } · полис { $policy }
    { $details }
    📎 Документов: { $docs_count }

    Всё верно?
reimbursement-edit-date = ✏️ Дата
reimbursement-edit-amount = ✏️ Сумма
reimbursement-edit-currency = ✏️ Валюта
reimbursement-edit-docs = ✏️ Документы
reimbursement-edit-iban = ✏️ IBAN
reimbursement-edit-comment = ✏️ Комментарий
