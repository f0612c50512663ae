"""What staff receive in the admin chat: request cards with buttons, member messages, tickets,
each in the member's own topic (created once), or threaded by replies in a plain group."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    ReplyParameters,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import StaffCallback
from bot.config import Settings
from bot.delivery import helpdesk
from bot.delivery.errors import RetrySoonError, UndeliverableError
from bot.delivery.topics import TopicKeeper
from bot.i18n import Translator, TranslatorHub
from bot.render import VALUE_SHOWN, detail_lines, long_details
from bot.services import notifications as note
from bot.services import relay, topics, visits
from bot.services.phones import mask_phone
from bot.services.staff import StaffAction
from bot.textfit import CAPTION_LIMIT, TEXT_PART, cut, pages, visible_length
from storage.models import (
    InsuredPerson,
    Member,
    Notification,
    NotificationKind,
    Policy,
    Request,
    RequestDocument,
    RequestStatus,
    SupportTicket,
)
from storage.repositories import helpdesk as helpdesk_repo
from storage.repositories import notifications as notifications_repo
from storage.repositories import requests as requests_repo

Pace = Callable[[int], Awaitable[None]]
Where = dict[str, Any]  # message_thread_id, or reply_parameters, or nothing
K = NotificationKind
BUTTONS: dict[RequestStatus, tuple[StaffAction, ...]] = {
    RequestStatus.NEW: (StaffAction.TAKE, StaffAction.REJECT),
    RequestStatus.IN_PROGRESS: (StaffAction.INFO, StaffAction.DONE, StaffAction.REJECT),
    RequestStatus.NEED_INFO: (StaffAction.PROGRESS, StaffAction.REJECT),
}


def _thread_missing(exc: TelegramBadRequest) -> bool:
    text = exc.message.lower()
    return "thread not found" in text or "topic_deleted" in text or "topic deleted" in text


@dataclass(frozen=True)
class _Job:
    """One staff notification being sent: the member it is about, its request, the pacing."""

    session: AsyncSession
    member: Member
    request: Request | None
    pace: Pace
    now: datetime
    repost: bool = False  # an earlier attempt may have posted this card (its outcome was lost)


class StaffSender:
    SENDERS: dict[NotificationKind, Callable[[StaffSender, _Job, Any], Awaitable[int | None]]]

    def __init__(
        self,
        bot: Bot,
        settings: Settings,
        translators: TranslatorHub,
        chat_id: int | None = None,
    ) -> None:
        chat_id = settings.admin_chat_id if chat_id is None else chat_id
        assert chat_id is not None
        self.bot = bot
        self.chat_id = chat_id
        self.i18n: Translator = translators.get(settings.staff_language)
        self.tz = settings.tz  # the call centre's: a member's time of day shown in it too
        self._forum: bool | None = None
        self.topics = TopicKeeper(bot, chat_id, self.i18n, settings.admin_chat_id)

    async def is_forum(self) -> bool:
        if self._forum is None:
            self._forum = bool((await self.bot.get_chat(self.chat_id)).is_forum)
        return self._forum

    async def sends(self, session: AsyncSession, n: Notification, payload: note.Payload) -> int:
        """How many messages sending `n` will post, a topic created for it included, so the
        deliverer can wait for the group's room for all of them before the first goes."""
        if payload.kind in (K.CARD_REFRESH, K.ESCALATION, K.LOW_RATING):
            return 1
        count = 0
        if await self.is_forum():
            topic = await topics.get(session, n.member_id or 0, self.chat_id)
            count += topic is None or topic.thread_id is None
        if isinstance(payload, note.MemberMessage):
            texts = (
                len(pages(payload.text or "", TEXT_PART))
                if payload.text or not payload.attachments
                else 0
            )
            return count + texts + _albums([a.kind for a in payload.attachments])
        if isinstance(payload, note.MemberEdit):  # an edit, or a correction in as many parts
            return count + len(pages(payload.text or "", TEXT_PART))
        if isinstance(payload, note.RequestCard) and n.request_id is not None:
            request = await session.get(Request, n.request_id)
            if request is not None:
                documents = await requests_repo.documents(session, n.request_id)
                count += _albums([d.kind for d in documents])
                if long_details(request.details):
                    lines = detail_lines(request.details, self.i18n, mask={"phone": mask_phone})
                    count += len(pages(lines, TEXT_PART))
        return count + 1

    async def _thread(
        self, session: AsyncSession, member: Member, now: datetime, pace: Pace
    ) -> int | None:
        if not await self.is_forum():
            return None
        # a new topic counts against the group's pace like a message (see `sends`)
        return await self.topics.thread(session, member, now, pace)

    async def _where(
        self, session: AsyncSession, member: Member, now: datetime, pace: Pace
    ) -> dict[str, Any]:
        """Where a member's messages go: their topic, or in a group without topics a reply to
        the last message about them, so each member's messages form one reply thread."""
        thread_id = await self._thread(session, member, now, pace)
        if thread_id is not None:
            return {"message_thread_id": thread_id}
        last = await relay.last_admin_message(session, self.chat_id, member.id or 0)
        if last is None:
            return {}
        return {
            "reply_parameters": ReplyParameters(message_id=last, allow_sending_without_reply=True)
        }

    async def send(
        self,
        session: AsyncSession,
        n: Notification,
        payload: note.Payload,
        pace: Pace,
        now: datetime,
        repost: bool = False,
    ) -> int | None:
        sender = self.SENDERS.get(payload.kind)
        if sender is None:
            raise UndeliverableError(f"{payload.kind} is not a staff notification")
        member = await session.get(Member, n.member_id)
        if member is None:
            return None
        request = await session.get(Request, n.request_id) if n.request_id else None
        if payload.about_request and request is None:
            return None  # the request is gone: nothing left to tell about it
        return await sender(self, _Job(session, member, request, pace, now, repost), payload)

    async def _escalation(self, job: _Job, p: note.Escalation) -> int | None:
        """In the General topic, where everyone sees it; a reply reaches the member."""
        assert job.request is not None
        text = self.i18n(
            "staff-escalation",
            **self._whose(job),
            hours=p.hours,
            working="yes" if p.working else "no",
        )
        return await self._to_general(job, text)

    def _whose(self, job: _Job) -> dict[str, str]:
        """The request's number and kind and its member's name, as a General-topic line names
        them."""
        assert job.request is not None
        return {
            "number": job.request.number,
            "kind": self.i18n("request-kind-" + job.request.kind),
            "member": html.escape(_name(job.member)),
        }

    async def _to_general(self, job: _Job, text: str, reply_to: int | None = None) -> int:
        """`text` about the job's request in the General topic, with one tap to the card and
        its buttons in the member's topic (in reply to `reply_to`, when given); a reply to it
        reaches the member."""
        assert job.request is not None
        link = await topics.card_link(job.session, job.request, self.chat_id)
        if link is not None:
            text += "\n" + self.i18n("staff-card-link", link=html.escape(link))
        await job.pace(self.chat_id)
        reply = (
            ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
            if reply_to is not None
            else None
        )
        sent = await self.bot.send_message(self.chat_id, text, reply_parameters=reply)
        await relay.remember(
            job.session, self.chat_id, sent.message_id, job.member.id or 0, job.request.id, job.now
        )
        return sent.message_id

    async def _low_rating(self, job: _Job, p: note.LowRating) -> int | None:
        """In the General topic, as an escalation is: a low score, then why."""
        assert job.request is not None
        text = self.i18n(
            "staff-low-rating",
            **self._whose(job),
            stars="⭐" * p.score,
            score=p.score,
        )
        reply_to = None
        if p.comment:  # at most ratings.COMMENT_MAX characters: it fits with the rest
            text += "\n" + self.i18n("helpdesk-card-rating-comment", comment=html.escape(p.comment))
            # why, under the score told before: the two read as one
            reply_to = await notifications_repo.last_sent(
                job.session, job.request.id or 0, K.LOW_RATING
            )
        return await self._to_general(job, text, reply_to)

    async def _request_card(self, job: _Job, p: note.RequestCard, where: Where) -> list[int]:
        """The documents, answers too long for the card, then the card with its buttons."""
        request = job.request
        assert request is not None
        documents = await requests_repo.documents(job.session, request.id or 0)
        tag = self._file_tag(job.member, request)
        sent_ids = await self._documents(documents, where, job.pace, each=tag)
        sent_ids += await self._full_answers(request, where, job.pace)
        text, markup = await self.card(job.session, request, job.member)
        if job.repost:
            text += "\n" + self.i18n("staff-card-repost")
        await job.pace(self.chat_id)
        card = await self.bot.send_message(self.chat_id, text, **where, reply_markup=markup)
        request.staff_message_id = card.message_id
        job.session.add(request)
        return [*sent_ids, card.message_id]

    def headed_parts(self, key: str, job: _Job, text: str | None) -> list[str]:
        """A member's `text` under the header `key` (who wrote it, on which request), escaped,
        in parts that each fit one message: a text too long for one message with its header
        goes on in the next ones."""
        first, *more = pages(text or "", TEXT_PART)
        request = job.request
        header = self.i18n(
            key,
            member=html.escape(_name(job.member)),
            request=self.i18n("staff-member-message-request", number=request.number)
            if request
            else "",
            text=html.escape(first),
        ).rstrip()
        return [header, *(html.escape(m) for m in more)]

    async def send_parts(self, parts: list[str], where: Where, pace: Pace) -> list[int]:
        """Each part as a message, paced, in the order given; their ids."""
        sent_ids: list[int] = []
        for part in parts:
            await pace(self.chat_id)
            sent = await self.bot.send_message(self.chat_id, part, **where)
            sent_ids.append(sent.message_id)
        return sent_ids

    async def _member_message(self, job: _Job, p: note.MemberMessage, where: Where) -> list[int]:
        attachments = [RequestDocument(request_id=0, **a.model_dump()) for a in p.attachments]
        sent_ids: list[int] = []
        if p.text or not attachments:
            parts = self.headed_parts("staff-member-message", job, p.text)
            sent_ids = await self.send_parts(parts, where, job.pace)
        # every file carries who sent it and on which request (files alone too: no empty
        # message, and no "💬 Name:" caption introducing nothing), then what was written under it
        tag = self._file_tag(job.member, job.request)
        return sent_ids + await self._documents(attachments, where, job.pace, each=tag)

    def _file_tag(self, member: Member, request: Request | None) -> str:
        return self.i18n(
            "helpdesk-file-tag",
            member=html.escape(_name(member)),
            request=self.i18n("staff-member-message-request", number=request.number)
            if request
            else "",
        )

    async def _ticket(self, job: _Job, p: note.Ticket, where: Where) -> list[int]:
        ticket = await job.session.get(SupportTicket, p.ticket_id)
        if ticket is None:
            return []
        await job.pace(self.chat_id)
        sent = await self.bot.send_message(
            self.chat_id,
            self.i18n(
                "staff-ticket",
                ticket_id=ticket.id or 0,
                member=html.escape(_name(job.member)),
                phone=mask_phone(ticket.phone) if ticket.phone else "—",
                policy_number=html.escape(ticket.policy_number or "—"),
                full_name=html.escape(ticket.full_name or "—"),
            ),
            **where,
        )
        return [sent.message_id]

    async def _ticket_answered(self, job: _Job, p: note.TicketAnswered, where: Where) -> list[int]:
        await job.pace(self.chat_id)
        sent = await self.bot.send_message(
            self.chat_id,
            self.i18n(
                "staff-ticket-answered",
                tickets=", ".join(str(ticket_id) for ticket_id in p.ticket_ids),
                member=html.escape(_name(job.member)),
                cards=p.cards,
            ),
            **where,
        )
        return [sent.message_id]

    async def _full_answers(self, request: Request, where: dict[str, Any], pace: Pace) -> list[int]:
        """Answers too long for the card (it shows them cut), in full before it."""
        details = request.details
        if not long_details(details):
            return []
        lines = detail_lines(details, self.i18n, mask={"phone": mask_phone})
        header = self.i18n("staff-card-full-text", number=request.number)
        ids: list[int] = []
        for part in pages(lines, TEXT_PART):
            await pace(self.chat_id)
            sent = await self.bot.send_message(
                self.chat_id, f"{header}\n{html.escape(part)}", **where
            )
            ids.append(sent.message_id)
        return ids

    async def _documents(
        self,
        documents: list[RequestDocument],
        where: dict[str, Any],
        pace: Pace,
        each: str | None = None,
    ) -> list[int]:
        """Photos as albums, files as albums (Telegram does not mix the two), voice messages
        one by one (they have no album), by file_id.

        `each` (who sent it, on which request) on every item, and under it what the member
        wrote under that file."""
        ids: list[int] = []
        photo_docs = [d for d in documents if d.kind == "photo"]
        file_docs = [d for d in documents if d.kind == "document"]
        photos = [InputMediaPhoto(media=d.file_id, caption=_captioned(each, d)) for d in photo_docs]
        files = [
            InputMediaDocument(media=d.file_id, caption=_captioned(each, d)) for d in file_docs
        ]
        for group in (photos, files):
            for start in range(0, len(group), 10):
                chunk: list[Any] = group[start : start + 10]
                await pace(self.chat_id)
                if len(chunk) == 1:
                    item = chunk[0]
                    send = (
                        self.bot.send_photo
                        if isinstance(item, InputMediaPhoto)
                        else self.bot.send_document
                    )
                    message = await send(self.chat_id, item.media, caption=item.caption, **where)
                    ids.append(message.message_id)
                else:
                    messages = await self.bot.send_media_group(self.chat_id, chunk, **where)
                    ids += [m.message_id for m in messages]
        for voice in (d for d in documents if d.kind == "voice"):
            await pace(self.chat_id)
            message = await self.bot.send_voice(
                self.chat_id, voice.file_id, caption=_captioned(each, voice), **where
            )
            ids.append(message.message_id)
        return ids

    async def card(
        self, session: AsyncSession, request: Request, member: Member
    ) -> tuple[str, InlineKeyboardMarkup | None]:
        """The request card: member (phone masked), card, answers, status, assignee, buttons."""
        i18n = self.i18n
        person = await session.get(InsuredPerson, request.card_id)
        policy = await session.get(Policy, person.policy_id) if person else None
        documents = await requests_repo.documents(session, request.id or 0)
        text = i18n(
            "staff-card",
            number=request.number,
            kind=i18n("request-kind-" + request.kind),
            member=html.escape(_name(member)),
            phone=mask_phone(member.phone) if member.phone else "—",
            language=member.language or "—",
            policy=policy.number if policy else "—",
            program=html.escape(policy.program) if policy else "—",
            holder=html.escape(person.full_name) if person else "—",
            relation=i18n("relation-" + person.relation) if person else "—",
            details=html.escape(
                detail_lines(
                    request.details,
                    i18n,
                    mask={"phone": mask_phone},
                    value_max=VALUE_SHOWN,
                    staff_zone=(self.tz, request.created_at.astimezone(self.tz).date()),
                )
            )
            + _attachments(i18n, documents),
            status=i18n("request-status-" + request.status),
        )
        text += "\n" + (
            i18n("staff-card-assignee", assignee=html.escape(request.assignee_name or "?"))
            if request.assignee_telegram_id
            else i18n("staff-card-unassigned")
        )
        rating = await helpdesk_repo.rating_of(session, request.id or 0)
        if rating is not None:
            text += "\n" + helpdesk.rating_line(self, rating.score, rating.comment)
        actions = list(BUTTONS.get(RequestStatus(request.status), ()))
        if request.assignee_telegram_id is None and StaffAction.TAKE not in actions and actions:
            actions.insert(0, StaffAction.TAKE)
        if not actions:
            return text, None
        booking = visits.BOOKINGS.get(request.kind)
        if booking is not None and request.status != RequestStatus.NEW:
            actions.append(StaffAction.VISIT)  # taken: the visit (the delivery) given, booked
        actions.append(StaffAction.REVEAL)
        buttons = [
            InlineKeyboardButton(
                # "📅 Visit", or "🚚 Delivery" for medicines
                text=i18n(
                    booking.button if booking and a is StaffAction.VISIT else f"staff-btn-{a.value}"
                ),
                callback_data=StaffCallback(request_id=request.id or 0, action=a).pack(),
            )
            for a in actions
        ]
        return text, InlineKeyboardMarkup(
            inline_keyboard=[buttons[at : at + 2] for at in range(0, len(buttons), 2)]
        )

    async def _refresh_card(self, job: _Job, p: note.CardRefresh) -> int | None:
        session, member, request, pace, now = (
            job.session,
            job.member,
            job.request,
            job.pace,
            job.now,
        )
        if request is None or request.staff_message_id is None:
            return None  # the card is not posted yet; when it is, it shows the current state
        text, markup = await self.card(session, request, member)
        await pace(self.chat_id)
        try:
            await self.bot.edit_message_text(
                text=text,
                chat_id=self.chat_id,
                message_id=request.staff_message_id,
                reply_markup=markup,
            )
        except TelegramBadRequest as exc:
            if "not modified" in exc.message:
                return request.staff_message_id
            if "not found" not in exc.message:
                raise
            where = await self._where(session, member, now, pace)
            card = await self.bot.send_message(self.chat_id, text, **where, reply_markup=markup)
            request.staff_message_id = card.message_id
            session.add(request)
            await relay.remember(
                session, self.chat_id, card.message_id, member.id or 0, request.id, now
            )
        return request.staff_message_id


