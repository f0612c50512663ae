"""What members receive: status changes, staff messages (copied), cards that appeared."""

from __future__ import annotations

import html
import json

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import OpenRequest
from bot.delivery.errors import UndeliverableError
from bot.i18n import Translator, TranslatorHub
from bot.render import VALUE_SHOWN, detail_lines
from storage.models import InsuredPerson, Member, Notification, Policy, Request


class MemberSender:
    def __init__(self, bot: Bot, translators: TranslatorHub) -> None:
        self.bot = bot
        self.translators = translators

    @staticmethod
    def _open_button(request: Request, i18n: Translator) -> InlineKeyboardMarkup:
        button = InlineKeyboardButton(
            text=i18n("btn-open-request"),
            callback_data=OpenRequest(request_id=request.id or 0).pack(),
        )
        return InlineKeyboardMarkup(inline_keyboard=[[button]])

    async def send(self, session: AsyncSession, n: Notification, member: Member) -> int | None:
        i18n = self.translators.get(member.language)
        payload = json.loads(n.payload)
        chat_id = member.telegram_id
        if n.kind == "staff_copy":
            copied = await self.bot.copy_message(
                chat_id, payload["from_chat_id"], payload["message_id"]
            )
            return copied.message_id
        if n.kind == "request_status":
            request = await session.get(Request, n.request_id)
            if request is None:
                return None
            text = i18n(
                "notify-request-status",
                number=request.number,
                kind=i18n("request-kind-" + request.kind),
                status=i18n("request-status-" + payload["status"]),
            )
            if payload.get("comment"):
                # staff wrote it: escaped, like everything a person wrote that goes out as HTML
                comment = html.escape(payload["comment"], quote=False)
                text += "\n" + i18n("notify-request-comment", comment=comment)
            sent = await self.bot.send_message(
                chat_id, text, reply_markup=self._open_button(request, i18n)
            )
            return sent.message_id
        if n.kind in ("appointment_tomorrow", "need_info_nudge"):
            request = await session.get(Request, n.request_id)
            if request is None:
                return None
            details = json.loads(request.details)
            if n.kind == "appointment_tomorrow":
                text = i18n(
                    "notify-appointment-tomorrow",
                    number=request.number,
                    details=html.escape(
                        detail_lines(details, i18n, value_max=VALUE_SHOWN), quote=False
                    ),
                )
            else:
                text = i18n(
                    "notify-need-info-nudge",
                    number=request.number,
                    question=html.escape(payload.get("question") or "", quote=False),
                )
            sent = await self.bot.send_message(
                chat_id, text, reply_markup=self._open_button(request, i18n)
            )
            return sent.message_id
        if n.kind == "activation_open":
            person = await session.get(InsuredPerson, payload.get("card_id"))
            policy = await session.get(Policy, person.policy_id) if person else None
            sent = await self.bot.send_message(
                chat_id, i18n("notify-activation-open", policy=policy.number if policy else "—")
            )
            return sent.message_id
        if n.kind == "cards_linked":
            sent = await self.bot.send_message(
                chat_id, i18n("notify-cards-linked", count=payload.get("count", 1))
            )
            return sent.message_id
        raise UndeliverableError(f"unknown member notification {n.kind}")
