"""A request's answers as readable lines, for summaries and the request page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from aiogram_dialog import DialogManager
from babel.numbers import format_currency

from bot.i18n import Translator
from dialogs.common import fmt_date

# detail keys whose values are themselves keys of a label family
LABELLED = {"time_window": "time-window-", "specialty": "specialty-", "currency": "currency-"}
HIDDEN = {"currency"}  # shown together with the amount


def value_text(key: str, value: Any, details: dict[str, Any], manager: DialogManager) -> str:
    i18n: Translator = manager.middleware_data["i18n"]
    if key.endswith("_date") and isinstance(value, str):
        return fmt_date(date.fromisoformat(value), manager)
    if key == "amount":
        return format_currency(Decimal(value), details.get("currency", ""), locale=i18n.locale)
    prefix = LABELLED.get(key)
    if prefix and i18n.has(prefix + str(value)):
        return i18n(prefix + str(value))
    return str(value)


def detail_lines(details: dict[str, Any], manager: DialogManager) -> str:
    """`Label: value` per answered field, labels from `field-<key>`."""
    i18n: Translator = manager.middleware_data["i18n"]
    lines = []
    for key, value in details.items():
        if key in HIDDEN or value in (None, "", []):
            continue
        lines.append(f"{i18n('field-' + key)}: {value_text(key, value, details, manager)}")
    return "\n".join(lines)