def _albums(kinds: list[str]) -> int:
    """How many messages `_documents` sends for files of these kinds (albums of up to ten, a
    voice message alone)."""
    photos = sum(kind == "photo" for kind in kinds)
    files = sum(kind == "document" for kind in kinds)
    voices = sum(kind == "voice" for kind in kinds)
    return -(-photos // 10) + -(-files // 10) + voices


def _attachments(i18n: Translator, documents: list[RequestDocument]) -> str:
    """The card's line under the answers counting the request's documents and, apart (a
    voice message is no receipt or referral), its voice messages; none for a request with
    neither (an appointment, a call-back)."""
    files = sum(d.kind != "voice" for d in documents)
    voices = len(documents) - files
    counts = [
        i18n(key, count=count)
        for key, count in (("staff-card-documents", files), ("staff-card-voices", voices))
        if count
    ]
    return "\n" + " · ".join(counts) if counts else ""


def _captioned(head: str | None, document: RequestDocument) -> str | None:
    """`head` (who sent the file, on which request), then what the member wrote under it:
    escaped, and cut to what is left of Telegram's caption."""
    if not document.caption:
        return head
    room = CAPTION_LIMIT - (visible_length(head) + 1 if head else 0)
    text = html.escape(cut(document.caption, room))
    return f"{head}\n{text}" if head else text


def _name(member: Member) -> str:
    return member.full_name or f"#{member.id}"


def _in_thread(
    post: Callable[[StaffSender, _Job, Any, Where], Awaitable[list[int]]],
) -> Callable[[StaffSender, _Job, Any], Awaitable[int | None]]:
    """A sender posting in the member's topic (or reply thread): each message it sends is
    remembered for replies, and a topic staff deleted is forgotten and the row tried again
    (the next attempt creates a new one)."""

    async def send(self: StaffSender, job: _Job, payload: Any) -> int | None:
        where = await self._where(job.session, job.member, job.now, job.pace)
        try:
            sent_ids = await post(self, job, payload, where)
        except TelegramBadRequest as exc:
            if "message_thread_id" in where and _thread_missing(exc):
                topic = await topics.get(job.session, job.member.id or 0, self.chat_id)
                if topic is not None:
                    await topics.forget(job.session, topic)
                raise RetrySoonError("staff deleted the topic", timedelta(0)) from exc
            raise
        request_id = job.request.id if job.request else None
        carried = getattr(payload, "member_message_id", None)  # the member's own message
        for message_id in sent_ids:
            await relay.remember(
                job.session,
                self.chat_id,
                message_id,
                job.member.id or 0,
                request_id,
                job.now,
                member_message_id=carried,
            )
        return sent_ids[-1] if sent_ids else None

    return send


async def _member_erased(self: StaffSender, job: _Job, p: note.MemberErased) -> int | None:
    """In the member's topic, renamed to the anonymous title; in the General topic when the
    member never had one (no new topic is opened for a member who is gone)."""
    topic = await topics.get(job.session, job.member.id or 0, self.chat_id)
    where: Where = {}
    if topic is not None and topic.thread_id is not None and await self.is_forum():
        where = {"message_thread_id": topic.thread_id}
        try:
            await self.bot.edit_forum_topic(self.chat_id, topic.thread_id, name=topic.title)
        except TelegramBadRequest as exc:
            if not _thread_missing(exc) and "not modified" not in exc.message.lower():
                raise
            where = {}
    await job.pace(self.chat_id)
    text = self.i18n("privacy-staff-member-erased", member=_name(job.member), kept=p.requests_kept)
    try:
        sent = await self.bot.send_message(self.chat_id, text, **where)
    except TelegramBadRequest as exc:
        if not where or not _thread_missing(exc):
            raise
        await job.pace(self.chat_id)
        sent = await self.bot.send_message(self.chat_id, text)
    return sent.message_id


StaffSender.SENDERS = {
    K.MEMBER_ERASED: _member_erased,
    K.CARD_REFRESH: StaffSender._refresh_card,
    K.ESCALATION: StaffSender._escalation,
    K.LOW_RATING: StaffSender._low_rating,
    K.REQUEST_CARD: _in_thread(StaffSender._request_card),
    K.MEMBER_MESSAGE: _in_thread(StaffSender._member_message),
    K.TICKET: _in_thread(StaffSender._ticket),
    K.TICKET_ANSWERED: _in_thread(StaffSender._ticket_answered),
    K.MEMBER_EDIT: helpdesk.member_edit,
}
