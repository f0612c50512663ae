"""Bad input never crashes a handler, and every pressed button gets an answer.

One test per failure seen in 20,000 random updates (issue 10), named by what must happen.
`world.flush()` feeds each update to the dispatcher: an exception no handler takes fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from aiogram_dialog.utils import CB_SEP
from aiogram_dialog.widgets.kbd.calendar_kbd import raw_from_date
from sqlalchemy import select

from bot.callbacks import OpenRequest, RateRequest, StaffCallback
from bot.services.staff import StaffAction
from storage.models import Member
from tests.bad_input.conftest import FORUM, GROUP, INTRUDER, STAFF, BadInputWorld
from tgsandbox.core import CallbackRecord

OLENA, HANS = 10001, 10005


async def _started(world: BadInputWorld, user_id: int = OLENA) -> dict:
    world.state.send_text(user_id, "/start")
    await world.flush()
    menu = world.last_keyboard(user_id)
    assert menu is not None
    return menu


def _first(message: dict, test: Callable[[str], bool]) -> str:
    """The data of the message's first button whose data passes `test`."""
    rows = message["reply_markup"]["inline_keyboard"]
    return next(b["callback_data"] for row in rows for b in row if test(b.get("callback_data", "")))


def _data(message: dict, ends_with: str) -> str:
    return _first(message, lambda data: data.endswith(ends_with))


async def test_callback_without_data_is_answered(world):
    await _started(world)
    query = world.forge_press(OLENA, OLENA, None)
    await world.flush()
    assert world.answer(query)["text"] == "Ця кнопка застаріла."
    assert not world.errors


async def test_callback_without_data_and_no_dialog_is_answered(world):
    query = world.forge_press(HANS, HANS, None)
    await world.flush()
    assert world.answer(query)["text"] == "This button is out of date."


async def test_forged_language_is_answered_and_changes_nothing(world):
    world.state.send_text(OLENA, "/language")
    await world.flush()
    choice = world.last_keyboard(OLENA)
    assert choice is not None
    forged = _data(choice, ":en").removesuffix(":en") + ":xx"
    query = world.forge_press(OLENA, OLENA, forged, message=choice)
    await world.flush()
    assert world.answer(query) is not None
    async with world.dp["session_factory"]() as session:
        language = await session.scalar(select(Member.language).where(Member.telegram_id == OLENA))
    assert language == "uk"
    assert not world.errors


async def test_blocked_member_pressing_an_old_button_is_answered_and_held(world):
    menu = await _started(world)
    world.state.set_blocked(OLENA, True)
    await world.flush()
    world.state.press_button(OLENA, menu["message_id"], data=_data(menu, f"{CB_SEP}profile"))
    await world.flush()  # the bot's answer is refused with 403: no traceback
    assert not world.unanswered()
    async with world.dp["session_factory"]() as session:
        member = await session.scalar(select(Member).where(Member.telegram_id == OLENA))
    assert member is not None and member.unreachable_since is not None
    # writing again unblocks, and the menu comes back
    world.state.send_text(OLENA, "/start")
    await world.flush()
    assert world.menu_shown(OLENA)


async def test_stale_button_is_answered(world):
    old_menu = await _started(world)
    await _started(world)  # a new stack: the old menu's buttons point nowhere
    # the client still shows the old keyboard (e.g. the bot restarted in between)
    query = world.forge_press(OLENA, OLENA, _data(old_menu, f"{CB_SEP}profile"))
    await world.flush()
    assert world.answer(query)["text"] == "Ця кнопка застаріла."
    assert world.menu_shown(OLENA)


async def test_garbage_and_foreign_data_in_a_private_chat_is_answered(world):
    other_menu = await _started(world, HANS)
    await _started(world)
    junk = [
        "",
        "garbage",
        "x" * 64,
        "é" * 32,  # 64 bytes
        f"zzzzzzz{CB_SEP}profile",  # an intent id nobody has
        _data(other_menu, f"{CB_SEP}profile"),  # another member's button
        StaffCallback(request_id=1, action=StaffAction.TAKE).pack(),  # a staff card's button
    ]
    for data in junk:
        world.forge_press(OLENA, OLENA, data)
        await world.flush()
    assert not world.unanswered()
    assert not world.errors


async def test_member_button_data_in_the_admin_chat_is_answered(world):
    menu = await _started(world)
    data = _data(menu, f"{CB_SEP}profile")
    shown = len(world.bot_messages(FORUM)) + 1  # + the message the press hangs on
    for user in (*STAFF, INTRUDER):
        world.forge_press(FORUM, user, data)
        await world.flush()
    assert not world.unanswered()
    assert len(world.bot_messages(FORUM)) == shown  # no member menu opens in the admin chat
    assert not world.errors


