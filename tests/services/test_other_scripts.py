"""A name's word in the other script, as passports and registries write it: staff's /find by
name tries these spellings beside the typed one (`staff/find.py:_spellings`)."""

from __future__ import annotations

import pytest

from bot.services.names import other_scripts


@pytest.mark.parametrize(
    ("word", "written"),
    [
        ("Олена", "olena"),
        ("Коваленко", "kovalenko"),
        ("Айгерим", "aigerim"),  # Kazakhstan's way
        ("Юлія", "yuliia"),  # Ukraine's, "Yu" at the start
        ("Щербак", "shcherbak"),
        ("Нұрлан", "nurlan"),
        ("Kovalenko", "коваленко"),
        ("Aigerim", "айгерим"),  # "i" after a vowel, before a consonant: «й»
        ("Andrii", "андрій"),
        ("Zhaksybekova", "жаксыбекова"),
        ("Tsoi", "цой"),
    ],
)
def test_a_name_is_written_in_the_other_script(word: str, written: str) -> None:
    assert written in other_scripts(word)


def test_a_word_of_both_scripts_or_of_digits_has_none() -> None:
    assert other_scripts("Kоваленко") == []  # a Latin "K" typed among Cyrillic letters
    assert other_scripts("123") == []
