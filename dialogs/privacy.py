"""/mydata: what is stored about the member, page by page; the JSON export; "Delete my data"."""

from __future__ import annotations

import html
import logging
from datetime import UTC, date, datetime
from typing import Any

from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.kbd import Button, Start, StubScroll, SwitchTo
from aiogram_dialog.widgets.text import Format
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import Translator
from bot.render import detail_lines
from bot.services.privacy import copies, erase, export
from bot.services.reminders import visit_reminder_key
from bot.textfit import cut, pack
from dialogs.common import (
    MemberDialog,
    back_button,
    commit_now,
    fmt_date,
    fmt_datetime,
    member_date,
    member_window,
    now,
    page_buttons,
    scroll_page,
    set_notice,
    today,
    typed_yes,
)
from dialogs.states import MainSG
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from storage.models import Member

log = logging.getLogger(__name__)


class PrivacySG(StatesGroup):
    summary = State()
    confirm = State()
    erased = State()


PAGES = "mydata_pages"
PAGE_ROOM = 3500  # a page of the summary, leaving room for the title and the buttons
VALUE_MAX = 300  # a person's text in the summary (the export has it whole)
PROFILE = {
    "full_name": "mydata-full-name",
    "gender": "mydata-gender",
    "birth_date": "mydata-birth-date",
    "home_address": "mydata-home-address",
    "extra_address": "mydata-extra-address",
}


def _esc(value: object) -> str:
    return html.escape(cut(str(value), VALUE_MAX), quote=False)


def _moment(value: str) -> datetime:
    """A stored moment as the export writes it: UTC (a naive one too)."""
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _when(value: str | None, manager: DialogManager) -> str:
    if not value:
        return "—"
    if "T" not in value:
        return fmt_date(date.fromisoformat(value), manager)
    return fmt_datetime(_moment(value), manager)


def _day(value: str, manager: DialogManager) -> str:
    """A date (a birth date, a coverage day) as it is; a moment (when a card was linked, a
    request sent) as the day it was where the member is, not in UTC."""
    if "T" not in value:
        return fmt_date(date.fromisoformat(value), manager)
    return fmt_date(member_date(_moment(value), manager), manager)


def _profile(m: dict[str, Any], manager: DialogManager, i18n: Translator) -> list[str]:
    lines = [i18n("mydata-profile")]
    for key, label in PROFILE.items():
        value = m.get(key)
        if key == "gender" and value:
            value = i18n(f"gender-{value}")
        elif key == "birth_date" and value:
            value = _day(value, manager)
        lines.append(f"{i18n(label)}: {_esc(value) if value else '—'}")
    return lines


def _cards(data: dict[str, Any], manager: DialogManager, i18n: Translator) -> list[str]:
    lines = ["", i18n("mydata-cards", count=len(data["cards"]))]
    for c in data["cards"]:
        card, policy = c["card"], c["policy"]
        lines.append(
            i18n(
                "mydata-card",
                policy=_esc(policy["number"]),
                program=_esc(policy["program"]),
                holder=_esc(card["full_name"]),
                start=_day(policy["coverage_start"], manager),
                end=_day(policy["coverage_end"], manager),
                date=_day(c["link"]["linked_at"], manager),
            )
        )
    return lines


