"""My requests: a paged list, a request's page with its history, replying, cancelling."""

from __future__ import annotations

from typing import Any

from aiogram import F
from aiogram.enums import ContentType
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import (
    Button,
    Column,
    Row,
    Select,
    Start,
    StubScroll,
    SwitchTo,
)
from aiogram_dialog.widgets.text import Format
from sqlalchemy.ext.asyncio import AsyncSession

from bot import render
from bot.i18n import Translator
from bot.render import VALUE_SHOWN, long_details
from bot.services import lifecycle, requests
from bot.services.forms import TEXT_MAX, asks_adding, asks_cancelling, clean_text
from bot.services.names import given_name
from bot.textfit import MESSAGE_LIMIT, cut, pack, visible_length
from dialogs.answers import answer_about
from dialogs.common import (
    ContentIs,
    MemberDialog,
    back_button,
    clear_error,
    commit_now,
    fmt_date,
    fmt_datetime,
    has_note,
    member_date,
    member_window,
    now,
    on_free_message,
    opened_request,
    page_buttons,
    picked_id,
    pressed,
    scroll_page,
    set_error,
    set_note,
    set_scroll_page,
    typed_yes,
)
from dialogs.requests.common import (
    DOCS,
    Added,
    add_line,
    clear_lines,
    messages_key,
    on_message_attachment,
    stored_docs,
)
from dialogs.requests.render import LONG, detail_lines, full_text_button
from dialogs.states import MyRequestsSG, NewRequestSG
from dialogs.text_input import TOO_LONG, refuse_text
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from storage.models import DocumentKind, Member, RequestEvent

LIST = "list_pages"
# the history's parts, counted back from the latest: page 0 (the default) is the latest part and
# follows new entries
HISTORY = "history_parts"
REPLY = "reply"  # the page's "Add a message or documents"
REPLY_TEXT = "reply_text"  # what the member typed to add, from one message or several
# A history part with the rest of the page (answers cut at 1,000 characters each) stays within
# one Telegram message; a longer history pages back from the latest part. NOTES is room for
# what may show around the page: "message added", the part's number, an error.
NOTES = 600
HISTORY_PART_MIN = 1500


async def list_getter(
    dialog_manager: DialogManager,
    session: AsyncSession,
    member: Member,
    i18n: Translator,
    **_: Any,
) -> dict[str, Any]:
    page = await scroll_page(dialog_manager, LIST)
    rows, pages = await requests.list_page(session, member, page)
    if page >= pages:  # the list got shorter since the page was turned
        page = pages - 1
        rows, pages = await requests.list_page(session, member, page)
    # a family's requests: whose each is, by the given name ("Софія")
    whose = await requests.holders(session, member)
    items = [
        (
            str(r.id),
            " · ".join(
                part
                for part in (
                    r.number,
                    given_name(whose.get(r.card_id)),
                    i18n("request-kind-" + r.kind),
                    i18n("request-status-" + r.status),
                )
                if part
            ),
        )
        for r in rows
    ]
    return {
        "requests": items,
        "empty": not items,
        "page": page + 1,
        "pages": pages,
    }


