## Staff side (admin chat) and what the member is told

staff-not-allowed = ⛔️ Only support staff can do this here.
staff-button-unknown = This button is out of date. Use the buttons on the latest card.
staff-done = ✅ Saved
staff-done-untold = ℹ️ Request { $number } ({ $kind }) is done, but nothing has been sent to the member since it came. If they have not been told where and when, write it here: it goes to them.
staff-done-untold-visit = ℹ️ Request { $number } ({ $kind }) is done, but nothing has been sent to the member since it came. Book the visit the clinic or laboratory gave: <code>/visit 09.12 17:30</code> here (the member is told and reminded the day before), or write where and when: it goes to them.
staff-done-untold-delivery = ℹ️ Request { $number } ({ $kind }) is done, but nothing has been sent to the member since it came. Book the delivery: <code>/visit 09.12 17:30</code> here (the member is told and reminded the day before), or write where and when: it goes to them.
# a staff line to the member that says a visit or delivery was booked: booking it offered
# (bot/handlers/admin/visit.py:offer_said)
staff-visit-said = 📅 { $number }: your message reads as a visit booked for { $when }. Book the visit on the request? { $remind ->
    [yes] The member is told of it with the request, and reminded the day before.
   *[no] The member is told of it with the request.
}
staff-delivery-said = 🚚 { $number }: your message reads as a delivery booked for { $when }. Book the delivery on the request? { $remind ->
    [yes] The member is told of it with the request, and reminded the day before.
   *[no] The member is told of it with the request.
}
staff-btn-book-visit = 📅 Book the visit
staff-btn-book-delivery = 🚚 Book the delivery
staff-said-booked-already = This is booked already, or the request is closed.
staff-said-day-passed = That day has passed: book the visit with /visit.
staff-already-taken = { $name } has already taken this request.
staff-info-asked-already = ℹ️ The member has already been asked (a colleague was first), so your question goes to them as a message in this topic.
staff-not-now = Not possible while the request is { $status }.
staff-request-missing = This request no longer exists.
staff-ask-info = ✍️ Reply to this message with the question for the member.
staff-ask-reject = ✍️ Reply to this message with the reason for rejecting; the member will see it.
staff-ask-visit = ✍️ Reply to this message with the day and time of the visit the clinic or laboratory booked, for example 09.12 17:30 (the time may be left out).
staff-ask-delivery = ✍️ Reply to this message with the day and time the medicines will be delivered, for example 09.12 17:30, 09.12 10–14 or 09.12 by 14:00 (the time may be left out).
staff-text-too-short = Please write at least a few words.
staff-sent-to-member = ✅ Saved; the member is told.
staff-member-unreachable = ⚠️ This member has blocked the bot; the message will be delivered when they write again.

staff-btn-take = 🙋 Take
staff-btn-progress = 🔧 In progress
staff-btn-info = ❓ Need info
staff-btn-done = ✅ Done
staff-btn-reject = ⛔️ Reject
staff-btn-reveal = 📞 Show phone
staff-btn-visit = 📅 Visit
staff-btn-delivery = 🚚 Delivery
staff-phones = 📞 { $number }: { $phones } (this view is logged)

staff-card =
    <b>{ $number }</b> · { $kind }
    👤 { $member } · { $phone } · { $language }
    💳 { $policy } · { $program } · { $holder } ({ $relation })

    { $details }

    Status: <b>{ $status }</b>
# under the answers, only when the request has any
staff-card-documents = 📎 Documents: { $count }
staff-card-voices = 🎤 Voice messages: { $count }
staff-card-assignee = 🙋 Assignee: { $assignee }
staff-card-unassigned = 🙋 Nobody has taken it yet.
staff-card-link = <a href="{ $link }">↗️ Open its card</a>
staff-member-message = 💬 <b>{ $member }</b>{ $request }:
    { $text }
staff-member-message-request = { " " }· { $number }
staff-ticket =
    ✉️ <b>Card not found</b> · ticket { NUMBER($ticket_id, useGrouping: 0) }
    👤 { $member } · { $phone }
    Policy: { $policy_number }
    Full name: { $full_name }
    🔧 The card is under another phone? Here, <code>/setphone</code> with its insured ID gives it this member's phone, and the card appears in their chat. <code>/find</code> with the policy number or the surname finds it.

staff-ticket-answered =
    ✅ Ticket { $tickets } is answered: { $member } now has { $cards ->
        [one] a card
       *[other] { $cards } cards
    } linked and has been told. Nothing more to do.
