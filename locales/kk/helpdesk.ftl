# Қызметкерлер чатындағы қолдау құралдары: ішкі жазбалар, дайын жауаптар, түзетулер, бағалар, график, экспорт

command-staff-note = Осы тақырыптағы ішкі жазба (жіберілмейді)
command-staff-reply = Дайын жауап жіберу: /reply атауы
command-staff-templates = Дайын жауаптар тізімі
command-staff-template = Дайын жауапты қосу немесе жою
command-staff-export = Өтініштер XLSX түрінде: /export БАСТАП ДЕЙІН немесе /export КҮН
command-staff-visit = Қатысушыны қабылдауға немесе талдау тапсыруға жазу не дәрі жеткізу уақытын белгілеу: /visit 09.12 17:30

helpdesk-note-kept = 📝 Ішкі жазба сақталды. Ол қатысушыға жіберілген жоқ.
helpdesk-note-usage = Жазбаны командадан кейін жазыңыз: <code>/note мәтін</code> немесе <code>!мәтін</code>.
helpdesk-note-no-member = Мұны қатысушының тақырыбында (немесе оның хабарламасына жауап ретінде) қолданыңыз.

helpdesk-visit-usage = Қалай: қатысушының тақырыбында <code>/visit 09.12 17:30</code> (бару не жеткізу күні және белгілі болса уақыты). Дәрігерге жазылу, талдау не дәрі өтініштері бірнешеу болса, алдымен өтініш нөмірі: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-bad-date = ⚠️ «{ $typed }» ішіндегі күнді оқи алмадым. Мысалы: <code>/visit 09.12 17:30</code> немесе <code>/visit ертең 10:00</code>.
helpdesk-visit-out-of-range = ⚠️ «{ $typed }»: бүгінге немесе алдағы бір жылға дейінгі күнге жазуға болады.
helpdesk-visit-not-theirs = ⚠️ { $number } бұл қатысушының өтініші емес.
helpdesk-visit-wrong-kind = ⚠️ { $number } дәрігерге жазылу, талдау не дәрі өтініші емес: бару не жеткізу тек соларға белгіленеді.
helpdesk-visit-closed = ⚠️ { $number } тоқтатылған немесе қабылданбаған: ол бойынша баруға немесе жеткізуге жазу мүмкін емес.
helpdesk-visit-none = ⚠️ Бұл қатысушының соңғы 60 күндегі дәрігерге жазылу, талдау не дәрі өтініші жоқ. Оның нөмірін көрсетіңіз: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-which = Бұл қатысушының дәрігерге жазылу, талдау не дәрі өтініштері бірнешеу: { $numbers }. Нөмірін көрсетіңіз: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-booked = 📅 { $number }: бару { $when } уақытына жазылды. { $remind ->
    [yes] Қатысушыға қазір хабарланды, бір күн бұрын еске салу келеді.
   *[no] Қатысушыға қазір хабарланды; бір күн бұрын еске салу болмайды: уақыты жақын.
}
helpdesk-delivery-booked = 🚚 { $number }: жеткізу { $when } уақытына белгіленді. { $remind ->
    [yes] Қатысушыға қазір хабарланды, бір күн бұрын еске салу келеді.
   *[no] Қатысушыға қазір хабарланды; бір күн бұрын еске салу болмайды: уақыты жақын.
}

helpdesk-reply-usage = Қалай: қатысушының тақырыбында <code>/reply атауы</code>. <code>/templates</code> атауларды көрсетеді.
helpdesk-reply-unknown = «{ $name }» деген дайын жауап жоқ. <code>/templates</code> тізімді көрсетеді.
helpdesk-reply-sent =
    ↪️ Дайын жауап ({ $language }) қатысушыға жіберу кезегіне қойылды:
    { $text }

helpdesk-templates-none = Дайын жауаптар әлі жоқ. Қосыңыз: <code>/template add атауы kk мәтін</code>
helpdesk-templates-title = 📋 Дайын жауаптар ({ $count }):
helpdesk-templates-help = Мәтінде {"{"}name{"}"} қатысушының атына, ал {"{"}request{"}"} өтініш нөміріне ауысады. Telegram-да мәтінге берген пішімдеу (қалың, көлбеу, сілтемелер) сақталады.
helpdesk-template-usage =
    Қалай:
    <code>/template add атауы тіл мәтін</code> (тіл: uk, ru, kk немесе en)
    <code>/template remove атауы</code> немесе <code>/template remove атауы тіл</code>
