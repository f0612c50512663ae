"""A typed answer taken as the button it names (`bot/services/forms/text.py:match_choice`), in the
bot's four languages, with the labels the members see."""

from __future__ import annotations

from datetime import date

import pytest

from bot.i18n import TranslatorHub
from bot.services import clinics
from bot.services.forms import (
    DONE_WORDS,
    KIND_WORDS,
    NO_WORDS,
    NOTHING_WORDS,
    TIME_LABEL_WORDS,
    TIME_WINDOWS,
    TIME_WORDS,
    TYPED_COMMANDS,
    YES_WORDS,
    asks_directory,
    choice_told,
    delivery_address_in,
    hour_in_sentence,
    hour_said,
    is_done,
    is_no,
    is_nothing,
    is_thanks,
    is_thanks_closing,
    is_yes,
    kind_turned_down,
    kinds_held,
    match_choice,
    read_date_and_time,
    read_date_time_said,
    split_time_of_day,
    typed_command,
    window_in_sentence,
    window_named,
    window_of_hour,
    window_refused,
)
from bot.services.forms.text import _words
from bot.services.languages import LANGUAGE_WORDS
from bot.services.money import CURRENCIES, CURRENCY_WORDS
from bot.services.profile import GENDER_WORDS
from bot.services.ratings import read_score, score_said

HUB = TranslatorHub()


def _windows(locale: str) -> list[tuple[str, str]]:
    return [(w, HUB.get(locale)(f"time-window-{w}")) for w in TIME_WINDOWS]


def _currencies(locale: str) -> list[tuple[str, str]]:
    return [(c, HUB.get(locale)(f"currency-{c}")) for c in CURRENCIES]


@pytest.mark.parametrize(
    ("locale", "typed", "window"),
    [
        ("en", "morning", "morning"),
        ("en", "Any time", "any"),
        ("en", "evening please", "evening"),
        ("uk", "ранок", "morning"),
        ("uk", "Вечір", "evening"),
        ("uk", "будь-який час", "any"),
        ("ru", "утром", "morning"),
        ("ru", "вечером", "evening"),
        ("kk", "кешке", "evening"),
    ],
)
def test_a_time_of_day_typed_names_its_button(locale: str, typed: str, window: str) -> None:
    assert match_choice(typed, _windows(locale)) == window


@pytest.mark.parametrize(
    ("typed", "window"),
    [("таңертең", "morning"), ("таңғы", "morning"), ("түсте", "afternoon"),
     ("түскі", "afternoon"), ("кешкісін", "evening"), ("кез келген уақытта", "any")],
)  # fmt: skip
def test_a_kazakh_time_of_day_as_people_say_it_names_its_button(typed: str, window: str) -> None:
    """ "таңғы" (morning's) and "түскі" (midday's) were not read as a time of day."""
    assert match_choice(typed, _windows("kk"), TIME_WORDS) == window


@pytest.mark.parametrize("typed", ["8:00", "", "  ", "🌅", "please call me in the morning"])
def test_a_time_or_a_sentence_names_no_button(typed: str) -> None:
    assert match_choice(typed, _windows("en")) is None


@pytest.mark.parametrize(
    ("locale", "typed", "currency"),
    [("uk", "гривня", "UAH"), ("uk", "грн", "UAH"), ("ru", "тенге", "KZT"),
     ("en", "usd", "USD"), ("kk", "теңге", "KZT"), ("uk", "євро", "EUR")],
)  # fmt: skip
def test_a_currency_typed_names_its_button(locale: str, typed: str, currency: str) -> None:
    assert match_choice(typed, _currencies(locale), CURRENCY_WORDS) == currency


