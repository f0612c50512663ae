## Қолдау қызметінің байланыс деректері

support-title = <b>☎️ Қолдау</b>
support-open-now = 🟢 Байланыс орталығы қазір жұмыс істеп тұр. Жұмысты аяқтайды: { $change }.
support-closed-now = 🔴 Байланыс орталығы қазір жұмыс істемейді. { $today ->
        [yes] Жұмысты бүгін { $change } бастайды.
       *[no] Жұмысты бастайды: { $change }.
    }
support-closed-day = демалыс
support-contacts =
    <b>Байланыс орталығы</b>
    { $phones }
    Жұмыс уақыты ({ $zone }):
    { $hours }

    <b>Тәулік бойы жұмыс істейтін диспетчерлік қызмет:</b> { $hotline }
    <b>Қысқа тегін нөмір:</b> { $short_number }

    <b>E-mail</b>
    { $emails }
