"""The emulator's fixtures (an emulator on a free port, an aiogram Bot on it, its control API),
for tests of what this bot does in it."""

from tests.tgsandbox.conftest import base_url, bot, control, state

__all__ = ["base_url", "bot", "control", "state"]
