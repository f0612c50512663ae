"""Fluent translations loaded from `locales/<lang>/*.ftl` (no aiogram here)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
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


class _Selectors(Visitor):
    """The variables a message (and the messages it references) selects on."""

    def __init__(self, bundle: FluentBundle) -> None:
        self.bundle = bundle
        self.names: set[str] = set()
        self.seen: set[str] = set()

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:  # noqa: N802
        selector: ast.BaseNode = node.selector
        if isinstance(selector, ast.FunctionReference) and selector.arguments.positional:
            selector = selector.arguments.positional[0]
        if isinstance(selector, ast.VariableReference):
            self.names.add(selector.id.name)
        self.generic_visit(node)

    def visit_MessageReference(self, node: ast.MessageReference) -> None:  # noqa: N802
        name = node.id.name
        if name not in self.seen and self.bundle.has_message(name):
            self.seen.add(name)
            self.visit(self.bundle.get_message(name).value)


class Translator:
    """Formats messages of one language."""

    def __init__(self, locale: str, bundle: FluentBundle) -> None:
        self.locale = locale
        self._bundle = bundle
        self._selectors: dict[str, frozenset[str]] = {}

    def _selected_on(self, key: str, pattern: Any) -> frozenset[str]:
        if key not in self._selectors:
            visitor = _Selectors(self._bundle)
            visitor.visit(pattern)
            self._selectors[key] = frozenset(visitor.names)
        return self._selectors[key]

    def __call__(self, key: str, **args: Any) -> str:
        if not self._bundle.has_message(key):
            raise MissingTranslationError(f"{self.locale}: {key}")
        message = self._bundle.get_message(key)
        if message.value is None:
            raise MissingTranslationError(f"{self.locale}: {key} has no value")
        texts: list[str] = []
        fluent_args: dict[str, Any] = {}
        selected_on = self._selected_on(key, message.value)
        for name, value in args.items():
            if isinstance(value, str) and name not in selected_on:
                fluent_args[name] = _SLOT.format(len(texts))
                texts.append(value)
            else:
                fluent_args[name] = value
        frame, errors = self._bundle.format_pattern(message.value, fluent_args)
        if errors:
            raise MissingTranslationError(f"{self.locale}: {key}: {errors[0]}")
        # one pass over the frame only: a token typed by a member is never expanded
        return _SLOTS.sub(lambda m: texts[int(m.group(1))], str(frame))

    def has(self, key: str) -> bool:
        return self._bundle.has_message(key)


@lru_cache(maxsize=512)
def _parsed(text: str) -> ast.Resource:
    """An .ftl file's text, parsed once per process: parsing every file of the four languages
    takes about a second, and each hub (the dispatcher's, the deliverer's, the scheduler's, a
    test's) would do it again. Bundles compile their own messages from the shared syntax tree
    and never change it. Without source positions (`FluentResource` keeps a `Span` on every
    node, which nothing here reads): the four languages' trees take 2.5 MB instead of 4.3."""
    return FluentParser(with_spans=False).parse(text)


class TranslatorHub:
    """Every supported language, loaded once at start-up."""

    def __init__(self, locales_dir: Path = LOCALES_DIR, default: str = "en") -> None:
        self.default = default
        self._translators: dict[str, Translator] = {}
        for locale in SUPPORTED_LOCALES:
            bundle = FluentBundle([locale], use_isolating=False)
            for path in sorted((locales_dir / locale).glob("*.ftl")):
                bundle.add_resource(_parsed(path.read_text(encoding="utf-8")))
            self._translators[locale] = Translator(locale, bundle)

    @property
    def locales(self) -> Iterable[str]:
        return self._translators.keys()

    def get(self, locale: str | None) -> Translator:
        return self._translators.get(locale or "", self._translators[self.default])

    def pick(self, telegram_language_code: str | None) -> str:
        """The supported locale for a Telegram `language_code` such as `uk` or `ru-RU`."""
        code = (telegram_language_code or "").split("-")[0].lower()
        return code if code in self._translators else self.default
