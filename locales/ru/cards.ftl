## Страховые карты

card-status-waiting = ⏳ ожидает начала страховой защиты
card-status-active = 🟢 действует
card-status-expired = ⚪️ срок действия истёк

relation-self = основной застрахованный
relation-spouse = супруг(а)
relation-child = ребёнок
relation-other = член семьи

holder-type-individual = индивидуальная
holder-type-corporate = корпоративная

cards-title =
    <b>💳 Ваши страховые карты</b> ({ $count })
    Активная карта отмечена ✅. Нажмите на карту, чтобы посмотреть её или сменить полис.
card-details =
    <b>Полис { $policy }</b>
    Застрахованное лицо: { $holder } ({ $relation })
    ID застрахованного: { $insured_id }
    Программа: { $program } ({ $holder_type })
    Период страховой защиты: { $start } – { $end }
    Статус: { $status }
card-active-mark = ✅ Это Ваша активная карта: новые заявки оформляются по ней.
card-missing = Эта карта больше не привязана к Вашему аккаунту.
btn-make-active = 🔄 Сменить полис
