"""Fluent translations loaded from `locales/<lang>/*.ftl` (no aiogram here)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.config import SUPPORTED_LOCALES

# bot/locales links to the top-level locales/ (so the wheel carries them: pyproject.toml)
LOCALES_DIR = Path(__file__).resolve().parent / "locales"


# Text arguments are spliced in after Fluent has formatted the frame: fluent.runtime refuses a
# placeable over 2,500 characters, and a member's list or a request's history can be longer.
# Each one enters Fluent as a short private-use token instead, except a variable the message
# selects on (`{ $today -> [yes] … }`): that one is a code, not text, and Fluent needs it.
_SLOT = "\ue000{}\ue001"
_SLOTS = re.compile("\ue000(\\d+)\ue001")


class MissingTranslationError(KeyError):
    """A key the code asked for is absent from a locale: a bug, never shown as a raw key."""


@dataclass(frozen=True)
class _Shape:
    """What formatting a message takes: the variables it reads and those it selects on (the
    messages and terms it references included), and whether it formats anything by its
    language's rules on its own (a number literal, a function such as NUMBER, a selector)."""

    variables: frozenset[str]
    selected: frozenset[str]
    by_rules: bool


class _ShapeOf(Visitor):
    def __init__(self, entries: Mapping[str, ast.Message | ast.Term]) -> None:
        self.entries = entries
        self.variables: set[str] = set()
        self.selected: set[str] = set()
        self.by_rules = False
        self.seen: set[str] = set()

    def shape(self, node: ast.BaseNode) -> _Shape:
        self.visit(node)
        return _Shape(frozenset(self.variables), frozenset(self.selected), self.by_rules)

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:  # noqa: N802
        self.by_rules = True
        selector: ast.BaseNode = node.selector
        if isinstance(selector, ast.FunctionReference) and selector.arguments.positional:
            selector = selector.arguments.positional[0]
        if isinstance(selector, ast.VariableReference):
            self.selected.add(selector.id.name)
        self.generic_visit(node)

    def visit_NumberLiteral(self, node: ast.NumberLiteral) -> None:  # noqa: N802
        self.by_rules = True

    def visit_FunctionReference(self, node: ast.FunctionReference) -> None:  # noqa: N802
        self.by_rules = True
        self.generic_visit(node)

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.variables.add(node.id.name)

    def _follow(self, key: str) -> None:
        if key not in self.seen and key in self.entries:
            self.seen.add(key)
            self.visit(self.entries[key])

    def visit_MessageReference(self, node: ast.MessageReference) -> None:  # noqa: N802
        self._follow(node.id.name)

    def visit_TermReference(self, node: ast.TermReference) -> None:  # noqa: N802
        self._follow("-" + node.id.name)
        self.generic_visit(node)


