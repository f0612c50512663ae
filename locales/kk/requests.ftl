## Өтініштер: ортақ мәтіндер

btn-new-request = 📝 Жаңа өтініш
btn-my-requests = 📋 Менің өтініштерім
btn-prev = ◀️
btn-next = ▶️
btn-yes-cancel = ✖️ Иә, болдырмау
btn-no = Жоқ
btn-reply = ✉️ Хабарлама немесе құжаттар қосу
btn-cancel-request = ✖️ Өтінішті болдырмау
btn-docs-clear = 🗑 Құжаттарды жою
btn-docs-done = ✅ Құжаттарды қосуды аяқтау
btn-skip = ⏭ Өткізіп жіберу

request-kind-appointment = 🩺 Дәрігерге жазылу
request-kind-medicines = 💊 Дәрі-дәрмек
request-kind-lab_tests = 🧪 Зертханалық талдаулар
request-kind-reimbursement = 💵 Шығынды өтеу
request-kind-callback = 📞 Кері қоңырау

request-status-new = 🆕 жаңа
request-status-in_progress = 🔧 өңделуде
request-status-need_info = ❓ қосымша ақпарат қажет
request-status-done = ✅ орындалды
request-status-rejected = ⛔️ қабылданбады
request-status-cancelled = ✖️ жойылды

request-choose-type =
    📝 <b>Жаңа өтініш</b>. Карта: { $policy } ({ $holder }).
    Сізге не қажет?
btn-request-for-other = 👥 Басқа адам үшін
request-choose-person = 👥 Өтінішті кімнің картасы бойынша береміз?
request-whose-for = 📝 { $request }
request-blocked = 📝 { $blocked }
request-no-card = Өтініш беру үшін белсенді сақтандыру картасы қажет. Алдымен телефон нөміріңізді растаңыз немесе картаны белсендіріңіз.
request-card-waiting = Белсенді картаңыз бойынша сақтандыру қорғауы басталатын күн: { $date }. Өтініштерді осы күннен бастап беруге болады. Ол басталғанда хабарлаймын.
request-card-expired = Белсенді картаңыз бойынша сақтандыру қорғауы аяқталған күн: { $date }. «Менің карталарым» бөлімінде басқа картаны таңдаңыз немесе қолдау қызметіне хабарласыңыз.
request-date-invalid = Күнді тану мүмкін болмады. Оны КК.АА.ЖЖЖЖ түрінде енгізіңіз немесе күнтізбеден күнді таңдаңыз.
request-date-passed = Сіз таңдаған күн, { $date }, өтіп кетті. Бүгінді немесе кейінгі күнді таңдаңыз.
request-no-time-left = { $date } күні бару үшін уақыт қалмады. Кейінгі күнді таңдаңыз.
request-time-passed = { $date } күнгі бұл уақыт өтіп кетті. Басқасын таңдаңыз.
date-refused = 👌 Түсіндім: { $date } емес. Сізге қай күн ыңғайлы? Күнтізбеден таңдаңыз немесе жазыңыз.
request-time-refused = 👌 Түсіндім: { $choice } емес. Сізге қай уақыт ыңғайлы? Төменнен таңдаңыз.
request-time-outside = Қабылдау мен қоңыраулар { $opens } мен { $closes } аралығында белгіленеді. Төменнен тәулік уақытын таңдаңыз.
request-sent-suggest = Сіз мұны да жаздыңыз: { $request }. «📝 Жаңа өтініш: { $request }» батырмасын басыңыз.
summary-next-kept = 📝 Жазып алдым: бұл өтініш жіберілген соң, келесісін ұсынамын: { $request }. Алдымен қорытындыны тексеріп, «{ btn-send }» батырмасын басыңыз.
request-sent =
    ✅ <b>{ $number }</b> өтініші жіберілді.
    Оның мәртебесі өзгерген кезде, бұл туралы Сізге осында хабарлаймын.
request-sent-now = ✅ <b>{ $number }</b> өтініші жіберілді. Оның қазіргі мәртебесі: { $moved }.
request-sent-closed = 🌙 Қолдау қызметі қазір жұмыс істемейді. { $today ->
        [yes] Өтінішті жұмысқа алу уақыты: бүгін, { $change }.
       *[no] Өтінішті жұмысқа алу уақыты: { $change }.
    }

time-window-morning = 🌅 Таңертең, 8:00–12:00
time-window-afternoon = ☀️ Күндіз, 12:00–16:00
time-window-evening = 🌆 Кешке, 16:00–20:00
time-window-any = 🕘 Кез келген уақытта
time-window-said = { $window } · «{ $said }»

docs-expected = Фото немесе файл жіберіңіз (PDF, JPEG, PNG, HEIC).
docs-too-many = Бір өтінішке қосуға болатын құжаттардың ең көп саны: { $max }. Артық құжаттар қосылмады.
docs-too-big = Бұл файлдың көлемі 20 МБ-тан асады. Кішірек файл немесе оның фотосын жіберіңіз.
docs-bad-type = PDF, JPEG, PNG және HEIC файлдары мен фотолар қабылданады. Құжатты осы форматтардың бірінде жіберіңіз.
docs-count = 📎 Қосылған құжаттар: { $docs_count } / { $max_docs }.

