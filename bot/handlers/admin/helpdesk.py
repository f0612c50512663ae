"""Helpdesk tools in the admin chat: internal notes (`!…`, `/note`), canned replies (`/reply`,
`/templates`, `/template add|remove`), staff edits synced to the member, `/export`."""

from __future__ import annotations

import html

from aiogram import F, Router
from aiogram.filters import CommandObject
from aiogram.types import BufferedInputFile, Message
from aiogram.utils.text_decorations import html_decoration
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.config import Settings
from bot.filters.commands import command
from bot.filters.staff import StaffFilter
from bot.handlers.admin.target import member_of
from bot.handlers.admin.visit import book_visit
from bot.i18n import Translator
from bot.services import relay
from bot.services.dates import read_days
from bot.services.staff import export as staff_export
from bot.services.staff import notes, templates
from bot.textfit import MESSAGE_LIMIT, pack, plain, units
from storage.repositories import helpdesk as helpdesk_repo
from storage.uow import UnitOfWork

PREVIEW = 80  # characters of a template shown by /templates


async def _keep_note(
    message: Message,
    text: str | None,
    uow: UnitOfWork,
    clock: Clock,
    i18n: Translator,
    *,
    quiet: bool = False,
) -> None:
    """Keep a note; `quiet`: a `!…` line outside a member's topic is staff talk, left alone."""
    assert message.from_user is not None
    target = await member_of(message, uow.session)
    if target is None:
        if not quiet:
            await message.reply(i18n("helpdesk-note-no-member"))
        return
    if not text:
        await message.reply(i18n("helpdesk-note-usage"))
        return
    await notes.keep(
        uow.session, target, message.from_user.id, message.chat.id, message.message_id, text,
        clock(),
    )  # fmt: skip
    if not await uow.commit():
        await message.reply(i18n("staff-not-saved"))
        return
    await message.reply(i18n("helpdesk-note-kept"))


def _template_list(rows: list, i18n: Translator) -> list[str]:
    """The canned replies, a line each, in as many messages as they need."""
    if not rows:
        return [i18n("helpdesk-templates-none")]
    lines = [i18n("helpdesk-templates-title", count=len(rows))]
    for row in rows:
        text = plain(row.text)
        preview = text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"
        lines.append(
            f"• <code>{html.escape(row.name)}</code> [{row.language}]: "
            f"{html.escape(' '.join(preview.split()))}"
        )
    lines.append(i18n("helpdesk-templates-help"))
    return pack(lines, MESSAGE_LIMIT)


def html_tail(message: Message, tail: str) -> str:
    """`tail`, the end of the message's text, as Telegram HTML with the formatting staff gave
    it (bold, italics, links): the message's entities over it, counted from its start."""
    text = message.text or ""
    start = units(text[: len(text) - len(tail)])  # entities count UTF-16 units
    entities = []
    for entity in message.entities or ():
        end = entity.offset + entity.length
        if end <= start:
            continue
        offset = max(entity.offset, start)
        moved = {"offset": offset - start, "length": end - offset}
        entities.append(entity.model_copy(update=moved))
    return html_decoration.unparse(tail, entities)