@pytest.mark.parametrize(
    ("locale", "typed", "told"),
    [("ru", "не в долларах", (None, "USD")), ("en", "not USD", (None, "USD")),
     ("uk", "тільки не долари", (None, "USD")), ("kk", "доллар емес", (None, "USD")),
     ("ru", "гривны, не доллары", ("UAH", None)), ("en", "not dollars but euro", ("EUR", None)),
     ("ru", "доллары", ("USD", None)), ("uk", "не гривня а євро", ("EUR", None))],
)  # fmt: skip
def test_a_button_turned_down_is_told_apart_from_one_asked_for(
    locale: str, typed: str, told: tuple[str | None, str | None]
) -> None:
    """ "не в долларах" names the dollar by its words: taken as its press, it would give the
    member the one currency they ruled out."""
    assert choice_told(typed, _currencies(locale), CURRENCY_WORDS) == told
    assert match_choice(typed, _currencies(locale), CURRENCY_WORDS) == told[0]


def test_a_not_inside_an_alias_turns_nothing_down() -> None:
    """ "не важно" (any time) holds its own "не"; the words beside an alias decide, not its own."""
    options = [("any", "Any time"), ("morning", "Morning")]
    assert choice_told("мне не важно", options, {"не важно": "any"}) == ("any", None)


def test_an_answer_two_buttons_share_names_neither() -> None:
    options = [("a", "Blood test, general"), ("b", "Blood test, sugar")]
    assert match_choice("blood test", options) is None
    assert match_choice("blood test, sugar", options) == "b"
    assert match_choice("sugar", options) == "b"


def test_an_alias_of_a_choice_not_offered_names_nothing() -> None:
    assert match_choice("грн", [("USD", "$ US dollar (USD)")], CURRENCY_WORDS) is None


def test_without_words_alone_a_city_and_its_clinic_name_no_city() -> None:
    cities = [("1", "Київ"), ("2", "Львів")]
    assert match_choice("львів", cities, by_word=False) == "2"
    assert match_choice("Київ, Добробут", cities, by_word=False) is None
    assert match_choice("Київ, Добробут", cities) == "1"  # (by a word, as for times of day)


def test_every_time_word_is_written_as_a_typed_answer_is_read():
    """A key with a capital or a hyphen would never match: `match_choice` compares the typed
    words lower case, hyphens as spaces."""
    for phrase in TIME_WORDS:
        assert " ".join(_words(phrase)) == phrase


@pytest.mark.parametrize(
    ("typed", "window"),
    [
        ("8:00", "morning"),
        ("в 11.45", "morning"),
        ("12", "afternoon"),
        ("після 15", "afternoon"),
        ("16:00", "evening"),
        ("19:59", "evening"),
        ("20:00", None),  # the evening is over at 20:00
        ("7:30", None),
        ("в 3 часа дня", None),  # 15:00 meant, not guessed
        ("ввечері", None),  # words: `TIME_WORDS`, through `match_choice`
        # the hour a time ends by: the window before it ("до 12" was the afternoon's)
        ("до 12", "morning"),
        ("before 16:00", "afternoon"),
        ("до 12:30", "afternoon"),  # half past: in the afternoon
        ("до 20", "evening"),  # (was none: 20:00 begins no window)
        ("12-ге дейін", "morning"),
        ("к 9", "morning"),
        ("з 9 до 11", "morning"),  # the first hour is the one read
        ("після 12", "afternoon"),
        # a date typed with a slash is no hour ("25/11" was the morning's, at 11)
        ("25/11", None),
        ("12/05", None),
        # nor a day and month with a dot where no minute a call or visit is set at follows
        # ("15.12" was 15:12): minutes on the five are an hour's
        ("15.12", None),
        ("в 15.12", None),
        ("15.30", "afternoon"),
        ("в 9.05", "morning"),
        ("10.10", "morning"),
        ("15:12", "afternoon"),  # with a colon, always an hour
    ],
)
def test_an_hour_typed_falls_in_its_time_of_day(typed, window):
    assert window_of_hour(typed) == window


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("перезвоните мне сегодня после 18 по поводу записи", ("evening", "после 18")),
        ("call me at 17:30 please", ("evening", "at 17:30")),
        ("перезвоніть з 9 до 11", ("morning", "з 9 до 11")),
        ("передзвоніть о 10, будь ласка", ("morning", "о 10")),
        ("кешке сағат 18 де қоңырау шалыңыз", ("evening", "сағат 18")),
        ("перезвоните 15 декабря", None),  # a day, not an hour
        ("перезвоните мне в 2 часа", None),  # no hour of a time of day
        ("перезвоните по поводу 2 анализов", None),  # a count
        ("перезвоните про анализ, сданный в 12.11", None),  # a day, written with a dot
    ],
)
def test_an_hour_in_a_sentence_is_read_with_the_words_that_make_it_one(sentence, found):
    assert hour_in_sentence(sentence) == found


