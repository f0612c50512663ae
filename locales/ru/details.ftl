input-keyboard-outdated = ⚠️ Эта кнопка — с шага, который Вы уже покинули. Пожалуйста, ответьте на вопрос выше или воспользуйтесь кнопками.

card-opens-on = — с { $date }
card-ended-on = — защита закончилась { $date }
docs-received = 📎 Получено: { $docs_count } из { $max_docs }. Отправьте ещё или нажмите «Завершить добавление документов».
docs-already-received = ℹ️ Этот файл уже получен: он прикреплён один раз.
address-or-home = Или нажмите кнопку ниже, чтобы указать домашний адрес.
address-or-saved = Или нажмите кнопку ниже, чтобы указать адрес, который Вы уже называли.
address-btn-use-extra = 🏢 Использовать «{ $extra_address }»
address-btn-use-last = 🕘 Как в прошлый раз: «{ $last_address }»
address-unknown-home = Ваш домашний адрес мне пока неизвестен. Пожалуйста, введите его: город, улица, дом, квартира.
address-unknown-last = Прежнего адреса доставки у меня пока нет. Пожалуйста, введите адрес: город, улица, дом, квартира.
request-file-photo = фото
request-file-document = файл
request-file-voice = голосовое сообщение
request-files-more = …и ещё { $count }
