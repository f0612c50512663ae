## Питання учасника про клініки, відповідь із довідника клінік (dialogs/directory.py)

directory-answer = { $text }
directory-clinic =
    🏥 { $name }
    📍 { $address }, { $city }
directory-phone = 📞 { $phone }
directory-specialties = 🩺 Лікарі: { $specialties }
directory-city = 🏥 Клініки в місті { $city } ({ $count }):
directory-more = …і ще { $more }. Назвіть лікаря, коли записуєтеся: форма покаже клініки, де він приймає.
directory-cities = 🏥 Наші клініки є в містах: { $cities }. Назвіть місто, наприклад: «клініки { $example }».
directory-book = Щоб записатися на прийом: «{ btn-new-request }» → «{ request-kind-appointment }».
