## Profile

profile-empty = —
gender-female = Female
gender-male = Male
gender-unset = Prefer not to say
profile-saved = ✅ Saved.
profile-removed = 🗑 Removed.
profile-view =
    <b>👤 Profile</b>
    Full name: { $full_name }
    Phone: { $phone }
    Gender: { $gender }
    Date of birth: { $birth_date }
    Home address: { $home_address }
    Additional address: { $extra_address }
btn-edit-full_name = ✏️ Full name
btn-edit-gender = ✏️ Gender
btn-edit-birth_date = ✏️ Date of birth
btn-edit-home_address = ✏️ Home address
btn-edit-extra_address = ✏️ Additional address
btn-change-phone = 📱 Change phone number
profile-prompt-full_name = Type your full name (name and surname).
profile-prompt-birth_date = Type your date of birth, e.g. 05.03.1984.
profile-prompt-home_address = Type your home address (city, street, building, flat). To remove it, send “-”.
profile-prompt-extra_address = Type an additional address, e.g. your work address. To remove it, send “-”.
profile-prompt-gender = Choose your gender:
profile-invalid-full_name = Please type your name and surname in letters (hyphens and apostrophes are fine).
profile-invalid-birth_date = Please type a real date of birth that is not in the future, e.g. 05.03.1984.
profile-invalid-home_address = An address needs 5 to 300 characters with letters. Please type it again.
profile-invalid-extra_address = An address needs 5 to 300 characters with letters. Please type it again.
profile-address-no-other = Your other address in the profile is empty, so there is nothing to copy. Please type this one.
