"""Proof that the logs carry no personal data: the member and staff journeys (onboarding by
phone and by insured ID, every request kind with documents, staff buttons and relay, /find,
/setphone, a registry import with bad rows, failed commits, /mydata and the erase) run with
logging at DEBUG, and every log line, tracebacks included, is scanned for the phones, birth
dates, insured IDs and full names of the people in each test's database, in any format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.privacy.logscan import Person, hits

ROOT = Path(__file__).resolve().parents[2]
JOURNEYS = [
    "tests/dialogs/test_phone.py",
    "tests/dialogs/test_activation.py",
    "tests/dialogs/test_request_appointment.py",
    "tests/dialogs/test_request_medicines.py",
    "tests/dialogs/test_request_lab_tests.py",
    "tests/dialogs/test_request_reimbursement.py",
    "tests/dialogs/test_request_callback.py",
    "tests/dialogs/test_commit_then_speak.py",
    "tests/staff/test_buttons_and_relay.py",
    "tests/handlers/test_staff_commands.py",
    "tests/privacy/test_mydata_and_erase.py",
]
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


@pytest.mark.slow
def test_no_phone_birth_date_insured_id_or_name_in_any_log_line(tmp_path):
    out = tmp_path / "logscan.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEST_POSTGRES", "TEST_REDIS"))}
    env["LOGSCAN_OUT"] = str(out)
    journeys = [j for j in JOURNEYS if (ROOT / j).exists()]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "tests.privacy.logscan",
         "--log-level=DEBUG", "-p", "no:cacheprovider", *journeys],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1500, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:]
    results = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(results) >= 50, "the journeys did not run"
    assert sum(r["lines"] for r in results) >= 500, "too few log lines to prove anything"
    assert sum(r["values"] for r in results) >= 200, "no people to look for"
    leaks = [(r["test"], h) for r in results for h in r["hits"]]
    assert leaks == [], json.dumps(leaks[:20], ensure_ascii=False, indent=1)
