"""Language choice, reachable at any time with /language."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager, StartMode
from aiogram_dialog.widgets.kbd import Column, Select
from aiogram_dialog.widgets.text import Format
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import SUPPORTED_LOCALES
from bot.i18n import Translator, TranslatorHub
from bot.services import members
from bot.services.forms import plain_phrase, without_opening
from bot.services.languages import LANGUAGE_WORDS, NOT_SPOKEN, language_asked
from dialogs.common import (
    CHOSEN_MARK,
    MemberDialog,
    commit_now,
    member_window,
    set_notice,
    typed_choice,
)
from dialogs.states import LanguageSG, MainSG
from dialogs.widgets import I18nFormat
from storage.models import Member


async def languages_getter(i18n: Translator, **_: Any) -> dict[str, Any]:
    items = [
        (code, (CHOSEN_MARK if code == i18n.locale else "") + i18n(f"language-name-{code}"))
        for code in SUPPORTED_LOCALES
    ]
    return {"languages": items}


async def switched_language(message: Message, manager: DialogManager) -> bool:
    """On a screen that asks nothing, a language asked for in words ("на русском", "English
    please", "говорите по-украински"): the bot speaks it from now on, as if picked on
    /language (the one it speaks already: it says so; one it does not speak, "Sprechen Sie
    Deutsch?": which it speaks); False for any other message."""
    text = message.text or ""
    if any(ch.isdigit() for ch in text):
        return False  # ("KZ-100002 01.02.2015": an insured ID, not "kz")
    # (a greeting it opens with, "Здравствуйте, на русском можно?", is no word of it)
    code = language_asked(plain_phrase(without_opening(text) or text).split())
    i18n: Translator = manager.middleware_data["i18n"]
    if code is None:
        return False
    if code == NOT_SPOKEN:
        set_notice(manager, "language-not-spoken")
    elif code == i18n.locale:
        set_notice(manager, "language-same")
    else:
        await on_language(message, None, manager, code)
    return True


async def on_language(
    _event: CallbackQuery | Message, _widget: Any, manager: DialogManager, code: str
) -> None:
    member: Member = manager.middleware_data["member"]
    session: AsyncSession = manager.middleware_data["session"]
    hub: TranslatorHub = manager.middleware_data["translators"]
    if code not in SUPPORTED_LOCALES:
        return  # forged data: no button offers it; the step stays as it is
    members.set_language(member, code)
    session.add(member)
    if not await commit_now(manager):
        return
    manager.middleware_data["i18n"] = hub.get(code)
    if len(manager.current_stack().intents) > 1:
        await manager.done()
    else:
        await manager.start(MainSG.menu, mode=StartMode.RESET_STACK)


def language_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            I18nFormat("language-choose"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="lang",
                    item_id_getter=itemgetter(0),
                    items="languages",
                    on_click=on_language,
                ),
            ),
            # a language typed ("русский", "на казахском", "eng") is taken as its button
            typed_choice("languages", languages_getter, on_language, LANGUAGE_WORDS),
            getter=languages_getter,
            state=LanguageSG.select,
        ),
    )
