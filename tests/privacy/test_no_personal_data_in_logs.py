"""Proof that the logs carry no personal data: the member and staff journeys (onboarding by
phone and by insured ID, every request kind with documents, staff buttons and relay, /find,
/setphone, a registry import with bad rows, failed commits, /mydata and the erase) run in the
suite with logging at DEBUG, and every log line of each test, tracebacks included, is scanned
for the phones, birth dates, insured IDs and full names of the people in its database, in any
format (tests/privacy/logscan.py). Here: the scanner finds each format, and the scan is wired
to the journeys."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from storage.models import Member
from tests.privacy.logscan import JOURNEYS, Person, hits

OLENA = Person(
    phones=("+380501112233",),
    birth_dates=(date(1984, 3, 5),),
    insured_ids=("UA-200001",),
    full_names=("Olena Kovalenko",),
)


@pytest.mark.parametrize(
    "line",
    [
        "sent to +380501112233",
        "phone 380501112233 matched",
        "phone 0501112233",
        "phone (050) 111-22-33",
        "phone +380 50 111 22 33",
        "born 1984-03-05",
        "born 05.03.1984",
        "born 5/3/1984",
        "datetime.date(1984, 3, 5)",
        "born March 5, 1984",
        "id ua-200001",
        "id UA200001",
        "OLENA KOVALENKO wrote",
    ],
)
def test_the_scanner_finds_each_format(line):
    assert hits(line, OLENA), line


def test_the_scanner_passes_masked_values():
    assert hits("phone +380 •• ••• 22 33, id UA-••••01, born 1984", OLENA) == []


def test_every_journey_file_is_scanned():
    tests = Path(__file__).resolve().parents[1]
    assert [j for j in JOURNEYS if not (tests / j).is_file()] == []  # none renamed away


async def test_a_journey_that_logs_a_phone_or_a_name_fails(logscan, session_factory):
    assert logscan is not None  # this file is one of the scanned journeys
    async with session_factory.begin() as session:
        session.add(
            Member(
                telegram_id=7001,
                phone="+380501112233",
                full_name="Olena Kovalenko",
                created_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
            )
        )
    logging.getLogger("aiogram").debug("Update handled")
    assert await logscan.leaks() == []
    logging.getLogger("bot.handlers").debug("sent to %s", "+380 50 111 22 33")
    logging.getLogger("dialogs").debug("name %s", "OLENA KOVALENKO")
    found = await logscan.leaks()
    assert [kinds for _, kinds in found] == [["phone …33"], ["full name O…"]]
    assert any("Update handled" in line for line in logscan.lines)  # DEBUG lines are collected
    logscan.forget()  # planted on purpose: this test itself must pass