notify-request-status =
    🔔 Request <b>{ $number }</b> ({ $kind }): { $status }.
notify-need-info-how = ✍️ Send your answer here: a message, a voice message, photos or files.
notify-request-comment = 💬 { $comment }
notify-cards-linked =
    🎉 { $count ->
        [one] An insurance card was added to your account. Open “My cards” to see it.
       *[other] { $count } insurance cards were added to your account. Open “My cards” to see them.
    }
btn-open-request = 📋 Open the request

staff-escalation =
    ⏰ <b>{ $number }</b> ({ $kind }) from { $member } has waited more than { $hours } { $working ->
        [yes] working hours
       *[no] h
    } and nobody has taken it yet.
staff-low-rating = 👎 { $member } rated <b>{ $number }</b> ({ $kind }): { $stars } ({ $score }/5).
notify-activation-open =
    🎉 The waiting period is over: your insurance card { $policy } is open from today.
    Open /menu to use it.
notify-coverage-started =
    🎉 { $count ->
        [one] Coverage has started on your insurance card:
       *[other] Coverage has started on these insurance cards:
    }
    { $cards }
    Requests can be sent now: open /menu.
notify-coverage-card = • { $policy } · { $name } — from { $date }
notify-appointment-tomorrow =
    📅 A reminder: your doctor appointment request <b>{ $number }</b> is for tomorrow.
    { $details }
notify-visit-booked =
    📅 Your visit is booked: <b>{ $when }</b>.
    Request <b>{ $number }</b>:
    { $details }
# a visit booked again: the booking it replaces (bot/delivery/member.py:_visit)
notify-visit-was = 🔁 Changed: it was { $was }.
# after a visit's booking, when its day is after tomorrow (bot/delivery/member.py:_visit)
notify-visit-will-remind = I will remind you the day before.
notify-visit-tomorrow =
    📅 A reminder: your visit is tomorrow, <b>{ $when }</b>.
    Request <b>{ $number }</b>:
    { $details }
notify-lab-visit-booked =
    🧪 Your lab tests are booked: <b>{ $when }</b>.
    Request <b>{ $number }</b>:
    { $details }
notify-lab-visit-tomorrow =
    🧪 A reminder: your lab tests are tomorrow, <b>{ $when }</b>.
    Request <b>{ $number }</b>:
    { $details }
notify-medicines-delivery-booked =
    🚚 Your medicines will be delivered: <b>{ $when }</b>.
    Request <b>{ $number }</b>:
    { $details }
notify-medicines-delivery-tomorrow =
    🚚 A reminder: your medicines are delivered tomorrow, <b>{ $when }</b>.
    Request <b>{ $number }</b>:
    { $details }
notify-need-info-nudge =
    ❓ Support is still waiting for your answer on request <b>{ $number }</b>:
    { $question }
    Send your answer here: a message, photos or files.
staff-card-full-text = 📄 <b>{ $number }</b>: the answers in full (the card shows them shortened)
staff-not-saved = ⚠️ Not saved (database error). Please press again.
staff-message-not-sent = ⚠️ Your message was not sent to the member (database error). Please send it again.

## /help, /cancel and unknown commands in a staff chat (bot/handlers/admin/staff_help.py)
staff-help-title = ℹ️ <b>Staff commands</b>
staff-help-line = /{ $command } · { $description }
staff-help-owners = For owners:
staff-help-more =
    📥 A registry file (CSV or XLSX) sent here, outside a member's topic, is imported.
    🔎 A request's number (R-000042) or a member's (#42) sent here alone is looked up, as /find does.
    💬 In a member's topic, what you write goes to the member; begin it with ! for a note only staff see.
    📅 A message there that says a visit or a delivery was booked (“booked for Thursday at 14:30”) gets a button to book it on the request, with the reminder the day before.
staff-unknown-command = ⚠️ The bot does not know that command.
staff-prompt-cancelled = ↩️ Cancelled: nothing was sent to the member, and the request is as it was.
staff-nothing-to-cancel = ℹ️ Nothing to cancel: the bot is not waiting for a question or a reason from you.
staff-prompt-expired = ⏰ The bot asked you for a question or a reason more than { $minutes } minutes ago and stopped waiting, so this line was not sent to the member. Press the card's button again to ask, or write the line again to send it as a message.
command-staff-cancel = Drop the question or reason the bot asked you for
command-staff-help = What the bot does for staff
command-staff-audit = Audit of a member, a request or a staff member
command-staff-staff = Add, remove or list staff: /staff add|remove|list
