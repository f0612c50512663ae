## Общие кнопки, ошибки и команды

btn-menu = 🏠 Главное меню
btn-back = ⬅️ Назад
btn-cancel = ✖️ Отменить
btn-send = ✅ Отправить
btn-edit = ✏️ Изменить
btn-language = 🌐 Язык
btn-help = ❓ Справка

input-text-expected = Пожалуйста, отправьте ответ текстовым сообщением.
input-unexpected = Здесь ожидается другой ответ. Пожалуйста, ответьте на вопрос выше или воспользуйтесь кнопками.
date-invalid = Не удалось распознать дату. Пожалуйста, введите её в формате 05.03.1984, 05/03/1984 или 1984-03-05.

notice-cancelled = ✖️ Отменено. Всё, что Вы уже отправили или подтвердили, осталось без изменений.
notice-session-expired = Этот экран устарел, поэтому снова открываем главное меню.
# a pressed button nothing answers any more (old, foreign or forged)
button-out-of-date = Эта кнопка устарела.

command-start = Начать и открыть главное меню
command-menu = Главное меню
command-help = Что умеет этот бот
command-language = Сменить язык
command-cancel = Выйти из текущей формы

language-choose = 🌐 Выберите язык:
language-name-uk = 🇺🇦 Українська
language-name-ru = Русский
language-name-kk = 🇰🇿 Қазақша
language-name-en = 🇬🇧 English

help-text =
    <b>Что я умею</b>

    • 📱 <b>Подтвердить телефон</b>: поделитесь номером телефона из Telegram, и я найду все страховые карты, зарегистрированные на этот номер, в том числе карты Вашей семьи.
    • 🪪 <b>Активировать по ID застрахованного</b>: номер из договора (п. 1.5) или с пластиковой медицинской карточки, а также Ваша дата рождения.
    • 💳 <b>Мои карты</b>: период страховой защиты и статус; здесь можно выбрать активную карту.
    • 👤 <b>Профиль</b>: Ваши ФИО, пол, дата рождения и адреса.
    • ☎️ <b>Поддержка</b>: телефоны, e-mail и часы работы.

    Команды: /menu, /language, /cancel (выйти из любой формы), /help.

## Moments a member reads: in their own zone, or naming the zone they are in
date-at-time = { $date }, { $time }
time-in-zone = { $time } (часовой пояс: { $zone })
