"""Control API under ``/sandbox/api``: what the web page and tests use to play people."""

from __future__ import annotations

import base64
import binascii
import contextlib
import functools
import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tgsandbox.faults import fault_from_json
from tgsandbox.limits import limits_from_json
from tgsandbox.models import SimChat
from tgsandbox.state import EmulatorState, OutgoingFile, SandboxError

PREFIX = "/sandbox/api"
MAX_WAIT = 30.0
_dumps = functools.partial(json.dumps, ensure_ascii=False)
Route = Callable[[web.Request], Awaitable[web.StreamResponse]]


def ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result}, dumps=_dumps)


def fail(error: str, status: int = 400) -> web.Response:
    return web.json_response({"ok": False, "error": error}, status=status, dumps=_dumps)


def guarded(route: Route) -> Route:
    """Turn bad input into a 400 JSON answer instead of a 500."""

    @functools.wraps(route)
    async def wrapper(request: web.Request) -> web.StreamResponse:
        try:
            return await route(request)
        except (SandboxError, ValueError, TypeError, KeyError) as error:
            return fail(str(error) or type(error).__name__)

    return wrapper


async def read_body(request: web.Request) -> tuple[dict[str, Any], list[OutgoingFile]]:
    """JSON (files as ``{"name", "data_base64", "mime_type"}``) or multipart (``files`` parts)."""
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        fields: dict[str, Any] = {}
        files: list[OutgoingFile] = []
        for key, value in form.items():
            if isinstance(value, web.FileField):
                files.append(OutgoingFile(value.filename, value.file.read(), value.content_type))
            else:
                fields[key] = value
        return fields, files
    body = await request.json() if request.can_read_body else {}
    if not isinstance(body, dict):
        raise ValueError("the body must be a JSON object")
    return body, [_json_file(item) for item in body.get("files", [])]


def _json_file(item: Any) -> OutgoingFile:
    if not isinstance(item, dict):
        raise ValueError("each file is an object: {name, data_base64, mime_type}")
    data = None
    if item.get("data_base64") is not None:
        try:
            data = base64.b64decode(item["data_base64"], validate=True)
        except binascii.Error:
            raise ValueError("data_base64 is not valid base64") from None
    return OutgoingFile(item.get("name"), data, item.get("mime_type"))