def test_a_time_typed_with_an_hour_is_kept_as_typed():
    """ "в среду после 17" was the evening, 16:00-20:00, and "после 17" was lost: support could
    book 16:00. The words are kept beside the window; a time in words, a sentence or a date
    typed alone keeps none."""
    today = date(2026, 12, 5)  # a Saturday
    assert read_date_time_said("в среду после 17", today, future=True) == (
        date(2026, 12, 9),
        "evening",
        "после 17",
    )
    assert read_date_time_said("завтра  в 10:30", today, future=True) == (
        date(2026, 12, 6),
        "morning",
        "в 10:30",
    )
    assert read_date_time_said("завтра утром", today, future=True) == (
        date(2026, 12, 6),
        "morning",
        None,
    )
    assert read_date_time_said("09.12.2026", today, future=True) == (date(2026, 12, 9), None, None)
    assert read_date_and_time("в среду после 17", today, future=True) == (
        date(2026, 12, 9),
        "evening",
    )
    assert hour_said(" з 9  до 11 ") == "з 9 до 11"
    assert hour_said("вечером") is None  # no hour: the window says it all
    assert hour_said("в 3 часа дня") is None  # no hour of a window
    assert hour_said("можно в 10, но лучше после обеда, если получится") is None  # a sentence


@pytest.mark.parametrize("locale", ["uk", "ru", "kk", "en"])
def test_the_time_words_name_one_time_of_day_in_every_language(locale):
    """ "после обеда" is the afternoon whatever the member's language; no word of `TIME_WORDS`
    is read as another window by the labels' own words."""
    for phrase, window in TIME_WORDS.items():
        assert match_choice(phrase, _windows(locale), TIME_WORDS) == window, phrase


def test_every_language_word_is_written_as_a_typed_answer_is_read():
    for phrase in LANGUAGE_WORDS:
        assert " ".join(_words(phrase)) == phrase


def test_every_gender_word_is_written_as_a_typed_answer_is_read():
    for phrase in GENDER_WORDS:
        assert " ".join(_words(phrase)) == phrase


def _kinds(locale: str) -> list[tuple[str, str]]:
    kinds = ("appointment", "medicines", "lab_tests", "reimbursement", "callback")
    return [(k, HUB.get(locale)(f"request-kind-{k}")) for k in kinds]


@pytest.mark.parametrize("locale", ["uk", "ru", "kk", "en"])
def test_the_kind_words_name_one_kind_in_every_language(locale):
    for phrase, kind in KIND_WORDS.items():
        assert " ".join(_words(phrase)) == phrase
        assert match_choice(phrase, _kinds(locale), KIND_WORDS) == kind, phrase


@pytest.mark.parametrize(
    ("typed", "yes"),
    [("Да!", True), ("так", True), ("Yes.", True), ("Иә", True), ("всё верно", True),
     ("да, всё верно", True), ("так, надсилайте", True), ("yes please", True),
     ("иә, бәрі дұрыс", True), ("да, но время другое", False), ("не верно", False),
     ("нет", False), ("", False)],
)  # fmt: skip
def test_a_yes_is_the_whole_answer(typed, yes):
    assert is_yes(typed) is yes


