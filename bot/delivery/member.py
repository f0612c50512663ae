"""What members receive: status changes, staff messages (copied), reminders, cards that appeared.

One sender per notification kind, chosen from `SENDERS` by the payload's kind."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from babel.dates import format_date
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import OpenRequest
from bot.delivery import helpdesk
from bot.delivery.errors import UndeliverableError
from bot.i18n import Translator, TranslatorHub
from bot.render import VALUE_SHOWN, detail_lines, value_text
from bot.services import notifications as note
from bot.services import requests, visits
from bot.services.names import given_name
from storage.models import (
    InsuredPerson,
    Member,
    Notification,
    NotificationKind,
    Policy,
    Request,
    RequestKind,
    RequestStatus,
)

K = NotificationKind
# what a visit's message says of the request beside the day and hour (the day asked for and
# its time of day are not the visit's: left out)
# what a booked visit's notice shows of the request, and its words, by kind: (booked, tomorrow)
VISIT_SHOWN = {
    RequestKind.APPOINTMENT: ("specialty", "clinic", "clinic_phone", visits.NOTE_FIELD),
    RequestKind.LAB_TESTS: ("referral", "address", visits.NOTE_FIELD),
    RequestKind.MEDICINES: ("items", "address", visits.NOTE_FIELD),
}
VISIT_WORDS = {
    RequestKind.APPOINTMENT: ("notify-visit-booked", "notify-visit-tomorrow"),
    RequestKind.LAB_TESTS: ("notify-lab-visit-booked", "notify-lab-visit-tomorrow"),
    RequestKind.MEDICINES: (
        "notify-medicines-delivery-booked",
        "notify-medicines-delivery-tomorrow",
    ),
}


@dataclass(frozen=True)
class _To:
    """The row being sent and the member it goes to, in their language."""

    session: AsyncSession
    n: Notification
    member: Member
    i18n: Translator


class MemberSender:
    SENDERS: dict[NotificationKind, Callable[[MemberSender, _To, Any], Awaitable[int | None]]]

    def __init__(self, bot: Bot, translators: TranslatorHub) -> None:
        self.bot = bot
        self.translators = translators

    async def send(
        self, session: AsyncSession, n: Notification, payload: note.Payload, member: Member
    ) -> int | None:
        sender = self.SENDERS.get(payload.kind)
        if sender is None:
            raise UndeliverableError(f"{payload.kind} is not a member notification")
        if member.erased_at is not None:
            return None  # the member erased their data: nobody to tell (docs/privacy.md)
        to = _To(session, n, member, self.translators.get(member.language))
        return await sender(self, to, payload)

    async def _text(self, to: _To, text: str, request: Request | None = None) -> int:
        """`text` to the member, with an "open request" button when it is about one."""
        markup = None
        if request is not None:
            button = InlineKeyboardButton(
                text=to.i18n("btn-open-request"),
                callback_data=OpenRequest(request_id=request.id or 0).pack(),
            )
            markup = InlineKeyboardMarkup(inline_keyboard=[[button]])
        sent = await self.bot.send_message(to.member.telegram_id, text, reply_markup=markup)
        return sent.message_id

    async def _staff_copy(self, to: _To, p: note.StaffCopy) -> int | None:
        copied = await self.bot.copy_message(to.member.telegram_id, p.from_chat_id, p.message_id)
        return copied.message_id

    async def _request_status(self, to: _To, p: note.RequestStatusChanged) -> int | None:
        request = await to.session.get(Request, to.n.request_id)
        if request is None:
            return None
        i18n = to.i18n
        kind = i18n("request-kind-" + request.kind)
        # a family's requests: whose this one is, by the given name ("Запис до лікаря · Софія")
        whose = given_name((await requests.holders(to.session, to.member)).get(request.card_id))
        text = i18n(
            "notify-request-status",
            number=request.number,
            kind=html.escape(f"{kind} · {whose}" if whose else kind, quote=False),
            status=i18n("request-status-" + p.status),
        )
        if p.comment:
            # staff wrote it: escaped, like everything a person wrote that goes out as HTML
            text += "\n" + i18n("notify-request-comment", comment=html.escape(p.comment, False))
        if p.status == RequestStatus.NEED_INFO:
            # a message sent in the chat answers it (dialogs/answers.py), as a reply or the
            # button under it does
            text += "\n" + i18n("notify-need-info-how")
        return await self._text(to, text, request)

    async def _appointment_tomorrow(self, to: _To, p: note.AppointmentTomorrow) -> int | None:
        """The day before the visit staff booked (`visits.book`), or, none booked, the day the
        member asked for."""
        request = await to.session.get(Request, to.n.request_id)
        if request is None:
            return None
        if request.visit_on is not None:
            return await self._visit(to, request, tomorrow=True)
        lines = detail_lines(request.details, to.i18n, value_max=VALUE_SHOWN)
        # a family's appointment: whose it is (the child's, the spouse's)
        if whose := (await requests.holders(to.session, to.member)).get(request.card_id):
            lines = to.i18n("request-insured-name", insured=whose) + "\n" + lines
        text = to.i18n(
            "notify-appointment-tomorrow",
            number=request.number,
            details=html.escape(lines, quote=False),
        )
        return await self._text(to, text, request)

    async def _visit_booked(self, to: _To, p: note.VisitBooked) -> int | None:
        request = await to.session.get(Request, to.n.request_id)
        if request is None or request.visit_on is None:
            return None
        was = None
        if p.was_day is not None:  # booked again: the booking it replaces
            booking = visits.BOOKINGS[request.kind]
            before = {booking.day_field: p.was_day, booking.time_field: p.was_at}
            was = value_text(booking.day_field, p.was_day, before, to.i18n)
        return await self._visit(to, request, tomorrow=False, remind=p.remind, was=was)

    async def _visit(
        self,
        to: _To,
        request: Request,
        *,
        tomorrow: bool,
        remind: bool = False,
        was: str | None = None,
    ) -> int:
        """ "📅 Your visit is booked: December 9, 2026 (Wednesday), 17:30", with the doctor and the
        clinic (the tests and the address, for lab tests; the medicines and the address, for
        their delivery) and whose visit it is (a family's), `was`: the booking it replaces, and,
        `remind`, that the member is reminded the day before; or that reminder."""
        key = VISIT_WORDS[request.kind][tomorrow]
        shown = {k: request.details[k] for k in VISIT_SHOWN[request.kind] if request.details.get(k)}
        lines = detail_lines(shown, to.i18n, value_max=VALUE_SHOWN)
        if whose := (await requests.holders(to.session, to.member)).get(request.card_id):
            lines = to.i18n("request-insured-name", insured=whose) + "\n" + lines
        day_field = visits.BOOKINGS[request.kind].day_field
        when = value_text(day_field, request.details.get(day_field), request.details, to.i18n)
        text = to.i18n(
            key,
            number=request.number,
            when=html.escape(when, quote=False),
            details=html.escape(lines, quote=False),
        )
        if was is not None:  # under its first line: "Changed: it was December 15, 14:30."
            head, _, rest = text.partition("\n")
            said = to.i18n("notify-visit-was", was=html.escape(was, quote=False))
            text = f"{head}\n{said}\n{rest}"
        if remind:  # booked before the day before it: "I will remind you the day before."
            text += "\n" + to.i18n("notify-visit-will-remind")
        return await self._text(to, text, request)

    async def _need_info_nudge(self, to: _To, p: note.NeedInfoNudge) -> int | None:
        request = await to.session.get(Request, to.n.request_id)
        if request is None:
            return None
        text = to.i18n(
            "notify-need-info-nudge",
            number=request.number,
            question=html.escape(p.question or "", quote=False),
        )
        return await self._text(to, text, request)

    async def _activation_open(self, to: _To, p: note.ActivationOpen) -> int | None:
        person = await to.session.get(InsuredPerson, p.card_id) if p.card_id else None
        policy = await to.session.get(Policy, person.policy_id) if person else None
        text = to.i18n("notify-activation-open", policy=policy.number if policy else "—")
        return await self._text(to, text)

    async def _coverage_started(self, to: _To, p: note.CoverageStarted) -> int | None:
        lines = []
        for card_id in p.card_ids:
            person = await to.session.get(InsuredPerson, card_id)
            policy = await to.session.get(Policy, person.policy_id) if person else None
            if person is None or policy is None:
                continue  # removed from the registry since: nothing to tell about it
            since = format_date(policy.coverage_start, format="long", locale=to.i18n.locale)
            lines.append(
                to.i18n(
                    "notify-coverage-card",
                    policy=html.escape(policy.number, quote=False),
                    name=html.escape(person.full_name, quote=False),
                    date=since,
                )
            )
        if not lines:
            return None
        text = to.i18n("notify-coverage-started", count=len(lines), cards="\n".join(lines))
        return await self._text(to, text)

    async def _cards_linked(self, to: _To, p: note.CardsLinked) -> int | None:
        return await self._text(to, to.i18n("notify-cards-linked", count=p.count))


MemberSender.SENDERS = {
    K.STAFF_COPY: MemberSender._staff_copy,
    K.REQUEST_STATUS: MemberSender._request_status,
    K.APPOINTMENT_TOMORROW: MemberSender._appointment_tomorrow,
    K.VISIT_BOOKED: MemberSender._visit_booked,
    K.NEED_INFO_NUDGE: MemberSender._need_info_nudge,
    K.ACTIVATION_OPEN: MemberSender._activation_open,
    K.COVERAGE_STARTED: MemberSender._coverage_started,
    K.CARDS_LINKED: MemberSender._cards_linked,
    # helpdesk tools (issue 14)
    K.CANNED_REPLY: helpdesk.canned_reply,
    K.STAFF_EDIT: helpdesk.staff_edit,
    K.RATING_ASK: helpdesk.rating_ask,
}