def create_router() -> Router:
    router = Router(name="admin-helpdesk")
    # edits come as their own kind of update: the admin router's filters do not cover them
    router.edited_message.filter(StaffFilter())

    @router.message(command("note"))
    async def note_command(
        message: Message, command: CommandObject, uow: UnitOfWork, clock: Clock, i18n: Translator
    ) -> None:
        await _keep_note(message, (command.args or "").strip() or None, uow, clock, i18n)

    @router.message(F.text.startswith(notes.MARK))
    async def note_mark(message: Message, uow: UnitOfWork, clock: Clock, i18n: Translator) -> None:
        await _keep_note(message, notes.note_of(message.text), uow, clock, i18n, quiet=True)

    @router.message(command("reply"))
    async def reply(
        message: Message,
        command: CommandObject,
        uow: UnitOfWork,
        clock: Clock,
        settings: Settings,
        i18n: Translator,
    ) -> None:
        assert message.from_user is not None
        name = (command.args or "").strip()
        if not name:
            await message.reply(i18n("helpdesk-reply-usage"))
            return
        target = await member_of(message, uow.session)
        if target is None:
            await message.reply(i18n("helpdesk-note-no-member"))
            return
        try:
            sent = await templates.send(
                uow.session,
                target,
                name,
                message.from_user.id,
                message.chat.id,
                message.message_id,
                clock(),
                default_language=settings.default_locale,
            )
        except templates.TemplateError as exc:
            await message.reply(i18n(exc.key, name=html.escape(name[:40])))
            return
        if not await uow.commit():
            await message.reply(i18n("staff-not-saved"))
            return
        if target.unreachable:
            await message.reply(i18n("staff-member-unreachable"))
        await message.reply(i18n("helpdesk-reply-sent", language=sent.language, text=sent.html))

    @router.message(command("visit"))
    async def visit(
        message: Message,
        command: CommandObject,
        uow: UnitOfWork,
        clock: Clock,
        settings: Settings,
        i18n: Translator,
    ) -> None:
        """`/visit 09.12 17:30` in a member's topic: the visit of their appointment or lab tests,
        as the clinic or laboratory booked it (`visits.book`): the member told, and reminded the
        day before."""
        target = await member_of(message, uow.session)
        if target is None:
            await message.reply(i18n("helpdesk-note-no-member"))
            return
        booked = await book_visit(
            message,
            command.args or "",
            uow,
            clock,
            settings,
            i18n,
            member_id=target.member_id,
            about=target.request_id,
        )
        if booked and target.unreachable:
            await message.reply(i18n("staff-member-unreachable"))

    @router.message(command("templates"))
    async def list_templates(message: Message, session: AsyncSession, i18n: Translator) -> None:
        for text in _template_list(await helpdesk_repo.templates(session), i18n):
            await message.reply(text)

    @router.message(command("template"))
    async def manage_template(
        message: Message, command: CommandObject, uow: UnitOfWork, clock: Clock, i18n: Translator
    ) -> None:
        assert message.from_user is not None
        args = (command.args or "").split(maxsplit=3)
        verb = args[0].lower() if args else ""
        try:
            if verb == "add" and len(args) == 4:
                text = html_tail(message, args[3])
                row, replaced = await templates.add(
                    uow.session, args[1], args[2], text, message.from_user.id, clock()
                )
                done = i18n(
                    "helpdesk-template-replaced" if replaced else "helpdesk-template-added",
                    name=html.escape(row.name),
                    language=row.language,
                )
            elif verb == "remove" and len(args) in (2, 3):
                language = args[2] if len(args) == 3 else None
                removed = await templates.remove(
                    uow.session, args[1], language, message.from_user.id, clock()
                )
                done = i18n(
                    "helpdesk-template-removed", name=html.escape(args[1][:40]), count=removed
                )
            else:
                await message.reply(i18n("helpdesk-template-usage"))
                return
        except templates.TemplateError as exc:
            shown = {key: html.escape(value) for key, value in exc.args_shown.items()}
            await message.reply(i18n(exc.key, name="", **shown))
            return
        if not await uow.commit():
            await message.reply(i18n("staff-not-saved"))
            return
        await message.reply(done)

    @router.message(command("export"))
    async def export(
        message: Message,
        command: CommandObject,
        uow: UnitOfWork,
        clock: Clock,
        settings: Settings,
        i18n: Translator,
    ) -> None:
        assert message.from_user is not None
        # as staff type days: "2026-11-30", "30.11.2026", "30.11", "вчера", "today", two of
        # them, or a span ("20.11-30.11", "с 1 по 15 ноября"); a day without its year is the
        # last such day: an export is of days gone
        today = clock().astimezone(settings.tz).date()
        days = read_days(command.args or "", today)
        if days is None:
            await message.reply(i18n("helpdesk-export-usage"))
            return
        first, last = days  # one date: that day
        headers = {name: i18n(f"helpdesk-export-col-{name}") for name in staff_export.COLUMNS}
        try:
            made = await staff_export.export(
                uow.session, first, last, settings.tz, message.from_user.id, clock(), headers
            )
        except staff_export.ExportRangeError:
            await message.reply(i18n("helpdesk-export-range", days=staff_export.MAX_DAYS))
            return
        # the export is audited: the audit row is stored before the file leaves
        if not await uow.commit():
            await message.reply(i18n("staff-not-saved"))
            return
        await message.reply_document(
            BufferedInputFile(made.data, filename=made.file_name),
            caption=i18n(
                "helpdesk-export-caption",
                first=first.isoformat(),
                last=last.isoformat(),
                count=made.rows,
            ),
        )

    @router.edited_message(~F.from_user.is_bot)
    async def staff_edited(message: Message, uow: UnitOfWork, clock: Clock) -> None:
        now = clock()
        text = message.text if message.text is not None else message.caption
        if await notes.edited(uow.session, message.chat.id, message.message_id, text, now):
            await uow.commit()
            return
        if text is None or (message.text or "").startswith("/"):
            return
        queued = await relay.staff_edited(
            uow.session,
            message.chat.id,
            message.message_id,
            message.html_text,
            message.text is None,
            message.edit_date or 0,
            now,
            text=text,
        )
        if queued:
            await uow.commit()

    return router
