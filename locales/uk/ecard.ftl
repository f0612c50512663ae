## Зображення е-картки («Показати мою картку»)

btn-show-ecard = 🪪 Показати мою картку
# on a card's page: that card, active or not
btn-show-this-ecard = 🪪 Показати цю картку
ecard-title = Картка медичного страхування
ecard-program = Програма
ecard-insured = Застрахована особа
ecard-insured-id = ID застрахованого
ecard-policy = Поліс
ecard-coverage = Страховий захист
ecard-status-active = ДІЄ
ecard-status-waiting = ОЧІКУВАННЯ: ЩЕ НЕ ДІЄ
ecard-status-expired = ТЕРМІН ДІЇ ЗАВЕРШИВСЯ
ecard-note-waiting = Страховий захист починається { $date }
ecard-note-expired = Страховий захист завершився { $date }
ecard-hotline = 24/7: { $phone }
ecard-caption = 🪪 Ваша страхова картка: покажіть її в реєстратурі клініки.
# a relative's card (a child's): whose it is
ecard-caption-of = 🪪 Страхова картка: { $holder }. Покажіть її в реєстратурі клініки.
ecard-no-active-card = У Вас немає активної картки. Спочатку оберіть її в «Мої картки».
# /mydata: збережені зображення е-картки (їхні file_id)
mydata-ecard-images = Зображення е-картки, надіслані Вам (зберігаються, щоб не створювати картку знову): { $count }