class Translator:
    """Formats messages of one language.

    Babel's data for a language (its plural rule, number and date formats: 1-2 MB each, read
    whole when `FluentBundle` is built) is loaded only when a message formats something by the
    language's rules: a number, a date, a plural or another selector. Plain text, and text with
    string arguments, is formatted by a bundle of the same messages on Babel's root locale
    (which every language inherits from, so its data is loaded whatever the language): the
    result does not depend on the locale. The command menus registered in every language at
    start-up are such text, so a language no one uses costs no Babel data."""

    def __init__(self, locale: str, resources: Iterable[ast.Resource]) -> None:
        self.locale = locale
        self._resources = tuple(resources)
        self._entries: dict[str, ast.Message | ast.Term] = {}
        for resource in self._resources:
            for entry in resource.body:
                if isinstance(entry, ast.Message | ast.Term):
                    key = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
                    self._entries.setdefault(key, entry)  # the first one, as FluentBundle does
        self._shapes: dict[str, _Shape] = {}
        # messages with no variable and nothing formatted by the language's rules (most button
        # labels): their text does not depend on anything, so it is formatted once
        self._constant: dict[str, str] = {}

    def _bundle(self, locale: str) -> FluentBundle:
        bundle = FluentBundle([locale], use_isolating=False)
        for resource in self._resources:
            bundle.add_resource(resource)
        return bundle

    @cached_property
    def _text(self) -> FluentBundle:
        return self._bundle("root")

    @cached_property
    def _by_rules(self) -> FluentBundle:
        return self._bundle(self.locale)

    def _shape(self, key: str) -> _Shape:
        message = self._entries.get(key)
        if not isinstance(message, ast.Message):
            raise MissingTranslationError(f"{self.locale}: {key}")
        if message.value is None:
            raise MissingTranslationError(f"{self.locale}: {key} has no value")
        shape = self._shapes[key] = _ShapeOf(self._entries).shape(message.value)
        return shape

    def _bundle_for(self, shape: _Shape, args: dict[str, Any]) -> FluentBundle:
        if shape.by_rules:
            return self._by_rules
        for name in shape.variables:
            if name in args and not isinstance(args[name], str):
                return self._by_rules
        return self._text

    def variables(self, key: str) -> frozenset[str]:
        """The variables the message reads (those of the messages and terms it references
        included): what a caller needs to prepare, and all that formatting looks at."""
        return (self._shapes.get(key) or self._shape(key)).variables

    def __call__(self, key: str, **args: Any) -> str:
        constant = self._constant.get(key)
        if constant is not None:
            return constant
        shape = self._shapes.get(key) or self._shape(key)
        texts: list[str] = []
        fluent_args: dict[str, Any] = {}
        for name, value in args.items():
            if name not in shape.variables:
                continue  # Fluent would convert it and never read it
            if isinstance(value, str) and name not in shape.selected:
                fluent_args[name] = _SLOT.format(len(texts))
                texts.append(value)
            else:
                fluent_args[name] = value
        bundle = self._bundle_for(shape, args)
        pattern = bundle.get_message(key).value
        assert pattern is not None  # a message without a value was refused by `_shape`
        frame, errors = bundle.format_pattern(pattern, fluent_args)
        if errors:
            raise MissingTranslationError(f"{self.locale}: {key}: {errors[0]}")
        if not shape.variables and not shape.by_rules:
            self._constant[key] = str(frame)
            return str(frame)
        # one pass over the frame only: a token typed by a member is never expanded
        return _SLOTS.sub(lambda m: texts[int(m.group(1))], str(frame))

    def has(self, key: str) -> bool:
        return isinstance(self._entries.get(key), ast.Message)


@lru_cache(maxsize=512)
def _parsed(text: str) -> ast.Resource:
    """An .ftl file's text, parsed once per process: parsing every file of the four languages
    takes about a second, and each hub (the dispatcher's, the deliverer's, the scheduler's, a
    test's) would do it again. Bundles compile their own messages from the shared syntax tree
    and never change it. Without source positions (`FluentResource` keeps a `Span` on every
    node, which nothing here reads): the four languages' trees take 2.5 MB instead of 4.3."""
    return FluentParser(with_spans=False).parse(text)


class TranslatorHub:
    """Every supported language: its files parsed once at start-up, its Babel data when a
    message first needs it (`Translator`)."""

    def __init__(self, locales_dir: Path = LOCALES_DIR, default: str = "en") -> None:
        self.default = default
        self._translators: dict[str, Translator] = {}
        for locale in SUPPORTED_LOCALES:
            paths = sorted((locales_dir / locale).glob("*.ftl"))
            resources = [_parsed(path.read_text(encoding="utf-8")) for path in paths]
            self._translators[locale] = Translator(locale, resources)

    @property
    def locales(self) -> Iterable[str]:
        return self._translators.keys()

    def get(self, locale: str | None) -> Translator:
        return self._translators.get(locale or "", self._translators[self.default])

    def pick(self, telegram_language_code: str | None) -> str:
        """The supported locale for a Telegram `language_code` such as `uk` or `ru-RU`."""
        code = (telegram_language_code or "").split("-")[0].lower()
        return code if code in self._translators else self.default
