## Изображение э-карты («Показать мою карту»)

btn-show-ecard = 🪪 Показать мою карту
# on a card's page: that card, active or not
btn-show-this-ecard = 🪪 Показать эту карту
ecard-title = Карта медицинского страхования
ecard-program = Программа
ecard-insured = Застрахованное лицо
ecard-insured-id = ID застрахованного
ecard-policy = Полис
ecard-coverage = Страховая защита
ecard-status-active = ДЕЙСТВУЕТ
ecard-status-waiting = ОЖИДАНИЕ: ЕЩЁ НЕ ДЕЙСТВУЕТ
ecard-status-expired = СРОК ДЕЙСТВИЯ ИСТЁК
ecard-note-waiting = Страховая защита начинается { $date }
ecard-note-expired = Страховая защита закончилась { $date }
ecard-hotline = 24/7: { $phone }
ecard-caption = 🪪 Ваша страховая карта: покажите её в регистратуре клиники.
# a relative's card (a child's): whose it is
ecard-caption-of = 🪪 Страховая карта: { $holder }. Покажите её в регистратуре клиники.
ecard-no-active-card = У Вас нет активной карты. Сначала выберите её в «Мои карты».
# /mydata: сохранённые изображения э-карты (их file_id)
mydata-ecard-images = Изображения э-карты, отправленные Вам (хранятся, чтобы не создавать карту заново): { $count }
