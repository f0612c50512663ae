"""The member's side of the helpdesk tools: the 1-5 rating after "done" and its comment,
replies to the bot's messages about a request (they go to staff on it), and edits of messages
the member sent to staff (the topic's copy follows)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import RateRequest
from bot.clock import Clock
from bot.filters.magic import Magic
from bot.i18n import Translator
from bot.services import ratings, relay, requests
from bot.services.requests import RequestNotFoundError
from dialogs.answers import ask_comment, rate_typed, to_staff
from storage.models import Member, RequestStatus
from storage.uow import UnitOfWork


def create_router() -> Router:
    router = Router(name="member-helpdesk")
    # its one message handler takes replies to the bot's messages (a rating's comment, an answer
    # about a request): any other message, a member's answer in a step, is refused here before
    # the handler's filters
    router.message.filter(
        Magic(F.chat.type == "private"), Magic(F.reply_to_message.from_user.is_bot)
    )
    router.edited_message.filter(Magic(F.chat.type == "private"))
    router.callback_query.filter(Magic(F.message.chat.type == "private"))

    @router.callback_query(RateRequest.filter())
    async def on_rate(
        callback: CallbackQuery,
        callback_data: RateRequest,
        uow: UnitOfWork,
        member: Member,
        clock: Clock,
        i18n: Translator,
    ) -> None:
        try:
            rating = await ratings.rate(
                uow.session, member, callback_data.request_id, callback_data.score, clock()
            )
        except (RequestNotFoundError, ratings.RatingRefusedError):
            await callback.answer(i18n("rating-not-now"), show_alert=True)
            return
        if not await uow.commit():
            await callback.answer(i18n("error-not-saved"), show_alert=True)
            return
        await callback.answer(i18n("rating-thanks-toast"))
        if not isinstance(callback.message, Message):
            return
        await callback.message.edit_text(
            i18n("rating-thanks", stars="⭐" * rating.score, score=rating.score)
        )
        await ask_comment(callback.message, uow, rating, i18n)

    @router.message(F.text | F.photo | F.document | F.voice)
    async def on_reply(
        message: Message, uow: UnitOfWork, member: Member, clock: Clock, i18n: Translator
    ) -> None:
        """A reply to the rating's prompt is its comment; a score in reply to a message about a
        done request ("How did we do?") rates it; any other reply to a message about a request
        (its status, a line from staff, a reminder) goes to staff on that request."""
        assert message.reply_to_message is not None
        replied = message.reply_to_message.message_id
        if message.text is not None:
            rating = await ratings.comment(uow.session, member, replied, message.text, clock())
            if rating is not None:
                if not await uow.commit():
                    await message.answer(i18n("error-not-saved"))
                    return
                await message.answer(i18n("rating-comment-thanks"))
                return
        to = await requests.replied_to(uow.session, member, replied)
        if to is None:
            raise SkipHandler  # a reply to another bot message: the dialogs take it
        score = ratings.read_score(message.text or "")
        request = to.request
        if score is not None and request is not None and request.status == RequestStatus.DONE:
            # "5" in reply to "How did we do?" (or to the "done" notice): its score
            assert request.id is not None
            await rate_typed(message, uow, member, request.id, score, clock(), i18n)
            return
        await to_staff(message, uow, member, to.request, clock(), i18n)

    @router.edited_message()
    async def on_edit(
        message: Message,
        session: AsyncSession,
        uow: UnitOfWork,
        member: Member,
        clock: Clock,
        i18n: Translator,
    ) -> None:
        """An edit of a message that went to staff follows it; any other edit (a form's answer,
        mostly) is not read, and the member is told so rather than left thinking it counts."""
        text = message.text if message.text is not None else message.caption
        if await relay.member_edited(
            session,
            member,
            message.message_id,
            text,
            message.text is None,
            message.edit_date or 0,
            clock(),
        ):
            await uow.commit()
            return
        await message.reply(i18n("edit-not-read"))

    return router