def test_every_yes_word_is_written_as_a_typed_answer_is_read():
    for phrase in YES_WORDS:
        assert " ".join(_words(phrase)) == phrase


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("дәрігерге жазылу", "appointment"), ("тіс дәрігері", "appointment"),
     ("тіс дәрігеріне жазылу керек", "appointment"), ("дәрігерге", "appointment"),
     ("дәрі керек", "medicines"), ("дәрілер", "medicines"), ("дәрі", "medicines"),
     # "дәріге" (for medicines) is "дәрігер" but for its last letter: it was the doctor
     ("дәріге өтініш", "medicines"), ("дәріге тапсырыс", "medicines"), ("дәрігер", "appointment"),
     ("дәрігері", "appointment")],
)  # fmt: skip
def test_a_kazakh_doctor_is_not_taken_for_medicine_that_begins_the_word(typed, kind):
    """ "дәрі" (medicine) begins "дәрігер" (doctor): "дәрігерге жазылу", the appointment
    button's own words, and "тіс дәрігері" (dentist) named medicines too, or both (then
    neither). The word is the kind it matches more of."""
    assert match_choice(typed, _kinds("kk"), KIND_WORDS) == kind


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("перезвоните мне", "callback"), ("нужна запись к врачу", "appointment"),
     ("I want a refund", "reimbursement"), ("хочу сдать анализы", "lab_tests"),
     ("замовити ліки", "medicines"), ("please call me", "callback"),
     ("нужно сдать кровь", "lab_tests"),
     ("кровь из носа", None),  # a nosebleed: blood is given for tests, not named alone
     ("компенсация за лекарства", None),  # two kinds: neither
     ("мне нужно записаться к врачу на завтра", None),  # a sentence, not a choice
     ("хочу", None)],
)  # fmt: skip
def test_a_short_answer_around_a_kind_word_names_it(typed, kind):
    assert match_choice(typed, _kinds("ru"), KIND_WORDS) == kind


def test_an_alias_s_last_word_is_read_give_or_take_an_ending():
    assert match_choice("в гривнах", _currencies("uk"), CURRENCY_WORDS) == "UAH"
    assert match_choice("после обеда лучше", _windows("ru"), TIME_WORDS) == "afternoon"


@pytest.mark.parametrize(
    ("typed", "no"),
    [("Нет", True), ("ні.", True), ("no", True), ("жоқ", True), ("не треба", True),
     ("нет, но позже да", False), ("так", False), ("", False)],
)  # fmt: skip
def test_a_no_is_the_whole_answer(typed, no):
    assert is_no(typed) is no


def test_every_no_word_is_written_as_a_typed_answer_is_read_and_is_no_yes():
    for phrase in NO_WORDS:
        assert " ".join(_words(phrase)) == phrase
    assert not NO_WORDS & YES_WORDS


@pytest.mark.parametrize(
    ("typed", "done"),
    [("Готово!", True), ("это всё", True), ("That's all.", True), ("це все", True),
     ("болды", True), ("всё, кроме аспирина", False), ("Paracetamol", False),
     # said twice over
     ("всё, больше нет", True), ("done, nothing else", True), ("це все, більше немає", True),
     ("болды, басқа жоқ", True), ("готово, дальше, спасибо", True),
     ("больше нет чеков", False), ("все чеки", False), ("нет", False)],
)  # fmt: skip
def test_that_s_all_is_the_whole_answer(typed, done):
    assert is_done(typed) is done


def test_every_done_word_is_written_as_a_typed_answer_is_read():
    for phrase in DONE_WORDS:
        assert " ".join(_words(phrase)) == phrase


@pytest.mark.parametrize(
    ("typed", "nothing"),
    [("нет", True), ("Ничего.", True), ("-", True), ("—", True), ("no comment", True),
     ("ештеңе", True), ("нет температуры", False), ("болит зуб", False)],
)  # fmt: skip
def test_nothing_to_add_is_the_whole_answer(typed, nothing):
    assert is_nothing(typed) is nothing


def test_every_nothing_word_is_written_as_a_typed_answer_is_read():
    for phrase in NOTHING_WORDS:
        assert " ".join(_words(phrase)) == phrase


