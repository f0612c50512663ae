## Medicines request

medicines-items-prompt =
    💊 <b>Medicines</b>
    Type the list of medicines (name, dose, quantity) and/or send a photo or file of the prescription. Several photos are fine.
    Each text message adds to the list; “🗑 Clear the list” starts it again. Press “Next” when everything is here.
medicines-items-collected =
    📝 Your list:
    { $list_text }
medicines-items-empty = The list cannot be empty. Please type the names of the medicines or send a photo of the prescription.
medicines-prescription-named =
    { $attached ->
        [0] 📎 Please send the prescription here as a photo or file (several photos are fine), or type the medicines it lists.
       *[other] 📎 The prescription is attached. Add more, type the medicines, or press “{ medicines-btn-next }”.
    }
medicines-btn-next = ➡️ Next
medicines-address-prompt = 🏠 Where should we deliver the medicines? Type the address (city, street, building, flat).
medicines-btn-use-home = 🏠 Use { $home_address }
medicines-address-invalid = An address needs 5 to 300 characters with letters. Please type it again.
medicines-summary =
    <b>💊 Medicines request</b>
    👤 Insured person: { $insured } · policy { $policy }
    Please check it before sending.

    { $details }
medicines-summary-docs =
    { $docs_count ->
        [one] 📎 Prescription: { $docs_count } photo or file
       *[other] 📎 Prescription: { $docs_count } photos or files
    }
medicines-btn-edit-items = ✏️ Medicines
medicines-btn-edit-address = ✏️ Address
btn-list-clear = 🗑 Clear the list
list-full = The list would be longer than { $max } characters. Send the rest as a photo or file, or clear the list.
list-kept = 📝 Noted as your list: add more, or press “Next”.
address-kept = 🏠 { $address }: noted as the address.
list-address-kept = 📝 Noted as your list, and 🏠 { $address } as the address: add more, or press “Next”.
