"""Telegram's limits as waits, with time given by the test."""

import pytest

from bot.services.pacing import FLYING_AT_MOST_SECONDS, Pacer


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
        pacer.answered(chat, 5.0)
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


def test_a_group_waits_until_all_of_a_rows_sends_fit_its_minute() -> None:
    pacer = Pacer(group_per_minute=19)
    for at in range(17):  # 17 sends at 0..16 s: room for two more now
        pacer.sent(-100, float(at))
    assert pacer.chat_wait(-100, 20.0, sends=2) == 0.0
    # three need the oldest send (at 0 s) to leave the minute first
    assert pacer.chat_wait(-100, 20.0, sends=3) == 40.0
    assert pacer.chat_wait(-100, 20.0, sends=4) == 41.0
    assert pacer.gap(-100) == 60 / 19
    assert pacer.gap(5) == pacer.private_interval


def test_a_send_counts_from_its_answer() -> None:
    pacer = Pacer()
    pacer.sent(5, 10.0)
    pacer.answered(5, 10.4)  # a slow answer: Telegram may have counted it as late as this
    assert pacer.chat_wait(5, 11.06) == pytest.approx(0.39)
    pacer.sent(-100, 20.0)
    pacer.answered(-100, 20.5)
    for _ in range(18):
        pacer.sent(-100, 21.0)
    assert pacer.chat_wait(-100, 79.0) == pytest.approx(1.5)  # the first now leaves at 80.5 s


def test_answers_and_the_outbox_share_the_overall_window() -> None:
    pacer = Pacer(per_second=3, private_interval=1.0)
    pacer.replied(1, 10.0)
    pacer.replied(2, 10.1)
    assert pacer.wait_time(3, 10.2) == 0  # one slot left, the outbox may take it
    pacer.sent(3, 10.2)
    assert pacer.wait_time(4, 10.3) == pytest.approx(0.7)  # the first answer leaves at 11.0
    assert pacer.reply_wait(10.3) == pytest.approx(0.7)
    # an answer counts in its chat's window: the outbox's next message there waits after it
    assert pacer.chat_wait(1, 10.5) == pytest.approx(0.5)


def test_an_answer_waits_only_for_the_overall_window() -> None:
    pacer = Pacer(per_second=10, private_interval=1.0)
    pacer.replied(1, 10.0)
    assert pacer.reply_wait(10.1) == 0  # its chat's gap does not hold an answer back
    for n in range(9):
        pacer.sent(100 + n, 10.2)
    assert pacer.reply_wait(10.3) == pytest.approx(0.7)


def test_the_outbox_yields_while_an_answer_waits() -> None:
    pacer = Pacer(per_second=2, private_interval=1.0)
    for chat, at in ((100, 10.0), (101, 10.5)):
        pacer.sent(chat, at)
        pacer.answered(chat, at)
    pacer.replies_waiting = 1  # an answer waits for the slot that frees at 11.0
    # at 11.0 that slot is the answer's; the outbox waits for the next (at 11.5)
    assert pacer.wait_time(102, 11.0) == pytest.approx(0.5)
    pacer.replies_waiting = 0
    assert pacer.wait_time(102, 11.0) == 0


def test_an_answer_counts_from_its_answer_and_keeps_the_outbox_answer_apart() -> None:
    pacer = Pacer(per_second=3, private_interval=1.0)
    pacer.sent(100, 10.0)  # the outbox's send in flight
    pacer.replied(1, 10.1)  # an answer made meanwhile
    pacer.reply_answered(1, 10.1, 10.6)
    pacer.answered(100, 10.2)  # moves the outbox's own send, not the answer
    pacer.sent(101, 10.7)
    assert pacer.reply_wait(11.1) == pytest.approx(0.1)  # 10.2 leaves at 11.2
    assert pacer.reply_wait(11.25) == 0
    assert pacer.chat_wait(1, 11.5) == pytest.approx(0.1)  # counted from 10.6


def test_a_send_still_waiting_for_its_answer_counts_however_old() -> None:
    """Telegram may count a send as late as its answer: one still unanswered after a second
    keeps its slot, for the outbox and the answers alike, until its answer comes."""
    pacer = Pacer(per_second=2, private_interval=1.0)
    pacer.sent(1, 10.0)
    pacer.replied(2, 10.1)
    assert pacer.wait_time(3, 11.5) > 0  # both a second old, both still on their way
    assert pacer.reply_wait(11.5) > 0
    pacer.answered(1, 11.5)
    pacer.reply_answered(2, 10.1, 11.5)
    assert pacer.wait_time(3, 11.6) == pytest.approx(0.9)  # counted from 11.5 now
    assert pacer.wait_time(3, 12.5) == 0
    pacer.sent(4, 20.0)  # answers never recorded cost their slots a bounded time only
    pacer.sent(5, 20.0)
    assert pacer.wait_time(3, 21.0) > 0
    assert pacer.wait_time(3, 20.0 + FLYING_AT_MOST_SECONDS) == 0
