"""The readers of what members type take any text: an answer they do not read is None or
False, never an exception that would end the member's step (property-based, hypothesis, a
fixed set of examples in CI)."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.services import (
    activation,
    clinics,
    dates,
    forms,
    languages,
    money,
    profile,
    ratings,
    visits,
)
from dialogs.common import typed_request_number
from storage.models import Clinic

TODAY = date(2026, 11, 22)
# the words these readers look for, among any other text, so that their paths are taken
WORDS = st.sampled_from(
    ["в", "октябре", "на", "прошлой", "неделе", "+", "и", "1500", "грн", "всего", "дата",
     "рождения", "05.03.1984", "KZ-100001", "по", "направлению", "рецепт", "тот", "же",
     "добрый", "день!", "удалить", "заявку", "добавить", "фото", "как", "рабочий", "", ",",
     "Здравствуйте,", "DOB", "не", "помню", "1.5", "тыс", "2027", "стамотологу", "терпевт",
     "R-000042", "#42", "что", "с", "заявкой", "?", "до", "14:00", "10-14", "после", "18",
     "завтра", "ертең", "14:00-ге", "дейін", "Добробут", "клініка", "Київ", "жалпы", "қан",
     "анализін", "общий", "анализ", "қазақша", "сөйлесейік", "15.12", "15.30", "Вы",
     "записаны", "каб.", "17:30"]
)  # fmt: skip
DIRECTORY = [
    Clinic(id=1, city="Київ", city_key="київ", name="Медичний центр «Добробут»",
           address="просп. Перемоги, 25", key="1"),
    Clinic(id=2, city="Алматы", city_key="алматы", name="Dent-Lux", address="Tole Bi 55",
           key="2"),
]  # fmt: skip
KNOWN = frozenset({"стоматолог", "терапевт", "лекарства", "гинеколог"})
TEXT = st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=8).map(" ".join))


@settings(derandomize=True, max_examples=300, deadline=None)
@given(text=TEXT)
@example("в октябре 2027")
@example("1500 + 300 грн")
@example("дата рождения 05.03.1984, KZ-100001")
@example("0¹")  # a digit int() does not take: read_date raised on it
@example("две тысячи ²")
@example("завтра с 10 до 14")
@example("ертең 14:00-ге дейін")
@example("в Добробуте")
def test_the_readers_take_any_text(text: str) -> None:
    for future in (True, False):
        month = dates.month_of_days(text, TODAY, future=future)
        assert month is None or month.day == 1
    added = money.amounts_added(text)
    assert added is None or added[0] > 0
    money.read_amount(text)
    for said in (
        forms.names_document,
        forms.without_opening,
        forms.asks_adding,
        forms.asks_cancelling,
        forms.names_same,
        forms.names_unknown,
        forms.is_question,
        forms.asks_card_page,
        forms.asks_support_contacts,
        forms.may_ask_card,
        forms.asks_directory,
        forms.asks_writing,
        forms.menu_asked,
        forms.is_farewell,
        forms.support_matter,
    ):
        said(text)
    assert forms.asks_card(text) in (None, forms.CARD_SHOW, forms.CARD_SWITCH)
    cities = [(1, "Київ"), (2, "Алматы"), (3, "Нур-Султан")]
    assert clinics.city_alone(text, cities) in (None, *cities)
    assert clinics.city_named(text, cities) in (None, *cities)
    address = forms.delivery_address_in(text, TODAY)
    assert address is None or (address[1] and any(ch.isdigit() for ch in address[1]))
    profile.names_other_address(profile.ProfileField.HOME_ADDRESS, text)
    assert profile.gender_said(text) in (None, *profile.GENDER_WORDS.values())
    changed = profile.change_named(text)
    assert changed is None or changed[0] in {*profile.ProfileField, profile.GENDER_FIELD}
    number = typed_request_number(text)
    assert number is None or number >= 0
    fixed = forms.corrected(text, KNOWN)
    assert fixed is None or fixed != text
    _rest, born = activation.split_birth_date(text, TODAY)
    assert born is None or born <= TODAY
    born = activation.read_birth_date(text, TODAY)
    assert born is None or born <= TODAY
    for name in (clinics.clinic_named, clinics.clinic_in_message):
        found = name(text, DIRECTORY)
        assert found is None or found in DIRECTORY
    asked = languages.language_asked(text.casefold().split())
    assert asked is None or asked in ("uk", "ru", "kk", "en", languages.NOT_SPOKEN)
    tests = forms.named_tests(text, forms.day_named(text, TODAY) or "")
    assert tests is None or tests.strip()
    assert forms.window_of_hour(text) in (None, *forms.TIME_WINDOWS)
    try:
        visit = visits.read_visit(text, TODAY)
    except visits.VisitError:
        pass
    else:
        assert visit.day >= TODAY
    scored = ratings.score_said(text)
    assert scored is None or 1 <= scored[0] <= 5
