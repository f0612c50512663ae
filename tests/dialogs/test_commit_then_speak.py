"""Commit, then speak: the confirmation is rendered only after the request is committed."""

from __future__ import annotations

import pytest
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.exc import OperationalError

from tests.conftest import failing_commits
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card, stored_requests


async def _at_summary(build_dp, messages, engine, session_factory, plan) -> MemberClient:
    member = MemberClient(build_dp(failing_commits(engine, plan)), messages)
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🕘 Any time")
    await member.send("Question about my dental limit")
    assert "✅ Send" in member.buttons()
    return member


async def test_a_failed_commit_shows_no_number_and_says_nothing_was_sent(
    build_dp, messages, engine, session_factory
):
    plan: list[bool] = []
    member = await _at_summary(build_dp, messages, engine, session_factory, plan)
    plan.append(True)  # the commit after storing the request fails
    await member.click("✅ Send")

    assert await stored_requests(session_factory) == []
    assert "is sent" not in member.text()
    assert "could not be saved just now, so nothing was sent" in member.text()
    assert "✅ Send" in member.buttons()  # the summary stays: the member can try again

    await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert f"Request {request.number} is sent" in member.text()


async def test_sending_the_same_draft_again_returns_the_stored_request(
    build_dp, messages, engine, session_factory
):
    plan: list[bool] = []
    member = await _at_summary(build_dp, messages, engine, session_factory, plan)
    summary = member.last()
    # the request commits, the confirmation is shown, then the dialog state is lost (as if the
    # process died before its second, short transaction): the summary is current again
    plan.extend([False, True])
    with pytest.raises(OperationalError):
        await member.click("✅ Send")
    [request] = await stored_requests(session_factory)
    assert f"Request {request.number} is sent" in member.text()

    await member.client.click(summary, InlineButtonTextLocator("✅ Send"))
    assert await stored_requests(session_factory) == [request]
    assert f"Request {request.number} is sent" in member.text()


async def test_sent_screen_keeps_the_dialog_stack_small(member, session_factory, storage_depth):
    await member_with_active_card(member, session_factory)
    await member.click("📋 My requests")
    depths = []
    # Each round ends on the same screen, so it must leave the same stack: one intent or
    # context left behind per round shows from the second round on (aiogram-dialog's limit of
    # 100 intents would be reached only after 100 rounds, which prove nothing more).
    for i in range(12):
        await member.click("📝 New request")
        await member.click("📞 Call-back")
        await member.click("📱 Use \\+380 50 111 2233")
        await member.click("🕘 Any time")
        await member.send(f"Question number {i}")
        await member.click("✅ Send")
        assert "is sent" in member.text()
        await member.click("📋 My requests")
        depths.append(await storage_depth())
    assert max(depths) <= 2, depths
    assert len(set(depths[1:])) == 1, depths  # steady: nothing piles up round after round
    await member.click("⬅️ Back")
    assert "Active card" in member.text()  # back from My requests is the menu, not an old form


@pytest.fixture
def storage_depth(session_factory):
    """The deepest dialog stack stored, and (checked) that no orphaned contexts pile up."""

    from sqlmodel import select

    from storage.models import FsmRecord

    async def depth() -> int:
        async with session_factory() as session:
            records = list((await session.execute(select(FsmRecord))).scalars())
        stacks = [r.data for r in records if "aiogd:stack:" in r.key]
        contexts = [r for r in records if "aiogd:context:" in r.key]
        deepest = max((len(s.get("intents", [])) for s in stacks), default=0)
        assert len(contexts) <= deepest + 1
        return deepest

    return depth
