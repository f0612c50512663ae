"""Deliveries of the helpdesk tools: canned replies, edits both ways, the rating question.

Registered in `MemberSender.SENDERS` / `StaffSender.SENDERS` like every other kind."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters

from bot.callbacks import RateRequest
from bot.delivery.errors import RetrySoonError
from bot.services import notifications as note
from bot.services import relay
from bot.services.ratings import SCORES
from bot.textfit import MESSAGE_LIMIT, visible_length
from storage.models import NotificationStatus, Request
from storage.repositories import helpdesk as helpdesk_repo

CARD_COMMENT = 300  # characters of a rating comment shown on the card

if TYPE_CHECKING:
    from bot.delivery.member import MemberSender, _To
    from bot.delivery.staff import StaffSender, _Job


def _not_modified(exc: TelegramBadRequest) -> bool:
    return "not modified" in exc.message


# --- to the member ---------------------------------------------------------------------------


async def canned_reply(sender: MemberSender, to: _To, p: note.CannedReply) -> int | None:
    sent = await sender.bot.send_message(to.member.telegram_id, p.html)
    return sent.message_id


async def staff_edit(sender: MemberSender, to: _To, p: note.StaffEdit) -> int | None:
    """Edit the member's copy; when Telegram refuses (a copy too old, another kind of message),
    a marked correction follows it instead (the mark in a message of its own when the text,
    as long as one message, leaves it no room)."""
    copy = await helpdesk_repo.sent_copy(to.session, p.from_chat_id, p.message_id)
    if copy is None:
        return None
    if copy.status != NotificationStatus.SENT or copy.sent_message_id is None:
        if copy.status == NotificationStatus.FAILED:
            return None  # the member never got it: nothing to correct
        raise RetrySoonError("the copy itself is not delivered yet")
    chat_id, message_id = to.member.telegram_id, copy.sent_message_id
    try:
        if p.caption:
            await sender.bot.edit_message_caption(
                chat_id=chat_id, message_id=message_id, caption=p.html
            )
        else:
            await sender.bot.edit_message_text(text=p.html, chat_id=chat_id, message_id=message_id)
        return message_id
    except TelegramBadRequest as exc:
        if _not_modified(exc):
            return message_id
    correction = to.i18n("helpdesk-correction", text=p.html)
    parts = [correction]
    if visible_length(correction) > MESSAGE_LIMIT:
        parts = [to.i18n("helpdesk-correction", text="").rstrip(), p.html]
    reply = ReplyParameters(message_id=message_id, allow_sending_without_reply=True)
    sent_ids = [
        (await sender.bot.send_message(chat_id, part, reply_parameters=reply)).message_id
        for part in parts
    ]
    return sent_ids[-1]


async def rating_ask(sender: MemberSender, to: _To, p: note.RatingAsk) -> int | None:
    request = await to.session.get(Request, to.n.request_id)
    if request is None:
        return None
    buttons = [
        InlineKeyboardButton(
            text=f"{score} ⭐",
            callback_data=RateRequest(request_id=request.id or 0, score=score).pack(),
        )
        for score in SCORES
    ]
    sent = await sender.bot.send_message(
        to.member.telegram_id,
        to.i18n("rating-ask", number=request.number),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[buttons]),
    )
    return sent.message_id


# --- to staff --------------------------------------------------------------------------------


async def member_edit(sender: StaffSender, job: _Job, p: note.MemberEdit) -> int | None:
    """Edit the topic's copy of the member's message with the new text. A marked correction is
    posted in reply to it instead when it cannot be: a file whose caption is the tag, a
    message that reached the topic in parts, or a new text too long for one message with its
    header (the correction then goes on in more parts, as the message itself would)."""
    copies = await helpdesk_repo.topic_copies(job.session, job.member.id or 0, p.member_message_id)
    if not copies:
        return None
    first = copies[0]
    [edited, *more] = sender.headed_parts("helpdesk-member-edited", job, p.text)
    if len(copies) == 1 and not more:
        await job.pace(sender.chat_id)
        try:
            await sender.bot.edit_message_text(
                text=edited, chat_id=sender.chat_id, message_id=first.admin_message_id
            )
            return first.admin_message_id
        except TelegramBadRequest as exc:
            if _not_modified(exc):
                return first.admin_message_id
    where = await sender._where(job.session, job.member, job.now, job.pace)
    where["reply_parameters"] = ReplyParameters(
        message_id=first.admin_message_id, allow_sending_without_reply=True
    )
    # each part in reply to the copy
    parts = sender.headed_parts("helpdesk-member-correction", job, p.text)
    sent_ids = await sender.send_parts(parts, where, job.pace)
    for message_id in sent_ids:  # staff may answer the member by replying to it
        await relay.remember(
            job.session, sender.chat_id, message_id, job.member.id or 0, first.request_id, job.now
        )
    return sent_ids[0]


def rating_line(sender: StaffSender, score: int, comment: str | None) -> str:
    """The card's rating line (the comment escaped)."""
    stars = "★" * score + "☆" * (5 - score)
    line = sender.i18n("helpdesk-card-rating", stars=stars, score=score)
    if comment:
        # the card has room for a few lines; the comment in full is in the database and /export
        shown = comment if len(comment) <= CARD_COMMENT else comment[: CARD_COMMENT - 1] + "…"
        line += "\n" + sender.i18n("helpdesk-card-rating-comment", comment=html.escape(shown))
    return line
