"""Text widgets that render Fluent messages in the member's language."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.common import WhenCondition
from aiogram_dialog.widgets.text import Text

from bot.i18n import Translator

ERROR_KEY = "error"
WARNING = "⚠️"


def _fluent_args(data: dict[str, Any], names: frozenset[str], escape: bool) -> dict[str, Any]:
    """The values among `data` that the message reads (`names`), as Fluent takes them."""
    args: dict[str, Any] = {}
    for name in names:
        value = data.get(name)
        if isinstance(value, str):
            args[name] = html.escape(value, quote=False) if escape else value
        elif isinstance(value, int | float | date) and not isinstance(value, bool):
            args[name] = value
    return args


class I18nFormat(Text):
    """A Fluent message; getter values become its variables (HTML-escaped for messages)."""

    def __init__(self, key: str, when: WhenCondition = None, *, escape: bool = True) -> None:
        super().__init__(when=when)
        self.key = key
        self.escape = escape

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        i18n: Translator = manager.middleware_data["i18n"]
        return i18n(self.key, **_fluent_args(data, i18n.variables(self.key), self.escape))


class I18nButtonText(I18nFormat):
    """A Fluent message for a button label (buttons show no HTML, so nothing is escaped)."""

    def __init__(self, key: str, when: WhenCondition = None) -> None:
        super().__init__(key, when, escape=False)


class I18nError(Text):
    """The last validation error of this dialog, if any (set with `dialogs.common.set_error`);
    its text arguments HTML-escaped, as a getter's are (what a member typed may be one: "<b>в
    8:30" is shown as typed, not taken for a tag)."""

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        error = manager.dialog_data.get(ERROR_KEY)
        if not error:
            return ""
        i18n: Translator = manager.middleware_data["i18n"]
        text = _line(error, i18n)
        # a message that is also shown on its own (a toast, a reply) carries its own sign, and
        # a notice (`set_notice`) is no warning
        text = text if error.get("notice") or text.startswith(WARNING) else f"{WARNING} {text}"
        # and the lines said with it (`also_notice`)
        return "\n".join([text, *(_line(more, i18n) for more in error.get("more", ()))])


def _line(shown: dict[str, Any], i18n: Translator) -> str:
    """A message shown above the step (`ERROR_KEY`, or one of its `more`), its args escaped."""
    args = {
        name: html.escape(value, quote=False) if isinstance(value, str) else value
        for name, value in shown.get("args", {}).items()
    }
    return i18n(shown["key"], **args)
