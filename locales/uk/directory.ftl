## Питання учасника про клініки, відповідь із довідника клінік (dialogs/directory.py)

directory-answer = { $text }
directory-clinic =
    🏥 { $name }
    📍 { $address }, { $city }
directory-phone = 📞 { $phone }
directory-specialties = 🩺 Лікарі: { $specialties }
directory-city = 🏥 Клініки в місті { $city } ({ $count }):
directory-more = …і ще { $more }. Назвіть лікаря, наприклад: «де є стоматолог у місті { $city }?», — і я покажу клініки, де він приймає.
directory-cities = 🏥 Наші клініки є в містах: { $cities }. Назвіть місто, наприклад: «клініки { $example }».
directory-doctor-city = 🏥 { $doctor } у місті { $city }, клініки ({ $count }):
directory-doctor-elsewhere = 🏥 { $doctor }: у місті { $city } у наших клініках не приймає. В інших містах ({ $count }):
directory-doctor-all = 🏥 { $doctor }, наші клініки ({ $count }):
directory-more-in-form = …і ще { $more }: форма запису покаже всі.
directory-doctor-none = 🏥 { $doctor }: у нашому списку клінік такого лікаря немає. Запишіться все одно — підтримка підбере клініку.
directory-street = 🏥 Наші клініки за названою адресою ({ $count }):
directory-book = Щоб записатися на прийом: «{ btn-new-request }» → «{ request-kind-appointment }».
