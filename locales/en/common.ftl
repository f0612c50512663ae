## Shared buttons, errors and commands

btn-menu = 🏠 Main menu
btn-back = ⬅️ Back
btn-cancel = ✖️ Cancel
btn-send = ✅ Send
btn-edit = ✏️ Edit
btn-language = 🌐 Language
btn-help = ❓ Help

input-text-expected = Please type your answer as a text message.
input-voice-not-here = This step takes no voice message: please type your answer. Support listens to voice messages: “{ btn-write-support }” on the support screen, or on a sent request’s page in “{ btn-my-requests }”.
input-location-not-address = 📍 A location does not say the building and flat. Please type the address.
input-location-not-clinic = 📍 A location does not name the city and clinic. Please type them.
input-unexpected = I did not expect that here. Please answer the question above or use the buttons.
choice-refused = 👌 Not { $choice }, then. Which one is it? Please pick it below.
summary-which-change = ✏️ What should be changed? Tap “✏️” next to it, or write it: “change the date”.
input-not-asked = Messages are not taken on this screen: please use the buttons. To write to support, open “{ btn-support }” in the menu and tap “{ btn-write-support }”.
input-not-asked-offer = I could not tell what to do with this myself. Send this to support? Tap “{ btn-send-to-support }”.
input-support-offer = ✉️ Send this to support? Tap “{ btn-send-to-support }”.
input-question-offer = ❓ I cannot answer that myself; support can. Send this to support? Tap “{ btn-send-to-support }”.
# a complaint or feedback, and personal data the insurer changes: support's, said so
input-feedback-offer = 📣 Complaints and feedback go to support, who read every one. Send this to support? Tap “{ btn-send-to-support }”.
input-data-offer = 🪪 A new surname or passport is changed in the insurer’s records by support (they may ask for a copy of the document). Send this to support? Tap “{ btn-send-to-support }”.
# a thank-you written where nothing is asked: answered, not offered to support
input-thanks = 🙏 You are welcome! If you need anything else, use the buttons below.
input-greeting = 😊 How can I help? Choose with the buttons below, or write your question: I will offer to send it to support.
input-acknowledged = 👌 If you need anything else, use the buttons below.
input-goodbye = 👋 Goodbye! If you need anything else, use the buttons below.
emergency-call = 🚑 <b>If a life or health is in danger, call an ambulance now: 103 or 112.</b> The insurer's 24/7 dispatcher line: { $hotline }.
input-emergency = { emergency-call } Send your message to support too? Tap “{ btn-send-to-support }”.
btn-send-to-support = ✉️ Send it to support
menu-btn-suggest = 📝 New request: { $request }
input-not-asked-suggest = Is this a new request? Tap “📝 New request: { $request }”. Or send it to support: “{ btn-send-to-support }”.
input-not-asked-suggest-not-theirs = Is this a new request? A request is made on the card of the person it is for, and I do not see a card of theirs among yours: “📝 New request: { $request }” makes it on your own card. If they are insured, add their card first: “{ btn-add-card }”. Or send this to support: “{ btn-send-to-support }”.
input-not-asked-suggest-two = Are these new requests? Tap “📝 New request: { $request }” or “📝 New request: { $more }”: the other one is offered again once the first is sent. Or send it to support: “{ btn-send-to-support }”.
input-not-asked-card-waiting = ⏳ { $request }: requests on this card open on { $date }, when its coverage starts. Send this to support now? Tap “{ btn-send-to-support }”.
input-not-asked-card-ended = { $request }: coverage on this card ended on { $date }, so it takes no requests. Send this to support? Tap “{ btn-send-to-support }”.
input-not-asked-no-card = 📝 { $request }: a request is made on an insurance card, and none is linked to you yet. Link yours first with the buttons below, or send this to support: “{ btn-send-to-support }”.
input-about-request = Your requests and their status are under “{ btn-my-requests }” in the menu (/menu), where a request support has not started on yet can be cancelled. To change one, send this to support: “{ btn-send-to-support }”.
input-about-request-new = This screen makes a new request. Requests already made and their status are under “{ btn-my-requests }” in the menu (/menu), where one support has not started on yet can be cancelled. To change one, write to support: “{ btn-support }” in the menu.
member-unknown-command = ⚠️ I do not know that command, so I took it as nothing. Mine are /menu (the main menu), /cancel (leave the current form), /support (phones and writing to us), /language, /mydata (what I store about you) and /help.
date-invalid = I could not read that date. Please type it like 05.03.1984 or 5 March 1984.
date-one-day = That is more than one day. Please choose one: type it or pick it on the calendar.
date-which-day = 📅 { $month }: which day? Pick it on the calendar below or type it.
date-soonest-kept = 📅 { $date }, the earliest day: noted.
date-first-kept = 📅 { $date }, the first of those days: noted.

