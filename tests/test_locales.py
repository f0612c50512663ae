"""Every key in every language, and every key the code uses exists."""

from __future__ import annotations

import ast as ast_module
import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.config import SUPPORTED_LOCALES
from bot.factory import COMMANDS
from bot.i18n import LOCALES_DIR, TranslatorHub
from bot.services.cards import CardStatus
from bot.services.forms import TIME_WINDOWS
from bot.services.money import CURRENCIES
from bot.services.profile import ProfileField
from bot.services.staff import NEEDS_TEXT, StaffAction
from bot.services.staff.export import COLUMNS as EXPORT_COLUMNS
from dialogs.requests.appointment.getters import SPECIALTIES
from storage.models import (
    DocumentKind,
    Gender,
    HolderType,
    Relation,
    RequestKind,
    RequestStatus,
)

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("bot", "dialogs")
# a whole key (`btn-back`) and the start of a key built at run time (`"request-kind-" + kind`,
# f"card-status-{status}", a prefix kept in a constant)
KEY = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9_]+)+")
PREFIX = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9_]+)*-")
# key-shaped strings of the code that are not keys: router names, encodings, scheduler job ids
NOT_KEY_ARGUMENTS = {"name", "encoding", "env_file_encoding", "id", "prefix"}
NOT_KEY_CALLS = {"Router", "encode", "decode", "open", "read_text"}
NOT_KEYS = {"deliver-outbox", "queue-reminders", "mpl-data"}  # mpl-data: a folder
# the console script and its role names (bot/main.py)
NOT_KEYS |= {"insurance-bot", "import-registry"}
NOT_KEYS |= {"import-clinics"}  # the clinic directory's role (issue 15)
NOT_KEYS |= {"stand-alone"}  # a Babel context: month names (bot/services/dates.py)
# every prefix the code builds keys from, with the values it completes them with; None: the
# values are not known statically (the detail fields of the forms), some key must have it
DYNAMIC: dict[str, list[str] | None] = {
    "card-status-": [s.value for s in CardStatus],
    "ecard-status-": [s.value for s in CardStatus],
    "relation-": [r.value for r in Relation],
    "holder-type-": [h.value for h in HolderType],
    "gender-": [g.value for g in Gender],
    "btn-edit-": [*(f.value for f in ProfileField), "gender"],
    "profile-prompt-": [*(f.value for f in ProfileField), "gender"],
    "profile-invalid-": [f.value for f in ProfileField],
    "command-": list(COMMANDS),
    "language-name-": list(SUPPORTED_LOCALES),
    "request-kind-": [k.value for k in RequestKind],
    "request-status-": [s.value for s in RequestStatus],
    "currency-": list(CURRENCIES),
    "specialty-": list(SPECIALTIES),
    "time-window-": list(TIME_WINDOWS),
    "staff-btn-": [a.value for a in StaffAction],
    "staff-ask-": [a.value for a in NEEDS_TEXT],
    "field-": None,
    "helpdesk-export-col-": list(EXPORT_COLUMNS),
    "request-file-": [k.value for k in DocumentKind],
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


def _strings_in_code() -> list[tuple[str, str]]:
    """Every string the code holds (each literal, and the literal start of an f-string), with
    where it is; the Bot API emulator has no texts of ours."""
    found = []
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "sandbox" in path.parts:
                continue
            tree = ast_module.parse(path.read_text(encoding="utf-8"))
            not_keys = {id(a) for call in ast_module.walk(tree) for a in _not_key_arguments(call)}
            for node in ast_module.walk(tree):
                if id(node) in not_keys:
                    continue
                if isinstance(node, ast_module.JoinedStr):
                    first = node.values[0] if node.values else None
                    if isinstance(first, ast_module.Constant) and isinstance(first.value, str):
                        # a start followed by a value: f"card-status-{status}"
                        found.append((first.value + "{}", f"{path}:{node.lineno}"))
                elif isinstance(node, ast_module.Constant) and isinstance(node.value, str):
                    found.append((node.value, f"{path}:{node.lineno}"))
    return found


def _not_key_arguments(node: ast_module.AST) -> list[ast_module.AST]:
    if not isinstance(node, ast_module.Call):
        return []
    func = node.func
    name = getattr(func, "id", None) or getattr(func, "attr", None)
    named = [k.value for k in node.keywords if k.arg in NOT_KEY_ARGUMENTS]
    return [*node.args, *named] if name in NOT_KEY_CALLS else named


def _used_in_code() -> tuple[set[str], set[str]]:
    """The whole keys and the key prefixes the code uses."""
    keys, prefixes = set(), set()
    for text, _where in _strings_in_code():
        built = text.endswith("{}")
        text = text.removesuffix("{}")
        if KEY.fullmatch(text) and not built and text not in NOT_KEYS:
            keys.add(text)
        elif PREFIX.fullmatch(text):
            prefixes.add(text)
    return keys, prefixes


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
    keys, prefixes = _used_in_code()
    assert len(keys) > 200  # the scan sees the code
    assert sorted(keys - english) == [], "keys used by the code that no .ftl has"
    assert sorted(prefixes - set(DYNAMIC)) == [], "keys built from a prefix DYNAMIC lacks"
    for prefix, values in DYNAMIC.items():
        assert prefix in prefixes, f"{prefix} is no longer used: drop it from DYNAMIC"
        if values is None:
            assert any(k.startswith(prefix) for k in english), prefix
        else:
            assert sorted(prefix + v for v in values if prefix + v not in english) == []


def test_a_misspelt_key_in_the_code_is_caught(monkeypatch):
    real = _strings_in_code()
    for typo in ("btn-bakc", "buton-back", "request-kindd-{}"):
        monkeypatch.setattr(f"{__name__}._strings_in_code", lambda t=typo: [*real, (t, "x.py:1")])
        with pytest.raises(AssertionError):
            test_every_key_the_code_uses_exists()


@pytest.mark.parametrize(
    ("locale", "pronoun"), [("ru", "её статус"), ("uk", "її статус")]
)  # fmt: skip
def test_the_sent_request_is_referred_to_as_feminine(locale: str, pronoun: str) -> None:
    """A request is «заявка», feminine: "its status" after it is «её» / «її», not «его» /
    «його» (as the confirmation every member reads said)."""
    sent = TranslatorHub().get(locale)("request-sent", number="R-000001")
    assert pronoun in sent


# what staff read: written to a colleague, "вы" in lower case there
STAFF_FACING = ("staff-", "staffcmd-", "helpdesk-", "command-staff-", "audit-", "import-")
POLITE_YOU = {
    "ru": re.compile(r"\b(вы|вас|вам|вами|ваш\w*)\b"),
    "uk": re.compile(r"\b(ви|вас|вам|вами|ваш\w*)\b"),
    "kk": re.compile(r"\b(сіз\w*)\b"),
}


def _text_of(message: ast.Message) -> str:
    parts: list[str] = []

    class Texts(Visitor):
        def visit_TextElement(self, node: ast.TextElement) -> None:  # noqa: N802
            parts.append(node.value)

    Texts().visit(message)
    return " ".join(parts)


@pytest.mark.parametrize("locale", sorted(POLITE_YOU))
def test_the_member_is_addressed_with_a_capital_you(locale: str) -> None:
    """A member is «Вы» / «Ви» / «Сіз», «Ваш», as in every other screen ("Ваше сообщение
    добавлено"): the /mydata screens, the rating's thanks and the error screen said «вас»,
    «ваш», «сіз»."""
    lower = [
        f"{key}: {match.group(0)}"
        for key, message in _keys(locale).items()
        if not key.startswith(STAFF_FACING)
        for match in POLITE_YOU[locale].finditer(_text_of(message))
    ]
    assert lower == []


# a Kazakh postposition or verb that needs a case ending on the word before it ("8
# желтоқсанНАН бастап", "14:30-ҒА дейін", "8 желтоқсанДА ашылады"): a placeholder cannot take
# one, so the date, time or number goes after a colon or in brackets ("ашылу күні: …")
CASE_AFTER_PLACEABLE = re.compile(
    r"\{ *\$\w+ *\}(?:</b>)?\s+(бастап|дейін|шейін|кейін|аяқталды|басталады|ашылады|"
    r"қоңырау|келіңіз|жеткізіледі)"
)


def test_no_kazakh_date_or_time_is_left_without_its_case_ending() -> None:
    """«<b>2026 ж. 8 желтоқсан</b> ашылады», «{ $date } бастап», «<b>{ $until }</b> дейін»
    read as broken Kazakh: the formatted date cannot take the ending the word after it asks
    for. None is left, in any text the bot sends."""
    found = [
        f"{key}: {match.group(0)}"
        for path in sorted((LOCALES_DIR / "kk").glob("*.ftl"))
        for key, line in _lines_by_key(path)
        for match in CASE_AFTER_PLACEABLE.finditer(line)
    ]
    assert found == []


def _lines_by_key(path: Path) -> list[tuple[str, str]]:
    """Each line of an .ftl file, with the key it belongs to."""
    key, lines = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if (start := re.match(r"([a-z][\w-]*) =", line)) is not None:
            key = start.group(1)
        lines.append((key, line))
    return lines
