"""A message in a topic the database does not know: a member's topic whose id a crash lost.

Every message in a topic carries the topic's creation message (`reply_to_message`, with
`forum_topic_created` and the name the bot chose); the token in that name finds the member. A
reservation still waiting for its topic adopts it; a member who already has another topic in
this chat gets this one closed, with a pointer to the kept one, and nothing written here is sent.
"""

from __future__ import annotations

import contextlib

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import topics
from bot.services.topics import Found
from storage.uow import UnitOfWork


def _created_name(message: Message) -> str | None:
    for candidate in (message, message.reply_to_message):
        created = candidate.forum_topic_created if candidate else None
        if created is not None:
            return created.name
    return None


def create_router() -> Router:
    router = Router(name="admin-topics")

    @router.message(F.is_topic_message, F.message_thread_id, ~F.from_user.is_bot)
    async def unknown_topic(
        message: Message, bot: Bot, uow: UnitOfWork, session: AsyncSession, i18n: Translator
    ) -> None:
        chat_id, thread_id = message.chat.id, message.message_thread_id or 0
        if await topics.by_thread(session, chat_id, thread_id) is not None:
            raise SkipHandler  # a topic we know: relayed as usual
        found = await topics.reconcile(session, chat_id, thread_id, _created_name(message))
        if found.found is Found.ADOPTED:
            if not await uow.commit():
                await message.reply(i18n("staff-not-saved"))
                return
            raise SkipHandler  # now a known topic: the message goes on to the member
        if found.found is Found.UNKNOWN or found.topic is None:
            raise SkipHandler
        kept = found.topic.thread_id
        link = topics.topic_link(chat_id, kept) if kept else None
        await message.reply(
            i18n("staff-topic-duplicate", link=link)
            if link
            else i18n("staff-topic-duplicate-pending")
        )
        # already closed, or no right to: the pointer is there either way
        with contextlib.suppress(TelegramAPIError):
            await bot.close_forum_topic(chat_id, thread_id)

    return router
