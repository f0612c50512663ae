input-keyboard-outdated = ⚠️ Бұл түйме Сіз аяқтаған қадамға тиесілі. Жоғарыдағы сұраққа жауап беріңіз немесе түймелерді пайдаланыңыз.

card-opens-on = — басталу күні: { $date }
card-ended-on = — қорғау аяқталды: { $date }
docs-received = 📎 Қабылданды: { $max_docs } ішінен { $docs_count }. Тағы жіберіңіз немесе «Құжаттарды қосуды аяқтау» түймесін басыңыз.
docs-already-received = ℹ️ Бұл файл бұрын алынған: ол бір рет тіркелді.
address-or-home = Немесе үй мекенжайыңызды пайдалану үшін төмендегі түймені басыңыз.
address-or-saved = Немесе бұрын көрсеткен мекенжайды пайдалану үшін төмендегі түймені басыңыз.
address-btn-use-extra = 🏢 «{ $extra_address }» пайдалану
address-btn-use-last = 🕘 Өткен жолғыдай: «{ $last_address }»
address-unknown-home = Сіздің үй мекенжайыңыз маған әзірге белгісіз. Оны енгізіңіз: қала, көше, үй, пәтер.
address-unknown-last = Бұрынғы жеткізу мекенжайы менде әзірге жоқ. Мекенжайды енгізіңіз: қала, көше, үй, пәтер.
request-file-photo = фото
request-file-document = файл
request-file-voice = дауыстық хабарлама
request-files-more = …және тағы { $count }
