## Вопрос участника о клиниках, ответ из справочника клиник (dialogs/directory.py)

directory-answer = { $text }
directory-clinic =
    🏥 { $name }
    📍 { $address }, { $city }
directory-phone = 📞 { $phone }
directory-specialties = 🩺 Врачи: { $specialties }
directory-city = 🏥 Клиники в городе { $city } ({ $count }):
directory-more = …и ещё { $more }. Назовите врача, когда записываетесь: форма покажет клиники, где он принимает.
directory-cities = 🏥 Наши клиники есть в городах: { $cities }. Назовите город, например: «клиники { $example }».
directory-book = Чтобы записаться на приём: «{ btn-new-request }» → «{ request-kind-appointment }».
