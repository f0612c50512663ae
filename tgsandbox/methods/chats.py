"""Bot identity, chats and members, forum topics, commands, chat actions, menu button."""

from __future__ import annotations

from typing import Any

from tgsandbox.errors import THREAD_NOT_FOUND, bad_request
from tgsandbox.methods.common import Call, Handler, MethodTable, target_chat
from tgsandbox.models import ChatAction, ForumTopic, SimChat, SimUser
from tgsandbox.validation import bot_commands

TOPIC_COLORS = frozenset({7322096, 16766590, 13338331, 9367192, 16749490, 16478047})
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip
_ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
    "can_edit_stories", "can_delete_stories", "can_pin_messages", "can_manage_topics",
    "can_send_welcome_messages",
)  # fmt: skip


async def get_me(call: Call) -> dict[str, Any]:
    return call.state.bot.to_api() | {
        "can_join_groups": True,
        "can_read_all_group_messages": True,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


async def get_chat(call: Call) -> dict[str, Any]:
    chat = call.state.find_chat(call.params.chat_ref())
    gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
    return chat.to_api() | {
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": dict.fromkeys((*gifts, "gifts_from_channels"), False),
    }


def _member(chat: SimChat, user: SimUser, bot_id: int) -> dict[str, Any]:
    if chat.type == "private":
        return {"status": "member", "user": user.to_api()}
    if user.id == bot_id or user.id in chat.member_ids:
        rights = dict.fromkeys(_ADMIN_RIGHTS, True)
        return {
            "status": "administrator",
            "user": user.to_api(),
            "can_be_edited": False,
            "is_anonymous": False,
            **rights,
        }
    return {"status": "left", "user": user.to_api()}


async def get_chat_member(call: Call) -> dict[str, Any]:
    state = call.state
    chat = state.find_chat(call.params.chat_ref())
    user_id = call.params.required_int("user_id")
    user = state.bot if user_id == state.bot.id else state.users.get(user_id)
    if user is None or (chat.user is not None and user.id not in (chat.user.id, state.bot.id)):
        raise bad_request("user not found")
    return _member(chat, user, state.bot.id)


async def get_chat_administrators(call: Call) -> list[dict[str, Any]]:
    state = call.state
    chat = state.find_chat(call.params.chat_ref())
    if chat.type == "private":
        raise bad_request("there are no administrators in the private chat")
    people = [state.bot] + [state.users[uid] for uid in chat.member_ids if uid in state.users]
    return [_member(chat, person, state.bot.id) for person in people]


def _forum(call: Call) -> SimChat:
    chat = target_chat(call)
    if not chat.is_forum:
        raise bad_request("the chat is not a forum")
    return chat


def _topic(call: Call) -> tuple[SimChat, ForumTopic]:
    chat = _forum(call)
    topic = chat.topics.get(call.params.integer("message_thread_id") or 0)
    if topic is None:
        raise bad_request(THREAD_NOT_FOUND)
    return chat, topic


async def create_forum_topic(call: Call) -> dict[str, Any]:
    state = call.state
    chat = _forum(call)
    name = call.params.text("name") or ""
    if not 1 <= len(name) <= 128:
        raise bad_request("TOPIC_TITLE_EMPTY" if not name else "TOPIC_TITLE_TOO_LONG")
    color = call.params.integer("icon_color") or 7322096
    if color not in TOPIC_COLORS:
        raise bad_request("TOPIC_ICON_COLOR_INVALID")
    topic = ForumTopic(
        chat.last_message_id + 1, name, color, call.params.text("icon_custom_emoji_id")
    )
    created = {"name": name, "icon_color": color}
    if topic.icon_custom_emoji_id:
        created["icon_custom_emoji_id"] = topic.icon_custom_emoji_id
    chat.topics[topic.message_thread_id] = topic
    state.add_message(
        chat,
        state.bot,
        {
            "message_thread_id": topic.message_thread_id,
            "is_topic_message": True,
            "forum_topic_created": created,
        },
    )
    return topic.to_api()


async def edit_forum_topic(call: Call) -> bool:
    state = call.state
    chat, topic = _topic(call)
    name = call.params.text("name")
    emoji = call.params.text("icon_custom_emoji_id")
    if name is not None and not 1 <= len(name) <= 128:
        raise bad_request("TOPIC_TITLE_EMPTY" if not name else "TOPIC_TITLE_TOO_LONG")
    if (name in (None, topic.name)) and (emoji in (None, topic.icon_custom_emoji_id)):
        raise bad_request("TOPIC_NOT_MODIFIED")
    edited: dict[str, Any] = {}
    if name is not None:
        topic.name = edited["name"] = name
    if emoji is not None:
        topic.icon_custom_emoji_id = edited["icon_custom_emoji_id"] = emoji
    state.add_message(
        chat, state.bot, {"forum_topic_edited": edited}, thread_id=topic.message_thread_id
    )
    return True


async def delete_forum_topic(call: Call) -> bool:
    chat, topic = _topic(call)
    del chat.topics[topic.message_thread_id]
    for message_id in [
        mid
        for mid, m in chat.messages.items()
        if m.get("message_thread_id") == topic.message_thread_id
    ]:
        del chat.messages[message_id]
    call.state.touch()
    return True


# the custom emoji Telegram allows as topic icons (getForumTopicIconStickers): a few of the
# real set, each with an id of this emulator's own
TOPIC_ICONS: dict[str, str] = {
    "📰": "5434144690511290129", "💡": "5312536423851630001", "⚡️": "5312016608254762256",
    "🔥": "5312241539987020022", "❗️": "5379748062124056162", "❓": "5377316857231450742",
    "✔️": "5237699328843200968", "💬": "5417915203100613993", "📝": "5373251851074415873",
    "🏁": "5408906741125490282",
}  # fmt: skip


async def get_forum_topic_icon_stickers(call: Call) -> list[dict[str, Any]]:
    return [
        {
            "file_id": f"topic-icon-{emoji_id}",
            "file_unique_id": f"ti{emoji_id[-8:]}",
            "type": "custom_emoji",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "custom_emoji_id": emoji_id,
        }
        for emoji, emoji_id in TOPIC_ICONS.items()
    ]


def _close_or_reopen(close: bool) -> Handler:
    """Closing a closed topic (or reopening an open one) changes nothing: Telegram answers
    TOPIC_NOT_MODIFIED; otherwise a service message in the topic says so."""

    async def handler(call: Call) -> bool:
        chat, topic = _topic(call)
        if topic.is_closed == close:
            raise bad_request("TOPIC_NOT_MODIFIED")
        topic.is_closed = close
        event = "forum_topic_closed" if close else "forum_topic_reopened"
        call.state.add_message(chat, call.state.bot, {event: {}}, thread_id=topic.message_thread_id)
        return True

    return handler


def _language(call: Call) -> str:
    """A two-letter ISO 639-1 code, or "" for everyone without a setting of their own."""
    language = call.params.text("language_code") or ""
    if language and (len(language) != 2 or not language.isalpha()):
        raise bad_request("invalid language code specified")
    return language


def _commands_key(call: Call) -> tuple[str, str]:
    scope = call.params.json("scope", "scope")
    if scope is not None and (not isinstance(scope, dict) or "type" not in scope):
        raise bad_request("can't parse BotCommandScope")
    if isinstance(scope, dict) and "chat_id" in scope:
        chat = call.state.find_chat(scope["chat_id"])
        scope = scope | {"chat_id": chat.id}
    return call.state.commands_key(scope, _language(call))


async def set_my_commands(call: Call) -> bool:
    commands = bot_commands(call.params.raw("commands") or "[]")
    key = _commands_key(call)
    if commands:
        call.state.commands[key] = commands
    else:
        call.state.commands.pop(key, None)
    call.state.touch()
    return True


async def get_my_commands(call: Call) -> list[dict[str, str]]:
    return call.state.commands.get(_commands_key(call), [])


async def delete_my_commands(call: Call) -> bool:
    call.state.commands.pop(_commands_key(call), None)
    call.state.touch()
    return True


async def send_chat_action(call: Call) -> bool:
    chat = target_chat(call)
    action = call.params.text("action") or ""
    if action not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    call.state.thread_id(chat, call.params.integer("message_thread_id"))
    chat.action = ChatAction(action, call.state.clock() + 5)
    call.state.touch()
    return True


async def set_chat_menu_button(call: Call) -> bool:
    button = call.params.json("menu_button", "menu button") or {"type": "default"}
    if not isinstance(button, dict) or button.get("type") not in ("commands", "web_app", "default"):
        raise bad_request("can't parse menu button")
    if "chat_id" in call.params:
        call.state.find_chat(call.params.chat_ref()).menu_button = button
    else:
        call.state.default_menu_button = button
    return True


async def get_chat_menu_button(call: Call) -> dict[str, Any]:
    if "chat_id" in call.params:
        chat = call.state.find_chat(call.params.chat_ref())
        return chat.menu_button or call.state.default_menu_button
    return call.state.default_menu_button


_PROFILE_LIMITS = {"name": 64, "description": 512, "short_description": 120}


def _profile_setter(field: str) -> Handler:
    async def setter(call: Call) -> bool:
        language = _language(call)
        value = call.params.text(field) or ""
        if len(value) > _PROFILE_LIMITS[field]:
            raise bad_request(f"bot {field.replace('_', ' ')} is too long")
        call.state.bot_profile[f"{field}:{language}"] = value
        call.state.touch()
        return True

    return setter


def _profile_getter(field: str) -> Handler:
    async def getter(call: Call) -> dict[str, str]:
        key = f"{field}:{call.params.text('language_code') or ''}"
        return {field: call.state.bot_profile.get(key, "")}

    return getter


_PROFILE_FIELDS = ("name", "description", "short_description")


def _camel(name: str) -> str:
    return name.title().replace("_", "")


METHODS: MethodTable = {
    "getMe": get_me,
    "getChat": get_chat,
    "getChatMember": get_chat_member,
    "getChatAdministrators": get_chat_administrators,
    "createForumTopic": create_forum_topic,
    "editForumTopic": edit_forum_topic,
    "deleteForumTopic": delete_forum_topic,
    "closeForumTopic": _close_or_reopen(close=True),
    "reopenForumTopic": _close_or_reopen(close=False),
    "getForumTopicIconStickers": get_forum_topic_icon_stickers,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "sendChatAction": send_chat_action,
    "setChatMenuButton": set_chat_menu_button,
    "getChatMenuButton": get_chat_menu_button,
    **{f"setMy{_camel(name)}": _profile_setter(name) for name in _PROFILE_FIELDS},
    **{f"getMy{_camel(name)}": _profile_getter(name) for name in _PROFILE_FIELDS},
}
