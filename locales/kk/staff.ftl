## Қолдау қызметі (қызметкерлер чаты) және клиенттерге хабарламалар

staff-not-allowed = ⛔️ Бұл әрекет тек қолдау қызметінің қызметкерлеріне қолжетімді.
staff-button-unknown = Бұл батырма ескірген. Өтініштің соңғы карточкасындағы батырмаларды пайдаланыңыз.
staff-done = ✅ Дайын
staff-done-untold = ℹ️ { $number } өтініші ({ $kind }) орындалды, бірақ ол түскеннен бері клиентке ештеңе жіберілмеді. Егер оған қай жерде және қашан екені айтылмаса, осында жазыңыз: хабарлама оған жетеді.
staff-done-untold-visit = ℹ️ { $number } өтініші ({ $kind }) орындалды, бірақ ол түскеннен бері клиентке ештеңе жіберілмеді. Клиника не зертхана берген уақытты жазыңыз: осында <code>/visit 09.12 17:30</code> (клиентке хабарланады және бір күн бұрын еске салынады), немесе қай жерде және қашан екенін жазыңыз: хабарлама оған жетеді.
staff-done-untold-delivery = ℹ️ { $number } өтініші ({ $kind }) орындалды, бірақ ол түскеннен бері клиентке ештеңе жіберілмеді. Жеткізу уақытын белгілеңіз: осында <code>/visit 09.12 17:30</code> (клиентке хабарланады және бір күн бұрын еске салынады), немесе қай жерде және қашан екенін жазыңыз: хабарлама оған жетеді.
# a staff line to the member that says a visit or delivery was booked: booking it offered
# (bot/handlers/admin/visit.py:offer_said)
staff-visit-said = 📅 { $number }: хабарламаңыз бару жазылғанын айтады: { $when }. Өтінішке бару уақытын жазайын ба? { $remind ->
    [yes] Қатысушыға бару туралы хабар және бір күн бұрын еске салу келеді.
   *[no] Қатысушыға бару туралы хабар келеді.
}
staff-delivery-said = 🚚 { $number }: хабарламаңыз жеткізу белгіленгенін айтады: { $when }. Өтінішке жеткізуді жазайын ба? { $remind ->
    [yes] Қатысушыға жеткізу туралы хабар және бір күн бұрын еске салу келеді.
   *[no] Қатысушыға жеткізу туралы хабар келеді.
}
staff-btn-book-visit = 📅 Бару уақытын жазу
staff-btn-book-delivery = 🚚 Жеткізуді жазу
staff-said-booked-already = Бұл жазылып қойған немесе өтініш жабылған.
staff-said-day-passed = Бұл күн өтіп кетті: бару уақытын /visit командасымен жазыңыз.
staff-already-taken = Бұл өтінішті { $name } жұмысқа алып қойды.
staff-info-asked-already = ℹ️ Клиентке сұрақ қойылып қойған (әріптесіңіз бірінші үлгерді), сондықтан сұрағыңыз оған осы тақырыптағы хабарлама ретінде жіберіледі.
staff-not-now = Қазір бұл мүмкін емес. Өтініш мәртебесі: { $status }.
staff-request-missing = Бұл өтініш енді жоқ.
staff-ask-info = ✍️ Клиентке арналған сұрақты осы хабарламаға жауап ретінде жазыңыз.
staff-ask-reject = ✍️ Қабылдамау себебін осы хабарламаға жауап ретінде жазыңыз; клиент оны көреді.
staff-ask-visit = ✍️ Клиника не зертхана жазған бару күні мен уақытын осы хабарламаға жауап ретінде жазыңыз, мысалы 09.12 17:30 (уақытты көрсетпеуге болады).
staff-ask-delivery = ✍️ Дәрі жеткізілетін күн мен уақытты осы хабарламаға жауап ретінде жазыңыз, мысалы 09.12 17:30, 09.12 10–14 немесе 09.12 14:00-ге дейін (уақытты көрсетпеуге болады).
staff-text-too-short = Кемінде бірнеше сөз жазыңыз.
staff-sent-to-member = ✅ Сақталды; клиентке хабарланды.
staff-member-unreachable = ⚠️ Бұл клиент ботты бұғаттаған; хабарлама клиент қайта жазған кезде жеткізіледі.

