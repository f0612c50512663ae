"""An event goes straight to the dialog that owns its dialog context (issue 12 goal 1).

aiogram offers an event to a router's sub-routers one after another until one takes it. Each
aiogram-dialog `Dialog` is such a router, every observer of it filtered by `IntentFilter`: it
takes an event only when the dialog context loaded for the event is in its states group.
aiogram-dialog's intent middleware (`aiogram_dialog/context/intent_middleware.py`, an outer
middleware of the dispatcher's observers) puts that context in the event's data under
`aiogd_context` before any router runs. With the member's ~20 dialogs under one router, a date
typed in a form near the end was offered to every dialog before it: each a `propagate_event`,
its outer middlewares wrapped, its intent filter checked, only to say no.
"""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.fsm.state import StatesGroup
from aiogram.types import TelegramObject
from aiogram_dialog import Dialog
from aiogram_dialog.api.entities import Context
from aiogram_dialog.api.internal import CONTEXT_KEY


class DialogSwitch(Router):
    """Holds dialogs only; an event with a dialog context goes to the dialog whose states group
    owns it, any other event through aiogram's propagation as before.

    What it skips is only what would refuse the event anyway: the other dialogs here, whose
    `IntentFilter` compares that same context's group with their own (a states group belongs to
    one dialog: `include_router` refuses a second, as aiogram-dialog's registry does). So when
    the owner leaves the event UNHANDLED (a button without data, which `MemberDialog` filters
    out), the answer is UNHANDLED as before and the routers after this one (the fallback router)
    get it as before. Events without a context (no dialog open, a stack the access validator
    refused, kinds the intent middleware does not load one for) and a context of a dialog not
    held here go through `Router.propagate_event` unchanged.

    The switch itself must stay bare (no handlers, filters or middlewares of its own, which the
    direct route would skip): put them on the router that includes it.
    """

    def __init__(self, *, name: str | None = None) -> None:
        super().__init__(name=name)
        self._owners: dict[type[StatesGroup], Dialog] = {}

    def include_router(self, router: Router) -> Router:
        if not isinstance(router, Dialog):
            raise TypeError(f"a DialogSwitch holds dialogs only, not {router!r}")
        group = router.states_group()
        if group in self._owners:
            raise ValueError(f"{group.__name__} is the states group of two dialogs")
        self._owners[group] = router
        return super().include_router(router)

    async def propagate_event(self, update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        context: Context | None = kwargs.get(CONTEXT_KEY)
        owner = self._owners.get(context.state.group) if context is not None else None
        if owner is None:
            return await super().propagate_event(update_type, event, **kwargs)
        return await owner.propagate_event(update_type, event, **kwargs)
