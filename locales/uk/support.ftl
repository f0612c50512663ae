## Контакти підтримки

support-title = <b>☎️ Підтримка</b>
support-open-now = 🟢 Контакт-центр зараз працює — до { $change }.
support-closed-now = 🔴 Контакт-центр зараз не працює. { $today ->
        [yes] Почне роботу сьогодні о { $change }.
       *[no] Почне роботу { $change }.
    }
support-closed-day = вихідний
support-contacts =
    <b>Контакт-центр</b>
    { $phones }
    Графік роботи ({ $zone }):
    { $hours }

    <b>Цілодобова диспетчерська служба:</b> { $hotline }
    <b>Короткий безкоштовний номер:</b> { $short_number }

    <b>E-mail</b>
    { $emails }
