"""How members ask for a request in their own words: a question that asks for something done
(`forms.polite_request`), an amount asked back (`money.money_back`), a message about a
request already made (`forms.about_made_request`), and a doctor the specialty list does not
hold (`forms.doctor_named`)."""

from __future__ import annotations

import pytest

from bot.services.forms import (
    about_made_request,
    corrected,
    doctor_named,
    is_question,
    polite_request,
    without_opening,
)
from bot.services.money import money_back


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("can you call me back?", "call me back"),
        ("Could you please book me a dentist?", "book me a dentist"),
        ("можете перезвонить?", "перезвонить"),
        ("Можно записаться к лору на завтра?", "записаться к лору на завтра"),
        ("не могли бы вы перезвонить мне вечером?", "перезвонить мне вечером"),
        ("чи можна записатися до стоматолога?", "записатися до стоматолога"),
        ("ертең терапевтке жазылуға бола ма?", "ертең терапевтке жазылуға"),
        # as typed: its numbers and signs kept (a day, an amount)
        ("можно записаться к лору на 25.12?", "записаться к лору на 25.12"),
        ("Can I get reimbursed for 500 UAH?", "reimbursed for 500 UAH"),
        # a verb that only says the thing is had, left out with the polite words ("get",
        # "оформить", "отримати"): what follows names the request
        ("can I get a refund for a dentist visit?", "a refund for a dentist visit"),
        ("можно оформить возмещение за анализы?", "возмещение за анализы"),
        ("чи можна отримати відшкодування за ліки?", "відшкодування за ліки"),
        ("can I make an appointment with a dentist?", "an appointment with a dentist"),
        ("can I get my policy?", "my policy"),
        ("Можно, пожалуйста, записаться к лору?", "пожалуйста, записаться к лору"),
        # a question about a request, not for one
        ("is dentistry covered?", None),
        ("сколько стоит прием у лора?", None),
        ("лимит по стоматологии?", None),
        ("можно?", None),
        # or how it is done: the request, without a verb that only says it is had
        ("как записаться к врачу?", "записаться к врачу"),
        ("як повернути гроші?", "повернути гроші"),
        ("how do I get a refund?", "a refund"),
        ("как мне оформить возмещение за анализы?", "возмещение за анализы"),
        ("как долго ждать возмещения?", None),
        ("как дела?", None),
    ],
)
def test_a_question_that_asks_for_something_done(typed: str, expected: str | None) -> None:
    assert polite_request(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("хочу вернуть 5000 тенге за лекарства", True),
        ("поверніть 1200 грн за аналізи", True),
        ("I want 300 USD back for the MRI", True),
        ("кешегі қабылдау үшін 8000 теңгені қайтарыңыз", True),
        ("прошу возместить 2 500 грн", True),
        # no amount with its currency, or nothing asked back
        ("хочу вернуть деньги за анализы", False),
        ("вернуть 3 анализа", False),
        ("лимит 5000 тенге", False),
        ("хочу вернуться к лору", False),
    ],
)
def test_an_amount_asked_back(typed: str, expected: bool) -> None:
    assert money_back(typed) is expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # to cancel, move or change one, or to know where it is
        ("хочу отменить запись к стоматологу", True),
        ("перенесите запись на пятницу", True),
        ("поменять дату записи", True),
        ("змінити час дзвінка", True),
        ("скасуйте заявку", True),
        ("cancel my appointment", True),
        ("статус заявки", True),
        ("где моя заявка?", True),
        ("where is my claim?", True),
        ("где мое возмещение?", True),
        ("де моє відшкодування?", True),
        ("менің өтінішім қайда", True),
        ("когда мне перезвонят?", True),
        ("коли буде відповідь?", True),
        ("When will you call me?", True),
        # a new one, or a question about something else
        ("мне нужен стоматолог", False),
        ("хочу возмещение", False),  # a new claim
        ("I need a refund", False),
        ("запишите к стоматологу на другое время", False),
        ("хочу записаться, изменились симптомы", False),
        ("change my phone number", False),
        ("где находится клиника", False),
        ("де записатися до лікаря", False),
        ("where can I book an appointment", False),
        ("когда можно позвонить в колл-центр?", False),
        # what happened, not what is asked: a new request may follow
        ("я перенесла операцию, нужны лекарства", False),
        ("мне отменили лекарство, нужно новое", False),
        ("my appointment was cancelled, book a new one", False),
        ("когда лучше записаться к врачу?", False),
    ],
)
def test_a_message_about_a_request_already_made(typed: str, expected: bool) -> None:
    assert about_made_request(typed) is expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("запишите к урологу", "Уролог"),
        ("нужен хирург", "Хирург"),
        ("к хірургу", "Хірург"),
        ("запис до ендокринолога", "Ендокринолог"),
        ("урологқа жазылу керек", "Уролог"),
        ("I need an endocrinologist", "Endocrinologist"),
        ("book a surgeon", "Surgeon"),
        ("к ортодонту", "Ортодонт"),
        # an examination or a treatment booked at a clinic, under its usual name ("нужен
        # массаж" named none before: a massage was not a request)
        ("нужно сделать УЗИ", "УЗИ"),
        ("запис на УЗД", "УЗД"),
        ("запишите на мрт", "МРТ"),
        ("нужен массаж", "Массаж"),
        ("I need an MRI", "MRI"),
        # with what it examines, up to a day, whom it is for, or another request
        ("мне нужно УЗИ брюшной полости", "УЗИ брюшной полости"),
        ("МРТ колена завтра", "МРТ колена"),
        ("УЗИ щитовидки для сына", "УЗИ щитовидки"),
        ("УЗД щитовидної залози на пʼятницю", "УЗД щитовидної залози"),
        ("записаться на массаж спины, пожалуйста", "Массаж спины"),
        ("массаж и перезвоните", "Массаж"),
        ("an MRI of the knee please", "MRI of the knee"),
        ("рентген 15.12", "Рентген"),
        # two, none, or a word that only ends like one
        ("к урологу и хирургу", None),
        ("УЗИ и МРТ", None),
        ("нужна консультация врача", None),
        ("каталог клиник", None),
    ],
)
def test_a_doctor_the_list_does_not_hold(typed: str, expected: str | None) -> None:
    assert doctor_named(typed) == expected