def _requests(data: dict[str, Any], manager: DialogManager, i18n: Translator) -> list[str]:
    lines = ["", i18n("mydata-requests", count=len(data["requests"]))]
    for r in data["requests"]:
        lines.append(
            i18n(
                "mydata-request",
                number=r["number"],
                kind=i18n(f"request-kind-{r['kind']}"),
                status=i18n(f"request-status-{r['status']}"),
                date=_day(r["created_at"], manager),
            )
        )
        answers = detail_lines(r["details"], i18n, value_max=VALUE_MAX)
        if answers:
            lines.append(html.escape(answers, quote=False))
        lines.append(i18n("mydata-history"))
        for e in r["events"]:
            status = i18n(f"request-status-{e['to_status']}") if e["to_status"] else "💬"
            line = i18n("mydata-event", date=_when(e["created_at"], manager), status=status)
            lines.append(line + (f": {_esc(e['comment'])}" if e["comment"] else ""))
        if r["documents"]:
            lines.append(i18n("mydata-documents"))
            for d in r["documents"]:
                name = _esc(d["file_name"]) if d["file_name"] else i18n("mydata-document-unnamed")
                line = i18n("mydata-document", name=name, date=_day(d["created_at"], manager))
                if d.get("caption"):  # what they wrote under it
                    line += f": {_esc(d['caption'])}"
                # DOWNLOAD_DOCUMENTS: the member learns a copy is kept (docs/privacy.md)
                lines.append(line + (i18n("mydata-document-copy") if d.get("local_path") else ""))
        if rating := r.get("rating"):
            line = i18n("mydata-rating", score=rating["score"])
            lines.append(line + (f": {_esc(rating['comment'])}" if rating["comment"] else ""))
    return lines


def summary_lines(data: dict[str, Any], manager: DialogManager, i18n: Translator) -> list[str]:
    """The export as lines a person reads, in their language (people's text escaped)."""
    m = data["member"]
    lines = [i18n("mydata-telegram", id=m["telegram_id"])]
    lines.append(i18n("mydata-language", language=_esc(m["language"] or "—")))
    if m["phone"]:
        when = _when(m["phone_confirmed_at"], manager)
        lines.append(i18n("mydata-phone", phone=_esc(m["phone"]), date=when))
    else:
        lines.append(i18n("mydata-phone-none"))
    lines += ["", *_profile(m, manager, i18n)]
    lines += _cards(data, manager, i18n)
    lines += _requests(data, manager, i18n)
    if data["support_tickets"]:
        lines += ["", i18n("mydata-tickets", count=len(data["support_tickets"]))]
        for t in data["support_tickets"]:
            text = " · ".join(
                _esc(t[k]) for k in ("policy_number", "full_name", "phone", "text") if t[k]
            )
            lines.append(i18n("mydata-ticket", date=_day(t["created_at"], manager), text=text))
    waiting = [n for n in data["notifications"] if n["status"] in ("pending", "sending", "held")]
    # and the visits staff booked that are still ahead and not reminded of yet: each is
    # reminded the day before (a reminder queued is counted with the messages waiting)
    day = today(manager).isoformat()
    queued = {n["dedup_key"] for n in data["notifications"]}
    visits = sum(
        1
        for r in data["requests"]
        if r.get("visit_on") and str(r["visit_on"]) > day
        and r["status"] not in ("rejected", "cancelled")
        and visit_reminder_key(r["id"], r["visit_on"]) not in queued
    )  # fmt: skip
    lines += [
        "",
        i18n(
            "mydata-reminders", count=sum(1 for r in data["reminders"] if not r["sent_at"]) + visits
        ),
        i18n("mydata-pending", count=sum(1 for n in waiting if n["audience"] == "member")),
        i18n("mydata-attempts", count=len(data["activation_attempts"])),
        i18n("mydata-state", count=len(data["dialog_state"])),
        i18n("mydata-topic", yes="yes" if data["admin_topics"] else "no"),
    ]
    if data["ecard_images"]:
        lines.append(i18n("mydata-ecard-images", count=len(data["ecard_images"])))
    lines += ["", i18n("mydata-footer")]
    return lines


async def summary_getter(
    dialog_manager: DialogManager,
    session: AsyncSession,
    member: Member,
    i18n: Translator,
    **_: Any,
) -> dict[str, Any]:
    data = await export.collect(session, member, now(dialog_manager))
    parts = pack(summary_lines(data, dialog_manager, i18n), PAGE_ROOM)
    page = min(await scroll_page(dialog_manager, PAGES), len(parts) - 1)
    header = i18n("mydata-title")
    if len(parts) > 1:
        header += "\n" + i18n("mydata-page", page=page + 1, pages=len(parts))
    return {"text": f"{header}\n\n{parts[page]}", "pages": len(parts)}


