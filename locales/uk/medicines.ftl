## Заявка на ліки

medicines-items-prompt =
    💊 <b>Ліки</b>
    Введіть список ліків (назва, дозування, кількість) та/або надішліть фото чи файл рецепта. Можна надіслати кілька фото.
    Нове текстове повідомлення замінює список. Коли все буде готово, натисніть «Далі».
medicines-items-collected =
    📝 Ваш список:
    { $list_text }
medicines-items-empty = Список не може бути порожнім. Будь ласка, введіть назви ліків або надішліть фото рецепта.
medicines-btn-next = ➡️ Далі
medicines-address-prompt = 🏠 Куди доставити ліки? Введіть адресу (місто, вулиця, будинок, квартира).
medicines-btn-use-home = 🏠 Використати «{ $home_address }»
medicines-address-invalid = Адреса має містити від 5 до 300 символів, зокрема літери. Будь ласка, введіть її ще раз.
medicines-summary =
    <b>💊 Заявка на ліки</b>
    Будь ласка, перевірте її перед надсиланням.

    { $details }
medicines-summary-docs =
    { $docs_count ->
        [one] 📎 Рецепт: { $docs_count } фото або файл
        [few] 📎 Рецепт: { $docs_count } фото або файли
        [many] 📎 Рецепт: { $docs_count } фото або файлів
       *[other] 📎 Рецепт: { $docs_count } фото або файлу
    }
medicines-btn-edit-items = ✏️ Ліки
medicines-btn-edit-address = ✏️ Адреса
