"""The sandbox chat page in a real browser: a member onboards by clicking, as a person would.

Drives Debian's Chromium (`/usr/bin/chromium`) with Playwright's async API, so the browser
shares the event loop with the in-process emulator of the `sandbox` fixture. Playwright's own
browser downloads are never used. Skipped when Chromium or Playwright is missing.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.sandbox.run import sandbox_users
from tgsandbox import EmulatorState, bound_url, start_emulator

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
async_api = pytest.importorskip(
    "playwright.async_api", reason="playwright is not installed (pip install playwright)"
)

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
OLENA = 10001
# the machine is offline: keep Chromium from calling home
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
UI_WAIT_MS = 5_000  # the page renders what it has within this
BOT_WAIT_MS = 10_000  # the bot process answers (over long-polling) within this


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SIZES = [pytest.param(DESKTOP, id="1280px"), pytest.param(PHONE, id="390px")]
# what a layout must keep: nothing wider than the window, every keyboard button whole and on screen
FITS = """() => {
    const width = window.innerWidth;
    const cut = [];
    for (const node of document.querySelectorAll(".inline-button, .reply-button, .start-button")) {
        const box = node.getBoundingClientRect();
        if (!box.width) continue;  // not shown
        if (box.left < 0 || box.right > width + 0.5 || node.scrollWidth > node.clientWidth + 1) {
            cut.push(node.textContent);
        }
    }
    return {scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth,
            width, cut};
}"""


async def assert_fits(page, name: str) -> None:
    """No sideways scroll and no cut keyboard; a screenshot for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    fit = await page.evaluate(FITS)
    assert fit["scroll"] <= fit["width"], fit
    assert fit["body"] <= fit["width"], fit
    assert fit["cut"] == [], fit


@pytest.mark.parametrize("size", SIZES)
async def test_onboarding_by_phone_share_in_the_chat_page(sandbox, size):
    expect = async_api.expect
    phone = size is PHONE
    async with asyncio.timeout(50), async_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=15_000
        )
        try:
            page = await browser.new_page(viewport=size, locale="uk-UA")
            page.set_default_timeout(UI_WAIT_MS)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            await page.goto(f"{sandbox.url}/")
            sidebar, conversation = page.locator(".sidebar"), page.locator(".conversation")
            if phone:  # the chat list is a screen of its own
                await expect(conversation).to_be_hidden()

            await page.locator(".chat-item", has_text="Olena").click()
            await expect(page.locator("#head-title")).to_have_text("Olena Kovalenko")
            await expect(page.locator("#head-subtitle")).to_contain_text(f"id {OLENA}")
            if phone:
                await expect(sidebar).to_be_hidden()

            # before /start: what the bot is for, and START where the message field will be
            messages = page.locator("#messages")
            incoming = messages.locator(".message-row.incoming")
            await expect(messages.locator(".bot-intro")).to_contain_text("What can this bot do?")
            await expect(page.locator("#text-input")).to_be_hidden()
            await page.get_by_role("button", name="START").click()
            await expect(
                messages.locator(".message-row.outgoing", has_text="/start")
            ).to_be_visible()
            await expect(page.locator("#start-bar")).to_be_hidden()
            await expect(page.locator("#text-input")).to_be_visible()
            await expect(incoming.filter(has_text="Вітаємо")).to_be_visible(timeout=BOT_WAIT_MS)
            await assert_fits(page, f"welcome-{size['width']}")

            await page.locator(".inline-button", has_text="📱 Підтвердити телефон").click()
            share = page.locator("#reply-keyboard .reply-button", has_text="shares contact")
            await expect(share).to_be_visible(timeout=BOT_WAIT_MS)
            await expect(share).to_contain_text("Поділитися номером телефону")
            await share.click()

            await expect(messages.locator(".contact")).to_contain_text("own contact")
            found = incoming.filter(has_text="Знайдено 3")
            await expect(found).to_be_visible(timeout=BOT_WAIT_MS)
            await expect(found).to_contain_text("Коваленко Софія Андріївна")

            await assert_fits(page, f"onboarding-{size['width']}")
            if phone:  # back to the list, as in Telegram's apps
                await page.locator("#back-button").click()
                await expect(sidebar).to_be_visible()
                await expect(conversation).to_be_hidden()
            assert errors == []
        finally:
            await browser.close()

    await sandbox.stored(
        "select count(*) from card_links join members on members.id = card_links.member_id "
        "where members.telegram_id = 10001 and members.phone = '+380501112233'",
        [(3,)],
    )


REAL = datetime(2026, 11, 22, 6, 30, tzinfo=UTC)  # the machine's time, standing still


@pytest.fixture
async def emulator() -> AsyncIterator[tuple[str, EmulatorState]]:
    """The emulator alone (no bot): the page's own controls are what is tested."""
    state = EmulatorState(users=sandbox_users(), clock=REAL.timestamp)
    runner, _ = await start_emulator("127.0.0.1", 0, state)
    try:
        yield bound_url(runner), state
    finally:
        await runner.cleanup()


async def test_the_clock_in_the_page_moves_the_sandbox_forward(emulator):
    url, state = emulator
    expect = async_api.expect
    async with asyncio.timeout(40), async_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=15_000
        )
        try:
            page = await browser.new_page(
                viewport={"width": 1200, "height": 800}, locale="en-US", timezone_id="UTC"
            )
            page.set_default_timeout(UI_WAIT_MS)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            await page.goto(f"{url}/")
            now, offset = page.locator("#clock-now"), page.locator("#clock-offset")
            await expect(now).to_have_text("🕒 Sun, 22 Nov 2026, 06:30 · UTC")
            await expect(offset).to_have_text("real time")

            await page.get_by_role("button", name="+1 h").click()
            await expect(now).to_have_text("🕒 Sun, 22 Nov 2026, 07:30 · UTC")
            await page.get_by_role("button", name="+1 day").click()
            await expect(now).to_have_text("🕒 Mon, 23 Nov 2026, 07:30 · UTC")
            await expect(offset).to_have_text("+1 d 1 h")
            assert state.world.offset_seconds == 25 * 3600

            await page.locator("#clock-date").fill("2026-12-07")
            await page.locator("#clock-time").fill("09:00")
            await page.get_by_role("button", name="Go").click()
            await expect(now).to_have_text("🕒 Mon, 7 Dec 2026, 09:00 · UTC")
            await expect(offset).to_have_text("+15 d 2 h 30 min")

            # back in time is refused, and the page says why
            await page.locator("#clock-time").fill("08:00")
            await page.get_by_role("button", name="Go").click()
            await expect(page.locator("#toast")).to_contain_text("the clock only moves forward")
            await expect(now).to_have_text("🕒 Mon, 7 Dec 2026, 09:00 · UTC")

            # what a member sends now carries the sandbox's date
            await page.locator(".chat-item", has_text="Maria").click()
            await page.get_by_role("button", name="START").click()
            await expect(page.locator("#messages .day")).to_have_text("12/7/2026")
            assert errors == []
        finally:
            await browser.close()