@pytest.mark.parametrize(
    ("typed", "left"),
    [
        ("Добрый день! Перезвоните мне", "Перезвоните мне"),
        ("Hello, please call me back", "please call me back"),
        ("слушайте, вот, верните деньги", "верните деньги"),
        ("Здравствуйте", ""),
        # an "ok" and a "then" before what is asked next (after a rejection's reason)
        ("OK, then please call me back", "please call me back"),
        ("добре, тоді нову заявку на нурофен", "нову заявку на нурофен"),
        ("Хорошо. Перезвоните мне завтра", "Перезвоните мне завтра"),
        # a word that only begins as one does
        ("Okaying the list", "Okaying the list"),
        ("Well-being check", "Well-being check"),
        ("History of my requests", "History of my requests"),
    ],
)
def test_the_greeting_a_message_opens_with_is_left_out(typed: str, left: str) -> None:
    assert without_opening(typed) == left


KNOWN = frozenset({"стоматолог", "терапевт", "лекарства", "гинеколог", "кардиолог"})


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("запишите к стамотологу", "запишите к стоматолог"),
        ("к терпевту", "к терапевт"),
        ("нужны лекарсва", "нужны лекарства"),
        ("КОРДИОЛОГ", "кардиолог"),
        # no slip: a known word, one with its ending, a word near none, a short one
        ("к стоматологу", None),
        ("стоматологию покрывает", None),
        ("мне нужна справка", None),
        ("к лору", None),
    ],
)
def test_a_word_typed_with_a_slip_is_read_as_the_one_meant(typed: str, meant: str | None) -> None:
    assert corrected(typed, KNOWN) == meant


@pytest.mark.parametrize(
    ("typed", "asks"),
    [
        ("какой у меня лимит?", True),
        ("сколько стоит прием", True),
        ("чи покриває страховка стоматологію", True),
        ("Добрый день, лимит по стоматологии?", True),
        ("не работает приложение", False),  # (the Kazakh "не" is "what", the Russian "not")
        ("мой полис не работает", False),
        ("hello?", False),  # a greeting: is anyone there
        ("?", False),
    ],
)
def test_a_question_is_told_from_other_messages(typed: str, asks: bool) -> None:
    assert is_question(typed) is asks
