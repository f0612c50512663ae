"""A member's request reaches the staff forum; a staff button there reaches the member."""

from tgsandbox import DEFAULT_FORUM_CHAT_ID as FORUM

AIGERIM = 10002


async def test_staff_take_in_the_forum_notifies_the_member(sandbox):
    await sandbox.callback_request_in_russian(AIGERIM, "+77010000101", "SPH-2026-0001")

    def card():
        for message in sandbox.bot_messages(FORUM):
            if "R-000001" in message.get("text", "") and message.get("reply_markup"):
                return message
        return None

    posted = await sandbox.state.wait_for(card, within=15)
    assert posted.get("message_thread_id") in sandbox.state.chats[FORUM].topics
    # the phone is masked for staff, whichever way it is written
    assert "+77010000101" not in posted["text"] and "+7 701 000 0101" not in posted["text"]
    assert "+7 ••• ••• 01 01" in posted["text"]

    told = await sandbox.reply_after(
        AIGERIM,
        lambda: sandbox.state.press_button(
            FORUM, posted["message_id"], user_id=20001, text="🙋 Take"
        ),
        "R-000001",
    )
    assert "в работе" in told["text"]
    await sandbox.stored(
        "select status, assignee_telegram_id from requests", [("in_progress", 20001)]
    )
    await sandbox.stored("select action from audit_log", [("request_take",)])
