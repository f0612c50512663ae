## Қолдау қызметінің байланыс деректері

support-title = <b>☎️ Қолдау</b>
support-open-now = 🟢 Колл-орталық қазір жұмыс істеп тұр. Жұмысты аяқтайды: { $change }.
support-closed-now = 🔴 Колл-орталық қазір жұмыс істемейді. { $today ->
        [yes] Жұмысты бүгін { $change } бастайды.
       *[no] Жұмысты бастайды: { $change }.
    }
support-closed-day = демалыс
support-contacts =
    <b>Колл-орталық</b>
    { $phones }
    Жұмыс уақыты ({ $zone }):
    { $hours }

    <b>Тәулік бойы жұмыс істейтін диспетчерлік қызмет:</b> { $hotline }
    <b>Қысқа тегін нөмір:</b> { $short_number }

    <b>E-mail</b>
    { $emails }
