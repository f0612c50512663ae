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
from aiogram import Bot
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
)

from bot.sandbox.run import sandbox_users
from tgsandbox import DEFAULT_FORUM_CHAT_ID as FORUM
from tgsandbox import (
    SANDBOX_TOKEN,
    EmulatorState,
    OutgoingFile,
    bot_session,
    bound_url,
    start_emulator,
)

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
# the bot process answers (over long-polling) within this; its first answers after start-up
# (imports, the first render) on a CI host busy with other tests' workers took over 10 s once
BOT_WAIT_MS = 20_000


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
            # the description the bot set at start, in Olena's language
            await expect(messages.locator(".bot-intro-text")).to_contain_text(
                "Ваше медичне страхування в Telegram"
            )
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


LONG_QUOTE = (
    "Olena Kovalenko asks whether the dental cleaning of 12 December at the Medikom clinic on "
    "Velyka Vasylkivska is covered by her family policy, and whether her daughter Sofia can "
    "come the same day " + "R-000042/UA-200201/" * 12
)


@pytest.mark.parametrize("size", SIZES)
async def test_long_quotes_and_replies_fit_the_staff_forum_and_the_member_chat(emulator, size):
    """The bot is played through the Bot API (no bot process): the page's layout is tested."""
    url, state = emulator
    expect = async_api.expect
    phone = size is PHONE
    bot = Bot(SANDBOX_TOKEN, session=bot_session(url))
    try:
        await bot.set_my_description("Your insurance cards, requests and reminders.")
        await bot.set_my_commands([BotCommand(command="start", description="Main menu")])
        await bot.set_my_commands(
            [BotCommand(command="find", description="Find a member by phone or ID")],
            scope=BotCommandScopeChat(chat_id=FORUM),
        )
        topic = await bot.create_forum_topic(FORUM, "Olena Kovalenko · R-000042 " + "·" * 80)
        thread = topic.message_thread_id
        labels = ["☎️ Подзвонити за номером +380501112233", "✅ Виконано", "📝 Потрібні дані"]
        row = [InlineKeyboardButton(text=t, callback_data=f"b{i}") for i, t in enumerate(labels)]
        card = await bot.send_message(
            FORUM,
            LONG_QUOTE,
            message_thread_id=thread,
            reply_markup=InlineKeyboardMarkup(inline_keyboard=[row]),
        )
        prompt = await bot.send_message(
            FORUM,
            "Write the answer to Olena",
            message_thread_id=thread,
            reply_markup=ForceReply(),
        )

        async with asyncio.timeout(40), async_api.async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=15_000
            )
            try:
                page = await browser.new_page(viewport=size, locale="en-US", timezone_id="UTC")
                page.set_default_timeout(UI_WAIT_MS)
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                await page.goto(f"{url}/#chat={FORUM}&thread={thread}")
                if phone:
                    await expect(page.locator(".sidebar")).to_be_hidden()
                messages, composer = page.locator("#messages"), page.locator("#text-input")

                # a ForceReply prompt opens a reply to itself; the answer carries it
                await expect(page.locator("#reply-bar")).to_contain_text("Write the answer")
                await composer.fill("She is covered")
                await composer.press("Enter")
                answer = await state.wait_for(lambda: last_text_update(state, "She is covered"))
                assert answer["reply_to_message"]["message_id"] == prompt.message_id
                assert answer["message_thread_id"] == thread
                await expect(page.locator("#reply-bar")).to_be_hidden()

                # replying by hand to the long card quotes it in full width
                card_row = messages.locator(".message-row", has_text="dental cleaning").first
                await card_row.hover()
                await card_row.locator(".reply-action").click()
                await expect(page.locator("#reply-bar")).to_contain_text("dental cleaning")
                await composer.fill("Called her back")
                await composer.press("Enter")
                reply = await state.wait_for(lambda: last_text_update(state, "Called her back"))
                assert reply["reply_to_message"]["message_id"] == card.message_id
                quoted = messages.locator(".message-row.outgoing .reply-quote")
                await expect(quoted.last).to_contain_text("dental cleaning")
                await expect(page.locator("#head-actions select")).to_be_in_viewport()
                await assert_fits(page, f"staff-forum-{size['width']}")

                # the forum's command menu is the forum's scope, not the members'
                await page.locator("#commands-button").click()
                await expect(page.locator("#commands-menu")).to_contain_text("/find")
                await expect(page.locator("#commands-menu")).not_to_contain_text("/start")

                # the member's chat: the description and START, then a long quote from the bot
                await page.goto(f"{url}/#chat={OLENA}")
                await expect(page.locator(".bot-intro")).to_contain_text("requests and reminders")
                await assert_fits(page, f"member-intro-{size['width']}")
                await page.get_by_role("button", name="START").click()
                asked = state.send_text(OLENA, LONG_QUOTE)
                await bot.send_message(
                    OLENA,
                    "Yes, it is covered.",
                    reply_parameters=ReplyParameters(message_id=asked["message_id"]),
                    reply_markup=InlineKeyboardMarkup(inline_keyboard=[row]),
                )
                await expect(messages.locator(".incoming .reply-quote")).to_contain_text("dental")
                await page.locator("#commands-button").click()
                await expect(page.locator("#commands-menu")).to_contain_text("/start")
                await assert_fits(page, f"member-chat-{size['width']}")
                assert errors == []
            finally:
                await browser.close()
    finally:
        await bot.session.close()


