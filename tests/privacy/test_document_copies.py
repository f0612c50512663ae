"""DOWNLOAD_DOCUMENTS: a member's documents copied to disk by the scheduler's job, after the
update; the copies go with an erase and with retention, after their commit."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import select

from bot.config import ConfigError, load_settings
from bot.delivery.documents import DocumentCopier
from bot.scheduler import DOWNLOAD_JOB, add_download_job, create_scheduler
from bot.services.privacy import copies
from bot.services.reminders import ReminderRules
from storage.models import Member, Request, RequestDocument
from tests.privacy.conftest import OLENA, PrivacyWorld
from tests.privacy.test_retention_and_audit import _card, _sweep
from tgsandbox import SANDBOX_TOKEN
from tgsandbox.faults import fault_from_json
from tgsandbox.state import OutgoingFile

SCAN = b"%PDF-1.7\n% the member's referral\n" + bytes(range(256)) * 40
FIRST_RETRY = copies.FIRST_RETRY.total_seconds()


@pytest.fixture
def copies_dir(tmp_path: Path) -> Path:
    return tmp_path / "documents"


@pytest.fixture
def world_settings(copies_dir: Path) -> dict[str, Any]:
    return {"download_documents": str(copies_dir)}


async def _run_job(world: PrivacyWorld) -> None:
    """The scheduler's download job, run once (what APScheduler does every 30 s)."""
    root = world.settings.download_documents
    assert root is not None
    scheduler = AsyncIOScheduler(timezone="UTC")
    copier = DocumentCopier(world.bot, world.sessions, root, world.clock)
    add_download_job(scheduler, copier, world.settings)
    job = scheduler.get_job(DOWNLOAD_JOB)
    assert job is not None
    await job.func()


async def _documents(world: PrivacyWorld) -> list[RequestDocument]:
    async with world.sessions() as session:
        query = select(RequestDocument).order_by(RequestDocument.id)  # type: ignore[arg-type]
        return list((await session.execute(query)).scalars())


async def _member_sends_a_document(world: PrivacyWorld) -> tuple[Member, Request]:
    """The member opens their request and adds a PDF to it, as they would in Telegram."""
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    await world.say(f"/start r_{request.id}")
    assert request.number in world.last(OLENA)["text"]
    await world.tap("✉️ Add a message or documents")
    world.state.send_files(
        OLENA,
        "document",
        [OutgoingFile("my referral (scan).pdf", SCAN, "application/pdf")],
        caption="Page 2 is the <signed> one",
    )
    await world.settled()
    await world.tap("✅ Send")
    assert "Your message was added to the request" in world.last(OLENA)["text"]
    return member, request


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


async def test_a_members_document_is_copied_after_the_update(world, copies_dir):
    _, request = await _member_sends_a_document(world)
    # the member's update downloaded nothing: the job does it
    assert world.calls("getFile") == []
    [document] = await _documents(world)
    assert (document.local_path, document.caption) == (None, "Page 2 is the <signed> one")
    await world.say("/mydata")
    assert "📎 my referral (scan).pdf" in world.last(OLENA)["text"]
    assert ": Page 2 is the <signed> one\n" in world.last(OLENA)["text"]  # what they wrote
    assert "a copy is kept" not in world.last(OLENA)["text"]

    await _run_job(world)
    [document] = await _documents(world)
    assert document.local_path == f"{request.id}/{document.id}-{document.file_unique_id}.pdf"
    assert document.downloaded_at == world.clock()
    assert (copies_dir / document.local_path).read_bytes() == SCAN
    assert _files(copies_dir) == [copies_dir / document.local_path]  # no .part file left
    assert oct((copies_dir / document.local_path).stat().st_mode & 0o777) == oct(0o600)

    # the next run has nothing to do
    await _run_job(world)
    assert len(world.calls("getFile")) == 1
    # the member is told a copy is kept
    await world.say("/mydata")
    assert "📎 my referral (scan).pdf" in world.last(OLENA)["text"]
    assert (
        ": Page 2 is the <signed> one · a copy is kept on the insurer's server"
        in (world.last(OLENA)["text"])
    )