async def test_any_button_data_in_another_group_is_answered(world):
    menu = await _started(world)
    shown = len(world.bot_messages(GROUP)) + 1  # + the message the press hangs on
    for data in (_data(menu, f"{CB_SEP}profile"), "garbage", None):
        world.forge_press(GROUP, OLENA, data)
        await world.flush()
    assert not world.unanswered()
    assert len(world.bot_messages(GROUP)) == shown
    assert not world.errors


async def test_update_kinds_the_bot_does_not_use_change_nothing(world):
    user = world.state.users[OLENA].to_api()
    world.state.push_update("inline_query", {"id": "1", "from": user, "query": "<b>", "offset": ""})
    world.state.push_update("chosen_inline_result", {"result_id": "1", "from": user, "query": "x"})
    # a button under an inline message: no chat, no message
    world.state.callbacks["inline-1"] = CallbackRecord("inline-1", 0, 0, OLENA, "x")
    world.state.push_update(
        "callback_query",
        {
            "id": "inline-1",
            "from": user,
            "chat_instance": "1",
            "inline_message_id": "A",
            "data": "x",
        },
    )
    world.state.push_update(
        "poll_answer",
        {"poll_id": "1", "user": user, "option_ids": [0], "option_persistent_ids": ["0"]},
    )
    await world.flush()
    assert not world.unanswered()
    assert not world.errors


async def test_ids_no_row_can_have_in_pressed_buttons_are_answered_and_change_nothing(world):
    """A modified client's button carrying an id beyond what an id column holds (2**31 and up)
    raised on PostgreSQL (asyncpg refuses the value in a comparison), and a list's item that
    is not a number raised on both databases: an error logged, the member's screen left as is.
    Each is now a button that is not the bot's: answered as out of date, nothing changed."""
    await _started(world)
    world.state.send_contact(OLENA, own=True)
    await world.flush()
    world.state.send_text(OLENA, "/menu")
    await world.flush()
    menu = world.last_keyboard(OLENA)
    assert menu is not None
    world.state.press_button(OLENA, menu["message_id"], user_id=OLENA, data=_data(menu, "cards"))
    await world.flush()
    cards = world.last_keyboard(OLENA)
    assert cards is not None
    card_button = _first(cards, lambda data: data[-1:].isdigit())
    picked = card_button.rsplit(":", 1)[0]
    forged = [
        f"{picked}:{2**31}",
        f"{picked}:99999999999999999999",
        f"{picked}:not-a-number",
        StaffCallback(request_id=1, action=StaffAction.TAKE).pack().replace(":1:", f":{2**31}:"),
        OpenRequest(request_id=1).pack().replace(":1", f":{10**15}"),
        RateRequest(request_id=1, score=5).pack().replace(":1:", f":{2**40}:"),
    ]
    for data in forged:
        world.forge_press(OLENA, OLENA, data, message=cards)
        await world.flush()
    for data in forged[3:4]:
        world.forge_press(FORUM, STAFF[0], data)
        await world.flush()
    assert not world.unanswered()
    assert not world.errors
    world.state.send_text(OLENA, "/menu")
    await world.flush()
    assert world.menu_shown(OLENA)


async def _press(world: BadInputWorld, label: str) -> None:
    shown = world.last_keyboard(OLENA)
    assert shown is not None
    world.state.press_button(OLENA, shown["message_id"], text=label)
    await world.flush()


async def _say(world: BadInputWorld, text: str) -> None:
    world.state.send_text(OLENA, text)
    await world.flush()


def _labels(message: dict | None) -> list[list[str]]:
    assert message is not None
    return [[b["text"] for b in row] for row in message["reply_markup"]["inline_keyboard"]]


async def _linked(world: BadInputWorld) -> None:
    """Olena with her phone shared: her family's cards are linked."""
    await _started(world)
    world.state.send_contact(OLENA)
    await world.flush()


async def _new_request(world: BadInputWorld, kind: str, *answers: str) -> dict:
    """Open the form of `kind` from the menu and type `answers`; the step then shown."""
    await _say(world, "/menu")
    await _press(world, "📝 Нова заявка")
    await _press(world, kind)
    for answer in answers:
        await _say(world, answer)
    shown = world.last_keyboard(OLENA)
    assert shown is not None
    return shown