helpdesk-template-bad-name = Атауы 1–32 таңба: латын әріптері, сандар, «-» немесе «_».
helpdesk-template-bad-language = Атаудан кейін тіл жазылады: uk, ru, kk немесе en. Мысалы: <code>/template add docs kk Сәлеметсіз бе, {"{"}name{"}"}!</code>
helpdesk-template-bad-placeholder = { $placeholder } толтырылмайды: мәтінде {"{"}name{"}"} (қатысушының аты) және {"{"}request{"}"} (өтініш нөмірі) болуы мүмкін.
helpdesk-template-too-long = Мәтін тым ұзын (3000 таңбадан аспауы керек).
helpdesk-template-added = ✅ «{ $name }» ({ $language }) дайын жауабы қосылды.
helpdesk-template-replaced = ✅ «{ $name }» ({ $language }) дайын жауабы ауыстырылды.
helpdesk-template-removed = { $count ->
    [0] «{ $name }» деген дайын жауап жоқ — ештеңе жойылмады.
    [one] 🗑 «{ $name }» дайын жауабы жойылды.
   *[other] 🗑 «{ $name }» дайын жауабы жойылды ({ $count } тілде).
}

helpdesk-member-edited = 💬 <b>{ $member }</b>{ $request } (✏️ өзгертілді):
    { $text }
helpdesk-member-correction = ✏️ <b>{ $member }</b>{ $request } бұл хабарламаны түзетті:
    { $text }
helpdesk-file-tag = 📎 <b>{ $member }</b>{ $request }

helpdesk-card-rating = ⭐ Баға: { $stars } ({ $score }/5)
helpdesk-card-rating-comment = 💬 Қатысушының пікірі: { $comment }

helpdesk-chart-caption = 📊 Соңғы { $days } күн: { $count } өтініш.
helpdesk-chart-per-day = Күн және мәртебе бойынша өтініштер
helpdesk-chart-times = Медиана уақыт
helpdesk-chart-ratings = Бағалар (1-5)
helpdesk-chart-hours = сағат
helpdesk-chart-minutes = минут
helpdesk-chart-first-action = алғашқы әрекетке дейін
helpdesk-chart-done = орындалғанға дейін
helpdesk-chart-no-data = Өтініштер әлі жоқ
helpdesk-chart-no-ratings = Бағалар әлі жоқ

helpdesk-export-usage = Қалай: <code>/export БАСТАП ДЕЙІН</code>, мысалы <code>/export 2026-11-01 2026-11-30</code> не <code>/export 1-30.11</code>, немесе бір күн: <code>/export 2026-11-30</code>; күнді <code>30.11</code>, <code>30.11.2026</code> немесе <code>кеше</code> деп жазуға болады; не ай немесе апта: <code>/export қараша</code>, <code>/export өткен апта</code>
helpdesk-export-range = Бастау күні аяқталу күнінен кейін болмауы керек, кезең { $days } күннен аспайды.
helpdesk-export-caption = 📤 { $first } – { $last } аралығындағы өтініштер: { $count } (құжатсыз; жеке деректер жасырылған). Бұл экспорт журналға жазылды.
helpdesk-export-col-number = Нөмірі
helpdesk-export-col-created = Құрылды
helpdesk-export-col-kind = Түрі
helpdesk-export-col-status = Мәртебесі
helpdesk-export-col-member = Қатысушы
helpdesk-export-col-phone = Телефон (жасырылған)
helpdesk-export-col-language = Тіл
helpdesk-export-col-policy = Полис
helpdesk-export-col-program = Бағдарлама
helpdesk-export-col-holder = Карта иесі
helpdesk-export-col-relation = Туыстығы
helpdesk-export-col-assignee = Орындаушы
helpdesk-export-col-first_action = Алғашқы әрекет
helpdesk-export-col-done = Орындалды
helpdesk-export-col-rating = Баға
helpdesk-export-col-rating_comment = Бағаға пікір
helpdesk-export-col-details = Жауаптар
