"""/audit in the admin chat (owners only): the audit about a member, a request or a staff
member, listed and sent as an XLSX workbook."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import CommandObject
from aiogram.types import BufferedInputFile, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.filters.commands import command
from bot.handlers.admin.command_texts import split_message
from bot.handlers.admin.privacy_texts import audit_lines
from bot.i18n import Translator
from bot.services.staff import audit_view


def create_router() -> Router:
    router = Router(name="admin-audit")

    @router.message(command("audit"))
    async def audit(
        message: Message,
        command: CommandObject,
        session: AsyncSession,
        settings: Settings,
        i18n: Translator,
    ) -> None:
        if message.from_user is None or message.from_user.id not in settings.owner_ids:
            await message.reply(i18n("privacy-audit-owners-only"))
            return
        try:
            result = await audit_view.view(session, command.args or "")
        except audit_view.AuditQueryError:
            await message.reply(i18n("privacy-audit-usage"))
            return
        for text in split_message(audit_lines(result, i18n, settings.tz)):
            await message.reply(text.strip())
        if result.entries:
            name = f"audit_{result.scope}_{result.subject.replace(' #', '_')}.xlsx"
            await message.reply_document(
                BufferedInputFile(audit_view.workbook(result), filename=name),
                caption=i18n("privacy-audit-file", count=len(result.entries)),
            )

    return router
