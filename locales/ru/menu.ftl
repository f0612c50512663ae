## Главное меню

menu-greeting-name = 👋 Здравствуйте, { $name }!
menu-greeting = 👋 Добро пожаловать в сервис { $insurer } для застрахованных лиц.
menu-active-card =
    💳 Активная карта: <b>{ $policy }</b> · { $holder }
    Статус: { $status }
menu-no-card =
    К Вашему аккаунту пока не привязано ни одной страховой карты.
    Подтвердите номер телефона или активируйте карту по ID застрахованного и дате рождения.
btn-my-cards = 💳 Мои карты
btn-confirm-phone = 📱 Подтвердить телефон
btn-activate = 🪪 Активировать по ID застрахованного
btn-add-card = ➕ Добавить карту по ID застрахованного
btn-profile = 👤 Профиль
btn-support = ☎️ Поддержка

# a request form left for the menu (/start, a status message's button) is kept: $draft is its kind
menu-draft = ✏️ У Вас есть незавершённая заявка: { $draft }. «Продолжить» вернёт Вас туда, где Вы остановились.
btn-draft-continue = ✏️ Продолжить: { $draft }
