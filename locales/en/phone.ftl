## Phone confirmation

phone-prompt =
    📱 Tap <b>Share my phone number</b> below.
    I will find every insurance card registered to this number, including your family's.
btn-share-phone = 📱 Share my phone number
phone-change-prompt =
    📱 Your confirmed number is { $phone }. If it has changed, tap “{ btn-share-phone }” below: Telegram sends the number of this account (change it in Telegram's settings first).
    I link the cards registered to the new number; cards registered only to the old number leave your list until the insurer updates them (support can ask).
phone-not-yours = This is not your own contact. Please tap the button below: it sends the number of this Telegram account.
phone-invalid = That phone number does not look valid. Please try the button again.
phone-use-button = Please use the button below to share your phone number.
phone-typed = A typed number cannot be checked. Tap “{ btn-share-phone }” below: Telegram sends the number of this account, and only its owner can send it. No button? Tap the keyboard icon next to the message field.
phone-linked =
    ✅ Phone { $phone } is confirmed.
    { $count ->
        [one] I found one insurance card:
       *[other] I found { $count } insurance cards:
    }
    { $holders }
phone-linked-waiting = ⏳ Requests on a card waiting for its coverage open on the day it starts. I will tell you here that morning.
phone-linked-more = … and { $count } more, all of them in “💳 My cards”.
phone-no-card =
    Phone { $phone } is confirmed, but the insurer has no card registered to it.

    Perhaps the insurer has another number of yours. You can:
    • activate with your insured ID and date of birth, or
    • write to support: we will send them your policy number, phone and full name, and your cards will appear here by themselves once they fix your data.
btn-write-support = ✉️ Write to support
