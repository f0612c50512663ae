## Staff commands in the admin chat: /find, /setphone, /stats, registry import

staffcmd-none = —

staffcmd-find-usage =
    🔎 Usage: <code>/find phone</code>, <code>/find policy number</code>, <code>/find insured ID</code>, <code>/find request number</code> or <code>/find #member number</code>, or a name: <code>/find surname</code>, <code>/find surname first name</code>
    For example: <code>/find +77010000101</code>, <code>/find SPH-2026-0001</code>, <code>/find KZ-100001</code>, <code>/find R-000042</code>, <code>/find #42</code>, <code>/find Kovalenko Olena</code>
    In a member's topic, <code>/find</code> alone shows that member.
staffcmd-find-none-name = 🔎 No card or member named { $query }. Try the surname alone, or the phone or policy number.
staffcmd-find-none = 🔎 Nothing found for { $query }. Check the number and try again.
staffcmd-find-title =
    🔎 Found for { $query }: { $members ->
        [one] { $members } member
       *[other] { $members } members
    }, { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }.
staffcmd-find-member = 👤 <b>Member #{ NUMBER($id, useGrouping: 0) }</b> · { $name } · { $phone } · born { $year } · { $language }
staffcmd-find-member-unreachable = ⚠️ Has blocked the bot.
staffcmd-find-member-cards = Linked cards: { $cards }
staffcmd-find-member-no-cards = No linked cards.
staffcmd-find-member-requests = 📋 Open requests: { $requests }
staffcmd-find-member-more-requests = and more
staffcmd-find-member-topic = <a href="{ $link }">💬 Open the member's topic</a>
staffcmd-find-card =
    💳 <b>{ $policy }</b> · { $program } ({ $holder_type })
    Coverage: { $start } – { $end } · { $status }
    { $name } ({ $relation }) · ID { $insured_id } · born { $year } · { $phone }
staffcmd-find-card-members = Linked to members: { $members }
staffcmd-find-card-no-members = Not linked to any member yet.
staffcmd-find-more = …and { $count } more; narrow the search to see them.
staffcmd-find-request =
    📋 <b>{ $number }</b> · { $kind } · { $status }
    Sent { $sent } by member #{ NUMBER($member, useGrouping: 0) }
staffcmd-find-request-no-card = Its card has not reached the staff chat yet.

staffcmd-linked =
    🔗 { $members ->
        [one] { $members } member gained cards and will be told.
       *[other] { $members } members gained cards and will be told.
    }

staffcmd-setphone-usage =
    📞 Usage: <code>/setphone insured ID phone</code>
    For example: <code>/setphone KZ-100001 +77010000101</code>
    The phone may be a member's number, <code>#42</code>: their confirmed phone. In a member's topic, <code>/setphone insured ID</code> alone gives the card that member's phone.
staffcmd-setphone-bad-phone = ⚠️ This is not a valid phone number. Write it with the country code, for example +77010000101.
staffcmd-setphone-no-member-phone = ⚠️ { $member }: no such member, or they have not confirmed a phone.
staffcmd-setphone-no-card = ⚠️ No card with the insured ID { $insured_id }.
staffcmd-setphone-same = ℹ️ Card { $insured_id } already has the phone { $phone }; nothing changed.
staffcmd-setphone-done = ✅ Card { $insured_id }: phone { $old } → { $new }. Card linking has been re-run.
staffcmd-setphone-not-linked = No member gained cards from this change; a member who shares this phone later gets the card then.
staffcmd-setphone-unlinked = ⚠️ The card is no longer linked to members { $members }: their confirmed phone is different.

staffcmd-import-too-big = ⚠️ { $file } is larger than 20 MB, so the bot cannot download it. Split the registry into smaller files.
staffcmd-import-format = ⚠️ { $file } cannot be imported: { $error }. Nothing was saved.
staffcmd-import-report =
    📥 <b>{ $file }</b>: { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }
    ➕ added: { $added } · 🔄 updated: { $updated } · ▫️ unchanged: { $unchanged } · ⛔️ rejected: { $rejected }

staffcmd-import-rejected-file =
    ⛔️ { $count ->
        [one] { $count } row was rejected
       *[other] { $count } rows were rejected
    }: this file lists each with its line, the reasons and the row as it was. Fix them in the file and send it again (the line and reasons columns are ignored).

staffcmd-stats-title = 📊 <b>Requests: { $total }</b>
staffcmd-stats-by-status = By status:
staffcmd-stats-by-kind = By type:
staffcmd-stats-line = { $label }: { $count }
staffcmd-stats-median =
    ⏱ Median time to the first staff action: { $duration } ({ $count ->
        [one] { $count } request
       *[other] { $count } requests
    })
staffcmd-stats-median-none = ⏱ No request has had a staff action yet.
staffcmd-stats-failed = ⚠️ Notifications that could not be sent: { $count }
staffcmd-duration-days = { $count } d
staffcmd-duration-hours = { $count } h
staffcmd-duration-minutes = { $count } min
staffcmd-duration-under-minute = under 1 min
