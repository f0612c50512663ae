## A member's question about the clinics, answered from the clinic directory (dialogs/directory.py)

directory-answer = { $text }
directory-clinic =
    🏥 { $name }
    📍 { $address }, { $city }
directory-phone = 📞 { $phone }
directory-specialties = 🩺 Doctors: { $specialties }
directory-city = 🏥 Clinics in { $city } ({ $count }):
directory-more = …and { $more } more. Name the doctor when you book: the form shows the clinics that see them.
directory-cities = 🏥 Our clinics are in: { $cities }. Name the city, for example: “clinics in { $example }”.
directory-book = To book a visit: “{ btn-new-request }” → “{ request-kind-appointment }”.
