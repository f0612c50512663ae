"""Request card buttons: take, in progress, need info (asks the question), done, reject,
"show phone" (audited), and the "visit" of an appointment or lab tests (asks its day and hour)."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime, timedelta
from typing import Any

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ForceReply, Message

from bot.callbacks import BookSaid, StaffCallback
from bot.clock import Clock
from bot.config import Settings
from bot.handlers.admin.visit import book_said, book_visit
from bot.i18n import Translator
from bot.services import lifecycle, requests
from bot.services.forms import TEXT_MAX, clean_text, too_long
from bot.services.staff import (
    NEEDS_TEXT,
    AlreadyTakenError,
    StaffAction,
    act,
    done_untold,
    reveal_phones,
)
from bot.services.staff.routing import handled_in
from bot.services.visits import BOOKINGS
from storage.models import Request, RequestEvent, RequestStatus
from storage.uow import UnitOfWork


class StaffSG(StatesGroup):
    awaiting_text = State()


# how long the question or reason asked for is waited for: a line written later (the staff
# member went to another topic, or home) is not taken for it, and not sent either
PROMPT_TTL = timedelta(minutes=30)


def _answers_another(message: Message, data: dict[str, Any]) -> bool:
    """Whether `message` is a reply to some other message than the bot's prompt for the
    question or reason or the request's card (a member's line, a document): then it is not
    that answer. A line that replies to nothing is (in a topic it "replies" to the topic's
    first message)."""
    replied = message.reply_to_message
    if replied is None or replied.forum_topic_created is not None or "prompt_id" not in data:
        return False
    return replied.message_id not in (data["prompt_id"], data.get("card_id"))


async def _apply(
    reply_to: CallbackQuery | Message,
    uow: UnitOfWork,
    request_id: int,
    action: StaffAction,
    now_clock: Clock,
    i18n: Translator,
    comment: str | None = None,
) -> Request | None:
    """Run the action and commit it; on refusal or a failed commit tell the staff member why.

    The request when it was applied and committed (only then may the caller say it was done);
    None otherwise.
    """
    assert reply_to.from_user is not None
    try:
        request = await act(
            uow.session,
            request_id,
            action,
            reply_to.from_user.id,
            now_clock(),
            comment=comment,
            staff_name=reply_to.from_user.full_name,
        )
    except lifecycle.TransitionError as exc:
        if (
            isinstance(reply_to, Message)
            and action is StaffAction.INFO
            and exc.current is RequestStatus.NEED_INFO
        ):
            # a colleague asked first (both pressed "Need info"): this question goes to the
            # member as a line of the topic does, rather than being lost
            await reply_to.reply(i18n("staff-info-asked-already"))
            raise SkipHandler from exc
        text = i18n("staff-not-now", status=i18n("request-status-" + exc.current.value))
    except requests.RequestNotFoundError:
        text = i18n("staff-request-missing")
    except AlreadyTakenError as exc:
        text = i18n("staff-already-taken", name=exc.assignee_name or "—")
    else:
        if await uow.commit():
            return request
        text = i18n("staff-not-saved")
    if isinstance(reply_to, CallbackQuery):
        await reply_to.answer(text, show_alert=True)
    else:
        await reply_to.reply(text)
    return None


async def _prompt(uow: UnitOfWork, request_id: int, action: StaffAction) -> str:
    """The key of the question a button asks: the visit's day, or a medicines delivery's (its
    `visits.Booking`), or the question or reason its status needs."""
    if action is StaffAction.VISIT:
        request = await uow.session.get(Request, request_id)
        if request is not None and request.kind in BOOKINGS:
            return BOOKINGS[request.kind].ask
    return f"staff-ask-{action.value}"


async def _other_chat(
    callback: CallbackQuery, uow: UnitOfWork, request_id: int, settings: Settings, i18n: Translator
) -> bool:
    """A press on a request another staff chat handles (a forged button): refused."""
    chat_id = callback.message.chat.id if callback.message else 0
    if await handled_in(uow.session, request_id, chat_id, settings.admin_chat_id):
        return False
    await callback.answer(i18n("staff-other-chat"), show_alert=True)
    return True


async def _visit_answered(
    message: Message,
    text: str,
    request_id: int,
    uow: UnitOfWork,
    state: FSMContext,
    clock: Clock,
    settings: Settings,
    i18n: Translator,
) -> None:
    """The line that answers "📅 Visit": its day and hour booked (a line that is no day is
    answered with why, and the next one is taken)."""
    request = await uow.session.get(Request, request_id)
    if request is None:
        await state.clear()
        await message.reply(i18n("staff-request-missing"))
        return
    if await book_visit(
        message, text, uow, clock, settings, i18n, member_id=request.member_id,
        request_id=request_id,
    ):  # fmt: skip
        await state.clear()


def create_router() -> Router:
    router = Router(name="admin-buttons")

    @router.callback_query(StaffCallback.filter(F.action == StaffAction.REVEAL))
    async def on_reveal(
        callback: CallbackQuery,
        callback_data: StaffCallback,
        uow: UnitOfWork,
        clock: Clock,
        i18n: Translator,
        settings: Settings,
    ) -> None:
        if await _other_chat(callback, uow, callback_data.request_id, settings, i18n):
            return
        try:
            number, phones = await reveal_phones(
                uow.session, callback_data.request_id, callback.from_user.id, clock()
            )
        except requests.RequestNotFoundError:
            await callback.answer(i18n("staff-request-missing"), show_alert=True)
            return
        # the view is audited: the audit row is stored before the phone is shown
        if not await uow.commit():
            await callback.answer(i18n("staff-not-saved"), show_alert=True)
            return
        await callback.answer()
        if isinstance(callback.message, Message):
            await callback.message.reply(
                i18n("staff-phones", number=number, phones=", ".join(phones) or "—")
            )

    @router.callback_query(StaffCallback.filter())
    async def on_button(
        callback: CallbackQuery,
        callback_data: StaffCallback,
        uow: UnitOfWork,
        state: FSMContext,
        clock: Clock,
        i18n: Translator,
        settings: Settings,
    ) -> None:
        if await _other_chat(callback, uow, callback_data.request_id, settings, i18n):
            return
        action = callback_data.action
        if action in NEEDS_TEXT or action is StaffAction.VISIT:
            # the question, the reason or the visit's day comes as the staff member's next
            # message here
            await state.set_state(StaffSG.awaiting_text)
            await state.update_data(
                request_id=callback_data.request_id,
                action=action.value,
                asked_at=clock().isoformat(),
            )
            await callback.answer()
            if isinstance(callback.message, Message):
                asked = await _prompt(uow, callback_data.request_id, action)
                prompt = await callback.message.reply(
                    i18n(asked), reply_markup=ForceReply(selective=True)
                )
                await state.update_data(
                    prompt_id=prompt.message_id, card_id=callback.message.message_id
                )
            return
        # another status button: the question or reason asked for before (in this topic) is
        # not wanted any more, or the staff member's next line would be sent as it
        if await state.get_state() is not None:
            await state.clear()
        request = await _apply(callback, uow, callback_data.request_id, action, clock, i18n)
        if request is not None:
            await callback.answer(i18n("staff-done"))
            if isinstance(callback.message, Message) and await done_untold(uow.session, request):
                kind = i18n(f"request-kind-{request.kind}")
                # an appointment or lab tests: the visit may be booked, and the member reminded
                # (medicines: their delivery)
                booking = BOOKINGS.get(request.kind)
                key = booking.untold if booking else "staff-done-untold"
                await callback.message.reply(i18n(key, number=request.number, kind=kind))

    @router.callback_query(BookSaid.filter())
    async def on_book_said(
        callback: CallbackQuery,
        callback_data: BookSaid,
        uow: UnitOfWork,
        clock: Clock,
        i18n: Translator,
        settings: Settings,
    ) -> None:
        offer = callback.message
        if not isinstance(offer, Message):  # (too old for Telegram to give it)
            await callback.answer(i18n("staff-button-unknown"), show_alert=True)
            return
        line = await uow.session.get(RequestEvent, callback_data.line_id)
        if line is not None and await _other_chat(callback, uow, line.request_id, settings, i18n):
            return
        booked, refused = await book_said(
            offer, line, uow, clock, settings, i18n, staff_id=callback.from_user.id
        )
        if refused is not None:
            await callback.answer(i18n(refused), show_alert=True)
        else:
            await callback.answer(i18n("staff-done") if booked else None)
        if booked or refused is not None:
            with suppress(TelegramBadRequest):  # (removed already by a colleague's press)
                await offer.edit_reply_markup(reply_markup=None)  # pressed once: no button left

    @router.callback_query()
    async def on_unknown(callback: CallbackQuery, i18n: Translator) -> None:
        await callback.answer(i18n("staff-button-unknown"), show_alert=True)

    @router.message(StaffSG.awaiting_text, F.text, ~F.text.startswith("/"))
    async def on_text(
        message: Message,
        uow: UnitOfWork,
        state: FSMContext,
        clock: Clock,
        settings: Settings,
        i18n: Translator,
    ) -> None:
        data = await state.get_data()
        if _answers_another(message, data):
            raise SkipHandler  # said to the member, as any line in the topic (relay.py)
        asked_at = data.get("asked_at")
        if asked_at is not None and clock() - datetime.fromisoformat(asked_at) > PROMPT_TTL:
            await state.clear()
            minutes = int(PROMPT_TTL.total_seconds() // 60)
            await message.reply(i18n("staff-prompt-expired", minutes=minutes))
            return
        text = clean_text(message.text, min_len=2)
        if text is None:
            if too_long(message.text, TEXT_MAX):
                await message.reply(i18n("input-too-long", max=TEXT_MAX))
            else:
                await message.reply(i18n("staff-text-too-short"))
            return
        if data["action"] == StaffAction.VISIT:
            await _visit_answered(
                message, text, int(data["request_id"]), uow, state, clock, settings, i18n
            )
            return
        await state.clear()
        if await _apply(
            message,
            uow,
            int(data["request_id"]),
            StaffAction(data["action"]),
            clock,
            i18n,
            comment=text,
        ):
            await message.reply(i18n("staff-sent-to-member"))

    return router