async def test_off_by_default_nothing_is_downloaded(world, copies_dir, monkeypatch):
    monkeypatch.delenv("DOWNLOAD_DOCUMENTS", raising=False)
    settings = world.settings.model_copy(update={"download_documents": None})
    default = load_settings(bot_token=SANDBOX_TOKEN, bot_api_url="http://x", _env_file=None)
    assert default.download_documents is None
    rules = ReminderRules(tz=settings.tz)
    scheduler = create_scheduler(world.deliverer(), world.sessions, rules, world.clock, settings)
    assert scheduler.get_job(DOWNLOAD_JOB) is None
    await _member_sends_a_document(world)
    await world.deliver()
    assert world.calls("getFile") == []
    assert [d.local_path for d in await _documents(world)] == [None]
    assert _files(copies_dir) == []


async def test_a_failed_download_is_tried_again_and_the_member_is_unaffected(world, copies_dir):
    await _member_sends_a_document(world)
    said = world.last(OLENA)
    world.state.faults.append(
        fault_from_json(world.state.next_id(), {"kind": "500", "method": "getFile"})
    )
    await _run_job(world)
    [document] = await _documents(world)
    assert (document.local_path, document.download_attempts) == (None, 1)
    assert _files(copies_dir) == []
    assert world.last(OLENA) == said  # nothing reached the member

    await _run_job(world)  # too soon: it waits
    assert len(world.calls("getFile")) == 1
    world.clock.advance(seconds=FIRST_RETRY + 1)
    await _run_job(world)
    [document] = await _documents(world)
    assert document.download_attempts == 2 and document.local_path is not None
    assert (copies_dir / document.local_path).read_bytes() == SCAN


async def test_an_unknown_file_is_given_up_after_its_tries_and_a_big_one_never_tried(world):
    member = await world.member_with_card()
    request = await world.submit(member)
    async with world.sessions.begin() as session:
        for file_id, size in (("BQAC-gone", 1000), ("BQAC-huge", copies.DOWNLOAD_LIMIT + 1)):
            session.add(
                RequestDocument(
                    request_id=request.id or 0,
                    file_id=file_id,
                    file_unique_id=f"u-{file_id}",
                    kind="document",
                    file_name="../../etc/passwd",
                    file_size=size,
                    created_at=world.clock(),
                )
            )
    for _ in range(copies.MAX_ATTEMPTS + 2):
        await _run_job(world)
        world.clock.advance(days=1)
    gone, huge = await _documents(world)
    assert (gone.download_attempts, gone.local_path) == (copies.MAX_ATTEMPTS, None)
    assert (huge.download_attempts, huge.local_path) == (copies.MAX_ATTEMPTS, None)
    tried = [c["params"]["file_id"] for c in world.calls("getFile")]
    assert tried == ["BQAC-gone"] * copies.MAX_ATTEMPTS
    # the member's file name never makes the path
    assert copies.relative_path(gone) == f"{request.id}/{gone.id}-u-BQAC-gone.bin"


async def test_erase_deletes_the_copies_after_its_commit(world, copies_dir):
    _, request = await _member_sends_a_document(world)
    await _run_job(world)
    [copy] = _files(copies_dir)
    await world.say("/mydata")
    await world.tap("🗑 Delete my data")
    await world.tap("🗑 Yes, delete everything")
    assert "Your data has been erased" in world.last(OLENA)["text"]
    assert await _documents(world) == []
    assert not copy.exists() and not (copies_dir / str(request.id)).exists()


