input-keyboard-outdated = ⚠️ Ця кнопка — з кроку, який Ви вже залишили. Будь ласка, дайте відповідь на питання вище або скористайтеся кнопками.

card-opens-on = — з { $date }
card-ended-on = — захист закінчився { $date }
docs-received = 📎 Отримано: { $docs_count } з { $max_docs }. Надішліть ще або натисніть «Завершити додавання документів».
docs-already-received = ℹ️ Цей файл уже отримано: його прикріплено один раз.
address-or-home = Або натисніть кнопку нижче, щоб скористатися домашньою адресою.
address-or-saved = Або натисніть кнопку нижче, щоб скористатися адресою, яку Ви вже вказували.
address-btn-use-extra = 🏢 Використати «{ $extra_address }»
address-btn-use-last = 🕘 Як минулого разу: «{ $last_address }»
address-unknown-home = Ваша домашня адреса мені поки невідома. Будь ласка, введіть її: місто, вулиця, будинок, квартира.
address-unknown-last = Попередньої адреси доставки в мене поки немає. Будь ласка, введіть адресу: місто, вулиця, будинок, квартира.
request-file-photo = фото
request-file-document = файл
request-file-voice = голосове повідомлення
request-files-more = …і ще { $count }
