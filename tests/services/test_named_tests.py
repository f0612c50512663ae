"""`forms.named_tests`: the lab tests a message names after its word for them ("сдать анализы
крови и ферритин завтра"), without the day the form keeps, whom they are for or where."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services import forms

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tests after the word for them, up to the day
        ("сдать анализы крови и ферритин завтра", "анализы крови и ферритин"),
        ("здати аналізи крові та феритин у понеділок", "аналізи крові та феритин"),
        ("blood test and ferritin tomorrow", "blood test and ferritin"),
        ("анализ крови завтра утром", "анализ крови"),
        ("сдать анализ на гормоны щитовидки 15 декабря", "анализ на гормоны щитовидки"),
        ("нужно сдать кровь на сахар", "кровь на сахар"),
        ("lab tests for vitamin D", "lab tests for vitamin D"),
        ("сдать анализы крови, мочи и кала", "анализы крови, мочи и кала"),
        ("urine test", "urine test"),
        # whom for, where, when, the next request: not tests
        ("хочу сдать анализы крови для сына завтра", "анализы крови"),
        ("сдать анализы на ферритин для сына", "анализы на ферритин"),
        ("анализы крови на следующей неделе", "анализы крови"),
        ("анализы крови и", "анализы крови"),
        # the word for tests alone names none
        ("сдать анализы завтра", None),
        ("анализы на завтра", None),
        ("анализы на этой неделе", None),
        ("нужно сдать анализы, пожалуйста", None),
        ("сдать анализы в лаборатории", None),
        ("анализы для ребенка", None),
        ("blood tests for my son", None),
        ("сдать анализы и записаться к гинекологу", None),
        ("анализы. Завтра утром", None),
        ("нужно сдать кровь завтра <b>в 8:30", None),
        # what qualifies the tests before the word for them: an adjective, and in Kazakh, whose
        # words come first, any word ("қан талдау" was read as no test named)
        ("қан талдау тапсыру керек ертең", "қан талдау"),
        ("ертең жалпы қан анализін тапсырғым келеді", "жалпы қан анализін"),
        ("маған қан анализі керек", "қан анализі"),
        ("сдать общий анализ крови завтра", "общий анализ крови"),
        ("треба здати загальний аналіз крові", "загальний аналіз крові"),
        ("завтра анализ крови", "анализ крови"),
        ("Нужны результаты анализов", None),
        ("мама анализы сдать", None),
        ("мне нужен стоматолог", None),
    ],
)
def test_the_named_tests_after_the_word_for_them(text: str, expected: str | None) -> None:
    span = forms.day_named(text, TODAY)
    assert forms.named_tests(text, span or "") == expected
