"""Registry imports sent in the admin chat, run in the background.

The handler that receives the file answers with a progress message and hands the import to
`RegistryImports` (one per dispatcher, in its data as `registry_imports`), which runs it as an
asyncio task of its own: the update is finished and acknowledged at once, and members' updates
go on while the file is read (in a worker thread) and written (a batch per transaction, so
SQLite's one writer is never held for the whole file). One import runs at a time. The progress
message is edited at most every `progress_every` seconds (a group takes about 20 messages a
minute) and becomes the report when the import is done.

If the process stops mid-import, the batches committed so far stay (each with its card links and
notices); the staff member sends the file again, and the rows already stored come out unchanged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.types import BufferedInputFile, Document
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.handlers.admin import command_texts as texts
from bot.i18n import Translator
from bot.services.registry import RegistryFormatError
from bot.services.registry.importer import ImportOutcome, import_file
from bot.services.registry.reader import Problem, ReadLimits
from bot.services.registry_report import rejected_csv

log = logging.getLogger(__name__)

# the sentence for each kind of refused file (the others name the reader's English detail)
REFUSALS: dict[Problem, str] = {
    Problem.XML_ENTITIES: "import-refused-xml",
    Problem.UNPACKS_TOO_BIG: "import-refused-unpacked",
    Problem.FILE_TOO_BIG: "import-refused-file-size",
    Problem.TOO_MANY_ROWS: "import-refused-rows",
    Problem.ENCODING: "import-refused-encoding",
    Problem.NOT_XLSX: "import-refused-not-xlsx",
}


@dataclass(frozen=True)
class ImportJob:
    """A file a staff member sent, and the message that shows its progress."""

    document: Document
    file_name: str
    staff_id: int
    chat_id: int
    file_message_id: int
    progress_message_id: int
    i18n: Translator
    waited: bool = False  # another import was running: the message says "waiting"


def refusal(error: RegistryFormatError, file_name: str, saved: int, i18n: Translator) -> str:
    """Why the file was refused or stopped, in the staff member's language, and what is stored."""
    details = error.details
    key = REFUSALS.get(error.problem)
    if key is None or (key == "import-refused-encoding" and "line" not in details):
        text = i18n("import-refused-format", file=texts.esc(file_name), error=texts.esc(str(error)))
    else:
        text = i18n(
            key,
            file=texts.esc(file_name),
            size=details.get("size_mb", 0),
            limit=details.get("limit_mb", details.get("limit", 0)),
            line=details.get("line", 0),
        )
    return f"{text}\n{_saved(saved, i18n)}"


def _saved(saved: int, i18n: Translator) -> str:
    return i18n("import-part-saved", rows=saved) if saved else i18n("import-nothing-saved")


class RegistryImports:
    """The admin chat's registry imports: each an asyncio task owned here, one at a time."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        limits: ReadLimits,
        *,
        progress_every: float = 3.0,
    ) -> None:
        self._sessions = session_factory
        self._clock = clock
        self._limits = limits
        self.progress_every = progress_every
        self._tasks: set[asyncio.Task[None]] = set()
        self._turn = asyncio.Lock()

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def start(self, bot: Bot, job: ImportJob) -> asyncio.Task[None]:
        task = asyncio.create_task(self._run(bot, job), name=f"registry import {job.file_name}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def wait(self) -> None:
        """Until every import started so far has finished."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def close(self) -> None:
        """On shutdown: imports in progress stop (their committed batches stay)."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _run(self, bot: Bot, job: ImportJob) -> None:
        i18n, name = job.i18n, texts.esc(job.file_name)
        try:
            async with self._turn:
                if job.waited:
                    await self._progress(bot, job, 0)
                with tempfile.TemporaryDirectory(prefix="registry-") as folder:
                    # the file keeps its name: format errors mention it
                    safe = re.sub(r"[^\w.\-]", "_", Path(job.file_name).name)[-100:]
                    path = Path(folder) / safe
                    await bot.download(job.document, destination=path)
                    outcome = await self._import(bot, job, path)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                text = i18n("import-interrupted", file=name)
                await asyncio.wait_for(self._say(bot, job, text), 2)
            raise
        except Exception:
            log.exception("registry import failed")
            with contextlib.suppress(TelegramAPIError):
                await self._say(bot, job, i18n("import-failed", file=name))
            return
        if outcome is None:
            return
        try:  # committed, then said; a report Telegram refuses leaves the import stored
            await self._report(bot, job, outcome)
        except TelegramAPIError as exc:
            log.warning("registry import stored, its report not sent: %s", type(exc).__name__)

    async def _import(self, bot: Bot, job: ImportJob, path: Path) -> ImportOutcome | None:
        """The import with its progress shown; None when it was refused or failed (then the
        progress message says so)."""
        i18n = job.i18n
        done = 0

        def progress(rows: int) -> None:
            nonlocal done
            done = rows

        ticker = asyncio.create_task(self._tick(bot, job, lambda: done))
        try:
            async with self._sessions() as session:
                outcome = await import_file(
                    session,
                    path,
                    self._clock(),
                    progress=progress,
                    staff_id=job.staff_id,
                    file_name=job.file_name,
                    limits=self._limits,
                    checkpoint=session.commit,
                )
                # the audit entry; every batch is already stored
                await session.commit()
        except RegistryFormatError as exc:
            await self._say(bot, job, refusal(exc, job.file_name, done, i18n))
            return None
        except SQLAlchemyError:
            log.exception("registry import: the database failed")
            failed = i18n("import-failed", file=texts.esc(job.file_name))
            await self._say(bot, job, f"{failed}\n{_saved(done, i18n)}")
            return None
        finally:
            ticker.cancel()
        return outcome

    async def _tick(self, bot: Bot, job: ImportJob, rows: Callable[[], int]) -> None:
        """Edit the progress message when rows were read since the last edit, now and then."""
        shown = 0
        while True:
            await asyncio.sleep(self.progress_every)
            if rows() != shown:
                shown = rows()
                await self._progress(bot, job, shown)

    async def _progress(self, bot: Bot, job: ImportJob, rows: int) -> None:
        text = job.i18n("import-progress", file=texts.esc(job.file_name), rows=rows)
        with contextlib.suppress(TelegramAPIError):  # progress is a courtesy, never an error
            await self._edit(bot, job, text)

    async def _report(self, bot: Bot, job: ImportJob, outcome: ImportOutcome) -> None:
        await self._say(bot, job, texts.import_report(job.file_name, outcome, job.i18n))
        rejected = outcome.report.rejected
        if rejected:
            await bot.send_document(
                job.chat_id,
                BufferedInputFile(
                    rejected_csv(outcome.report, outcome.originals),
                    filename=texts.rejected_file_name(job.file_name),
                ),
                caption=job.i18n("staffcmd-import-rejected-file", count=len(rejected)),
                reply_to_message_id=job.file_message_id,
            )

    async def _edit(self, bot: Bot, job: ImportJob, text: str) -> None:
        await bot.edit_message_text(
            text=text, chat_id=job.chat_id, message_id=job.progress_message_id
        )

    async def _say(self, bot: Bot, job: ImportJob, text: str) -> None:
        """The final word: the progress message becomes it, or a new reply when it is gone."""
        try:
            await self._edit(bot, job, text)
        except TelegramBadRequest as exc:
            if "not modified" in exc.message:
                return
            await bot.send_message(job.chat_id, text, reply_to_message_id=job.file_message_id)
