## Электрондық карта суреті («Картамды көрсету»)

btn-show-ecard = 🪪 Картамды көрсету
# on a card's page: that card, active or not
btn-show-this-ecard = 🪪 Осы картаны көрсету
ecard-title = Медициналық сақтандыру картасы
ecard-program = Бағдарлама
ecard-insured = Сақтандырылған тұлға
ecard-insured-id = ID нөмірі
ecard-policy = Полис
ecard-coverage = Сақтандыру қорғауы
ecard-status-active = ҚОЛДАНЫСТА
ecard-status-waiting = КҮТУДЕ: ӘЛІ ҚОЛДАНЫСТА ЕМЕС
ecard-status-expired = МЕРЗІМІ АЯҚТАЛҒАН
ecard-note-waiting = Сақтандыру қорғауының басталу күні: { $date }
ecard-note-expired = Сақтандыру қорғауы аяқталды: { $date }
ecard-hotline = 24/7: { $phone }
ecard-caption = 🪪 Сақтандыру картаңыз: оны клиниканың тіркеу орнында көрсетіңіз.
# a relative's card (a child's): whose it is
ecard-caption-of = 🪪 Сақтандыру картасы: { $holder }. Оны клиниканың тіркеу орнында көрсетіңіз.
ecard-no-active-card = Сізде белсенді карта жоқ. Алдымен оны «Менің карталарым» бөлімінде таңдаңыз.
# /mydata: электрондық картаның сақталған суреттері (олардың file_id)
mydata-ecard-images = Сізге жіберілген электрондық карта суреттері (картаны қайта жасамау үшін сақталады): { $count }
