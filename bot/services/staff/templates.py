"""Canned replies: templates per name and language, kept in the database and managed in the chat.

`/reply <name>` fills the member's language's text (else the default language's, else any) with
the member's name and the request number. A template is Telegram HTML, with the formatting staff
gave it (the handler writes it from the message's entities); the name and number filled in are
escaped here."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.languages import SUPPORTED_LOCALES
from bot.services.notifications import CannedReply
from bot.services.relay import RelayTarget, staff_line
from bot.services.staff.audit import audit
from bot.textfit import plain, visible_length
from storage.models import InsuredPerson, ReplyTemplate
from storage.repositories import helpdesk as helpdesk_repo
from storage.repositories import members as members_repo
from storage.repositories import privacy as privacy_repo
from storage.repositories import requests as requests_repo

NAME = re.compile(r"[a-z0-9_-]{1,32}")
TEMPLATE_MAX = 3000
# what a template may say; filled when it is sent
PLACEHOLDERS = ("{name}", "{request}")


class TemplateError(ValueError):
    """A name, language or text staff typed that cannot be kept (`key`: the message to show,
    `args`: what it names, as staff typed it)."""

    def __init__(self, key: str, **args: str) -> None:
        super().__init__(key)
        self.key = key
        self.args_shown = args


# a placeholder as staff write one: a word in braces ("{number}" for "{request}")
_PLACEHOLDER = re.compile(r"\{[^{}\s]{1,40}\}")


def clean_name(name: str) -> str:
    value = name.strip().lower()
    if not NAME.fullmatch(value):
        raise TemplateError("helpdesk-template-bad-name")
    return value


async def add(
    session: AsyncSession, name: str, language: str, text: str, staff_id: int, now: datetime
) -> tuple[ReplyTemplate, bool]:
    """Add a template (`text`: Telegram HTML), or replace the text of that name and language;
    audited.

    Returns the row and whether it replaced an existing one."""
    name = clean_name(name)
    language = language.strip().lower()
    if language not in SUPPORTED_LOCALES:
        raise TemplateError("helpdesk-template-bad-language")
    text = text.strip()
    if not plain(text).strip():
        raise TemplateError("helpdesk-template-usage")
    if visible_length(text) > TEMPLATE_MAX:  # as Telegram counts it: tags do not count
        raise TemplateError("helpdesk-template-too-long")
    # a placeholder the bot does not fill would reach the member as it is: "{number}"
    for placeholder in _PLACEHOLDER.findall(plain(text)):
        if placeholder not in PLACEHOLDERS:
            raise TemplateError("helpdesk-template-bad-placeholder", placeholder=placeholder)
    existing = {t.language: t for t in await helpdesk_repo.templates_named(session, name)}
    row = existing.get(language)
    replaced = row is not None
    if row is None:
        row = ReplyTemplate(
            name=name, language=language, text=text, created_by=staff_id, created_at=now,
            updated_at=now,
        )  # fmt: skip
    else:
        row.text, row.updated_at = text, now
    session.add(row)
    await session.flush()
    await audit(
        session, staff_id, "template_add", now, f"{name}:{language}", {"replaced": replaced}
    )
    return row, replaced


async def remove(
    session: AsyncSession, name: str, language: str | None, staff_id: int, now: datetime
) -> int:
    """Remove a template in one language or all; audited. Returns how many were removed."""
    name = clean_name(name)
    lang = language.strip().lower() if language else None
    removed = await helpdesk_repo.delete_templates(session, name, lang)
    if removed:
        await audit(session, staff_id, "template_remove", now, name, {"language": lang})
    return removed


def _choose(rows: list[ReplyTemplate], wanted: list[str | None]) -> ReplyTemplate | None:
    by_language = {row.language: row for row in rows}
    for language in wanted:
        if language in by_language:
            return by_language[language]
    return min(rows, key=lambda row: row.language) if rows else None


async def _holder_name(session: AsyncSession, card_id: int | None) -> str:
    """A member with no profile name is greeted by the name on the request's card."""
    person = await session.get(InsuredPerson, card_id) if card_id is not None else None
    return person.full_name if person else ""


def fill(text: str, name: str, number: str) -> str:
    """The template (Telegram HTML) with its placeholders filled, escaped."""
    return text.replace("{name}", html.escape(name, quote=False)).replace(
        "{request}", html.escape(number, quote=False)
    )


@dataclass(frozen=True)
class SentReply:
    html: str  # what the member gets
    language: str  # the template's language
    number: str | None


async def send(
    session: AsyncSession,
    target: RelayTarget,
    name: str,
    staff_id: int,
    chat_id: int,
    message_id: int,
    now: datetime,
    *,
    default_language: str,
) -> SentReply:
    """Queue a canned reply for the member behind `target`; audited.

    Raises TemplateError("helpdesk-reply-unknown") when no template has that name."""
    name = clean_name(name)
    rows = await helpdesk_repo.templates_named(session, name)
    member = await members_repo.get(session, target.member_id)
    assert member is not None
    row = _choose(rows, [member.language, default_language])
    if row is None:
        raise TemplateError("helpdesk-reply-unknown")
    request = (
        await requests_repo.get(session, target.request_id)
        if target.request_id is not None
        else await helpdesk_repo.latest_open_request(session, target.member_id)
    )
    number = request.number if request else None
    if request is not None and request.id is not None:  # free text on it: swept again
        await privacy_repo.sweep_again(session, request.id)
    who = member.full_name or await _holder_name(session, request.card_id if request else None)
    text = fill(row.text, who, number or "—").strip()
    if request is not None:
        staff_line(session, request, staff_id, plain(text), now)  # (as a line typed would be)
    await outbox.enqueue(
        session,
        CannedReply(html=text),
        dedup_key=f"canned:{chat_id}:{message_id}",
        member_id=target.member_id,
        request_id=request.id if request else None,
        now=now,
    )
    await audit(
        session,
        staff_id,
        "canned_reply",
        now,
        f"{name}:{row.language}",
        {"member_id": target.member_id, "request": number},
    )
    return SentReply(text, row.language, number)
