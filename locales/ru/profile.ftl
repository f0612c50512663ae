## Профиль

profile-empty = —
gender-female = Женский
gender-male = Мужской
gender-unset = Не указывать
profile-saved = ✅ Сохранено.
profile-removed = 🗑 Удалено.
profile-view =
    <b>👤 Профиль</b>
    ФИО: { $full_name }
    Телефон: { $phone }
    Пол: { $gender }
    Дата рождения: { $birth_date }
    Домашний адрес: { $home_address }
    Дополнительный адрес: { $extra_address }
btn-edit-full_name = ✏️ ФИО
btn-edit-gender = ✏️ Пол
btn-edit-birth_date = ✏️ Дата рождения
btn-edit-home_address = ✏️ Домашний адрес
btn-edit-extra_address = ✏️ Дополнительный адрес
btn-change-phone = 📱 Сменить номер телефона
profile-prompt-full_name = Введите Ваши ФИО (как минимум имя и фамилию).
profile-prompt-birth_date = Введите Вашу дату рождения, например 05.03.1984.
profile-prompt-home_address = Введите домашний адрес (город, улица, дом, квартира). Чтобы удалить его, отправьте «-».
profile-prompt-extra_address = Введите дополнительный адрес, например рабочий. Чтобы удалить его, отправьте «-».
profile-prompt-gender = Выберите пол:
profile-invalid-full_name = Пожалуйста, введите имя и фамилию буквами (дефисы и апострофы допускаются).
profile-invalid-birth_date = Пожалуйста, введите корректную дату рождения (не в будущем), например 05.03.1984.
profile-invalid-home_address = Адрес должен содержать от 5 до 300 символов, включая буквы. Пожалуйста, введите его ещё раз.
profile-invalid-extra_address = Адрес должен содержать от 5 до 300 символов, включая буквы. Пожалуйста, введите его ещё раз.
profile-address-no-other = Второй адрес в профиле не заполнен, копировать нечего. Пожалуйста, введите этот адрес.