notice-cancelled = ✖️ Cancelled. Nothing you have already sent or confirmed was changed.
notice-session-expired = That screen is out of date, so here is the main menu again.
# a pressed button nothing answers any more (old, foreign or forged)
button-out-of-date = This button is out of date.

command-start = Start and open the main menu
command-menu = Main menu
command-help = What this bot can do
command-language = Change the language
command-cancel = Leave the current form
command-support = Support: phones, hours, write to us

language-choose = 🌐 Choose your language:
language-same = 🌐 We are speaking English already. To choose another language: /language.
language-not-spoken = 🌐 Sorry, I speak only Ukrainian, Russian, Kazakh and English. To choose one: /language.
language-name-uk = 🇺🇦 Українська
language-name-ru = 🇷🇺 Русский
language-name-kk = 🇰🇿 Қазақша
language-name-en = 🇬🇧 English

help-text =
    <b>What I can do</b>

    • 📱 <b>Confirm phone</b>: share your Telegram phone number and I will find every insurance card registered to it, your family's too.
    • 🪪 <b>Activate by insured ID</b>: the number from your contract (clause 1.5) or your plastic medical card, plus your date of birth (both in one message is fine). Once you have a card, <b>Add a card by insured ID</b> adds another.
    • 📝 <b>New request</b>: a doctor appointment, medicines, lab tests, reimbursement of your expenses with the documents, or a call-back, for you or, with <b>👥 For another person</b>, for someone of your family. You can also just type what you need, with what you know of it: “I need a dentist on Tuesday”, “refund 1 200 UAH for yesterday’s tests”; I fill that in. I tell you here whenever a request moves; when support asks you something, just write the answer here, or send it as a voice message. A request you leave halfway (for the menu, or a status message) is kept: “✏️ Continue” on the menu takes you back to it.
    • 📋 <b>My requests</b>: the status and history of each request; add a message or documents, or cancel a request. Sending a request's number (R-000042) opens it too.
    • 💳 <b>My cards</b>: coverage dates and status; change policy (choose the active card) and show your card at a clinic.
    • 👤 <b>Profile</b>: your name, gender, date of birth and addresses.
    • ☎️ <b>Support</b>: phones, e-mails and opening hours, or write to support right here.
    • 🏥 <b>Clinics</b>: ask, for example “clinics in Almaty”, “where is there a dentist in Almaty?” or “Dent-Lux address”: I answer from the insurer's list of clinics.

    Commands: /menu, /support, /language, /cancel (leave any form), /mydata (what I store about you: a copy, or erase it), /help.

## Moments a member reads: in their own zone, or naming the zone they are in
date-at-time = { $date }, { $time }
time-in-zone = { $time } ({ $zone } time)
# a time in the member's own zone, shown beside times in the insurer's (dialogs/support.py)
time-yours = { $time } (your time)
time-window-in-zone = { $window } ({ $zone } time; { $hours } in { $here })

input-too-long =
    That text is too long: at most { NUMBER($max, useGrouping: 0) } { $max ->
        [one] character
       *[other] characters
    }. Please shorten it and send it again.
render-failed = ⚠️ Sorry, I could not show this screen. Everything you sent is saved. Press /menu to continue.
error-not-saved = ⚠️ Sorry, that could not be saved just now, so nothing was sent. Please try again in a moment.

## The admin chat's command menu, and what a member sees before START
command-staff-find = Find a member by phone, policy, insured ID or name, or a request by its number
command-staff-setphone = Correct the phone number of a card
command-staff-stats = Requests and delivery in figures
bot-description = { $insurer }: your health insurance in Telegram. Confirm your phone to see your insurance cards, book a doctor, ask for medicines or lab tests, claim a reimbursement, and follow every request right here. Press START to begin.
bot-short-description = { $insurer }: your insurance cards and requests to your insurer, in one chat.
