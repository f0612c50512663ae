"""Opening a `/start <payload>` link: the screen it points to, after onboarding if needed.

A link that needs cards (a request page, the cards) waits for a member who has none: the phone
step is opened with the payload in its start data, and once the phone links cards the member
lands where the link pointed (`dialogs/phone.py:on_contact`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram_dialog import DialogManager, StartMode
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import cards, requests
from bot.services.deeplinks import NEEDS_CARDS, DeepLink, LinkKind, parse
from dialogs.common import open_over_menu, today
from dialogs.states import ActivationSG, CardsSG, MainSG, MyRequestsSG, PhoneSG, SupportSG
from storage.models import Member

PAYLOAD = "deep_link"  # the start data key that carries a link through onboarding


async def _menu(manager: DialogManager, notice: str | None = None) -> None:
    data = {"notice": notice} if notice else None
    await manager.start(MainSG.menu, mode=StartMode.RESET_STACK, data=data)


async def _request(manager: DialogManager, link: DeepLink) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    assert link.request_id is not None
    try:
        await requests.page_of(session, member, link.request_id)  # only the member's own
    except requests.RequestNotFoundError:
        await _menu(manager, "link_not_yours")
        return
    await open_over_menu(manager, MyRequestsSG.detail, {"request_id": link.request_id})


async def _cards(manager: DialogManager, _link: DeepLink) -> None:
    await open_over_menu(manager, CardsSG.list)


async def _support(manager: DialogManager, _link: DeepLink) -> None:
    await open_over_menu(manager, SupportSG.info)


async def _activate(manager: DialogManager, link: DeepLink) -> None:
    assert link.insured_id is not None
    # the ID is the member's own data from the link: the step shows it (escaped), never logged
    await open_over_menu(manager, ActivationSG.birth_date, {"insured_id": link.insured_id})
    manager.dialog_data["insured_id"] = link.insured_id


async def _unknown(manager: DialogManager, _link: DeepLink) -> None:
    await _menu(manager)


OPENERS: dict[LinkKind, Callable[[DialogManager, DeepLink], Awaitable[None]]] = {
    LinkKind.REQUEST: _request,
    LinkKind.CARDS: _cards,
    LinkKind.SUPPORT: _support,
    LinkKind.ACTIVATE: _activate,
    LinkKind.MENU: _unknown,
}


async def open_link(manager: DialogManager, payload: str, *, onboarded: bool = False) -> None:
    """Open what `payload` points to; a member without cards confirms the phone first."""
    link = parse(payload)
    if link.kind in NEEDS_CARDS and not onboarded:
        session: AsyncSession = manager.middleware_data["session"]
        member: Member = manager.middleware_data["member"]
        if not await cards.list_cards(session, member, today(manager)):
            if member.phone_confirmed_at is None:
                await open_over_menu(manager, PhoneSG.share, {PAYLOAD: payload})
            else:
                await _menu(manager, "link_needs_card")
            return
    await OPENERS[link.kind](manager, link)
