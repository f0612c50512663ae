## Activation by insured ID and date of birth

activation-id-prompt =
    🪪 Type your <b>insured ID</b>.
    Individuals find it in clause 1.5 of the contract; corporate clients on the plastic medical card.
activation-id-invalid = An insured ID has 3 to 64 letters or digits (dashes allowed). Please check and type it again.
activation-id-words = An insured ID has digits in it, like KZ-100001. If you cannot find yours, go back and confirm your phone instead, or write to support: “{ btn-support }” in the menu.
activation-id-is-date = This looks like a date of birth. Please type your <b>insured ID</b> first: I will ask for the date next.
activation-id-taken = 🪪 Insured ID: <b>{ $insured_id }</b>.
activation-birth-prompt = 📅 Now type your <b>date of birth</b>, e.g. 05.03.1984, or pick it on the calendar.
btn-pick-date = 📅 Pick on the calendar
activation-birth-calendar = 📅 Pick your date of birth (tap the month or the year to jump faster).
activation-wrong-pair =
    This insured ID and date of birth do not match our records. Please check both and try again.
    { $left ->
        [one] One attempt left this hour.
       *[other] { $left } attempts left this hour.
    }
activation-linked = ✅ Card <b>{ $policy }</b> ({ $holder }) is linked and active.
activation-waiting =
    ✅ Your details are correct: your card is linked (see “My cards”).
    ⏳ It opens after the waiting period, on <b>{ $opens_on }</b>. I will remind you on that day.
activation-locked =
    🔒 Too many unsuccessful attempts. For your security, activation is locked until <b>{ $until }</b>.
    If you cannot find your insured ID, write to support.
