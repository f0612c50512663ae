## Заявка на відшкодування витрат

reimbursement-date-prompt =
    💵 <b>Відшкодування витрат</b>
    📅 Якого числа Ви отримали медичну послугу? Введіть дату у форматі ДД.ММ.РРРР або оберіть її в календарі.
reimbursement-date-window =
    Відшкодувати можна послуги, отримані з { $earliest } до сьогодні: у межах страхового захисту Вашої картки і не давніше ніж { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    } тому.
reimbursement-date-future = Дата послуги не може бути пізнішою за сьогоднішню ({ $date }). Будь ласка, перевірте дату.
reimbursement-date-before-coverage = Страховий захист за Вашою карткою почав діяти { $date }; послуги, отримані до цього дня, не відшкодовуються. Будь ласка, перевірте дату.
reimbursement-date-too-old =
    Строк подання заявки — { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    } з дати послуги, тож найраніша дата зараз — { $date }.

reimbursement-amount-prompt = 💰 Скільки Ви сплатили? Введіть суму з чека, наприклад 1 234,50 або 1234.50.
reimbursement-amount-invalid = Не вдалося розпізнати суму. Будь ласка, введіть її так: 1 234,50 або 1234.50; можна додати валюту: грн, тенге, USD або EUR.

reimbursement-currency-prompt = 💱 У якій валюті Ви сплатили?
currency-UAH = ₴ Українська гривня (UAH)
currency-KZT = ₸ Казахстанський теньге (KZT)
currency-USD = $ Долар США (USD)
currency-EUR = € Євро (EUR)

reimbursement-docs-prompt =
    📎 Надішліть фото або файли документів: чек (фіскальний чек) і, якщо є, направлення чи висновок лікаря.
    Можна надіслати кілька одразу, зокрема альбомом (до { $max_docs }). Приймаються PDF, JPEG, PNG і HEIC.
reimbursement-docs-required = Будь ласка, додайте щонайменше один документ: без чека заявку не можна розглянути.

reimbursement-iban-prompt = 🏦 Введіть IBAN рахунку для виплати: український (UA…, 29 символів) або казахстанський (KZ…, 20 символів).
reimbursement-iban-invalid = Це не схоже на дійсний IBAN: будь ласка, перевірте літери та цифри (український IBAN має 29 символів, казахстанський — 20). Найпростіше скопіювати його з банківського застосунку.
reimbursement-iban-country = Виплата можлива лише на рахунок в українському (UA…) або казахстанському (KZ…) банку. Будь ласка, введіть IBAN такого рахунку.

reimbursement-comment-prompt = 💬 Бажаєте щось додати для фахівців із відшкодувань, наприклад, яку послугу Ви отримали? Напишіть це або пропустіть цей крок.
reimbursement-comment-invalid = Будь ласка, напишіть кілька слів або пропустіть цей крок.

reimbursement-summary =
    <b>💵 Відшкодування витрат</b>
    👤 Застрахована особа: { $insured } · поліс { $policy }
    { $details }
    📎 Документів: { $docs_count }

    Усе правильно?
reimbursement-edit-date = ✏️ Дата
reimbursement-edit-amount = ✏️ Сума
reimbursement-edit-currency = ✏️ Валюта
reimbursement-edit-docs = ✏️ Документи
reimbursement-edit-iban = ✏️ IBAN
reimbursement-edit-comment = ✏️ Коментар