async def on_open(_c: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    request_id = picked_id(item)
    if request_id is None:  # not a button this list drew
        return
    manager.dialog_data["request_id"] = request_id
    await set_scroll_page(manager, HISTORY, 0)
    await manager.switch_to(MyRequestsSG.detail)


def _history_line(event: RequestEvent, manager: DialogManager, i18n: Translator) -> str:
    when = fmt_datetime(event.created_at, manager)
    # a staff line may be as long as a message: cut as a page's answers are
    comment = cut(event.comment or "", VALUE_SHOWN)
    if event.to_status is not None:
        line = f"{when} — {i18n('request-status-' + event.to_status)}"
        return f"{line}: {comment}" if comment else line
    who = i18n("history-you") if event.actor_kind == "member" else i18n("history-support")
    return f"{when} — 💬 {who}: {comment}" if comment else f"{when} — 📎 {who}"


FILES_SHOWN = 10
FILE_NAME_SHOWN = 60
CAPTION_SHOWN = 40
FILE_ICONS = {"photo": "🖼", "voice": "🎤"}


def _documents(page: requests.RequestPage, manager: DialogManager, i18n: Translator) -> str:
    """How many files the member and support attached, then each (its name or kind, what was
    written under it, its day), below the details; nothing when there are none (a call-back has
    no "Documents: 0")."""
    if not page.documents:
        return ""
    lines = ["", i18n("request-page-documents", count=len(page.documents))]
    for doc in page.documents[:FILES_SHOWN]:
        name = (
            cut(doc.file_name, FILE_NAME_SHOWN) if doc.file_name else None
        )  # escaped by I18nFormat
        label = name or i18n(f"request-file-{doc.kind}")
        if doc.caption:  # what was written under it ("рецепт"): which file is which
            label += f" · {cut(' '.join(doc.caption.split()), CAPTION_SHOWN)}"
        day = fmt_date(member_date(doc.created_at, manager), manager)
        lines.append(f"• {FILE_ICONS.get(doc.kind, '📄')} {label} — {day}")
    if len(page.documents) > FILES_SHOWN:
        lines.append(i18n("request-files-more", count=len(page.documents) - FILES_SHOWN))
    return "\n".join(lines)


def _insured(page: requests.RequestPage, i18n: Translator) -> str:
    """Whose card the request is on, above its answers (escaped by I18nFormat, as they are)."""
    if page.insured is None:
        return ""
    holder, policy = page.insured
    return i18n("request-insured", insured=holder, policy=policy) + "\n"


async def _page_view(
    page: requests.RequestPage, manager: DialogManager, i18n: Translator
) -> dict[str, Any]:
    """What the request page shows. The history comes in parts that each fit one message with
    the rest of the page; the latest part unless the member paged back."""
    request = page.request
    view: dict[str, Any] = {
        "number": request.number,
        "kind": i18n("request-kind-" + request.kind),
        "status": i18n("request-status-" + request.status),
        "created": fmt_datetime(request.created_at, manager),
        "details": _insured(page, i18n) + detail_lines(page.details, manager),
        "documents": _documents(page, manager, i18n),
    }
    room = MESSAGE_LIMIT - NOTES - visible_length(i18n("request-page", **view, history=""))
    lines = [_history_line(e, manager, i18n) for e in page.events]
    parts = pack(lines, max(room, HISTORY_PART_MIN))
    last = len(parts) - 1
    shown = last - max(0, min(await scroll_page(manager, HISTORY), last))
    return {
        **view,
        "history": parts[shown],
        "history_page": shown + 1,
        "history_pages": len(parts),
        "history_paged": len(parts) > 1,
    }


async def detail_getter(
    dialog_manager: DialogManager,
    session: AsyncSession,
    member: Member,
    i18n: Translator,
    **_: Any,
) -> dict[str, Any]:
    try:
        page = await requests.page_of(session, member, dialog_manager.dialog_data["request_id"])
    except (requests.RequestNotFoundError, KeyError):
        return {"missing": True, "history_pages": 0}  # (the scroll of no history)
    return {
        **await _page_view(page, dialog_manager, i18n),
        "found": True,
        LONG: long_details(page.details),
        "can_cancel": page.can_cancel,
        "can_reply": page.can_reply,
        "sent_note": has_note(dialog_manager, "sent"),
    }


async def _page(manager: DialogManager) -> requests.RequestPage:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    return await requests.page_of(session, member, manager.dialog_data["request_id"])


async def all_details(manager: DialogManager) -> str:
    return render.detail_lines((await _page(manager)).details, manager.middleware_data["i18n"])


async def on_reply_text(message: Message, _w: Any, manager: DialogManager, text: str) -> None:
    """Each message adds its text to what will be sent (a second one replaced the first)."""
    value = clean_text(text, min_len=1)
    if value is None:
        refuse_text(manager, text, TEXT_MAX, "reply-empty")
        return
    added = add_line(manager, REPLY_TEXT, message.message_id, value, TEXT_MAX)
    if added is Added.TOO_LONG:
        set_error(manager, TOO_LONG, max=TEXT_MAX)
    elif added is Added.NEW:
        clear_error(manager)


def _text_message(manager: DialogManager) -> int | None:
    """The one message that holds the whole text: an edit of it follows into the staff topic
    (text from several messages has no one message to follow)."""
    ids = manager.dialog_data.get(messages_key(REPLY_TEXT)) or []
    return ids[0] if len(ids) == 1 else None


async def on_start_reply(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    clear_lines(manager, REPLY_TEXT)
    manager.dialog_data[DOCS] = []
    clear_error(manager)
    await manager.switch_to(MyRequestsSG.reply)


async def on_send_reply(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    text = manager.dialog_data.get(REPLY_TEXT)
    docs = stored_docs(manager)
    if not text and not docs:
        set_error(manager, "reply-empty")
        return
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    try:
        await requests.add_member_message(
            session,
            member,
            manager.dialog_data["request_id"],
            text,
            docs,
            now(manager),
            _text_message(manager) if text else None,
        )
    except lifecycle.TransitionError:
        set_error(manager, "reply-closed")
        return
    if not await commit_now(manager):
        return
    manager.dialog_data[DOCS] = []
    clear_lines(manager, REPLY_TEXT)
    set_note(manager, "sent")
    await set_scroll_page(manager, HISTORY, 0)  # the new message is in the latest part
    await manager.switch_to(MyRequestsSG.detail)


async def reply_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """What the member's message holds so far: its text, files and voice messages, each
    counted apart as staff see them (a voice message is no document)."""
    text = dialog_manager.dialog_data.get(REPLY_TEXT, "")
    docs = stored_docs(dialog_manager)
    voices = sum(1 for doc in docs if doc.kind == DocumentKind.VOICE)
    return {
        "reply_text": text,
        "files_count": len(docs) - voices,
        "voices_count": voices,
        "has_reply": bool(text) or bool(docs),
    }


async def on_cancel_confirmed(_c: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    try:
        await requests.cancel(session, member, manager.dialog_data["request_id"], now(manager))
    except lifecycle.TransitionError:
        set_error(manager, "request-cancel-too-late")
    else:
        if not await commit_now(manager):
            return
    await manager.switch_to(MyRequestsSG.detail)


async def _not_cancelled(_message: Message, _widget: Any, manager: DialogManager) -> None:
    await manager.switch_to(MyRequestsSG.detail)


async def on_page_message(message: Message, widget: Any, manager: DialogManager) -> None:
    """A message sent on an open request's page is about that request: added to it, as "Add a
    message or documents" does, unless it is a request's number (that request's page opens)
    or asks only to cancel it while the member may (its confirmation, as "Cancel request"
    asks); on a closed one's, as on any screen that asks nothing."""
    data = manager.middleware_data
    request_id = manager.dialog_data.get("request_id")
    if await opened_request(message, manager):  # another request's number: its page
        return
    if await _asks_cancelling(message, manager, request_id):  # "отмените": its confirmation
        await manager.switch_to(MyRequestsSG.cancel)
        return
    if asks_adding(message.text or "") and await pressed(message, manager, REPLY):
        return  # "добавить документ": its "Add a message or documents", while it may
    if await _asks_another(message, manager, request_id):  # "і ще мені потрібен стоматолог"
        await on_free_message(message, widget, manager)  # (kept, and that request offered)
        return
    if await answer_about(
        message, data["uow"], data.get("member"), request_id, now(manager), data["i18n"]
    ):
        manager.show_mode = ShowMode.NO_UPDATE  # the reply says where it went
        return
    await on_free_message(message, widget, manager)


async def _asks_another(message: Message, manager: DialogManager, request_id: Any) -> bool:
    """Whether a message on a request's page asks for a request of another kind than that one
    (`suggest.another_than`): kept and offered, not added to it."""
    from dialogs.suggest import another_than, may_name_request  # (it builds on this package)

    if request_id is None or not may_name_request(message, manager):
        return False  # (most messages: read without the database)
    data = manager.middleware_data
    try:
        request = await requests.own(data["session"], data["member"], request_id)
    except requests.RequestNotFoundError:
        return False
    return await another_than(message, [request.kind], manager)


async def _asks_cancelling(message: Message, manager: DialogManager, request_id: Any) -> bool:
    """Whether a short message on a request's page asks to cancel it ("отмените, пожалуйста")
    while the member still may: "Cancel request …?" is asked then, as its button does. A
    longer one, or one support has started on, goes to support as any message there."""
    if request_id is None or not asks_cancelling(message.text or ""):
        return False
    data = manager.middleware_data
    try:
        request = await requests.own(data["session"], data["member"], request_id)
    except requests.RequestNotFoundError:
        return False
    return requests.member_can_cancel(request)


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """The request's page opened for `request_id`, with `error` shown on it when given (a
    cancel asked on the menu that support has started on: `dialogs/suggest.py:_about_made`)."""
    if isinstance(start_data, dict) and "request_id" in start_data:
        manager.dialog_data["request_id"] = start_data["request_id"]
        if start_data.get("error"):
            set_error(manager, start_data["error"])


def my_requests_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            I18nFormat("my-requests-title", when=~F["empty"]),
            I18nFormat("my-requests-empty", when="empty"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="req",
                    item_id_getter=lambda i: i[0],
                    items="requests",
                    on_click=on_open,
                )
            ),
            StubScroll(LIST, pages="pages"),
            page_buttons(LIST, "btn-prev", "btn-next"),
            Start(I18nButtonText("btn-new-request"), id="new", state=NewRequestSG.choose),
            back_button(),
            getter=list_getter,
            state=MyRequestsSG.list,
            rests=True,
        ),
        member_window(
            I18nFormat("reply-sent", when="sent_note"),
            I18nFormat("request-page", when="found"),
            I18nFormat("request-history-part", when="history_paged"),
            I18nFormat("request-missing", when="missing"),
            I18nError(),
            StubScroll(HISTORY, pages="history_pages"),
            page_buttons(HISTORY, "btn-history-later", "btn-history-earlier", forward_first=True),
            full_text_button(all_details),
            Button(
                I18nButtonText("btn-reply"), id=REPLY, on_click=on_start_reply, when="can_reply"
            ),
            SwitchTo(
                I18nButtonText("btn-cancel-request"),
                id="cancel",
                state=MyRequestsSG.cancel,
                when="can_cancel",
            ),
            back_button(MyRequestsSG.list),
            getter=detail_getter,
            state=MyRequestsSG.detail,
            on_message=on_page_message,
        ),
        member_window(
            I18nFormat("reply-prompt"),
            I18nFormat("reply-collected", when="reply_text"),
            I18nFormat("reply-collected-files", when="files_count"),
            I18nFormat("reply-collected-voices", when="voices_count"),
            I18nError(),
            TextInput(id="reply_text", on_success=on_reply_text),
            MessageInput(
                on_message_attachment,
                filter=ContentIs(ContentType.PHOTO, ContentType.DOCUMENT, ContentType.VOICE),
            ),
            Button(I18nButtonText("btn-send"), id="send", on_click=on_send_reply, when="has_reply"),
            back_button(MyRequestsSG.detail),
            getter=reply_getter,
            state=MyRequestsSG.reply,
        ),
        member_window(
            I18nFormat("request-cancel-confirm"),
            Row(
                Button(I18nButtonText("btn-yes-cancel"), id="yes", on_click=on_cancel_confirmed),
                SwitchTo(I18nButtonText("btn-no"), id="no", state=MyRequestsSG.detail),
            ),
            typed_yes(on_cancel_confirmed, _not_cancelled),  # "так" / "ні" typed
            getter=detail_getter,
            state=MyRequestsSG.cancel,
        ),
        on_start=on_start,
    )