@pytest.mark.parametrize(
    ("typed", "score"),
    [("5", 5), (" 4/5 ", 4), ("3 из 5", 3), ("5 звезд", 5), ("5 звёзд", 5), ("2 зірки", 2),
     ("4 stars!", 4), ("⭐⭐⭐", 3),
     ("⭐️⭐️", 2), ("1", 1), ("0", None), ("6", None), ("5 минут", None), ("10", None),
     ("⭐⭐⭐⭐⭐⭐", None), ("спасибо", None), ("", None),
     # given in words, or written as one ("ставлю 4" was no score)
     ("ставлю 4", 4), ("оценка: 5", 5), ("на пять", 5), ("ставлю вам пятерку", 5),
     ("5 баллов", 5), ("I give 5", 5), ("чотири", 4), ("бес", 5), ("на 5 минут", None),
     ("отлично", None)],
)  # fmt: skip
def test_a_score_typed_whole_is_read(typed, score):
    """A rating typed rather than pressed (`bot/services/ratings.py:read_score`)."""
    assert read_score(typed) == score


@pytest.mark.parametrize(
    ("typed", "thanks"),
    [("Спасибо!", True), ("спасибо большое за помощь", True), ("Дуже дякую", True),
     ("Көп рахмет", True), ("thank you very much", True), ("thx", True),
     ("спасибо, а где моя карта?", False), ("большое", False), ("", False)],
)  # fmt: skip
def test_a_thank_you_is_one_and_nothing_else(typed, thanks):
    assert is_thanks(typed) is thanks


@pytest.mark.parametrize(
    ("typed", "thanks"),
    [("спасибо", True), ("спасибо, всё решили", True), ("дякую, гроші вже прийшли", True),
     ("спасибо большое, деньги уже пришли", True), ("спасибо, мне уже перезвонили", True),
     ("thanks, got the money", True), ("thanks, all sorted", True),
     ("рахмет, бәрі шешілді", True),
     # what went wrong, a question, or no thank-you: a matter for support
     ("спасибо, но деньги не пришли", False), ("thanks, but it is not sorted", False),
     ("спасибо, деньги пришли?", False), ("деньги пришли", False), ("всё решили", False),
     ("спасибо, мне уже перезвонили, но вопрос так и не решили", False)],
)  # fmt: skip
def test_a_thank_you_may_say_that_the_matter_is_done(typed, thanks):
    assert is_thanks_closing(typed) is thanks


def test_a_command_in_words_is_the_whole_message():
    assert typed_command("Отмена") == "cancel"
    assert typed_command("Главное меню!") == "menu"
    assert typed_command("отмена записи к врачу") is None
    assert typed_command("меню клиники") is None
    for phrase in TYPED_COMMANDS:
        assert " ".join(_words(phrase)) == phrase


def test_a_time_of_day_at_either_end_of_a_date_is_split_off():
    assert split_time_of_day("завтра утром")[0] == ("завтра", "morning")
    assert ("в пятницу", "afternoon") in split_time_of_day("в пятницу после обеда")
    assert ("tomorrow", "afternoon") in split_time_of_day("tomorrow at 14:30")
    assert ("next Monday", "morning") in split_time_of_day("morning, next Monday")
    assert split_time_of_day("завтра") == []
    assert split_time_of_day("утром") == []  # a time of day alone: no date to split from
    for phrase in TIME_LABEL_WORDS:
        assert " ".join(_words(phrase)) == phrase


@pytest.mark.parametrize(
    ("typed", "window"),
    [
        ("перезвоните мне вечером", "evening"),
        ("передзвоніть мені зранку, будь ласка", "morning"),
        ("маған түстен кейін хабарласыңыз", "afternoon"),
        ("call me back after work", "evening"),
        ("I am free any time, call me", None),  # "am" and "any" are not read in a sentence
        ("call me in the morning or in the evening", None),  # two: neither
        ("перезвоните мне", None),
        # a time turned down is none asked for ("только не утром" was the morning)
        ("перезвоните, только не утром", None),
        ("call me back in the evening, not in the morning", "evening"),
    ],
)
def test_the_time_of_day_a_call_back_is_asked_for_with(typed: str, window: str | None) -> None:
    assert window_named(typed) == window


