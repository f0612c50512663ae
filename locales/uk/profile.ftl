## Профіль

profile-empty = —
gender-female = Жіноча
gender-male = Чоловіча
gender-unset = Не вказувати
profile-saved = ✅ Збережено.
profile-removed = 🗑 Видалено.
profile-view =
    <b>👤 Профіль</b>
    ПІБ: { $full_name }
    Телефон: { $phone }
    Стать: { $gender }
    Дата народження: { $birth_date }
    Домашня адреса: { $home_address }
    Додаткова адреса: { $extra_address }
btn-edit-full_name = ✏️ ПІБ
btn-edit-gender = ✏️ Стать
btn-edit-birth_date = ✏️ Дата народження
btn-edit-home_address = ✏️ Домашня адреса
btn-edit-extra_address = ✏️ Додаткова адреса
btn-change-phone = 📱 Змінити номер телефону
profile-prompt-full_name = Введіть Ваше ПІБ (щонайменше ім’я та прізвище).
profile-prompt-birth_date = Введіть Вашу дату народження, наприклад 05.03.1984.
profile-prompt-home_address = Введіть домашню адресу (місто, вулиця, будинок, квартира). Щоб видалити її, надішліть «-».
profile-prompt-extra_address = Введіть додаткову адресу, наприклад робочу. Щоб видалити її, надішліть «-».
profile-prompt-gender = Оберіть стать:
profile-invalid-full_name = Будь ласка, введіть ім’я та прізвище літерами (дефіси й апострофи допускаються).
profile-invalid-birth_date = Будь ласка, введіть коректну дату народження (не в майбутньому), наприклад 05.03.1984.
profile-invalid-home_address = Адреса має містити від 5 до 300 символів, зокрема літери. Будь ласка, введіть її ще раз.
profile-invalid-extra_address = Адреса має містити від 5 до 300 символів, зокрема літери. Будь ласка, введіть її ще раз.
profile-address-no-other = Другу адресу в профілі не заповнено, копіювати нічого. Будь ласка, введіть цю адресу.
