"""A list typed line by line changed in words (`forms.list_edit`), never an item taken for a
change."""

from __future__ import annotations

import pytest

from bot.services.forms import ListEdit, list_edit, names_document

LINES = ["Нурофен, аспирин", "Витамин D"]


@pytest.mark.parametrize(
    ("typed", "edit"),
    [
        ("очистить список", ListEdit([], True)),
        ("удалить последнее", ListEdit(["Нурофен, аспирин"], True)),
        ("убрать нурофен", ListEdit(["аспирин", "Витамин D"], True)),
        ("витамин не нужен", ListEdit(["Нурофен, аспирин"], True)),
        ("remove aspirin", ListEdit(LINES, False)),  # (named in another script: not found)
        ("видалити вітамін", ListEdit(LINES, False)),
        # items, not changes
        ("без рецепта", None),
        ("Drops for the eyes", None),
        ("Аспирин", None),
    ],
)
def test_a_list_changed_in_words(typed: str, edit: ListEdit | None) -> None:
    assert list_edit(typed, LINES) == edit


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("по направлению", True),
        ("те что врач назначил", True),
        ("за направленням лікаря", True),
        ("рецепт сейчас пришлю", True),
        ("as prescribed", True),
        ("I will send the prescription", True),
        ("жолдама бойынша", True),
        # the list's items, the document named with them
        ("рецепт на нурофен", False),
        ("направление на ОАК", False),
        ("без рецепта", False),
        ("Нурофен", False),
    ],
)
def test_the_referral_or_prescription_named_instead_of_its_items(typed: str, named: bool) -> None:
    assert names_document(typed) is named
