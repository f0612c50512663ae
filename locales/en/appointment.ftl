## Doctor appointment request

appointment-specialty-prompt = 🩺 Which doctor do you need?
appointment-specialty-other = ✍️ Another specialty
appointment-specialty-other-prompt = ✍️ Type the specialty you need, e.g. allergist or orthopedist.
appointment-specialty-invalid = Please type the specialty in 2 to { $max } characters.
appointment-clinic-prompt = 🏥 In which city? If you have a clinic in mind, add its name, e.g. Almaty, City Clinic No. 4.
appointment-clinic-invalid = Please type the city and, if you like, the clinic in 2 to { $max } characters.
appointment-clinic-is-date = 📅 { $date } is the day of the visit: I ask for it next. First, where: choose the city or type the clinic.
appointment-clinic-date-kept = 📅 { $date }: noted for the day of the visit. First, where: choose the city or type the clinic.
appointment-clinic-date-kept-city = 📅 { $date }: noted for the day of the visit. First, where: choose the clinic or type it.
# a day typed on the specialty step, kept for the date step (appointment/handlers.py)
appointment-specialty-date-kept = 📅 { $date }: noted for the day of the visit. First, which doctor: choose or type the specialty.
# a directory clinic named with the doctor (dialogs/requests/appointment/clinics.py:on_start)
# a message that tells the clinic something (a complaint, a home visit), kept as the comment
appointment-comment-kept = 💬 Your message is noted as the comment for the clinic; you will see it on the summary before sending.
appointment-clinic-kept = 🏥 { $clinic }: noted as the clinic.
# and the day (with the time of day) named with them, which answered their steps
appointment-clinic-day-kept =
    🏥 { $clinic }: noted as the clinic.
    📅 { $date }: noted for the day of the visit.
appointment-date-prompt = 📅 Which day would suit you? Pick it on the calendar or type it as DD.MM.YYYY.
appointment-date-past = That day has already passed. Please choose today or a later date.
appointment-date-far = That is more than a year ahead. Please choose a date within the next 12 months.
appointment-time-prompt = 🕘 What time of day suits you best?
appointment-comment-prompt = 💬 Anything the clinic should know: symptoms, a doctor you prefer? Type it, or press “Skip”.
appointment-comment-invalid = Please type the comment in 2 to { $max } characters, or press “Skip”.
appointment-summary =
    <b>🩺 Doctor appointment</b>
    👤 Insured person: { $insured } · policy { $policy }
    { $details }

    Is everything right?

specialty-therapist = Therapist (GP)
specialty-pediatrician = Pediatrician
specialty-gynecologist = Gynecologist
specialty-dentist = Dentist
specialty-cardiologist = Cardiologist
specialty-ent = ENT
specialty-ophthalmologist = Ophthalmologist
specialty-neurologist = Neurologist
specialty-dermatologist = Dermatologist

btn-edit-specialty = ✏️ Specialty
btn-edit-clinic = ✏️ City / clinic
btn-edit-preferred_date = ✏️ Date
btn-edit-comment = ✏️ Comment
# a day typed on the time step changes the visit's day (appointment/handlers.py:on_time_other)
appointment-day-changed = 📅 The day of the visit is now { $date }.
