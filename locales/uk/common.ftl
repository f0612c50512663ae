## Спільні кнопки, помилки та команди

btn-menu = 🏠 Головне меню
btn-back = ⬅️ Назад
btn-cancel = ✖️ Скасувати
btn-send = ✅ Надіслати
btn-edit = ✏️ Змінити
btn-language = 🌐 Мова
btn-help = ❓ Довідка

input-text-expected = Будь ласка, надішліть відповідь текстовим повідомленням.
input-unexpected = Тут очікується інша відповідь. Будь ласка, дайте відповідь на запитання вище або скористайтеся кнопками.
date-invalid = Не вдалося розпізнати дату. Будь ласка, введіть її у форматі 05.03.1984, 05/03/1984 або 1984-03-05.

notice-cancelled = ✖️ Скасовано. Усе, що Ви вже надіслали або підтвердили, залишилося без змін.
notice-session-expired = Цей екран застарів, тому знову відкриваємо головне меню.
# a pressed button nothing answers any more (old, foreign or forged)
button-out-of-date = Ця кнопка застаріла.

command-start = Почати та відкрити головне меню
command-menu = Головне меню
command-help = Що вміє цей бот
command-language = Змінити мову
command-cancel = Вийти з поточної форми

language-choose = 🌐 Оберіть мову:
language-name-uk = 🇺🇦 Українська
language-name-ru = Русский
language-name-kk = 🇰🇿 Қазақша
language-name-en = 🇬🇧 English

help-text =
    <b>Що я вмію</b>

    • 📱 <b>Підтвердити телефон</b>: поділіться номером телефону з Telegram, і я знайду всі страхові картки, зареєстровані на цей номер, зокрема картки Вашої родини.
    • 🪪 <b>Активувати за ID застрахованого</b>: номер із договору (пункт 1.5) або з пластикової медичної картки, а також Ваша дата народження.
    • 💳 <b>Мої картки</b>: період страхового захисту та статус; тут можна обрати активну картку.
    • 👤 <b>Профіль</b>: Ваше ПІБ, стать, дата народження та адреси.
    • ☎️ <b>Підтримка</b>: телефони, e-mail і графік роботи.

    Команди: /menu, /language, /cancel (вийти з будь-якої форми), /help.

## Moments a member reads: in their own zone, or naming the zone they are in
date-at-time = { $date }, { $time }
time-in-zone = { $time } (часовий пояс: { $zone })
