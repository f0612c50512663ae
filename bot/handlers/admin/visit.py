"""Booking the visit of an appointment or lab tests from the staff chat: `/visit 09.12 17:30`
(helpdesk.py) or the card's "📅 Visit" button and the line that answers its prompt (buttons.py)."""

from __future__ import annotations

import html

from aiogram.types import Message

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Translator
from bot.render import value_text
from bot.services import visits
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
        request = await visits.request_for(
            uow.session, member_id, booked.request_id or request_id, now, about=about
        )
        await visits.book(uow.session, request, booked, message.from_user.id, now, today)
    except visits.VisitError as exc:
        shown = {key: html.escape(value) for key, value in exc.args_shown.items()}
        await message.reply(i18n(exc.key, **shown))
        return False
    booking = visits.BOOKINGS[request.kind]
    when = value_text(booking.day_field, booked.day.isoformat(), request.details, i18n)
    number = request.number
    if not await uow.commit():
        await message.reply(i18n("staff-not-saved"))
        return False
    remind = "yes" if visits.reminded(booked, today) else "no"
    await message.reply(
        i18n(booking.booked, number=number, when=html.escape(when, quote=False), remind=remind)
    )
    return True
