## Reimbursement request

reimbursement-date-prompt =
    💵 <b>Reimbursement</b>
    📅 On what date did you receive the medical service? Type it as DD.MM.YYYY or pick it on the calendar.
reimbursement-date-window = You can claim services from { $earliest } to today: within your card’s coverage and at most { $days } days back.
reimbursement-date-future = The service date cannot be later than today, { $date }. Please check the date.
reimbursement-date-unknown = The date of the service is printed on the receipt or fiscal check, and on the clinic’s report. Please type it or pick it on the calendar.
reimbursement-date-before-coverage = Coverage on your card started on { $date }; services before that day are not reimbursed. Please check the date.
reimbursement-date-too-old =
    { $days ->
        [one] A reimbursement can be claimed within { $days } day of the service, so the earliest date now is { $date }.
       *[other] A reimbursement can be claimed within { $days } days of the service, so the earliest date now is { $date }.
    }

reimbursement-amount-prompt = 💰 How much did you pay? Type the amount from the receipt, e.g. 1 234,50 or 1234.50.
reimbursement-amount-invalid = I could not read that as an amount. Please type it like 1 234,50 or 1234.50; you may add the currency: UAH, KZT, USD or EUR.
reimbursement-amount-added = ➕ I added the amounts up: { $amount }.
reimbursement-date-amount-kept =
    📅 { $date } and 💰 { $amount }: noted as the date of the service and the amount paid.{ $comment ->
        [yes] {" Your message is noted as the claim’s comment for the claims team."}
       *[other] {""}
    }
reimbursement-date-kept =
    📅 { $date }: noted as the date of the service.{ $comment ->
        [yes] {" Your message is noted as the claim’s comment for the claims team."}
       *[other] {""}
    }
reimbursement-amount-kept =
    💰 { $amount }: noted as the amount paid.{ $comment ->
        [yes] {" Your message is noted as the claim’s comment for the claims team."}
       *[other] {""}
    }
reimbursement-comment-kept = 💬 Your message is noted as the claim’s comment for the claims team; you will see it on the summary before sending.

reimbursement-currency-prompt = 💱 In which currency did you pay?
currency-UAH = ₴ Ukrainian hryvnia (UAH)
currency-KZT = ₸ Kazakhstani tenge (KZT)
currency-USD = $ US dollar (USD)
currency-EUR = € Euro (EUR)

reimbursement-docs-prompt =
    📎 Send photos or files of the documents: the receipt or fiscal check, and the doctor’s referral or report if you have them.
    You can send several at once, also as an album (up to { $max_docs }). PDF, JPEG, PNG and HEIC are accepted.
reimbursement-docs-required = Please attach at least one document: a claim cannot be reviewed without the receipt.
reimbursement-docs-which = 📎 Needed: the receipt or fiscal check for what you paid, and the doctor’s referral or report if you have them. A claim cannot be reviewed without the receipt. Send them here as photos or files.
reimbursement-docs-later =
    👌 The claim will wait here for the documents: what you typed so far is kept for { $days ->
        [one] a day
       *[other] { $days } days
    }. Come back to this chat when you have them; on the menu, “✏️ Continue” brings you back to this step.
reimbursement-docs-comment-kept =
    💬 Noted as the claim’s comment for the claims team; you will see it on the summary before sending.{ $docs ->
        [0] {" "}The documents are still needed: send them as photos or files.
       *[other] {""}
    }
reimbursement-docs-iban-kept =
    🏦 Noted as the account for the payment; you will see it on the summary before sending.{ $docs ->
        [0] {" "}The documents are still needed: send them as photos or files.
       *[other] {""}
    }

reimbursement-iban-prompt = 🏦 Type the IBAN of the bank account for the payment: a Ukrainian (UA…, 29 characters) or Kazakh (KZ…, 20 characters) account.
reimbursement-btn-last-iban = 🏦 The same account as last time: { $last_iban }
reimbursement-iban-invalid = That is not a valid IBAN: please check the letters and digits (a Ukrainian IBAN has 29 characters, a Kazakh one 20). It is easiest to copy it from your banking app.
reimbursement-iban-no-last = There is no earlier claim with an account yet. Please type the IBAN: it is easiest to copy it from your banking app.
reimbursement-iban-country = The payment can go only to a Ukrainian (UA…) or Kazakh (KZ…) bank account. Please type the IBAN of such an account.
reimbursement-iban-card = That looks like a payment card number. The payment goes to the account’s IBAN: a Ukrainian one begins with UA and has 29 characters, a Kazakh one begins with KZ and has 20. Your banking app shows it with the card’s account details.

reimbursement-comment-prompt = 💬 Anything to add for the claims team, e.g. what the service was? Type it, or skip this step.
reimbursement-comment-invalid = Please type a few words, or skip this step.

reimbursement-summary =
    <b>💵 Reimbursement request</b>
    👤 Insured person: { $insured } · policy { $policy }
    { $details }
    📎 Documents: { $docs_count }

    Is everything right?
reimbursement-edit-date = ✏️ Date
reimbursement-edit-amount = ✏️ Amount
reimbursement-edit-currency = ✏️ Currency
reimbursement-edit-docs = ✏️ Documents
reimbursement-edit-iban = ✏️ IBAN
reimbursement-edit-comment = ✏️ Comment
