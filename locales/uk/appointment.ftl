## Запис до лікаря

appointment-specialty-prompt = 🩺 До якого лікаря Вам потрібно записатися?
appointment-specialty-other = ✍️ Інша спеціальність
appointment-specialty-other-prompt = ✍️ Введіть потрібну спеціальність, наприклад алерголог або ортопед.
appointment-specialty-invalid = Будь ласка, введіть спеціальність — від 2 до { $max } символів.
appointment-clinic-prompt = 🏥 У якому місті? Якщо маєте на увазі певну клініку, додайте її назву, наприклад: Київ, міська поліклініка № 4.
appointment-clinic-invalid = Будь ласка, введіть місто (і, за бажанням, клініку) — від 2 до { $max } символів.
appointment-clinic-is-date = 📅 { $date } — це день візиту: я запитаю про нього далі. Спершу де: оберіть місто або введіть клініку.
appointment-clinic-date-kept = 📅 { $date }: записав як день візиту. Спершу де: оберіть місто або введіть клініку.
appointment-clinic-date-kept-city = 📅 { $date }: записав як день візиту. Спершу де: оберіть клініку або введіть її.
# a day typed on the specialty step, kept for the date step (appointment/handlers.py)
appointment-specialty-date-kept = 📅 { $date }: записав як день візиту. Спершу який лікар: оберіть або введіть спеціальність.
# a directory clinic named with the doctor (dialogs/requests/appointment/clinics.py:on_start)
appointment-comment-kept = 💬 Ваше повідомлення записав як коментар для клініки; Ви побачите його в підсумку перед надсиланням.
appointment-clinic-kept = 🏥 { $clinic }: записав як клініку.
# and the day (with the time of day) named with them, which answered their steps
appointment-clinic-day-kept =
    🏥 { $clinic }: записав як клініку.
    📅 { $date }: записав як день візиту.
appointment-date-prompt = 📅 Який день Вам зручний? Оберіть його в календарі або введіть дату у форматі ДД.ММ.РРРР.
appointment-date-past = Цей день уже минув. Будь ласка, оберіть сьогоднішню або пізнішу дату.
appointment-date-far = Ця дата більш ніж на рік уперед. Будь ласка, оберіть дату в межах найближчих 12 місяців.
appointment-time-prompt = 🕘 Який час доби Вам найзручніший?
appointment-comment-prompt = 💬 Що варто знати клініці: симптоми, бажаний лікар? Напишіть або натисніть «Пропустити».
appointment-comment-invalid = Будь ласка, введіть коментар (від 2 до { $max } символів) або натисніть «Пропустити».
appointment-summary =
    <b>🩺 Запис до лікаря</b>
    👤 Застрахована особа: { $insured } · поліс { $policy }
    { $details }

    Усе правильно?

specialty-therapist = Терапевт (сімейний лікар)
specialty-pediatrician = Педіатр
specialty-gynecologist = Гінеколог
specialty-dentist = Стоматолог
specialty-cardiologist = Кардіолог
specialty-ent = ЛОР
specialty-ophthalmologist = Офтальмолог
specialty-neurologist = Невролог
specialty-dermatologist = Дерматолог

btn-edit-specialty = ✏️ Спеціальність
btn-edit-clinic = ✏️ Місто / клініка
btn-edit-preferred_date = ✏️ Дата
btn-edit-comment = ✏️ Коментар
# a day typed on the time step changes the visit's day (appointment/handlers.py:on_time_other)
appointment-day-changed = 📅 День візиту тепер { $date }.
