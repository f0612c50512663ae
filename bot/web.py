"""`insurance-bot web`: updates from Telegram's webhook, answered only once handled.

aiogram's aiohttp integration (`SimpleRequestHandler`, `setup_application`) with one change of
behaviour through its public `handle`: the update is handled in the request itself and the
answer (200) goes only after its commit, so a process that dies mid-update leaves Telegram
without an answer and Telegram sends the update again (aiogram's default answers first and
handles in the background, losing the update with the process). A reply method a handler
returns is called here, not put in the webhook's answer. Any number of web processes run
together: with Redis one member's updates take one lock across them (the event isolation), so
they are handled one after another and each reads what the one before committed.
"""

from __future__ import annotations

import asyncio
import hmac
import logging

from aiogram import Bot, Dispatcher
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.app import Runtime, introduce, running
from bot.clock import Clock, system_clock
from bot.config import Settings
from bot.heap import settle_heap
from bot.observability.server import add_routes
from bot.stopping import StopSignals, stop_signals

log = logging.getLogger("bot.web")
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 (a header name)


class HandledFirstRequestHandler(SimpleRequestHandler):
    """Checks the secret, handles the update, then answers 200 (see the module doc)."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, secret: str, concurrency: int) -> None:
        super().__init__(dispatcher, bot, handle_in_background=False, secret_token=secret)
        self._slots = asyncio.Semaphore(concurrency)

    def verify_secret(self, telegram_secret_token: str, bot: Bot) -> bool:
        expected = self.secret_token or ""
        return hmac.compare_digest(telegram_secret_token.encode(), expected.encode())

    async def handle(self, request: web.Request) -> web.Response:
        bot = await self.resolve_bot(request)
        if not self.verify_secret(request.headers.get(SECRET_HEADER, ""), bot):
            return web.Response(status=401, text="Unauthorized")
        try:
            update = Update.model_validate(await request.json(), context={"bot": bot})
        except ValueError:
            return web.Response(status=400, text="Bad update")
        # at most UPDATE_CONCURRENCY at once (the database pool is sized for them): Telegram
        # waits for the answer of the others
        async with self._slots:
            try:
                response = await self.dispatcher.feed_update(bot, update, **self.data)
                if isinstance(response, TelegramMethod):
                    await self.dispatcher.silent_call_request(bot, response)
            except Exception:
                # the error handlers have run; like polling, the update counts as handled
                log.exception("an update failed")
        return web.json_response({})


def create_web_app(runtime: Runtime) -> web.Application:
    settings = runtime.settings
    if settings.webhook_secret is None:
        raise ValueError("WEBHOOK_SECRET is required by the web role")
    app = web.Application()
    handler = HandledFirstRequestHandler(
        runtime.dp,
        runtime.bot,
        settings.webhook_secret.get_secret_value(),
        settings.update_concurrency,
    )
    handler.register(app, path=settings.webhook_path())
    # the dispatcher's startup/shutdown hooks (aiogram-dialog's among them) with the app's
    setup_application(app, runtime.dp, bot=runtime.bot)
    add_routes(app, runtime)
    return app


async def set_webhook(runtime: Runtime) -> None:
    settings = runtime.settings
    assert settings.webhook_url is not None and settings.webhook_secret is not None
    await runtime.bot.set_webhook(
        settings.webhook_url,
        secret_token=settings.webhook_secret.get_secret_value(),
        allowed_updates=runtime.dp.resolve_used_update_types(),
        drop_pending_updates=False,
        max_connections=settings.update_concurrency,
    )
    log.info("webhook: %s", settings.webhook_url)


async def run_web(settings: Settings, clock: Clock = system_clock) -> None:
    """Serve the webhook (and /healthz, /metrics) until SIGTERM/SIGINT; then the requests in
    hand get SHUTDOWN_TIMEOUT seconds to finish before the process exits."""
    if not settings.webhook_url or settings.webhook_secret is None:
        raise ValueError("the web role needs WEBHOOK_URL and WEBHOOK_SECRET")
    # outermost: a second SIGTERM while the stop runs finds the handler, not Python's default
    with stop_signals() as stops:
        async with running(settings, clock, apply_migrations=False) as runtime:
            await _serve(runtime, stops)


async def _serve(runtime: Runtime, stops: StopSignals) -> None:
    settings = runtime.settings
    await introduce(runtime)
    app = create_web_app(runtime)
    runner = web.AppRunner(app, shutdown_timeout=settings.shutdown_timeout, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.web_host, settings.web_port).start()
    log.info(
        "web: listening on %s:%d%s", settings.web_host, settings.web_port, settings.webhook_path(),
    )  # fmt: skip
    settle_heap()
    try:
        await set_webhook(runtime)
        await wait_for_stop(stops)
    finally:
        await runner.cleanup()


async def wait_for_stop(stops: StopSignals) -> None:
    """Until SIGTERM or SIGINT."""
    await stops.wait()
    log.info("%s: stopping, finishing what is in hand", stops.by)
