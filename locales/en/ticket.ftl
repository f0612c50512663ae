## "My card is not found": a ticket to support

ticket-policy-prompt = ✉️ Type your <b>policy number</b> (it is on your contract or card).
ticket-policy-invalid = A policy number has digits, e.g. SPH-2026-0001. If you do not know it, press “🤷 I do not know it”.
btn-policy-unknown = 🤷 I do not know it
ticket-policy-not-known = not known
ticket-name-prompt = Type your <b>full name</b> as in the contract.
btn-use-name = Use “{ $profile_name }”
ticket-confirm =
    Please check what goes to support:
    Policy: <b>{ $policy_number }</b>
    Phone: <b>{ $phone }</b>
    Full name: <b>{ $full_name }</b>
ticket-sent =
    ✅ Your message no. { NUMBER($ticket_id, useGrouping: 0) } is with support.
    When they fix your data, your cards will appear here by themselves and I will let you know.
