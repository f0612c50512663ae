## Заявка на лекарства

medicines-items-prompt =
    💊 <b>Лекарства</b>
    Введите список лекарств (название, дозировка, количество) и/или отправьте фото или файл рецепта. Можно отправить несколько фото.
    Новое текстовое сообщение заменяет список. Когда всё будет готово, нажмите «Далее».
medicines-items-collected =
    📝 Ваш список:
    { $list_text }
medicines-items-empty = Список не может быть пустым. Пожалуйста, введите названия лекарств или отправьте фото рецепта.
medicines-btn-next = ➡️ Далее
medicines-address-prompt = 🏠 Куда доставить лекарства? Введите адрес (город, улица, дом, квартира).
medicines-btn-use-home = 🏠 Использовать «{ $home_address }»
medicines-address-invalid = Адрес должен содержать от 5 до 300 символов, включая буквы. Пожалуйста, введите его ещё раз.
medicines-summary =
    <b>💊 Заявка на лекарства</b>
    Пожалуйста, проверьте её перед отправкой.

    { $details }
medicines-summary-docs =
    { $docs_count ->
        [one] 📎 Рецепт: { $docs_count } фото или файл
        [few] 📎 Рецепт: { $docs_count } фото или файла
        [many] 📎 Рецепт: { $docs_count } фото или файлов
       *[other] 📎 Рецепт: { $docs_count } фото или файла
    }
medicines-btn-edit-items = ✏️ Лекарства
medicines-btn-edit-address = ✏️ Адрес
