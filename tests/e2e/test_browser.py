"""The sandbox chat page in a real browser: a member onboards by clicking, as a person would.

Drives Debian's Chromium (`/usr/bin/chromium`) with Playwright's async API, so the browser
shares the event loop with the in-process emulator of the `sandbox` fixture. Playwright's own
browser downloads are never used. Skipped when Chromium or Playwright is missing.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

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


async def test_onboarding_by_phone_share_in_the_chat_page(sandbox):
    expect = async_api.expect
    async with asyncio.timeout(50), async_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=15_000
        )
        try:
            page = await browser.new_page(viewport={"width": 1200, "height": 800}, locale="uk-UA")
            page.set_default_timeout(UI_WAIT_MS)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            await page.goto(f"{sandbox.url}/")

            await page.locator(".chat-item", has_text="Olena").click()
            await expect(page.locator("#head-title")).to_have_text("Olena Kovalenko")
            await expect(page.locator("#head-subtitle")).to_contain_text(f"id {OLENA}")

            messages = page.locator("#messages")
            incoming = messages.locator(".message-row.incoming")
            composer = page.locator("#text-input")
            await composer.click()
            await composer.fill("/start")
            await composer.press("Enter")
            await expect(composer).to_have_value("")
            await expect(
                messages.locator(".message-row.outgoing", has_text="/start")
            ).to_be_visible()
            await expect(incoming.filter(has_text="Вітаємо")).to_be_visible(timeout=BOT_WAIT_MS)

            await page.locator(".inline-button", has_text="📱 Підтвердити телефон").click()
            share = page.locator("#reply-keyboard .reply-button", has_text="shares contact")
            await expect(share).to_be_visible(timeout=BOT_WAIT_MS)
            await expect(share).to_contain_text("Поділитися номером телефону")
            await share.click()

            await expect(messages.locator(".contact")).to_contain_text("own contact")
            found = incoming.filter(has_text="Знайдено 3")
            await expect(found).to_be_visible(timeout=BOT_WAIT_MS)
            await expect(found).to_contain_text("Коваленко Софія Андріївна")

            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(ARTIFACTS / "onboarding.png"))
            assert errors == []
        finally:
            await browser.close()

    await sandbox.stored(
        "select count(*) from card_links join members on members.id = card_links.member_id "
        "where members.telegram_id = 10001 and members.phone = '+380501112233'",
        [(3,)],
    )
