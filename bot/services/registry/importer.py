"""The one registry import, for the shell (`run_bot.py import-registry`) and the admin chat.

Rows are streamed: read and checked a batch at a time in a worker thread (the event loop keeps
serving updates), written a batch at a time, each batch inside a SAVEPOINT, then the cards of the
batch's phones relinked. When a batch fails, its rows are retried one SAVEPOINT each, so a
database error costs only the row that caused it. Nothing here commits: the caller owns the
transaction, or passes a `checkpoint` that commits after each batch (the shell and the admin
chat do: the write lock is never held for a whole file, and memory stays flat).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.heap import fewer_collections
from bot.services.cards import relink_phones
from bot.services.linked import notify_cards_linked
from bot.services.registry import child
from bot.services.registry.child import Batch, CheckedFile, check_batch
from bot.services.registry.child import Item as _Item
from bot.services.registry.reader import Line, ReadLimits, read_rows
from bot.services.registry.rows import RegistryRow, RejectedRow, RowChecker, mask_id, original
from bot.services.registry.upsert import ADDED, Outcome, Upserter, Written
from bot.services.staff.audit import TARGET_LENGTH, audit

AfterBatch = Callable[[set[str]], Awaitable[None]]
# from this size on a file is read and checked in a child process while this one writes (a
# child costs 0.2 s (an XLSX's) to 0.6 s (a CSV's, which imports the checker) of CPU to start:
# a file of a few thousand rows is done by then)
CHILD_FROM_BYTES = 512 * 1024
_ROW = itemgetter(1)  # a batch item's row
_PHONE = itemgetter(9)  # a row's phone (RegistryRow's order)


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    # Every phone, old and new, of an added or updated card of the batch being written: card
    # linking must re-run for them (emptied after each batch when `after_batch` relinks them)
    touched_phones: set[str] = field(default_factory=set)
    # the rejected rows as read from the file, by line number (for the CSV of rejected rows)
    originals: dict[int, dict[str, str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.rejected)

    def reject(self, rejected: RejectedRow, original: dict[str, str]) -> None:
        self.rejected.append(rejected)
        self.originals[rejected.line] = original

    def count_many(self, rows: Sequence[RegistryRow], written: Sequence[Written]) -> None:
        if written.count(ADDED) == len(written):  # all new (a first import)
            self.added += len(written)
            self.touched_phones.update(filter(None, map(_PHONE, rows)))
            return
        for row, outcome in zip(rows, written, strict=True):
            self.count(row, outcome)

    def count(self, row: RegistryRow, written: Written) -> None:
        if written.outcome is Outcome.UNCHANGED:
            self.unchanged += 1
            return
        if written.outcome is Outcome.ADDED:
            self.added += 1
        else:
            self.updated += 1
            if written.old_phone:
                self.touched_phones.add(written.old_phone)
        if row.phone:
            self.touched_phones.add(row.phone)


def _short_error(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).splitlines()[0][:200]


async def _write(
    session: AsyncSession, upserter: Upserter, batch: list[_Item], report: ImportReport
) -> None:
    try:
        rows = list(map(_ROW, batch))
        async with session.begin_nested():
            written = await upserter.write(rows)
        report.count_many(rows, written)
        return
    except SQLAlchemyError:
        pass
    for line, row in batch:
        try:
            async with session.begin_nested():
                (outcome,) = await upserter.write([row])
        except SQLAlchemyError as exc:
            reason = f"database error: {_short_error(exc)}"
            rejected = RejectedRow(line, mask_id(row.insured_id), (reason,))
            report.reject(rejected, original(row))
            continue
        report.count(row, outcome)


def _take(source: CheckedFile | _InProcess) -> asyncio.Task[Batch]:
    """The source's next batch, taken in a worker thread."""
    return asyncio.ensure_future(asyncio.to_thread(source.next_batch))


class _InProcess:
    """Rows read and checked in this process (a worker thread), a batch at a time."""

    def __init__(self, rows: Iterable[Line], today: date, region: str) -> None:
        self._rows = iter(rows)
        self._checker = RowChecker(today, region)
        self.finished = False

    def next_batch(self) -> Batch:
        batch = check_batch(self._rows, self._checker)
        self.finished = batch[2] < child.BATCH
        return batch

    def close(self) -> None:
        self._checker.close()


