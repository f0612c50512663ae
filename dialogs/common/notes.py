"""A step's last error and one-shot notes, the commit a screen makes before it speaks, and the
"typing…" shown while a slow answer is made."""

from __future__ import annotations

from typing import Any

from aiogram.utils.chat_action import ChatActionSender
from aiogram_dialog import DialogManager
from sqlalchemy import inspect

from dialogs.widgets.i18n import ERROR_KEY
from storage.uow import UnitOfWork


def set_error(manager: DialogManager, key: str, **args: Any) -> None:
    """Show `key` above the current step; the step itself stays. `args` are plain text (the
    widget escapes them for HTML)."""
    manager.dialog_data[ERROR_KEY] = {"key": key, "args": args}


def set_notice(manager: DialogManager, key: str, **args: Any) -> None:
    """Show `key` above the current step as `set_error` does, but as a word of the bot's, not
    a warning (no ⚠️): "🙏 You are welcome!"."""
    manager.dialog_data[ERROR_KEY] = {"key": key, "args": args, "notice": True}


def also_notice(manager: DialogManager, key: str, **args: Any) -> None:
    """`key` shown as a line under what is shown above the step already (`set_error`,
    `set_notice`), or alone when nothing is: two things one message answered, each said."""
    shown = manager.dialog_data.get(ERROR_KEY)
    if not shown:
        set_notice(manager, key, **args)
        return
    shown["more"] = [*shown.get("more", []), {"key": key, "args": args}]


def clear_error(manager: DialogManager) -> None:
    manager.dialog_data.pop(ERROR_KEY, None)


async def commit_now(manager: DialogManager) -> bool:
    """Commit what this update stored, before the screen that reports it (commit, then speak).

    False when the commit failed: the change is rolled back, the current step stays and says
    so. The caller then must not move on to a "saved" or "sent" screen.
    """
    uow: UnitOfWork = manager.middleware_data["uow"]
    if await uow.commit():
        return True
    member = manager.middleware_data.get("member")
    if member is not None and inspect(member).persistent:
        # a rollback expires loaded rows; the step's getters read the member again
        await uow.session.refresh(member)
    set_error(manager, "error-not-saved")
    return False


NOTE_KEY = "note"


def set_note(manager: DialogManager, note: str) -> None:
    """Show `note` (e.g. "saved") on the next screen only: the dialog's next event clears it."""
    manager.dialog_data[NOTE_KEY] = note


def has_note(manager: DialogManager, note: str) -> bool:
    return manager.dialog_data.get(NOTE_KEY) == note


# "typing…" only for a step that takes more than a moment: one answered sooner would show it
# for an instant at best, and cost a Bot API call on every such step
TYPING_AFTER_SECONDS = 0.5


def show_typing(manager: DialogManager) -> ChatActionSender:
    """ "typing…" in the member's chat while a slow step works (linking cards, storing a
    request, drawing the e-card) once it has taken TYPING_AFTER_SECONDS: aiogram's sender,
    repeated every 5 s until the step ends."""
    chat = manager.middleware_data["event_chat"]
    return ChatActionSender.typing(
        bot=manager.middleware_data["bot"], chat_id=chat.id, initial_sleep=TYPING_AFTER_SECONDS
    )
