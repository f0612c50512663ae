# Helpdesk tools in the admin chat: internal notes, canned replies, edits, ratings, chart, export

command-staff-note = Internal note in this topic (never sent)
command-staff-reply = Send a canned reply: /reply name
command-staff-templates = List the canned replies
command-staff-template = Add or remove a canned reply
command-staff-export = Requests as XLSX: /export FROM TO, or /export DAY
command-staff-visit = Book the visit of an appointment or lab tests, or the delivery of medicines: /visit 09.12 17:30

helpdesk-note-kept = 📝 Internal note kept. It was not sent to the member.
helpdesk-note-usage = Write the note after the command: <code>/note text</code> or <code>!text</code>.
helpdesk-note-no-member = Use this in a member's topic (or in reply to a member's message).

helpdesk-visit-usage = Usage: in the member's topic, <code>/visit 09.12 17:30</code> (the day of the visit or the delivery, and its time when known). With several doctor appointments, lab tests or medicines, the request's number first: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-bad-date = ⚠️ I could not read the day in “{ $typed }”. For example: <code>/visit 09.12 17:30</code> or <code>/visit tomorrow 10:00</code>.
helpdesk-visit-out-of-range = ⚠️ “{ $typed }”: a visit or a delivery is booked for today or a day ahead, up to a year.
helpdesk-visit-not-theirs = ⚠️ { $number } is not a request of this member.
helpdesk-visit-wrong-kind = ⚠️ { $number } is not a doctor appointment, lab tests or medicines: a visit or a delivery is booked only on those.
helpdesk-visit-closed = ⚠️ { $number } was cancelled or rejected: no visit or delivery is booked on it.
helpdesk-visit-none = ⚠️ This member has no doctor appointment, lab tests or medicines from the last 60 days to book on. Give its number: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-which = This member has several doctor appointments, lab tests or medicines: { $numbers }. Give the number: <code>/visit R-000042 09.12 17:30</code>.
helpdesk-visit-booked = 📅 { $number }: the visit is booked for { $when }. { $remind ->
    [yes] The member is told now and reminded the day before.
   *[no] The member is told now; there is no reminder the day before, it is too close.
}
helpdesk-delivery-booked = 🚚 { $number }: the delivery is booked for { $when }. { $remind ->
    [yes] The member is told now and reminded the day before.
   *[no] The member is told now; there is no reminder the day before, it is too close.
}

helpdesk-reply-usage = Usage: <code>/reply name</code> in a member's topic. <code>/templates</code> lists the names.
helpdesk-reply-unknown = No canned reply is called “{ $name }”. <code>/templates</code> lists them.
helpdesk-reply-sent =
    ↪️ Canned reply ({ $language }) queued for the member:
    { $text }

helpdesk-templates-none = No canned replies yet. Add one: <code>/template add name en text</code>
helpdesk-templates-title = 📋 Canned replies ({ $count }):
helpdesk-templates-help = In a text, {"{"}name{"}"} becomes the member's name and {"{"}request{"}"} the request number. Formatting you give the text in Telegram (bold, italics, links) is kept.
helpdesk-template-usage =
    Usage:
    <code>/template add name language text</code> (language: uk, ru, kk or en)
    <code>/template remove name</code> or <code>/template remove name language</code>
helpdesk-template-bad-name = A name is 1 to 32 characters: Latin letters, digits, “-” or “_”.
helpdesk-template-bad-language = The language comes after the name: uk, ru, kk or en. For example: <code>/template add docs en Hello, {"{"}name{"}"}!</code>
helpdesk-template-bad-placeholder = { $placeholder } is not filled in: a text may say {"{"}name{"}"} (the member's name) and {"{"}request{"}"} (the request number).
helpdesk-template-too-long = That text is too long (at most 3000 characters).
helpdesk-template-added = ✅ Canned reply “{ $name }” ({ $language }) added.
helpdesk-template-replaced = ✅ Canned reply “{ $name }” ({ $language }) replaced.
helpdesk-template-removed = { $count ->
    [0] Nothing called “{ $name }” to remove.
    [one] 🗑 Canned reply “{ $name }” removed.
   *[other] 🗑 Canned reply “{ $name }” removed in { $count } languages.
}

helpdesk-member-edited = 💬 <b>{ $member }</b>{ $request } (✏️ edited):
    { $text }
helpdesk-member-correction = ✏️ <b>{ $member }</b>{ $request } corrected this message:
    { $text }
helpdesk-file-tag = 📎 <b>{ $member }</b>{ $request }

helpdesk-card-rating = ⭐ Rating: { $stars } ({ $score }/5)
helpdesk-card-rating-comment = 💬 Member's comment: { $comment }

helpdesk-chart-caption = 📊 The last { $days } days: { $count ->
    [one] 1 request
   *[other] { $count } requests
}.
helpdesk-chart-per-day = Requests per day by status
helpdesk-chart-times = Median time
helpdesk-chart-ratings = Ratings (1-5)
helpdesk-chart-hours = hours
helpdesk-chart-minutes = minutes
helpdesk-chart-first-action = to first action
helpdesk-chart-done = to done
helpdesk-chart-no-data = No requests yet
helpdesk-chart-no-ratings = No ratings yet

helpdesk-export-usage = Usage: <code>/export FROM TO</code>, e.g. <code>/export 2026-11-01 2026-11-30</code> or <code>/export 1-30.11</code>, or one day: <code>/export 2026-11-30</code>; a day may be written <code>30.11</code>, <code>30.11.2026</code> or <code>yesterday</code>; or a month or a week: <code>/export November</code>, <code>/export last week</code>
helpdesk-export-range = FROM must not be after TO, and the range is at most { $days } days.
helpdesk-export-caption = 📤 Requests from { $first } to { $last }: { $count } (no documents; personal data masked). This export is logged.
helpdesk-export-col-number = Number
helpdesk-export-col-created = Created
helpdesk-export-col-kind = Kind
helpdesk-export-col-status = Status
helpdesk-export-col-member = Member
helpdesk-export-col-phone = Phone (masked)
helpdesk-export-col-language = Language
helpdesk-export-col-policy = Policy
helpdesk-export-col-program = Program
helpdesk-export-col-holder = Card holder
helpdesk-export-col-relation = Relation
helpdesk-export-col-assignee = Assignee
helpdesk-export-col-first_action = First action
helpdesk-export-col-done = Done
helpdesk-export-col-rating = Rating
helpdesk-export-col-rating_comment = Rating comment
helpdesk-export-col-details = Answers
