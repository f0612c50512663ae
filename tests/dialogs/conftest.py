from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.factory import create_dispatcher
from tests.dialogs.harness import MemberClient, ReplyAwareMessageManager


@pytest.fixture
def messages() -> ReplyAwareMessageManager:
    return ReplyAwareMessageManager()


@pytest.fixture
def build_dp(settings, session_factory, clock, messages) -> Callable:
    """A fresh Dispatcher on the test database (call again to simulate a restart)."""

    def build(factory=None):
        dp, _bg = create_dispatcher(
            settings, factory or session_factory, clock=clock, message_manager=messages
        )
        return dp

    return build


@pytest.fixture
def member(build_dp, messages) -> MemberClient:
    return MemberClient(build_dp(), messages)
