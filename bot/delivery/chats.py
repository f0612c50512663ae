"""Several staff chats: each notification for staff goes to the chat its request was routed to
(STAFF_ROUTES; the default chat for what no rule matches and for messages about no request),
through that chat's `StaffSender`, and the member's topic there shows the requests' state."""

from __future__ import annotations

from datetime import datetime

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.delivery.errors import UndeliverableError
from bot.delivery.staff import Pace, StaffSender
from bot.i18n import TranslatorHub
from bot.services import notifications as note
from bot.services.staff.routing import chat_of_request
from storage.models import Member, Notification, NotificationKind, Request

K = NotificationKind
# these post in the member's topic: something new there opens a closed topic again
POSTS_IN_TOPIC = frozenset({K.REQUEST_CARD, K.MEMBER_MESSAGE, K.TICKET})
# these follow a request's status: the topic's icon (and closing) follow them
CHANGES_STATE = frozenset({K.REQUEST_CARD, K.CARD_REFRESH})


class StaffChats:
    """One `StaffSender` per configured staff chat."""

    def __init__(self, bot: Bot, settings: Settings, translators: TranslatorHub) -> None:
        self.desk = settings.staff_desk()
        self.senders = {
            chat_id: StaffSender(bot, settings, translators, chat_id)
            for chat_id in self.desk.chat_ids
        }

    def sender(self, chat_id: int | None) -> StaffSender:
        found = self.senders.get(chat_id) if chat_id is not None else None
        if found is None:
            raise UndeliverableError(f"staff chat {chat_id} is not configured any more")
        return found

    async def route(self, session: AsyncSession, n: Notification) -> StaffSender:
        """The sender of the chat `n` goes to: its request's route (decided once and stored on
        the request), the default chat for a row about no request."""
        request = await session.get(Request, n.request_id) if n.request_id else None
        chat_id = (
            await chat_of_request(session, self.desk, request)
            if request is not None
            else self.desk.default_chat_id
        )
        return self.sender(chat_id)

    async def chat_for(self, session: AsyncSession, n: Notification) -> int:
        """The staff chat `n` goes to: the deliverer paces it (and sets it aside) by that chat."""
        return (await self.route(session, n)).chat_id

    async def sends(self, session: AsyncSession, n: Notification, payload: note.Payload) -> int:
        """How many paced calls sending `n` makes in its chat: the sender's messages (a topic
        created for it included) and the topic's reopening, icon and closing that go with it."""
        sender = await self.route(session, n)
        count = await sender.sends(session, n, payload)
        if n.member_id is not None and await sender.is_forum():
            count += await sender.topics.calls(
                session,
                n.member_id,
                reopen=payload.kind in POSTS_IN_TOPIC,
                show=payload.kind in CHANGES_STATE,
            )
        return count

    async def send(
        self,
        session: AsyncSession,
        n: Notification,
        payload: note.Payload,
        pace: Pace,
        now: datetime,
        repost: bool = False,
    ) -> int | None:
        sender = await self.route(session, n)
        member = await session.get(Member, n.member_id)
        forum = member is not None and await sender.is_forum()
        if forum and member is not None and payload.kind in POSTS_IN_TOPIC:
            await sender.topics.reopen(session, member, pace)
        sent = await sender.send(session, n, payload, pace, now, repost)
        if forum and member is not None and payload.kind in CHANGES_STATE:
            await sender.topics.show_state(session, member, pace)
        return sent
