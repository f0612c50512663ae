"""Request card buttons: take, in progress, need info (asks the question), done, reject."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, ForceReply, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.i18n import Translator
from bot.services import lifecycle, requests
from bot.services.forms import clean_text
from bot.services.staff import NEEDS_TEXT, StaffAction, act


class StaffCallback(CallbackData, prefix="st"):
    request_id: int
    action: StaffAction


class StaffSG(StatesGroup):
    awaiting_text = State()


def create_router() -> Router:
    router = Router(name="admin-buttons")

    @router.callback_query(StaffCallback.filter())
    async def on_button(
        callback: CallbackQuery,
        callback_data: StaffCallback,
        session: AsyncSession,
        state: FSMContext,
        clock: Clock,
        i18n: Translator,
    ) -> None:
        if callback_data.action in NEEDS_TEXT:
            await state.set_state(StaffSG.awaiting_text)
            await state.update_data(
                request_id=callback_data.request_id, action=callback_data.action.value
            )
            await callback.answer()
            if isinstance(callback.message, Message):
                await callback.message.reply(
                    i18n(f"staff-ask-{callback_data.action.value}"),
                    reply_markup=ForceReply(selective=True),
                )
            return
        try:
            await act(
                session,
                callback_data.request_id,
                callback_data.action,
                callback.from_user.id,
                clock(),
            )
        except lifecycle.TransitionError as exc:
            await callback.answer(
                i18n("staff-not-now", status=i18n("request-status-" + exc.current.value)),
                show_alert=True,
            )
            return
        except requests.RequestNotFoundError:
            await callback.answer(i18n("staff-request-missing"), show_alert=True)
            return
        await callback.answer(i18n("staff-done"))

    @router.callback_query()
    async def on_unknown(callback: CallbackQuery, i18n: Translator) -> None:
        await callback.answer(i18n("staff-button-unknown"), show_alert=True)

    @router.message(StaffSG.awaiting_text, F.text)
    async def on_text(
        message: Message,
        session: AsyncSession,
        state: FSMContext,
        clock: Clock,
        i18n: Translator,
    ) -> None:
        text = clean_text(message.text, min_len=2)
        if text is None:
            await message.reply(i18n("staff-text-too-short"))
            return
        data = await state.get_data()
        await state.clear()
        assert message.from_user is not None
        try:
            await act(
                session,
                int(data["request_id"]),
                StaffAction(data["action"]),
                message.from_user.id,
                clock(),
                comment=text,
            )
        except lifecycle.TransitionError as exc:
            await message.reply(
                i18n("staff-not-now", status=i18n("request-status-" + exc.current.value))
            )
            return
        await message.reply(i18n("staff-sent-to-member"))

    return router
