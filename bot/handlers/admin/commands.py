"""Staff commands in the admin chat: /find, /setphone, /stats, and a registry file to import
(run in the background by `bot/handlers/admin/imports.py`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from aiogram import Bot, F, Router
from aiogram.filters import CommandObject
from aiogram.types import BufferedInputFile, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.config import Settings
from bot.filters.commands import command
from bot.handlers.admin import command_texts as texts
from bot.handlers.admin.imports import ImportJob, RegistryImports
from bot.handlers.admin.target import member_of
from bot.i18n import Translator
from bot.services.staff import chart as staff_chart
from bot.services.staff import find as staff_find
from bot.services.staff import phone_fix
from bot.services.staff import stats as staff_stats
from storage.uow import UnitOfWork

REGISTRY_SUFFIXES = frozenset({".csv", ".xlsx", ".xlsm", ".xls"})
DOWNLOAD_LIMIT = 20 * 1024 * 1024  # bots cannot download bigger files from Telegram


async def _reply(message: Message, parts: list[str]) -> None:
    for text in texts.split_message(parts):
        await message.reply(text.strip())


async def registry_file(message: Message, session: AsyncSession) -> bool:
    """A CSV/XLSX document outside a member's conversation (there it is relayed instead)."""
    document = message.document
    if document is None or Path(document.file_name or "").suffix.lower() not in REGISTRY_SUFFIXES:
        return False
    return await member_of(message, session) is None


async def _topic_member(message: Message, session: AsyncSession) -> str:
    """ "#42" for /find alone in member #42's topic, or in reply to one of their messages (the
    member the chat is about); "" elsewhere."""
    target = await member_of(message, session)
    return f"#{target.member_id}" if target is not None else ""


async def found(
    message: Message,
    query: str,
    uow: UnitOfWork,
    clock: Clock,
    settings: Settings,
    i18n: Translator,
) -> None:
    """What /find shows for `query`, in reply to `message` (audited, committed first)."""
    if message.from_user is None:
        await message.reply(i18n("staffcmd-find-usage"))
        return
    now = clock()
    result = await staff_find.find(
        uow.session,
        query,
        message.from_user.id,
        now,
        now.astimezone(settings.tz).date(),
        default_chat=settings.admin_chat_id,
        asked_in=message.chat.id,
    )
    # the view is audited: the audit row is stored before the data is shown
    if not await uow.commit():
        await message.reply(i18n("staff-not-saved"))
        return
    # a name is shown back as the staff member typed it (the audit keeps its initials)
    name = " ".join(query.split()) if staff_find.is_name(query) else None
    await _reply(message, texts.find_result(result, i18n, settings.tz, name=name))


def create_router() -> Router:
    router = Router(name="admin-commands")

    @router.message(command("find"))
    async def find(
        message: Message,
        command: CommandObject,
        uow: UnitOfWork,
        clock: Clock,
        settings: Settings,
        i18n: Translator,
    ) -> None:
        query = (command.args or "").strip() or await _topic_member(message, uow.session)
        if not query or not staff_find.searchable(query):
            await message.reply(i18n("staffcmd-find-usage"))
            return
        await found(message, query, uow, clock, settings, i18n)

    @router.message(command("setphone"))
    async def setphone(
        message: Message,
        command: CommandObject,
        uow: UnitOfWork,
        clock: Clock,
        i18n: Translator,
    ) -> None:
        args = (command.args or "").split(maxsplit=1)
        if len(args) == 1 and (member := await _topic_member(message, uow.session)):
            args.append(member)  # in a member's topic: that member's confirmed phone
        if len(args) != 2 or message.from_user is None:
            await message.reply(i18n("staffcmd-setphone-usage"))
            return
        try:
            fix = await phone_fix.set_card_phone(
                uow.session, args[0], args[1], message.from_user.id, clock()
            )
        except phone_fix.InvalidPhoneError:
            await message.reply(i18n("staffcmd-setphone-bad-phone"))
            return
        except phone_fix.NoMemberPhoneError:
            await message.reply(
                i18n("staffcmd-setphone-no-member-phone", member=texts.esc(args[1]))
            )
            return
        except phone_fix.CardNotFoundError as exc:
            await message.reply(i18n("staffcmd-setphone-no-card", insured_id=texts.esc(exc.masked)))
            return
        if not await uow.commit():
            await message.reply(i18n("staff-not-saved"))
            return
        await message.reply(texts.phone_fix(fix, i18n))

    @router.message(command("stats"))
    async def stats(
        message: Message, session: AsyncSession, clock: Clock, settings: Settings, i18n: Translator
    ) -> None:
        await _reply(message, texts.stats(await staff_stats.stats(session), i18n))
        # the chart (issue 14): drawn in a worker thread, never on the event loop
        data = await staff_chart.chart_data(
            session, clock().astimezone(settings.tz).date(), settings.tz
        )
        png = await asyncio.to_thread(staff_chart.render, data, texts.chart_labels(i18n))
        await message.reply_photo(
            BufferedInputFile(png, filename="stats.png"),
            caption=i18n("helpdesk-chart-caption", days=staff_chart.DAYS, count=data.requests),
        )

    @router.message(F.document, registry_file)
    async def import_registry(
        message: Message, bot: Bot, registry_imports: RegistryImports, i18n: Translator
    ) -> None:
        # the import runs in the background (bot/handlers/admin/imports.py): this update ends
        # once its progress message is sent
        document = message.document
        assert document is not None and message.from_user is not None
        name = document.file_name or "registry"
        if document.file_size is not None and document.file_size > DOWNLOAD_LIMIT:
            await message.reply(i18n("staffcmd-import-too-big", file=texts.esc(name)))
            return
        waited = registry_imports.busy
        key = "import-waiting" if waited else "import-progress"
        shown = await message.reply(i18n(key, file=texts.esc(name), rows=0))
        job = ImportJob(
            document=document,
            file_name=name,
            staff_id=message.from_user.id,
            chat_id=message.chat.id,
            file_message_id=message.message_id,
            progress_message_id=shown.message_id,
            i18n=i18n,
            waited=waited,
        )
        registry_imports.start(bot, job)

    return router