staff-btn-take = 🙋 Жұмысқа алу
staff-btn-progress = 🔧 Өңделуде
staff-btn-info = ❓ Ақпарат қажет
staff-btn-done = ✅ Орындалды
staff-btn-reject = ⛔️ Қабылдамау
staff-btn-reveal = 📞 Телефонды көрсету
staff-btn-visit = 📅 Қабылдау
staff-btn-delivery = 🚚 Жеткізу
staff-phones = 📞 { $number }: { $phones } (бұл қарау журналға жазылды)

staff-card =
    <b>{ $number }</b> · { $kind }
    👤 { $member } · { $phone } · { $language }
    💳 { $policy } · { $program } · { $holder } ({ $relation })

    { $details }

    Мәртебесі: <b>{ $status }</b>
# under the answers, only when the request has any
staff-card-documents = 📎 Құжаттар: { $count }
staff-card-voices = 🎤 Дауыстық хабарламалар: { $count }
staff-card-assignee = 🙋 Орындаушы: { $assignee }
staff-card-unassigned = 🙋 Өтінішті әлі ешкім жұмысқа алмаған.
staff-card-link = <a href="{ $link }">↗️ Оның карточкасын ашу</a>
staff-member-message = 💬 <b>{ $member }</b>{ $request }:
    { $text }
staff-member-message-request = { " " }· { $number }
staff-ticket =
    ✉️ <b>Карта табылмады</b> · өтініш № { NUMBER($ticket_id, useGrouping: 0) }
    👤 { $member } · { $phone }
    Полис: { $policy_number }
    Аты-жөні: { $full_name }
    🔧 Карта басқа телефонмен тіркелген бе? Осында <code>/setphone</code> және оның сақтандырылған адамның ID нөмірі картаға осы клиенттің телефонын береді, карта оның чатында пайда болады. Картаны <code>/find</code> және полис нөмірі не тегі арқылы табуға болады.

staff-ticket-answered =
    ✅ № { $tickets } өтініш орындалды: { $member } клиентінде енді { $cards } карта бар, оған хабарланды. Басқа ештеңе істеудің қажеті жоқ.

notify-request-status =
    🔔 <b>{ $number }</b> өтініші ({ $kind }): { $status }.
notify-need-info-how = ✍️ Жауабыңызды осында жіберіңіз: хабарлама, дауыстық хабарлама, фото немесе файлдар.
notify-request-comment = 💬 { $comment }
notify-cards-linked =
    🎉 { $count ->
        [one] Аккаунтыңызға { $count } сақтандыру картасы қосылды.
       *[other] Аккаунтыңызға { $count } сақтандыру картасы қосылды.
    } Толығырақ көру үшін «Менің карталарым» бөлімін ашыңыз.
btn-open-request = 📋 Өтінішті ашу

staff-escalation =
    ⏰ <b>{ $number }</b> өтініші ({ $kind }) { $hours } { $working ->
        [yes] жұмыс сағатынан
       *[no] сағаттан
    } астам күтіп тұр, оны әлі ешкім жұмысқа алмаған. Клиент: { $member }.
staff-low-rating = 👎 <b>{ $number }</b> өтінішінің бағасы ({ $kind }), клиент { $member }: { $stars } ({ $score }/5).
notify-activation-open =
    🎉 Күту кезеңі аяқталды: { $policy } сақтандыру картаңыз бүгіннен бастап қолданыста.
    Пайдалану үшін /menu ашыңыз.
notify-coverage-started =
    🎉 { $count ->
        [one] Сақтандыру картаңыз қолданысқа енді:
       *[other] Сақтандыру карталарыңыз қолданысқа енді:
    }
    { $cards }
    Енді өтініш беруге болады: /menu ашыңыз.
notify-coverage-card = • { $policy } · { $name } — басталу күні: { $date }
notify-appointment-tomorrow =
    📅 Еске салу: <b>{ $number }</b> өтініші бойынша дәрігерге жазылу ертеңге белгіленген.
    { $details }
