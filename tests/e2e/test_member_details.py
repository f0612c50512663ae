"""The details a member notices (issue 15), through the real bot process and the emulator."""

from tests.e2e.test_member_journeys import AIGERIM, OLENA


async def test_the_phone_keyboard_goes_once_the_phone_is_shared(sandbox):
    await sandbox.say(OLENA, "/start", "Вітаємо")
    await sandbox.press(OLENA, "📱 Підтвердити телефон", "Поділитися")
    assert sandbox.state.chats[OLENA].reply_keyboard is not None
    answer_calls: list[dict] = []  # every Bot API call from here on (the log keeps the last 1000)
    sandbox.state.call_observers.append(answer_calls.append)
    linked = await sandbox.reply_after(
        OLENA, lambda: sandbox.state.send_contact(OLENA), "Знайдено 3"
    )
    assert sandbox.state.chats[OLENA].reply_keyboard is None  # taken away with the answer
    # the question stays above the member's contact (only its keyboard went): nothing deleted
    history = sandbox.state.history(OLENA)
    shared = next(i for i, m in enumerate(history) if "contact" in m)
    assert "Поділитися" in str(history[shared - 1].get("reply_keyboard"))
    assert history[shared + 1]["message_id"] == linked["message_id"]
    assert "sendMessage" in [c["method"] for c in answer_calls]
    assert "deleteMessage" not in [c["method"] for c in answer_calls]

    # the screen's own buttons are put on the same message a moment later
    def with_buttons() -> dict | None:
        message = sandbox.state.chats[OLENA].messages.get(linked["message_id"], {})
        return message if "inline_keyboard" in message.get("reply_markup", {}) else None

    await sandbox.state.wait_for(with_buttons, within=sandbox.within)
    texts = [m.get("text") for m in sandbox.bot_messages(OLENA)]
    assert "..." not in texts


async def test_back_on_the_phone_keyboard_takes_it_away(sandbox):
    await sandbox.say(AIGERIM, "/start", "Добро пожаловать")
    await sandbox.press(AIGERIM, "📱 Подтвердить телефон", "Поделиться")
    keyboard = sandbox.state.chats[AIGERIM].reply_keyboard
    back = next(b["text"] for row in keyboard["keyboard"] for b in row if "Назад" in b["text"])
    await sandbox.say(AIGERIM, back, "Добро пожаловать")
    assert sandbox.state.chats[AIGERIM].reply_keyboard is None