field-phone = Телефон
field-time_window = Уақыты
field-topic = Тақырыбы
field-call_date = Қоңырау шалатын күн
field-specialty = Мамандық
field-clinic = Қала / клиника
field-clinic_phone = Клиника телефоны
field-preferred_date = Қалаулы күн
field-visit_date = 📅 Қабылдауға жазылу
field-delivery_date = 🚚 Жеткізу уақыты
field-visit_note = 💬 Жазылу мәліметтері
visit-when = { $day }, { $time }
# staff booked a span of hours (bot/render.py:booked_hour)
visit-time-by = ең кеші { $time }
visit-time-after = ең ерте { $time }
field-comment = Түсініктеме
field-items = Дәрі-дәрмек
field-address = Мекенжай
field-referral = Талдаулар
field-service_date = Қызмет көрсетілген күн
field-amount = Сомасы
field-iban = IBAN
field-documents = Құжаттар

my-requests-title = 📋 <b>Менің өтініштерім</b> (бет: { $page } / { $pages }). Ашу үшін өтінішті таңдаңыз.
my-requests-empty = 📋 Сізде әзірге өтініштер жоқ.
request-page-documents = 📎 Құжаттар: { $count }
request-page =
    <b>{ $number }</b> · { $kind }
    Мәртебесі: <b>{ $status }</b>
    Жіберілген уақыты: { $created }

    { $details }{ $documents }

    <b>Тарихы</b>
    { $history }
request-insured = 👤 Сақтандырылған тұлға: { $insured } · полис { $policy }
request-insured-name = 👤 Сақтандырылған тұлға: { $insured }
request-missing = Бұл өтініш қолжетімсіз.
history-you = Сіз
history-support = қолдау қызметі
reply-prompt = ✉️ Хабарлама жазыңыз және/немесе фото, файлдар не дауыстық хабарлама жіберіңіз, содан кейін «Жіберу» батырмасын басыңыз.
reply-collected =
    Жіберуге дайын: { $reply_text }
reply-collected-files = 📎 Құжаттар: { $files_count }
reply-collected-voices = 🎤 Дауыстық хабарламалар: { $voices_count }
reply-empty = Алдымен хабарлама жазыңыз немесе құжат қосыңыз.
reply-sent = ✅ Хабарламаңыз өтінішке қосылды.
reply-closed = Бұл өтініш жабылған, сондықтан оған ештеңе қосу мүмкін емес. Жаңа өтініш жасаңыз.
reply-sent-to = ✅ Хабарламаңыз { $number } өтінішіне қосылды; қолдау қызметі оны көреді.
reply-closed-to-support = ✅ { $number } өтініші жабылған, сондықтан хабарламаңыз қолдау қызметіне жаңа сұрақ ретінде жіберілді; жауап осында келеді.
reply-to-support = ✅ Қолдау қызметіне жіберілді; жауап осында келеді.
edit-not-read = ✏️ Жіберілген хабарламадағы өзгерістерді оқымаймын. Формадағы жауапты өзгерту керек болса, жібермес бұрын оның қорытындысындағы ✏️ батырмаларын пайдаланыңыз.
answer-which-request = Бұл қай өтінішке қатысты: { $numbers }? Хабарлама дұрыс өтінішке жетуі үшін бот оның туралы жіберген хабарламаға жауап беріңіз (оны солға тартыңыз) немесе оны «{ btn-my-requests }» бөлімінде ашып, «{ btn-reply }» батырмасын басыңыз. Әзірге ештеңе жіберілмеді.
request-cancel-confirm = <b>{ $number }</b> өтінішін болдырмайсыз ба? Бұл әрекетті кері қайтару мүмкін емес.
request-cancel-too-late = Қолдау қызметі бұл өтінішпен жұмысты бастап қойды, сондықтан оны енді болдырмау мүмкін емес. Оның орнына хабарлама қосыңыз.

btn-full-text = 📄 Толық көрсету
full-text-page =
    📄 { $pages } беттің { $page }-беті

    { $text }
btn-history-earlier = ◀️ Ертерек
btn-history-later = Кейінірек ▶️
request-history-part = 📜 Тарих: { $history_pages } бөліктің { $history_page }-бөлігі.
list-item-not-found = Тізіміңізде мұндай жоқ. Жоғарыдағы тізімді тексеріңіз немесе тізімді қайта бастау үшін «{ btn-list-clear }» батырмасын басыңыз.
list-card-moved = 👤 Енді өтініш мына картаға ресімделеді: { $holder } ({ $policy }).
# the same request sent twice, the first still open (dialogs/requests/common.py:submit)
request-same-open = Дәл осындай өтініш жіберілген және әлі ашық: { $number } ({ $status }). Бәрібір тағы біреуін жіберу үшін «✅ Жіберу» батырмасын қайта басыңыз, ал мұны тоқтату үшін «✖️ Болдырмау» батырмасын басыңыз.
