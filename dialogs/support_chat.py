"""\"Write to support\": every message the member sends here goes to staff at once; while support
waits for the member's answer on one request (\"need info\"), it goes to that request, which is
back in work, as an answer written on any other screen does (dialogs/answers.py)."""

from __future__ import annotations

from typing import Any

from aiogram.types import Message
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.input import MessageInput
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services import requests, support_chat
from bot.services.documents import MAX_DOCUMENTS, Attachment, refusal
from bot.services.forms import TEXT_MAX, names_emergency
from dialogs.attachments import attachment_of
from dialogs.common import (
    OFFER,
    MemberDialog,
    back_button,
    clear_error,
    commit_now,
    member_window,
    now,
    set_error,
    set_notice,
)
from dialogs.states import SupportChatSG
from dialogs.support import open_now
from dialogs.widgets import I18nError, I18nFormat
from storage.models import Member

SENT = "sent"
ADDED_TO = "added_to"  # the number of the request the last message was added to


def _refuse(manager: DialogManager, key: str, **args: Any) -> None:
    manager.dialog_data[SENT] = False
    manager.dialog_data.pop(ADDED_TO, None)
    set_error(manager, key, **args)


async def on_message(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    """Text, or one photo, file or voice message (an album arrives as several messages, each
    sent on)."""
    text: str | None
    attachments: list[Attachment] = []
    attachment = attachment_of(message, voice=True)
    if attachment is not None:
        # the same checks as request documents: size and file type
        if reason := refusal(attachment, []):
            _refuse(manager, reason, max=MAX_DOCUMENTS)
            return
        attachments.append(attachment)
        text = (message.caption or "").strip() or None
    elif message.text is not None:
        text = support_chat.clean_message(message.text)
        if text is None:
            if len(message.text.strip()) > support_chat.TEXT_MAX:
                _refuse(manager, "support-chat-too-long", max_chars=support_chat.TEXT_MAX)
            else:
                _refuse(manager, "support-chat-empty")
            return
    else:
        _refuse(manager, "support-chat-unsupported")
        return
    await _send(manager, [(message.message_id, text, attachments)])


async def _send(
    manager: DialogManager, messages: list[tuple[int, str | None, list[Attachment]]]
) -> None:
    """`messages` (Telegram message id, text, attachments) to staff, stored in one commit: to
    the request support asked more information on, if one, as it was when they were sent (an
    answer in several messages stays together); the screen then says where the last went."""
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    at = now(manager)
    asked = await requests.asked(session, member, at)  # once for them all
    added_to: str | None = None
    for message_id, text, attachments in messages:
        # a request's messages are shorter than a message to support: a longer one goes there
        to = asked if len(text or "") <= TEXT_MAX else None
        went = await support_chat.pass_on(session, member, to, text, attachments, message_id, at)
        added_to = to.number if to is not None and went else None
    if not await commit_now(manager):
        return
    clear_error(manager)
    if any(names_emergency(text or "") for _id, text, _files in messages):
        # "нужна скорая" written to support, who may be away: the ambulance's numbers at once
        settings: Settings = manager.middleware_data["settings"]
        set_notice(manager, "support-chat-emergency", hotline=settings.support_hotline)
    manager.dialog_data[SENT] = True
    if added_to is not None:
        manager.dialog_data[ADDED_TO] = added_to
    else:
        manager.dialog_data.pop(ADDED_TO, None)


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """Opened with messages the member sent on a screen that asks nothing and chose to send
    ("Send it to support", `dialogs/common/free_input.py:on_free_message`): they go at once."""
    offered = start_data.get(OFFER) if isinstance(start_data, dict) else None
    if not offered:
        return
    messages: list[tuple[int, str | None, list[Attachment]]] = []
    for kept in offered:
        files = [Attachment.from_dict(kept["file"])] if kept.get("file") else []
        text = kept.get("text") if files else support_chat.clean_message(str(kept.get("text")))
        if files or text is not None:
            messages.append((int(kept["id"]), text, files))
    if messages:
        await _send(manager, messages)
    if len(messages) < len(offered):  # (Telegram's 4,096 characters, more than support takes)
        set_error(manager, "support-chat-too-long", max_chars=support_chat.TEXT_MAX)


async def chat_getter(
    dialog_manager: DialogManager, settings: Settings, **_: Any
) -> dict[str, Any]:
    sent = bool(dialog_manager.dialog_data.get(SENT))
    added_to = dialog_manager.dialog_data.get(ADDED_TO)
    opening = open_now(dialog_manager, settings)
    # sent while support is away: when they are back, rather than an answer waited for; not
    # while staff are writing to this member anyway
    away = sent and opening["away"]
    if away:
        data = dialog_manager.middleware_data
        at_work = await support_chat.staff_at_work(
            data["session"], data["member"], now(dialog_manager)
        )
        away = not at_work
    return {
        "sent": sent and added_to is None,
        "added": sent and added_to is not None,
        "number": added_to or "",
        "fresh": not sent,
        "sent_closed": away,
        **opening,
    }


def support_chat_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            I18nFormat("support-chat-prompt", when="fresh"),
            I18nFormat("support-chat-sent", when="sent"),
            I18nFormat("support-chat-added", when="added"),
            I18nFormat("support-chat-closed", when="sent_closed"),
            I18nError(),
            MessageInput(on_message),
            back_button(),
            getter=chat_getter,
            state=SupportChatSG.chat,
        ),
        on_start=on_start,
    )
