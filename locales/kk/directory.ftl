## Қатысушының емханалар туралы сұрағы, емханалар анықтамалығынан жауап (dialogs/directory.py)

directory-answer = { $text }
directory-clinic =
    🏥 { $name }
    📍 { $address }, { $city }
directory-phone = 📞 { $phone }
directory-specialties = 🩺 Дәрігерлер: { $specialties }
directory-city = 🏥 Қала: { $city }, емханалар ({ $count }):
directory-more = …тағы { $more }. Дәрігерді атаңыз, мысалы: «{ $city } қаласында стоматолог қай емханада бар?» — ол қабылдайтын емханаларды көрсетемін.
directory-cities = 🏥 Біздің емханалар мына қалаларда бар: { $cities }. Қаланы атаңыз, мысалы: «{ $example } емханалары».
directory-doctor-city = 🏥 { $doctor }, қала: { $city }, емханалар ({ $count }):
directory-doctor-elsewhere = 🏥 { $doctor }: { $city } қаласындағы біздің емханаларда қабылдамайды. Басқа қалаларда ({ $count }):
directory-doctor-all = 🏥 { $doctor }, біздің емханалар ({ $count }):
directory-more-in-form = …тағы { $more }: жазылу формасы бәрін көрсетеді.
directory-doctor-none = 🏥 { $doctor }: біздің емханалар тізімінде мұндай дәрігер жоқ. Бәрібір жазылыңыз — қолдау қызметі емхана таңдайды.
directory-street = 🏥 Сіз атаған мекенжайдағы біздің емханалар ({ $count }):
directory-book = Қабылдауға жазылу үшін: «{ btn-new-request }» → «{ request-kind-appointment }».
