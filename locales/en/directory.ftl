## A member's question about the clinics, answered from the clinic directory (dialogs/directory.py)

directory-answer = { $text }
directory-clinic =
    🏥 { $name }
    📍 { $address }, { $city }
directory-phone = 📞 { $phone }
directory-specialties = 🩺 Doctors: { $specialties }
directory-city = 🏥 Clinics in { $city } ({ $count }):
directory-more = …and { $more } more. Name the doctor, for example: “where is there a dentist in { $city }?”, and I will list the clinics that see them.
directory-cities = 🏥 Our clinics are in: { $cities }. Name the city, for example: “clinics in { $example }”.
directory-doctor-city = 🏥 { $doctor } in { $city }, clinics ({ $count }):
directory-doctor-elsewhere = 🏥 { $doctor }: none of our clinics in { $city } sees one. In other cities ({ $count }):
directory-doctor-all = 🏥 { $doctor }, our clinics ({ $count }):
directory-more-in-form = …and { $more } more: the booking form lists them all.
directory-doctor-none = 🏥 { $doctor }: no clinic on our list sees one. Book the visit all the same: support will find a clinic.
directory-street = 🏥 Our clinics at the address you named ({ $count }):
directory-book = To book a visit: “{ btn-new-request }” → “{ request-kind-appointment }”.
