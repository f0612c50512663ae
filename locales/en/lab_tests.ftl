## Lab tests request

lab-referral-prompt =
    🧪 <b>Lab tests</b>
    Send a photo or file of the doctor’s referral and/or type the list of tests. Several photos are fine.
    Each text message adds to the list; “🗑 Clear the list” starts it again. Press “Next” when everything is here.
lab-referral-collected =
    📝 Your list of tests:
    { $list_text }
lab-referral-empty = The list cannot be empty. Please type the names of the tests or send a photo of the referral.
lab-referral-named =
    { $attached ->
        [0] 📎 Please send the referral here as a photo or file (several photos are fine), or type the tests it lists.
       *[other] 📎 The referral is attached. Add more, type the tests, or press “{ lab-btn-next }”.
    }
lab-btn-next = ➡️ Next
lab-date-prompt = 🗓 On which day would you like to take the tests? Pick it on the calendar or type it as DD.MM.YYYY.
lab-date-kept = 📅 { $date }: noted as the day for the tests. First, the referral or the list of tests.
lab-date-list-kept = 📅 { $date }: noted as the day for the tests, and your list as well. Add the referral or more tests, or press “Next”.
lab-date-past = That day has already passed. Please choose today or a later day.
lab-date-too-far = That is more than a year ahead. Please choose a day within the next 12 months.
lab-address-prompt = 🏠 Your address, so that we can find a laboratory nearby or arrange a home visit. Type it (city, street, building, flat).
lab-btn-use-home = 🏠 Use { $home_address }
lab-address-invalid = An address needs 5 to 300 characters with letters. Please type it again.
lab-summary =
    <b>🧪 Lab tests request</b>
    👤 Insured person: { $insured } · policy { $policy }
    Please check it before sending.

    { $details }
lab-summary-docs =
    { $docs_count ->
        [one] 📎 Referral: { $docs_count } photo or file
       *[other] 📎 Referral: { $docs_count } photos or files
    }
lab-btn-edit-referral = ✏️ Tests
lab-btn-edit-date = ✏️ Date
lab-btn-edit-address = ✏️ Address
