"""A Translator formats plain text without its language's Babel data, and every message comes out
as a FluentBundle of its own language formats it (`bot/i18n.py:Translator`)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.i18n import MissingTranslationError, Translator, TranslatorHub

HUB = TranslatorHub()


class _Variables(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)


def _own_bundle(translator: Translator) -> FluentBundle:
    bundle = FluentBundle([translator.locale], use_isolating=False)
    for resource in translator._resources:
        bundle.add_resource(resource)
    return bundle


def _formatted(bundle: FluentBundle, key: str, args: dict[str, Any]) -> str | None:
    pattern = bundle.get_message(key).value
    assert pattern is not None
    text, errors = bundle.format_pattern(pattern, args)
    return None if errors else str(text)


@pytest.mark.parametrize("locale", ["uk", "ru", "kk", "en"])
def test_every_message_formats_as_in_its_own_language(locale: str) -> None:
    translator = HUB.get(locale)
    own = _own_bundle(translator)
    compared = 0
    for resource in translator._resources:
        for entry in resource.body:
            if not isinstance(entry, ast.Message) or entry.value is None:
                continue
            found = _Variables()
            found.visit(entry)
            # text, codes a message selects on, numbers (plural forms among them), dates
            for value in ("x < y", "yes", 1, 3, 12345, 2.5, date(2025, 3, 1)):
                args = dict.fromkeys(found.names, value) | {"unused": 7}
                expected = _formatted(own, entry.id.name, args)
                try:
                    shown: str | None = translator(entry.id.name, **args)
                except MissingTranslationError:
                    shown = None
                assert shown == expected, (entry.id.name, value)
                compared += 1
    assert compared > 1000


def test_plain_text_reads_no_language_data_and_a_number_does() -> None:
    resource = FluentParser().parse(
        "hello = Hello, { $name }!\n"
        "count = { $n ->\n    [one] one file\n   *[other] { $n } files\n}\n"
        "id = Request { $id }\n"
    )
    translator = Translator("en", [resource])

    assert translator("hello", name="Ann", cards=2) == "Hello, Ann!"
    assert "_by_rules" not in vars(translator)  # its own bundle not built
    assert translator("id", id=12345) == "Request 12,345"
    assert translator("count", n=1) == "one file"
    assert "_by_rules" in vars(translator)


def test_a_label_is_formatted_once_and_fluent_gets_only_the_variables_a_message_reads() -> None:
    resource = FluentParser().parse(
        "label = Open\nhello = Hello, { $name }!\ngreet = { hello } Welcome.\n"
    )
    translator = Translator("en", [resource])
    bundle = translator._text
    passed: list[dict[str, Any]] = []
    format_pattern = bundle.format_pattern

    def spy(pattern: Any, args: dict[str, Any] | None = None) -> Any:
        passed.append(dict(args or {}))
        return format_pattern(pattern, args)

    bundle.format_pattern = spy  # type: ignore[method-assign]

    assert translator("label") == translator("label", name="Ann") == "Open"
    assert len(passed) == 1  # the same text every time: formatted once

    assert translator.variables("greet") == {"name"}  # through the message it references
    assert translator("greet", name="<Ann>", policy="HP-1", cards=3) == "Hello, <Ann>! Welcome."
    assert translator("greet", name="Bo") == "Hello, Bo! Welcome."  # never cached: it reads $name
    assert [set(args) for args in passed[1:]] == [{"name"}, {"name"}]
    with pytest.raises(MissingTranslationError):
        translator("greet")  # a variable it reads is still required


def test_the_cards_linked_notice_speaks_of_one_card_as_one() -> None:
    """ "An insurance card was added … to see them" read as two cards; each count has its own
    sentence."""
    en = HUB.get("en")
    assert en("notify-cards-linked", count=1).endswith("Open “My cards” to see it.")
    assert en("notify-cards-linked", count=3).startswith("🎉 3 insurance cards were added")
    assert en("notify-cards-linked", count=3).endswith("to see them.")


def test_staff_are_told_of_an_erasure_with_the_count_of_requests_kept_in_its_own_form() -> None:
    """ "1 of their requests are kept" (and "1 його заявок") read wrong; each count has its
    form."""
    en, uk = HUB.get("en"), HUB.get("uk")
    said = en("privacy-staff-member-erased", member="#1", kept=1)
    assert "Their request is kept for the insurer's records" in said
    assert "2 of their requests are kept" in en("privacy-staff-member-erased", member="#1", kept=2)
    assert "No request of theirs" in en("privacy-staff-member-erased", member="#1", kept=0)
    assert "1 його заявку збережено" in uk("privacy-staff-member-erased", member="#1", kept=1)
    assert "5 його заявок збережено" in uk("privacy-staff-member-erased", member="#1", kept=5)
