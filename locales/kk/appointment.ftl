## Дәрігерге жазылу

appointment-specialty-prompt = 🩺 Сізге қай дәрігер керек?
appointment-specialty-other = ✍️ Басқа мамандық
appointment-specialty-other-prompt = ✍️ Қажетті мамандықты енгізіңіз, мысалы аллерголог немесе ортопед.
appointment-specialty-invalid = Мамандықты 2–{ $max } таңбамен енгізіңіз.
appointment-clinic-prompt = 🏥 Қай қалада? Белгілі бір клиниканы қаласаңыз, оның атауын қосыңыз, мысалы: Алматы, № 4 қалалық емхана.
appointment-clinic-invalid = Қаланы (қаласаңыз, клиниканы да) 2–{ $max } таңбамен енгізіңіз.
appointment-clinic-is-date = 📅 { $date } — бару күні: оны келесі қадамда сұраймын. Алдымен қай жерде: қаланы таңдаңыз немесе клиниканы енгізіңіз.
appointment-clinic-date-kept = 📅 { $date }: бару күні ретінде жазып алдым. Алдымен қай жерде: қаланы таңдаңыз немесе клиниканы енгізіңіз.
appointment-clinic-date-kept-city = 📅 { $date }: бару күні ретінде жазып алдым. Алдымен қай жерде: клиниканы таңдаңыз немесе енгізіңіз.
# a day typed on the specialty step, kept for the date step (appointment/handlers.py)
appointment-specialty-date-kept = 📅 { $date }: бару күні ретінде жазып алдым. Алдымен қай дәрігер: мамандықты таңдаңыз немесе енгізіңіз.
# a directory clinic named with the doctor (dialogs/requests/appointment/clinics.py:on_start)
appointment-comment-kept = 💬 Хабарламаңызды клиникаға арналған түсініктеме ретінде жазып алдым; жіберер алдында қорытындыда көресіз.
appointment-clinic-kept = 🏥 { $clinic }: клиника ретінде жазып алдым.
# and the day (with the time of day) named with them, which answered their steps
appointment-clinic-day-kept =
    🏥 { $clinic }: клиника ретінде жазып алдым.
    📅 { $date }: бару күні ретінде жазып алдым.
appointment-date-prompt = 📅 Сізге қай күн ыңғайлы? Күнтізбеден таңдаңыз немесе оны КК.АА.ЖЖЖЖ түрінде енгізіңіз.
appointment-date-past = Бұл күн өтіп кетті. Бүгінгі немесе одан кейінгі күнді таңдаңыз.
appointment-date-far = Бұл күнге дейін бір жылдан астам уақыт бар. Алдағы 12 ай ішіндегі күнді таңдаңыз.
appointment-time-prompt = 🕘 Тәуліктің қай уақыты Сізге ең ыңғайлы?
appointment-comment-prompt = 💬 Клиника нені білуі керек: симптомдар, қалаған дәрігер? Жазыңыз немесе «Өткізіп жіберу» батырмасын басыңыз.
appointment-comment-invalid = Түсініктемені 2–{ $max } таңбамен енгізіңіз немесе «Өткізіп жіберу» батырмасын басыңыз.
appointment-summary =
    <b>🩺 Дәрігерге жазылу</b>
    👤 Сақтандырылған тұлға: { $insured } · полис { $policy }
    { $details }

    Бәрі дұрыс па?

specialty-therapist = Терапевт (отбасылық дәрігер)
specialty-pediatrician = Педиатр
specialty-gynecologist = Гинеколог
specialty-dentist = Стоматолог
specialty-cardiologist = Кардиолог
specialty-ent = ЛОР
specialty-ophthalmologist = Офтальмолог
specialty-neurologist = Невролог
specialty-dermatologist = Дерматолог

btn-edit-specialty = ✏️ Мамандық
btn-edit-clinic = ✏️ Қала / клиника
btn-edit-preferred_date = ✏️ Күн
btn-edit-comment = ✏️ Түсініктеме
# a day typed on the time step changes the visit's day (appointment/handlers.py:on_time_other)
appointment-day-changed = 📅 Бару күні енді { $date }.
