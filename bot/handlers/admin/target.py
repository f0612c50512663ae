"""The member a staff message is about: its topic's, or the one whose message it replies to."""

from __future__ import annotations

from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import relay


async def member_of(message: Message, session: AsyncSession) -> relay.RelayTarget | None:
    """The member behind the message's topic, or behind the admin message it replies to; None
    in the General topic or for a message about no member."""
    reply_to = message.reply_to_message
    return await relay.member_for_admin_message(
        session,
        chat_id=message.chat.id,
        thread_id=message.message_thread_id if message.is_topic_message else None,
        reply_to_message_id=reply_to.message_id if reply_to else None,
    )
