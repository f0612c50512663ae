## Запись к врачу

appointment-specialty-prompt = 🩺 К какому врачу Вам нужно записаться?
appointment-specialty-other = ✍️ Другая специальность
appointment-specialty-other-prompt = ✍️ Введите нужную специальность, например аллерголог или ортопед.
appointment-specialty-invalid = Пожалуйста, введите специальность — от 2 до { $max } символов.
appointment-clinic-prompt = 🏥 В каком городе? Если у Вас есть на примете клиника, добавьте её название, например: Алматы, городская поликлиника № 4.
appointment-clinic-invalid = Пожалуйста, введите город (и при желании клинику) — от 2 до { $max } символов.
appointment-clinic-is-date = 📅 { $date } — это день визита: я спрошу о нём дальше. Сначала где: выберите город или введите клинику.
appointment-clinic-date-kept = 📅 { $date }: записал как день визита. Сначала где: выберите город или введите клинику.
appointment-clinic-date-kept-city = 📅 { $date }: записал как день визита. Сначала где: выберите клинику или введите её.
# a day typed on the specialty step, kept for the date step (appointment/handlers.py)
appointment-specialty-date-kept = 📅 { $date }: записал как день визита. Сначала какой врач: выберите или введите специальность.
# a directory clinic named with the doctor (dialogs/requests/appointment/clinics.py:on_start)
appointment-comment-kept = 💬 Ваше сообщение записал как комментарий для клиники; Вы увидите его в сводке перед отправкой.
appointment-clinic-kept = 🏥 { $clinic }: записал как клинику.
# and the day (with the time of day) named with them, which answered their steps
appointment-clinic-day-kept =
    🏥 { $clinic }: записал как клинику.
    📅 { $date }: записал как день визита.
appointment-date-prompt = 📅 Какой день Вам удобен? Выберите его в календаре или введите дату в формате ДД.ММ.ГГГГ.
appointment-date-past = Этот день уже прошёл. Пожалуйста, выберите сегодняшнюю или более позднюю дату.
appointment-date-far = Эта дата больше чем на год вперёд. Пожалуйста, выберите дату в пределах ближайших 12 месяцев.
appointment-time-prompt = 🕘 Какое время суток Вам удобнее всего?
appointment-comment-prompt = 💬 Что стоит знать клинике: симптомы, предпочтительный врач? Напишите или нажмите «Пропустить».
appointment-comment-invalid = Пожалуйста, введите комментарий (от 2 до { $max } символов) или нажмите «Пропустить».
appointment-summary =
    <b>🩺 Запись к врачу</b>
    👤 Застрахованное лицо: { $insured } · полис { $policy }
    { $details }

    Всё верно?

specialty-therapist = Терапевт (семейный врач)
specialty-pediatrician = Педиатр
specialty-gynecologist = Гинеколог
specialty-dentist = Стоматолог
specialty-cardiologist = Кардиолог
specialty-ent = ЛОР
specialty-ophthalmologist = Офтальмолог
specialty-neurologist = Невролог
specialty-dermatologist = Дерматолог

btn-edit-specialty = ✏️ Специальность
btn-edit-clinic = ✏️ Город / клиника
btn-edit-preferred_date = ✏️ Дата
btn-edit-comment = ✏️ Комментарий
# a day typed on the time step changes the visit's day (appointment/handlers.py:on_time_other)
appointment-day-changed = 📅 День визита теперь { $date }.
