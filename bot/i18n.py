"""Fluent translations loaded from `locales/<lang>/*.ftl` (no aiogram here)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from bot.config import SUPPORTED_LOCALES

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"


class MissingTranslationError(KeyError):
    """A key the code asked for is absent from a locale: a bug, never shown as a raw key."""


class Translator:
    """Formats messages of one language."""

    def __init__(self, locale: str, bundle: FluentBundle) -> None:
        self.locale = locale
        self._bundle = bundle

    def __call__(self, key: str, **args: Any) -> str:
        if not self._bundle.has_message(key):
            raise MissingTranslationError(f"{self.locale}: {key}")
        message = self._bundle.get_message(key)
        if message.value is None:
            raise MissingTranslationError(f"{self.locale}: {key} has no value")
        text, errors = self._bundle.format_pattern(message.value, args)
        if errors:
            raise MissingTranslationError(f"{self.locale}: {key}: {errors[0]}")
        return str(text)

    def has(self, key: str) -> bool:
        return self._bundle.has_message(key)


class TranslatorHub:
    """Every supported language, loaded once at start-up."""

    def __init__(self, locales_dir: Path = LOCALES_DIR, default: str = "en") -> None:
        self.default = default
        self._translators: dict[str, Translator] = {}
        for locale in SUPPORTED_LOCALES:
            bundle = FluentBundle([locale], use_isolating=False)
            for path in sorted((locales_dir / locale).glob("*.ftl")):
                bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
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
