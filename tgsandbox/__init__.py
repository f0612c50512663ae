"""A local stand-in for Telegram's Bot API, so the bot runs and is tested offline.

Start it with :func:`start_emulator` and point aiogram at it::

    runner, state = await start_emulator("127.0.0.1", 8081)
    bot = Bot(SANDBOX_TOKEN, session=bot_session(bound_url(runner)))

The web chat page is served at ``/``; the control API lives under ``/sandbox/api``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from tgsandbox.emulator import SANDBOX_TOKEN, create_emulator_app
from tgsandbox.limits import RateLimits
from tgsandbox.models import DEFAULT_FORUM_CHAT_ID, SimUser, default_users
from tgsandbox.state import EmulatorState, OutgoingFile, SandboxError

if TYPE_CHECKING:
    from aiogram.client.session.aiohttp import AiohttpSession

__all__ = [
    "DEFAULT_FORUM_CHAT_ID",
    "SANDBOX_TOKEN",
    "EmulatorState",
    "OutgoingFile",
    "RateLimits",
    "SandboxError",
    "SimUser",
    "bot_session",
    "bound_url",
    "create_emulator_app",
    "default_users",
    "start_emulator",
]


async def start_emulator(
    host: str = "127.0.0.1", port: int = 8081, state: EmulatorState | None = None
) -> tuple[web.AppRunner, EmulatorState]:
    """Serve the emulator on ``host:port`` (port 0 picks a free one; see :func:`bound_url`).

    Stop it with ``await runner.cleanup()``.
    """
    state = state if state is not None else EmulatorState()
    runner = web.AppRunner(create_emulator_app(state), shutdown_timeout=2.0)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner, state


def bound_url(runner: web.AppRunner) -> str:
    """``http://host:port`` the runner actually listens on (useful with port 0)."""
    host, port = runner.addresses[0][:2]
    return f"http://{host}:{port}"


def bot_session(base_url: str) -> AiohttpSession:
    """An aiogram session that talks to the emulator at ``base_url`` instead of Telegram.

    The emulator needs no aiogram; this helper does (any other client only needs the base URL:
    see the README).
    """
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer

    return AiohttpSession(api=TelegramAPIServer.from_base(base_url))