def _int(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def _flag(value: Any, default: bool = False) -> bool:
    if value in (None, ""):
        return default
    return value.lower() in ("1", "true", "yes", "on") if isinstance(value, str) else bool(value)


class ControlApi:
    def __init__(self, state: EmulatorState) -> None:
        self.state = state

    def register(self, router: web.UrlDispatcher) -> None:
        routes: list[tuple[str, str, Route]] = [
            ("GET", "/state", self.get_state),
            ("GET", "/users", self.get_users),
            ("GET", "/chats", self.get_chats),
            ("GET", "/chats/{chat_id}/messages", self.get_messages),
            ("POST", "/chats/{chat_id}/text", self.post_text),
            ("POST", "/chats/{chat_id}/contact", self.post_contact),
            ("POST", "/chats/{chat_id}/photo", self.post_files("photo")),
            ("POST", "/chats/{chat_id}/document", self.post_files("document")),
            ("POST", "/chats/{chat_id}/album", self.post_files(None)),
            ("POST", "/chats/{chat_id}/voice", self.post_files("voice")),
            ("POST", "/chats/{chat_id}/press", self.post_press),
            ("POST", "/chats/{chat_id}/edit", self.post_edit),
            ("POST", "/chats/{chat_id}/block", self.post_block),
            ("GET", "/faults", self.get_faults),
            ("POST", "/faults", self.post_fault),
            ("DELETE", "/faults", self.delete_faults),
            ("GET", "/limits", self.get_limits),
            ("POST", "/limits", self.post_limits),
            ("DELETE", "/limits", self.delete_limits),
            ("GET", "/clock", self.get_clock),
            ("POST", "/clock", self.post_clock),
            ("GET", "/updates", self.get_updates),
            ("GET", "/webhook", self.get_webhook),
            ("POST", "/webhook/targets", self.post_webhook_targets),
            ("GET", "/calls", self.get_calls),
            ("GET", "/events", self.get_events),
            ("GET", "/files/{file_id}", self.get_file),
        ]
        for method, path, handler in routes:
            router.add_route(method, PREFIX + path, guarded(handler))

    # -- reading -----------------------------------------------------------------------------
    def chat_summary(self, chat: SimChat) -> dict[str, Any]:
        last = next(reversed(chat.messages.values()), None)
        return {
            "id": chat.id,
            "type": chat.type,
            "title": chat.title or (chat.user.full_name if chat.user else str(chat.id)),
            "user": chat.user.to_control() if chat.user else None,
            "is_forum": chat.is_forum,
            "member_ids": chat.member_ids,
            "topics": [
                topic.to_api() | {"is_closed": topic.is_closed} for topic in chat.topics.values()
            ],
            "blocked": chat.blocked,
            "message_count": len(chat.messages),
            "last_message": last,
        }

    async def get_state(self, request: web.Request) -> web.Response:
        state = self.state
        return ok(
            {
                "version": state.version,
                "bot": state.bot.to_api(),
                "users": [user.to_control() for user in state.users.values()],
                "chats": [self.chat_summary(chat) for chat in state.chats.values()],
                "forum_chat_id": state.forum.id,
                "webhook": state.webhook,
                "allowed_updates": state.allowed_updates,
                "pending_updates": len(state.pending),
                "faults": [fault.to_api() for fault in state.faults],
                "clock": state.world.to_api(),
            }
        )

    async def get_users(self, request: web.Request) -> web.Response:
        return ok([user.to_control() for user in self.state.users.values()])

    async def get_chats(self, request: web.Request) -> web.Response:
        return ok([self.chat_summary(chat) for chat in self.state.chats.values()])

    def _chat(self, request: web.Request) -> SimChat:
        chat = self.state.chats.get(int(request.match_info["chat_id"]))
        if chat is None:
            raise SandboxError(f"no simulated chat {request.match_info['chat_id']}")
        return chat

    async def get_messages(self, request: web.Request) -> web.Response:
        """History plus what a Telegram client would show around it."""
        chat = self._chat(request)
        raw_thread = request.query.get("thread_id")
        thread: int | str | None = raw_thread if raw_thread == "general" else _int(raw_thread)
        user_id = _int(request.query.get("user_id"))
        user = chat.user or self.state.users.get(user_id or 0)
        action = chat.action if chat.action and chat.action.until > self.state.clock() else None
        return ok(
            {
                "version": self.state.version,
                "chat": self.chat_summary(chat) | {"last_message": None},
                "messages": self.state.history(chat.id, thread),
                "reply_keyboard": chat.reply_keyboard,
                "notices": chat.notices,
                "action": action.action if action else None,
                "commands": self.state.commands_for(chat, user),
                # what Telegram shows in an empty chat, above its START button
                "description": self.state.profile_for("description", user),
                "menu_button": chat.menu_button or self.state.default_menu_button,
            }
        )

    # -- acting as people ---------------------------------------------------------------------
    async def post_text(self, request: web.Request) -> web.Response:
        body, _ = await read_body(request)
        message = self.state.send_text(
            self._chat(request).id,
            str(body.get("text", "")),
            user_id=_int(body.get("user_id")),
            thread_id=_int(body.get("thread_id")),
            reply_to_message_id=_int(body.get("reply_to_message_id")),
            entities=body.get("entities"),
        )
        return ok(message)

    async def post_edit(self, request: web.Request) -> web.Response:
        body, _ = await read_body(request)
        message_id = _int(body.get("message_id"))
        if message_id is None:
            return fail("message_id is required")
        message = self.state.edit_message(
            self._chat(request).id,
            message_id,
            str(body.get("text", "")),
            user_id=_int(body.get("user_id")),
        )
        return ok(message)

    async def post_contact(self, request: web.Request) -> web.Response:
        body, _ = await read_body(request)
        message = self.state.send_contact(
            self._chat(request).id,
            user_id=_int(body.get("user_id")),
            own=_flag(body.get("own"), default=True),
            contact_user_id=_int(body.get("contact_user_id")),
            phone_number=body.get("phone_number") or None,
            first_name=body.get("first_name") or None,
            last_name=body.get("last_name") or None,
            forwarded_from=_int(body.get("forwarded_from")),
            thread_id=_int(body.get("thread_id")),
        )
        return ok(message)

    def post_files(self, kind: str | None) -> Route:
        async def route(request: web.Request) -> web.Response:
            body, files = await read_body(request)
            chosen = kind or str(body.get("kind", "photo"))
            messages = self.state.send_files(
                self._chat(request).id,
                chosen,
                files or [OutgoingFile()],
                caption=body.get("caption") or None,
                user_id=_int(body.get("user_id")),
                thread_id=_int(body.get("thread_id")),
                reply_to_message_id=_int(body.get("reply_to_message_id")),
            )
            return ok(messages)

        return route

    async def post_press(self, request: web.Request) -> web.Response:
        body, _ = await read_body(request)
        result = self.state.press_button(
            self._chat(request).id,
            int(body["message_id"]),
            user_id=_int(body.get("user_id")),
            data=body.get("data"),
            text=body.get("text"),
        )
        wait = min(float(body.get("wait_answer") or 0), MAX_WAIT)
        record = self.state.callbacks.get(result.get("callback_query_id", ""))
        if record is not None and wait > 0:
            with contextlib.suppress(TimeoutError):
                await self.state.wait_for(lambda: record.answer, wait)
            result["answer"] = record.answer
        return ok(result)

    async def post_block(self, request: web.Request) -> web.Response:
        body, _ = await read_body(request)
        return ok(self.state.set_blocked(self._chat(request).id, _flag(body.get("blocked"), True)))

    # -- the world's time ----------------------------------------------------------------------
    async def get_clock(self, request: web.Request) -> web.Response:
        return ok(self.state.world.to_api())

    async def post_clock(self, request: web.Request) -> web.Response:
        """``advance_seconds`` or ``to`` (ISO date-time or date), forward only."""
        body, _ = await read_body(request)
        advance, to = body.get("advance_seconds"), body.get("to")
        if (advance is None) == (to is None):
            raise SandboxError('send either "advance_seconds" or "to"')
        if advance is not None:
            self.state.advance_clock(float(advance))
        else:
            self.state.move_clock_to(self.state.world.parse(str(to)))
        return ok(self.state.world.to_api())

    # -- faults, logs, events, files -----------------------------------------------------------
    async def get_faults(self, request: web.Request) -> web.Response:
        return ok([fault.to_api() for fault in self.state.faults])

    async def post_fault(self, request: web.Request) -> web.Response:
        body, _ = await read_body(request)
        fault = fault_from_json(self.state.next_id(), body)
        self.state.faults.append(fault)
        self.state.touch()
        return ok(fault.to_api())

    async def delete_faults(self, request: web.Request) -> web.Response:
        self.state.faults.clear()
        self.state.touch()
        return ok(True)

    async def get_limits(self, request: web.Request) -> web.Response:
        limits = self.state.rate_limits
        return ok(limits.to_api() if limits is not None else {"enabled": False})

    async def post_limits(self, request: web.Request) -> web.Response:
        body, _ = await read_body(request)
        self.state.rate_limits = limits_from_json(body)
        return ok(self.state.rate_limits.to_api())

    async def delete_limits(self, request: web.Request) -> web.Response:
        self.state.rate_limits = None
        return ok({"enabled": False})

    async def get_updates(self, request: web.Request) -> web.Response:
        pending = _flag(request.query.get("pending"))
        return ok(self.state.pending if pending else self.state.update_log)

    async def get_webhook(self, request: web.Request) -> web.Response:
        state = self.state
        return ok(
            {
                "webhook": state.webhook,
                "targets": state.webhook_targets,
                "deliveries": state.webhook_deliveries,
                "errors": state.webhook_errors,
            }
        )

    async def post_webhook_targets(self, request: web.Request) -> web.Response:
        body, _ = await read_body(request)
        targets = body.get("targets") or []
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            return fail("targets: a list of URLs")
        self.state.webhook_targets = list(targets)
        self.state.touch()
        return ok(self.state.webhook_targets)

    async def get_calls(self, request: web.Request) -> web.Response:
        method = (request.query.get("method") or "").lower()
        calls = [c for c in self.state.calls if not method or c["method"].lower() == method]
        return ok(calls)

    async def get_events(self, request: web.Request) -> web.Response:
        since = int(request.query.get("since", "-1"))
        timeout = min(float(request.query.get("timeout", "25")), MAX_WAIT)
        return ok({"version": await self.state.wait_change(since, timeout)})

    async def get_file(self, request: web.Request) -> web.StreamResponse:
        stored = self.state.files.get(request.match_info["file_id"])
        if stored is None:
            return fail("unknown file_id", 404)
        headers = {}
        if stored.file_name:
            headers["Content-Disposition"] = f'inline; filename="{stored.file_name}"'
        mime = stored.mime_type or "application/octet-stream"
        return web.Response(body=stored.data, content_type=mime, headers=headers)
