## Страхові картки

card-status-waiting = ⏳ очікує початку страхового захисту
card-status-active = 🟢 діє
card-status-expired = ⚪️ термін дії минув

relation-self = основна застрахована особа
relation-spouse = чоловік / дружина
relation-child = дитина
relation-other = член родини

holder-type-individual = індивідуальна
holder-type-corporate = корпоративна

cards-title =
    <b>💳 Ваші страхові картки</b> ({ $count })
    Активну картку позначено ✅. Натисніть на картку, щоб переглянути її або змінити поліс.
card-details =
    <b>Поліс { $policy }</b>
    Застрахована особа: { $holder } ({ $relation })
    ID застрахованого: { $insured_id }
    Програма: { $program } ({ $holder_type })
    Період страхового захисту: { $start } – { $end }
    Статус: { $status }
card-active-mark = ✅ Це Ваша активна картка: нові заявки оформлюються за нею.
card-missing = Ця картка більше не прив’язана до Вашого акаунта.
btn-make-active = 🔄 Змінити поліс
