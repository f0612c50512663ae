## Қолдау чатындағы қызметкерлер командалары: /find, /setphone, /stats, тізілімді импорттау

staffcmd-none = —

staffcmd-find-usage =
    🔎 Қолдану: <code>/find телефон</code>, <code>/find полис нөмірі</code>, <code>/find сақтандырылған адамның ID нөмірі</code>, <code>/find өтініш нөмірі</code>, <code>/find #клиент нөмірі</code> немесе аты-жөні: <code>/find тегі</code>, <code>/find тегі аты</code>
    Мысалы: <code>/find +77010000101</code>, <code>/find SPH-2026-0001</code>, <code>/find KZ-100001</code>, <code>/find R-000042</code>, <code>/find #42</code>, <code>/find Садыкова Айгерим</code>
    Клиенттің тақырыбында нөмірсіз <code>/find</code> сол клиентті көрсетеді.
staffcmd-find-none-name = 🔎 { $query } есімді карта немесе клиент жоқ. Тек тегін немесе телефонды не полис нөмірін көріңіз.
staffcmd-find-none = 🔎 { $query } сұрауы бойынша ештеңе табылмады. Нөмірді тексеріп, қайталап көріңіз.
staffcmd-find-title =
    🔎 { $query } сұрауы бойынша табылғаны: { $members ->
        [one] { $members } клиент
       *[other] { $members } клиент
    }, { $cards ->
        [one] { $cards } карта
       *[other] { $cards } карта
    }.
staffcmd-find-member = 👤 <b>Клиент #{ NUMBER($id, useGrouping: 0) }</b> · { $name } · { $phone } · туған жылы: { $year } · { $language }
staffcmd-find-member-unreachable = ⚠️ Ботты бұғаттаған.
staffcmd-find-member-cards = Байланыстырылған карталар: { $cards }
staffcmd-find-member-no-cards = Байланыстырылған карталар жоқ.
staffcmd-find-member-requests = 📋 Ашық өтініштер: { $requests }
staffcmd-find-member-more-requests = және басқалары
staffcmd-find-member-topic = <a href="{ $link }">💬 Клиенттің тақырыбын ашу</a>
staffcmd-find-card =
    💳 <b>{ $policy }</b> · { $program } ({ $holder_type })
    Сақтандыру қорғауының кезеңі: { $start } – { $end } · { $status }
    { $name } ({ $relation }) · ID { $insured_id } · туған жылы: { $year } · { $phone }
staffcmd-find-card-members = Байланыстырылған клиенттер: { $members }
staffcmd-find-card-no-members = Әзірге ешбір клиентке байланыстырылмаған.
staffcmd-find-more = …және тағы { $count }; оларды көру үшін сұрауды нақтылаңыз.
staffcmd-find-request =
    📋 <b>{ $number }</b> · { $kind } · { $status }
    Жіберілді: { $sent }, клиент #{ NUMBER($member, useGrouping: 0) }
staffcmd-find-request-no-card = Оның карточкасы қызметкерлер чатына әлі жеткен жоқ.

staffcmd-linked =
    🔗 { $members ->
        [one] { $members } клиентке карталар қосылды; оған хабарланады.
       *[other] { $members } клиентке карталар қосылды; оларға хабарланады.
    }

staffcmd-setphone-usage =
    📞 Қолдану: <code>/setphone сақтандырылған_адамның_ID телефон</code>
    Мысалы: <code>/setphone KZ-100001 +77010000101</code>
    Телефонның орнына клиент нөмірін, <code>#42</code>, жазуға болады: оның расталған телефоны алынады. Клиенттің тақырыбында телефонсыз <code>/setphone сақтандырылған адамның ID нөмірі</code> картаға осы клиенттің телефонын береді.
staffcmd-setphone-bad-phone = ⚠️ Бұл жарамды телефон нөміріне ұқсамайды. Нөмірді ел кодымен жазыңыз, мысалы: +77010000101.
staffcmd-setphone-no-member-phone = ⚠️ { $member }: мұндай клиент жоқ немесе ол телефонын растамаған.
staffcmd-setphone-no-card = ⚠️ Сақтандырылған адамның ID нөмірі { $insured_id } болатын карта табылмады.
staffcmd-setphone-same = ℹ️ { $insured_id } картасында { $phone } телефоны бұрыннан көрсетілген; ештеңе өзгертілмеді.
staffcmd-setphone-done = ✅ { $insured_id } картасы: телефон { $old } → { $new }. Карталар қайта байланыстырылды.
staffcmd-setphone-not-linked = Ешбір клиентке жаңа карта қосылмады; бұл нөмірді кейін жіберген клиент картаны сол кезде алады.
staffcmd-setphone-unlinked = ⚠️ Карта енді { $members } клиенттеріне байланыстырылмаған: олардың расталған нөмірі басқа.

staffcmd-import-too-big = ⚠️ { $file } файлы 20 МБ-тан үлкен, сондықтан бот оны жүктей алмайды. Тізілімді кішірек файлдарға бөліңіз.
staffcmd-import-format = ⚠️ { $file } файлын импорттау мүмкін болмады: { $error }. Ештеңе сақталмады.
staffcmd-import-report =
    📥 <b>{ $file }</b>: { $rows ->
        [one] { $rows } жол
       *[other] { $rows } жол
    }
    ➕ қосылды: { $added } · 🔄 жаңартылды: { $updated } · ▫️ өзгеріссіз: { $unchanged } · ⛔️ қабылданбады: { $rejected }

staffcmd-import-rejected-file = ⛔️ { $count } жол қабылданбады: бұл файлда әрқайсысы нөмірімен, себептерімен және тізілімдегі мазмұнымен берілген. Оларды файлда түзетіп, қайта жіберіңіз (line және reasons бағандары ескерілмейді).

staffcmd-stats-title = 📊 <b>Өтініштер саны: { $total }</b>
staffcmd-stats-by-status = Мәртебесі бойынша:
staffcmd-stats-by-kind = Түрі бойынша:
staffcmd-stats-line = { $label }: { $count }
staffcmd-stats-median =
    ⏱ Қызметкердің алғашқы әрекетіне дейінгі медианалық уақыт: { $duration } ({ $count ->
        [one] { $count } өтініш
       *[other] { $count } өтініш
    })
staffcmd-stats-median-none = ⏱ Қызметкерлер әзірге ешбір өтінішті өңдеген жоқ.
staffcmd-stats-failed = ⚠️ Жіберілмеген хабарламалар саны: { $count }
staffcmd-duration-days = { $count } күн
staffcmd-duration-hours = { $count } сағ
staffcmd-duration-minutes = { $count } мин
staffcmd-duration-under-minute = 1 минуттан аз
