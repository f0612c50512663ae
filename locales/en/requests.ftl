## Requests: shared texts

btn-new-request = 📝 New request
btn-my-requests = 📋 My requests
btn-prev = ◀️
btn-next = ▶️
btn-yes-cancel = ✖️ Yes, cancel it
btn-no = No
btn-reply = ✉️ Add a message or documents
btn-cancel-request = ✖️ Cancel the request
btn-docs-clear = 🗑 Remove the documents
btn-docs-done = ✅ Done with documents
btn-skip = ⏭ Skip

request-kind-appointment = 🩺 Doctor appointment
request-kind-medicines = 💊 Medicines
request-kind-lab_tests = 🧪 Lab tests
request-kind-reimbursement = 💵 Reimbursement
request-kind-callback = 📞 Call-back

request-status-new = 🆕 new
request-status-in_progress = 🔧 in progress
request-status-need_info = ❓ more information needed
request-status-done = ✅ done
request-status-rejected = ⛔️ rejected
request-status-cancelled = ✖️ cancelled

request-choose-type =
    📝 <b>New request</b> on card { $policy } ({ $holder }).
    What do you need?
btn-request-for-other = 👥 For another person
request-choose-person = 👥 Whose card is the request for?
request-whose-for = 📝 { $request }
request-blocked = 📝 { $blocked }
request-no-card = A request needs an active insurance card. Confirm your phone or activate a card first.
request-card-waiting = Coverage on your active card starts on { $date }; requests open from that day. I will tell you when it starts.
request-card-expired = Coverage on your active card ended on { $date }. Choose another card in “My cards” or contact support.
request-date-invalid = I could not read that date. Please type it as DD.MM.YYYY or pick a day on the calendar.
request-date-passed = The day you chose, { $date }, has already passed. Please choose today or a later day.
request-no-time-left = No time of day is left on { $date } for a visit. Please choose a later day.
request-time-passed = That time of day on { $date } has already passed. Please choose another.
date-refused = 👌 Not { $date }, then. Which day would suit you? Pick it on the calendar or type it.
request-time-refused = 👌 Not { $choice }, then. Which time suits you? Please pick it below.
request-time-outside = Visits and calls are arranged between { $opens } and { $closes }. Please pick a time of day below.
request-sent-suggest = You also asked for { $request }: tap “📝 New request: { $request }”.
# another request asked for under a summary ("а для Софії теж треба повернути за аналізи"): offered once this one is sent
summary-next-kept = 📝 Noted: once this request is sent, I will offer the next one: { $request }. Check the summary and tap “{ btn-send }” first.
request-sent =
    ✅ Request <b>{ $number }</b> is sent.
    I will tell you here when its status changes.
request-sent-now = ✅ Request <b>{ $number }</b> is sent. Its status now: { $moved }.
request-sent-closed = 🌙 Support is not at work now. { $today ->
        [yes] They will take it from { $change } today.
       *[no] They will take it from { $change }.
    }

time-window-morning = 🌅 Morning, 8:00–12:00
time-window-afternoon = ☀️ Afternoon, 12:00–16:00
time-window-evening = 🌆 Evening, 16:00–20:00
time-window-any = 🕘 Any time
time-window-said = { $window } · “{ $said }”

docs-expected = Please send a photo or a file (PDF, JPEG, PNG, HEIC).
docs-too-many = That is more than { $max } documents for one request; the extra ones were not added.
docs-too-big = That file is larger than 20 MB. Please send a smaller file or a photo of it.
docs-bad-type = I accept PDF, JPEG, PNG and HEIC files and photos. Please send the document in one of these formats.
docs-count = 📎 Documents attached: { $docs_count } of { $max_docs }.

field-phone = Phone
field-time_window = Time
field-topic = Topic
field-call_date = Call on
field-specialty = Specialty
field-clinic = City / clinic
field-clinic_phone = Clinic's phone
field-preferred_date = Preferred date
field-visit_date = 📅 Visit booked for
field-delivery_date = 🚚 Delivery booked for
field-visit_note = 💬 Booking details
visit-when = { $day }, { $time }
# staff booked a span of hours (bot/render.py:booked_hour)
visit-time-by = by { $time }
visit-time-after = after { $time }
field-comment = Comment
field-items = Medicines
field-address = Address
field-referral = Tests
field-service_date = Service date
field-amount = Amount
field-iban = IBAN
field-documents = Documents

my-requests-title = 📋 <b>My requests</b> (page { $page } of { $pages }). Tap one to open it.
my-requests-empty = 📋 You have no requests yet.
request-page-documents = 📎 Documents: { $count }
request-page =
    <b>{ $number }</b> · { $kind }
    Status: <b>{ $status }</b>
    Sent on { $created }

    { $details }{ $documents }

    <b>History</b>
    { $history }
request-insured = 👤 Insured person: { $insured } · policy { $policy }
request-insured-name = 👤 Insured person: { $insured }
request-missing = This request is not available.
history-you = you
history-support = support
reply-prompt = ✉️ Type a message and/or send photos, files or a voice message, then press “Send”.
reply-collected =
    Ready to send: { $reply_text }
reply-collected-files = 📎 Documents: { $files_count }
reply-collected-voices = 🎤 Voice messages: { $voices_count }
reply-empty = Please type a message or attach a document first.
reply-sent = ✅ Your message was added to the request.
reply-closed = This request is closed, so nothing can be added to it. Please create a new request.
reply-sent-to = ✅ Your message was added to request { $number }; staff see it.
reply-closed-to-support = ✅ Request { $number } is closed, so your message went to support as a new question; the answer comes here.
reply-to-support = ✅ Sent to support; the answer comes here.
edit-not-read = ✏️ I do not read changes to a message already sent. If an answer in a form needs changing, use the ✏️ buttons on its summary before sending it.
answer-which-request = Which request is this about: { $numbers }? So that it reaches the right one, reply to the bot's message about it (swipe it left), or open it in “{ btn-my-requests }” and tap “{ btn-reply }”. Nothing was sent yet.
request-cancel-confirm = Cancel request <b>{ $number }</b>? This cannot be undone.
request-cancel-too-late = Support has already started on this request, so it can no longer be cancelled. Add a message instead.

btn-full-text = 📄 Show in full
full-text-page =
    📄 Page { $page } of { $pages }

    { $text }
btn-history-earlier = ◀️ Earlier
btn-history-later = Later ▶️
request-history-part = 📜 History: part { $history_page } of { $history_pages }.
list-item-not-found = I found no such item in your list. Check the list above, or press “{ btn-list-clear }” to start it again.
# a line of a list that names whom it is for ("нурофен для Тараса"): the request moved to their card
list-card-moved = 👤 This request is now made on the card of { $holder } ({ $policy }).
# the same request sent twice, the first still open (dialogs/requests/common.py:submit)
request-same-open = The same request is already sent and still open: { $number } ({ $status }). To send another one anyway, press “✅ Send” again; or “✖️ Cancel” this one.