@pytest.mark.parametrize(
    ("typed", "asked", "refused"),
    [
        ("только не утром", None, "morning"),
        ("утром не могу", None, "morning"),
        ("утром точно не могу", None, "morning"),
        ("тільки не вранці", None, "morning"),
        ("not in the morning", None, "morning"),
        ("I can't in the morning", None, "morning"),
        ("таңертең емес", None, "morning"),
        ("не после обеда", None, "afternoon"),
        # a time asked for beside the one turned down, or with a reason after it
        ("утром не могу, лучше вечером", "evening", None),
        ("не утром а вечером", "evening", None),
        ("утром, не вечером", "morning", None),
        ("утром не позже 11", "morning", None),  # a bound, not a "no"
        ("не раньше обеда", "afternoon", None),  # (its "не" before the time: a bound too)
        ("не рано утром", "morning", None),  # how early, not a "no"
        ("кроме утра", None, "morning"),
        ("після обіду, бо зранку працюю", "afternoon", None),
        ("вечером, потому что днём на работе", "evening", None),
        ("in the evening because I work days", "evening", None),
        ("мне было бы удобнее всего вечером", "evening", None),
        ("в 10", "morning", None),
        # two offered as alternatives: the first (its words kept beside it, `hour_said`)
        ("утром или вечером", "morning", None),
        ("зранку або ввечері", "morning", None),
        ("afternoon or evening", "afternoon", None),
        # none, or two asked together: neither
        ("не важно", None, None),
        ("не утром и не вечером", None, None),
    ],
)
def test_a_time_of_day_asked_for_or_turned_down_in_a_sentence(
    typed: str, asked: str | None, refused: str | None
) -> None:
    assert window_in_sentence(typed) == asked
    assert window_refused(typed) == refused


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("5", (5, "")),
        ("бәрі жақсы, рахмет! 5", (5, "бәрі жақсы, рахмет")),
        ("Всё отлично, 5!", (5, "Всё отлично")),
        ("5, но долго ждала", (5, "но долго ждала")),
        ("⭐⭐⭐. Долго", (3, "Долго")),
        # given with its verb inside a sentence, before the score or after it (in Kazakh)
        ("всё хорошо ставлю пять", (5, "всё хорошо")),
        ("я даю 4 потому что долго", (4, "потому что долго")),
        ("ставлю 5 баллов всё быстро", (5, "всё быстро")),
        ("I give 5 great service", (5, "great service")),
        ("бәрі жақсы 5 бағалаймын", (5, "бәрі жақсы")),
        ("всё хорошо, ставлю пять, спасибо", (5, "всё хорошо, спасибо")),
        ("ставлю на 5 и 4", None),  # two numbers
        ("хорошо ставлю", None),  # the verb, no score
        ("ставлю 10 из 10", None),  # not a score of 1-5
        ("у меня 2 вопроса", None),  # a number inside words
        ("1. анализы 2. лекарства", None),  # two numbers: a list
        ("5?", None),  # a question
        ("перезвоните через 5 минут", None),
        ("спасибо", None),
    ],
)
def test_a_score_said_among_a_few_words(typed: str, said: tuple[int, str] | None) -> None:
    """A score that is one part of a short message, and the words beside it (its comment)."""
    assert score_said(typed) == said


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        (
            "нурофен дитячий, аквамарис. доставка на Хрещатик 22, кв 5",
            ("нурофен дитячий, аквамарис", "Хрещатик 22, кв 5"),
        ),
        ("нурофен, адрес: Абая 10-5", ("нурофен", "Абая 10-5")),
        ("доставьте по адресу ул. Ленина 5, кв 12", ("", "ул. Ленина 5, кв 12")),
        ("deliver to 5 Baker St, please", ("", "5 Baker St")),
        ("мекенжайым: Алматы, Абай 10", ("", "Алматы, Абай 10")),
        # a day or the hours of the delivery, not where it goes
        ("доставка на завтра", None),
        ("доставка на 15 декабря после 18", None),
        ("доставка на пятницу 15.12", None),
        ("доставка на 10:00", None),
        ("доставка на работу", None),  # (no house number: which work is the profile's)
        ("парацетамол 500 мг 2 уп", None),
    ],
)
def test_a_delivery_address_given_with_the_list(typed: str, found: tuple[str, str] | None) -> None:
    assert delivery_address_in(typed, date(2026, 11, 22)) == found


