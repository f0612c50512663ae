"""``python -m tgsandbox [--host H] [--port P]``: the emulator alone, until Ctrl+C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging

from tgsandbox import SANDBOX_TOKEN, bound_url, start_emulator

logger = logging.getLogger("tgsandbox")


async def serve(host: str, port: int) -> None:
    runner, _ = await start_emulator(host, port)
    url = bound_url(runner)
    logger.info("Telegram sandbox: chat page %s/ ; Bot API %s/bot%s/getMe", url, url, SANDBOX_TOKEN)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
