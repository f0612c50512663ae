"""A request form left for the menu is kept, and "✏️ Continue" takes the member back to it.

A member halfway through a form who types /start or /menu, opens /mydata or /support, or presses
"📋 Open request" under a status message, used to lose every answer: those reset the dialog
stack. Now the form highest on the stack (on top, or under a screen opened over it), answered
at least in part and not yet sent, is kept in the member's FSM data (beside the dialog stack,
and erased with it: docs/privacy.md), and the menu offers it back at the step it was left on.
One draft is kept: a newer form left replaces it. /cancel and the form's own "Cancel" drop the
form (a draft kept before stays). A draft is kept as long as any unfinished form
(DRAFT_TTL_HOURS, docs/privacy.md: the retention sweep deletes its record after that); a
preferred day that passed in the meantime is caught when the form is sent
(`services/requests.py:_check_dates`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.api.entities import Context, Data
from aiogram_dialog.api.internal import DialogManagerFactory
from aiogram_dialog.api.protocols import DialogRegistryProtocol, MessageManagerProtocol
from aiogram_dialog.context.media_storage import MediaIdStorage
from aiogram_dialog.manager.manager import ManagerImpl
from aiogram_dialog.manager.manager_factory import DefaultManagerFactory
from aiogram_dialog.widgets.kbd import Button

from bot.i18n import Translator
from bot.services import cards
from bot.services.names import given_name
from dialogs.common import OFFER, SUGGEST, SUGGEST_MORE, now
from dialogs.forget import FINISHED
from dialogs.requests.common import (
    CALL_AHEAD,
    CLAIM_AHEAD,
    DOCS,
    LIST_AHEAD,
    SUBMISSION,
)
from dialogs.requests.dates import DATE_AHEAD
from dialogs.requests.named import named_label
from dialogs.requests.new import FORMS, make_active
from dialogs.states import AppointmentSG, MainSG
from dialogs.widgets.i18n import ERROR_KEY
from storage.models import Member

DRAFT = "draft"  # in the member's FSM data: the form left
# the request each form makes (`new.FORMS`: each kind's first step)
KINDS = {first.group: kind for kind, first in FORMS.items()}
STATES: dict[str, State] = {
    str(state.state): state for group in KINDS for state in group.__all_states__
}
# what a screen says once, and the messages kept for support: not the form's answers
_SHOWN_ONCE = frozenset({ERROR_KEY, OFFER, SUGGEST, SUGGEST_MORE})
# a form's own name for its draft when it opens: no answer
_NO_ANSWER = _SHOWN_ONCE | {SUBMISSION}
# what a form was opened with that its opening turns into answers (documents, and the words it
# was asked for with: a claim's date and amount, a call-back's topic, a list, a day): kept in
# its answers, and not handed to it again when it goes on (its opening would answer again, and
# move it on from the step it was left on)
_OPENING = frozenset({DOCS, CALL_AHEAD, CLAIM_AHEAD, LIST_AHEAD, DATE_AHEAD})


def form_draft(context: Context, at: datetime) -> dict[str, Any] | None:
    """The form `context` is on, as a draft to keep; None when it is no request form, was sent,
    or holds no answer yet."""
    group = context.state.group
    if group not in KINDS or str(context.state.state) in FINISHED:
        return None
    answers = {k: v for k, v in context.dialog_data.items() if k not in _SHOWN_ONCE}
    if (
        context.state == FORMS[KINDS[group]]
        and not set(answers) - _NO_ANSWER
        and not context.widget_data
    ):
        return None
    return {
        "state": str(context.state.state),
        "start_data": (
            {k: v for k, v in context.start_data.items() if k not in _OPENING}
            if isinstance(context.start_data, dict)
            else context.start_data
        ),
        "dialog_data": answers,
        "widget_data": context.widget_data,
        "at": at.isoformat(),
    }


def fresh(draft: Any, manager: DialogManager) -> dict[str, Any] | None:
    """`draft` if it is one kept less than DRAFT_TTL_HOURS ago, of a form that still exists."""
    if not isinstance(draft, dict) or draft.get("state") not in STATES:
        return None
    try:
        kept = datetime.fromisoformat(draft["at"])
    except (KeyError, TypeError, ValueError):
        return None
    ttl = timedelta(hours=manager.middleware_data["settings"].draft_ttl_hours)
    return draft if now(manager) - kept < ttl else None


class DraftKeepingManager(ManagerImpl):
    """aiogram-dialog's manager; a reset of the stack to the menu keeps the request form left
    on top (`form_draft`) in the member's FSM data (aiogram's own record of the chat, read in
    the statement that reads the dialog stack: `storage/fsm.py:prefetch`)."""

    async def start(
        self,
        state: State,
        data: Data = None,
        mode: StartMode = StartMode.NORMAL,
        show_mode: ShowMode | None = None,
        access_settings: Any = None,
    ) -> None:
        # /cancel leaves the form on purpose; any other way to the menu keeps it
        cancelled = isinstance(data, dict) and data.get("notice") == "cancelled"
        if mode is StartMode.RESET_STACK and state.group is MainSG and not cancelled:
            left = await self._form_left(now(self))
            fsm = _fsm(self)
            if left is not None and fsm is not None:
                # the card it is made on: the family member's it was for, whichever is active
                # when it goes on
                member: Member | None = self.middleware_data.get("member")
                left["card_id"] = member.active_card_id if member is not None else None
                await fsm.update_data({DRAFT: left})
        await super().start(state, data, mode, show_mode, access_settings)

    async def _form_left(self, at: datetime) -> dict[str, Any] | None:
        """The request form highest on the stack, as a draft (`form_draft`): the one on top, or
        the one under a screen opened over it ("📄 Show in full", the language); its lower
        contexts are read only when the top is no form."""
        top = self._current_context_unsafe()
        if top is None or top.state.group in KINDS:
            return form_draft(top, at) if top is not None else None
        storage = self.storage()
        for intent_id in reversed(self.current_stack().intents[:-1]):
            context = await storage.load_context(intent_id)
            if context.state.group in KINDS:
                return form_draft(context, at)
        return None


def _fsm(manager: DialogManager) -> FSMContext | None:
    """The chat's FSM record (aiogram's FSM middleware puts it there for every update of a
    chat; None for one without)."""
    state: FSMContext | None = manager.middleware_data.get("state")
    return state


async def kept_draft(manager: DialogManager) -> dict[str, Any] | None:
    """The form kept for the member, if one is, and fresh (`fresh`)."""
    fsm = _fsm(manager)
    return fresh((await fsm.get_data()).get(DRAFT), manager) if fsm is not None else None


class DraftKeepingManagerFactory(DefaultManagerFactory):
    def __call__(
        self, event: Any, data: dict[str, Any], registry: DialogRegistryProtocol, router: Any
    ) -> DraftKeepingManager:
        return DraftKeepingManager(
            event=event,
            data=data,
            message_manager=self.message_manager,
            media_id_storage=self.media_id_storage,
            registry=registry,
            router=router,
            getter=self.getter,
        )


def manager_factory(message_manager: MessageManagerProtocol) -> DialogManagerFactory:
    """aiogram-dialog's own factory (`setup_dialogs` builds it with these), making the manager
    that keeps a form left for the menu."""
    return DraftKeepingManagerFactory(
        message_manager=message_manager, media_id_storage=MediaIdStorage(), getter=None
    )


async def draft_label(
    manager: DialogManager, i18n: Translator, card_list: list[cards.CardView]
) -> str:
    """ "🩺 Doctor appointment · Cardiologist": the request the kept draft makes, as a button
    says it (plain text: escape it for a message), and with a family's cards (`card_list`, the
    member's) whose card it is on ("… · Софія"); "" with none."""
    draft = await kept_draft(manager)
    if draft is None:
        return ""
    group = STATES[draft["state"]].group
    specialty = draft["dialog_data"].get("specialty") if group is AppointmentSG else None
    on = next((c for c in card_list if c.card_id == draft.get("card_id")), None)
    whose = given_name(on.holder_name) if on is not None and len(card_list) > 1 else ""
    return named_label(
        (KINDS[group], specialty if isinstance(specialty, str) else None), i18n, whose
    )


async def on_continue(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """ "✏️ Continue: …": the form kept, at the step it was left on, with its answers (no
    longer kept: a form left again is kept again)."""
    fsm = _fsm(manager)
    data = await fsm.get_data() if fsm is not None else {}
    if fsm is not None and DRAFT in data:
        draft = fresh(data.pop(DRAFT), manager)
        await fsm.set_data(data)
    else:
        draft = None
    if draft is None:
        return  # gone stale since the menu was drawn: the menu again, without it
    member: Member = manager.middleware_data["member"]
    card_id = draft.get("card_id")
    if isinstance(card_id, int) and card_id != member.active_card_id:
        # on the card it was begun on (a child's), made the active one again, as "👥 For
        # another person" does; a card unlinked since: the active one (the summary says whose)
        await make_active(manager, card_id)
    await manager.start(
        STATES[draft["state"]], data=draft["start_data"], show_mode=ShowMode.NO_UPDATE
    )
    context = manager.current_context()
    # the form's opening (a new submission token) gives way to what was kept
    context.dialog_data.clear()
    context.dialog_data.update(draft["dialog_data"])
    context.widget_data.update(draft["widget_data"] or {})
    manager.show_mode = ShowMode.EDIT
    await manager.show()
