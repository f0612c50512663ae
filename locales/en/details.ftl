input-keyboard-outdated = ⚠️ That button belongs to a step you have already left. Please answer the question above or use the buttons.

card-opens-on = — from { $date }
card-ended-on = — coverage ended { $date }
docs-received = 📎 Received: { $docs_count } of { $max_docs }. Send more, or press “Done with documents”.
docs-already-received = ℹ️ I already have this file: it is attached once.
address-or-home = Or tap the button below to use your home address.
address-or-saved = Or tap a button below to use an address you gave before.
address-btn-use-extra = 🏢 Use { $extra_address }
address-btn-use-last = 🕘 As last time: { $last_address }
address-unknown-home = I do not have your home address yet. Please type it: city, street, building, flat.
address-unknown-last = I have no earlier delivery address of yours yet. Please type the address: city, street, building, flat.
request-file-photo = photo
request-file-document = file
request-file-voice = voice message
request-files-more = …and { $count } more