def last_text_update(state: EmulatorState, text: str) -> dict | None:
    for update in reversed(state.update_log):
        message = update.get("message") or {}
        if message.get("text") == text:
            return message
    return None


# --- the e-card in the chat page (issue 15) --------------------------------------------------

# the <img> of every photo in the chat, with the size its image decoded to (0 when it did not)
PHOTOS = """() => [...document.querySelectorAll('#messages .photo img')].map(img => ({
    complete: img.complete, width: img.naturalWidth, height: img.naturalHeight, src: img.src}))"""
# every photo loaded and decoded; a lazy <img> not loaded yet is scrolled to (the page renders
# the list again as messages come, so the nodes are looked up on each try)
LOADED = """() => {
    const imgs = [...document.querySelectorAll('#messages .photo img')];
    const done = img => img.complete && img.naturalWidth > 0;
    imgs.filter(img => !done(img)).forEach(img => img.scrollIntoView());
    return imgs.length > 0 && imgs.every(done);
}"""


def sent_photos(state: EmulatorState) -> list[str]:
    """Each sendPhoto the bot made: "upload" or the file_id it sent."""
    photos = [c["params"]["photo"] for c in state.calls if c["method"] == "sendPhoto" and c["ok"]]
    return ["upload" if p.startswith("attach://") else p for p in photos]


async def test_the_ecard_is_shown_in_the_chat_page_uploaded_and_then_by_file_id(sandbox):
    expect = async_api.expect
    async with asyncio.timeout(90), async_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=15_000
        )
        try:
            page = await browser.new_page(viewport=DESKTOP, locale="uk-UA")
            page.set_default_timeout(UI_WAIT_MS)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            await page.goto(f"{sandbox.url}/")
            await page.locator(".chat-item", has_text="Olena").click()
            messages = page.locator("#messages")
            incoming = messages.locator(".message-row.incoming")
            await page.get_by_role("button", name="START").click()
            await page.locator(".inline-button", has_text="📱 Підтвердити телефон").click(
                timeout=BOT_WAIT_MS
            )
            share = page.locator("#reply-keyboard .reply-button", has_text="shares contact")
            await share.click(timeout=BOT_WAIT_MS)
            await expect(incoming.filter(has_text="Знайдено 3")).to_be_visible(timeout=BOT_WAIT_MS)

            await page.locator(".inline-button", has_text="💳 Мої картки").last.click()
            show = page.locator(".inline-button", has_text="🪪 Показати мою картку")
            await show.last.click(timeout=BOT_WAIT_MS)
            photo = messages.locator(".photo img")
            await expect(photo).to_have_count(1, timeout=BOT_WAIT_MS)
            await expect(incoming.filter(has_text="Ваша страхова картка")).to_be_visible()
            await page.wait_for_function(LOADED)
            await expect(photo).to_be_visible()
            [first] = await page.evaluate(PHOTOS)
            assert (first["width"], first["height"]) == (1200, 720), first  # the card as drawn

            # again: sent by the file_id Telegram gave it, shown the same
            await show.last.click(timeout=BOT_WAIT_MS)
            await expect(photo).to_have_count(2, timeout=BOT_WAIT_MS)
            await page.wait_for_function(LOADED)
            await expect(photo.last).to_be_visible()
            shown = await page.evaluate(PHOTOS)
            assert [(p["width"], p["height"]) for p in shown] == [(1200, 720)] * 2, shown
            uploaded, by_id = sent_photos(sandbox.state)
            assert uploaded == "upload" and by_id.startswith("AgAC"), (uploaded, by_id)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            await page.screenshot(path=str(ARTIFACTS / "ecard-1280.png"))
            assert errors == []
        finally:
            await browser.close()

    await sandbox.stored(
        "select count(*), count(distinct file_id) from ecard_images "
        "join members on members.id = ecard_images.member_id where members.telegram_id = 10001",
        [(1, 1)],
    )


async def test_a_voice_message_is_shown_and_offered_to_play_in_the_chat_page(emulator):
    """A member's voice message, and the bot's copy of it by file_id in the staff forum: each
    shows as a voice message with its length (not as an empty bubble), and the chat list's
    preview names it."""
    url, state = emulator
    expect = async_api.expect
    [sent] = state.send_files(OLENA, "voice", [OutgoingFile(data=b"OggS-hello")])
    bot = Bot(SANDBOX_TOKEN, session=bot_session(url))
    try:
        await bot.send_voice(FORUM, sent["voice"]["file_id"], caption="📎 Olena Kovalenko")
        async with asyncio.timeout(40), async_api.async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=15_000
            )
            try:
                page = await browser.new_page(viewport=DESKTOP, locale="en-US", timezone_id="UTC")
                page.set_default_timeout(UI_WAIT_MS)
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                await page.goto(f"{url}/#chat={OLENA}")
                await expect(page.locator("#messages .document-name")).to_have_text(
                    "Voice message · 3 s"
                )
                await page.goto(f"{url}/#chat={FORUM}")
                await expect(page.locator("#messages .document-name").last).to_have_text(
                    "Voice message · 3 s"
                )
                await expect(
                    page.locator("#messages").get_by_text("📎 Olena Kovalenko")
                ).to_be_visible()
                await expect(page.locator(".chat-item", has_text="Olena").first).to_contain_text(
                    "🎤 Voice message"
                )
                assert errors == []
            finally:
                await browser.close()
    finally:
        await bot.session.close()
