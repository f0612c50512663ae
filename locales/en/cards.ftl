## Insurance cards

card-status-waiting = ⏳ waiting for coverage to start
card-status-active = 🟢 active
card-status-expired = ⚪️ expired

relation-self = main insured person
relation-spouse = spouse
relation-child = child
relation-other = family member

holder-type-individual = individual
holder-type-corporate = corporate

cards-title =
    <b>💳 Your insurance cards</b> ({ $count })
    The active card is marked ✅. Tap a card to see it or change policy to it.
card-details =
    <b>Policy { $policy }</b>
    Insured person: { $holder } ({ $relation })
    Insured ID: { $insured_id }
    Program: { $program } ({ $holder_type })
    Coverage: { $start } – { $end }
    Status: { $status }
card-active-mark = ✅ This is your active card: new requests use it.
card-missing = This card is no longer linked to you.
btn-make-active = 🔄 Change policy