async def on_export(
    event: CallbackQuery | Message, _button: Button, manager: DialogManager
) -> None:
    """The member's data as a JSON file; pressed, or its label typed (`common.pressed_typed`)."""
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    i18n: Translator = manager.middleware_data["i18n"]
    data = await export.collect(session, member, now(manager))
    file = BufferedInputFile(export.to_json(data), filename=f"mydata_{now(manager):%Y%m%d}.json")
    if isinstance(event, CallbackQuery):
        await event.answer()
    try:
        await manager.event.bot.send_document(  # type: ignore[union-attr]
            member.telegram_id,
            file,
            caption=i18n("mydata-export-caption", version=export.SCHEMA_VERSION),
        )
    except TelegramAPIError:
        log.warning("the /mydata export of member #%s could not be sent", member.id)
        chat = event.message if isinstance(event, CallbackQuery) else event
        await chat.answer(i18n("mydata-export-failed"))  # type: ignore[union-attr]
    # the summary comes again below the file
    manager.show_mode = ShowMode.SEND


async def forget_state(storage: BaseStorage, telegram_id: int) -> None:
    """Dialog state kept apart from the database (Redis) goes too; the database's rows went
    with the erase, in its transaction."""
    redis = getattr(getattr(storage, "inner", storage), "redis", None)
    if redis is None:
        return
    keys = [
        key
        async for key in redis.scan_iter(match=f"fsm:*:{telegram_id}:{telegram_id}*")
        # (the event lock this very update holds is not state: it is released as usual)
        if key.endswith((b":data", b":state"))
    ]
    if keys:
        await redis.delete(*keys)


async def on_erase(event: CallbackQuery | Message, _button: Button, manager: DialogManager) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    telegram_id = member.telegram_id
    erased = await erase.erase(session, member, now(manager))
    if not await commit_now(manager):  # commit, then speak
        return
    await forget_state(manager.middleware_data["fsm_storage"], telegram_id)
    settings: Settings = manager.middleware_data["settings"]
    await copies.remove(settings.download_documents, erased.documents)
    if isinstance(event, CallbackQuery):  # (its label typed: a message, nothing to answer)
        await event.answer()
    # a stack of its own with nothing of the member in it
    await manager.start(PrivacySG.erased, mode=StartMode.RESET_STACK)


async def on_erase_typed_yes(_message: Message, _widget: Any, manager: DialogManager) -> None:
    """ "да" typed under "Delete your data?": what cannot be undone is done by its button
    only, a deliberate tap; the member is shown which."""
    set_notice(manager, "mydata-erase-press")


async def on_erase_typed_no(_message: Message, _widget: Any, manager: DialogManager) -> None:
    """ "нет" typed there: the data kept, as its button does."""
    await manager.switch_to(PrivacySG.summary)


def privacy_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            Format("{text}"),
            I18nError(),
            StubScroll(PAGES, pages="pages"),
            page_buttons(PAGES, "btn-mydata-page-back", "btn-mydata-page-forward"),
            Button(I18nButtonText("btn-mydata-export"), id="export", on_click=on_export),
            SwitchTo(I18nButtonText("btn-mydata-erase"), id="erase", state=PrivacySG.confirm),
            back_button(),
            getter=summary_getter,
            state=PrivacySG.summary,
        ),
        member_window(
            I18nFormat("mydata-erase-confirm"),
            I18nError(),
            Button(I18nButtonText("btn-mydata-erase-yes"), id="erase_yes", on_click=on_erase),
            SwitchTo(I18nButtonText("btn-mydata-erase-no"), id="erase_no", state=PrivacySG.summary),
            typed_yes(on_erase_typed_yes, on_erase_typed_no),
            state=PrivacySG.confirm,
        ),
        member_window(
            I18nFormat("mydata-erased"),
            Start(
                I18nButtonText("btn-mydata-start-again"),
                id="again",
                state=MainSG.menu,
                mode=StartMode.RESET_STACK,
            ),
            state=PrivacySG.erased,
        ),
    )
