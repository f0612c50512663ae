## Main menu

menu-greeting-name = 👋 Hello, { $name }!
menu-greeting = 👋 Welcome to the { $insurer } member service.
menu-active-card =
    💳 Active card: <b>{ $policy }</b> · { $holder }
    Status: { $status }
menu-no-card =
    You have no insurance card linked yet.
    Confirm your phone number, or activate with your insured ID and date of birth.
btn-my-cards = 💳 My cards
btn-confirm-phone = 📱 Confirm phone
btn-activate = 🪪 Activate by insured ID
btn-add-card = ➕ Add a card by insured ID
btn-profile = 👤 Profile
btn-support = ☎️ Support

# a request form left for the menu (/start, a status message's button) is kept: $draft is its kind
menu-draft = ✏️ You have an unfinished request: { $draft }. “Continue” takes you back to where you left it.
btn-draft-continue = ✏️ Continue: { $draft }