notify-visit-booked =
    📅 Сіз қабылдауға жазылдыңыз: <b>{ $when }</b>.
    Өтініш <b>{ $number }</b>:
    { $details }
# a visit booked again: the booking it replaces (bot/delivery/member.py:_visit)
notify-visit-was = 🔁 Өзгертілді: бұрын { $was } болатын.
# after a visit's booking, when its day is after tomorrow (bot/delivery/member.py:_visit)
notify-visit-will-remind = Бір күн бұрын еске саламын.
notify-visit-tomorrow =
    📅 Еске салу: қабылдауыңыз ертең, <b>{ $when }</b>.
    Өтініш <b>{ $number }</b>:
    { $details }
notify-lab-visit-booked =
    🧪 Сіз талдау тапсыруға жазылдыңыз: <b>{ $when }</b>.
    Өтініш <b>{ $number }</b>:
    { $details }
notify-lab-visit-tomorrow =
    🧪 Еске салу: талдау тапсыру ертең, <b>{ $when }</b>.
    Өтініш <b>{ $number }</b>:
    { $details }
notify-medicines-delivery-booked =
    🚚 Дәрі жеткізу уақыты белгіленді: <b>{ $when }</b>.
    Өтініш <b>{ $number }</b>:
    { $details }
notify-medicines-delivery-tomorrow =
    🚚 Еске салу: дәрі ертең жеткізіледі, <b>{ $when }</b>.
    Өтініш <b>{ $number }</b>:
    { $details }
notify-need-info-nudge =
    ❓ Қолдау қызметі <b>{ $number }</b> өтініші бойынша жауабыңызды әлі де күтуде:
    { $question }
    Жауабыңызды осында жіберіңіз: хабарлама, фото немесе файлдар.
staff-card-full-text = 📄 <b>{ $number }</b>: жауаптар толық (карточкада олар қысқартылған)
staff-not-saved = ⚠️ Сақталмады (дерекқор қатесі). Қайта басыңыз.
staff-message-not-sent = ⚠️ Хабарламаңыз клиентке жіберілмеді (дерекқор қатесі). Оны қайта жіберіңіз.

## /help, /cancel and unknown commands in a staff chat (bot/handlers/admin/staff_help.py)
staff-help-title = ℹ️ <b>Қызметкерлерге арналған командалар</b>
staff-help-line = /{ $command } · { $description }
staff-help-owners = Иелер үшін:
staff-help-more =
    📥 Клиент тақырыбынан тыс осында жіберілген тізілім файлы (CSV немесе XLSX) импортталады.
    🔎 Осында жеке хабарламамен жіберілген өтініш нөмірі (R-000042) немесе клиент нөмірі (#42) /find сияқты ізделеді.
    💬 Клиент тақырыбында жазғаныңыз клиентке жіберіледі; ! белгісінен бастасаңыз, бұл тек қызметкерлер көретін жазба болады.
    📅 Онда бару не жеткізу белгіленгенін айтатын хабарламаның астында («бейсенбіге 14:30-ға жазылдыңыз») оны өтінішке жазатын батырма шығады: бір күн бұрын еске салумен.
staff-unknown-command = ⚠️ Бот мұндай команданы білмейді.
staff-prompt-cancelled = ↩️ Бас тартылды: клиентке ештеңе жіберілмеді, өтініш өзгерген жоқ.
staff-nothing-to-cancel = ℹ️ Бас тартатын ештеңе жоқ: бот сізден сұрақ немесе себеп күтіп тұрған жоқ.
staff-prompt-expired = ⏰ Бот сізден сұрақ немесе себепті { $minutes } минуттан бұрын сұраған және енді күтпейді, сондықтан бұл жол клиентке жіберілмеді. Карточкадағы батырманы қайта басыңыз немесе жолды хабарлама ретінде жіберу үшін қайта жазыңыз.
command-staff-cancel = Бот сұраған сұрақтан немесе себептен бас тарту
command-staff-help = Бот қызметкерлер үшін не істейді
command-staff-audit = Клиент, өтініш немесе қызметкер бойынша әрекеттер журналы
command-staff-staff = Қызметкерді қосу, алып тастау немесе тізімін көру: /staff add|remove|list
