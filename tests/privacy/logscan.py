"""The log scan behind tests/privacy/test_no_personal_data_in_logs.py: while a test of the member
and staff journeys runs (`logscan` marker, set by tests/conftest.py for the files in `JOURNEYS`),
every log record of the bot (DEBUG and up, tracebacks included) is collected; when it ends, each
line is scanned for the phones, birth dates, insured IDs and full names of the people in that
test's database (the registry, members, tickets), in any common format, and a hit fails the
test. The journeys run once, in the suite itself, on every database it runs on."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import InsuredPerson, Member, SupportTicket

# the emulator plays Telegram: what it logs is Telegram's, not the bot's
NOT_THE_BOT = ("tgsandbox", "aiohttp.access", "aiohttp.server", "aiohttp.web")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SEPARATORS = r"[\s\-().]*"


@dataclass(frozen=True)
class Person:
    phones: tuple[str, ...] = ()
    birth_dates: tuple[date, ...] = ()
    insured_ids: tuple[str, ...] = ()
    full_names: tuple[str, ...] = ()


def phone_pattern(phone: str) -> re.Pattern[str]:
    """The subscriber part (last 9 digits), with or without spaces, dashes, dots, brackets
    between the digits: +380 50 111-22-33, 380501112233, 0501112233, (050) 111 22 33."""
    digits = re.sub(r"\D", "", phone)[-9:]
    return re.compile(SEPARATORS.join(digits) + r"(?!\d)")


def date_forms(value: date) -> set[str]:
    y, m, d = value.year, value.month, value.day
    forms = {f"{y}, {m}, {d}", f"{y}{m:02}{d:02}", f"{MONTHS[m - 1]} {d}, {y}"}
    forms.add(f"{d} {MONTHS[m - 1]} {y}")
    for sep in "-./ ":
        for mm, dd in ((f"{m:02}", f"{d:02}"), (str(m), str(d))):
            forms |= {f"{y}{sep}{mm}{sep}{dd}", f"{dd}{sep}{mm}{sep}{y}", f"{mm}{sep}{dd}{sep}{y}"}
    return forms


def hits(text: str, person: Person) -> list[str]:
    """What of `person` appears in `text` (the kind and the value's last characters only)."""
    found = []
    lower = text.lower()
    for phone in person.phones:
        if phone_pattern(phone).search(text):
            found.append(f"phone …{phone[-2:]}")
    for born in person.birth_dates:
        if any(form.lower() in lower for form in date_forms(born)):
            found.append(f"birth date …{born.day:02}")
    for insured_id in person.insured_ids:
        bare = re.sub(r"[\s\-]", "", insured_id).lower()
        if insured_id.lower() in lower or (len(bare) >= 6 and bare in re.sub(r"[\s\-]", "", lower)):
            found.append(f"insured id …{insured_id[-2:]}")
    for name in person.full_names:
        if len(name) >= 5 and name.lower() in lower:
            found.append(f"full name {name[:1]}…")
    return found


async def people(session: AsyncSession) -> Person:
    persons = (await session.execute(select(InsuredPerson))).scalars().all()
    members = (await session.execute(select(Member))).scalars().all()
    tickets = (await session.execute(select(SupportTicket))).scalars().all()

    def some(values: Iterable[object]) -> tuple:
        return tuple(sorted({v for v in values if v}, key=str))

    return Person(
        phones=some([p.phone for p in persons] + [m.phone for m in members]),
        birth_dates=some([p.birth_date for p in persons] + [m.birth_date for m in members]),
        insured_ids=some(p.insured_id for p in persons),
        full_names=some(
            [p.full_name for p in persons]
            + [m.full_name for m in members]
            + [t.full_name for t in tickets]
        ),
    )


class Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(NOT_THE_BOT):
            return
        try:
            self.lines.append(self.format(record))  # the traceback too, when there is one
        except Exception:
            self.lines.append(f"UNFORMATTABLE {record.name}: {record.msg!r} {record.args!r}")


COLLECTOR = Collector()


# the files whose tests are scanned (onboarding by phone and by insured ID, every request kind
# with documents, failed commits, staff buttons and relay, /find, /setphone, a registry import
# with bad rows, /mydata and the erase)
JOURNEYS = (
    "dialogs/test_phone.py",
    "dialogs/test_activation.py",
    "dialogs/test_request_appointment.py",
    "dialogs/test_request_medicines.py",
    "dialogs/test_request_lab_tests.py",
    "dialogs/test_request_reimbursement.py",
    "dialogs/test_request_callback.py",
    "dialogs/test_commit_then_speak.py",
    "staff/test_buttons_and_relay.py",
    "handlers/test_staff_commands.py",
    "privacy/test_mydata_and_erase.py",
    "privacy/test_no_personal_data_in_logs.py",
)
DEBUG_LOGGERS = ("", "bot", "dialogs", "storage", "aiogram", "aiogram_dialog", "apscheduler")


@dataclass
class LogScan:
    """The lines a scanned test logged so far, and what of its people they carry."""

    sessions: async_sessionmaker[AsyncSession]
    start: int

    @property
    def lines(self) -> list[str]:
        return COLLECTOR.lines[self.start :]

    def forget(self) -> None:
        """Drop the lines so far (a test that plants a leak on purpose)."""
        del COLLECTOR.lines[self.start :]

    async def leaks(self) -> list[tuple[str, list[str]]]:
        async with self.sessions() as session:
            person = await people(session)
        return [(line[:400], kinds) for line in self.lines if (kinds := hits(line, person))]


@contextmanager
def debug_logging() -> Iterator[None]:
    """Every logger of the bot at DEBUG, into the collector; as they were afterwards."""
    loggers = [logging.getLogger(name) for name in DEBUG_LOGGERS]
    levels = [logger.level for logger in loggers]
    root = logging.getLogger()
    root.addHandler(COLLECTOR)
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        root.removeHandler(COLLECTOR)
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
        COLLECTOR.lines.clear()


@pytest.fixture
async def logscan(session_factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[LogScan]:
    """The test's log lines at DEBUG; it fails when they carry personal data of the people in
    its database. Set up by tests/conftest.py for every `logscan` test that has a database."""
    with debug_logging():
        scan = LogScan(session_factory, len(COLLECTOR.lines))
        yield scan
        found = await scan.leaks()
    if found:
        pytest.fail(
            "personal data in the logs (test data, shown so the leak can be found):\n"
            + json.dumps(found[:20], ensure_ascii=False, indent=1),
            pytrace=False,
        )
