## Қатысушының емханалар туралы сұрағы, емханалар анықтамалығынан жауап (dialogs/directory.py)

directory-answer = { $text }
directory-clinic =
    🏥 { $name }
    📍 { $address }, { $city }
directory-phone = 📞 { $phone }
directory-specialties = 🩺 Дәрігерлер: { $specialties }
directory-city = 🏥 Қала: { $city }, емханалар ({ $count }):
directory-more = …тағы { $more }. Жазылған кезде дәрігерді атаңыз: форма ол қабылдайтын емханаларды көрсетеді.
directory-cities = 🏥 Біздің емханалар мына қалаларда бар: { $cities }. Қаланы атаңыз, мысалы: «{ $example } емханалары».
directory-book = Қабылдауға жазылу үшін: «{ btn-new-request }» → «{ request-kind-appointment }».
