"""Random update sequences through the real dispatcher (property-based, hypothesis).

Members, staff and an outsider send text (commands, long, special characters), contacts,
photos, documents, stickers and locations, edit messages, press the buttons they see, old
buttons and forged data (none, junk, 64 bytes, other dialogs', another member's, a staff card's)
in their private chat, the admin chat and an unrelated group, block the bot, and cause update
kinds the bot does not use. After every sequence:

- no exception escaped a handler (`world.flush` feeds the dispatcher directly) and the bot
  logged no warning or error;
- every callback query was answered exactly once (the emulator refuses a second answer);
- every member who took part reaches the main menu with /start.

CI runs a fixed set of examples (profile "ci" in conftest); `HYPOTHESIS_PROFILE=explore`
searches further.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiogram_dialog.utils import CB_SEP
from hypothesis import given
from hypothesis import strategies as st

from bot.callbacks import OpenRequest, StaffCallback
from bot.services.staff import StaffAction
from tests.bad_input.conftest import FORUM, GROUP, INTRUDER, MEMBERS, STAFF, BadInputWorld
from tgsandbox import OutgoingFile

PEOPLE = (*MEMBERS, *STAFF)  # everyone with a private chat
IN_FORUM = (*STAFF, INTRUDER)
IN_GROUP = (*MEMBERS, *STAFF, INTRUDER)

COMMANDS = ["/start", "/menu", "/help", "/language", "/cancel", "/find +380501112233", "/stats"]
SPECIAL = [
    "<b>bold</b> & <i>it",
    "x" * 4096,
    "🙂" * 2048,
    "KZ-100301",
    "06.06.1982",
    "1 234,50",
    "UA213223130000026007233566001",
    "\u202eevil\u200b",
    "{ $name } {{ }}",
    "line\nbreak\r\nand\ttab",
    "/setphone KZ-100301 +77010009999",
    # what members type that the bot reads: a month, amounts added, a label, a greeting
    "в октябре",
    "1500 + 300 грн",
    "дата рождения 05.03.1984",
    "Добрый день! Перезвоните мне",
    "/Menu",
]
TEXT = st.one_of(
    st.sampled_from(COMMANDS),
    st.sampled_from(SPECIAL),
    st.text(min_size=1, max_size=300).filter(str.strip),
)


def _cut(text: str) -> str:
    """Callback data is at most 64 bytes."""
    return text.encode()[:64].decode(errors="ignore")


@dataclass(frozen=True)
class Step:
    kind: str
    user: int
    chat: int = 0  # 0: the user's private chat
    text: str = ""
    number: int = 0
    data: str | None = None


def _private(kind: str, **fields: Any) -> st.SearchStrategy[Step]:
    return st.builds(Step, kind=st.just(kind), user=st.sampled_from(PEOPLE), **fields)


def _anywhere(kind: str, **fields: Any) -> st.SearchStrategy[Step]:
    where = st.one_of(
        st.tuples(st.sampled_from(PEOPLE), st.just(0)),
        st.tuples(st.sampled_from(IN_FORUM), st.just(FORUM)),
        st.tuples(st.sampled_from(IN_GROUP), st.just(GROUP)),
    )
    return where.flatmap(
        lambda uc: st.builds(
            Step, kind=st.just(kind), user=st.just(uc[0]), chat=st.just(uc[1]), **fields
        )
    )


FORGED = st.one_of(
    st.none(),
    st.just(""),
    st.text(max_size=64).map(_cut),
    st.text(alphabet="abcdefABCDEF0123456789:\x1d_-", min_size=60, max_size=64),
    # the bot's own kinds of data with any id, in range or not (packed by hand: the classes
    # refuse an id no row can have)
    st.builds(
        lambda i, a: f"{StaffCallback.__prefix__}:{i}:{a.value}",
        st.integers(-(2**63), 2**63),
        st.sampled_from(StaffAction),
    ),
    st.builds(lambda i: f"{OpenRequest.__prefix__}:{i}", st.integers(-(2**63), 2**63)),
)
STEP = st.one_of(
    _anywhere("text", text=TEXT),
    _private("press", number=st.integers(0, 40)),
    _private("press", number=st.integers(0, 40)),  # pressing what is shown, more often
    _private("mangle", number=st.integers(0, 40), text=st.text(max_size=20)),
    _private("stale", number=st.integers(0, 40)),
    _private("foreign", number=st.integers(0, 40), chat=st.sampled_from(MEMBERS)),
    _anywhere("forge", data=FORGED),
    _anywhere("foreign_there", number=st.integers(0, 40)),
    _private("contact", number=st.integers(0, 1)),
    _anywhere("files", text=st.sampled_from(["photo", "document"]), number=st.integers(1, 3)),
    _anywhere("sticker"),
    _anywhere("location"),
    _anywhere("edit", text=TEXT),
    _private("block"),
    _private("unused_kinds", text=st.text(max_size=50)),
)


def _buttons(message: dict[str, Any] | None) -> list[str]:
    if message is None:
        return []
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


def _keyboards(world: BadInputWorld, chat_id: int) -> list[dict[str, Any]]:
    return [m for m in world.bot_messages(chat_id) if _buttons(m)]


def _pick(items: list[Any], number: int) -> Any:
    return items[number % len(items)] if items else None


def _text(world: BadInputWorld, step: Step, chat: int) -> None:
    world.state.send_text(chat, step.text, user_id=step.user)


def _press(world: BadInputWorld, step: Step, chat: int) -> None:
    message = world.last_keyboard(chat)
    data = _pick(_buttons(message), step.number)
    if message is not None and data is not None:
        world.state.press_button(chat, message["message_id"], user_id=step.user, data=data)


def _mangle(world: BadInputWorld, step: Step, chat: int) -> None:
    # a shown button's intent and widget with a forged item (a page, a card, a language)
    data = _pick(_buttons(world.last_keyboard(chat)), step.number)
    if data is not None and CB_SEP in data:
        world.forge_press(chat, step.user, _cut(data.split(":", 1)[0] + ":" + step.text))


def _stale(world: BadInputWorld, step: Step, chat: int) -> None:
    # any button of any earlier screen, as a client still showing it would send it
    data = _pick([d for m in _keyboards(world, chat) for d in _buttons(m)], step.number)
    if data is not None:
        world.forge_press(chat, step.user, data)


def _foreign(world: BadInputWorld, step: Step, _chat: int) -> None:
    # another member's button (step.chat is theirs) pressed in this user's own chat
    data = _pick(_buttons(world.last_keyboard(step.chat)), step.number)
    world.forge_press(step.user, step.user, data)


def _foreign_there(world: BadInputWorld, step: Step, chat: int) -> None:
    # a member's button data pressed wherever this step happens (admin chat, a group)
    data = _pick(_buttons(world.last_keyboard(MEMBERS[step.number % len(MEMBERS)])), 0)
    world.forge_press(chat, step.user, data)


def _forge(world: BadInputWorld, step: Step, chat: int) -> None:
    world.forge_press(chat, step.user, step.data)


def _contact(world: BadInputWorld, step: Step, chat: int) -> None:
    if step.user in MEMBERS:  # own, or the next member's
        other = MEMBERS[(MEMBERS.index(step.user) + 1) % len(MEMBERS)]
        own = step.number == 0
        world.state.send_contact(chat, own=own, contact_user_id=None if own else other)


def _files(world: BadInputWorld, step: Step, chat: int) -> None:
    world.state.send_files(chat, step.text, [OutgoingFile()] * step.number, user_id=step.user)


STICKER = {
    "file_id": "sticker-1",
    "file_unique_id": "s1",
    "type": "regular",
    "width": 512,
    "height": 512,
    "is_animated": False,
    "is_video": False,
}


def _sticker(world: BadInputWorld, step: Step, chat: int) -> None:
    world.state._post(chat, step.user, {"sticker": STICKER}, None)


def _location(world: BadInputWorld, step: Step, chat: int) -> None:
    location = {"latitude": 43.2, "longitude": 76.9}
    world.state._post(chat, step.user, {"location": location}, None)


def _edit(world: BadInputWorld, step: Step, chat: int) -> None:
    state = world.state
    mine = [m for m in state.history(chat) if m["from"]["id"] == step.user and "text" in m]
    if mine:
        state.push_update(
            "edited_message", mine[-1] | {"text": step.text, "edit_date": state.now()}
        )


def _block(world: BadInputWorld, _step: Step, chat: int) -> None:
    world.state.set_blocked(chat, True)


def _unused_kinds(world: BadInputWorld, step: Step, chat: int) -> None:
    state = world.state
    user = state.users[step.user].to_api()
    query = {"id": str(state.next_id()), "from": user, "query": step.text, "offset": ""}
    state.push_update("inline_query", query)
    reaction = {
        "chat": state.chats[chat].to_api(),
        "message_id": 1,
        "user": user,
        "date": state.now(),
        "old_reaction": [],
        "new_reaction": [{"type": "emoji", "emoji": "👍"}],
    }
    state.push_update("message_reaction", reaction)


ACTIONS: dict[str, Callable[[BadInputWorld, Step, int], None]] = {
    "text": _text,
    "press": _press,
    "mangle": _mangle,
    "stale": _stale,
    "foreign": _foreign,
    "foreign_there": _foreign_there,
    "forge": _forge,
    "contact": _contact,
    "files": _files,
    "sticker": _sticker,
    "location": _location,
    "edit": _edit,
    "block": _block,
    "unused_kinds": _unused_kinds,
}


@given(steps=st.lists(STEP, min_size=1, max_size=8))
async def test_random_updates_crash_nothing_and_every_button_is_answered(
    world: BadInputWorld, steps: list[Step]
) -> None:
    for step in steps:
        ACTIONS[step.kind](world, step, step.chat or step.user)
        await world.flush()
    assert not world.unanswered(), "callback queries left spinning"
    assert not world.errors, [r.getMessage() for r in world.errors]

    for user in sorted({s.user for s in steps if s.user in PEOPLE}):
        world.state.send_text(user, "/start")  # writing also unblocks, as in Telegram
        await world.flush()
        assert world.menu_shown(user), f"user #{PEOPLE.index(user)} did not get the menu"
    assert not world.errors, [r.getMessage() for r in world.errors]