async def test_a_copy_left_by_a_process_that_died_after_the_erase_goes_with_the_next_sweep(
    world, copies_dir, monkeypatch
):
    other = await world.member_with_card(telegram_id=10002)
    others = await world.submit(other)
    stored = world.state.files.add_document(b"another member's file", "other.pdf", None)
    async with world.sessions.begin() as session:
        session.add(
            RequestDocument(
                request_id=others.id or 0,
                file_id=stored["file_id"],
                file_unique_id=stored["file_unique_id"],
                kind="document",
                created_at=world.clock(),
            )
        )
    _, request = await _member_sends_a_document(world)
    await _run_job(world)
    [kept] = _files(copies_dir / str(others.id))
    [left] = _files(copies_dir / str(request.id))

    async def died(*_args: Any) -> int:  # the process stops right after the commit
        return 0

    monkeypatch.setattr(copies, "remove", died)
    await world.say("/mydata")
    await world.tap("🗑 Delete my data")
    await world.tap("🗑 Yes, delete everything")
    assert "Your data has been erased" in world.last(OLENA)["text"]
    assert left.exists()

    await _sweep(world)
    assert not left.exists() and not left.parent.exists()
    assert kept.read_bytes() == b"another member's file"


async def test_a_failed_erase_commit_deletes_no_copy(world, copies_dir, monkeypatch):
    await _member_sends_a_document(world)
    await _run_job(world)
    [copy] = _files(copies_dir)
    await world.say("/mydata")
    await world.tap("🗑 Delete my data")

    async def refuse(self) -> bool:
        await self.session.rollback()
        return False

    monkeypatch.setattr("storage.uow.UnitOfWork.commit", refuse)
    await world.tap("🗑 Yes, delete everything")
    assert "not saved" in world.last(OLENA)["text"].lower() or "could not be saved" in (
        world.last(OLENA)["text"].lower()
    )
    assert copy.read_bytes() == SCAN
    assert len(await _documents(world)) == 1


async def test_retention_deletes_the_copies_of_old_closed_requests(world, copies_dir):
    _, request = await _member_sends_a_document(world)
    await _run_job(world)
    [copy] = _files(copies_dir)
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()  # the card now offers "Done"
    await world.press(_card(world, request.number), "✅ Done")
    world.clock.advance(days=world.settings.retention_days + 1)
    await _sweep(world)
    assert await _documents(world) == []
    assert not copy.exists() and not (copies_dir / str(request.id)).exists()


async def test_a_document_erased_during_its_download_leaves_no_copy(world, copies_dir):
    await _member_sends_a_document(world)
    download = world.bot.download

    async def erased_meanwhile(*args: Any, **kwargs: Any) -> Any:
        result = await download(*args, **kwargs)
        async with world.sessions.begin() as session:
            for document in (await session.execute(select(RequestDocument))).scalars():
                await session.delete(document)
        return result

    world.bot.download = erased_meanwhile  # type: ignore[method-assign]
    await _run_job(world)
    assert _files(copies_dir) == []


def test_download_documents_must_be_a_writable_directory(tmp_path):
    made = load_settings(
        bot_token=SANDBOX_TOKEN,
        bot_api_url="http://x",
        download_documents=str(tmp_path / "new" / "docs"),
        _env_file=None,
    )
    assert made.download_documents == tmp_path / "new" / "docs"
    assert made.download_documents.is_dir()
    a_file = tmp_path / "file"
    a_file.write_text("x")
    # a file, a path under a file, a place nobody may create a directory in
    for bad in (a_file, a_file / "below", Path("/proc/no-such/docs")):
        with pytest.raises(ConfigError, match="DOWNLOAD_DOCUMENTS"):
            load_settings(
                bot_token=SANDBOX_TOKEN,
                bot_api_url="http://x",
                download_documents=str(bad),
                _env_file=None,
            )
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(ConfigError, match="not writable"):
            load_settings(
                bot_token=SANDBOX_TOKEN,
                bot_api_url="http://x",
                download_documents=str(locked),
                _env_file=None,
            )


async def test_the_running_roles_schedule_the_job_only_when_set(world):
    from bot.app import running

    async with running(world.settings, world.clock, apply_migrations=False) as runtime:
        job = runtime.scheduler.get_job(DOWNLOAD_JOB)
        assert job is not None
        assert job.trigger.interval.total_seconds() == world.settings.download_interval_seconds
    off = world.settings.model_copy(update={"download_documents": None})
    async with running(off, world.clock, apply_migrations=False) as runtime:
        assert runtime.scheduler.get_job(DOWNLOAD_JOB) is None
