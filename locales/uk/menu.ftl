## Головне меню

menu-greeting-name = 👋 Вітаємо, { $name }!
menu-greeting = 👋 Вітаємо в сервісі { $insurer } для застрахованих осіб.
menu-active-card =
    💳 Активна картка: <b>{ $policy }</b> · { $holder }
    Статус: { $status }
menu-no-card =
    До Вашого акаунта ще не додано жодної страхової картки.
    Підтвердьте номер телефону або активуйте картку за ID застрахованого та датою народження.
btn-my-cards = 💳 Мої картки
btn-confirm-phone = 📱 Підтвердити телефон
btn-activate = 🪪 Активувати за ID застрахованого
btn-add-card = ➕ Додати картку за ID застрахованого
btn-profile = 👤 Профіль
btn-support = ☎️ Підтримка

# a request form left for the menu (/start, a status message's button) is kept: $draft is its kind
menu-draft = ✏️ У Вас є незавершена заявка: { $draft }. «Продовжити» поверне Вас туди, де Ви зупинилися.
btn-draft-continue = ✏️ Продовжити: { $draft }
