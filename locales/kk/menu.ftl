## Басты мәзір

menu-greeting-name = 👋 Сәлеметсіз бе, { $name }!
menu-greeting = 👋 { $insurer } сақтандырылған тұлғаларға арналған сервисіне қош келдіңіз.
menu-active-card =
    💳 Белсенді карта: <b>{ $policy }</b> · { $holder }
    Мәртебесі: { $status }
menu-no-card =
    Сіздің аккаунтыңызға әлі бірде-бір сақтандыру картасы қосылмаған.
    Телефон нөміріңізді растаңыз немесе картаны ID нөмірі мен туған күніңіз арқылы белсендіріңіз.
btn-my-cards = 💳 Менің карталарым
btn-confirm-phone = 📱 Телефонды растау
btn-activate = 🪪 ID нөмірі арқылы белсендіру
btn-add-card = ➕ ID нөмірі арқылы карта қосу
btn-profile = 👤 Профиль
btn-support = ☎️ Қолдау

# a request form left for the menu (/start, a status message's button) is kept: $draft is its kind
menu-draft = ✏️ Сізде аяқталмаған өтініш бар: { $draft }. «Жалғастыру» Сізді тоқтаған жеріңізге қайтарады.
btn-draft-continue = ✏️ Жалғастыру: { $draft }
