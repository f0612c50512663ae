"""Several staff chats: requests routed by country, kind or program to their own supergroup, each
with its own staff and its own topics; one staff language; a topic's state on its icon."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.factory import create_bot, create_dispatcher
from bot.sandbox.run import sandbox_users
from bot.services import requests
from bot.services.cards import confirm_phone
from storage.models import AdminTopic, Member, Request, RequestKind
from tests.factories import make_person, make_policy
from tests.polling_stop import stop_polling
from tests.staff.conftest import ASKAR, FORUM, IRYNA, OLENA, StaffWorld
from tgsandbox import SANDBOX_TOKEN, EmulatorState, SimUser, bound_url, start_emulator

KZ_CHAT = -1009876543210
AIGERIM = 10003  # a Kazakh member (card phone +7 7…)
DANA = 30002  # staff of the Kazakhstan chat only
ROUTES = {
    "chats": {"kz": {"chat_id": KZ_CHAT, "staff_ids": [DANA, ASKAR]}},
    "rules": [{"chat": "kz", "countries": ["KZ"]}],
}


@pytest.fixture
async def desk(session_factory, db_url, clock) -> AsyncIterator[StaffWorld]:
    """Two staff chats: the default forum (Iryna, Askar) and the Kazakhstan one (Dana, Askar);
    staff read Ukrainian (STAFF_LOCALE) whatever their own Telegram language."""
    users = [
        *(u for u in sandbox_users() if not u.is_staff),
        SimUser(IRYNA, "Iryna", "Support", "iryna", "en", is_staff=True),
        SimUser(ASKAR, "Askar", "Operator", "askar", "en", is_staff=True),
        SimUser(DANA, "Dana", "Kz", "dana", "ru"),
    ]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    state.add_forum(KZ_CHAT, "Support · Kazakhstan", [DANA, ASKAR, IRYNA])
    settings = Settings(  # type: ignore[call-arg]
        bot_token=SANDBOX_TOKEN,
        database_url=db_url,
        bot_api_url=bound_url(runner),
        admin_chat_id=FORUM,
        staff_ids=[IRYNA, ASKAR],
        default_locale="en",
        staff_locale="uk",
        staff_routes=json.dumps(ROUTES),
        _env_file=None,
    )
    bot = create_bot(settings)
    dp, bg_factory = create_dispatcher(settings, session_factory, clock=clock)
    polling = asyncio.create_task(
        dp.start_polling(bot, polling_timeout=1, handle_signals=False, handle_as_tasks=False)
    )
    try:
        yield StaffWorld(state, settings, session_factory, bot, dp, clock, bg_factory)
    finally:
        await stop_polling(dp, polling)
        await bot.session.close()
        await runner.cleanup()


async def _member(world: StaffWorld, telegram_id: int, phone: str, name: str | None) -> Member:
    async with world.sessions.begin() as session:
        policy = await make_policy(session, number=f"POL-{telegram_id}")
        await make_person(
            session,
            policy,
            full_name=name or "Someone",
            phone=phone,
            insured_id=f"ID-{telegram_id}",
        )
        member = Member(telegram_id=telegram_id, language="en", created_at=world.clock())
        session.add(member)
        await session.flush()
        await confirm_phone(session, member, phone, world.clock(), world.clock().date())
        if name is None:  # the registry gave no name for the member
            member.full_name = None
        return member


async def _submit(world: StaffWorld, member: Member, topic: str = "Call me") -> Request:
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        assert fresh is not None
        return await requests.submit(
            session,
            fresh,
            RequestKind.CALLBACK,
            {"phone": fresh.phone, "time_window": "any", "topic": topic},
            [],
            world.clock(),
            world.clock().date(),
        )


def _card(world: StaffWorld, chat_id: int, number: str) -> dict[str, Any]:
    return next(m for m in world.bot_messages(chat_id) if number in m.get("text", ""))


async def _press(world: StaffWorld, chat_id: int, message: dict, label: str, user: int) -> dict:
    pressed = world.state.press_button(chat_id, message["message_id"], user_id=user, text=label)
    await world.settled()
    return world.state.callbacks[pressed["callback_query_id"]].answer or {}


async def _topics(world: StaffWorld) -> list[AdminTopic]:
    async with world.sessions() as session:
        return list((await session.execute(select(AdminTopic))).scalars())


async def test_a_kazakh_card_goes_to_the_kazakhstan_chat_and_the_rest_to_the_default(desk):
    world = desk
    olena = await _member(world, OLENA, "+380501234567", "Olena Kovalenko")
    aigerim = await _member(world, AIGERIM, "+77010000101", "Aigerim Sadykova")
    ua = await _submit(world, olena)
    kz = await _submit(world, aigerim)
    await world.deliver()

    assert any(ua.number in m.get("text", "") for m in world.bot_messages(FORUM))
    assert not any(ua.number in m.get("text", "") for m in world.bot_messages(KZ_CHAT))
    kz_card = _card(world, KZ_CHAT, kz.number)
    assert not any(kz.number in m.get("text", "") for m in world.bot_messages(FORUM))
    # each member's topic lives in the chat of their request
    [kz_topic] = world.state.chats[KZ_CHAT].topics.values()
    assert kz_topic.name == f"Aigerim Sadykova · #{aigerim.id}"
    assert kz_card["message_thread_id"] == kz_topic.message_thread_id
    stored = {(t.member_id, t.chat_id) for t in await _topics(world)}
    assert stored == {(olena.id, FORUM), (aigerim.id, KZ_CHAT)}
    async with world.sessions() as session:
        routed = await session.get(Request, kz.id)
    assert routed is not None and routed.staff_chat_id == KZ_CHAT

    # the card, like every staff text, is in the staff language (uk), not English
    assert "Статус" in kz_card["text"]


async def test_each_chat_accepts_only_its_own_staff(desk):
    world = desk
    aigerim = await _member(world, AIGERIM, "+77010000101", "Aigerim Sadykova")
    kz = await _submit(world, aigerim)
    await world.deliver()
    card = _card(world, KZ_CHAT, kz.number)
    take = card["reply_markup"]["inline_keyboard"][0][0]["text"]

    # Iryna is staff of the default chat only: her press in the Kazakhstan chat is refused
    refused = await _press(world, KZ_CHAT, card, take, IRYNA)
    assert refused["text"] == "⛔️ Ця дія доступна лише співробітникам підтримки."
    async with world.sessions() as session:
        assert (await session.get(Request, kz.id)).status == "new"  # type: ignore[union-attr]

    # Dana, staff there, takes it; the prompt answers are in Ukrainian though her app is Russian
    answer = await _press(world, KZ_CHAT, card, take, DANA)
    assert answer["text"] == "✅ Готово"
    async with world.sessions() as session:
        taken = await session.get(Request, kz.id)
    assert taken is not None and taken.assignee_telegram_id == DANA

    # what Dana writes in the topic reaches the member
    world.state.send_text(
        KZ_CHAT, "Дана на связи", user_id=DANA, thread_id=card["message_thread_id"]
    )
    await world.settled()
    await world.deliver()
    assert world.state.history(AIGERIM)[-1].get("text") == "Дана на связи"

    # /stats there answers in the staff language too
    world.state.send_text(KZ_CHAT, "/stats", user_id=DANA)
    # the chart's first drawing imports matplotlib: seconds on a busy machine (as elsewhere)
    await world.state.wait_delivered(within=120)
    texts = [m["text"] for m in world.bot_messages(KZ_CHAT) if "text" in m]
    assert "Заявок: 1" in texts[-1]  # the figures (a chart may follow as a photo)


async def test_a_button_of_another_chats_request_is_refused(desk):
    world = desk
    aigerim = await _member(world, AIGERIM, "+77010000101", "Aigerim Sadykova")
    kz = await _submit(world, aigerim)
    olena = await _member(world, OLENA, "+380501234567", "Olena Kovalenko")
    ua = await _submit(world, olena)
    await world.deliver()
    ua_card = _card(world, FORUM, ua.number)
    # Askar is staff in both chats; a forged button in the default chat names the KZ request
    forged = ua_card["reply_markup"]["inline_keyboard"][0][0]["callback_data"].replace(
        f":{ua.id}:", f":{kz.id}:"
    )
    assert forged != ua_card["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    answer = await world.forge_press(ua_card, forged, user_id=ASKAR)
    assert answer["text"] == "⛔️ Цією заявкою займається інший чат підтримки."
    async with world.sessions() as session:
        assert (await session.get(Request, kz.id)).status == "new"  # type: ignore[union-attr]


async def test_a_member_without_a_registry_name_gets_a_topic_with_their_telegram_name(desk):
    world = desk
    member = await _member(world, OLENA, "+380501234567", None)
    await _submit(world, member)
    await world.deliver()
    [topic] = world.state.chats[FORUM].topics.values()
    user = world.state.users[OLENA]
    assert topic.name == f"{user.first_name} {user.last_name} · #{member.id}".replace("  ", " ")
