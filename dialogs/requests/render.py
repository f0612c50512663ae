"""A request's answers as readable lines in the member's language (see `bot.render`)."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot import render


def detail_lines(details: dict[str, Any], manager: DialogManager) -> str:
    return render.detail_lines(details, manager.middleware_data["i18n"])
