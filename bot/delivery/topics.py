"""A member's forum topic in one staff chat, on Telegram's side: created once (reserved first,
see `bot.services.topics`), named with the member's name, its icon showing the state of the
member's requests there, closed when all are finished and reopened when something new comes."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.errors import RetrySoonError
from bot.i18n import Translator
from bot.services import topics
from bot.services.topics import Reserved, TopicState
from storage.models import AdminTopic, Member

log = logging.getLogger("bot.delivery")

Pace = Callable[[int], Awaitable[None]]
# a reservation without a topic id this old was left by a process that died
STALE_RESERVATION = timedelta(minutes=1)
# the icon each state prefers, first one Telegram offers (getForumTopicIconStickers) wins
ICONS: dict[TopicState, tuple[str, ...]] = {
    TopicState.NEW: ("🔥", "❗", "‼"),
    TopicState.NEED_INFO: ("❓", "⁉"),
    TopicState.IN_PROGRESS: ("⚡", "💬", "📝"),
    TopicState.DONE: ("✅", "✔", "🏁"),
}


def _bare(emoji: str) -> str:
    return emoji.replace("\ufe0f", "")  # "⚡️" and "⚡" are the same icon


async def _no_pace(chat_id: int) -> None:
    return None


class TopicKeeper:
    """The topics of one staff chat."""

    def __init__(
        self, bot: Bot, chat_id: int, i18n: Translator, default_chat_id: int | None
    ) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.i18n = i18n
        self.default_chat_id = default_chat_id
        self._icons: dict[TopicState, str] | None = None

    async def member_name(self, member: Member) -> str:
        """The registry's name; without one the member's Telegram name (first + last)."""
        if member.full_name:
            return member.full_name
        try:
            chat = await self.bot.get_chat(member.telegram_id)
        except TelegramAPIError:
            chat = None
        name = " ".join(part for part in (chat.first_name, chat.last_name) if part) if chat else ""
        return name or self.i18n("staff-topic-member", telegram_id=member.telegram_id)

    async def thread(
        self, session: AsyncSession, member: Member, now: datetime, pace: Pace = _no_pace
    ) -> int:
        """The member's topic in this chat, created when there is none (reserved first)."""
        made = await topics.get(session, member.id or 0, self.chat_id)
        if made is not None and made.thread_id is not None:
            return made.thread_id  # no Telegram call for the name of a topic that exists
        name = await self.member_name(member)
        topic, what = await topics.reserve(
            session, member, self.chat_id, name, now, STALE_RESERVATION
        )
        if what is Reserved.BUSY:
            raise RetrySoonError("another process is creating this member's topic")
        if what is Reserved.READY:
            assert topic.thread_id is not None
            return topic.thread_id
        # every process sees the reservation before the topic exists: a crash after the call
        # leaves a row to reconcile, never a topic nobody knows of
        await session.commit()
        await pace(self.chat_id)
        created = await self.bot.create_forum_topic(self.chat_id, topic.title)
        if await topics.set_thread(session, topic, created.message_thread_id):
            await session.commit()
            return created.message_thread_id
        # taken over or adopted while Telegram answered: the one just made is the duplicate
        await session.commit()
        await self.close_duplicate(created.message_thread_id, topic, pace)
        if topic.thread_id is None:
            raise RetrySoonError("the member's topic is being created again")
        return topic.thread_id

    async def close_duplicate(self, thread_id: int, kept: AdminTopic, pace: Pace) -> None:
        """A second topic for one member: a pointer to the kept one, then closed."""
        link = topics.topic_link(self.chat_id, kept.thread_id) if kept.thread_id else None
        text = (
            self.i18n("staff-topic-duplicate", link=link)
            if link
            else self.i18n("staff-topic-duplicate-pending")
        )
        try:
            await pace(self.chat_id)
            await self.bot.send_message(self.chat_id, text, message_thread_id=thread_id)
            await pace(self.chat_id)
            await self.bot.close_forum_topic(self.chat_id, thread_id)
        except TelegramAPIError:
            log.warning("could not close duplicate topic %s in %s", thread_id, self.chat_id)

    async def icons(self) -> dict[TopicState, str]:
        """The custom emoji each state shows, from those Telegram allows as topic icons."""
        if self._icons is None:
            stickers = await self.bot.get_forum_topic_icon_stickers()
            offered = {_bare(s.emoji or ""): s.custom_emoji_id for s in stickers}
            self._icons = {}
            for state, wanted in ICONS.items():
                found = next((offered[e] for e in map(_bare, wanted) if offered.get(e)), None)
                if found:
                    self._icons[state] = found
        return self._icons

    async def calls(
        self, session: AsyncSession, member_id: int, *, reopen: bool, show: bool
    ) -> int:
        """How many paced calls `reopen` and `show_state` will make for the member's topic now,
        so a row waits for its group's room for them too (a topic about to be created counts as
        one showing nothing yet; an icon Telegram does not offer is counted all the same)."""
        topic = await topics.get(session, member_id, self.chat_id)
        made = topic is not None and topic.thread_id is not None
        shown, closed = (topic.state, topic.closed) if topic is not None and made else (None, False)
        count = 0
        if reopen and closed:
            count, closed = 1, False
        if show:
            state = await topics.state_in_chat(
                session, member_id, self.chat_id, self.default_chat_id
            )
            if state is not None:
                count += state.value != shown
                count += (state is TopicState.DONE) != closed
        return count

    async def reopen(self, session: AsyncSession, member: Member, pace: Pace) -> None:
        """Something new for a closed topic (a member's message, a new request): open it."""
        topic = await topics.get(session, member.id or 0, self.chat_id)
        if topic is None or topic.thread_id is None or not topic.closed:
            return
        try:
            await pace(self.chat_id)
            await self.bot.reopen_forum_topic(self.chat_id, topic.thread_id)
        except TelegramBadRequest as exc:
            if "not_modified" not in exc.message.lower().replace(" ", "_"):
                log.warning("could not reopen topic %s: %s", topic.thread_id, exc.message)
                return
        await topics.mark(session, topic, TopicState(topic.state) if topic.state else None, False)

    async def show_state(self, session: AsyncSession, member: Member, pace: Pace) -> None:
        """The topic's icon shows its requests' state; closed when none is open any more.

        Runs after the notification's own message went out: a failure here is logged and left
        for the next change (the row must not be sent again for it).
        """
        topic = await topics.get(session, member.id or 0, self.chat_id)
        if topic is None or topic.thread_id is None:
            return
        state = await topics.state_in_chat(
            session, member.id or 0, self.chat_id, self.default_chat_id
        )
        if state is None:
            return
        closed = state is TopicState.DONE
        try:
            if state.value != topic.state:
                icon = (await self.icons()).get(state)
                if icon:
                    await pace(self.chat_id)
                    await self._edit(topic.thread_id, icon)
            if closed != topic.closed:
                await pace(self.chat_id)
                await self._close_or_reopen(topic.thread_id, closed)
        except TelegramAPIError as exc:
            log.warning("topic %s state not shown: %s", topic.thread_id, exc)
            return
        await topics.mark(session, topic, state, closed)

    async def _edit(self, thread_id: int, icon: str) -> None:
        try:
            await self.bot.edit_forum_topic(self.chat_id, thread_id, icon_custom_emoji_id=icon)
        except TelegramBadRequest as exc:
            if "not_modified" not in exc.message.lower():
                raise

    async def _close_or_reopen(self, thread_id: int, close: bool) -> None:
        call = self.bot.close_forum_topic if close else self.bot.reopen_forum_topic
        try:
            await call(self.chat_id, thread_id)
        except TelegramBadRequest as exc:
            if "not_modified" not in exc.message.lower():
                raise