KNOWN_CITIES = [(1, "Київ"), (2, "Львів"), (3, "Алматы"), (4, "Астана")]


@pytest.mark.parametrize(
    ("typed", "named", "alone"),
    [
        ("запишіть мене до терапевта в Києві на вівторок", "Київ", False),
        ("в Киеве", "Київ", True),
        ("in Kyiv", "Київ", True),
        ("у Львові", "Львів", True),
        ("місто Львів", "Львів", True),
        ("Алмате", "Алматы", True),
        ("Нур-Султан", "Астана", True),
        ("Алматыдағы емханалар", "Алматы", False),  # a Kazakh ending after the name whole
        ("Алматы қаласындағы", "Алматы", True),
        ("Київ, Добробут", "Київ", False),
        ("в Добробут", None, False),
        ("в Киеве или во Львове", None, False),  # two: neither
    ],
)
def test_a_directory_city_named_in_any_spelling(typed: str, named: str | None, alone: bool) -> None:
    found = clinics.city_named(typed, KNOWN_CITIES)
    assert (found[1] if found else None) == named
    assert (clinics.city_alone(typed, KNOWN_CITIES) is not None) == alone


@pytest.mark.parametrize(
    ("bare", "kinds"),
    [
        ("дәрі парацетамол", {"medicines"}),  # not "дәрігер" (a doctor) cut short
        ("дәрігерге жазылу", {"appointment"}),  # not "дәрі" (medicines) with an ending
        ("тіс дәрігері", {"appointment"}),
        ("анализы и лекарства", {"lab_tests", "medicines"}),  # two words, two requests
    ],
)
def test_a_word_holds_the_request_it_is_nearest_to(bare: str, kinds: set[str]) -> None:
    assert kinds_held(bare) == kinds


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("какие клиники есть в Алматы?", (True, True)),
        ("список клиник", (True, True)),
        ("клиники в Алматы", (True, False)),
        ("адрес клиники Dent-Lux", (True, True)),
        ("де знаходиться Усмішка?", (False, True)),  # a clinic named: the caller looks
        ("хочу в клинику Dent-Lux", None),  # a visit asked for
        ("запишите в клинику", None),
        ("Клиника не перезвонила", None),  # something said of one
        ("почему клиника отказала?", None),
    ],
)
def test_a_question_the_clinic_directory_answers(
    typed: str, asked: tuple[bool, bool] | None
) -> None:
    assert asks_directory(typed) == asked


KINDS = [("appointment", "🩺 Doctor appointment"), ("medicines", "💊 Medicines"),
         ("lab_tests", "🧪 Lab tests"), ("reimbursement", "💵 Reimbursement"),
         ("callback", "📞 Call-back")]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "told"),
    [("not a call-back", ("callback", "")), ("не хочу звонок", ("callback", "")),
     ("звонок не нужен", ("callback", "")), ("без звонка", ("callback", "")),
     ("қоңырау емес", ("callback", "")), ("I don't want a call back", ("callback", "")),
     ("не ліки", ("medicines", "")),
     ("мне не звонок нужен, а запись к врачу", ("callback", "запись к врачу")),
     ("не лекарства, а анализы", ("medicines", "анализы")),
     # no refusal: a word of being able, of what happened, or of the request's own use
     ("не могу записаться", (None, "не могу записаться")),
     ("не получила лекарства", (None, "не получила лекарства")),
     ("лекарства не помогают", (None, "лекарства не помогают")),
     ("не могу дозвониться, перезвоните", (None, "не могу дозвониться, перезвоните")),
     ("нужен звонок", (None, "нужен звонок"))],
)  # fmt: skip
def test_a_kind_of_request_turned_down_and_what_is_asked_besides(typed, told):
    assert kind_turned_down(typed, KINDS) == told
