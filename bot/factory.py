"""Building the bot and the dispatcher (also used by tests, with fakes injected)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from aiogram import Bot, F, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.strategy import FSMStrategy
from aiogram.types import BotCommand, BotCommandScopeChat
from aiogram_dialog import Dialog, setup_dialogs
from aiogram_dialog.api.protocols import BgManagerFactory, MessageManagerProtocol
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.api_session import BotApiSession
from bot.clock import Clock, system_clock
from bot.config import Settings
from bot.dispatcher import BotDispatcher
from bot.filters.magic import Magic, checks_in_loop
from bot.handlers import commands, staff_access
from bot.handlers import helpdesk as member_helpdesk
from bot.handlers import privacy as privacy_commands
from bot.handlers.admin import create_admin_router
from bot.handlers.admin.imports import RegistryImports
from bot.handlers.admin.staff_help import STAFF_COMMANDS
from bot.i18n import TranslatorHub
from bot.middlewares.callback_answer import AnswerTracking, CallbackAnswerMiddleware
from bot.middlewares.db import DbSessionMiddleware, StateSessionMiddleware, install_chat_lock
from bot.middlewares.member import MemberMiddleware
from bot.middlewares.retry_after import RetryAfterMiddleware
from bot.services.activation import ActivationRules
from dialogs import drafts
from dialogs.activation import activation_dialog
from dialogs.cards import cards_dialog
from dialogs.forget import forgetful
from dialogs.intent_ids import IntentIdsMiddleware, use_random_intent_ids
from dialogs.language import language_dialog
from dialogs.menu import menu_dialog
from dialogs.message_manager import ReplyKeyboardRemovingManager
from dialogs.phone import phone_dialog
from dialogs.privacy import privacy_dialog
from dialogs.profile import profile_dialog
from dialogs.requests import request_dialogs
from dialogs.support import support_dialog
from dialogs.support_chat import support_chat_dialog
from dialogs.switch import DialogSwitch
from dialogs.ticket import ticket_dialog
from storage.db import POOL_TIMEOUT_SECONDS, RESERVED_CONNECTIONS
from storage.fsm import KeyLocks, SQLStorage

COMMANDS: tuple[str, ...] = ("start", "menu", "support", "help", "language", "cancel")
COMMANDS += ("mydata",)  # privacy (docs/privacy.md)

# aiogram-dialog's intent ids collide within a second (dialogs/intent_ids.py): fixed once
use_random_intent_ids()


def create_bot(settings: Settings, *, retry_after: bool = True) -> Bot:
    """The bot's Bot API client; a 429 is waited out and the call repeated (`retry_after`).

    The outbox deliverer gets its own bot with `retry_after=False`: it handles 429 itself by
    rescheduling the row, and must not also wait inside the call (see RetryAfterMiddleware).
    """
    # aiogram's session, encoding requests and parsing echoed keyboards with less CPU
    session = BotApiSession(api=TelegramAPIServer.from_base(settings.bot_api_url))
    # notes answered callback queries, so none is left unanswered (bot/middlewares/callback_answer)
    session.middleware(AnswerTracking())
    if retry_after:
        session.middleware(RetryAfterMiddleware())
    return Bot(
        settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


def create_storage(
    settings: Settings, session_factory: async_sessionmaker[AsyncSession], clock: Clock
) -> tuple[BaseStorage, BaseEventIsolation]:
    """Dialog state in Redis when REDIS_URL is set, otherwise in the database."""
    if settings.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage
        from redis.asyncio import BlockingConnectionPool, Redis

        from storage.event_lock import RenewedRedisEventIsolation

        # aiogram-dialog keeps its stacks under their own "destiny"; the event lock builds its
        # keys with the same builder, or it refuses those keys
        keys = DefaultKeyBuilder(with_destiny=True, with_bot_id=True)
        # A pool that waits for a free connection instead of failing ("Too many connections"
        # from redis-py's default pool of 100 when every update polled its lock at once),
        # sized for the updates handled at once: each uses at most the storage and its lock.
        pool = BlockingConnectionPool.from_url(
            settings.redis_url,
            max_connections=2 * settings.update_concurrency + RESERVED_CONNECTIONS,
            timeout=POOL_TIMEOUT_SECONDS,
        )
        # a form left unfinished is forgotten after DRAFT_TTL_HOURS (docs/privacy.md)
        ttl = int(settings.draft_ttl_hours * 3600)
        storage = RedisStorage(
            Redis(connection_pool=pool), key_builder=keys, state_ttl=ttl, data_ttl=ttl
        )
        # the member's lock across processes, renewed while held (a dead process's is gone
        # within seconds; aiogram's stood for a minute)
        return storage, RenewedRedisEventIsolation(storage.redis, keys)
    return SQLStorage(session_factory, clock), KeyLocks()


def member_dialogs() -> list[Dialog]:
    """Every dialog a member goes through, newly built."""
    return [
        menu_dialog(),
        language_dialog(),
        phone_dialog(),
        activation_dialog(),
        ticket_dialog(),
        cards_dialog(),
        profile_dialog(),
        support_dialog(),
        support_chat_dialog(),
        *request_dialogs(),
        privacy_dialog(),
    ]


def create_member_router() -> Router:
    """All member dialogs, answering in private chats only; an update with a dialog context goes
    straight to the dialog that owns it, not past every other (dialogs/switch.py)."""
    router = Router(name="member-dialogs")
    router.message.filter(Magic(F.chat.type == "private"))
    switch = DialogSwitch(name="member-dialog-switch")  # bare: the filters stay on `router`
    switch.include_routers(*member_dialogs())
    router.include_router(switch)
    return router


def create_dispatcher(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    *,
    storage: BaseStorage | None = None,
    events_isolation: BaseEventIsolation | None = None,
    translators: TranslatorHub | None = None,
    clock: Clock = system_clock,
    message_manager: MessageManagerProtocol | None = None,
    **extra: Any,
) -> tuple[BotDispatcher, BgManagerFactory]:
    if storage is None:
        storage, events_isolation = create_storage(settings, session_factory, clock)
    events_isolation = events_isolation or KeyLocks()
    # a finished form's screen keeps nothing typed (storage/forget.py, docs/privacy.md)
    storage = forgetful(storage)
    translators = translators or TranslatorHub(default=settings.default_locale)
    rules = ActivationRules(
        waiting_days_individual=settings.waiting_days_individual,
        waiting_days_corporate=settings.waiting_days_corporate,
        max_failures=settings.activation_max_failures,
        max_failures_per_id=settings.activation_max_failures_per_id,
        window=timedelta(minutes=settings.activation_window_minutes),
    )
    dp = BotDispatcher(
        storage=storage,
        events_isolation=events_isolation,
        # a staff member's pending "write the question" belongs to one topic
        fsm_strategy=FSMStrategy.USER_IN_TOPIC,
        settings=settings,
        session_factory=session_factory,
        translators=translators,
        clock=clock,
        activation_rules=rules,
        **extra,
    )
    # outermost of ours: answers what the handlers left unanswered, after the commit
    dp.update.outer_middleware(CallbackAnswerMiddleware())
    # aiogram's FSM middleware gives way to one that reads the state through the update's
    # session (bot/middlewares/db.py): one session and one transaction per update
    dp.update.outer_middleware.unregister(dp.fsm)
    sessions = DbSessionMiddleware(session_factory)
    dp.update.outer_middleware(StateSessionMiddleware(dp.fsm, sessions))
    dp.update.outer_middleware(MemberMiddleware(translators))
    # issue 17: the chat's lock is held over the update's error handlers too; the dialogs an
    # update opens, error handlers' included, get ids an update sent again makes again
    install_chat_lock(dp, IntentIdsMiddleware())
    # An error handler (e.g. the lost-dialog recovery) runs after the update's session has
    # rolled back and closed: it gets a session and transaction of its own, so its dialog
    # state is written through it (on SQLite a second writer would wait on the first).
    dp.errors.outer_middleware(DbSessionMiddleware(session_factory))
    dp.errors.outer_middleware(MemberMiddleware(translators))
    # /id in any chat, owners' /staff in the admin chat (before the admin chat refuses others)
    dp.include_router(staff_access.create_router(settings))
    if settings.admin_chat_id is not None:
        dp.include_router(create_admin_router(settings))
    dp.include_router(commands.create_router())
    dp.include_router(member_helpdesk.create_router())  # ratings, edits (before the dialogs)
    dp.include_router(privacy_commands.create_router())
    dp.include_router(commands.create_unknown_command_router())  # not a form's answer
    dp.include_router(commands.create_typed_command_router())  # "отмена", "меню" typed
    dp.include_router(create_member_router())
    dp.include_router(commands.create_fallback_router())
    # --- registry files sent in the admin chat are imported in the background ---
    if "registry_imports" not in extra:
        dp["registry_imports"] = RegistryImports(session_factory, clock, settings.registry_limits())
    dp.shutdown.register(dp["registry_imports"].close)
    bg_factory = setup_dialogs(
        dp,
        # a screen after a reply keyboard takes it away (dialogs/message_manager.py); a form
        # left for the menu is kept (dialogs/drafts.py)
        dialog_manager_factory=drafts.manager_factory(
            message_manager or ReplyKeyboardRemovingManager()
        ),
        events_isolation=events_isolation,
    )
    # filters are checks of the update: run in the event loop, not each in a thread
    checks_in_loop(dp)
    return dp, bg_factory


async def register_commands(
    bot: Bot,
    translators: TranslatorHub,
    staff_chats: Sequence[int] = (),
    staff_locale: str | None = None,
    insurer_name: str = "",
) -> None:
    """The member command menu in each supported language (and the default one), the staff menu
    in every staff chat, and the description a member sees in an empty chat before START.

    A staff chat's menu is in the staff language (STAFF_LOCALE) whatever a staff member's own
    language: it is set for every language code as well as for none, since Telegram prefers a
    scope's entry in the user's language to one without (and an older version set those)."""
    staff_i18n = translators.get(staff_locale)
    staff_menu = [
        BotCommand(command=c, description=staff_i18n(k)) for c, k in STAFF_COMMANDS.items()
    ]
    for locale in [*translators.locales, None]:
        i18n = translators.get(locale)
        await bot.set_my_commands(
            [BotCommand(command=c, description=i18n(f"command-{c}")) for c in COMMANDS],
            language_code=locale,
        )
        for chat_id in staff_chats:
            await bot.set_my_commands(
                staff_menu, scope=BotCommandScopeChat(chat_id=chat_id), language_code=locale
            )
        # the profile a member reads before START names the insurer (INSURER_NAME)
        await bot.set_my_description(
            i18n("bot-description", insurer=insurer_name), language_code=locale
        )
        await bot.set_my_short_description(
            i18n("bot-short-description", insurer=insurer_name), language_code=locale
        )
