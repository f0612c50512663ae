## Вопрос участника о клиниках, ответ из справочника клиник (dialogs/directory.py)

directory-answer = { $text }
directory-clinic =
    🏥 { $name }
    📍 { $address }, { $city }
directory-phone = 📞 { $phone }
directory-specialties = 🩺 Врачи: { $specialties }
directory-city = 🏥 Клиники в городе { $city } ({ $count }):
directory-more = …и ещё { $more }. Назовите врача, например: «где есть стоматолог в городе { $city }?», — и я покажу клиники, где он принимает.
directory-cities = 🏥 Наши клиники есть в городах: { $cities }. Назовите город, например: «клиники { $example }».
directory-doctor-city = 🏥 { $doctor } в городе { $city }, клиники ({ $count }):
directory-doctor-elsewhere = 🏥 { $doctor }: в городе { $city } в наших клиниках не принимает. В других городах ({ $count }):
directory-doctor-all = 🏥 { $doctor }, наши клиники ({ $count }):
directory-more-in-form = …и ещё { $more }: форма записи покажет все.
directory-doctor-none = 🏥 { $doctor }: в нашем списке клиник такого врача нет. Запишитесь всё равно — поддержка подберёт клинику.
directory-street = 🏥 Наши клиники по названному адресу ({ $count }):
directory-book = Чтобы записаться на приём: «{ btn-new-request }» → «{ request-kind-appointment }».
