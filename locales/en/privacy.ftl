## Privacy: /mydata, the export, the erase, the audit (docs/privacy.md)

command-mydata = What the bot stores about me
btn-mydata = 🔐 My data
btn-mydata-export = 📄 Export (JSON file)
btn-mydata-erase = 🗑 Delete my data
btn-mydata-erase-yes = 🗑 Yes, delete everything
btn-mydata-erase-no = ⬅️ No, keep my data
btn-mydata-page-back = ◀️ Back
btn-mydata-page-forward = More ▶️
btn-mydata-start-again = 🏠 Start again

mydata-title = <b>🔐 What the bot stores about you</b>
mydata-page = Page { $page } of { $pages }
mydata-telegram = Telegram ID: { NUMBER($id, useGrouping: 0) }
mydata-language = Language: { $language }
mydata-phone = Confirmed phone: { $phone } (since { $date })
mydata-phone-none = Confirmed phone: none
mydata-profile = <b>Profile</b>
mydata-profile-line = { $label }: { $value }
mydata-cards = <b>Linked insurance cards: { $count }</b>
mydata-card = 💳 { $policy } · { $program } · { $holder } · { $start } – { $end } (linked { $date })
mydata-requests = <b>Requests: { $count }</b>
mydata-request = 📋 <b>{ $number }</b> · { $kind } · { $status } · { $date }
mydata-history = History:
mydata-event = { $date } · { $status }
mydata-documents = Documents:
mydata-document = 📎 { $name } · { $date }
mydata-document-unnamed = photo
mydata-rating = ⭐ Your rating: { $score }/5
mydata-tickets = <b>Messages to support (card not found): { $count }</b>
mydata-ticket = ✉️ { $date } · { $text }
mydata-reminders = Reminders waiting: { $count }
mydata-pending = Messages waiting to be delivered to you: { $count }
mydata-attempts = Activation attempts kept (the insured ID only as a code that cannot be read back): { $count }
mydata-state = Unfinished forms and screens kept: { $count }
mydata-topic = Support has a conversation topic with you: { $yes ->
    [yes] yes
   *[no] no
    }
mydata-footer = The file has every stored field. Documents stay in Telegram; the bot keeps only references to them.
mydata-export-caption = 📄 Everything the bot stores about you (JSON, schema version { $version }).
mydata-export-failed = ⚠️ The file could not be sent. Please try again.

mydata-erase-confirm =
    <b>🗑 Delete your data?</b>
    This unlinks all your insurance cards and erases your phone, profile, unfinished forms, messages to support and messages waiting for you.
    Your requests stay with the insurer as its records require, without your name, phone, texts or documents.
    The insurer's own registry is not changed. This cannot be undone.
# "yes" typed under the question: the button asked for (dialogs/privacy.py)
mydata-erase-press = 👆 To delete everything, tap “{ btn-mydata-erase-yes }” below: this cannot be undone. To keep your data, tap “{ btn-mydata-erase-no }”.
mydata-erased =
    ✅ Your data has been erased. Support has been told.
    If you come back, you start afresh: send /start.

privacy-staff-member-erased =
    🗑 The member ({ $member }) erased their data. { $kept ->
        [0] No request of theirs was kept.
        [one] Their request is kept for the insurer's records, anonymised.
       *[other] { $kept } of their requests are kept for the insurer's records, anonymised.
    } Messages written here no longer reach anyone.

privacy-stats-retention = 🧹 Retention, last run { $date } UTC: { $requests } closed requests anonymised, { $audit } audit entries dropped, { $drafts } unfinished forms forgotten
privacy-stats-retention-none = 🧹 Retention has not run yet.

privacy-audit-usage =
    Usage: <code>/audit member 42</code>, <code>/audit request R-000042</code> or <code>/audit staff 123456789</code> (a Telegram id).
privacy-audit-owners-only = ⛔️ Only the owners can read the audit.
privacy-audit-empty = No audit entries for { $subject }.
privacy-audit-title = 🧾 <b>Audit: { $subject }</b> ({ $total } entries, the newest { $shown } below; all of them in the file)
privacy-audit-nobody = member/bot
privacy-audit-file = 🧾 The audit entries as a spreadsheet ({ $count }).
mydata-full-name = Full name
mydata-gender = Gender
mydata-birth-date = Date of birth
mydata-home-address = Home address
mydata-extra-address = Additional address
