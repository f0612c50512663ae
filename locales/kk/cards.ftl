## Сақтандыру карталары

card-status-waiting = ⏳ сақтандыру қорғауының басталуын күтуде
card-status-active = 🟢 қолданыста
card-status-expired = ⚪️ мерзімі аяқталған

relation-self = негізгі сақтандырылған адам
relation-spouse = жұбайы
relation-child = баласы
relation-other = отбасы мүшесі

holder-type-individual = жеке
holder-type-corporate = корпоративтік

cards-title =
    <b>💳 Сіздің сақтандыру карталарыңыз</b> ({ $count })
    Белсенді карта ✅ белгісімен көрсетілген. Картаны көру немесе полисті ауыстыру үшін картаны таңдаңыз.
card-details =
    <b>Полис { $policy }</b>
    Сақтандырылған адам: { $holder } ({ $relation })
    ID нөмірі: { $insured_id }
    Бағдарлама: { $program } ({ $holder_type })
    Сақтандыру қорғауының кезеңі: { $start } – { $end }
    Мәртебесі: { $status }
card-active-mark = ✅ Бұл — Сіздің белсенді картаңыз: жаңа өтініштер осы карта бойынша ресімделеді.
card-missing = Бұл карта енді Сіздің аккаунтыңызға байланыстырылмаған.
btn-make-active = 🔄 Полисті ауыстыру
