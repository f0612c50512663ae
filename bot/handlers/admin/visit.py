"""Booking the visit of an appointment or lab tests from the staff chat: `/visit 09.12 17:30`
(helpdesk.py), the card's "📅 Visit" button and the line that answers its prompt (buttons.py),
or a line to the member that says it was booked, offered for booking (relay.py: `offer_said`)
and booked by its button (buttons.py: `book_said`)."""

from __future__ import annotations

import html
from datetime import date, datetime

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.callbacks import BookSaid
from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Translator
from bot.render import value_text
from bot.services import visits
from storage.models import Request, RequestEvent
from storage.uow import UnitOfWork


async def book_visit(
    message: Message,
    typed: str,
    uow: UnitOfWork,
    clock: Clock,
    settings: Settings,
    i18n: Translator,
    *,
    member_id: int,
    request_id: int | None = None,
    about: int | None = None,
) -> bool:
    """Book the visit `typed` says (`visits.read_visit`) on the member's appointment or lab tests
    (the one numbered in it, else `request_id`, else the one `about`, else their only recent one)
    and commit, then say so; on a refusal or a failed commit say why. Whether it was booked."""
    assert message.from_user is not None
    now = clock()
    today = now.astimezone(settings.tz).date()
    try:
        booked = visits.read_visit(typed, today)
    except visits.VisitError as exc:
        await _refused(message, exc, i18n)
        return False
    return await book(
        message,
        booked,
        uow,
        i18n,
        staff_id=message.from_user.id,
        now=now,
        today=today,
        member_id=member_id,
        request_id=booked.request_id or request_id,
        about=about,
    )


async def book(
    reply_to: Message,
    booked: visits.Visit,
    uow: UnitOfWork,
    i18n: Translator,
    *,
    staff_id: int,
    now: datetime,
    today: date,
    member_id: int,
    request_id: int | None,
    about: int | None = None,
) -> bool:
    """Book `booked` on the member's request (`visits.request_for`) and commit, then say so in
    reply to `reply_to`; on a refusal or a failed commit say why. Whether it was booked."""
    try:
        request = await visits.request_for(uow.session, member_id, request_id, now, about=about)
        await visits.book(uow.session, request, booked, staff_id, now, today)
    except visits.VisitError as exc:
        await _refused(reply_to, exc, i18n)
        return False
    booking = visits.BOOKINGS[request.kind]
    when = value_text(booking.day_field, booked.day.isoformat(), request.details, i18n)
    number = request.number
    if not await uow.commit():
        await reply_to.reply(i18n("staff-not-saved"))
        return False
    remind = "yes" if visits.reminded(booked, today) else "no"
    await reply_to.reply(
        i18n(booking.booked, number=number, when=html.escape(when, quote=False), remind=remind)
    )
    return True


async def _refused(reply_to: Message, exc: visits.VisitError, i18n: Translator) -> None:
    shown = {key: html.escape(value) for key, value in exc.args_shown.items()}
    await reply_to.reply(i18n(exc.key, **shown))


async def offer_said(
    message: Message,
    line: RequestEvent,
    uow: UnitOfWork,
    clock: Clock,
    settings: Settings,
    i18n: Translator,
) -> None:
    """A staff member's line to the member that says the visit (or the delivery) was booked
    ("Записали вас на четверг в 14:30, кабинет 12", `visits.said_in_line`): once the line is
    stored, the bot offers to book it on the request, whose member is then reminded the day
    before. Nothing when the line books nothing."""
    request = await uow.session.get(Request, line.request_id)
    today = clock().astimezone(settings.tz).date()
    if request is None or line.comment is None:
        return
    said = visits.said_in_line(request, line.comment, today)
    if said is None:
        return
    await uow.session.flush()  # (the line's id, for the button)
    assert line.id is not None
    if not await uow.commit():  # (the copy for the member with it: not sent either)
        await message.reply(i18n("staff-message-not-sent"))
        return
    booking = visits.BOOKINGS[request.kind]
    hour = {booking.time_field: said.at} if said.at is not None else {}
    when = value_text(booking.day_field, said.day.isoformat(), hour, i18n)
    button = InlineKeyboardButton(
        text=i18n(booking.offer_button), callback_data=BookSaid(line_id=line.id).pack()
    )
    await message.reply(
        i18n(
            booking.offer,
            number=request.number,
            when=html.escape(when, quote=False),
            remind="yes" if visits.reminded(said, today) else "no",
        ),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
    )


async def book_said(
    reply_to: Message,
    line: RequestEvent | None,
    uow: UnitOfWork,
    clock: Clock,
    settings: Settings,
    i18n: Translator,
    *,
    staff_id: int,
) -> tuple[bool, str | None]:
    """The offer's button pressed on its `line` (None: gone): the visit the line says, read as
    of the day it was written ("завтра" is the day after it), booked on the line's request
    (`book`, which says so or why not). Whether it was booked, and the key of why it was not
    tried (the line gone, booked already or the request closed, the day passed)."""
    request = await uow.session.get(Request, line.request_id) if line is not None else None
    if line is None or request is None or line.comment is None:
        return False, "staff-button-unknown"
    now = clock()
    today = now.astimezone(settings.tz).date()
    written = line.created_at.astimezone(settings.tz).date()
    said = visits.said_in_line(request, line.comment, written)
    if said is None:
        return False, "staff-said-booked-already"
    if said.day < today:
        return False, "staff-said-day-passed"
    booked = await book(
        reply_to,
        said,
        uow,
        i18n,
        staff_id=staff_id,
        now=now,
        today=today,
        member_id=request.member_id,
        request_id=request.id,
    )
    return booked, None
