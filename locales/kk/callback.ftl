## Кері қоңырауға өтініш

callback-phone-prompt = { $phone_known ->
    [yes] 📞 Сізге қай нөмірге қоңырау шалайық? Нөмірді енгізіңіз немесе расталған нөміріңізді пайдаланыңыз.
   *[no] 📞 Сізге қай нөмірге қоңырау шалайық? Нөмірді енгізіңіз, мысалы +7 701 123 45 67.
}
btn-use-phone = 📱 { $confirmed_phone } нөмірін пайдалану
callback-phone-invalid = Бұл телефон нөміріне ұқсамайды. Нөмірді ел кодымен бірге енгізіңіз, мысалы +7 701 123 45 67.
callback-write-instead = ✉️ Кері қоңырау — бұл телефон қоңырауы. Жауапты жазбаша алу үшін «{ btn-write-support }» батырмасын басып, сұрағыңызды жазыңыз: жауап осы чатқа келеді.
callback-time-prompt = 🕘 Сізге қай уақытта қоңырау шалған ыңғайлы?
callback-time-zone = Уақыт белдеуі: { $zone }.
callback-topic-prompt = 💬 Қандай мәселені талқылағыңыз келеді? Бірнеше сөз жеткілікті.
callback-topic-invalid = Тақырыпты кемінде бірнеше таңбамен сипаттаңыз.
callback-call-on = 📅 Сізге қоңырау шалатын күн: { $call_on }. Байланыс орталығы осы уақытта жұмыс істейтін алғашқы күн осы.
callback-summary =
    <b>📞 Кері қоңырауға өтініш</b>
    👤 Сақтандырылған тұлға: { $insured } · полис { $policy }
    Телефон: { $phone }
    Уақыты: { $time_window }
    Тақырыбы: { $topic }
callback-summary-check =
    {""}
    Бәрі дұрыс па?
btn-edit-phone = ✏️ Телефон
btn-edit-time = ✏️ Уақыт
btn-edit-topic = ✏️ Тақырып
# the time of day asked for with the call-back ("call me in the evening"): its time step answered
callback-day-kept = 📅 { $date }: қоңырау күні ретінде жазып алдым.
callback-time-kept = { $window }: қоңырау уақыты ретінде жазып алдым.
callback-time-topic-kept = { $window }: қоңырау уақыты ретінде, ал хабарламаңызды оның тақырыбы ретінде жазып алдым.
callback-topic-kept = 💬 Хабарламаңызды қоңырау тақырыбы ретінде жазып алдым.
