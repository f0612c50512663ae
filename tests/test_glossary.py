"""Each language's words come from the insurers' own guides: `locales/<lang>/GLOSSARY.md` lists
the word we write for a term and the variants we never write; none may appear in that
language's `.ftl` files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n import LOCALES_DIR, SUPPORTED_LOCALES


def glossary(locale: str) -> list[tuple[str, str, list[str]]]:
    """(term, the word used, forbidden variants) per row of the glossary's table."""
    rows = []
    for line in (LOCALES_DIR / locale / "GLOSSARY.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or set(cells[0]) <= {"-"} or not line.startswith("|"):
            continue
        rows.append((cells[0], cells[1], [v.strip() for v in cells[2].split(",") if v.strip()]))
    return rows[1:]  # the header row


def _texts(locale: str) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted((LOCALES_DIR / locale).glob("*.ftl"))}


def forbidden_uses(locale: str) -> list[str]:
    found = []
    for term, _used, never in glossary(locale):
        for variant in never:
            pattern = re.compile(re.escape(variant), re.IGNORECASE)
            for path, text in _texts(locale).items():
                for number, line in enumerate(text.splitlines(), 1):
                    if pattern.search(line):
                        found.append(f"{path.name}:{number}: «{variant}» ({term}): {line.strip()}")
    return found


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_the_glossary_has_rows(locale):
    rows = glossary(locale)
    assert len(rows) >= 5
    assert all(used and never for _term, used, never in rows)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_no_forbidden_variant_in_the_translations(locale):
    assert forbidden_uses(locale) == []


def test_a_forbidden_variant_is_found(tmp_path, monkeypatch):
    """The check itself: a file with a forbidden word fails it."""
    for locale in SUPPORTED_LOCALES:
        (tmp_path / locale).mkdir()
        (tmp_path / locale / "GLOSSARY.md").write_bytes(
            (LOCALES_DIR / locale / "GLOSSARY.md").read_bytes()
        )
    (tmp_path / "uk" / "x.ftl").write_text("btn = 📋 Мої звернення\n", encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.LOCALES_DIR", tmp_path)
    assert forbidden_uses("uk")[0] == "x.ftl:1: «звернення» (request): btn = 📋 Мої звернення"


@pytest.mark.parametrize(
    ("locale", "word"),
    [("uk", "Заявк"), ("ru", "Заявк"), ("uk", "Змінити поліс"), ("ru", "застрахованных лиц")],
)
def test_the_insurers_words_are_used(locale, word):
    assert any(word.lower() in t.lower() for t in _texts(locale).values())
