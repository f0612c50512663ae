"""A dialog whose screens never fail: a rendering error becomes a short apology."""

from __future__ import annotations

import logging

from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.api.entities import EVENT_CONTEXT_KEY, NewMessage

from bot.i18n import Translator

logger = logging.getLogger(__name__)


class SafeDialog(Dialog):
    """Renders through `Dialog.render`; if a getter or a widget fails, the member gets an
    apology in their language instead of an exception.

    An exception here would roll back the whole update, the member's input with it, and
    leave the member with no answer; what the handlers stored is kept instead.
    """

    async def render(self, manager: DialogManager) -> NewMessage:
        try:
            return await super().render(manager)
        except Exception:
            logger.exception("a screen of %s could not be rendered", self.states_group_name())
        i18n: Translator = manager.middleware_data["i18n"]
        event_context = manager.middleware_data.get(EVENT_CONTEXT_KEY)
        return NewMessage(
            chat=manager.middleware_data["event_chat"],
            thread_id=getattr(event_context, "thread_id", None),
            text=i18n("render-failed"),
        )
