## Құпиялылық: /mydata, экспорт, жою, аудит (docs/privacy.md)

command-mydata = Бот мен туралы не сақтайды
btn-mydata = 🔐 Менің деректерім
btn-mydata-export = 📄 Экспорт (JSON файлы)
btn-mydata-erase = 🗑 Деректерімді жою
btn-mydata-erase-yes = 🗑 Иә, бәрін жою
btn-mydata-erase-no = ⬅️ Жоқ, деректерді қалдыру
btn-mydata-page-back = ◀️ Артқа
btn-mydata-page-forward = Әрі қарай ▶️
btn-mydata-start-again = 🏠 Қайта бастау

mydata-title = <b>🔐 Бот Сіз туралы не сақтайды</b>
mydata-page = { $pages } беттің { $page }-беті
mydata-telegram = Telegram ID: { NUMBER($id, useGrouping: 0) }
mydata-language = Тіл: { $language }
mydata-phone = Расталған телефон: { $phone } (расталған күні: { $date })
mydata-phone-none = Расталған телефон: жоқ
mydata-profile = <b>Профиль</b>
mydata-profile-line = { $label }: { $value }
mydata-cards = <b>Байланысқан сақтандыру карталары: { $count }</b>
mydata-card = 💳 { $policy } · { $program } · { $holder } · { $start } – { $end } (байланысқан күні { $date })
mydata-requests = <b>Өтініштер: { $count }</b>
mydata-request = 📋 <b>{ $number }</b> · { $kind } · { $status } · { $date }
mydata-history = Тарихы:
mydata-event = { $date } · { $status }
mydata-documents = Құжаттар:
mydata-document = 📎 { $name } · { $date }
mydata-document-unnamed = фото
mydata-rating = ⭐ Сіздің бағаңыз: { $score }/5
mydata-tickets = <b>Қолдау қызметіне өтініштер (карта табылмады): { $count }</b>
mydata-ticket = ✉️ { $date } · { $text }
mydata-reminders = Күтудегі еске салғыштар: { $count }
mydata-pending = Сізге жеткізуді күтіп тұрған хабарлар: { $count }
mydata-attempts = Сақталған белсендіру әрекеттері (сақтандырылған ID тек кері оқылмайтын код ретінде): { $count }
mydata-state = Аяқталмаған формалар мен экрандар: { $count }
mydata-topic = Қолдау қызметінде Сізбен сөйлесу тақырыбы бар: { $yes ->
    [yes] иә
   *[no] жоқ
    }
mydata-footer = Файлда әр сақталған өріс бар. Құжаттар Telegram-да қалады; бот тек оларға сілтемені сақтайды.
mydata-export-caption = 📄 Бот Сіз туралы сақтайтынның бәрі (JSON, схема нұсқасы { $version }).
mydata-export-failed = ⚠️ Файлды жіберу мүмкін болмады. Қайталап көріңіз.

mydata-erase-confirm =
    <b>🗑 Деректеріңізді жою керек пе?</b>
    Барлық сақтандыру карталарыңыз ажыратылады, ал телефон, профиль, аяқталмаған формалар, қолдау қызметіне өтініштер және Сізді күтіп тұрған хабарлар өшіріледі.
    Өтініштеріңіз сақтандырушыда есеп талап ететіндей, атыңызсыз, телефоныңызсыз, мәтіндерсіз және құжаттарсыз қалады.
    Сақтандырушының өз тізілімі өзгермейді. Мұны қайтару мүмкін емес.
# "yes" typed under the question: the button asked for (dialogs/privacy.py)
mydata-erase-press = 👆 Бәрін жою үшін төмендегі «{ btn-mydata-erase-yes }» батырмасын басыңыз: бұл әрекетті кері қайтару мүмкін емес. Деректерді қалдыру үшін «{ btn-mydata-erase-no }» батырмасын басыңыз.
mydata-erased =
    ✅ Деректеріңіз жойылды. Қолдау қызметіне хабарланды.
    Қайта оралсаңыз, бәрін жаңадан бастайсыз: /start жіберіңіз.

privacy-staff-member-erased =
    🗑 Қатысушы ({ $member }) өз деректерін жойды. Оның { $kept } өтініші сақтандырушының есебі үшін иесіздендіріліп сақталды. Мұнда жазылған хабарлар енді ешкімге жетпейді.

privacy-stats-retention = 🧹 Сақтау мерзімдері, соңғы іске қосу { $date } UTC: иесіздендірілген жабық өтініштер: { $requests }, жойылған аудит жазбалары: { $audit }, ұмытылған аяқталмаған формалар: { $drafts }
privacy-stats-retention-none = 🧹 Сақтау мерзімі бойынша тазалау әлі іске қосылмаған.

privacy-audit-usage =
    Қолданылуы: <code>/audit member 42</code>, <code>/audit request R-000042</code> немесе <code>/audit staff 123456789</code> (Telegram id).
privacy-audit-owners-only = ⛔️ Аудитті тек иелері оқи алады.
privacy-audit-empty = { $subject } үшін аудит жазбалары жоқ.
privacy-audit-title = 🧾 <b>Аудит: { $subject }</b> (жазбалар: { $total }, төменде ең жаңа { $shown }; бәрі файлда)
privacy-audit-nobody = қатысушы/бот
privacy-audit-file = 🧾 Аудит жазбалары кесте ретінде ({ $count }).
mydata-full-name = Аты-жөні
mydata-gender = Жынысы
mydata-birth-date = Туған күні
mydata-home-address = Үй мекенжайы
mydata-extra-address = Қосымша мекенжай