async def _forge_choice(world: BadInputWorld, select_id: str) -> list[list[str]]:
    """Press the open step's `select_id` list with an item it never drew; the buttons shown."""
    choice = world.last_keyboard(OLENA)
    assert choice is not None
    real = _first(choice, lambda data: f"{CB_SEP}{select_id}:" in data)
    forged = real.rsplit(":", 1)[0] + ":<b>xx</b>"
    query = world.forge_press(OLENA, OLENA, forged, message=choice)
    await world.flush()
    assert world.answer(query) is not None
    assert not world.errors
    return _labels(world.last_keyboard(OLENA))


async def test_a_forged_choice_is_not_taken_and_the_step_stays(world, clock):
    """A list of fixed choices (a specialty, a time window, a currency) takes only an item it
    drew: a modified client's other item leaves the form on the same step, and nothing of it is
    stored or shown."""
    await _linked(world)
    for kind, answers, select_id in [
        ("🩺 Запис до лікаря", (), "specialty"),
        ("📞 Зворотний дзвінок", ("+380501112233",), "time"),
        ("💵 Відшкодування витрат", (f"{clock():%d.%m.%Y}", "100"), "currency"),
    ]:
        shown = await _new_request(world, kind, *answers)
        assert await _forge_choice(world, select_id) == _labels(shown), kind
        await _say(world, "/cancel")
    assert not any("xx" in str(m.get("text")) for m in world.bot_messages(OLENA))


async def test_forged_calendar_buttons_are_answered_and_change_nothing(world, clock):
    """A calendar takes only the buttons it draws: not a number, month 13, year 0 or 99999, a
    day beyond what a date holds, and a day before the first it offers (yesterday, for a
    preferred date) are each answered and leave the step as it was; its real days still work."""
    await _linked(world)
    await _new_request(world, "🧪 Аналізи", "Загальний аналіз крові")
    await _press(world, "➡️ Далі")
    calendar = world.last_keyboard(OLENA)
    assert calendar is not None
    shown = calendar["reply_markup"]
    button = _first(calendar, lambda data: data.rsplit(":", 1)[-1].isdigit())
    prefix = button.rsplit(":", 1)[0]
    yesterday = clock().date() - timedelta(days=1)
    junk = [
        "abc", "MONTH13", "MONTH0", "MONTHx", "YEAR0", "YEAR99999", "YEAR", "1" * 13,
        "-" + "9" * 12, str(raw_from_date(yesterday)), str(raw_from_date(date(1899, 12, 31))),
    ]  # fmt: skip
    for data in junk:
        query = world.forge_press(OLENA, OLENA, f"{prefix}:{data}", message=calendar)
        await world.flush()
        assert world.answer(query) is not None, data
        assert not world.errors, data
        assert world.last_keyboard(OLENA)["reply_markup"] == shown, data
    world.state.press_button(OLENA, calendar["message_id"], data=button)
    await world.flush()
    assert world.last_keyboard(OLENA)["reply_markup"] != shown  # a real day moves the form on


async def test_forged_page_buttons_are_answered_and_change_nothing(world):
    """A list's page buttons take only a page number: "abc" raised in aiogram-dialog, "-5" was
    a negative OFFSET (PostgreSQL refused the update's statement), a 20-digit page overflowed
    the driver; each is answered now and the list stays as it was. So do "My cards" pages. A
    page past the last ("5" of 1) shows the last page, not "no requests yet"."""
    await _linked(world)
    await _new_request(world, "📞 Зворотний дзвінок", "+380501112233")
    await _press(world, "🕘 Будь-який час")
    await _say(world, "Питання щодо ліміту")
    await _press(world, "✅ Надіслати")
    for opened, pagers in (("📋 Мої заявки", ("list_pages_fwd", "list_pages_back")),
                           ("💳 Мої картки", ("cards_page",))):  # fmt: skip
        await _say(world, "/menu")
        await _press(world, opened)
        shown = world.last_keyboard(OLENA)
        assert shown is not None
        intent = shown["reply_markup"]["inline_keyboard"][0][0]["callback_data"].split(CB_SEP)[0]
        text = world.bot_messages(OLENA)[-1].get("text")
        buttons = _labels(shown)  # the request R-000001, the cards
        for pager in pagers:
            for data in ("abc", "-5", "9" * 20, "1e3", "٣", "5"):
                query = world.forge_press(OLENA, OLENA, f"{intent}{CB_SEP}{pager}:{data}", shown)
                await world.flush()
                assert world.answer(query) is not None, (pager, data)
                assert not world.errors, (pager, data)
                assert world.bot_messages(OLENA)[-1].get("text") == text, (pager, data)
                assert _labels(world.last_keyboard(OLENA)) == buttons, (pager, data)
