"""Going back from the `web` role to polling: the webhook left set is deleted, and what a
member wrote meanwhile is answered, not dropped."""

from __future__ import annotations

from pathlib import Path

import aiohttp

from bot.sandbox.run import sandbox_users
from tests.e2e.conftest import Sandbox, bot_env, import_demo_registry, start_bot, stop_bot
from tests.e2e.test_member_journeys import OLENA
from tgsandbox import SANDBOX_TOKEN, EmulatorState, bound_url, start_emulator


async def test_polling_deletes_a_webhook_left_set_and_keeps_its_updates(tmp_path: Path) -> None:
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=sandbox_users()))
    try:
        url = bound_url(runner)
        async with aiohttp.ClientSession() as http:
            # a `web` deployment set it; nothing answers there any more
            set_hook = f"{url}/bot{SANDBOX_TOKEN}/setWebhook"
            async with http.post(set_hook, data={"url": "http://127.0.0.1:9/webhook"}) as reply:
                assert (await reply.json())["ok"]
        state.send_text(OLENA, "/start")  # written while no bot takes updates
        env = bot_env(url, tmp_path / "e2e.sqlite3", tmp_path)
        await import_demo_registry(env, tmp_path)
        bot = await start_bot(state, env, tmp_path)
        try:
            box = Sandbox(state, tmp_path / "e2e.sqlite3", url)
            await state.wait_for(
                lambda: any("Вітаємо" in (m.get("text") or "") for m in box.bot_messages(OLENA)),
                within=box.within,
            )
            assert state.webhook is None
        finally:
            await stop_bot(bot)
    finally:
        await runner.cleanup()