async def import_registry(
    session: AsyncSession,
    rows: Iterable[Line] | CheckedFile,
    now: datetime,
    progress: Callable[[int], None] | None = None,
    *,
    default_region: str = "UA",
    after_batch: AfterBatch | None = None,
    checkpoint: Callable[[], Awaitable[object]] | None = None,
) -> ImportReport:
    """Upsert policies (by number) and cards (by insured_id) from registry rows; never commits
    but through `checkpoint`.

    `now` must be timezone-aware; it stamps `updated_at` of what actually changed and bounds
    birth dates. `progress`, if given, is called with the number of input rows finished so far
    (after `after_batch`, which gets the phones the batch touched, and `checkpoint`, which
    commits the batch).
    Phones written without a country code are read in `default_region`.

    `rows` are (line, row) pairs read here, or a `CheckedFile` a child process reads and checks
    while this one writes (started for the same day and region).
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    source: CheckedFile | _InProcess
    if isinstance(rows, CheckedFile):
        if (rows.today, rows.region) != (now.date(), default_region):
            raise ValueError("the CheckedFile was started for another day or region")
        source = rows
    else:
        source = _InProcess(rows, now.date(), default_region)
    report = ImportReport()
    upserter = Upserter(session, now)
    done = 0
    # A batch is taken (off a `CheckedFile`'s pipe, or read and checked here) in a worker thread:
    # the event loop keeps serving updates. Not while the batch before is written: two threads of
    # Python work only take turns on the GIL, and each hand-over of a database call back to the
    # event loop would wait out the other thread's switch interval (the import ran 1.3-1.7x
    # slower that way). The next batch is taken while the one before is committed: the commit
    # waits for the disk, not for the GIL (docs/performance.md, "Registry import"). A
    # `CheckedFile` reads and checks the batches after in its child.
    taking: asyncio.Task[Batch] | None = None
    try:
        with fewer_collections():  # batches come and go: no need to walk them (bot/heap.py)
            taking = _take(source)
            while taking is not None:
                # shielded: an import cancelled meanwhile lets the batch come (below) before
                # the pipe closes under its thread
                batch, rejected, taken = await asyncio.shield(taking)
                taking = None
                for item in rejected:
                    report.reject(*item)
                if batch:
                    await _write(session, upserter, batch, report)
                if after_batch is not None:
                    await after_batch(report.touched_phones)
                    report.touched_phones = set()
                if not source.finished:
                    taking = _take(source)
                if checkpoint is not None:
                    await checkpoint()
                done += taken
                if progress:
                    progress(done)
    finally:
        try:
            if taking is not None:  # stopped (failed, cancelled) with a batch on its way: let it
                # come before the pipe closes under its thread (the import's error is the one
                # raised, not the batch's)
                await asyncio.gather(taking, return_exceptions=True)
        finally:
            source.close()
            upserter.close()
    report.rejected.sort(key=lambda rejected: rejected.line)
    return report


@dataclass(frozen=True)
class ImportOutcome:
    rows: int
    report: ImportReport
    members_told: int

    @property
    def originals(self) -> dict[int, dict[str, str]]:
        return self.report.originals


def open_registry(
    path: Path,
    limits: ReadLimits | None = None,
    today: date | None = None,
    region: str = "UA",
    in_child: bool | None = None,
) -> Iterable[Line] | CheckedFile:
    """A registry file opened for `import_registry`, its size and header checked
    (RegistryFormatError): read here, or from CHILD_FROM_BYTES on (or when `in_child`) by a
    child process started now, which checks its rows for `today` and `region` as it reads."""
    limits = limits or ReadLimits()
    if in_child is None:
        try:
            in_child = path.stat().st_size >= CHILD_FROM_BYTES
        except OSError:
            in_child = False  # read_rows says why
    if not in_child or today is None:
        return read_rows(path, limits)
    return CheckedFile(path, today, region, limits).start()


async def import_file(
    session: AsyncSession,
    source: Path | Iterable[Line] | CheckedFile,
    now: datetime,
    *,
    progress: Callable[[int], None] | None = None,
    default_region: str = "UA",
    staff_id: int | None = None,
    file_name: str = "",
    limits: ReadLimits | None = None,
    checkpoint: Callable[[], Awaitable[object]] | None = None,
    in_child: bool | None = None,
) -> ImportOutcome:
    """Import a registry file (or rows already opened with `read_rows`), re-run card linking for
    the phones each batch touched and queue `cards_linked` for members who gained cards.
    Imported by staff (`staff_id`), it is audited as "import".

    Without `checkpoint` it all happens in the caller's transaction, inside a SAVEPOINT: a
    `RegistryFormatError` (the header now, or a broken line further on) leaves the database as
    it was. With `checkpoint` (e.g. `session.commit`) each batch, its links and its notices are
    committed before the next is written: a later error leaves the batches before it stored
    (importing the file again finds them unchanged).

    A file (`source` a Path) is read and checked in a child process while this one writes when
    `in_child` says so, or by default from CHILD_FROM_BYTES on.
    """
    rows: Iterable[Line] | CheckedFile
    if isinstance(source, Path):
        rows = await asyncio.to_thread(
            open_registry, source, limits, now.date(), default_region, in_child
        )
    else:
        rows = source

    told = 0

    async def link(phones: set[str]) -> None:
        nonlocal told
        gained = await relink_phones(session, phones, now)
        told += await notify_cards_linked(session, gained, now)

    if checkpoint is None:
        async with session.begin_nested():
            report = await import_registry(
                session, rows, now, progress, default_region=default_region, after_batch=link
            )
    else:
        report = await import_registry(
            session,
            rows,
            now,
            progress,
            default_region=default_region,
            after_batch=link,
            checkpoint=checkpoint,
        )
    if staff_id is not None:
        counts = {
            "rows": report.total,
            "added": report.added,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": len(report.rejected),
            "members_told": told,
        }
        target = file_name[:TARGET_LENGTH]
        await audit(session, staff_id, "import", now, target=target, details=counts)
    return ImportOutcome(report.total, report, told)
