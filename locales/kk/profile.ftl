## Профиль

profile-empty = —
gender-female = Әйел
gender-male = Ер
gender-unset = Көрсетпеу
profile-saved = ✅ Сақталды.
profile-removed = 🗑 Жойылды.
profile-view =
    <b>👤 Профиль</b>
    Аты-жөні: { $full_name }
    Телефон: { $phone }
    Жынысы: { $gender }
    Туған күні: { $birth_date }
    Үй мекенжайы: { $home_address }
    Қосымша мекенжай: { $extra_address }
btn-edit-full_name = ✏️ Аты-жөні
btn-edit-gender = ✏️ Жынысы
btn-edit-birth_date = ✏️ Туған күні
btn-edit-home_address = ✏️ Үй мекенжайы
btn-edit-extra_address = ✏️ Қосымша мекенжай
btn-change-phone = 📱 Телефон нөмірін өзгерту
profile-prompt-full_name = Аты-жөніңізді енгізіңіз (кемінде атыңыз бен тегіңіз).
profile-prompt-birth_date = Туған күніңізді енгізіңіз, мысалы 05.03.1984.
profile-prompt-home_address = Үй мекенжайыңызды енгізіңіз (қала, көше, үй, пәтер). Оны жою үшін «-» жіберіңіз.
profile-prompt-extra_address = Қосымша мекенжайды енгізіңіз, мысалы жұмыс мекенжайыңызды. Оны жою үшін «-» жіберіңіз.
profile-prompt-gender = Жынысыңызды таңдаңыз:
profile-invalid-full_name = Атыңыз бен тегіңізді әріптермен енгізіңіз (сызықша мен апостроф қолдануға болады).
profile-invalid-birth_date = Болашақта емес, дұрыс туған күнді енгізіңіз, мысалы 05.03.1984.
profile-invalid-home_address = Мекенжай 5–300 таңбадан тұруы және әріптерді қамтуы керек. Қайта енгізіңіз.
profile-invalid-extra_address = Мекенжай 5–300 таңбадан тұруы және әріптерді қамтуы керек. Қайта енгізіңіз.
profile-address-no-other = Профильдегі екінші мекенжай толтырылмаған, көшіретін ештеңе жоқ. Осы мекенжайды енгізіңіз.
