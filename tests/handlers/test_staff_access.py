"""Staff access without restarts: /id anywhere, owners' /staff add|remove, audited; an empty
STAFF_IDS no longer lets everyone in the admin chat act as staff."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest
from babel.dates import format_date

from bot.config import Settings
from bot.factory import create_bot, create_dispatcher
from bot.handlers.admin.staff_help import OWNER_COMMANDS, STAFF_COMMANDS, help_lines
from bot.sandbox.run import sandbox_users
from bot.services.staff.authorization import is_staff
from storage.models import AuditEntry, StaffMember
from tests.handlers.test_staff_commands import FORUM, HUB, IRYNA, UK, AdminChat, _said
from tests.polling_stop import stop_polling
from tgsandbox import SANDBOX_TOKEN, EmulatorState, SimUser, bound_url, start_emulator

EN, RU = _said("en"), _said("ru")  # the staff language (DEFAULT_LOCALE) and Askar's own
NEWCOMER = 30001  # in the admin chat, on no list
ASKAR = 20002
MEMBER = 10001  # a member, not in the admin chat


@pytest.fixture
async def chat(session_factory, db_url, clock) -> AsyncIterator[AdminChat]:
    users = [*sandbox_users(), SimUser(NEWCOMER, "Nurlan", "New", None, "en", is_staff=True)]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    settings = Settings(  # type: ignore[call-arg]
        bot_token=SANDBOX_TOKEN,
        database_url=db_url,
        admin_chat_id=FORUM,
        staff_ids=[ASKAR],
        owner_ids=str(IRYNA),
        bot_api_url=bound_url(runner),
        _env_file=None,
    )
    bot = create_bot(settings)
    dp, _ = create_dispatcher(settings, session_factory, clock=clock)
    polling = asyncio.create_task(
        dp.start_polling(bot, polling_timeout=1, handle_signals=False, handle_as_tasks=False)
    )
    try:
        yield AdminChat(state, session_factory, bot, clock, dp["registry_imports"])
    finally:
        await stop_polling(dp, polling)
        await bot.session.close()
        await runner.cleanup()


async def test_id_answers_the_chat_and_the_user_in_any_chat(chat: AdminChat):
    assert await chat.send("/id", user=NEWCOMER) == [
        EN("staff-access-id", chat_id=str(FORUM), user_id=str(NEWCOMER))
    ]
    sent = chat.state.send_text(MEMBER, "/id")
    await chat.state.wait_delivered(within=15)
    replies = [m for m in chat.state.history(MEMBER) if m["from"]["is_bot"]]
    assert replies[-1]["reply_to_message"]["message_id"] == sent["message_id"]
    assert str(MEMBER) in replies[-1]["text"]


async def test_an_owner_adds_and_removes_staff_without_a_restart(chat: AdminChat):
    # on no list: refused, although in the admin chat (an empty list no longer means everyone)
    assert await chat.send("/stats", user=NEWCOMER) == [EN("staff-not-allowed")]

    assert await chat.send(f"/staff add {NEWCOMER}") == [
        UK("staff-access-added", user_id=str(NEWCOMER))
    ]
    assert await chat.send("/stats", user=NEWCOMER) != [EN("staff-not-allowed")]
    assert [row.telegram_id for row in await chat.rows(StaffMember)] == [NEWCOMER]

    # staff who is not an owner cannot change the list; someone outside the chat cannot be added
    assert await chat.send(f"/staff remove {NEWCOMER}", user=ASKAR) == [
        RU("staff-access-owners-only")
    ]
    assert await chat.send(f"/staff add {MEMBER}") == [
        UK("staff-access-not-in-chat", user_id=str(MEMBER))
    ]

    # removed by replying to their message
    theirs = chat.state.send_text(FORUM, "hello", user_id=NEWCOMER)
    await chat.state.wait_delivered(within=15)
    sent = chat.state.send_text(
        FORUM, "/staff remove", user_id=IRYNA, reply_to_message_id=theirs["message_id"]
    )
    assert await chat._answers(sent) == [UK("staff-access-removed", user_id=str(NEWCOMER))]
    assert await chat.send("/stats", user=NEWCOMER) == [EN("staff-not-allowed")]
    assert await chat.rows(StaffMember) == []

    audit = [(a.action, a.staff_telegram_id, a.target) for a in await chat.rows(AuditEntry)]
    assert ("staff_add", IRYNA, str(NEWCOMER)) in audit
    assert ("staff_remove", IRYNA, str(NEWCOMER)) in audit


def test_everyone_in_the_admin_chat_only_when_said_so():
    assert not is_staff(5, FORUM, FORUM, [])
    assert is_staff(5, FORUM, FORUM, [], all_admin_chat=True)
    assert not is_staff(5, 123, FORUM, [], all_admin_chat=True)  # never outside the chat
    assert is_staff(5, FORUM, FORUM, [], owner_ids={5})
    assert is_staff(5, FORUM, FORUM, [], listed=True)


async def test_an_owner_lists_who_is_staff_and_why(chat: AdminChat):
    chat.clock.now = datetime(2026, 12, 1, 21, 30, tzinfo=UTC)  # 02:30 on 2 December in Almaty
    assert await chat.send(f"/staff add {NEWCOMER}") == [
        UK("staff-access-added", user_id=str(NEWCOMER))
    ]
    [listing] = await chat.send("/staff list")
    lines = listing.split("\n")
    assert lines[0] == UK("staff-access-list-title")
    assert lines[1] == UK("staff-access-list-owners", ids=str(IRYNA))
    assert lines[2] == UK("staff-access-list-configured", ids=str(ASKAR))
    assert lines[3] == UK("staff-access-list-added", count=1)
    # who added them, and when (the day of the injected clock, in the staff language)
    assert str(NEWCOMER) in lines[4] and str(IRYNA) in lines[4]
    # on the day it was where staff work (the insurer's zone), not the UTC date
    assert format_date(date(2026, 12, 2), format="medium", locale="uk") in lines[4]
    assert len(lines) == 5  # STAFF_ALL_ADMIN_CHAT is off: no warning line

    # staff who are not owners cannot read the list either, and are told so in those words
    # (not that they cannot change it), in their own language
    assert await chat.send("/staff list", user=ASKAR) == [RU("staff-access-list-owners-only")]
    assert RU("staff-access-list-owners-only") != RU("staff-access-owners-only")
    assert await chat.send("/staff list", user=NEWCOMER) == [EN("staff-access-list-owners-only")]


async def test_help_lists_the_staff_commands_and_an_unknown_one_is_answered_with_it(chat):
    """Staff who wrote /help or a misspelt command were told "Only support staff can do this
    here". Now /help lists the commands (an owner's too, for owners), and so does the answer to
    a command the bot does not know; people who are not staff are still refused."""

    def lines(commands: dict[str, str]) -> list[str]:
        return [EN("staff-help-line", command=c, description=EN(k)) for c, k in commands.items()]

    for_staff = [EN("staff-help-title"), *lines(STAFF_COMMANDS)]
    more = EN("staff-help-more")
    assert await chat.send("/help", user=ASKAR) == ["\n".join([*for_staff, more])]
    assert await chat.send("/help") == [
        "\n".join([*for_staff, EN("staff-help-owners"), *lines(OWNER_COMMANDS), more])
    ]
    assert await chat.send("/stat 7", user=ASKAR) == [
        "\n".join([EN("staff-unknown-command"), *for_staff, more])
    ]

    assert await chat.send("/help", user=NEWCOMER) == [EN("staff-not-allowed")]
    assert await chat.send("/start@another_bot", user=NEWCOMER) == []
    # said to another bot in the same group: not ours to answer
    assert await chat.send("/help@another_bot", user=ASKAR) == []
    assert await chat.send("/help@sandbox_insurance_bot", user=ASKAR) != []


@pytest.mark.parametrize("number", ["99999999999999999999", "9" * 4000, "-1001234567890"])
async def test_staff_add_or_remove_of_a_number_that_is_no_user_id_shows_the_usage(chat, number):
    """A number longer than a Telegram user id overflowed the database's BIGINT, or named in
    the reply made a message Telegram refuses; a chat's id (negative) is no user's."""
    for verb in ("add", "remove"):
        assert await chat.send(f"/staff {verb} {number}") == [UK("staff-access-usage")]
    assert await chat.rows(StaffMember) == []


def test_an_owner_s_help_in_a_routed_chat_leaves_out_staff_which_only_the_default_one_takes():
    en = HUB.get("en")
    here = "\n".join(help_lines(en, owner=True, default_chat=True))
    routed = "\n".join(help_lines(en, owner=True, default_chat=False))
    assert "/staff ·" in here and "/audit ·" in here
    assert "/staff ·" not in routed and "/audit ·" in routed
