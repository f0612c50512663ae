"""`forms.list_after`: the list a message gives after a colon, and what it keeps of the words
before it that the form does not take (for whom, a greeting, a day a form keeps no day for)."""

from __future__ import annotations

import pytest

from bot.services.forms import list_after

MEDICINES, LAB_TESTS = "medicines", "lab_tests"


@pytest.mark.parametrize(
    ("text", "kind", "taken", "expected"),
    [
        # the request's name and who asks: the list alone
        ("ліки: нурофен 200 мг, 1 упаковка", MEDICINES, "", "нурофен 200 мг, 1 упаковка"),
        ("I need medicines please: ibuprofen", MEDICINES, "", "ibuprofen"),
        ("маған дәрі керек: парацетамол", MEDICINES, "", "парацетамол"),
        ("анализы: ОАК, глюкоза", LAB_TESTS, "", "ОАК, глюкоза"),
        # a family member's name already taken out, or named by who they are (the card is theirs)
        ("ліки для : нурофен", MEDICINES, "", "нурофен"),
        ("ліки для доньки: нурофен", MEDICINES, "", "нурофен"),
        ("medicines for my son: ibuprofen", MEDICINES, "", "ibuprofen"),
        # the day the lab tests' date step keeps
        ("Need lab tests tomorrow: CBC, glucose", LAB_TESTS, "tomorrow", "CBC, glucose"),
        # for whom, in three languages: the message whole
        (
            "нужны лекарства для мамы: парацетамол 500 мг",
            MEDICINES,
            "",
            "нужны лекарства для мамы: парацетамол 500 мг",
        ),
        ("анама дәрі керек: парацетамол", MEDICINES, "", "анама дәрі керек: парацетамол"),
        ("medicines for my mother: aspirin", MEDICINES, "", "medicines for my mother: aspirin"),
        # a day the medicines keep nowhere else
        ("ліки на завтра: нурофен", MEDICINES, "", "ліки на завтра: нурофен"),
        # no list
        ("Добрый день: нужны лекарства", MEDICINES, "", None),
        ("ліки: 2", MEDICINES, "", None),
        ("ліки нурофен", MEDICINES, "", None),
    ],
)
def test_the_list_after_a_colon(text: str, kind: str, taken: str, expected: str | None) -> None:
    assert list_after(text, kind, taken) == expected
