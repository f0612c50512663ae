## Clinic directory at the appointment form's clinic step (issue 15)

clinics-pick-prompt = 🏥 Clinics in { $city } with this doctor. Choose one, or type the name of another clinic.
clinics-city-prompt = 🏥 In which city? Choose it to see its clinics with this doctor, or type the city and clinic, e.g. Almaty, City Clinic No. 4.
clinics-btn-other-city = 🏙 Another city
clinics-gone = That clinic is no longer in the list. Please choose another one or type its name.
