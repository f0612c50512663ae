## Контакты поддержки

support-title = <b>☎️ Поддержка</b>
support-open-now = 🟢 Колл-центр сейчас работает — до { $change }.
support-closed-now = 🔴 Колл-центр сейчас не работает. { $today ->
        [yes] Начнёт работу сегодня в { $change }.
       *[no] Начнёт работу { $change }.
    }
support-closed-day = выходной
support-contacts =
    <b>Колл-центр</b>
    { $phones }
    Часы работы ({ $zone }):
    { $hours }

    <b>Круглосуточная диспетчерская служба:</b> { $hotline }
    <b>Короткий бесплатный номер:</b> { $short_number }

    <b>E-mail</b>
    { $emails }
