"""Telegram's limits as waits, with time given by the test."""

from bot.services.pacing import Pacer


def test_one_message_a_second_per_private_chat():
    pacer = Pacer(private_interval=1.0)
    assert pacer.wait_time(1, 10.0) == 0
    pacer.sent(1, 10.0)
    assert abs(pacer.wait_time(1, 10.2) - 0.8) < 1e-9
    assert pacer.wait_time(2, 10.2) == 0  # another chat is not held up
    assert pacer.wait_time(1, 11.0) == 0


def test_thirty_a_second_overall():
    pacer = Pacer(per_second=30)
    for chat in range(30):
        assert pacer.wait_time(chat, 5.0) == 0
        pacer.sent(chat, 5.0)
    assert abs(pacer.wait_time(99, 5.5) - 0.5) < 1e-9
    assert pacer.wait_time(99, 6.0) == 0


def test_twenty_a_minute_per_group():
    pacer = Pacer(group_per_minute=20)
    group = -1001234567890
    for n in range(20):
        assert pacer.wait_time(group, float(n)) == 0
        pacer.sent(group, float(n))
    assert abs(pacer.wait_time(group, 20.0) - 40.0) < 1e-9  # the first of the 20 leaves at 60 s
    assert pacer.wait_time(group, 60.0) == 0


def test_defaults_keep_a_margin_under_telegrams_limits():
    pacer = Pacer()
    assert pacer.per_second < 30
    assert pacer.private_interval > 1
    assert pacer.group_per_minute < 20


def test_a_chats_own_wait_leaves_out_the_overall_limit():
    pacer = Pacer(per_second=2, private_interval=1.0, group_per_minute=1)
    pacer.sent(1, 10.0)
    pacer.sent(2, 10.0)
    assert pacer.chat_wait(3, 10.1) == 0  # only the overall limit holds chat 3 back
    assert abs(pacer.wait_time(3, 10.1) - 0.9) < 1e-9
    assert abs(pacer.chat_wait(1, 10.1) - 0.9) < 1e-9
    pacer.sent(-100, 10.0)
    assert abs(pacer.chat_wait(-100, 40.0) - 30.0) < 1e-9
