"""Every key in every language, and every key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.config import SUPPORTED_LOCALES
from bot.factory import COMMANDS
from bot.i18n import LOCALES_DIR
from bot.services.cards import CardStatus
from bot.services.profile import ProfileField
from storage.models import Gender, HolderType, Relation

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("bot", "dialogs")
KEY_IN_CODE = re.compile(r"""["']([a-z]+(?:-[a-z0-9_]+)+)["']""")
# keys built from values at run time
DYNAMIC = {
    "card-status-": [s.value for s in CardStatus],
    "relation-": [r.value for r in Relation],
    "holder-type-": [h.value for h in HolderType],
    "gender-": [g.value for g in Gender],
    "btn-edit-": [*(f.value for f in ProfileField), "gender"],
    "profile-prompt-": [*(f.value for f in ProfileField), "gender"],
    "profile-invalid-": [f.value for f in ProfileField],
    "command-": list(COMMANDS),
    "language-name-": list(SUPPORTED_LOCALES),
}


def _keys(locale: str) -> dict[str, ast.Message]:
    messages: dict[str, ast.Message] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [e for e in resource.body if isinstance(e, ast.Junk)]
        assert not junk, f"{path}: unparsable: {junk[0].content[:80]!r}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                assert entry.id.name not in messages, f"{path}: duplicate {entry.id.name}"
                messages[entry.id.name] = entry
    return messages


def _variables(message: ast.Message) -> set[str]:
    found: set[str] = set()

    class Variables(Visitor):
        def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
            found.add(node.id.name)

    Variables().visit(message)
    return found


def _used_in_code() -> set[str]:
    used: set[str] = set()
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "sandbox" in path.parts:
                continue
            used.update(KEY_IN_CODE.findall(path.read_text(encoding="utf-8")))
    for prefix, values in DYNAMIC.items():
        used.update(prefix + value for value in values)
    return used


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_every_key_exists_in_every_language(locale):
    english = _keys("en")
    other = _keys(locale)
    assert sorted(set(english) - set(other)) == [], f"missing in {locale}"
    assert sorted(set(other) - set(english)) == [], f"only in {locale}"
    for key, message in english.items():
        assert _variables(other[key]) == _variables(message), f"{locale}: {key} variables differ"


def test_every_key_the_code_uses_exists():
    english = set(_keys("en"))
    candidates = _used_in_code()
    # strings in the code shaped like keys that are not: widget ids, states, modes
    missing = sorted(k for k in candidates if k not in english and _looks_like_text_key(k))
    assert missing == []


def _looks_like_text_key(name: str) -> bool:
    prefixes = {k.split("-")[0] for k in _keys("en")}
    return name.split("-")[0] in prefixes
